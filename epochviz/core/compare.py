"""Compare mode's arithmetic: runs that differ only in batch size, and what each one costs.

Every run of a comparison shares the dataset, network, seed (so the same data,
the same initial weights and the same shuffles) and learning rate, unless the
linear scaling rule (Goyal et al., 2017) scales the rate with the effective
batch size, relative to the first run. ``RunTally`` keeps a run's running
figures; ``summary`` turns them into one row of the comparison table.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field

from epochviz.core.memory import format_bytes, iteration_memory, mlp_shape
from epochviz.core.run_config import RunConfig

FULL = "full"
MIN_RUNS, MAX_RUNS = 2, 4
DEFAULT_BATCH_SIZES: tuple[int | str, ...] = (1, 32, FULL)

BatchChoice = int | str  # a batch size, or "full" for B = N


def check_batch_choices(choices: Sequence[object]) -> list[BatchChoice]:
    """2 to 4 batch sizes (positive integers or ``"full"``), else ``ValueError`` saying what is wrong."""
    if isinstance(choices, str | bytes) or not isinstance(choices, Sequence):
        raise ValueError(f"compare needs a list of batch sizes, got {choices!r}")
    if not MIN_RUNS <= len(choices) <= MAX_RUNS:
        raise ValueError(f"compare takes {MIN_RUNS} to {MAX_RUNS} batch sizes, got {len(choices)}")
    checked: list[BatchChoice] = []
    for choice in choices:
        if choice == FULL:
            checked.append(FULL)
        elif isinstance(choice, numbers.Integral) and not isinstance(choice, bool) and choice >= 1:
            checked.append(int(choice))
        else:
            raise ValueError(f"a batch size must be a positive integer or {FULL!r}, got {choice!r}")
    return checked


def resolve(choice: BatchChoice, n_samples: int) -> int:
    """The batch size a choice means for N samples: ``full`` is N, and nothing exceeds N."""
    return n_samples if choice == FULL else min(int(choice), n_samples)


def compare_configs(base: RunConfig, choices: Sequence[BatchChoice], *, scale_lr: bool = False) -> list[RunConfig]:
    """One config per batch size, otherwise ``base``; with ``scale_lr`` the rate grows with the batch.

    The linear scaling rule: lr_i = lr x (effective batch of run i) / (effective batch of run 1).
    """
    configs = [base.with_changes(batch_size=resolve(c, base.samples)) for c in check_batch_choices(choices)]
    if scale_lr:
        first = configs[0].schedule().effective_batch_size
        configs = [c.with_changes(lr=base.lr * c.schedule().effective_batch_size / first) for c in configs]
    return configs


SMOOTHING_SHARE_OF_EPOCH = 1 / 20


def smoothing_weight(config: RunConfig) -> float:
    """An EMA weight that averages over the same number of samples in every run (1/20 of an epoch).

    B = 1 then averages over ~N/20 updates and B = N over one (no smoothing),
    so the lines compare the runs at the same amount of data, not of steps.
    """
    window = config.samples * SMOOTHING_SHARE_OF_EPOCH / config.schedule().effective_batch_size
    return min(0.999, max(0.0, 1.0 - 1.0 / max(window, 1.0)))


def run_label(config: RunConfig, template: str = "B={b} · {updates} it/epoch") -> str:
    """``B=32 · 63 it/epoch`` (``4×8`` when accumulating; ``B=N`` for the full batch).

    ``template`` words it in another language (the window passes its translation).
    """
    schedule = config.schedule()
    b = f"{schedule.accumulate}×{config.batch_size:,}" if schedule.accumulate > 1 else f"{config.batch_size:,}"
    full = " (N)" if config.batch_size >= config.samples else ""
    return template.format(b=b + full, updates=f"{schedule.updates_per_epoch:,}")


@dataclass
class RunTally:
    """A run's figures so far: updates, samples, training compute time, and each epoch end's loss."""

    updates: int = 0
    samples: int = 0
    compute_seconds: float = 0.0
    epoch_losses: list[float] = field(default_factory=list)
    epoch_accuracies: list[float] = field(default_factory=list)

    def add(self, updates: int, samples: int, seconds: float) -> None:
        self.updates += updates
        self.samples += samples
        self.compute_seconds += seconds

    def add_epoch_end(self, loss: float, accuracy: float) -> None:
        self.epoch_losses.append(float(loss))
        self.epoch_accuracies.append(float(accuracy))


def summary(config: RunConfig, tally: RunTally) -> dict:
    """One row of the comparison: the schedule's counts, the measured speed and the latest epoch figures.

    Times are training compute only (forward, backward, update), so runs that
    shared a CPU are compared fairly. Figures not measured yet are None.
    """
    schedule = config.schedule()
    seconds = tally.compute_seconds
    per_update = seconds / tally.updates if tally.updates and seconds > 0 else None
    return {
        "batch_size": config.batch_size,
        "accumulate": schedule.accumulate,
        "effective_batch_size": schedule.effective_batch_size,
        "lr": config.lr,
        "forward_passes_per_epoch": schedule.forward_passes_per_epoch,
        "updates_per_epoch": schedule.updates_per_epoch,
        "total_updates": tally.updates,
        "epoch_losses": list(tally.epoch_losses),
        "final_loss": tally.epoch_losses[-1] if tally.epoch_losses else None,
        "final_accuracy": tally.epoch_accuracies[-1] if tally.epoch_accuracies else None,
        "ms_per_update": per_update * 1e3 if per_update is not None else None,
        "seconds_per_epoch": per_update * schedule.updates_per_epoch if per_update is not None else None,
        "samples_per_s": tally.samples / seconds if seconds > 0 else None,
        "memory_per_iteration_bytes": iteration_memory(mlp_shape(config.widths), schedule.micro_batch_size).total,
    }


def figure_text(key: str, row: dict) -> str:
    """How one figure of a ``summary`` row reads in a table ("–" until measured), window and terminal alike."""
    value = row.get(key)
    if key == "batch":
        return f"{row['accumulate']} × {row['batch_size']:,}" if row["accumulate"] > 1 else f"{row['batch_size']:,}"
    if value is None:
        return "–"
    if key == "label":
        return str(value)
    if key == "lr":
        return f"{value:.4g}"
    if key == "memory_per_iteration_bytes":
        return format_bytes(value)
    if key in ("final_loss", "final_accuracy"):
        return f"{value:.3f}"
    if key in ("ms_per_update", "seconds_per_epoch"):
        return f"{value:.3g}"
    return f"{value:,.0f}"
