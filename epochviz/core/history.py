"""The loss history of a run, grown in place, and TensorBoard-style smoothing.

A chart of a million iterations must not copy a million values every frame:
``GrowingArray`` preallocates and doubles, and hands out views of the filled
part, the way pyqtgraph's scrolling-plot example does.
"""

from __future__ import annotations

import math

import numpy as np

from epochviz.core.schedule import BatchSchedule

X_AXES = ("iterations", "epochs", "samples")


class GrowingArray:
    """A 1-D array that only grows by appending; ``view()`` is the filled part."""

    def __init__(self, dtype=np.float64, capacity: int = 1024) -> None:
        self._data = np.empty(capacity, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, values: np.ndarray) -> None:
        n = len(values)
        if self._size + n > len(self._data):
            grown = np.empty(max(2 * len(self._data), self._size + n), dtype=self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : self._size + n] = values
        self._size += n

    def view(self) -> np.ndarray:
        """The values appended so far (a view: valid until the next append)."""
        return self._data[: self._size]

    def clear(self) -> None:
        self._size = 0

    @property
    def nbytes(self) -> int:
        return self._data.nbytes


def _block_length(weight: float) -> int:
    """Longest block whose scale factor weight**-L stays far from overflow."""
    if weight <= 0.0:
        return 4096
    return int(max(1, min(4096, 200 * math.log(10) / -math.log(weight))))


def ema_debiased(
    values: np.ndarray, weight: float, state: tuple[float, int] = (0.0, 0)
) -> tuple[np.ndarray, tuple[float, int]]:
    """Debiased exponential moving average, as TensorBoard smooths its scalar charts.

    ``last = last * w + (1 - w) * v``, shown as ``last / (1 - w**count)`` so the
    first points are not pulled towards zero. Non-finite values are skipped
    (their smoothed value is NaN). ``state`` = (last, count) continues an
    earlier call, so a growing series can be smoothed chunk by chunk.
    Vectorised per block: s_j = w^(j+1) s_prev + (1-w) w^j cumsum(w^-k v_k).
    """
    values = np.asarray(values, dtype=np.float64)
    out = np.full(len(values), np.nan)
    finite = np.isfinite(values)
    v = values[finite]
    last, count = state
    if not 0.0 <= weight < 1.0:
        raise ValueError(f"smoothing weight must be in [0, 1), got {weight!r}")
    smoothed = np.empty(len(v))
    block = _block_length(weight)
    k = np.arange(min(block, len(v)), dtype=np.float64)
    w_k = weight**k  # w^j within a block, and its inverse for the scaled cumsum
    w_inv = 1.0 / w_k if weight > 0.0 else None
    for start in range(0, len(v), block):
        part = v[start : start + block]
        m = len(part)
        if w_inv is None:
            raw = part.copy()
        else:
            raw = weight * w_k[:m] * last + (1 - weight) * w_k[:m] * np.cumsum(w_inv[:m] * part)
        debias = 1.0 - weight ** (count + 1 + k[:m])
        smoothed[start : start + m] = raw / debias
        last, count = float(raw[-1]), count + m
    out[finite] = smoothed
    return out, (last, count)


def x_values(schedule: BatchSchedule, axis: str, global_iteration: np.ndarray) -> np.ndarray:
    """x coordinates of iterations on the chosen axis: iterations, epochs or samples seen.

    On the epochs axis, iteration i of epoch e sits at (e - 1) + i / ipe, so the
    end of epoch e is exactly at e.
    """
    g = np.asarray(global_iteration, dtype=np.float64)
    if axis == "iterations":
        return g
    if axis == "epochs":
        return g / schedule.iterations_per_epoch
    if axis == "samples":
        full, within = np.divmod(g, schedule.iterations_per_epoch)
        return full * schedule.samples_per_epoch + within * schedule.effective_batch_size
    raise ValueError(f"x axis must be one of {', '.join(X_AXES)}, got {axis!r}")


class LossHistory:
    """Every iteration's loss of one run, its smoothed curve, and the x of each point."""

    def __init__(self, schedule: BatchSchedule, axis: str = "iterations", smoothing: float = 0.9) -> None:
        self.schedule = schedule
        self.axis = axis
        self.smoothing = smoothing
        self.iterations = GrowingArray(np.float64)
        self.loss = GrowingArray(np.float64)
        self.smoothed = GrowingArray(np.float64)
        self.x = GrowingArray(np.float64)
        self._ema_state: tuple[float, int] = (0.0, 0)

    def __len__(self) -> int:
        return len(self.loss)

    def append(self, global_iteration: np.ndarray, loss: np.ndarray) -> None:
        self.iterations.append(global_iteration)
        self.loss.append(loss)
        smoothed, self._ema_state = ema_debiased(loss, self.smoothing, self._ema_state)
        self.smoothed.append(smoothed)
        self.x.append(x_values(self.schedule, self.axis, global_iteration))

    def set_axis(self, axis: str) -> None:
        """Recompute every x for another axis (once per switch, vectorised)."""
        xs = x_values(self.schedule, axis, self.iterations.view())
        self.axis = axis
        self.x.clear()
        self.x.append(xs)

    def set_smoothing(self, weight: float) -> None:
        """Re-smooth the whole history with a new weight."""
        smoothed, self._ema_state = ema_debiased(self.loss.view(), weight)
        self.smoothing = weight
        self.smoothed.clear()
        self.smoothed.append(smoothed)

    def nearest(self, x: float) -> int | None:
        """Index of the point whose x is nearest to ``x`` (x grows with the index)."""
        xs = self.x.view()
        if not len(xs):
            return None
        i = int(np.searchsorted(xs, x))
        if i >= len(xs):
            return len(xs) - 1
        if i > 0 and x - xs[i - 1] < xs[i] - x:
            return i - 1
        return i


class ChartBounds:
    """Axis limits that grow in steps, so a live chart rescales now and then, not every frame.

    x runs from 0 to a bit beyond the newest point; y from 0 to a bit above the
    new losses' 99th percentile (the rare spikes of tiny batches do not squash
    the curve) or the smoothed line's peak (so the start is always in view).
    """

    X_HEADROOM = 1.25
    Y_HEADROOM = 1.15

    def __init__(self) -> None:
        self.x_hi = 0.0
        self.y_hi = 0.0
        self._seen = 0

    def extend(self, history: LossHistory) -> bool:
        """Take in the points added since the last call; True if a limit moved."""
        start, self._seen = self._seen, len(history)
        if start >= self._seen:
            return False
        changed = False
        x_last = float(history.x.view()[-1])
        if x_last > self.x_hi:
            self.x_hi = x_last * self.X_HEADROOM
            changed = True
        candidates = []
        loss = history.loss.view()[start:]
        loss = loss[np.isfinite(loss)]
        if len(loss):
            candidates.append(float(np.percentile(loss, 99)) if len(loss) >= 20 else float(loss.max()))
        smoothed = history.smoothed.view()[start:]
        if np.isfinite(smoothed).any():
            candidates.append(float(np.nanmax(smoothed)))
        top = max(candidates, default=0.0)
        if top > self.y_hi:
            self.y_hi = top * self.Y_HEADROOM
            changed = True
        return changed
