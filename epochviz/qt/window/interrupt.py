"""Ctrl+C for the ``epochviz`` command: close the window through its normal shutdown.

Python runs a signal handler only between bytecodes, so in Qt's event loop a
plain Ctrl+C used to raise ``KeyboardInterrupt`` inside whatever slot or paint
event ran next. Here the handler only posts a close to the event loop, and a
light timer makes sure Python gets to run the handler even when the window is idle.
"""

from __future__ import annotations

import signal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

WAKE_MS = 100  # how soon an idle window notices Ctrl+C


class InterruptToClose(QObject):
    """While alive, SIGINT closes ``window``; ``interrupted`` tells whether it did."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.interrupted = False
        self._window = window
        self._wake = QTimer(self, interval=WAKE_MS)
        self._wake.timeout.connect(lambda: None)  # gives Python a moment to run pending handlers
        self._wake.start()
        self._previous = signal.signal(signal.SIGINT, self._on_signal)

    def _on_signal(self, signum, frame) -> None:
        self.interrupted = True
        QTimer.singleShot(0, self._window.close)

    def restore(self) -> None:
        """Put the previous SIGINT handler back."""
        self._wake.stop()
        signal.signal(signal.SIGINT, self._previous)
