"""Recording the window: frames grabbed on the GUI thread, encoded off it (``core.recording``).

A recording shows the window's contents (its central widget: neither the menu
bar nor the status bar, where the recording indicator is) and starts at the
first fully drawn frame: it waits (a few seconds at most) until the window says
it has everything it draws (``ready``). A grab reads the window's backing store
(about 0.3 ms at 1280x720 offscreen), so the live animation does not stutter. While the encoder is behind (its
backlog full), a tick grabs nothing and the next one tries again: the window
never waits for the encoder, and the recording still has every frame it
promised. The status bar shows a red "recording" indicator with a Stop button,
then the encoder's progress with a Cancel button; ``finished(path)`` or
``failed(message)`` ends it. Closing the window (Ctrl+C in a terminal closes it
too) cancels a recording: no file is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from epochviz.core.recording import DEFAULT_FPS, FrameEncoder, check_fits, check_timing, frame_count
from epochviz.core.run_log import ExportError
from epochviz.text.translations import explain, translate

READY_WAIT_S = 3.0  # a window that never says it is ready is recorded as it is after this long


def recorded_area(window: QMainWindow) -> QRect:
    """The part of ``window`` a recording shows: its central widget (not the menu bar, nor the status bar)."""
    central = window.centralWidget()
    if central is None:
        return window.rect()
    return QRect(central.mapTo(window, QPoint(0, 0)), central.size())


def grab_rgb(window: QWidget, area: QRect | None = None) -> np.ndarray:
    """``area`` of the window (all of it by default) as it is on screen, (height, width, 3) uint8 RGB."""
    area = area if area is not None else window.rect()
    pixmap = (window.screen().grabWindow(window.winId(), area.x(), area.y(), area.width(), area.height())
              if window.windowHandle() else None)
    image = pixmap.toImage() if pixmap is not None and not pixmap.isNull() else window.grab(area).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3).copy()


class WindowRecorder(QObject):
    """Records ``window`` for ``seconds`` at ``fps`` into a GIF or MP4: exactly ``frame_count(seconds, fps)`` frames.

    ``ready()`` says whether the window is fully drawn (it may bring it up to date
    first): the first frame waits for it, for up to ``READY_WAIT_S``. (It must not
    hold the window, or the window would be a reference cycle: give it parts.)
    The window is the recorder's subject, reached as ``parent()``: its pixels, never its parts.
    """

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QMainWindow, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self._ready = ready
        self._asked_since = 0.0  # when the recording started waiting for the window to be ready
        self.encoder: FrameEncoder | None = None
        self.frames_wanted = 0
        self._grab = QTimer(self)
        self._grab.setTimerType(Qt.TimerType.PreciseTimer)
        self._grab.timeout.connect(self._take_frame)
        self._poll = QTimer(self, interval=50)
        self._poll.timeout.connect(self._check_encoder)
        self.indicator = self._build_indicator()
        self.retranslate()  # its buttons' words now: Qt sends LanguageChange only when the language changes
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
        height, width, _ = self._grab_frame().shape
        frames = frame_count(seconds, fps)
        check_fits(path, width, height, fps, frames)
        self.encoder = FrameEncoder(path, fps)
        self.frames_wanted = frames
        self.parent().installEventFilter(self)  # while it records, closing the window cancels
        self._grab.setInterval(max(1, round(1000 / fps)))
        self._show("recording")
        self._say_progress()
        self._asked_since = time.monotonic()
        # The first frame at the timer's first tick, not now: the dialog that asked for the file and
        # the seconds has only just closed, and a real screen shows it over the window until the
        # window has repainted what it covered (the first frame of a GIF showed the dialog).
        self._grab.start()

    def _grab_frame(self) -> np.ndarray:
        window = self.parent()
        return grab_rgb(window, recorded_area(window))

    def window_image(self) -> QImage:
        """The whole window as it is now, menu and status bar included (File > Export window as PNG)."""
        return self.parent().grab().toImage()

    def window_size(self) -> tuple[int, int]:
        """The window's (width, height) in pixels: the aspect a picture of it keeps."""
        window = self.parent()
        return window.width(), window.height()

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
        if not encoder.frames_added:  # the first frame: once the window is fully drawn, with no dialog over it
            waiting = not self._ready() or QApplication.activeModalWidget() is not None
            if waiting and time.monotonic() - self._asked_since < READY_WAIT_S:
                return
            central = self.parent().centralWidget()
            if central is not None:
                central.repaint()  # painted now, not at the next turn of the event loop
        self._add(self._grab_frame())

    def _add(self, frame: np.ndarray) -> None:
        """Hand ``frame`` to the encoder; stop once the last is in, or at once when the encoder failed."""
        encoder = self.encoder
        if not encoder.add(frame) or encoder.frames_added >= self.frames_wanted:
            self.stop()
        else:
            self._say_progress()

    def _say_progress(self) -> None:
        encoder = self.encoder
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
        """The indicator's buttons in the current language."""
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
