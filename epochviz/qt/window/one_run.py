"""The single run on screen: what its ``RunSession`` reports, drawn by the chart, the counters and the views,
and the settings the panel shows given to the session.

An update only stores data (the session has put its losses in the history);
the frame clock then draws: counters and views on one tick, the chart on the
next. Updates arrive up to 60 times a second; drawing them on one clock means
one repaint a tick instead of one per update and per view, and taking turns
keeps each repaint short (no frame paints both the chart and the views).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from epochviz.core.checks import check_real
from epochviz.core.engine.session import Chunk, RunConfig
from epochviz.core.window_options import checked_window_config
from epochviz.qt.compare.compare_mode import CompareMode
from epochviz.qt.run.session import RunSession
from epochviz.qt.window import messages
from epochviz.qt.window.window_layout import WindowLayout, readout_words


class OneRunScreen(QObject):
    """Shows ``session``'s run in the window's parts; ``presented`` after each frame's counters and views.

    ``notice`` says what became of a change of settings.
    """

    presented = Signal()
    notice = Signal(str)

    def __init__(self, session: RunSession, parts: WindowLayout, alert: messages.Banner,
                 status: QStatusBar) -> None:
        super().__init__()  # the window keeps it
        self.session, self.parts, self.alert, self.status = session, parts, alert, status
        self._counters_due, self._chart_turn = False, False
        session.run_started.connect(self._show_run)
        session.configured.connect(parts.views.load_data)
        session.chunk_arrived.connect(self._take)
        session.state_changed.connect(self._on_state)
        session.failed.connect(self._on_failed)
        session.playing_changed.connect(self._show_pace)
        parts.controls.speed.valueChanged.connect(self._show_pace)
        session.settings_changed.connect(self._on_settings_changed)
        session.settings_refused.connect(self._on_settings_refused)
        parts.controls.config_changed.connect(session.propose)
        self._show_run(session.config)
        self._show_pace()

    def use_config(self, config: RunConfig, speed: float | None = None) -> None:
        """Show ``config`` (and ``speed``) in the panel and start a run of it now.

        ``TypeError``/``ValueError`` naming the field for a config the window cannot show or run.
        """
        config = checked_window_config(config)
        if speed is not None and speed != math.inf:  # inf: as fast as it goes
            check_real("speed", speed, low=0.0, low_open=True)
        controls = self.parts.controls
        controls.set_config(config)
        if speed is not None:
            controls.speed.setValue(speed)
        self.session.propose(config)
        self.flush()

    def flush(self) -> None:
        """Take a change of settings still waiting for the end of its frame, now (scripts and tests)."""
        self.parts.controls.flush()  # the panel sends its newest settings first
        self.session.flush()

    def _on_settings_changed(self) -> None:
        self.notice.emit(messages.settings_changed())

    def _on_settings_refused(self, problem: ValueError) -> None:
        self.notice.emit(messages.settings_refused(problem))

    def _show_run(self, config: RunConfig) -> None:
        """A new run: every part starts over at iteration 0."""
        parts, history = self.parts, self.session.histories[0]
        schedule = history.schedule
        parts.chart.set_history(history)
        parts.progress.set_schedule(schedule)
        parts.progress.set_state(schedule, 0)
        parts.readout.set_words(readout_words(schedule.facts()))
        parts.column.fit_labels()
        parts.glossary.set_state(schedule)
        parts.code.set_config(config)
        parts.views.set_run(config, schedule)
        self.alert.hide()

    def _take(self, chunk: Chunk) -> None:
        chart = self.parts.chart
        if len(chunk):
            chart.mark_dirty()
            self._counters_due = True
        if chunk.epoch_ends:
            chart.add_epoch_ends(chunk.epoch_ends)
        self.parts.views.on_chunk(chunk)

    def _on_state(self, state: str) -> None:
        history = self.session.histories[0]
        if state == "finished":
            self.status.showMessage(messages.finished(history.schedule.epochs, len(history)))
        elif state == "diverged":
            at, lr = len(history), self.session.config.lr
            self.alert.show(lambda: messages.diverged(at, lr))
            self.status.showMessage(messages.paused_not_finite())

    def _on_failed(self, message: str) -> None:
        message = message or messages.unknown_error()
        self.alert.show(lambda: messages.stopped_by_error(message))
        self.status.showMessage(messages.error(message))

    def _show_pace(self, _changed: object = None) -> None:
        """The views pace their slow motion by the session's playing and the panel's speed (one feed of both)."""
        self.parts.views.set_transport(playing=self.session.playing, speed=self.parts.controls.speed.value())

    def tick(self) -> None:
        """The frame clock: counters and views on one tick, the chart on the next."""
        self._chart_turn = not self._chart_turn
        if self._chart_turn:
            self.parts.chart.tick()
        else:
            self.present_state()

    def present(self) -> None:
        """Draw everything that arrived now: counters, views and chart (scripts, screenshots, recordings)."""
        self.present_state()
        self.parts.chart.tick()

    def fully_drawn(self) -> bool:
        """Whether the views have everything they draw (a recording's first frame waits), all of it drawn now."""
        views = self.parts.views
        if not views.drawn_complete():
            return False
        views.refresh_all()  # the network too, which at full speed redraws a few times a second only
        return True

    def present_state(self) -> None:
        """Counters and views together, so that they show the same iteration."""
        if self._counters_due:
            self._counters_due = False
            history = self.session.histories[0]
            self.parts.progress.set_state(history.schedule, len(history))
        self.parts.views.refresh()
        self.presented.emit()


def ready_to_record(one_run: OneRunScreen, compare: CompareMode) -> bool:
    """Whether the window is fully drawn, after drawing what has arrived (a recording's first frame waits)."""
    one_run.present()
    compare.present()
    return compare.active or one_run.fully_drawn()
