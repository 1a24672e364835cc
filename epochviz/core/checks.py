"""Checks at the door of the public API: each refusal is a ``ValueError`` or ``TypeError`` naming the argument.

Booleans are booleans and integers are integers (numpy's welcome): ``"16"``,
``2.5``, ``True`` for a size, or ``"no"`` for a flag are mistakes, and reading
them as something else would silently train the wrong thing.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np


def check_positive_int(name: str, value: object) -> int:
    """``value`` as an ``int`` >= 1, else ``ValueError`` naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def check_bool(name: str, value: object) -> bool:
    """``value`` as a ``bool`` (Python's or numpy's only), else ``ValueError`` naming ``name``."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_seed(value: object, name: str = "seed") -> int:
    """``value`` as a non-negative ``int``, else ``ValueError`` naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return int(value)


def check_real(name: str, value: object, *, low: float = -math.inf, high: float = math.inf,
               low_open: bool = False, high_open: bool = False) -> float:
    """``value`` as a finite ``float`` within the bounds, else ``TypeError``/``ValueError`` naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}")
    number = float(value)
    below = number <= low if low_open else number < low
    above = number >= high if high_open else number > high
    if not math.isfinite(number) or below or above:
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        raise ValueError(f"{name} must be a finite number in {lo}{low:g}, {high:g}{hi}, got {value!r}")
    return number


def check_widths(name: str, value: object) -> tuple[int, ...]:
    """A sequence of positive integers (a string is not one), as a tuple."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a sequence of positive integers such as (16, 16), got {value!r}")
    return tuple(check_positive_int(f"{name}[{i}]", w) for i, w in enumerate(value))


def check_float_dtype(name: str, value: object) -> np.dtype:
    """A floating-point numpy dtype, else ``ValueError`` naming ``name``."""
    try:
        dtype = np.dtype(value)
    except TypeError as exc:
        raise ValueError(f"{name} must be a floating-point dtype such as float32, got {value!r}") from exc
    if dtype.kind != "f":
        raise ValueError(f"{name} must be a floating-point dtype such as float32, got {value!r}")
    return dtype


def check_batch(x: np.ndarray, y: np.ndarray, n_in: int, n_classes: int) -> None:
    """A batch the network can take: a non-empty (B, n_in) ``x`` and B integer labels in range."""
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 2 or x.shape[1] != n_in:
        raise ValueError(f"x must have shape (batch, {n_in}), got {x.shape}")
    if len(x) == 0:
        raise ValueError("the batch is empty: x and y need at least one sample")
    if y.shape != (len(x),):
        raise ValueError(f"y must hold one label per sample, shape ({len(x)},), got {y.shape}")
    if y.dtype.kind not in "iu":
        raise ValueError(f"y must hold integer class labels, got dtype {y.dtype}")
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(f"y must hold labels from 0 to {n_classes - 1}, got {int(y.min())} to {int(y.max())}")
