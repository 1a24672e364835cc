"""A run's figures at every epoch end, training and validation, as one JSON-ready dict (``epochviz train --json``).

The training figures are the whole training set's (every sample trained on),
the validation figures the held-out samples' (None without a validation
split), both measured after the epoch's last update, as Keras's ``History``
holds ``loss``, ``accuracy``, ``val_loss`` and ``val_accuracy``. Figures that
are not finite are None: the JSON stays strict.
"""

from __future__ import annotations

import math

from epochviz.core.run_config import RunConfig
from epochviz.core.settings import SETTINGS
from epochviz.core.trainer import StepRecord


def _figure(value: float | None) -> float | None:
    """A figure as JSON takes it: a finite float, or None."""
    return float(value) if value is not None and math.isfinite(value) else None


def figures(loss: float | None, accuracy: float | None, val_loss: float | None,
            val_accuracy: float | None) -> dict[str, float | None]:
    """The four figures of one moment of a run, by Keras's names."""
    return {"loss": _figure(loss), "accuracy": _figure(accuracy),
            "val_loss": _figure(val_loss), "val_accuracy": _figure(val_accuracy)}


class RunReport:
    """Collects a run's records (only the epoch ends and the first are kept) into ``as_dict``."""

    def __init__(self, config: RunConfig) -> None:
        self.config = config
        self.schedule = config.schedule()
        self.start: dict[str, float | None] | None = None
        self.epoch_ends: list[dict] = []
        self.iterations = 0
        self.diverged = False

    def add(self, record: StepRecord) -> None:
        """Take one record: its figures if it is the first or ends an epoch."""
        self.iterations = record.global_iteration
        self.diverged = self.diverged or record.diverged
        if record.start_loss is not None:
            self.start = figures(record.start_loss, record.start_accuracy, record.start_val_loss,
                                 record.start_val_accuracy)
        if record.epoch_end and record.epoch_loss is not None:
            self.epoch_ends.append({"epoch": record.epoch, "global_iteration": record.global_iteration,
                                    **figures(record.epoch_loss, record.epoch_accuracy, record.val_loss,
                                              record.val_accuracy)})

    def as_dict(self) -> dict:
        """The settings, the sample counts, and the figures before training and at each epoch end."""
        schedule = self.schedule
        settings = {name: getattr(self.config, name) for name in SETTINGS}
        settings["hidden"] = list(settings["hidden"])
        return {
            "settings": settings,
            "samples": schedule.dataset_samples,
            "training_samples": schedule.n_samples,
            "validation_samples": schedule.held_out,
            "iterations_per_epoch": schedule.iterations_per_epoch,
            "iterations": self.iterations,
            "diverged": self.diverged,
            "start": self.start,
            "epoch_ends": self.epoch_ends,
        }
