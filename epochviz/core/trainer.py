"""Training as an iterator: one frozen ``StepRecord`` per iteration.

The trainer knows nothing about time or threads. Whoever drives it pulls
records with ``next``: to pause, stop pulling; to stop, call ``close()``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from epochviz.core.datasets import dataset_info
from epochviz.core.mlp import MLP
from epochviz.core.run_config import RunConfig
from epochviz.core.schedule import BatchSchedule


@dataclass(frozen=True, slots=True)
class StepRecord:
    """What happened in one iteration (one batch, one weight update).

    ``epoch``, ``iteration`` (within the epoch) and ``global_iteration`` are
    1-based. ``epoch_loss`` / ``epoch_accuracy`` are the whole dataset's
    figures after this update, given only when ``epoch_end``. ``diverged``
    marks a non-finite loss, after which the run ends. With gradient
    accumulation ``indices`` holds the ``forward_passes`` micro-batches of the
    update and ``loss`` is their mean over all its samples. ``seconds`` is the
    compute time of the update (forward, backward, update; not the evaluation).
    The first record also carries ``start_loss`` / ``start_accuracy``: the
    whole dataset's figures before any update, what a run is judged against.
    With a validation split the whole-dataset figures are the training
    samples', and ``val_loss`` / ``val_accuracy`` (``start_val_*`` on the
    first record) are the held-out samples', at the same moments.
    """

    epoch: int
    iteration: int
    global_iteration: int
    indices: np.ndarray
    loss: float
    accuracy: float
    epoch_end: bool
    epoch_loss: float | None
    epoch_accuracy: float | None
    diverged: bool
    forward_passes: int = 1
    seconds: float = 0.0
    start_loss: float | None = None
    start_accuracy: float | None = None
    val_loss: float | None = None
    val_accuracy: float | None = None
    start_val_loss: float | None = None
    start_val_accuracy: float | None = None

    @property
    def batch_size(self) -> int:
        """Samples in this iteration's batch (smaller for a partial last batch)."""
        return len(self.indices)


class Trainer:
    """Drives ``schedule`` over the dataset ``(X, y)`` with ``model``; iterate for records.

    X: (n_samples, n_features), y: (n_samples,) labels. The trainer is its own
    iterator, so ``next(trainer)`` runs exactly one iteration. With a schedule
    that holds samples out (``schedule.rows``), the rows it never visits are the
    validation samples (``val_X``, ``val_y``), evaluated at every epoch end only.
    """

    def __init__(self, model: MLP, X: np.ndarray, y: np.ndarray, schedule: BatchSchedule) -> None:
        total = schedule.dataset_samples
        if len(X) != total or len(y) != total:
            raise ValueError(
                f"the schedule has {total} samples but the data has {len(X)}"
            )
        if schedule.held_out and schedule.rows is None:
            raise ValueError("a schedule that holds samples out needs the rows it trains on")
        self.model = model
        self.X = X
        self.y = y
        self.schedule = schedule
        self.train_X, self.train_y, self.val_X, self.val_y = _split_data(X, y, schedule.rows)
        self.last_predictions: np.ndarray | None = None  # every training sample's class at the last epoch end
        self.last_val_predictions: np.ndarray | None = None  # every held-out sample's (with a validation split)
        self.compute_seconds = 0.0  # training time so far: forward, backward and updates only
        self._records = self._run()

    def __repr__(self) -> str:
        return f"Trainer({self.model!r}, X={self.X.shape}, {self.schedule!r})"

    def __iter__(self) -> Trainer:
        return self

    def __next__(self) -> StepRecord:
        return next(self._records)

    def close(self) -> None:
        """Stop: no further iteration will run."""
        self._records.close()

    def _validate(self) -> tuple[float | None, float | None]:
        """Loss and accuracy of the held-out samples (``None, None`` without a split); weights unchanged.

        Each held-out sample's predicted class is kept too (``last_val_predictions``).
        """
        if self.val_X is None:
            return None, None
        with np.errstate(all="ignore"):
            loss, accuracy, self.last_val_predictions = self.model.evaluate_predictions(self.val_X, self.val_y)
        return loss, accuracy

    def _run(self) -> Iterator[StepRecord]:
        model, X, y, schedule = self.model, self.X, self.y, self.schedule
        last = schedule.iterations_per_epoch
        micro = schedule.micro_batch_size
        clock = time.perf_counter
        global_iteration = 0
        with np.errstate(all="ignore"):
            start_loss, start_accuracy = model.evaluate(self.train_X, self.train_y)  # before the first update, once
        start_val = self._validate()
        for epoch, iteration, indices in schedule:
            global_iteration += 1
            started = clock()
            with np.errstate(all="ignore"):  # divergence is reported, not warned about
                if len(indices) <= micro:
                    passes = 1
                    loss, accuracy = model.step_unchecked(X[indices], y[indices])
                else:
                    parts = schedule.micro_batches(indices)
                    passes = len(parts)
                    loss, accuracy = model.step_accumulated((X[part], y[part]) for part in parts)
            seconds = clock() - started
            self.compute_seconds += seconds
            diverged = not math.isfinite(loss)
            epoch_end = iteration == last
            epoch_loss = epoch_accuracy = val_loss = val_accuracy = None
            if epoch_end and not diverged:
                with np.errstate(all="ignore"):
                    epoch_loss, epoch_accuracy, self.last_predictions = model.evaluate_predictions(
                        self.train_X, self.train_y)
                val_loss, val_accuracy = self._validate()
            first = global_iteration == 1
            yield StepRecord(
                epoch, iteration, global_iteration, indices, loss, accuracy,
                epoch_end, epoch_loss, epoch_accuracy, diverged, passes, seconds,
                start_loss if first else None, start_accuracy if first else None,
                val_loss, val_accuracy, *(start_val if first else (None, None)),
            )
            if diverged:
                return


def _split_data(X: np.ndarray, y: np.ndarray, rows: np.ndarray | None) -> tuple:
    """``(train_X, train_y, val_X, val_y)``: the rows trained on, and the others (None without a split)."""
    if rows is None:
        return X, y, None, None
    held = np.ones(len(X), dtype=bool)
    held[rows] = False
    return X[rows], y[rows], X[held], y[held]


def build_run(config: RunConfig) -> Trainer:
    """The one recipe of a run: its schedule, dataset and network from ``config``, as a ``Trainer``.

    Every door (the window's engine, compare mode, ``train()``, ``epochviz
    train`` and ``epochviz compare``) builds its runs here, so equal configs
    give equal records. The arguments are checked by the parts they make.
    """
    info = dataset_info(config.dataset)
    schedule = config.schedule()
    X, y = config.data()
    model = MLP(info.n_features, info.n_classes, config.hidden, config.activation,
                lr=config.lr, momentum=config.momentum, seed=config.seed)
    return Trainer(model, X, y, schedule)


def train(**settings: object) -> Trainer:
    """``build_run(RunConfig(**settings))``: a run from keywords, with the app's defaults for the rest.

    The keywords are ``RunConfig``'s fields (dataset, samples, batch_size, epochs,
    lr, hidden, activation, shuffle, drop_last, seed, noise, accumulate,
    momentum, validation_split); iterate the result for one ``StepRecord`` per weight update.
    """
    return build_run(RunConfig(**settings))
