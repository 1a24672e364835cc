"""The validation split: which samples are held out of training, drawn once from the seed.

``validation_split`` has Keras's meaning: the fraction of the N samples held
out, with Keras's arithmetic (``N_train = floor(N x (1 - split))``, the rest
held out), so a Keras script with the same split trains on as many samples.
Which samples are held out is drawn from the run's seed, on a random stream
of its own (apart from the data's and the shuffles'): the last ``N_val`` of
one permutation of the N rows (Keras holds out the last samples it is given). The held-out rows are never trained on; the
trainer evaluates them at every epoch end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from epochviz.core.checks import check_positive_int, check_real, check_seed

MAX_SPLIT = 0.5


def split_sizes(n_samples: int, validation_split: float) -> tuple[int, int]:
    """``(N_train, N_val)`` for N samples and a split (Keras's arithmetic); ``ValueError`` if none is left to train.

    A split of 0 holds out nothing. A split so small that ``N x (1 - split)``
    rounds to N holds out nothing either.
    """
    n = check_positive_int("samples", n_samples)
    split = check_real("validation_split", validation_split, low=0.0, high=MAX_SPLIT)
    n_train = n if split == 0 else math.floor(n * (1.0 - split))
    if n_train < 1:
        raise ValueError(f"validation_split {split:g} of {n:,} samples leaves no sample to train on")
    return n_train, n - n_train


@dataclass(frozen=True)
class HoldOut:
    """The rows of a dataset of ``n_samples``: ``train_rows`` to train on, ``val_rows`` held out (both sorted)."""

    n_samples: int
    train_rows: np.ndarray
    val_rows: np.ndarray

    @property
    def n_train(self) -> int:
        return len(self.train_rows)

    @property
    def n_val(self) -> int:
        return len(self.val_rows)


def holdout_rng(seed: int) -> np.random.Generator:
    """The generator the split is drawn from: a child stream of ``seed``, apart from the data's and the shuffles'.

    The data use ``default_rng(seed)`` and epoch e shuffles with
    ``default_rng([seed, e])``; ``[seed, 0]`` would be the data's own stream
    (numpy pads entropy with zeros), so the split takes a spawned child instead.
    """
    return np.random.default_rng(np.random.SeedSequence(check_seed(seed)).spawn(1)[0])


def hold_out(n_samples: int, validation_split: float, seed: int) -> HoldOut:
    """The split of ``n_samples`` rows for ``validation_split`` and ``seed`` (the arrays are read-only).

    ``ValueError`` names a bad argument, or says that no sample is left to train on.
    """
    n_train, n_val = split_sizes(n_samples, validation_split)
    return _drawn(n_train + n_val, n_val, check_seed(seed))


@lru_cache(maxsize=8)
def _drawn(n_samples: int, n_val: int, seed: int) -> HoldOut:
    """The held-out rows: the last ``n_val`` of one permutation (cached: views and trainer ask for the same)."""
    if n_val:
        order = holdout_rng(seed).permutation(n_samples)
        train_rows, val_rows = np.sort(order[: n_samples - n_val]), np.sort(order[n_samples - n_val :])
    else:
        train_rows, val_rows = np.arange(n_samples), np.empty(0, dtype=np.int64)
    for rows in (train_rows, val_rows):
        rows.flags.writeable = False
    return HoldOut(n_samples, train_rows, val_rows)
