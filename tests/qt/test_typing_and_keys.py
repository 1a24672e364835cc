"""Typed values are taken at face value or refused with a reason; the keyboard always reaches the window."""

import pytest
from PySide6.QtCore import Qt

from tests.qt.conftest import readout, wait_for_iterations


@pytest.fixture
def window(make_window, qtbot):
    window = make_window(samples=2000, batch_size=20, epochs=3)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def type_into(qtbot, box, text, key=Qt.Key.Key_Return):
    box.setFocus()
    box.selectAll()
    if text:
        qtbot.keyClicks(box, text)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, key)


def status(window):
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("typed", ["5000", "99999", "2,001"])
def test_a_batch_size_above_n_is_the_full_batch_and_says_so(window, qtbot, typed):
    type_into(qtbot, window.controls.batch.box, typed)
    assert window.controls.batch.value() == 2000
    assert "full batch" in status(window)
    assert readout(window).startswith("iterations per epoch = ceil(2,000 / 2,000) = 1")


@pytest.mark.parametrize("typed, reason", [("0", "at least 1"), ("", "needs a number"), ("-5", "at least 1"),
                                           ("2.5", "whole number")])
def test_a_refused_batch_size_keeps_the_old_value_and_says_why(window, qtbot, typed, reason):
    type_into(qtbot, window.controls.batch.box, typed)
    assert window.controls.batch.value() == 20
    assert reason in status(window)
    assert window.controls.batch.box.text() == "20"


@pytest.mark.parametrize(
    "control, typed, expected",
    [("epochs", "1000", 100), ("width", "100", 64), ("depth", "9", 4), ("samples", "500000", 100_000)],
)
def test_every_box_takes_a_value_above_its_range_as_its_maximum_with_a_notice(window, qtbot, control, typed, expected):
    widget = getattr(window.controls, control)
    box = getattr(widget, "box", widget)
    type_into(qtbot, box, typed)
    assert widget.value() == expected
    assert f"{expected:,}" in status(window)


def test_a_learning_rate_above_the_range_becomes_the_maximum_with_a_notice(window, qtbot):
    type_into(qtbot, window.controls.lr.box, "500")
    assert window.controls.lr.value() == 100.0 and window.config.lr == 100.0
    assert "100" in status(window)


def test_after_enter_in_a_box_right_steps_space_plays_and_r_resets(window, qtbot):
    type_into(qtbot, window.controls.batch.box, "50")
    assert window.controls.batch.value() == 50
    assert not window.controls.batch.box.hasFocus()
    target = window.windowHandle()  # through the platform, as a real key press travels
    # Right first, on the paused new run: exactly one iteration, however slow the machine. (After
    # Space, Space it raced the iterations that ran between the two presses and waited for 1 forever.)
    qtbot.keyClick(target, Qt.Key.Key_Right)  # step one phase: the first one runs an iteration
    wait_for_iterations(qtbot, window, 1)
    assert window.last_iteration == 1
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert window.playing and window.controls.batch.value() == 50
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert not window.playing
    qtbot.keyClick(target, Qt.Key.Key_R)
    assert window.last_iteration == 0 and "Reset" in status(window)


def test_escape_leaves_a_box_and_forgets_the_typing(window, qtbot):
    box = window.controls.batch.box
    type_into(qtbot, box, "7", key=Qt.Key.Key_Escape)
    assert not box.hasFocus()
    assert window.controls.batch.value() == 20 and box.text() == "20"


@pytest.mark.parametrize("name", ["shuffle", "drop_last", "reset", "dataset", "step_epoch"])
def test_space_plays_wherever_the_focus_is_and_never_edits_a_setting(window, qtbot, name):
    widget = getattr(window.controls, name)
    widget.setFocus()
    assert widget.hasFocus()
    before = window.controls.config()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Space)
    assert window.playing
    assert window.controls.config() == before
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Space)
    assert not window.playing
