"""Training never runs on the GUI thread, and updates are never handled off it."""

import threading

from PySide6.QtCore import Slot

from epochviz.app import MainWindow
from epochviz.qt.run.worker import ThreadBackend
from tests.qt.conftest import wait_for_iterations

handled_in: set[str] = set()


class RecordingWindow(MainWindow):
    """The real window, noting which thread handles each update."""

    @Slot(object)
    def _on_update(self, chunk):
        handled_in.add(threading.current_thread().name)
        super()._on_update(chunk)


def test_training_runs_in_the_worker_thread_and_updates_reach_the_gui_thread(qtbot, monkeypatch):
    trained_in = set()
    original = ThreadBackend.receive

    def receive(self):
        trained_in.add(threading.current_thread().name)
        return original(self)

    monkeypatch.setattr(ThreadBackend, "receive", receive)
    handled_in.clear()
    window = RecordingWindow(samples=100, batch_size=10, backend="thread")
    qtbot.addWidget(window)
    window.step_epoch()
    wait_for_iterations(qtbot, window, 10)
    window.shutdown()
    assert handled_in == {threading.main_thread().name}
    assert trained_in and threading.main_thread().name not in trained_in


def test_stopping_a_worker_whose_qt_objects_are_gone_is_a_no_op(qtbot):
    """An interpreter's own shutdown (IPython's) may delete Qt objects before the atexit hooks run."""
    import shiboken6

    from epochviz.qt.run.worker import _LIVE, WorkerThread

    worker_thread = WorkerThread("thread")
    assert worker_thread.stop()
    shiboken6.delete(worker_thread.worker)
    shiboken6.delete(worker_thread.thread)
    assert worker_thread.stop() and worker_thread not in _LIVE
