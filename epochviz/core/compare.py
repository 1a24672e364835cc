"""Compare mode's arithmetic: runs that differ only in batch size, and what each one costs.

Every run of a comparison shares the dataset, network and seed (so the same
data, the same initial weights and the same shuffles). Each run's learning
rate follows a rule (``LR_RULES``): by default the square-root rule, which
gives each batch size a rate it is stable at, so the default comparison shows
what textbooks show (``scripts/measure-compare-lr`` has the numbers).
``RunTally`` keeps a run's running figures; ``summary`` turns them into one
row of the comparison table, ``verdict`` says whether a run went wrong.
"""

from __future__ import annotations

import math
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


# How each run's learning rate follows from the base rate ``lr`` and its effective batch B (K x B):
#   sqrt    lr x sqrt(B / 32), and at most max(lr, 1) (the default: each batch at a rate it is stable at);
#   same    lr for every run (what a textbook's "same settings" means; B = 1 may diverge at a large lr);
#   linear  lr x B / B1, relative to the first run (the linear scaling rule, Goyal et al., 2017).
LR_RULES = ("sqrt", "same", "linear")
DEFAULT_LR_RULE = "sqrt"
REFERENCE_BATCH = 32  # the batch size the base rate is meant for under the square-root rule
MAX_SCALED_LR = 1.0  # the square-root rule raises no rate above this (unless the base rate is higher)


def check_lr_rule(rule: object) -> str:
    """``rule`` if it is one of ``LR_RULES``, else ``ValueError`` listing them."""
    if rule not in LR_RULES:
        raise ValueError(f"the learning-rate rule must be one of {', '.join(LR_RULES)}, got {rule!r}")
    return rule


def scaled_lr(lr: float, batch: int, rule: str, first_batch: int) -> float:
    """The learning rate of a run with effective batch ``batch`` under ``rule`` (see ``LR_RULES``)."""
    if check_lr_rule(rule) == "same":
        return lr
    if rule == "linear":
        return lr * batch / first_batch
    return min(lr * math.sqrt(batch / REFERENCE_BATCH), max(lr, MAX_SCALED_LR))


def compare_configs(base: RunConfig, choices: Sequence[BatchChoice], *,
                    lr_rule: str = DEFAULT_LR_RULE) -> list[RunConfig]:
    """One config per batch size, otherwise ``base``, each with its learning rate under ``lr_rule``."""
    check_lr_rule(lr_rule)
    trained = base.schedule().n_samples  # "full" is every training sample (N_train with a validation split)
    configs = [base.with_changes(batch_size=resolve(c, trained)) for c in check_batch_choices(choices)]
    batches = [c.schedule().effective_batch_size for c in configs]
    return [c.with_changes(lr=scaled_lr(base.lr, b, lr_rule, batches[0])) for c, b in zip(configs, batches)]


SMOOTHING_SHARE_OF_EPOCH = 1 / 20


def smoothing_weight(config: RunConfig) -> float:
    """An EMA weight that averages over the same number of samples in every run (1/20 of an epoch).

    B = 1 then averages over ~N/20 updates and B = N over one (no smoothing),
    so the lines compare the runs at the same amount of data, not of steps.
    """
    schedule = config.schedule()
    window = schedule.n_samples * SMOOTHING_SHARE_OF_EPOCH / schedule.effective_batch_size
    return min(0.999, max(0.0, 1.0 - 1.0 / max(window, 1.0)))


LABEL_TEMPLATE = "B={b} · {updates} it/epoch · lr {lr}"


def run_label(config: RunConfig, template: str = LABEL_TEMPLATE) -> str:
    """``B=32 · 63 it/epoch · lr 0.3`` (``4×8`` when accumulating; ``(N)`` for the full batch).

    ``template`` words it in another language (the window passes its translation).
    """
    schedule = config.schedule()
    b = f"{schedule.accumulate}×{config.batch_size:,}" if schedule.accumulate > 1 else f"{config.batch_size:,}"
    full = " (N)" if config.batch_size >= schedule.n_samples else ""
    return template.format(b=b + full, updates=f"{schedule.updates_per_epoch:,}", lr=lr_text(config.lr))


def lr_text(lr: float) -> str:
    """A learning rate as a label shows it: three significant digits (``0.053``, ``0.3``, ``1``)."""
    return f"{lr:.3g}"


@dataclass
class RunTally:
    """A run's figures so far: updates, samples, training compute time, each epoch end's loss,
    the whole-dataset loss before the first update, and whether the run diverged."""

    updates: int = 0
    samples: int = 0
    compute_seconds: float = 0.0
    epoch_losses: list[float] = field(default_factory=list)
    epoch_accuracies: list[float] = field(default_factory=list)
    start_loss: float | None = None
    diverged: bool = False
    val_losses: list[float] = field(default_factory=list)  # the held-out samples' (a validation split only)
    val_accuracies: list[float] = field(default_factory=list)

    def add(self, updates: int, samples: int, seconds: float) -> None:
        self.updates += updates
        self.samples += samples
        self.compute_seconds += seconds

    def add_epoch_end(self, loss: float, accuracy: float, val_loss: float | None = None,
                      val_accuracy: float | None = None) -> None:
        """An epoch end's figures: the training samples', and the held-out samples' with a validation split."""
        self.epoch_losses.append(float(loss))
        self.epoch_accuracies.append(float(accuracy))
        if val_loss is not None:
            self.val_losses.append(float(val_loss))
            self.val_accuracies.append(float(val_accuracy))

    def verdict(self) -> str | None:
        """``"diverged"``, ``"worse"`` (the latest epoch's loss above the loss before training) or None."""
        if self.diverged:
            return "diverged"
        if self.start_loss is not None and self.epoch_losses and self.epoch_losses[-1] > self.start_loss:
            return "worse"
        return None


def summary(config: RunConfig, tally: RunTally) -> dict:
    """One row of the comparison: the schedule's counts, the measured speed and the latest epoch figures.

    With a validation split the loss and accuracy are the training samples' and
    the ``val_`` figures the held-out samples' (None without one).

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
        "validation_samples": schedule.held_out,
        "val_losses": list(tally.val_losses),
        "final_val_loss": tally.val_losses[-1] if tally.val_losses else None,
        "final_val_accuracy": tally.val_accuracies[-1] if tally.val_accuracies else None,
        "start_loss": tally.start_loss,
        "diverged": tally.diverged,
        "verdict": tally.verdict(),
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
    if key in ("final_loss", "final_accuracy", "final_val_loss", "final_val_accuracy"):
        return f"{value:.3f}"
    if key in ("ms_per_update", "seconds_per_epoch"):
        return f"{value:.3g}"
    return f"{value:,.0f}"
