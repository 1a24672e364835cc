"""Work that follows a storm of changes at most once a frame, always with the newest state.

A slider dragged fast, or a script, can change a value a thousand times a
second; redrawing what depends on it every time blocked the window for over a
second. A change in a quiet frame is shown at once; while changes keep coming,
only a flag is set, and the work runs once at the end of each frame.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

FRAME_MS = 16  # the window's frame clock (main_window.FRAME_MS)


class OncePerFrame(QObject):
    """Emits ``due`` at once for the first change of a quiet frame, then at most once per frame.

    ``request()`` says the shown state is stale; it costs a flag while a frame is
    open. ``flush()`` does owed work now and ends the frame (scripts, tests, a
    scene applied at once). The work is connected to ``due`` rather than held:
    a held bound method of the parent would make parent and throttle a cycle
    that only Python's collector could free.
    """

    due = Signal()

    def __init__(self, parent: QObject, ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._due = False
        self._open = False  # a frame is open: changes wait for its end (a Python flag: no call into Qt)
        self._timer = QTimer(self, singleShot=True, interval=ms)
        self._timer.timeout.connect(self._on_frame_end)
        self.runs = 0  # how many times the work ran (tests count refreshes with it)

    def request(self) -> None:
        """The state changed: do the work now if the frame is quiet, else once at its end."""
        if self._open:
            self._due = True
            return
        self._open = True
        self._timer.start()
        self._run()

    def flush(self) -> None:
        """Do work still owed now, and end the frame: the next change is shown at once again."""
        self._timer.stop()
        self._open = False
        if self._due:
            self._run()

    def _on_frame_end(self) -> None:
        if self._due:
            self._timer.start()  # changes are still coming: the next ones wait for the next frame's end
            self._run()
        else:
            self._open = False

    def _run(self) -> None:
        self._due = False  # first: a change made by the work itself is owed again
        self.runs += 1
        self.due.emit()
