"""The window belongs to the GUI thread: a clear error for a call from another thread, and an end there.

Qt widgets may only be touched from the thread that runs the application (the
GUI thread). A script that calls ``play()`` from a ``threading.Thread`` used to
crash inside Qt; ``gui_thread_only`` turns that into a ``RuntimeError`` that
says where to call from. ``end_on_gui_thread`` is for the other direction: a
window that Python frees (its cycle collector runs wherever something happens to
allocate: on another thread, or on the GUI thread in the middle of a paint) is
deleted by the GUI thread's event loop at its next turn, or at the interpreter's
exit, never in the middle of whatever was running.
"""

from __future__ import annotations

import atexit
import functools
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

F = TypeVar("F", bound=Callable)


def on_gui_thread() -> bool:
    """True on the thread that runs the Qt application (or when there is no application yet)."""
    return QCoreApplication.instance() is None or QThread.isMainThread()


def check_gui_thread(what: str) -> None:
    """``RuntimeError`` naming ``what`` and the GUI thread unless called on the GUI thread."""
    if not on_gui_thread():
        raise RuntimeError(
            f"{what} was called from the thread {threading.current_thread().name!r}; the epochviz window may only "
            f"be used from the GUI thread (the one that created the QApplication and runs its event loop). From "
            f"another thread, emit a Qt signal connected to the window, or use "
            f"QTimer.singleShot(0, window, callback).")


def gui_thread_only(method: F) -> F:
    """Decorate a public method of a window part: called off the GUI thread, it raises instead of crashing Qt."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        check_gui_thread(f"{type(self).__name__}.{method.__name__}()")
        return method(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]


class _Handover(QObject):
    """Lives on the GUI thread; ``due`` (emitted from any thread) runs the queued endings there."""

    due = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._queue: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self.due.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def add(self, ending: Callable[[], None]) -> None:
        with self._lock:
            self._queue.append(ending)
        self.due.emit()

    def _run(self) -> None:
        with self._lock:
            endings, self._queue = self._queue, []
        for ending in endings:
            ending()

    def run_now(self) -> None:
        """Run the endings still queued (at the interpreter's exit: no event loop will run them)."""
        if on_gui_thread():
            self._run()


_handover: _Handover | None = None


def prepare_handover() -> None:
    """Make the GUI thread's receiver of endings (call on the GUI thread, before a window can be freed)."""
    global _handover
    if _handover is None:
        _handover = _Handover()
        atexit.register(_handover.run_now)  # a script that drops its window and exits without an event loop


def end_on_gui_thread(ending: Callable[[], None]) -> bool:
    """Run ``ending`` on the GUI thread at its event loop's next turn (or at exit); False if it cannot.

    Never now, even on the GUI thread: the cycle collector calls a finalizer in the
    middle of anything, such as the paint of the very widget it would delete (that
    crashed in ``QPainter.drawLines``). ``ending`` may hold the object it ends
    (keeping it alive until then).
    """
    if _handover is None or QCoreApplication.instance() is None:
        return False
    _handover.add(ending)
    return True
