"""A training process that is stuck or cannot start is reported in plain words, and replaced on Reset."""

import math
import os
import signal
import time

import pytest

from epochviz.core.engine import trainer_process
from tests.qt.conftest import wait_for_iterations, wait_for_state
from tests.robust.conftest import gone_soon

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")


def trainer_pid(qtbot, window):
    qtbot.waitUntil(lambda: window.run.trainer_pid is not None)
    return window.run.trainer_pid


def test_a_stopped_trainer_is_noticed_replaced_on_reset_and_never_delays_closing(make_window, qtbot, monkeypatch):
    monkeypatch.setattr(trainer_process, "HANG_S", 1.0)
    window = make_window(samples=100_000, batch_size=1, epochs=10)
    window.controls.speed.setValue(math.inf)
    window.play()
    wait_for_iterations(qtbot, window, 10)
    stuck = trainer_pid(qtbot, window)
    os.kill(stuck, signal.SIGSTOP)
    try:
        wait_for_state(qtbot, window, "error")
        assert "has not answered" in window.banner.text() and not window.playing
        assert gone_soon(stuck)  # killed, not left behind stopped
        window.reset()
        window.step()
        wait_for_iterations(qtbot, window, 1)
        fresh = trainer_pid(qtbot, window)
        assert fresh != stuck
        os.kill(fresh, signal.SIGSTOP)  # stuck again, and now the window closes
        started = time.monotonic()
        window.close()
        assert time.monotonic() - started < 5  # bounded by the kill, not by the stuck process
        assert gone_soon(fresh)
    finally:
        for pid in (stuck, window.run.trainer_pid):
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def test_a_trainer_that_cannot_start_is_reported_in_plain_words(make_window, qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "numpy"
    broken.mkdir()
    (broken / "__init__.py").write_text("raise ImportError('this numpy is broken on purpose')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    window = make_window(samples=100, batch_size=10)
    window.play()
    wait_for_state(qtbot, window, "error")
    text = window.banner.text()
    assert "could not start" in text and "this numpy is broken on purpose" in text


def test_a_trainer_still_starting_is_given_longer_than_one_that_went_quiet(monkeypatch, tmp_path):
    """A new training process imports numpy before its first word; on a busy machine that outlasted HANG_S."""
    from epochviz.core.engine.trainer_process import TrainerGone, TrainerProcess
    from tests.robust.conftest import poll_until

    slow = tmp_path / "numpy"
    slow.mkdir()
    (slow / "__init__.py").write_text("import time\ntime.sleep(60)\n")  # an import that takes for ever
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setattr(trainer_process, "START_S", 3.0)
    trainer = TrainerProcess(hang_s=0.2)  # alive, and silent before its first word

    def gone() -> bool:
        try:
            trainer.receive()
        except TrainerGone:
            return True
        return False

    try:
        assert not poll_until(gone, 1.0)  # five times HANG_S, and still given its time to start
        assert poll_until(gone, 10.0)  # but not for ever
    finally:
        trainer.close()
