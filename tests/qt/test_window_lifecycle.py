"""The window's edges: calls from another thread, a closed window, bad arguments, a dead compare trainer."""

import dataclasses
import math
import os
import signal
import threading

import pytest

from epochviz.core.engine import trainer_process
from tests.qt.conftest import WAIT_MS, wait_for_iterations
from tests.robust.conftest import gone_soon


def call_from_a_thread(function):
    """Run ``function`` on a new thread; the exception it raised, or None."""
    raised = []

    def run():
        try:
            function()
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            raised.append(exc)

    thread = threading.Thread(target=run, name="script-thread")
    thread.start()
    thread.join()
    return raised[0] if raised else None


@pytest.mark.parametrize("call", ["play", "reset", "switch_language", "set_scale", "close"])
def test_calling_the_window_from_another_thread_raises_naming_the_gui_thread(make_window, call):
    window = make_window(samples=200, backend="thread")
    calls = {"play": window.play, "reset": window.reset,
             "switch_language": lambda: window.languages.switch("zh_CN"),
             "set_scale": lambda: window.projector.set_scale(1.5), "close": window.close}
    error = call_from_a_thread(calls[call])
    assert isinstance(error, RuntimeError)
    assert "GUI thread" in str(error) and "'script-thread'" in str(error)
    assert not window.playing and window.projector.scale == 1.0  # nothing was done
    window.play()  # and the window still works from its own thread
    assert window.playing


def test_a_closed_window_refuses_to_train_or_show_again(make_window):
    window = make_window(samples=200)
    window.close()
    for again in (lambda: window.set_compare(True), window.play, window.reset, lambda: window.run_iterations(5)):
        with pytest.raises(RuntimeError, match="was closed"):
            again()
    assert window.compare.session.trainer_pid is None  # no new training process was started
    assert not window.compare.active
    with pytest.raises(RuntimeError, match="was closed"):
        window.show()  # it used to come back with a Play that did nothing
    assert not window.isVisible()


@pytest.mark.parametrize("n, error", [("7", TypeError), (7.9, TypeError), (None, TypeError), (0, ValueError),
                                      (-1, ValueError)])
def test_pause_at_refuses_what_is_not_an_iteration_from_1(make_window, n, error):
    window = make_window(samples=200, backend="thread")
    with pytest.raises(error, match=r"pause_at: iteration must be"):
        window.pause_at(n)


@pytest.mark.parametrize("n, error", [("5", TypeError), (2.5, TypeError), (True, TypeError), (-5, ValueError)])
def test_run_iterations_refuses_what_is_not_a_whole_number_of_iterations(make_window, n, error):
    window = make_window(samples=200, backend="thread")
    with pytest.raises(error, match=r"run_iterations: n must be"):
        window.run_iterations(n)
    assert window.last_iteration == 0 and window.state != "error"


def test_use_config_refuses_a_network_it_cannot_build_before_anything_changes(make_window, qtbot):
    window = make_window(samples=200, backend="thread")
    before = window.config
    with pytest.raises(ValueError, match=r"hidden must be .* got \(0,\)"):
        window.use_config(dataclasses.replace(before, hidden=(0,)))
    with pytest.raises(TypeError, match="speed must be a number"):
        window.use_config(before, speed="fast")
    assert window.config == before and window.controls.config() == before
    window.step()
    wait_for_iterations(qtbot, window, 1)
    assert window.state != "error" and not window.banner.isVisible()


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGSEGV", "SIGSTOP"])
def test_a_dead_compare_trainer_shows_a_banner_and_reset_recovers(make_window, qtbot, monkeypatch, sig):
    monkeypatch.setattr(trainer_process, "HANG_S", 1.0)  # a stopped trainer is noticed within a second
    window = make_window(samples=100_000, epochs=2, compare=[1, 32], language="en")  # the words read below
    window.controls.speed.setValue(math.inf)
    window.play()
    qtbot.waitUntil(lambda: all(len(h) > 5 for h in window.compare.histories), timeout=WAIT_MS)
    dead = window.compare.session.trainer_pid
    os.kill(dead, getattr(signal, sig))
    try:
        qtbot.waitUntil(lambda: window.compare.state == "error", timeout=WAIT_MS)
        banner = window.compare.view.banner
        assert banner.isVisible() and "Compare mode stopped by an error" in banner.text()
        assert ("has not answered" if sig == "SIGSTOP" else f"killed by {sig}") in banner.text()
        assert not window.playing
        assert gone_soon(dead)  # a stopped one is killed, not left behind
        window.reset()
        assert not banner.isVisible()
        window.step()
        qtbot.waitUntil(lambda: all(len(h) == 1 for h in window.compare.histories), timeout=WAIT_MS)
        assert window.compare.state != "error"
        assert window.compare.session.trainer_pid not in (None, dead)
    finally:
        try:
            os.kill(dead, signal.SIGKILL)
        except ProcessLookupError:
            pass
