"""Progress bars and counters: epoch, iteration within the epoch, global iteration, samples."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QProgressBar, QWidget

from epochviz.core.schedule import BatchSchedule
from epochviz.qt.widgets.live_text import LiveText, rich_width
from epochviz.text.translations import translate


def _bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setTextVisible(True)
    return bar


def _set_bar(bar: QProgressBar, value: int, maximum: int, text: str) -> None:
    """Update a progress bar with a normal, deferred repaint.

    QProgressBar.setValue repaints at once, which paints everything else that is
    due in the window too, inside our update handler; with updates off it
    cannot, and turning them back on schedules one ordinary repaint.
    """
    bar.setUpdatesEnabled(False)
    bar.setRange(0, maximum)
    bar.setValue(value)
    bar.setFormat(text)
    bar.setUpdatesEnabled(True)


class ProgressPanel(QWidget):
    """Shows where a run is; ``set_state(schedule, global_iteration)`` is its only input.

    Bars and counters in one row where the width allows (the window's full width),
    else the counters under the bars.
    """

    def __init__(self) -> None:
        super().__init__()
        self.epoch = _bar("epochProgress")
        self.iteration = _bar("iterationProgress")
        # Counters change every frame: LiveText repaints without laying out the window again.
        self.global_label = LiveText(name="globalIterationLabel", longest="Global iteration 10,000,000 / 10,000,000")
        self.samples_label = LiveText(name="samplesSeenLabel", longest="Samples seen 10,000,000 / 10,000,000")
        self._schedule: BatchSchedule | None = None
        self._iteration = 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.one_row: bool | None = None
        self._counters = (0, 0)
        self._arrange(one_row=False)

    def _arrange(self, one_row: bool) -> None:
        """The bars and the counters in one row (the counters as wide as their words), or the counters below."""
        counters = self._counter_widths()
        if one_row == self.one_row and (not one_row or counters == self._counters):
            return
        self.one_row, self._counters = one_row, counters
        parts = (self.epoch, self.iteration, self.global_label, self.samples_label)
        for part in parts:
            self.grid.removeWidget(part)
        for column in range(4):
            self.grid.setColumnStretch(column, 0)
            self.grid.setColumnMinimumWidth(column, 0)
        for i, part in enumerate(parts):
            self.grid.addWidget(part, *((0, i) if one_row else divmod(i, 2)))
        for column in range(2):
            self.grid.setColumnStretch(column, 1)
        if one_row:
            for column, width in zip((2, 3), counters):
                self.grid.setColumnMinimumWidth(column, width)

    def _counter_widths(self) -> tuple[int, int]:
        """The counters' widths for their longest words."""
        return tuple(rich_width(label.longest or "", label.font()) + 8  # its number in bold is wider
                     for label in (self.global_label, self.samples_label))

    def _one_row_width(self) -> int:
        """The width the bars and counters need side by side."""
        advance = self.fontMetrics().horizontalAdvance
        per_epoch = f"{self._schedule.iterations_per_epoch:,}" if self._schedule else "10,000"
        bar = advance(translate("progress", "Iteration {iteration} / {per_epoch}").format(
            iteration=per_epoch, per_epoch=per_epoch)) + 12
        return 2 * bar + sum(self._counter_widths()) + 3 * self.grid.horizontalSpacing()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(one_row=event.size().width() >= self._one_row_width())

    def set_schedule(self, schedule: BatchSchedule) -> None:
        """A new run: room for its largest numbers (set once, not per frame)."""
        self._schedule = schedule
        total, seen = schedule.total_iterations, schedule.epochs * schedule.samples_per_epoch
        self.global_label.set_longest(_global_text(total, total))  # LiveText drops the <b>
        self.samples_label.set_longest(_samples_text(seen, seen))
        self._arrange(one_row=self.width() >= self._one_row_width())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the projector scale: the words need other room
            self._arrange(one_row=self.width() >= self._one_row_width())

    def retranslate(self) -> None:
        """Words in the current language: the room they need, then the counters again."""
        if self._schedule is not None:
            self.set_schedule(self._schedule)
            self.set_state(self._schedule, self._iteration)

    def set_state(self, schedule: BatchSchedule, global_iteration: int) -> None:
        self._iteration = global_iteration
        epoch, iteration = schedule.position(global_iteration)
        ipe = schedule.iterations_per_epoch
        # completed epochs fill the epoch bar
        _set_bar(self.epoch, global_iteration // ipe, schedule.epochs,
                 translate("progress", "Epoch {epoch} / {epochs}").format(
                     epoch=f"{epoch:,}", epochs=f"{schedule.epochs:,}"))
        _set_bar(self.iteration, iteration, ipe, translate("progress", "Iteration {iteration} / {per_epoch}").format(
            iteration=f"{iteration:,}", per_epoch=f"{ipe:,}"))
        self.global_label.setText(_global_text(global_iteration, schedule.total_iterations))
        self.samples_label.setText(_samples_text(schedule.samples_seen(global_iteration),
                                                 schedule.epochs * schedule.samples_per_epoch))


def _global_text(iteration: int, total: int) -> str:
    return translate("progress", "Global iteration <b>{iteration}</b> / {total}").format(
        iteration=f"{iteration:,}", total=f"{total:,}")


def _samples_text(seen: int, total: int) -> str:
    return translate("progress", "Samples seen <b>{seen}</b> / {total}").format(seen=f"{seen:,}", total=f"{total:,}")
