"""Will this run fit? An estimate of a training run's peak memory, checked before it starts.

The estimate counts what the trainer holds at its busiest moments, from the
shapes alone: the data and the shuffled order; one iteration's batch copy,
every layer's stored output and the gradients in flight; the whole-dataset
evaluation at each epoch end (in chunks); and, for the window, the loss history
(32 bytes an iteration). A test compares it with measured peak RSS.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from epochviz.core.memory import format_bytes
from epochviz.core.mlp import eval_chunk_rows
from epochviz.core.words import QT_TRANSLATE_NOOP, Phrase, worded

FLOAT = 4  # float32
INDEX = 8  # int64 labels, indices, predictions
INTERPRETER = 50 * 10**6  # Python, numpy and epochviz loaded: 40-90 MB here, by BLAS build and threads
HISTORY_BYTES_PER_ITERATION = 32
HEADROOM = 0.85  # use at most this share of the memory available


@dataclass(frozen=True)
class RunMemory:
    """Peak bytes of a run by part, and the total."""

    data: int
    iteration: int
    evaluation: int
    history: int
    base: int = INTERPRETER

    @property
    def total(self) -> int:
        return self.base + self.data + max(self.iteration, self.evaluation) + self.history


def run_memory(widths: Sequence[int], n_samples: int, batch_size: int, activation: str = "tanh",
               kept_iterations: int = 0, base: int = INTERPRETER) -> RunMemory:
    """The estimated peak of a run of an MLP with layer ``widths`` (inputs, hidden..., classes).

    ``base`` is what the process holds before the run (``resident_bytes()`` when known).
    """
    n_in, classes, widest = widths[0], widths[-1], max(widths)
    b = min(batch_size, n_samples)
    params = sum(a * c + c for a, c in zip(widths, widths[1:]))
    data = n_samples * (n_in * FLOAT + 2 * INDEX) + 3 * params * FLOAT  # X, y, order; W, dW, blend
    stored = sum(widths[1:]) * FLOAT + (sum(widths[1:-1]) if activation == "relu" else 0)
    iteration = b * (n_in * FLOAT + stored + 3 * widest * FLOAT + 2 * classes * FLOAT)  # 3: backward temporaries
    chunk = min(n_samples, eval_chunk_rows(widest))
    evaluation = chunk * 2 * widest * FLOAT + n_samples * (3 * classes * FLOAT + 3 * INDEX)
    return RunMemory(data, iteration, evaluation, kept_iterations * HISTORY_BYTES_PER_ITERATION, base)


def resident_bytes() -> int | None:
    """This process's resident memory now (Linux), or None."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def available_bytes() -> int | None:
    """Memory the system can give a new process without swapping, or None where it cannot be read."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    if hasattr(os, "sysconf") and sys.platform != "win32":
        try:
            return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (ValueError, OSError):
            return None
    return None


def check_fits(widths: Sequence[int], n_samples: int, batch_size: int, activation: str = "tanh",
               kept_iterations: int = 0, available: int | None = None, base: int = INTERPRETER) -> None:
    """``MemoryError`` with a one-line reason and what would fit, when the run would not fit in memory."""
    available = available_bytes() if available is None else available
    if available is None:
        return
    need = run_memory(widths, n_samples, batch_size, activation, kept_iterations, base)
    budget = int(available * HEADROOM)
    if need.total <= budget:
        return
    fitting = largest_fitting_batch(widths, n_samples, activation, kept_iterations, budget, base)
    if fitting:
        advice = Phrase(QT_TRANSLATE_NOOP("errors", "a batch size of at most {most} would fit (or accumulate "
                                                    "gradients over smaller batches)"), most=f"{fitting:,}")
    else:
        advice = Phrase(QT_TRANSLATE_NOOP("errors", "even a batch of 1 would not: use fewer samples or a smaller "
                                                    "network"))
    raise worded(MemoryError, QT_TRANSLATE_NOOP("errors", "this run needs about {need} at its peak, more than the "
                                                          "{budget} that can be used of the {available} available; "
                                                          "{advice}"),
                 need=format_bytes(need.total), budget=format_bytes(budget), available=format_bytes(available),
                 advice=advice)


def largest_fitting_batch(widths: Sequence[int], n_samples: int, activation: str, kept_iterations: int,
                          budget: int, base: int = INTERPRETER) -> int:
    """The biggest batch size whose run fits in ``budget`` bytes (0 if none)."""
    low, high = 0, min(n_samples, 2**40)
    while low < high:  # the peak grows with B: bisect
        mid = (low + high + 1) // 2
        if run_memory(widths, n_samples, mid, activation, kept_iterations, base).total <= budget:
            low = mid
        else:
            high = mid - 1
    return low
