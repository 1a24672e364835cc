"""The main window: it composes the parts and connects them; it keeps no state of a run.

The single run is a ``RunSession`` (``run``) shown by ``OneRunScreen``; compare mode has a session of
its own. The transport drives the mode on screen, and one frame clock draws it, on the GUI thread.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal

from epochviz.core.engine.session import RunConfig
from epochviz.core.scenes import Scene
from epochviz.core.window_options import checked_window_start
from epochviz.qt.compare.compare_mode import CompareMode
from epochviz.qt.look.accessible import ScreenReaderNames
from epochviz.qt.look.language import LanguageMenu, choose_language
from epochviz.qt.look.style import apply_look
from epochviz.qt.look.themes import Themed, system_theme
from epochviz.qt.presenting.presentation import Presentation
from epochviz.qt.presenting.projector import Projector
from epochviz.qt.presenting.tour import Tour
from epochviz.qt.run.session import BACKENDS, FRAME_MS, RunSession
from epochviz.qt.window import messages
from epochviz.qt.window.code_actions import CodeActions
from epochviz.qt.window.exports import Exports
from epochviz.qt.window.gui_thread import check_gui_thread, gui_thread_only, prepare_handover
from epochviz.qt.window.lifecycle import ClosingWindow, while_open
from epochviz.qt.window.one_run import OneRunScreen, ready_to_record
from epochviz.qt.window.page_faults import avoid_huge_page_stalls
from epochviz.qt.window.recording import WindowRecorder
from epochviz.qt.window.remembered import Remembered
from epochviz.qt.window.transport import Transport
from epochviz.qt.window.window_layout import build_window_layout

NOTICE_MS = 6000  # how long a passing message stays in the status bar


class MainWindow(ClosingWindow):
    """The epochviz window. Every keyword presets a control; all are optional.

    ``settings`` are rows of the settings table (``core.settings.SETTINGS``):
    ``dataset``, ``samples``, ``batch_size``, ``epochs``, ``lr``, ``accumulate``,
    ``hidden``, ``activation``, ``shuffle``, ``drop_last``, ``seed``, ...; each is
    checked by its row, and an unknown one is a ``TypeError`` that lists them.

    ``backend`` chooses where training runs: ``"process"`` (default, a child
    process) or ``"thread"`` (a thread of this process).
    ``language`` is ``"en"`` or ``"zh_CN"`` (default: the one this process
    chose already, else the one last chosen in the Language menu, else the
    locale's, as for the ``epochviz`` command; the Language menu switches it later).
    """

    frame_presented = Signal()  # after each frame's counters and views are set (tests, benchmarks)

    # The single run, as the session keeps it (one copy of each fact).
    config = property(lambda self: self.run.config, doc="The single run's settings.")
    state = property(lambda self: self.run.state, doc="The single run's state: idle, paused, playing, ...")
    history = property(lambda self: self.run.histories[0], doc="The single run's loss history.")
    schedule = property(lambda self: self.history.schedule, doc="The single run's schedule.")
    last_iteration = property(lambda self: len(self.history), doc="The newest iteration that arrived.")
    run_id = property(lambda self: self.run.run_id)
    playing = property(lambda self: self.transport.playing, doc="Whether the mode on screen is playing.")
    theme = property(lambda self: self.projector.theme, doc="The theme on show: light, dark or high-contrast.")

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
        language_problem = choose_language(language)  # first: every part is made in the window's language
        self.setWindowTitle(messages.window_title())
        apply_look(QCoreApplication.instance())
        avoid_huge_page_stalls()
        start = checked_window_start(settings, play=play, scale=scale, theme=theme, backend=backend,
                                     backends=BACKENDS, scene=scene, compare=compare)
        self.run = RunSession(start.config, backend=backend, active=compare is None)
        self.layout_parts = parts = build_window_layout(self, start.config)
        self.controls, self.readout, self.banner = parts.controls, parts.readout, parts.banner
        self.progress, self.views, self.chart, self.glossary = parts.progress, parts.views, parts.chart, parts.glossary
        self.alert = messages.Banner(self.banner, parts.column.fit_labels)  # the banner's words, in any language
        self.one_run = OneRunScreen(self.run, parts, self.alert, self.statusBar())
        self.compare = CompareMode(parts.compare_toggle, parts.stack, self.run, start.compare, backend)
        self.transport = Transport(self.run, self.compare.session, self.controls, self.views, parts.screen)
        recorder = WindowRecorder(self, ready=functools.partial(ready_to_record, self.one_run, self.compare))  # pixels
        self.exports = Exports(self.menuBar(), parts.screen, recorder, self.chart, self.compare)  # File; Ctrl+Q
        self.tour = Tour(parts, self.menuBar(), self.run, self.transport, self.compare)  # Scenes: PgDn/PgUp, 1-9, B
        themed = Themed(self.chart, self.compare.view.plot, self.views, (self.banner, self.compare.view.banner),
                        self.tour.caption, parts.code)  # the View menu: Ctrl+= / Ctrl+- / Ctrl+0, F11, F1, themes
        self.projector = Projector(self, self.menuBar(), parts, themed, (self.chart, self.compare.view.plot), scale)
        self.projector.use_theme(theme or system_theme())
        # The View menu's F5 (the lesson alone) and F4 (the settings panel); a scene's emphasis.
        self.presentation = Presentation(parts, self.menuBar(), self.statusBar(), self.projector.menu,
                                         self.compare.view)
        self.languages = LanguageMenu(self.menuBar())  # the Language menu: English / 中文 at run time
        self.remembered = Remembered(parts, self.run, self.projector, self.tour, self.languages)
        # View > Code (Ctrl+Shift+C) and File > Save as Python script (Ctrl+Shift+S); fed every frame by the views
        self.code = CodeActions(parts.screen, parts.code, self.exports.menu, self.projector.menu,
                                self.presentation.show_code)
        self._frame = QTimer(self, interval=FRAME_MS)  # the frame clock: views and counters, then the chart
        self._connect()
        self.languages.report(language_problem)
        ScreenReaderNames(parts.screen)  # the last part made: every named widget is there now
        self._frame.start()
        self.run.set_active(compare is None)  # a window that opens comparing starts its run when the mode is left
        if start.scene is not None:
            self.tour.start(start.scene)
        if compare is not None:
            self.set_compare(True)
        if play:
            self.play()

    def _connect(self) -> None:
        """The parts' signals to the sessions and to each other; training ends with the window however it ends."""
        run, compare = self.run, self.compare
        run.settings_changed.connect(compare.follow)  # compare mode starts from the new settings too
        for session in (run, compare.session):
            self.destroyed.connect(session.stop)  # Qt deleted the window (deleteLater, its parent)
        for part in (self.controls, self.one_run, self.transport, compare, self.tour, self.projector, self.remembered,
                     self.languages, self.code, self.exports):
            part.notice.connect(self.show_notice)
        for part in (self.languages.problem, compare.status):  # these stay until another message
            part.connect(self.statusBar().showMessage)
        self.views.loop_moved.connect(self.layout_parts.code.show_position)
        compare.switched.connect(self.transport.on_compare_switched)
        for part in (self.tour, self.remembered):  # a scene, or the set-up the last window left
            part.setup_recalled.connect(self.use_config)
        self.projector.defaults_requested.connect(self.remembered.restore_defaults)
        self.tour.emphasis_requested.connect(self.presentation.emphasise_scene)
        self.one_run.presented.connect(self.frame_presented)
        self.exports.quit_requested.connect(self.close)
        self._frame.timeout.connect(self._on_frame)
        QCoreApplication.instance().aboutToQuit.connect(self.close)  # quitting closes the window, as Ctrl+Q does

    # -- transport (see ``transport``) --------------------------------------------------
    @while_open
    def set_compare(self, on: bool) -> None:
        """Switch between one run and compare mode (Ctrl+K); the mode left behind pauses."""
        self.compare.switch(on)

    @while_open
    def play(self) -> None:
        """Train (after the end of a run: again from scratch)."""
        self.transport.play()

    @while_open
    def pause(self) -> None:
        self.transport.pause()

    @while_open
    def pause_at(self, iteration: int) -> None:
        """The run pauses by itself after global iteration ``iteration`` (from 1); ``TypeError``/``ValueError``."""
        self.transport.pause_at(iteration)

    @while_open
    def run_iterations(self, n: int) -> None:
        """Run ``n`` iterations now, then stay paused; ``TypeError``/``ValueError`` unless ``n`` is a count."""
        self.transport.run_iterations(n)

    @while_open
    def step(self) -> None:
        """Run one whole iteration (Shift+Step)."""
        self.transport.run_iterations(1)

    @while_open
    def step_phase(self) -> None:
        """Show the next phase of the iteration; run a new iteration when the last one is done (Step)."""
        self.transport.step_phase()

    @while_open
    def step_epoch(self) -> None:
        self.transport.step_epoch()

    @while_open
    def reset(self) -> None:
        """A fresh run with the same settings, paused at iteration 0."""
        self.transport.reset()

    # -- settings (see ``one_run``) ----------------------------------------------------
    @while_open
    def use_config(self, config: RunConfig, speed: float | None = None) -> None:
        """Show and run ``config`` now (``speed`` None keeps it); ``TypeError``/``ValueError`` naming a bad field."""
        self.one_run.use_config(config, speed)

    @while_open
    def flush_settings(self) -> None:
        """Apply a setting change still waiting for the end of its frame, now (scripts and tests)."""
        self.one_run.flush()

    # -- drawing ----------------------------------------------------------------
    def _on_frame(self) -> None:
        """The frame clock draws the mode on screen."""
        (self.compare if self.compare.active else self.one_run).tick()

    @gui_thread_only
    def present(self) -> None:
        """Draw everything now: counters, views and chart (scripts, screenshots, tests)."""
        self.one_run.present()
        self.compare.present()

    @gui_thread_only
    def show_notice(self, text: str, ms: int = NOTICE_MS) -> None:
        """A passing message in the status bar (it goes after ``ms``)."""
        self.statusBar().showMessage(text, ms)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # each part words itself again; the title is the window's
            self.setWindowTitle(messages.window_title())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if hasattr(self, "projector"):  # not while the window is being built
            self.projector.apply()  # full screen on a large display: the back row reads it too

    # -- closing ----------------------------------------------------------------
    @gui_thread_only
    def shutdown(self) -> None:
        """End the window for good, however it ends (``lifecycle``): training stops, the charts' items go."""
        super().shutdown()
        if self.stop_training():
            self._frame.stop()
            self.compare.shutdown()
            self.chart.release()

    def stop_training(self) -> bool:
        """Both sessions end their training now (a window dropped without ``close()`` too); False if none started."""
        if "_frame" not in vars(self):
            return False  # its keywords were refused: it started nothing
        self.run.stop()
        self.compare.session.stop()
        return True
