"""Progress bars and counters: epoch, iteration within the epoch, global iteration, samples."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QProgressBar, QWidget

from epochviz.core.schedule import BatchSchedule
from epochviz.qt.live_text import LiveText


def _bar(name: str, accessible: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setAccessibleName(accessible)
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
        self.epoch = _bar("epochProgress", "Epoch progress")
        self.iteration = _bar("iterationProgress", "Iteration within the epoch")
        # Counters change every frame: LiveText repaints without laying out the window again.
        self.global_label = LiveText(name="globalIterationLabel", longest="Global iteration 10,000,000 / 10,000,000")
        self.samples_label = LiveText(name="samplesSeenLabel", longest="Samples seen 10,000,000 / 10,000,000")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.epoch, 0, 0)
        grid.addWidget(self.iteration, 0, 1)
        grid.addWidget(self.global_label, 1, 0)
        grid.addWidget(self.samples_label, 1, 1)

    def set_schedule(self, schedule: BatchSchedule) -> None:
        """A new run: room for its largest numbers (set once, not per frame)."""
        total, seen = schedule.total_iterations, schedule.epochs * schedule.samples_per_epoch
        longest = max(f"Global iteration {total:,} / {total:,}", f"Samples seen {seen:,} / {seen:,}", key=len)
        for label in (self.global_label, self.samples_label):  # side by side: the same height
            label.set_longest(longest)

    def set_state(self, schedule: BatchSchedule, global_iteration: int) -> None:
        epoch, iteration = schedule.position(global_iteration)
        ipe = schedule.iterations_per_epoch
        # completed epochs fill the epoch bar
        _set_bar(self.epoch, global_iteration // ipe, schedule.epochs, f"Epoch {epoch:,} / {schedule.epochs:,}")
        _set_bar(self.iteration, iteration, ipe, f"Iteration {iteration:,} / {ipe:,}")
        self.global_label.setText(
            f"Global iteration <b>{global_iteration:,}</b> / {schedule.total_iterations:,}"
        )
        self.samples_label.setText(
            f"Samples seen <b>{schedule.samples_seen(global_iteration):,}</b>"
            f" / {schedule.epochs * schedule.samples_per_epoch:,}"
        )
