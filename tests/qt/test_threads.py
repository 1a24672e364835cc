"""Training never runs on the GUI thread, and updates are never handled off it."""

import threading

import shiboken6

from epochviz.app import MainWindow
from epochviz.core.engine.session import TrainingEngine
from epochviz.qt.run.session import RunSession
from tests.qt.conftest import wait_for_iterations


def test_training_runs_off_the_gui_thread_and_updates_reach_the_gui_thread(qtbot, monkeypatch):
    trained_in, handled_in = set(), set()
    original = TrainingEngine.run

    def run(self, now, budget):
        trained_in.add(threading.current_thread().name)
        return original(self, now, budget)

    monkeypatch.setattr(TrainingEngine, "run", run)
    window = MainWindow(samples=100, batch_size=10, backend="thread")
    qtbot.addWidget(window)
    window.run.chunk_arrived.connect(lambda chunk: handled_in.add(threading.current_thread().name))
    window.step_epoch()
    wait_for_iterations(qtbot, window, 10)
    window.shutdown()
    assert handled_in == {threading.main_thread().name}
    assert trained_in and threading.main_thread().name not in trained_in


def test_stopping_a_session_whose_qt_objects_are_gone_still_ends_its_training(qtbot):
    """An interpreter's own shutdown (IPython's) may delete Qt objects before the atexit hooks run."""
    from epochviz.core.engine.session import RunConfig

    session = RunSession(RunConfig(samples=100, batch_size=10), backend="thread")
    session.play()
    trainer = session._backend._thread
    assert trainer.is_alive()
    shiboken6.delete(session)
    session.stop()
    assert not trainer.is_alive() and session._backend is None
    session.stop()  # and again: nothing left to do
