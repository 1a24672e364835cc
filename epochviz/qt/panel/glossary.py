"""The three words, defined with the current run's own numbers."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from epochviz.core.schedule import BatchSchedule
from epochviz.text.translations import translate, units


def _batch(schedule: BatchSchedule) -> str:
    b = schedule.effective_batch_size
    if b == 1:
        text = translate("glossary", "<b>Batch</b>: 1 sample goes through the network alone.")
    else:
        text = translate("glossary", "<b>Batch</b>: {samples} go through the network together.").format(
            samples=units(b, "sample"))
    if schedule.batch_size >= schedule.n_samples:
        text += " " + translate("glossary", "The batch is the whole dataset: one smooth step per epoch.")
    elif schedule.dropped_per_epoch:
        text += " " + translate("glossary", "The last {n} are dropped each epoch.").format(
            n=f"{schedule.dropped_per_epoch:,}")
    elif schedule.last_batch_size != b:
        text += " " + translate("glossary", "The last batch has only {n}.").format(n=f"{schedule.last_batch_size:,}")
    return text


class GlossaryCard(QGroupBox):
    """Epoch, batch and iteration in one sentence each; ``set_state(schedule)`` refreshes them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("glossary")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("glossaryText")
        QVBoxLayout(self).addWidget(self.text)
        self.schedule: BatchSchedule | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("glossary", "The three words"))
        if self.schedule is not None:
            self.set_state(self.schedule)

    def set_state(self, schedule: BatchSchedule) -> None:
        self.schedule = schedule
        iteration = translate("glossary", "<b>Iteration</b>: one batch → forward pass → loss → backward pass → one "
                                          "weight update.")
        epoch = (translate("glossary", "<b>Epoch</b>: all {samples} seen once = {iterations}, in a new order.")
                 if schedule.shuffle else
                 translate("glossary", "<b>Epoch</b>: all {samples} seen once = {iterations}.")).format(
            samples=units(schedule.samples_per_epoch, "sample"),
            iterations=units(schedule.iterations_per_epoch, "iteration"))
        if schedule.held_out:
            epoch += " " + translate("glossary", "The {n} held out for validation are in no batch.").format(
                n=f"{schedule.held_out:,}")
        self.text.setText(f"{iteration}<br>{_batch(schedule)}<br>{epoch}")
