"""Compare mode: 2 to 4 batch sizes trained side by side, the window's second mode.

``CompareMode`` owns the comparison: its runs' configs (``core.compare``), a
``RunSession`` like the single run's whose engine interleaves every run
(``core.compare_engine``) and keeps each run's loss history, each run's tally,
and the ``CompareView`` that draws them. The runs share the single run's
settings but for the batch size (``follow`` starts them again when those
change). The window's transport drives its session while the mode is on, and
its frame clock calls ``tick``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QStackedWidget

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
from epochviz.qt.run.session import RunSession
from epochviz.text.translations import explain, translate, units

TABLE_EVERY_FRAMES = 15  # the table's figures change four times a second, not at 60 Hz


def stopped_by_error(message: str) -> str:
    return translate("compare", "Compare mode stopped by an error: {message}. Press Reset to start again.").format(
        message=message)


def compare_history(config: RunConfig) -> LossHistory:
    """A compared run's loss history: timed (the seconds axis), smoothed for its batch size."""
    return LossHistory(config.schedule(), smoothing=smoothing_weight(config), timed=True)


class CompareMode(QObject):
    """The comparison: its runs' settings, a ``RunSession`` that trains them all, and ``view``, its screen.

    It is given the compare toggle, the stack it shows its page in and the single
    run's session (whose settings the compared runs share but for the batch size); it says
    what it has to say with signals: ``notice`` (a passing message), ``status``
    (a lasting one) and ``switched(on)`` (the mode turned on or off).
    """

    notice = Signal(str)
    status = Signal(str)
    switched = Signal(bool)

    def __init__(self, toggle: QPushButton, stack: QStackedWidget, base_run: RunSession,
                 choices: Sequence[BatchChoice] = DEFAULT_BATCH_SIZES, backend: str = "process") -> None:
        super().__init__(stack)
        self._base_run = base_run  # the single run: its settings are the ones every compared run shares
        self.choices = check_batch_choices(list(choices))
        self.lr_rule = DEFAULT_LR_RULE
        self.session = RunSession((), backend=backend, kind="compare", active=False, history_for=compare_history)
        self.labels: list[str] = []  # each run's legend text, made with its config
        self.tallies: list[RunTally] = []
        self.busy_seconds: list[float] = []
        self._frames = 0
        self._toggle, self._stack = toggle, stack
        self.view = CompareView()
        v = self.view
        self.alert = messages.Banner(v.banner, lambda: None)  # stays until Reset, like the single run's
        v.add_requested.connect(self.add_run)
        v.remove_requested.connect(self.remove_run)
        v.hidden_changed.connect(v.plot.set_hidden)
        v.lr_rule_changed.connect(self.set_lr_rule)
        v.axis_changed.connect(v.plot.set_axis)
        session = self.session
        session.run_started.connect(self._show_runs)
        session.chunk_arrived.connect(self._take)
        session.state_changed.connect(self._on_state)
        session.failed.connect(self._on_failed)
        stack.addWidget(scrolling(v, horizontal=True))  # a narrow window scrolls; it never grows
        toggle.toggled.connect(self.switch)
        QShortcut(QKeySequence("Ctrl+K"), stack, toggle.toggle)  # anywhere in the window
        self._show_toggle()
        # Qt tells every widget when the language changes; the toggle is told before the controls' column
        # fits its width to their new words.
        toggle.installEventFilter(self)

    # -- what the sessions know ------------------------------------------------------
    @property
    def base(self) -> RunConfig:
        """The settings the runs share (all but the batch size): the single run's."""
        return self._base_run.config

    @property
    def active(self) -> bool:
        """Whether compare mode is on (its page shown, its runs driven by the transport)."""
        return self.session.active

    @property
    def configs(self) -> tuple[RunConfig, ...]:
        return self.session.runs

    @property
    def histories(self) -> list[LossHistory]:
        return self.session.histories

    @property
    def run_id(self) -> int:
        return self.session.run_id

    @property
    def state(self) -> str:
        return self.session.state

    def shutdown(self) -> None:
        """The window is closing: training ends (nothing arrives after this), and the chart's curves go now."""
        self.session.stop()
        self.view.plot.release()

    # -- the runs -----------------------------------------------------------------
    def follow(self, base: RunConfig) -> None:
        """The single run's settings changed to ``base`` (dataset, N, epochs, lr, network...): the runs start again.

        While the mode is off nothing happens (a slider storm in the single run must
        not rebuild the comparison each time); switching the mode on restarts.
        """
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
        self.session.start(tuple(configs))

    def _show_runs(self, configs: tuple[RunConfig, ...]) -> None:
        """A new comparison: its legend, caption, curves and table start over."""
        self.alert.hide()
        self.labels = self._labels()
        self.tallies = [RunTally() for _ in configs]
        self.busy_seconds = [0.0] * len(configs)
        if not configs:
            return
        self.view.plot.set_runs(self.histories)
        self.view.show_runs(self.labels, self.view.plot.hidden, self.base.samples)
        self.view.caption.setText(self._caption())
        self._show_table()

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
        toggle = self._toggle
        toggle.setText(translate("compare", "⇆ Back to one run") if self.active else
                       translate("compare", "⇆ Compare batch sizes"))
        toggle.setToolTip(translate("compare", "Train 2 to 4 batch sizes side by side on the same data from the "
                                               "same weights, and back to one run (Ctrl+K)"))

    # -- entering and leaving -------------------------------------------------------
    @gui_thread_only
    def switch(self, on: bool) -> None:
        """Compare mode on (fresh runs) or off (the runs pause); the mode left behind pauses first."""
        if self._toggle.isChecked() != on:
            self._toggle.setChecked(on)  # comes back here through ``toggled``
            return
        if on == self.active:
            return
        if on:
            self.switched.emit(True)  # the single run pauses
            self.restart()
            self.session.set_active(True)
        else:
            self.session.set_active(False)
            self.switched.emit(False)  # the single run carries on where it was
        self._stack.setCurrentIndex(1 if on else 0)
        self._show_toggle()
        self.notice.emit(translate("compare", "Compare mode: the runs differ only in batch size. Space plays them "
                                              "all.") if on else
                         translate("compare", "One run again: it continues where it was paused."))

    def _on_state(self, state: str) -> None:
        if state == "finished":
            self.status.emit(translate("compare", "Every run has finished. Press Play to compare again from scratch."))

    def _on_failed(self, message: str) -> None:
        """The comparison stopped (its process died, hung or failed): say so until Reset, as the single run does."""
        self.alert.show(lambda: stopped_by_error(message))
        self.notice.emit(stopped_by_error(message))

    # -- updates --------------------------------------------------------------------
    def _take(self, chunk: CompareChunk) -> None:
        """A chunk of every run (its losses are in the histories already): the tallies and the chart's marks."""
        plot = self.view.plot
        for i, lane in enumerate(chunk.lanes[: len(self.tallies)]):
            tally = self.tallies[i]
            if len(lane):
                tally.add(len(lane), int(lane.batch_size.sum()), float(lane.seconds.sum()))
                plot.mark_dirty()
            if lane.start is not None:
                tally.start_loss = lane.start.loss
            tally.diverged |= lane.state == "diverged"
            for end in lane.epoch_ends:
                tally.add_epoch_end(end.loss, end.accuracy, end.val_loss, end.val_accuracy)
                plot.add_epoch_end(i, end.global_iteration, end.loss, end.val_loss)
        self.busy_seconds = chunk.busy_seconds

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
