"""The main window: controls on the left; numbers, views and the loss chart on the right.

It wires the views to one ``TrainWorker`` on a ``QThread``: commands go out
as queued signals, coalesced ``Chunk`` updates come back, and every widget is
touched only here, on the GUI thread.
"""

from __future__ import annotations

import math
import weakref

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.history import LossHistory
from epochviz.core.session import Chunk, RunConfig
from epochviz.core.words import count
from epochviz.limits import checked_window_presets
from epochviz.qt.controls import ControlPanel
from epochviz.qt.glossary import GlossaryCard
from epochviz.qt.look import apply_look
from epochviz.qt.loss_plot import LossPlot
from epochviz.qt.progress_panel import ProgressPanel
from epochviz.qt.screen_fit import (
    FillingColumn,
    fit_to_screen,
    scale_text,
    scrolling,
    text_scale_for,
)
from epochviz.qt.views_panel import LearningViews
from epochviz.qt.worker import BACKENDS, WorkerThread

RECONFIGURE_MS = 200  # a dragged slider restarts training once it rests this long
CONTROLS_MAX_WIDTH = 480
NOTICE_MS = 6000
FRAME_MS = 33  # counters, views and chart are drawn together at most this often  # how long a passing message stays in the status bar

_BANNER_STYLE = (
    "QLabel { background:#fde2e1; color:#8a1c13; border:1px solid #e5a29c; padding:8px; border-radius:4px; }"
)


def _unbroken_parts(readout: str) -> str:
    """Let a long readout wrap between its ``|``-separated parts and at its ``=`` signs, nowhere else."""
    def unbroken(text: str) -> str:
        return text.replace(" ", "\N{NO-BREAK SPACE}")

    return " | ".join(" = ".join(unbroken(side) for side in part.split(" = ")) for part in readout.split(" | "))


class MainWindow(QMainWindow):
    """The epochviz window. Every keyword presets a control; all are optional.

    ``backend`` chooses where training runs: ``"process"`` (default, a child
    process behind the worker thread) or ``"thread"`` (in the worker thread).
    """

    command = Signal(object)
    # Relays: a worker signal connected to a signal of this window is a plain Qt
    # connection between two QObjects, queued into the GUI thread whatever Python
    # callable handles it (PySide may call a bound method in the emitter's thread).
    _chunk_arrived = Signal(object)
    _error_arrived = Signal(str)
    frame_presented = Signal()  # after each frame's counters and views are set (tests, benchmarks)

    def __init__(
        self,
        *,
        dataset: str | None = None,
        samples: int | None = None,
        batch_size: int | None = None,
        epochs: int | None = None,
        lr: float | None = None,
        play: bool = False,
        backend: str = "process",
    ) -> None:
        super().__init__()
        apply_look(QCoreApplication.instance())
        self.setWindowTitle("epochviz – epoch, batch and iteration")
        presets = checked_window_presets(dataset=dataset, samples=samples, batch_size=batch_size,
                                         epochs=epochs, lr=lr)
        if not isinstance(play, (bool, np.bool_)):
            raise TypeError(f"play must be True or False, got {play!r}")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
        config = RunConfig().with_changes(**presets)
        # The batch-size slider ends at N: a larger preset means the same full batch.
        config = config.with_changes(batch_size=min(config.batch_size, config.samples))
        self.config = config.validated()
        self.run_id = 0
        self.playing = False
        self.state = "idle"
        self.last_iteration = 0

        self._build_layout()
        self._counters_due = False
        self._frame = QTimer(self, interval=FRAME_MS)
        self._frame.timeout.connect(self.present)
        self._frame.start()
        self._reconfigure = QTimer(self, singleShot=True, interval=RECONFIGURE_MS)
        self._reconfigure.timeout.connect(self._send_configure)
        self.worker_thread = WorkerThread(backend)
        # The worker and its process end with the window, however it ends: closed,
        # dropped (``del``), left open when the script returns, or at application quit.
        self._stop_worker = weakref.finalize(self, self.worker_thread.stop)
        QCoreApplication.instance().aboutToQuit.connect(self._stop_worker)
        worker = self.worker_thread.worker
        self.command.connect(worker.command)
        worker.updated.connect(self._chunk_arrived, Qt.ConnectionType.QueuedConnection)
        worker.errored.connect(self._error_arrived, Qt.ConnectionType.QueuedConnection)
        self._chunk_arrived.connect(self._on_update)
        self._error_arrived.connect(self._on_error)

        c = self.controls
        c.config_changed.connect(self._on_config_changed)
        c.notice.connect(self._show_notice)
        c.play.clicked.connect(self.toggle_play)
        c.step.clicked.connect(self._on_step_clicked)
        c.step_epoch.clicked.connect(self.step_epoch)
        c.reset.clicked.connect(self.reset)
        c.speed.valueChanged.connect(self._on_speed)
        # Window shortcuts, not button shortcuts: QAbstractButton.setText() replaces a
        # button's shortcut with its mnemonic, so Space stopped working after the first Play.
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.toggle_play)
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, self.step_phase)
        QShortcut(QKeySequence(Qt.Key.Key_R), self, self.reset)
        QShortcut(QKeySequence("Shift+Right"), self, self.step)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)  # for the projector
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)

        self._new_run()
        self._send_configure()
        self._on_speed(c.speed.value())
        if play:
            self.play()

    def _build_layout(self) -> None:
        """Controls (scrollable) | readout, progress, banner, then views above the chart."""
        self.controls = ControlPanel(self.config)
        self.readout = QLabel()
        self.readout.setObjectName("scheduleReadout")
        self.readout.setAccessibleName("Schedule arithmetic")
        self.readout.setWordWrap(True)
        font = QFont()
        font.setPointSize(15)
        font.setBold(True)
        self.readout.setFont(font)
        self.banner = QLabel()
        self.banner.setObjectName("messageBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.progress = ProgressPanel()
        self.views = LearningViews()
        self.chart = LossPlot()

        self._column = right = FillingColumn()
        column = right.column
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.readout)
        column.addWidget(self.progress)
        column.addWidget(self.banner)
        results = QSplitter(Qt.Orientation.Vertical)  # views above, chart below; drag to resize
        results.addWidget(self.views)
        results.addWidget(self.chart)
        results.setStretchFactor(0, 1)
        results.setStretchFactor(1, 1)
        results.setSizes([1000, 1000])  # start half and half, whatever the size hints say
        column.addWidget(results, 1)
        self.glossary = GlossaryCard()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(4, 4, 4, 4)
        left_column.addWidget(self.controls)
        left_column.addWidget(self.glossary)
        left_column.addStretch(1)
        controls = scrolling(left)
        # As wide as the controls need (labels go above fields when narrow), no wider than useful.
        controls.setMinimumWidth(left.minimumSizeHint().width() + controls.verticalScrollBar().sizeHint().width())
        controls.setMaximumWidth(CONTROLS_MAX_WIDTH)
        self._controls_area, self._text_scale = controls, 1.0
        splitter = QSplitter()
        splitter.addWidget(controls)
        splitter.addWidget(scrolling(right, horizontal=True))  # scrolls only on a very small screen
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.statusBar().showMessage("")  # there from the start: its first message must not shift the layout
        fit_to_screen(self)
        # The results get the room they need first; the controls get what is left, up to 400 px.
        right_needs = right.minimumSizeHint().width() + 2 * controls.verticalScrollBar().sizeHint().width() + 12
        left_gets = max(controls.minimumWidth(), min(400, self.width() - right_needs - splitter.handleWidth()))
        splitter.setSizes([left_gets, self.width() - left_gets])

    # -- transport --------------------------------------------------------------
    def play(self) -> None:
        if self.state in ("finished", "diverged", "error"):
            self._new_run()  # Play after the end starts again from scratch
            self._send_configure()
        self._send("play")
        self._set_playing(True)

    def toggle_full_screen(self) -> None:
        """F11: the whole screen for the lecture hall, and back."""
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Full screen on a big display: text grows with the room (up to 1.75x), for the back row.
        factor = text_scale_for(self) if self.isFullScreen() else 1.0
        if factor != self._text_scale:
            self._text_scale = factor
            scale_text(self, factor)
            self._controls_area.setMaximumWidth(round(CONTROLS_MAX_WIDTH * factor))

    def run_iterations(self, n: int) -> None:
        """Run ``n`` iterations now, as fast as possible, then stay paused (scripts, screenshots)."""
        self.views.awaiting_phase_step = False
        self._send("step", int(n))
        self._set_playing(False)

    def pause(self) -> None:
        self._send("pause")
        self._set_playing(False)

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def step(self) -> None:
        """Run one whole iteration (Shift+Step)."""
        self.run_iterations(1)

    def step_phase(self) -> None:
        """Show the next phase of the iteration; run a new iteration when the last one is done (Step)."""
        self._set_playing(False)
        if self.views.step_phase():
            self._send("step", 1)
        else:
            self._send("pause")

    def _on_step_clicked(self) -> None:
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.step()
        else:
            self.step_phase()

    def step_epoch(self) -> None:
        self._send("step_epoch")
        self._set_playing(False)

    def reset(self) -> None:
        """A fresh run with the same settings, paused at iteration 0."""
        self._set_playing(False)
        self._new_run()
        self._send_configure()
        self.statusBar().showMessage("Reset: a new run starts from iteration 0 with fresh weights.", NOTICE_MS)

    def _on_speed(self, speed: float) -> None:
        self._send("speed", None if math.isinf(speed) else speed)
        self.views.set_transport(playing=self.playing, speed=speed)

    def _set_playing(self, playing: bool) -> None:
        self.playing = playing
        self.controls.play.setText("❚❚ Pause" if playing else "▶ Play")
        self.views.set_transport(playing=playing, speed=self.controls.speed.value())

    def _send(self, *command: object) -> None:
        if self._reconfigure.isActive():  # a pending new run must start before it is driven
            self._send_configure()
        self.command.emit(tuple(command))

    # -- runs -------------------------------------------------------------------
    def _on_config_changed(self, config: RunConfig) -> None:
        try:
            config.validated()
        except ValueError as exc:
            self.statusBar().showMessage(f"Cannot use these settings: {exc}", NOTICE_MS)
            return
        self.config = config
        self._new_run()
        self._reconfigure.start()
        self.statusBar().showMessage("Settings changed: the run was reset to iteration 0.", NOTICE_MS)

    def _new_run(self) -> None:
        """Forget the current run in the views; its late updates will be ignored."""
        self.run_id += 1
        self.state = "idle"
        self.last_iteration = 0
        self.schedule = self.config.schedule()
        self.history = LossHistory(self.schedule)
        self.chart.set_history(self.history)
        self.progress.set_state(self.schedule, 0)
        self.readout.setText(_unbroken_parts(self.schedule.facts().readout()))
        self._column.fit_labels()
        self.glossary.set_state(self.schedule)
        self.views.set_run(self.config, self.schedule)
        self.banner.setVisible(False)

    def _send_configure(self) -> None:
        self._reconfigure.stop()
        self.command.emit(("configure", self.config, self.run_id))
        self.views.load_data()
        if self.playing:
            self.command.emit(("play",))

    # -- updates from the worker ----------------------------------------------------
    @Slot(object)
    def _on_update(self, chunk: Chunk) -> None:
        if chunk.run_id != self.run_id:
            return
        if len(chunk):
            self.history.append(chunk.global_iteration, chunk.loss)
            self.chart.mark_dirty()
            self.last_iteration = int(chunk.global_iteration[-1])
            self._counters_due = True
        if chunk.epoch_ends:
            self.chart.add_epoch_ends(chunk.epoch_ends)
        self.views.on_chunk(chunk)
        if chunk.state != self.state:
            self._on_state(chunk)

    def present(self) -> None:
        """One frame: counters, views and chart together, so that they show the same iteration.

        Updates arrive up to 60 times a second; drawing them all on one clock
        means one repaint a frame instead of one per update and per view.
        """
        if self._counters_due:
            self._counters_due = False
            self.progress.set_state(self.schedule, self.last_iteration)
        self.views.refresh()
        self.chart.tick()
        self.frame_presented.emit()

    def _on_state(self, chunk: Chunk) -> None:
        self.state = chunk.state
        if chunk.state == "finished":
            self._set_playing(False)
            self.statusBar().showMessage(
                f"Finished: {count(self.schedule.epochs, 'epoch')}, {count(self.last_iteration, 'iteration')}. "
                "Press Play to train again from scratch."
            )
        elif chunk.state == "diverged":
            self._set_playing(False)
            self._show_banner(
                f"Training diverged at iteration {self.last_iteration:,}: the loss became infinite "
                f"because the learning rate ({self.config.lr:g}) is too high. Lower it, then press "
                "Reset or Play.",
            )
            self.statusBar().showMessage("Paused: the loss is no longer a finite number.")
        elif chunk.state == "error":
            self._on_error(chunk.error or "unknown error")

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._set_playing(False)
        self.state = "error"
        self._show_banner(f"Training stopped by an error: {message}. Press Reset to start again.")
        self.statusBar().showMessage(f"Error: {message}")

    def _show_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, NOTICE_MS)

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(True)
        self._column.fit_labels()

    # -- closing ----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop training and join the worker thread (safe to call twice)."""
        self._reconfigure.stop()
        self._stop_worker()
