"""Recording the window: frames grabbed on the GUI thread, encoded off it (``core.recording``).

A grab reads the window's backing store (about 0.3 ms at 1280x720 offscreen),
so the live animation does not stutter. While the encoder is behind (its
backlog full), a tick grabs nothing and the next one tries again: the window
never waits for the encoder, and the recording still has every frame it
promised. The status bar shows a red "recording" indicator with a Stop button,
then the encoder's progress with a Cancel button; ``finished(path)`` or
``failed(message)`` ends it. Closing the window (Ctrl+C in a terminal closes it
too) cancels a recording: no file is left.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from epochviz.core.recording import DEFAULT_FPS, FrameEncoder, check_fits, check_timing, frame_count
from epochviz.core.run_log import ExportError
from epochviz.text.translations import explain, translate


def grab_rgb(window: QWidget) -> np.ndarray:
    """The window as it is on screen, (height, width, 3) uint8 RGB."""
    pixmap = window.screen().grabWindow(window.winId()) if window.windowHandle() else None
    image = pixmap.toImage() if pixmap is not None and not pixmap.isNull() else window.grab().toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3).copy()


class WindowRecorder(QObject):
    """Records ``window`` for ``seconds`` at ``fps`` into a GIF or MP4: exactly ``frame_count(seconds, fps)`` frames."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self.encoder: FrameEncoder | None = None
        self.frames_wanted = 0
        self._grab = QTimer(self)
        self._grab.setTimerType(Qt.TimerType.PreciseTimer)
        self._grab.timeout.connect(self._take_frame)
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._check_encoder)
        self.indicator = self._build_indicator()
        window.statusBar().addPermanentWidget(self.indicator)
        self.indicator.setVisible(False)
        self.indicator.installEventFilter(self)  # Qt tells it when the language changes

    @property
    def recording(self) -> bool:
        return self._grab.isActive()

    def start(self, path: str, seconds: float, fps: float | None = None) -> None:
        """Start recording: ``ExportError`` for a path that cannot be written or a recording that would not fit
        in memory, ``ValueError`` for ``seconds`` or ``fps`` out of range (``core.recording.check_timing``)."""
        if self.encoder is not None:
            raise RuntimeError("a recording is already under way")
        fps = fps or DEFAULT_FPS.get(path[-4:].lower(), 20)
        check_timing(seconds, fps)
        first = grab_rgb(self.parent())
        frames = frame_count(seconds, fps)
        check_fits(path, first.shape[1], first.shape[0], fps, frames)
        self.encoder = FrameEncoder(path, fps)
        self.frames_wanted = frames
        self.parent().installEventFilter(self)  # while it records, closing the window cancels
        self._grab.setInterval(max(1, round(1000 / fps)))
        self._show("recording")
        self._grab.start()
        self._add(first)

    def stop(self) -> None:
        """Stop grabbing (keeping the frames so far) and let the encoder finish."""
        if self.encoder is None or not self._grab.isActive():
            return
        self._grab.stop()
        self.encoder.close_input()
        self._poll.start()
        self._show("encoding")

    def cancel(self) -> None:
        """Drop the recording: no file is left."""
        if self.encoder is None:
            return
        self._grab.stop()
        self._poll.stop()
        self.encoder.cancel()
        self._forget()
        self.failed.emit(translate("recording", "recording cancelled"))

    # -- frames ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.parent() and event.type() == QEvent.Type.Close and self.encoder is not None:
            self.cancel()
        elif watched is self.indicator and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _take_frame(self) -> None:
        encoder = self.encoder
        if encoder is None or not encoder.ready:  # the encoder is behind: this tick grabs nothing
            return
        self._add(grab_rgb(self.parent()))

    def _add(self, frame: np.ndarray) -> None:
        """Hand ``frame`` to the encoder; stop once the last is in, or at once when the encoder failed."""
        encoder = self.encoder
        if not encoder.add(frame) or encoder.frames_added >= self.frames_wanted:
            self.stop()
        else:
            seconds = encoder.frames_added / encoder.fps
            self._label.setText(translate("recording", "● Recording {seconds} / {total} s").format(
                seconds=f"{seconds:.1f}", total=f"{self.frames_wanted / encoder.fps:.0f}"))

    def _check_encoder(self) -> None:
        encoder = self.encoder
        if encoder is None:
            return
        self._progress.setMaximum(max(1, encoder.frames_added))
        self._progress.setValue(encoder.frames_encoded)
        if not encoder.done:
            return
        self._poll.stop()
        self._forget()
        try:
            self.finished.emit(str(encoder.complete()))
        except ExportError as exc:
            self.failed.emit(explain(exc))

    def _forget(self) -> None:
        """The recording is over (done, failed or cancelled): ready for the next."""
        self.encoder = None
        self.parent().removeEventFilter(self)
        self.indicator.setVisible(False)

    # -- the indicator --------------------------------------------------------------------
    def _build_indicator(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self._label = QLabel()
        self._label.setObjectName("recordingIndicator")
        self._label.setStyleSheet("QLabel { color: #c01010; font-weight: bold; }")
        self._progress = QProgressBar()
        self._progress.setMaximumWidth(160)
        self._stop = QPushButton()
        self._stop.setObjectName("recordingStopButton")
        self._stop.clicked.connect(self.stop)
        self._cancel = QPushButton()
        self._cancel.setObjectName("recordingCancelButton")
        self._cancel.clicked.connect(self.cancel)
        for widget in (self._label, self._progress, self._stop, self._cancel):
            row.addWidget(widget)
        return box

    def retranslate(self) -> None:
        self._stop.setText(translate("recording", "Stop"))
        self._cancel.setText(translate("recording", "Cancel"))

    def _show(self, stage: str) -> None:
        recording = stage == "recording"
        self.indicator.setVisible(True)
        self._stop.setVisible(recording)
        self._progress.setVisible(not recording)
        self._cancel.setVisible(not recording)
        if not recording:
            self._label.setText(translate("recording", "Encoding…"))
