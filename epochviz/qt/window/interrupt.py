"""Ctrl+C and SIGTERM for the ``epochviz`` command: close the window through its normal shutdown.

Python runs a signal handler only between bytecodes, so in Qt's event loop a
plain Ctrl+C used to raise ``KeyboardInterrupt`` inside whatever slot or paint
event ran next, and SIGTERM ended the process without its shutdown. Here the
handler only posts a close to the event loop, and a light timer makes sure
Python gets to run the handler even when the window is idle.
"""

from __future__ import annotations

import signal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

WAKE_MS = 100  # how soon an idle window notices a signal
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name))


class InterruptToClose(QObject):
    """While alive, SIGINT and SIGTERM close ``window``; ``interrupted`` tells whether one did."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.interrupted = False
        self.exit_status = 0  # the shell's status for the signal that closed the window: 128 + its number
        self._window = window
        self._wake = QTimer(self, interval=WAKE_MS)
        self._wake.timeout.connect(lambda: None)  # gives Python a moment to run pending handlers
        self._wake.start()
        self._previous = {number: signal.signal(number, self._on_signal) for number in SIGNALS}

    def _on_signal(self, signum, frame) -> None:
        self.interrupted = True
        self.exit_status = 128 + signum
        QTimer.singleShot(0, self._window.close)

    def restore(self) -> None:
        """Put the previous handlers back."""
        self._wake.stop()
        for number, previous in self._previous.items():
            signal.signal(number, previous)
