"""How a window ends: one ``shutdown``, whatever ends it, and never a second life.

``ClosingWindow`` is the ``QMainWindow`` that ``MainWindow`` builds on. Every
way out reaches its ``shutdown``: ``close()`` (Ctrl+Q; Ctrl+C and SIGTERM in the
``epochviz`` command, see ``interrupt``; quitting the application), and a window
dropped with ``del`` or freed by the cycle collector (``__del__``). Qt deleting
the window (``deleteLater``, a parent) and the interpreter's exit end its
training too: the run sessions stop on the window's ``destroyed`` and at exit
(``RunSession.stop``). A closed window refuses to be shown or driven again.
"""

from __future__ import annotations

import functools
import sys

import shiboken6
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from epochviz.qt.window.gui_thread import check_gui_thread, end_on_gui_thread, gui_thread_only, on_gui_thread

CLOSED = ("This epochviz window was closed: its training has ended and it cannot be shown or trained again. "
          "Make a new MainWindow(...) instead.")


def while_open(method):
    """Decorate a public method of the window: on the GUI thread only, and never after ``close()``."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        check_gui_thread(f"MainWindow.{method.__name__}()")
        if self.closed:
            raise RuntimeError(f"MainWindow.{method.__name__}(): {CLOSED}")
        return method(self, *args, **kwargs)

    return guarded


def _end(window: ClosingWindow) -> None:
    """Stop a window that was never closed and delete its Qt objects, the Qt way (on the GUI thread).

    Then its Python attributes go too: the parts Qt does not own (pyqtgraph's menus,
    timers without a parent) are freed here and now, as if the window had been
    dropped without a cycle, instead of by a later collection on another thread.
    """
    if shiboken6.isValid(window) and shiboken6.ownedByPython(window):
        window.shutdown()
        shiboken6.delete(window)
        window.__dict__.clear()


class ClosingWindow(QMainWindow):
    """A main window that ends once, through ``shutdown`` (which a subclass extends), however it ends."""

    closed = False  # True once closed: a closed window trains no more and is not shown again

    def shutdown(self) -> None:
        """End the window for good (safe to call twice): a subclass stops what it runs, then calls this."""
        self.closed = True

    def stop_training(self) -> None:
        """Stop what trains for the window, touching no widget (safe in the middle of a paint); a subclass's."""

    def show(self) -> None:
        """Show the window (``RuntimeError`` once it has been closed)."""
        if self.closed:
            raise RuntimeError(f"MainWindow.show(): {CLOSED}")
        super().show()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override: every way of showing comes here
        if visible and self.closed:
            raise RuntimeError(CLOSED)
        super().setVisible(visible)

    @gui_thread_only
    def close(self) -> bool:
        """Close the window (``RuntimeError`` from another thread: Qt waited there for ever)."""
        return super().close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def __del__(self) -> None:
        """Dropped without ``close()``: stop training and delete the window's Qt objects on the GUI thread.

        Python frees a window caught in a reference cycle with its cycle collector,
        which runs wherever something happens to allocate, and deletes the Qt objects
        it holds one by one, in no particular order: that crashed in QSplitter's
        destructor. Ending the window first deletes them with their parent, the Qt
        way. Its training stops now (on the GUI thread); the window itself is kept
        until the GUI thread's event loop ends it at its next turn (or at exit): the
        collector may run in the middle of this very window's paint, and deleting it
        there crashed in ``QPainter.drawLines``.
        """
        if sys.is_finalizing():
            return  # the interpreter is exiting: its sessions were stopped at exit (``session.stop_all``)
        try:
            # Only a window Python owns: one Qt owns (``deleteLater``, a parent) is Qt's to delete,
            # and may be in the middle of it (its sessions stop with ``destroyed``).
            if shiboken6.isValid(self) and shiboken6.ownedByPython(self):
                if on_gui_thread():
                    self.stop_training()  # a dropped window trains no more, event loop or not
                end_on_gui_thread(functools.partial(_end, self))
        except RuntimeError:
            pass  # Qt already torn down: nothing left to end
