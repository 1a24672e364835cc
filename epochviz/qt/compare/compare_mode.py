"""Compare mode: 2 to 4 batch sizes trained side by side, the window's second mode.

``CompareMode`` owns the comparison: its runs' configs (``core.compare``), a
worker whose training process interleaves every run (``core.compare_engine``),
each run's loss history and tally, and the ``CompareView`` that draws them.
The window forwards the transport (play, pause, step, reset, speed) and its
settings to it while the mode is on, and calls ``tick`` on its frame clock.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from epochviz.core.compare import (
    DEFAULT_BATCH_SIZES,
    DEFAULT_LR_RULE,
    MAX_SCALED_LR,
    REFERENCE_BATCH,
    MAX_RUNS,
    MIN_RUNS,
    BatchChoice,
    RunTally,
    check_batch_choices,
    check_lr_rule,
    compare_configs,
    run_label,
    smoothing_weight,
    summary,
)
from epochviz.core.engine.compare_engine import CompareChunk
from epochviz.core.history import LossHistory
from epochviz.core.engine.session import RunConfig
from epochviz.text.compare_text import label_template, verdict_words
from epochviz.qt.window import messages
from epochviz.qt.compare.compare_view import CompareView
from epochviz.qt.window.gui_thread import gui_thread_only
from epochviz.qt.look.screen_fit import scrolling
from epochviz.qt.run.worker import WorkerThread
from epochviz.text.translations import explain, translate, units

TABLE_EVERY_FRAMES = 15  # the table's figures change four times a second, not at 60 Hz


def stopped_by_error(message: str) -> str:
    return translate("compare", "Compare mode stopped by an error: {message}. Press Reset to start again.").format(
        message=message)


class CompareMode(QObject):
    """The comparison's state and its worker; ``view`` is its screen."""

    command = Signal(object)
    _arrived = Signal(object)  # relay into the GUI thread (see MainWindow)
    _failed = Signal(str)
    state_changed = Signal(str)  # the comparison's state: paused, playing, finished, error
    notice = Signal(str)

    def __init__(self, window, choices: Sequence[BatchChoice] = DEFAULT_BATCH_SIZES,
                 backend: str = "process") -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self.base: RunConfig = window.config
        self.choices = check_batch_choices(list(choices))
        self.lr_rule = DEFAULT_LR_RULE
        self.backend = backend
        self.active = False
        self.run_id = 0
        self.state = "idle"
        self.configs: list[RunConfig] = []
        self.labels: list[str] = []  # each run's legend text, made with its config
        self.histories: list[LossHistory] = []
        self.tallies: list[RunTally] = []
        self.busy_seconds: list[float] = []
        self.worker_thread: WorkerThread | None = None
        self._frames = 0
        self.view = CompareView()
        v = self.view
        self.alert = messages.Banner(v.banner, lambda: None)  # stays until Reset, like the single run's
        v.add_requested.connect(self.add_run)
        v.remove_requested.connect(self.remove_run)
        v.hidden_changed.connect(v.plot.set_hidden)
        v.lr_rule_changed.connect(self.set_lr_rule)
        v.axis_changed.connect(v.plot.set_axis)
        self._arrived.connect(self._on_chunk)
        self._failed.connect(self._on_error)
        parts = window.layout_parts
        parts.stack.addWidget(scrolling(v, horizontal=True))  # a narrow window scrolls; it never grows
        parts.compare_toggle.toggled.connect(self.switch)
        QShortcut(QKeySequence("Ctrl+K"), window, parts.compare_toggle.toggle)
        self.notice.connect(window.show_notice)
        self.state_changed.connect(self._on_state)
        self._show_toggle()
        # Qt tells every widget when the language changes; the toggle is told before the controls' column
        # fits its width to their new words.
        parts.compare_toggle.installEventFilter(self)

    @property
    def window(self):
        return self.parent()

    # -- the worker ---------------------------------------------------------------
    def _ensure_worker(self) -> bool:
        """Start the comparison's worker, one of the window's (False once the window has closed)."""
        if self.worker_thread is None:
            worker_thread = self.window.workers.start(self.backend, kind="compare")
            if worker_thread is None:
                return False
            self.worker_thread = worker_thread
            worker = worker_thread.worker
            self.command.connect(worker.command)
            worker.updated.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
            worker.errored.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        return True

    def send(self, command: tuple) -> None:
        """A transport command for every run (play, pause, step, step_epoch, speed)."""
        if self._ensure_worker():
            self.command.emit(tuple(command))

    def shutdown(self) -> None:
        """The window is closing (its workers stop with it): delete the chart's curves now.

        The mode is off from here: an update still on its way finds no curves to add to and is dropped.
        """
        self.active = False
        self.view.plot.release()

    # -- the runs -----------------------------------------------------------------
    def set_base(self, base: RunConfig) -> None:
        """New shared settings (dataset, N, epochs, lr, network...): the runs start again.

        While the mode is off only the settings are kept (a slider storm in the single
        run must not rebuild the comparison each time); switching the mode on restarts.
        """
        self.base = base
        if self.active:
            self.restart()

    @gui_thread_only
    def add_run(self, batch_size: BatchChoice) -> None:
        if len(self.choices) >= MAX_RUNS:
            self.notice.emit(translate("compare", "Compare mode shows at most {n} runs: remove one first.").format(
                n=MAX_RUNS))
            return
        self.choices.append(batch_size)
        self.restart()

    @gui_thread_only
    def remove_run(self, index: int) -> None:
        if len(self.choices) <= MIN_RUNS:
            self.notice.emit(translate("compare", "A comparison needs at least {n} runs.").format(n=MIN_RUNS))
            return
        del self.choices[index]
        self.view.plot.hidden = {i - (i > index) for i in self.view.plot.hidden if i != index}
        self.restart()

    @gui_thread_only
    def set_lr_rule(self, rule: str) -> None:
        """How each run's learning rate follows from the panel's (``core.compare.LR_RULES``); the runs restart."""
        self.lr_rule = check_lr_rule(rule)
        combo = self.view.lr_rule
        if combo.currentData() != rule:
            combo.setCurrentIndex(combo.findData(rule))  # comes back here through ``lr_rule_changed``
            return
        self.restart()

    @gui_thread_only
    def set_runs(self, choices: Sequence[BatchChoice], lr_rule: str) -> None:
        """The batch sizes and the learning-rate rule at once (a compare scene): every run shown, one restart."""
        self.choices, self.lr_rule = check_batch_choices(list(choices)), check_lr_rule(lr_rule)
        with QSignalBlocker(self.view.lr_rule):
            self.view.lr_rule.setCurrentIndex(self.view.lr_rule.findData(lr_rule))
        self.view.plot.hidden = set()
        if self.active:
            self.restart()

    @gui_thread_only
    def restart(self) -> None:
        """Fresh runs from update 0 (same data, same initial weights), paused unless playing."""
        try:
            configs = [c.validated() for c in compare_configs(self.base, self.choices, lr_rule=self.lr_rule)]
        except ValueError as exc:
            self.notice.emit(translate("compare", "Cannot compare these settings: {problem}").format(
                problem=explain(exc)))
            return
        self.run_id += 1
        self.alert.hide()
        self.configs = configs
        self.labels = self._labels()
        self.histories = [LossHistory(c.schedule(), smoothing=smoothing_weight(c), timed=True) for c in configs]
        self.tallies = [RunTally() for _ in configs]
        self.busy_seconds = [0.0] * len(configs)
        self.view.plot.set_runs(self.histories)
        self.view.show_runs(self.labels, self.view.plot.hidden, self.base.samples)
        self.view.caption.setText(self._caption())
        self._show_table()
        playing = self.state == "playing"
        self.state = "paused"
        if self.active:
            self.send(("configure", self.configs, self.run_id))
            if playing:
                self.send(("play",))

    def _labels(self) -> list[str]:
        return [run_label(c, label_template()) for c in self.configs]

    def _caption(self) -> str:
        base = self.base
        if self.lr_rule == "linear":
            lr = translate("compare", "learning rate {lr} × B / {b} (scaled with the batch size)").format(
                lr=f"{base.lr:g}", b=f"{self.configs[0].schedule().effective_batch_size:,}")
        elif self.lr_rule == "sqrt":
            lr = translate("compare", "learning rate {lr} × √(B / {b}), at most {most} (each batch size at a rate "
                                      "it is stable at)").format(lr=f"{base.lr:g}", b=REFERENCE_BATCH,
                                                                 most=f"{max(base.lr, MAX_SCALED_LR):g}")
        else:
            lr = translate("compare", "learning rate {lr} for every run").format(lr=f"{base.lr:g}")
        return translate("compare", "<b>{runs} batch sizes, one dataset</b>: {samples} {dataset} samples, {epochs}, "
                                    "{lr}. Every run starts from the same weights and sees the same shuffles; they "
                                    "take turns on one CPU core.").format(
            runs=len(self.configs), samples=f"{base.samples:,}", dataset=translate("datasets", base.dataset),
            epochs=units(base.epochs, "epoch"), lr=lr)

    def retranslate(self) -> None:
        """The caption, the legend, the table's rows and the toggle in the current language (the view words
        the rest itself)."""
        self._show_toggle()
        if self.configs:
            self.labels = self._labels()
            self.view.show_runs(self.labels, self.view.plot.hidden, self.base.samples)
            self.view.caption.setText(self._caption())
            self._show_table()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word to the toggle: the language changed
            self.retranslate()
        return False

    def _show_toggle(self) -> None:
        toggle = self.window.layout_parts.compare_toggle
        toggle.setText(translate("compare", "⇆ Back to one run") if self.active else
                       translate("compare", "⇆ Compare batch sizes"))
        toggle.setToolTip(translate("compare", "Train 2 to 4 batch sizes side by side on the same data from the "
                                               "same weights, and back to one run (Ctrl+K)"))

    # -- entering and leaving -------------------------------------------------------
    @gui_thread_only
    def switch(self, on: bool) -> None:
        """Compare mode on (fresh runs, at the window's speed) or off (the runs pause); the other mode pauses."""
        window = self.window
        toggle = window.layout_parts.compare_toggle
        if toggle.isChecked() != on:
            toggle.setChecked(on)  # comes back here through ``toggled``
            return
        if on == self.active:
            return
        window.pause()
        if on:
            speed = window.controls.speed.value()
            self.active, self.state = True, "paused"
            self.send(("speed", None if math.isinf(speed) else speed))
            self.restart()
        else:
            self.send(("pause",))
            self.active, self.state = False, "paused"
            window.ensure_single_run()
        window.layout_parts.stack.setCurrentIndex(1 if on else 0)
        self._show_toggle()
        window.controls.batch.setEnabled(not on)  # each compared run has its own batch size
        window.show_notice(translate("compare", "Compare mode: the runs differ only in batch size. Space plays them "
                                                "all.") if on else
                           translate("compare", "One run again: it continues where it was paused."))

    def _on_state(self, state: str) -> None:
        if state in ("finished", "error"):
            self.window.set_playing(False)
        if state == "finished":
            self.window.statusBar().showMessage(
                translate("compare", "Every run has finished. Press Play to compare again from scratch."))

    # -- updates --------------------------------------------------------------------
    def _on_chunk(self, chunk: CompareChunk) -> None:
        if chunk.run_id != self.run_id or not self.active:
            return
        plot = self.view.plot
        for i, lane in enumerate(chunk.lanes[: len(self.histories)]):
            if len(lane):
                self.histories[i].append(lane.global_iteration, lane.loss, lane.seconds)
                self.tallies[i].add(len(lane), int(lane.batch_size.sum()), float(lane.seconds.sum()))
                plot.mark_dirty()
            tally = self.tallies[i]
            if lane.start is not None:
                tally.start_loss = lane.start.loss
            tally.diverged |= lane.state == "diverged"
            for end in lane.epoch_ends:
                tally.add_epoch_end(end.loss, end.accuracy, end.val_loss, end.val_accuracy)
                plot.add_epoch_end(i, end.global_iteration, end.loss, end.val_loss)
        self.busy_seconds = chunk.busy_seconds
        if chunk.error:
            self._on_error(chunk.error)
        elif chunk.state != self.state:
            self.state = chunk.state
            self.state_changed.emit(chunk.state)

    def _on_error(self, message: str) -> None:
        """The comparison stopped (its process died, hung or failed): say so until Reset, as the single run does."""
        self.state = "error"
        self.state_changed.emit("error")
        self.alert.show(lambda: stopped_by_error(message))
        self.notice.emit(stopped_by_error(message))

    def tick(self) -> None:
        """The window's frame clock: the chart at its own pace, the table a few times a second."""
        self.view.plot.tick()
        self._frames += 1
        if self._frames % TABLE_EVERY_FRAMES == 0:
            self._show_table()

    def present(self) -> None:
        """Draw everything now (scripts, screenshots, tests)."""
        self.view.plot.mark_dirty()
        self.view.plot.redraw()
        self._show_table()

    def rows(self) -> list[dict]:
        """The table's rows: each run's summary with its legend label."""
        return [dict(summary(c, t), label=label) for c, t, label in zip(self.configs, self.tallies, self.labels)]

    def _show_table(self) -> None:
        rows = self.rows()
        self.view.table.show_rows(rows)
        self.view.show_warnings([words for row in rows if (words := verdict_words(row))])
