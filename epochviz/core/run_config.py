"""What defines a run, in one frozen dataclass with the app's one set of defaults.

``RunConfig`` is the single description of a training run: the window, compare
mode, ``core.train()``, ``epochviz train`` and ``epochviz compare`` all make
one and hand it to ``core.trainer.build_run``, so the same settings and seed
give the same data, weights, shuffles and losses whichever door they came in by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import numpy as np

from epochviz.core.datasets import DEFAULT_NOISE, dataset_info, make_dataset
from epochviz.core.holdout import HoldOut, hold_out
from epochviz.core.run_memory import check_fits
from epochviz.core.schedule import BatchSchedule
from epochviz.core.settings import defaults

_DEFAULT = defaults()


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a run; changing any of it means a new run.

    One ``seed`` seeds the data, the initial weights and the shuffles. Each field
    but ``noise`` is a row of ``core.settings.SETTINGS``, which gives its default and range.
    """

    dataset: str = _DEFAULT["dataset"]
    samples: int = _DEFAULT["samples"]
    batch_size: int = _DEFAULT["batch_size"]
    epochs: int = _DEFAULT["epochs"]
    lr: float = _DEFAULT["lr"]
    hidden: tuple[int, ...] = _DEFAULT["hidden"]
    activation: str = _DEFAULT["activation"]
    shuffle: bool = _DEFAULT["shuffle"]
    drop_last: bool = _DEFAULT["drop_last"]
    seed: int = _DEFAULT["seed"]
    noise: float = DEFAULT_NOISE  # the datasets' noise: fixed, not a setting anyone chooses
    accumulate: int = _DEFAULT["accumulate"]  # micro-batches per weight update (gradient accumulation; 1 = off)
    momentum: float = _DEFAULT["momentum"]  # SGD momentum (0 = plain SGD, what the window teaches)
    validation_split: float = _DEFAULT["validation_split"]  # share of the samples held out (Keras's meaning)

    @classmethod
    def pick(cls, settings: Mapping[str, object]) -> RunConfig:
        """The defaults, changed by every entry of ``settings`` that names a field (others are ignored).

        For an argparse namespace (``vars(args)``), which also holds flags that are no part of a run.
        """
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in settings.items() if k in names})

    @property
    def widths(self) -> tuple[int, ...]:
        """Layer widths of the run's network: inputs, hidden layers, classes."""
        info = dataset_info(self.dataset)
        return (info.n_features, *self.hidden, info.n_classes)

    def schedule(self) -> BatchSchedule:
        """The run's schedule over its training samples (raises ``ValueError`` for impossible settings).

        With a validation split its N is N_train and its batches are the training rows.
        """
        split = self.hold_out() if self.validation_split else None
        return BatchSchedule(
            split.n_train if split else self.samples, self.batch_size, self.epochs,
            shuffle=self.shuffle, drop_last=self.drop_last, seed=self.seed, accumulate=self.accumulate,
            held_out=split.n_val if split else 0, rows=split.train_rows if split and split.n_val else None,
        )

    def hold_out(self) -> HoldOut:
        """Which rows are trained on and which are held out for validation, drawn once from the seed."""
        return hold_out(self.samples, self.validation_split, self.seed)

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The run's dataset ``(X, y)``: the trainer's, and the one the views draw."""
        return make_dataset(dataset_info(self.dataset).name, self.samples, noise=self.noise, seed=self.seed)

    def validated(self) -> RunConfig:
        """This config if it can run; ``ValueError`` with a plain reason otherwise (memory included)."""
        dataset_info(self.dataset)
        schedule = self.schedule()
        try:  # the window keeps every iteration's loss: the history counts too; memory needs B, not K x B
            check_fits(self.widths, self.samples, self.batch_size, self.activation,
                       kept_iterations=schedule.total_iterations)
        except MemoryError as exc:
            refused = ValueError(str(exc))
            refused.phrase = getattr(exc, "phrase", None)  # for the window's language (translations.explain)
            raise refused from None
        return self

    def with_changes(self, **changes: object) -> RunConfig:
        return replace(self, **changes)
