"""The loss history of a run: every iteration's loss, its smoothing, and what a chart of it draws.

A chart of ten million iterations must cost the same per frame as one of a
thousand. The history keeps the losses and their smoothed values (growing
arrays, 16 bytes an iteration) and a min/max pyramid of the losses; ``curve``
returns at most about two points per pixel column for any range, and the x
axis (iterations, epochs, samples seen) is applied to those points only.
Global iterations are 1, 2, 3, ... in order, so the i-th value is iteration i + 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from epochviz.core.minmax_pyramid import FACTOR, MinMaxPyramid
from epochviz.core.schedule import BatchSchedule
from epochviz.core.smoothing import ema_debiased

X_AXES = ("iterations", "epochs", "samples")
TIMED_AXES = (*X_AXES, "seconds")  # "seconds": the run's own training compute time (compare mode)
BOUNDS_SAMPLE = 100_000  # at most this many values looked at to place the axes
SMOOTHING_SLAB = 1 << 20  # values smoothed at a time when the whole history is re-smoothed


class GrowingArray:
    """A 1-D array that only grows by appending; ``view()`` is the filled part."""

    def __init__(self, dtype=np.float64, capacity: int = 1024) -> None:
        self._data = np.empty(capacity, dtype=dtype)
        self._size = 0

    @classmethod
    def adopt(cls, buffer: np.ndarray, size: int) -> GrowingArray:
        """A growing array whose first ``size`` values are in ``buffer`` (no copy; the rest is room to grow)."""
        array = cls.__new__(cls)
        array._data, array._size = buffer, size
        return array

    def __len__(self) -> int:
        return self._size

    def append(self, values: np.ndarray) -> None:
        n = len(values)
        if self._size + n > len(self._data):
            grown = np.empty(max(2 * len(self._data), self._size + n, 16), dtype=self._data.dtype)
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
    def buffer(self) -> np.ndarray:
        """The whole underlying buffer (filled part and room to grow)."""
        return self._data

    @property
    def nbytes(self) -> int:
        return self._data.nbytes


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


def iteration_at(schedule: BatchSchedule, axis: str, x: float) -> float:
    """The (fractional) global iteration at ``x`` on ``axis``: the inverse of ``x_values``."""
    if axis == "iterations":
        return x
    ipe = schedule.iterations_per_epoch
    if axis == "epochs":
        return x * ipe
    if axis == "samples":
        full, rest = divmod(x, schedule.samples_per_epoch)
        return full * ipe + min(rest / schedule.effective_batch_size, ipe)
    raise ValueError(f"x axis must be one of {', '.join(X_AXES)}, got {axis!r}")


@dataclass(frozen=True)
class Smoothed:
    """A history's losses smoothed with ``weight``: ``values[:upto]`` (computed off the GUI thread)."""

    weight: float
    upto: int
    values: np.ndarray
    state: tuple[float, int]


@dataclass(frozen=True)
class Curve:
    """What to draw for a range: (x, loss) with a min/max pair per bucket, and (x, smoothed)."""

    x: np.ndarray
    loss: np.ndarray
    smoothed_x: np.ndarray
    smoothed: np.ndarray
    level: int


class LossHistory:
    """Every iteration's loss of one run, its smoothed curve, and a pyramid for drawing it."""

    def __init__(self, schedule: BatchSchedule, axis: str = "iterations", smoothing: float = 0.9,
                 timed: bool = False) -> None:
        self.schedule = schedule
        # With ``timed``, the cumulative compute seconds at every iteration: the "seconds" axis.
        self.seconds: GrowingArray | None = GrowingArray(np.float64) if timed else None
        self.axis = axis
        self.smoothing = smoothing
        self.loss = GrowingArray(np.float64)
        self.smoothed = GrowingArray(np.float64)
        self.pyramid = MinMaxPyramid()
        self._ema_state: tuple[float, int] = (0.0, 0)
        self._spare: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.loss)

    def global_iterations(self) -> np.ndarray:
        """1, 2, ..., n: the iteration of every value (made on demand)."""
        return np.arange(1, len(self) + 1, dtype=np.float64)

    def append(self, global_iteration: np.ndarray, loss: np.ndarray, seconds: np.ndarray | None = None) -> None:
        """Add the next iterations' losses (``global_iteration`` must continue from ``len(self) + 1``).

        A timed history also takes each iteration's compute ``seconds``.
        """
        if len(global_iteration) and int(global_iteration[0]) != len(self) + 1:
            raise ValueError(f"iterations must continue from {len(self) + 1}, got {int(global_iteration[0])}")
        if self.seconds is not None:
            done = self.seconds.view()[-1] if len(self.seconds) else 0.0
            self.seconds.append(done + np.cumsum(seconds if seconds is not None else np.zeros(len(loss))))
        self.loss.append(loss)
        smoothed, self._ema_state = ema_debiased(loss, self.smoothing, self._ema_state)
        self.smoothed.append(smoothed)
        self.pyramid.extend(self.loss.view())

    def x_of(self, global_iteration) -> np.ndarray:
        if self.axis == "seconds":  # iteration g ends at seconds[g - 1]; fractions in between
            g = np.asarray(global_iteration, dtype=np.float64)
            done = self.seconds.view()
            return np.interp(g, np.arange(1, len(done) + 1), done, left=0.0) if len(done) else np.zeros_like(g)
        return x_values(self.schedule, self.axis, global_iteration)

    def iteration_at(self, x: float) -> float:
        """The (fractional) iteration at ``x`` on the current axis."""
        if self.axis == "seconds":
            return float(np.searchsorted(self.seconds.view(), x)) + 1.0
        return iteration_at(self.schedule, self.axis, x)

    def set_axis(self, axis: str) -> None:
        """Switch the x axis: nothing is recomputed, the next curve is drawn on the new axis."""
        if axis == "seconds" and self.seconds is None:
            raise ValueError("the seconds axis needs a timed history")
        if axis != "seconds":
            x_values(self.schedule, axis, np.zeros(0))  # checks the name
        self.axis = axis

    # -- smoothing ------------------------------------------------------------
    def smooth_all(self, weight: float) -> Smoothed:
        """Smooth the losses so far with ``weight`` (safe on another thread: it only reads).

        The result comes in a buffer with room to grow, so that swapping it in
        never copies ten million values on the GUI thread.
        """
        losses = self.loss.view()  # a view of this buffer: later appends cannot change it
        n = len(losses)
        spare, self._spare = self._spare, None  # the buffer the last swap retired: its memory is warm
        buffer = spare if spare is not None and len(spare) >= n + 4096 else np.empty(n + n // 4 + 4096)
        state: tuple[float, int] = (0.0, 0)
        for start in range(0, n, SMOOTHING_SLAB):  # slab by slab: small temporaries, reused
            part, state = ema_debiased(losses[start : start + SMOOTHING_SLAB], weight, state)
            buffer[start : start + len(part)] = part
        return Smoothed(weight, n, buffer, state)

    def use_smoothing(self, result: Smoothed) -> None:
        """Swap in ``result``, smoothing what arrived while it was computed."""
        rest, state = ema_debiased(self.loss.view()[result.upto :], result.weight, result.state)
        smoothed = GrowingArray.adopt(result.values, result.upto)
        smoothed.append(rest)
        self._spare = self.smoothed.buffer  # reused by the next re-smoothing (no fresh pages to fault in)
        self.smoothed, self._ema_state, self.smoothing = smoothed, state, result.weight

    def set_smoothing(self, weight: float) -> None:
        """Re-smooth the whole history with a new weight, here and now."""
        self.use_smoothing(self.smooth_all(weight))

    # -- drawing ----------------------------------------------------------------
    def curve(self, x_from: float, x_to: float, columns: int) -> Curve:
        """The points to draw between ``x_from`` and ``x_to`` on the current axis, for ``columns`` pixels."""
        n = len(self)
        empty = np.zeros(0)
        if not n:
            return Curve(empty, empty, empty, empty, 0)
        g0 = max(1, math.floor(self.iteration_at(x_from)) - 1)
        g1 = min(n, math.ceil(self.iteration_at(x_to)) + 1)
        if g1 < g0:
            return Curve(empty, empty, empty, empty, 0)
        level, bucket = 0, 1
        while (g1 - g0 + 1) / bucket > max(columns, 1) and level < self.pyramid.levels:
            level, bucket = level + 1, bucket * FACTOR
        if level == 0:
            g = np.arange(g0, g1 + 1, dtype=np.float64)
            x = self.x_of(g)
            # Copies (a few thousand values at most): the chart keeps them while buffers move on.
            return Curve(x, self.loss.view()[g0 - 1 : g1].copy(), x, self.smoothed.view()[g0 - 1 : g1].copy(), 0)
        first, last = (g0 - 1) // bucket, -(-g1 // bucket)
        mins, maxs = self.pyramid.buckets(level, first, last)
        complete = len(mins)
        if first + complete < last:  # the newest, partial bucket: from the raw values (fewer than ``bucket``)
            tail = self.loss.view()[(first + complete) * bucket :]
            with np.errstate(invalid="ignore"):
                mins = np.append(mins, np.fmin.reduce(tail) if len(tail) else np.nan)
                maxs = np.append(maxs, np.fmax.reduce(tail) if len(tail) else np.nan)
        starts = (np.arange(first, first + len(mins), dtype=np.float64)) * bucket
        centres = np.minimum(starts + bucket / 2 + 0.5, n)
        x = np.repeat(self.x_of(centres), 2)
        loss = np.empty(2 * len(mins), np.float64)
        loss[0::2], loss[1::2] = mins, maxs
        ends = np.minimum(starts + bucket, n).astype(np.int64)  # the last iteration of each bucket
        smoothed = self.smoothed.view()[ends - 1]
        return Curve(x, loss, self.x_of(ends), smoothed, level)

    def nearest(self, x: float) -> int | None:
        """Index of the value whose iteration is nearest to ``x`` on the current axis."""
        n = len(self)
        if not n:
            return None
        g = self.iteration_at(x)
        candidates = {min(max(int(math.floor(g)), 1), n), min(max(int(math.ceil(g)), 1), n)}
        best = min(candidates, key=lambda c: abs(float(self.x_of(c)) - x))
        return best - 1


class ChartBounds:
    """Axis limits that grow in steps, so a live chart rescales now and then, not every frame.

    x runs from 0 to a bit beyond the newest point; y from 0 to a bit above the
    new losses' 99th percentile (the rare spikes of tiny batches do not squash
    the curve) or the smoothed line's peak (so the start is always in view).
    Each call looks at what arrived since the last one, at most ``BOUNDS_SAMPLE``
    values of it (evenly spaced), so even a refit of ten million is quick.
    """

    X_HEADROOM = 1.25
    Y_HEADROOM = 1.15

    def __init__(self, raw: bool = True) -> None:
        self.x_hi = 0.0
        self.y_hi = 0.0
        self._seen = 0
        self.raw = raw  # False: fit the smoothed line only (compare mode, where B = 1's spikes would flatten the rest)

    def extend(self, history: LossHistory) -> bool:
        """Take in the points added since the last call; True if a limit moved."""
        start, self._seen = self._seen, len(history)
        if start >= self._seen:
            return False
        changed = False
        x_last = float(history.x_of(len(history)))
        if x_last > self.x_hi:
            self.x_hi = x_last * self.X_HEADROOM
            changed = True
        step = max(1, -(-(self._seen - start) // BOUNDS_SAMPLE))
        candidates = []
        loss = history.loss.view()[start::step]
        loss = loss[np.isfinite(loss)]
        if len(loss) and self.raw:
            candidates.append(float(np.percentile(loss, 99)) if len(loss) >= 20 else float(loss.max()))
        smoothed = history.smoothed.view()[start::step]
        if np.isfinite(smoothed).any():
            candidates.append(float(np.nanmax(smoothed)))
        top = max(candidates, default=0.0)
        if top > self.y_hi:
            self.y_hi = top * self.Y_HEADROOM
            changed = True
        return changed

    def include(self, values: list[float]) -> bool:
        """Make room for points drawn beside the history (the validation loss at epoch ends); True if y grew."""
        top = max((v for v in values if math.isfinite(v)), default=0.0)
        if top > self.y_hi:
            self.y_hi = top * self.Y_HEADROOM
            return True
        return False
