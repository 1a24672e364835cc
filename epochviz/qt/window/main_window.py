"""The main window: a thin mediator between the controls, the views and the training worker.

Its widgets are made and placed by ``window_layout``. It wires them to one
``TrainWorker`` on a ``QThread``: commands go out as queued signals, coalesced
``Chunk`` updates come back and are drawn once per frame (``present``), and
every widget is touched only here, on the GUI thread.
"""

from __future__ import annotations

import functools
import math
import numbers
import sys
from collections.abc import Sequence

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from epochviz.core.history import LossHistory
from epochviz.core.engine.session import Chunk, RunConfig
from epochviz.core.scenes import Scene
from epochviz.core.checks import check_real
from epochviz.core.window_options import checked_window_config, checked_window_start
from epochviz.qt.window import messages
from epochviz.qt.compare.compare_mode import CompareMode
from epochviz.qt.window.code_actions import CodeActions
from epochviz.qt.window.exports import Exports
from epochviz.qt.window.gui_thread import check_gui_thread, end_on_gui_thread, gui_thread_only, prepare_handover
from epochviz.qt.look.accessible import ScreenReaderNames
from epochviz.qt.look.language import LanguageMenu, choose_language
from epochviz.qt.look.style import apply_look
from epochviz.qt.window.page_faults import avoid_huge_page_stalls
from epochviz.qt.presenting.presentation import PARTS, Presentation
from epochviz.qt.presenting.projector import Projector
from epochviz.qt.look.themes import system_theme
from epochviz.qt.presenting.tour import Tour
from epochviz.qt.window.window_layout import build_window_layout, readout_words
from epochviz.qt.run.worker import BACKENDS, WorkerSet

RECONFIGURE_MS = 200  # a dragged slider restarts training once it rests this long
NOTICE_MS = 6000  # how long a passing message stays in the status bar
FRAME_MS = 16  # the frame clock: views and counters, then the chart, each every other tick
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


def _end(window: MainWindow) -> None:
    """Stop a window that was never closed and delete its Qt objects, the Qt way (on the GUI thread).

    Then its Python attributes go too: the parts Qt does not own (pyqtgraph's menus,
    timers without a parent) are freed here and now, as if the window had been
    dropped without a cycle, instead of by a later collection on another thread.
    """
    if shiboken6.isValid(window) and shiboken6.ownedByPython(window):
        window.shutdown()
        shiboken6.delete(window)
        window.__dict__.clear()


class MainWindow(QMainWindow):
    """The epochviz window. Every keyword presets a control; all are optional.

    ``settings`` are rows of the settings table (``core.settings.SETTINGS``):
    ``dataset``, ``samples``, ``batch_size``, ``epochs``, ``lr``, ``accumulate``,
    ``hidden``, ``activation``, ``shuffle``, ``drop_last``, ``seed``, ...; each is
    checked by its row, and an unknown one is a ``TypeError`` that lists them.

    ``backend`` chooses where training runs: ``"process"`` (default, a child
    process behind the worker thread) or ``"thread"`` (in the worker thread).
    ``language`` is ``"en"`` or ``"zh_CN"`` (default: the one this process
    chose already, else the one last chosen in the Language menu, else the
    locale's, as for the ``epochviz`` command; the Language menu switches it later).
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
        play: bool = False,
        backend: str = "process",
        scene: str | Scene | None = None,
        scale: float = 1.0,
        theme: str | None = None,
        compare: Sequence[int | str] | None = None,
        language: str | None = None,
        **settings: object,
    ) -> None:
        check_gui_thread("MainWindow()")
        super().__init__()
        prepare_handover()
        self.closed = False  # True once closed: a closed window trains no more and is not shown again
        language_problem = choose_language(language)  # first: every part is made in the window's language
        self.setWindowTitle(messages.window_title())
        apply_look(QCoreApplication.instance())
        avoid_huge_page_stalls()
        start = checked_window_start(
            settings, play=play, scale=scale, theme=theme, backend=backend, backends=BACKENDS, scene=scene, compare=compare)
        self.config = start.config
        self.run_id = 0
        self._configured = False  # whether the training process has the current run (``_send_configure``)
        self.playing = False
        self.state = "idle"
        self.last_iteration = 0

        self.layout_parts = parts = build_window_layout(self, self.config)
        self.controls, self.readout, self.banner = parts.controls, parts.readout, parts.banner
        self.progress, self.views, self.chart, self.glossary = parts.progress, parts.views, parts.chart, parts.glossary
        self.alert = messages.Banner(self.banner, parts.column.fit_labels)  # the banner's words, in any language
        self._counters_due, self._chart_turn = False, False
        self._frame = QTimer(self, interval=FRAME_MS)
        self._frame.timeout.connect(self._on_frame)
        self._frame.start()
        self._pending_config: RunConfig | None = None
        self._config_throttle = QTimer(self, singleShot=True, interval=FRAME_MS)
        self._config_throttle.timeout.connect(self._apply_pending_config)
        self._reconfigure = QTimer(self, singleShot=True, interval=RECONFIGURE_MS)
        self._reconfigure.timeout.connect(self._send_configure)
        # The workers and their processes end with the window, however it ends: closed,
        # dropped (``del``, see ``__del__``), deleted by Qt, or at application quit.
        self.workers = WorkerSet()
        self.worker_thread = self.workers.start(backend)
        self._at_quit = QCoreApplication.instance().aboutToQuit.connect(self.workers.stop)
        self.destroyed.connect(self.workers.stop)
        worker = self.worker_thread.worker
        self.command.connect(worker.command)
        worker.updated.connect(self._chunk_arrived, Qt.ConnectionType.QueuedConnection)
        worker.errored.connect(self._error_arrived, Qt.ConnectionType.QueuedConnection)
        self._chunk_arrived.connect(self._on_update)
        self._error_arrived.connect(self._on_error)
        self.compare = CompareMode(self, start.compare, backend)  # the second mode: batch sizes side by side

        c = self.controls
        c.config_changed.connect(self._on_config_changed)
        c.notice.connect(self.show_notice)
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
        self.exports = Exports(self)  # the File menu: chart, window and log, and Quit (Ctrl+Q)
        self.tour = Tour(self)  # the Scenes menu: Page Down/Up, Home, 1-9, B
        self.projector = Projector(self, scale)  # the View menu: Ctrl+= / Ctrl+- / Ctrl+0, F11, F1, themes
        self.projector.use_theme(theme or system_theme())
        # The View menu's F5 (the lesson alone) and F4 (the settings panel); a scene's emphasis.
        self.presentation = Presentation(parts, self.menuBar(), self.statusBar(), self.projector.menu, self.compare.view)
        self.tour.emphasis_requested.connect(self._emphasise)
        self.languages = LanguageMenu(self.menuBar())  # the Language menu: English / 中文 at run time
        self.languages.notice.connect(self.show_notice)
        self.languages.problem.connect(self.statusBar().showMessage)  # it stays until another message
        self.languages.report(language_problem)
        # View > Code (Ctrl+Shift+C) and File > Save as Python script (Ctrl+Shift+S); fed every frame by the views
        self.code = CodeActions(self, parts.code, self.exports.menu, self.projector.menu, self.presentation.show_code)
        self.code.notice.connect(self.show_notice)
        self.views.loop_moved.connect(parts.code.show_position)
        ScreenReaderNames(self)  # the last part made: every named widget is there now

        self._new_run()
        if compare is None:  # a window that opens in compare mode starts its single run when the mode is left
            self._send_configure()
        self._on_speed(c.speed.value())
        if start.scene is not None:
            self.tour.start(start.scene)
        if compare is not None:
            self.set_compare(True)
        if play:
            self.play()

    # -- transport --------------------------------------------------------------
    @while_open
    def set_compare(self, on: bool) -> None:
        """Switch between one run and compare mode (Ctrl+K); the mode left behind pauses."""
        self.compare.switch(on)

    @while_open
    def play(self) -> None:
        if self.compare.active and self.compare.state in ("finished", "error"):
            self.compare.restart()  # Play after the end compares again from scratch
        elif self.state in ("finished", "diverged", "error") and not self.compare.active:
            self._new_run()  # Play after the end starts again from scratch
            self._send_configure()
        self._send("play")
        self.set_playing(True)

    @gui_thread_only
    def toggle_full_screen(self) -> None:
        """F11: the whole screen for the lecture hall, and back."""
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # each part words itself again; the title is the window's
            self.setWindowTitle(messages.window_title())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if hasattr(self, "projector"):  # not while the window is being built
            self.projector.apply()  # full screen on a large display: the back row reads it too

    @while_open
    def run_iterations(self, n: int) -> None:
        """Run ``n`` iterations now, as fast as possible, then stay paused (scripts, screenshots).

        ``TypeError`` for anything but a whole number, ``ValueError`` for a negative one.
        """
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral):
            raise TypeError(f"run_iterations: n must be a whole number of iterations, got {n!r}")
        if n < 0:
            raise ValueError(f"run_iterations: n must be 0 or more iterations, got {n!r}")
        self.views.awaiting_phase_step = False
        self._send("step", int(n))
        self.set_playing(False)

    @while_open
    def pause(self) -> None:
        self._send("pause")
        self.set_playing(False)

    @while_open
    def pause_at(self, iteration: int) -> None:
        """The run pauses by itself once global iteration ``iteration`` has run (a scene's moment of proof)."""
        self._send("pause_at", int(iteration))

    @while_open
    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    @while_open
    def step(self) -> None:
        """Run one whole iteration (Shift+Step)."""
        self.run_iterations(1)

    @while_open
    def step_phase(self) -> None:
        """Show the next phase of the iteration; run a new iteration when the last one is done (Step)."""
        if self.compare.active:
            return self.step()  # compare mode has no slow motion: one update of every run
        self.set_playing(False)
        if self.views.step_phase():
            self._send("step", 1)
        else:
            self._send("pause")

    def _on_step_clicked(self) -> None:
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.step()
        else:
            self.step_phase()

    @while_open
    def step_epoch(self) -> None:
        self._send("step_epoch")
        self.set_playing(False)

    @while_open
    def reset(self) -> None:
        """A fresh run with the same settings, paused at iteration 0."""
        self.set_playing(False)
        if self.compare.active:
            self.compare.restart()
            self.show_notice(messages.reset_compare())
            return
        self._new_run()
        self._send_configure()
        self.show_notice(messages.reset_one())

    def _on_speed(self, speed: float) -> None:
        self._send("speed", None if math.isinf(speed) else speed)
        self.views.set_transport(playing=self.playing, speed=speed)

    @gui_thread_only
    def set_playing(self, playing: bool) -> None:
        """Show the transport as playing or paused (the Play button's text, the views' pacing)."""
        self.playing = playing
        self.controls.show_playing(playing)
        self.views.set_transport(playing=playing, speed=self.controls.speed.value())

    def ensure_single_run(self) -> None:
        """Compare mode was left: start the single run if the mode kept it from starting (or changed it)."""
        if not self._configured:
            self._send_configure()

    def _send(self, *command: object) -> None:
        if self.compare.active:
            self.compare.send(tuple(command))
            return
        if self._reconfigure.isActive():  # a pending new run must start before it is driven
            self._send_configure()
        self.command.emit(tuple(command))

    # -- runs -------------------------------------------------------------------
    def _on_config_changed(self, config: RunConfig) -> None:
        """A setting changed: apply it now, or (in a storm of changes) once per frame, the newest."""
        self._pending_config = config
        if not self._config_throttle.isActive():
            self._apply_pending_config()
            self._config_throttle.start()  # changes in the next frame wait for its end

    @while_open
    def use_config(self, config: RunConfig, speed: float | None = None) -> None:
        """Show and apply ``config`` now (a scene, a script): a new run; ``speed`` None keeps the speed.

        ``TypeError``/``ValueError`` naming the field for a config the window cannot show or run.
        """
        config = checked_window_config(config)
        if speed is not None and speed != math.inf:  # inf: as fast as it goes
            check_real("speed", speed, low=0.0, low_open=True)
        self.controls.set_config(config)
        if speed is not None:
            self.controls.speed.setValue(speed)
        self._pending_config = config
        self.flush_settings()

    @while_open
    def flush_settings(self) -> None:
        """Apply a setting change still waiting for the end of its frame, now (scripts and tests)."""
        self.controls.flush()  # the panel sends its newest settings first
        self._config_throttle.stop()
        self._apply_pending_config()

    def _apply_pending_config(self) -> None:
        config, self._pending_config = self._pending_config, None
        if config is None or config == self.config:
            return
        try:
            config.validated()
        except ValueError as exc:
            self.show_notice(messages.settings_refused(exc))
            return
        self.config = config
        self.compare.set_base(config)
        self._new_run()
        self._reconfigure.start()
        self.show_notice(messages.settings_changed())

    def _new_run(self) -> None:
        """Forget the current run in the views; its late updates will be ignored."""
        self.run_id += 1
        self.state = "idle"
        self.last_iteration = 0
        self.schedule = self.config.schedule()
        self.history = LossHistory(self.schedule)
        self.chart.set_history(self.history)
        self.progress.set_schedule(self.schedule)
        self.progress.set_state(self.schedule, 0)
        self.readout.set_words(readout_words(self.schedule.facts()))
        self.layout_parts.column.fit_labels()
        self.glossary.set_state(self.schedule)
        self.layout_parts.code.set_config(self.config)
        self.views.set_run(self.config, self.schedule)
        self.alert.hide()

    def _send_configure(self) -> None:
        """Start the current run in the training process (in compare mode: once the mode is left)."""
        self._reconfigure.stop()
        self._configured = not self.compare.active
        if not self._configured:
            return  # a window that only compares never starts the single run's process
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

    def _on_frame(self) -> None:
        """The frame clock: counters and views on one tick, the chart on the next.

        Updates arrive up to 60 times a second; drawing them on one clock means one
        repaint a tick instead of one per update and per view, and taking turns
        keeps each repaint short (no frame paints both the chart and the views).
        """
        if self.compare.active:
            self.compare.tick()
            return
        self._chart_turn = not self._chart_turn
        if self._chart_turn:
            self.chart.tick()
        else:
            self._present_state()

    @gui_thread_only
    def present(self) -> None:
        """Draw everything now: counters, views and chart (scripts, screenshots, tests)."""
        self._present_state()
        self.chart.tick()
        self.compare.present()

    def _present_state(self) -> None:
        """Counters and views together, so that they show the same iteration."""
        if self._counters_due:
            self._counters_due = False
            self.progress.set_state(self.schedule, self.last_iteration)
        self.views.refresh()
        self.frame_presented.emit()

    def _on_state(self, chunk: Chunk) -> None:
        self.state = chunk.state
        if chunk.state == "finished":
            self.set_playing(False)
            self.statusBar().showMessage(messages.finished(self.schedule.epochs, self.last_iteration))
        elif chunk.state == "diverged":
            self.set_playing(False)
            at, lr = self.last_iteration, self.config.lr
            self.alert.show(lambda: messages.diverged(at, lr))
            self.statusBar().showMessage(messages.paused_not_finite())
        elif chunk.state == "error":
            self._on_error(chunk.error or messages.unknown_error())

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.set_playing(False)
        self.state = "error"
        self.alert.show(lambda: messages.stopped_by_error(message))
        self.statusBar().showMessage(messages.error(message))

    @gui_thread_only
    def _emphasise(self, part: str) -> None:
        """A scene's emphasis: the part the presentation can show large (the memory meter), or none."""
        self.presentation.emphasise(part if part in PARTS else None)

    def show_notice(self, text: str, ms: int = NOTICE_MS) -> None:
        """A passing message in the status bar (it goes after ``ms``)."""
        self.statusBar().showMessage(text, ms)

    # -- closing ----------------------------------------------------------------
    def show(self) -> None:
        """Show the window (``RuntimeError`` once it has been closed)."""
        if self.closed:
            raise RuntimeError(f"MainWindow.show(): {CLOSED}")
        super().show()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override: every way of showing comes here
        if visible and self.closed:
            raise RuntimeError(CLOSED)
        super().setVisible(visible)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    @gui_thread_only
    def shutdown(self) -> None:
        """Stop training and join the worker threads; the window is closed for good (safe to call twice).

        Why for good: its training processes are gone and its charts' items deleted
        (nothing is left for Python's cycle collector); a window that quietly started
        them again after ``close()`` is what this refuses. Make a new window instead.
        """
        self.closed = True
        if "workers" not in vars(self):
            return  # its keywords were refused: it never started anything
        for timer in (self._frame, self._config_throttle, self._reconfigure):
            timer.stop()
        self.workers.stop()
        if self._at_quit is not None:  # the application no longer keeps this window's workers
            QObject.disconnect(self._at_quit)
            self._at_quit = None
        self.chart.release()
        if "compare" in vars(self):
            self.compare.shutdown()

    def __del__(self) -> None:
        """Dropped without ``close()``: stop training and delete the window's Qt objects on the GUI thread.

        Python frees a window caught in a reference cycle with its cycle collector,
        which runs on whichever thread happens to allocate, and deletes the Qt objects
        it holds one by one, in no particular order: that crashed in QSplitter's
        destructor. Ending the window here first deletes them with their parent, the
        Qt way; from another thread the window is kept until the GUI thread ends it.
        """
        if sys.is_finalizing():
            return  # the interpreter is exiting: the atexit hook has stopped the workers
        try:
            # Only a window Python owns: one Qt owns (``deleteLater``, a parent) is Qt's to delete,
            # and may be in the middle of it (its workers stop with ``destroyed``).
            if shiboken6.isValid(self) and shiboken6.ownedByPython(self):
                end_on_gui_thread(functools.partial(_end, self))
        except RuntimeError:
            pass  # Qt already torn down: nothing left to end
