"""MLP: backprop against float64 central differences, and that SGD learns."""

import numpy as np
import pytest

from epochviz.core import MLP, make_dataset
from epochviz.core.mlp import softmax_cross_entropy


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_every_gradient_matches_central_differences(activation):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 3))
    y = rng.integers(0, 4, 5)
    model = MLP(3, 4, (6, 5), activation, seed=1, dtype=np.float64)
    model.loss_and_gradients(x, y)
    analytic = [g.copy() for g in model.gradients()]
    eps = 1e-6
    for param, grad in zip(model.parameters(), analytic):
        numeric = np.zeros_like(param)
        for i in np.ndindex(param.shape):
            keep = param[i]
            param[i] = keep + eps
            up = softmax_cross_entropy(model.forward(x), y)[0]
            param[i] = keep - eps
            down = softmax_cross_entropy(model.forward(x), y)[0]
            param[i] = keep
            numeric[i] = (up - down) / (2 * eps)
        np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)


def test_float32_is_the_default_and_stays_float32():
    model = MLP(2, 3)
    X, y = make_dataset("spiral", 64)
    model.step(X, y)
    assert all(p.dtype == np.float32 for p in model.parameters())


def test_momentum_sgd_reaches_lower_loss_than_its_start():
    X, y = make_dataset("blobs", 512, seed=2)
    model = MLP(2, 4, (8,), "relu", lr=0.05, momentum=0.9)
    start = model.evaluate(X, y)[0]
    for _ in range(200):
        model.step(X, y)
    assert model.evaluate(X, y)[0] < 0.5 * start


def test_repr_shows_the_layer_shapes():
    assert "2-16-16-3" in repr(MLP(2, 3))
    assert "W=(2, 16)" in repr(MLP(2, 3).dense[0])


@pytest.mark.parametrize(
    "kwargs, word",
    [({"activation": "swish"}, "activation"), ({"lr": 0}, "lr"), ({"momentum": 1.0}, "momentum")],
)
def test_bad_hyperparameters_are_refused(kwargs, word):
    with pytest.raises(ValueError, match=word):
        MLP(2, 3, **kwargs)
