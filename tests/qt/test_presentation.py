"""The presentation view from a clicker's keys (F5 in; Esc or Shift+F5 out), the settings panel's key (F4),
a part shown large for a scene (``emphasise``), and a data grid that grows with the room it has."""

import pytest
from PySide6.QtCore import Qt

from epochviz.qt.presenting.presentation import EMPHASIS_TEXT_SCALE
from epochviz.qt.presenting.projector import overview_html
from tests.qt.lesson_on_screen import LESSON_PARTS, problems, settle


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.windowHandle(), key, modifier)


def _setting_up_shown(window) -> dict[str, bool]:
    parts = window.layout_parts
    return {"menu bar": window.menuBar().isVisible(), "settings": parts.controls_area.isVisible(),
            "status bar": window.statusBar().isVisible(), "chart tools": parts.chart.tools.isVisible()}


def _lesson_shown(window) -> bool:
    parts = window.layout_parts
    return all(w.isVisible() for w in (parts.transport, parts.readout, parts.progress, parts.views.caption,
                                       parts.views.dataset, parts.chart.plot, parts.chart.legend))


@pytest.mark.parametrize("leave", [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                                   (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)], ids=["Esc", "Shift+F5"])
def test_f5_gives_the_screen_to_the_lesson_and_the_clickers_keys_bring_the_settings_back(window, qtbot, leave):
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.presentation.active and window.isFullScreen()
    assert not any(_setting_up_shown(window).values()) and _lesson_shown(window)
    press(qtbot, window, *leave)
    assert not window.presentation.active and not window.isFullScreen()
    assert all(_setting_up_shown(window).values()) and _lesson_shown(window)


def test_the_tour_keys_work_with_the_menu_bar_hidden(window, qtbot):
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.tour.index == 0 and window.tour.caption.isVisible()
    press(qtbot, window, Qt.Key.Key_B)
    assert window.tour.black.isVisible()
    press(qtbot, window, Qt.Key.Key_Period)
    assert not window.tour.black.isVisible()
    press(qtbot, window, Qt.Key.Key_F5)  # F5 again leaves too
    assert not window.presentation.active


def test_esc_does_nothing_in_the_normal_view(window, qtbot):
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.presentation.active and all(_setting_up_shown(window).values())


def test_f4_hides_and_shows_the_settings_and_the_view_menu_says_which(window, qtbot):
    area, action = window.layout_parts.controls_area, window.presentation.settings_action
    press(qtbot, window, Qt.Key.Key_F4)
    assert not area.isVisible() and not action.isChecked() and _lesson_shown(window)
    press(qtbot, window, Qt.Key.Key_F4)
    assert area.isVisible() and action.isChecked()


def test_the_presentation_view_hides_the_settings_and_leaving_keeps_the_normal_views_choice(window, qtbot):
    area = window.layout_parts.controls_area
    press(qtbot, window, Qt.Key.Key_F4)  # hidden in the normal view
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not area.isVisible()
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_F4)  # F4 in the presentation view: shown once the view is left
    assert not area.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert area.isVisible()


def test_the_view_menu_and_the_f1_overview_name_the_keys(window):
    texts = [action.text() for action in window.projector.menu.actions()]
    assert "Presentation view" in texts and "Settings panel" in texts
    assert window.presentation.present_action.shortcut().toString() == "F5"
    assert window.presentation.settings_action.shortcut().toString() == "F4"
    overview = overview_html()
    assert "<b>F5</b>" in overview and "<b>Esc, Shift+F5</b>" in overview and "<b>F4</b>" in overview


def test_a_scene_can_show_the_memory_meter_large_where_the_settings_are_hidden(window):
    window.resize(1280, 720)
    parts, meter = window.layout_parts, window.controls.memory
    form = window.controls.groups["schedule"].layout()
    home = form.getWidgetPosition(meter)
    size = meter.text.font().pointSizeF()
    window.presentation.emphasise("memory")
    settle()
    assert form.getWidgetPosition(meter) == home and meter.isVisible()  # the settings show it already
    window.presentation.enter(full_screen=False)
    settle()
    assert meter.parentWidget() is parts.emphasis and parts.emphasis.isVisible() and meter.isVisible()
    assert meter.text.font().pointSizeF() == pytest.approx(EMPHASIS_TEXT_SCALE * size)
    assert not form.isRowVisible(home[0])  # no empty "Memory" row left in the settings
    assert problems(window, LESSON_PARTS) == []  # and the lesson keeps its room
    window.projector.set_scale(1.5)  # the projector scale keeps it larger than the rest
    assert meter.text.font().pointSizeF() == pytest.approx(1.5 * EMPHASIS_TEXT_SCALE * size)
    window.projector.set_scale(1.0)
    window.presentation.leave()
    settle()
    assert form.getWidgetPosition(meter) == home and form.isRowVisible(home[0]) and meter.isVisible()
    assert not parts.emphasis.isVisible() and meter.text.font().pointSizeF() == pytest.approx(size)
    window.presentation.enter(full_screen=False)
    window.presentation.emphasise(None)
    settle()
    assert form.getWidgetPosition(meter) == home and not parts.emphasis.isVisible()


def test_emphasise_names_the_parts_it_knows(window):
    with pytest.raises(ValueError, match="memory"):
        window.presentation.emphasise("network")


def test_the_data_grid_gives_each_of_10000_samples_a_visible_cell_in_the_presentation_view(make_window):
    window = make_window(samples=10_000, batch_size=100, backend="thread")
    window.resize(1280, 720)
    window.presentation.enter(full_screen=False)
    settle()
    grid = window.views.dataset.grid
    rows, columns = grid.cells
    assert rows * columns >= 10_000
    assert min(grid.width() / columns, grid.height() / rows) >= 1.5  # pixels a sample, not a speck


def test_a_side_panel_stands_beside_the_lesson_in_both_views(window):
    from PySide6.QtWidgets import QLabel

    window.resize(1280, 720)
    parts, panel = window.layout_parts, QLabel("def train(): ...")
    panel.setMinimumWidth(300)
    parts.set_side_panel(panel)
    assert not panel.isVisible()  # until asked for
    parts.show_side_panel(True)
    for presenting in (False, True):
        window.presentation.enter(full_screen=False) if presenting else window.presentation.leave()
        settle()
        assert panel.isVisible() and panel.mapTo(window, panel.rect().topLeft()).x() > parts.chart.plot.mapTo(
            window, parts.chart.plot.rect().topLeft()).x()
        assert problems(window, LESSON_PARTS) == []
    parts.show_side_panel(False)
    assert not panel.isVisible()


def test_what_the_hidden_status_bar_would_say_shows_over_the_lesson_in_the_presentation_view(window, qtbot):
    said = window.presentation.said
    window.show_notice("Saved <b>/tmp/chart.png</b>")
    assert not said.isVisible()  # the normal view has its status bar
    window.presentation.enter(full_screen=False)
    window.show_notice("Export failed: cannot write /mnt/x/chart.png: the disk is full")
    assert said.isVisible() and said.text().endswith("the disk is full")
    transport = window.layout_parts.transport
    assert said.geometry().bottom() < transport.mapTo(window.layout_parts.screen, transport.rect().topLeft()).y()
    window.statusBar().clearMessage()  # the message's time is up
    assert not said.isVisible()
    window.show_notice("Saved chart.png")
    window.presentation.leave()
    assert not said.isVisible()
