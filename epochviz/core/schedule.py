"""The epoch / batch / iteration arithmetic, and the batches themselves.

``BatchSchedule`` is the single source of truth for every derived number the
app shows: iterations per epoch, the size of the last (partial) batch, totals,
and which sample indices make up each batch of each epoch.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from epochviz.core.checks import check_bool, check_positive_int, check_seed


def _check_in_range(name: str, value: object, low: int, high: int) -> int:
    """``value`` as an ``int`` from ``low`` to ``high``, else ``ValueError`` naming ``name`` and the range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be from {low:,} to {high:,} for this schedule, got {value:,}")
    return int(value)


class BatchSchedule:
    """How ``n_samples`` are cut into batches of ``batch_size`` over ``epochs``.

    Parameters
    ----------
    n_samples, batch_size, epochs
        Positive integers. A batch size above ``n_samples`` means full-batch
        training: one iteration of all samples per epoch.
    shuffle
        Draw a fresh permutation of the samples for every epoch, reproducible
        from ``seed``; otherwise batches run through 0..N-1 in order.
    drop_last
        Skip the final partial batch of each epoch (those samples are not seen
        in that epoch).
    seed
        Seed of the per-epoch shuffles.
    accumulate
        Gradient accumulation: K micro-batches of ``batch_size`` make one
        weight update (K = 1, the default, means none). An *iteration* here is
        always one weight update; with K > 1 it takes K forward passes, and the
        last update of an epoch takes the micro-batches that are left.
    held_out
        Samples of the dataset held out for validation (``core.holdout``):
        ``n_samples`` counts the training samples only, the N of every formula.
    rows
        The dataset rows the ``n_samples`` training samples are (read-only, one
        per sample): the batches hold these rows. None means rows 0..N-1.

    Raises
    ------
    ValueError
        A non-positive or non-integer argument, or ``drop_last`` with a batch
        larger than the dataset (which would leave no iteration at all).
    """

    def __init__(
        self,
        n_samples: int,
        batch_size: int,
        epochs: int = 1,
        *,
        shuffle: bool = True,
        drop_last: bool = False,
        seed: int = 0,
        accumulate: int = 1,
        held_out: int = 0,
        rows: np.ndarray | None = None,
    ) -> None:
        self.n_samples = check_positive_int("n_samples", n_samples)
        self.batch_size = check_positive_int("batch_size", batch_size)
        self.epochs = check_positive_int("epochs", epochs)
        self.shuffle = check_bool("shuffle", shuffle)
        self.drop_last = check_bool("drop_last", drop_last)
        self.seed = check_seed(seed)
        self.accumulate = check_positive_int("accumulate", accumulate)
        self.held_out = check_seed(held_out, "held_out")
        if rows is not None and len(rows) != self.n_samples:
            raise ValueError(f"rows must hold one dataset row per sample ({self.n_samples:,}), got {len(rows):,}")
        self.rows = rows
        if self.drop_last and self.batch_size > self.n_samples:
            raise ValueError(
                f"drop_last with batch_size {self.batch_size} > n_samples "
                f"{self.n_samples} would drop every sample and leave no iteration"
            )

    def __repr__(self) -> str:
        return (
            f"BatchSchedule(n_samples={self.n_samples}, batch_size={self.batch_size}, "
            f"epochs={self.epochs}, shuffle={self.shuffle}, drop_last={self.drop_last}, "
            f"seed={self.seed}" + (f", accumulate={self.accumulate}" if self.accumulate > 1 else "")
            + (f", held_out={self.held_out})" if self.held_out else ")")
        )

    @property
    def micro_batch_size(self) -> int:
        """Samples per forward pass: ``batch_size`` capped at ``n_samples``."""
        return min(self.batch_size, self.n_samples)

    @property
    def forward_passes_per_epoch(self) -> int:
        """ceil(N / B), or floor(N / B) when the partial batch is dropped."""
        if self.drop_last:
            return self.n_samples // self.batch_size
        return -(-self.n_samples // self.batch_size)  # exact at any size: no floating point

    @property
    def iterations_per_epoch(self) -> int:
        """Weight updates per epoch: the forward passes, or ceil(passes / K) when accumulating."""
        return -(-self.forward_passes_per_epoch // self.accumulate)

    updates_per_epoch = iterations_per_epoch

    @property
    def samples_per_epoch(self) -> int:
        """Samples actually seen per epoch (fewer than N only with drop_last)."""
        if self.drop_last:
            return self.forward_passes_per_epoch * self.batch_size
        return self.n_samples

    @property
    def effective_batch_size(self) -> int:
        """Samples per full weight update: K x B, capped at the samples of an epoch (B when K = 1)."""
        return min(self.accumulate * self.micro_batch_size, self.samples_per_epoch)

    @property
    def total_iterations(self) -> int:
        """Iterations (weight updates) over all epochs."""
        return self.epochs * self.iterations_per_epoch

    @property
    def last_batch_size(self) -> int:
        """Samples in each epoch's final update: a full one, or what is left (N mod B when K = 1)."""
        return self.samples_per_epoch - (self.iterations_per_epoch - 1) * self.effective_batch_size

    @property
    def last_micro_batch_size(self) -> int:
        """Samples in each epoch's final forward pass: B, or N mod B when B does not divide N."""
        return self.samples_per_epoch - (self.forward_passes_per_epoch - 1) * self.micro_batch_size

    @property
    def dropped_per_epoch(self) -> int:
        """Samples that drop_last leaves out of each epoch."""
        return self.n_samples - self.samples_per_epoch

    def batch_size_at(self, iteration: int) -> int:
        """Size of the batch of the given 1-based iteration within an epoch."""
        iteration = _check_in_range("iteration", iteration, 1, self.iterations_per_epoch)
        if iteration == self.iterations_per_epoch:
            return self.last_batch_size
        return self.effective_batch_size

    def samples_seen(self, global_iteration: int) -> int:
        """Samples processed after ``global_iteration`` iterations (0 allowed)."""
        global_iteration = _check_in_range("global_iteration", global_iteration, 0, self.total_iterations)
        ipe = self.iterations_per_epoch
        full_epochs, within = divmod(global_iteration, ipe)
        return full_epochs * self.samples_per_epoch + within * self.effective_batch_size

    def position(self, global_iteration: int) -> tuple[int, int]:
        """(epoch, iteration within it) of a 1-based global iteration; (1, 0) before the first."""
        global_iteration = _check_in_range("global_iteration", global_iteration, 0, self.total_iterations)
        if global_iteration == 0:
            return 1, 0
        epoch = (global_iteration - 1) // self.iterations_per_epoch + 1
        return epoch, global_iteration - (epoch - 1) * self.iterations_per_epoch

    @property
    def dataset_samples(self) -> int:
        """Samples in the whole dataset: the training samples and those held out."""
        return self.n_samples + self.held_out

    def order(self, epoch: int) -> np.ndarray:
        """The (read-only) order in which samples are visited in ``epoch`` (1-based), as dataset rows."""
        epoch = _check_in_range("epoch", epoch, 1, self.epochs)
        if self.shuffle:
            # Seeding with (seed, epoch) makes every epoch reproducible on its own.
            order = np.random.default_rng([self.seed, epoch]).permutation(self.n_samples)
            if self.rows is not None:
                order = self.rows[order]  # once an epoch: the batches are slices of it
        else:
            order = np.arange(self.n_samples) if self.rows is None else self.rows
        order.flags.writeable = False
        return order

    def batches(self, epoch: int) -> Iterator[np.ndarray]:
        """The index arrays of the updates of ``epoch`` (1-based), in order (the epoch is checked at once).

        With accumulation each array holds the update's K micro-batches one after
        the other (see ``micro_batches``).
        """
        order = self.order(epoch)[: self.samples_per_epoch]
        step = self.effective_batch_size
        return (order[i * step : i * step + step] for i in range(self.iterations_per_epoch))

    def micro_batches(self, indices: np.ndarray) -> list[np.ndarray]:
        """The forward passes of one update's ``indices``: slices of ``batch_size`` (the last may be smaller)."""
        step = self.micro_batch_size
        return [indices[i : i + step] for i in range(0, len(indices), step)]

    def __iter__(self) -> Iterator[tuple[int, int, np.ndarray]]:
        """Yield ``(epoch, iteration, indices)`` over every epoch, both 1-based."""
        for epoch in range(1, self.epochs + 1):
            for iteration, indices in enumerate(self.batches(epoch), start=1):
                yield epoch, iteration, indices

    def facts(self) -> ScheduleFacts:
        """Every derived number of this schedule, for printing or JSON."""
        return ScheduleFacts.of(self)


@dataclass(frozen=True)
class ScheduleFacts:
    """The arithmetic of a schedule as plain numbers (what a board would show).

    ``iterations_per_epoch`` counts weight updates; with gradient accumulation
    (``accumulate`` = K > 1) an update takes K forward passes of B samples.
    With a validation split ``n_samples`` is N_train, the samples trained on,
    and ``validation_samples`` are held out of every epoch.
    """

    n_samples: int
    batch_size: int
    epochs: int
    drop_last: bool
    iterations_per_epoch: int
    last_batch_size: int
    dropped_per_epoch: int
    total_iterations: int
    weight_updates: int
    samples_per_epoch: int
    samples_seen: int
    accumulate: int
    forward_passes_per_epoch: int
    updates_per_epoch: int
    effective_batch_size: int
    validation_samples: int = 0

    @classmethod
    def of(cls, schedule: BatchSchedule) -> ScheduleFacts:
        return cls(
            n_samples=schedule.n_samples,
            batch_size=schedule.batch_size,
            epochs=schedule.epochs,
            drop_last=schedule.drop_last,
            iterations_per_epoch=schedule.iterations_per_epoch,
            last_batch_size=schedule.last_micro_batch_size,
            dropped_per_epoch=schedule.dropped_per_epoch,
            total_iterations=schedule.total_iterations,
            weight_updates=schedule.total_iterations,
            samples_per_epoch=schedule.samples_per_epoch,
            samples_seen=schedule.epochs * schedule.samples_per_epoch,
            accumulate=schedule.accumulate,
            forward_passes_per_epoch=schedule.forward_passes_per_epoch,
            updates_per_epoch=schedule.updates_per_epoch,
            effective_batch_size=schedule.effective_batch_size,
            validation_samples=schedule.held_out,
        )

    @property
    def passes_formula(self) -> str:
        """``ceil(100000 / 100) = 1000`` (floor with drop_last), without separators: forward passes per epoch."""
        fn = "floor" if self.drop_last else "ceil"
        return f"{fn}({self.n_samples} / {self.batch_size}) = {self.forward_passes_per_epoch}"

    @property
    def iterations_formula(self) -> str:
        """Iterations (updates) per epoch as a formula: the passes, or ``ceil(250 / 4) = 63`` when accumulating."""
        if self.accumulate == 1:
            return self.passes_formula
        return f"ceil({self.forward_passes_per_epoch} / {self.accumulate}) = {self.updates_per_epoch}"

    @property
    def total_formula(self) -> str:
        """``10 x 1000 = 10000``."""
        return f"{self.epochs} x {self.iterations_per_epoch} = {self.total_iterations}"

    @property
    def effective_formula(self) -> str:
        """``4 x 8 = 32`` (capped at the samples of an epoch)."""
        return f"{self.accumulate:,} x {self.batch_size:,} = {self.effective_batch_size:,}"

