"""Every public core entry point refuses a wrong value by name instead of coercing it."""

import numpy as np
import pytest

from epochviz.core import MLP, make_dataset, train

X = np.zeros((4, 2), np.float32)


@pytest.mark.parametrize("call, error, name", [
    (lambda: MLP(2, 3, "16"), TypeError, "hidden"),
    (lambda: train(hidden="16"), TypeError, "hidden"),
    (lambda: MLP("2", 3), ValueError, "n_in"),
    (lambda: MLP(2.5, 3), ValueError, "n_in"),
    (lambda: MLP(2, 3, [16.9]), ValueError, r"hidden\[0\]"),
    (lambda: MLP(2, 3, [True]), ValueError, r"hidden\[0\]"),
    (lambda: MLP(2, 3, seed=1.7), ValueError, "seed"),
    (lambda: MLP(2, 3, seed=-1), ValueError, "seed"),
    (lambda: MLP(2, 3, lr="0.1"), TypeError, "lr"),
    (lambda: MLP(2, 3, lr=True), TypeError, "lr"),
    (lambda: MLP(2, 3, lr=float("nan")), ValueError, "lr"),
    (lambda: MLP(2, 3, dtype=np.int32), ValueError, "dtype"),
    (lambda: MLP(2, 3, activation=["tanh"]), ValueError, "activation"),
    (lambda: make_dataset("spiral", 10, noise="0.1"), TypeError, "noise"),
    (lambda: make_dataset("spiral", 10, seed=-1), ValueError, "seed"),
    (lambda: train(seed=-1), ValueError, "seed"),
    (lambda: train(shuffle="no"), ValueError, "shuffle"),
    (lambda: train(drop_last="False"), ValueError, "drop_last"),
    (lambda: train(samples="100"), ValueError, "n_samples"),
])
def test_a_wrong_value_is_refused_by_name(call, error, name):
    with pytest.raises(error, match=name):
        call()


@pytest.mark.parametrize("x, y, words", [
    (X, np.array([0, 1, 2, -1]), "labels from 0 to 2"),
    (X, np.array([0, 1, 2, 7]), "labels from 0 to 2"),
    (X[:0], np.array([], np.int64), "empty"),
    (X, np.array([0.0, 1.0, 2.0, 0.0]), "integer"),
    (X, np.array([0, 1]), "one label per sample"),
    (np.zeros((4, 3), np.float32), np.array([0, 1, 2, 0]), r"shape \(batch, 2\)"),
])
def test_a_bad_batch_is_refused_with_what_is_wrong(x, y, words):
    with pytest.raises(ValueError, match=words):
        MLP(2, 3).step(x, y)


def test_numpy_integers_are_welcome_everywhere():
    model = MLP(np.int64(2), np.int32(3), (np.int64(4),), seed=np.uint32(5))
    assert model.widths == (2, 4, 3)
    loss, _ = model.step(X, np.array([0, 1, 2, 0], np.int32))
    assert np.isfinite(loss)
