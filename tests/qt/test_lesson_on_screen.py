"""The lesson on one projector screen: at 1280x720 and 1024x768, in the normal and the presentation view,
for every built-in scene and in compare mode, the transport, the readout, the views and the chart (or
compare mode's chart and table) lie wholly on screen (no scrolling), and the loss chart takes at least
35 % of the window's height.

One window per size, reused by every scene (building one costs more than a scene).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from epochviz.app import MainWindow
from epochviz.core.scenes import builtin_scenes
from epochviz.qt.look.screen_fit import FillingColumn
from epochviz.text.translations import use_language
from tests.qt.lesson_on_screen import COMPARE_PARTS, LESSON_PARTS, problems, seen_rect, settle

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = [((1280, 720), "en"), ((1024, 768), "en"), ((1280, 720), "zh_CN"), ((1024, 768), "zh_CN")]
SCENES = range(len(builtin_scenes()))


@pytest.fixture(scope="module", params=WINDOWS, ids=lambda p: f"{p[0][0]}x{p[0][1]}-{p[1]}")
def sized_window(request, qapp):
    (width, height), language = request.param
    window = MainWindow(backend="thread", language=language)
    window.resize(width, height)
    window.layout_parts.share_width(window)
    window.show()
    settle()
    yield window
    window.close()
    use_language("en")  # the language is the application's: the other tests read English
    settle(5)


def _use(window, scene, presenting):
    if presenting:
        window.presentation.enter(full_screen=False)
    else:
        window.presentation.leave()
    window.tour.show(scene)
    settle()


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize("scene", SCENES)
def test_every_scene_shows_the_whole_lesson_without_scrolling(sized_window, scene, presenting):
    _use(sized_window, scene, presenting)
    if sized_window.compare.active:  # a comparison scene: compare mode's chart and table
        assert problems(sized_window, COMPARE_PARTS, chart=None) == []
        return
    assert problems(sized_window, LESSON_PARTS) == []
    data = sized_window.views.dataset  # the counts never lie over the grid, whatever room the view has
    assert not seen_rect(data.counts).intersects(seen_rect(data.grid))
    assert seen_rect(data.counts).height() == data.counts.height()


@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
def test_compare_mode_shows_its_chart_and_whole_table_without_scrolling(sized_window, presenting):
    _use(sized_window, 0, presenting)
    sized_window.set_compare(True)
    settle()
    try:
        assert problems(sized_window, COMPARE_PARTS, chart=None) == []
    finally:
        sized_window.set_compare(False)
        settle()


PROJECTOR_AT_150 = r"""
from epochviz.app import MainWindow, make_application
from tests.qt.lesson_on_screen import COMPARE_PARTS, LESSON_PARTS, problems, settle

app = make_application()
window = MainWindow(backend="thread")
window.show()
window.presentation.toggle()  # F5: the presentation view, full screen on the projector
settle()
print("FULL", window.isFullScreen(), window.width(), window.height())
for scene in range(len(window.tour.scenes)):
    window.tour.show(scene)
    settle()
    compare = window.compare.active  # a comparison scene: compare mode's chart and table
    print("SCENE", scene + 1, problems(window, COMPARE_PARTS, chart=None) if compare else problems(window, LESSON_PARTS))
window.set_compare(True)
settle()
print("COMPARE", problems(window, COMPARE_PARTS, chart=None))
window.close()
"""


def test_a_projector_at_150_percent_shows_the_whole_lesson_in_the_presentation_view(tmp_path):
    """1280x720 pixels at QT_SCALE_FACTOR=1.5 (853x480 for the layout), after F5, in a process of its own."""
    screen = tmp_path / "projector.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96, "dpr": 1}]}))
    result = subprocess.run(
        [sys.executable, "-c", PROJECTOR_AT_150], capture_output=True, text=True, timeout=120, cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR="1.5"),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "FULL True 853 480" in lines
    measured = [line for line in lines if line.startswith(("SCENE", "COMPARE"))]
    assert len(measured) == len(SCENES) + 1
    assert all(line.endswith("[]") for line in measured), "\n".join(measured)


def test_a_wrapping_label_gives_back_the_lines_it_no_longer_needs(qtbot):
    """A scene caption or readout that gets shorter takes less room (it used to keep its tallest height)."""
    column = FillingColumn()
    label = QLabel("word " * 200)
    label.setWordWrap(True)
    column.column.addWidget(label)
    qtbot.addWidget(column)
    column.resize(400, 600)
    column.show()
    column.fit_labels()
    tall = label.height()
    label.setText("word")
    column.fit_labels()
    assert label.height() < tall / 5


def test_a_key_item_in_chinese_wraps_whole_or_not_at_all(qapp):
    """Chinese breaks between any two characters: "本轮已见" split over two lines read as two words."""
    from PySide6.QtGui import QFont

    from epochviz.qt.widgets.live_text import rich_lines, rich_width, unbreakable

    item, font = "本轮已见：29,900", QFont()
    half = rich_width(item, font) // 2
    assert rich_lines(item, font, half) >= 2
    assert rich_lines(unbreakable(item), font, half) == 1


def test_an_epoch_label_at_the_edge_of_the_chart_is_left_out_rather_than_cut(make_window, qtbot):
    window = make_window(samples=200, batch_size=100, epochs=3, backend="thread")
    window.resize(1280, 720)
    window.run_iterations(6)
    qtbot.waitUntil(lambda: len(window.chart.epoch_lines) == 3, timeout=15_000)
    settle()
    view = window.chart.plot.getPlotItem().vb
    view.sigRangeChangedManually.emit(view.state["mouseEnabled"])  # as a user's pan: the chart stops following
    assert not window.chart.following
    view.setXRange(0, 6, padding=0)  # the last tick on the right edge (a frame that followed the data moved it)
    settle()
    shown = [line.label.isVisible() for line in window.chart.epoch_lines]
    assert shown == [True, True, False]


def test_the_accuracy_table_takes_smaller_words_where_its_rows_are_small(qapp):
    """On a projector at 150 % its ten rows of labels overlapped: the words shrink to the rows' height."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from epochviz.qt.views.boundary_view import _fitting_font

    font = QFont()
    font.setPointSizeF(16)
    row = QFontMetricsF(font).height() * 0.8
    fitted = _fitting_font(font, row, 10_000, "row: true digit · column: predicted")
    assert QFontMetricsF(fitted).height() <= row and fitted.pointSizeF() >= 0.6 * 16
    assert _fitting_font(font, 1_000, 10_000, "note").pointSizeF() == 16  # no smaller than needed


def test_counters_in_one_row_keep_their_bold_numbers_on_one_line(make_window):
    window = make_window(samples=100_000, batch_size=100, epochs=10, backend="thread")
    window.resize(1280, 720)
    window.presentation.enter(full_screen=False)
    settle()
    from epochviz.qt.widgets.live_text import line_height

    progress = window.progress
    assert progress.one_row
    for counter in (progress.global_label, progress.samples_label):  # "Samples seen 1,000,000 / 1,000,000"
        assert counter.height() == line_height(counter.font()) + 4
