"""The three words, defined with the current run's own numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from epochviz.core.schedule import BatchSchedule
from epochviz.core.words import count


class GlossaryCard(QGroupBox):
    """Epoch, batch and iteration in one sentence each; ``set_state(schedule)`` refreshes them."""

    def __init__(self) -> None:
        super().__init__("The three words")
        self.setObjectName("glossary")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("glossaryText")
        QVBoxLayout(self).addWidget(self.text)

    def set_state(self, schedule: BatchSchedule) -> None:
        n, b = schedule.n_samples, schedule.effective_batch_size
        ipe = schedule.iterations_per_epoch
        batch = (f"<b>Batch</b>: {count(b, 'sample')} {'goes' if b == 1 else 'go'} through the network "
                 f"{'alone' if b == 1 else 'together'}.")
        if schedule.batch_size >= n:
            batch += " The batch is the whole dataset: one smooth step per epoch."
        elif schedule.dropped_per_epoch:
            batch += f" The last {schedule.dropped_per_epoch:,} are dropped each epoch."
        elif schedule.last_batch_size != b:
            batch += f" The last batch has only {schedule.last_batch_size:,}."
        self.text.setText(
            f"<b>Iteration</b>: one batch → forward pass → loss → backward pass → one weight update.<br>"
            f"{batch}<br>"
            f"<b>Epoch</b>: all {count(schedule.samples_per_epoch, 'sample')} seen once = "
            f"{count(ipe, 'iteration')}{', in a new order' if schedule.shuffle else ''}."
        )
