"""Level-of-detail for a long series: the min and max of every 4, 16, 64, ... values, kept as they arrive.

A chart of ten million losses draws, per pixel column, the min and max of the
values under it. Computing those from the raw values every frame costs time
in proportion to the history; here each level is extended only by what
arrived, and a redraw reads the level with about one bucket per column.
"""

from __future__ import annotations

import numpy as np

FACTOR = 4


class MinMaxPyramid:
    """Levels 1, 2, ... of bucket minima and maxima (float32, NaN-skipping) over a growing series."""

    def __init__(self) -> None:
        self._mins: list[np.ndarray] = []  # level k-1: buckets of FACTOR**k values
        self._maxs: list[np.ndarray] = []
        self._sizes: list[int] = []

    @property
    def levels(self) -> int:
        return len(self._sizes)

    def level_length(self, level: int) -> int:
        """Complete buckets at ``level`` (1-based)."""
        return self._sizes[level - 1] if level <= self.levels else 0

    def extend(self, series: np.ndarray) -> None:
        """Take in ``series`` (all values so far; its start unchanged since the last call)."""
        source_min = source_max = series
        level = 1
        while len(source_min) >= FACTOR:
            can = len(source_min) // FACTOR
            if level > self.levels:
                self._mins.append(np.empty(max(can, 16), np.float32))
                self._maxs.append(np.empty(max(can, 16), np.float32))
                self._sizes.append(0)
            have = self._sizes[level - 1]
            if can > have:
                self._grow(level, can)
                lo, hi = have * FACTOR, can * FACTOR
                with np.errstate(invalid="ignore"):
                    self._mins[level - 1][have:can] = np.fmin.reduce(
                        source_min[lo:hi].reshape(-1, FACTOR), axis=1)
                    self._maxs[level - 1][have:can] = np.fmax.reduce(
                        source_max[lo:hi].reshape(-1, FACTOR), axis=1)
                self._sizes[level - 1] = can
            source_min = self._mins[level - 1][:can]
            source_max = self._maxs[level - 1][:can]
            level += 1

    def _grow(self, level: int, needed: int) -> None:
        i = level - 1
        if needed > len(self._mins[i]):
            size = max(needed, 2 * len(self._mins[i]))
            for store in (self._mins, self._maxs):
                grown = np.empty(size, np.float32)
                grown[: self._sizes[i]] = store[i][: self._sizes[i]]
                store[i] = grown

    def buckets(self, level: int, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
        """Min and max of complete buckets ``first`` to ``last - 1`` at ``level`` (views)."""
        i = level - 1
        last = min(last, self._sizes[i])
        return self._mins[i][first:last], self._maxs[i][first:last]

    @property
    def nbytes(self) -> int:
        return sum(m.nbytes + x.nbytes for m, x in zip(self._mins, self._maxs))
