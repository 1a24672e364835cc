"""Progress bars and counters: epoch, iteration within the epoch, global iteration, samples."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QProgressBar, QWidget

from epochviz.core.schedule import BatchSchedule
from epochviz.qt.widgets.live_text import LiveText
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
    """Shows where a run is; ``set_state(schedule, global_iteration)`` is its only input."""

    def __init__(self) -> None:
        super().__init__()
        self.epoch = _bar("epochProgress")
        self.iteration = _bar("iterationProgress")
        # Counters change every frame: LiveText repaints without laying out the window again.
        self.global_label = LiveText(name="globalIterationLabel", longest="Global iteration 10,000,000 / 10,000,000")
        self.samples_label = LiveText(name="samplesSeenLabel", longest="Samples seen 10,000,000 / 10,000,000")
        self._schedule: BatchSchedule | None = None
        self._iteration = 0
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.epoch, 0, 0)
        grid.addWidget(self.iteration, 0, 1)
        grid.addWidget(self.global_label, 1, 0)
        grid.addWidget(self.samples_label, 1, 1)

    def set_schedule(self, schedule: BatchSchedule) -> None:
        """A new run: room for its largest numbers (set once, not per frame)."""
        self._schedule = schedule
        total, seen = schedule.total_iterations, schedule.epochs * schedule.samples_per_epoch
        longest = max(_global_text(total, total), _samples_text(seen, seen), key=len)  # LiveText drops the <b>
        for label in (self.global_label, self.samples_label):  # side by side: the same height
            label.set_longest(longest)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

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
