"""Projector scale from the keyboard, the F1 overview, and --scale at the door."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.windowHandle(), k, modifier)


def test_ctrl_plus_minus_and_zero_scale_text_and_chart_together(window, qtbot):
    readout = window.readout.font().pointSizeF()
    tick = window.chart.plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF()
    key(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.scale == 1.25
    assert window.readout.font().pointSizeF() == pytest.approx(1.25 * readout)
    assert window.chart.plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(1.25 * tick)
    assert window.chart.smooth.opts["pen"].widthF() == pytest.approx(3 * 1.25)
    key(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.scale == 1.1
    key(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.scale == 1.0 and window.readout.font().pointSizeF() == pytest.approx(readout)


def test_the_scale_stays_between_75_and_250_percent(window, qtbot):
    for _ in range(20):
        window.projector.larger()
    assert window.projector.scale == 2.5
    for _ in range(20):
        window.projector.smaller()
    assert window.projector.scale == 0.75
    with pytest.raises(ValueError, match="scale"):
        window.projector.set_scale(3)


def test_f1_shows_every_shortcut_and_the_three_words_and_escape_closes_it(window, qtbot):
    key(qtbot, window, Qt.Key.Key_F1)
    overview = window.projector.overview
    assert overview.isVisible()
    text = overview.findChild(QLabel).text()
    assert all(word in text for word in ("Iteration", "Batch size", "Epoch", "Page Down", "Ctrl+Shift+L", "F11"))
    qtbot.keyClick(overview, Qt.Key.Key_Escape)
    assert not overview.isVisible()


@pytest.mark.parametrize("value", ["3", "0.5", "abc", "300%"])
def test_a_bad_scale_on_the_command_line_is_status_2(capsys, value):
    from epochviz.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["--scale", value])
    assert info.value.code == 2 and "--scale" in capsys.readouterr().err


def test_every_setting_explains_its_term_in_a_tooltip(window):
    from epochviz.qt.panel.controls import tooltips

    for name in tooltips():
        tip = getattr(window.controls, name).toolTip()
        assert tip.endswith(".") and len(tip.split()) >= 5, name


@pytest.mark.parametrize("name", ["dark", "high-contrast", "light"])
def test_a_theme_reaches_the_widgets_the_chart_and_the_views(window, name):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from epochviz.qt.look import palette
    from epochviz.qt.look.themes import THEMES

    theme = THEMES[name]
    window.projector.use_theme(name)
    assert window.theme == name
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).getRgb()[:3] == theme.window
    assert window.chart.plot.backgroundBrush().color().getRgb()[:3] == theme.base
    assert palette.VIEW_BACKGROUND.getRgb()[:3] == theme.view_background
    assert tuple(palette.STATE_RGBA[1, :3]) == theme.states[1]
    assert window.chart.smooth.opts["pen"].color().getRgb()[:3] == theme.smooth
    assert window.chart.smooth.opts["pen"].widthF() == pytest.approx(3 * theme.line_scale)
    checked = [a.data() for a in window.projector._theme_actions.actions() if a.isChecked()]
    assert checked == [name]
    window.grab()  # every view paints in it without an error


def test_an_unknown_theme_is_refused(capsys):
    from epochviz.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["--theme", "neon"])
    assert info.value.code == 2 and "--theme" in capsys.readouterr().err


def test_the_themes_are_the_names_the_command_line_and_the_settings_accept():
    from epochviz.core.window_options import THEME_NAMES
    from epochviz.qt.look.themes import THEMES

    assert tuple(THEMES) == THEME_NAMES
