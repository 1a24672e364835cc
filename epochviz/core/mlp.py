"""A small multi-layer perceptron in numpy: forward, backprop and SGD.

Each layer keeps its ``forward`` and ``backward`` side by side, and names
gradients after their parameters (``W`` / ``dW``). Shapes are written as
``(batch, n_in)``. float32 by default; pass ``dtype=np.float64`` for gradient
checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from epochviz.core.checks import check_batch, check_float_dtype, check_positive_int, check_real, check_seed, check_widths

ACTIVATIONS = ("tanh", "relu", "sigmoid")


class Dense:
    """Fully connected layer ``x @ W + b``: (batch, n_in) -> (batch, n_out)."""

    def __init__(self, n_in: int, n_out: int, rng: np.random.Generator, dtype, gain: float) -> None:
        self.W = (rng.standard_normal((n_in, n_out)) * (gain / np.sqrt(n_in))).astype(dtype)
        self.b = np.zeros(n_out, dtype=dtype)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self._x: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x = x
        out = x @ self.W
        out += self.b
        return out

    def backward(self, grad: np.ndarray, need_input_grad: bool = True) -> np.ndarray | None:
        """Store dW, db for ``grad`` = dL/d(out); return dL/dx unless not needed."""
        self.dW = self._x.T @ grad
        self.db = grad.sum(axis=0)
        self._x = None  # done with it: the batch's activations are not kept between iterations
        return grad @ self.W.T if need_input_grad else None

    def __repr__(self) -> str:
        return f"Dense(W={self.W.shape}, b={self.b.shape})"


class Tanh:
    """Elementwise tanh; its derivative 1 - tanh^2 reuses the output."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = self.apply(x)
        return self._y

    @staticmethod
    def apply(x: np.ndarray) -> np.ndarray:
        """tanh in place, nothing kept (x is a fresh matmul result: safe to overwrite)."""
        return np.tanh(x, out=x)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        y, self._y = self._y, None
        return grad * (1.0 - y * y)

    def __repr__(self) -> str:
        return "Tanh()"


class ReLU:
    """Elementwise max(x, 0); the gradient passes where the input was positive."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._mask = x > 0
        return np.multiply(x, self._mask, out=x)

    @staticmethod
    def apply(x: np.ndarray) -> np.ndarray:
        """max(x, 0) in place, nothing kept."""
        return np.maximum(x, 0, out=x)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        mask, self._mask = self._mask, None
        return grad * mask

    def __repr__(self) -> str:
        return "ReLU()"


class Sigmoid:
    """Elementwise 1 / (1 + e^-x); its derivative y (1 - y) reuses the output."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._y = self.apply(x)
        return self._y

    @staticmethod
    def apply(x: np.ndarray) -> np.ndarray:
        """1 / (1 + e^-x) in place, nothing kept."""
        np.negative(x, out=x)
        np.exp(x, out=x)
        x += 1.0
        return np.reciprocal(x, out=x)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        y, self._y = self._y, None
        return grad * (y * (1.0 - y))

    def __repr__(self) -> str:
        return "Sigmoid()"


_ACTIVATION_CLASSES = {"tanh": Tanh, "relu": ReLU, "sigmoid": Sigmoid}
# Weight scale per activation: Xavier-like for tanh/sigmoid, He for ReLU.
_GAINS = {"tanh": 1.0, "relu": np.sqrt(2.0), "sigmoid": 1.0}


def softmax_cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[float, float, np.ndarray]:
    """Mean cross-entropy ``-log p[y]`` of softmax(logits) against labels ``y``.

    logits: (batch, classes), y: (batch,) ints. Returns ``(loss, accuracy,
    dlogits)``. The loss is taken from the probabilities as textbooks write it,
    so a network that is wrong with a logit gap beyond the dtype's range (the
    usual symptom of a learning rate that is far too high) reports an infinite
    loss: that is what the trainer calls divergence.
    """
    n = len(y)
    rows = np.arange(n)
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    loss = -float(np.log(probs[rows, y]).sum()) / n
    accuracy = float(np.count_nonzero(probs.argmax(axis=1) == y)) / n
    dlogits = probs  # dL/dlogits = (softmax - one_hot) / n, built in place
    dlogits[rows, y] -= 1.0
    dlogits /= n
    return loss, accuracy, dlogits


EVAL_CHUNK_FLOATS = 2**22  # 16 MB of float32 per layer output while evaluating


def eval_chunk_rows(widest: int) -> int:
    """Rows per chunk of a whole-dataset evaluation: a wide network takes fewer at a time."""
    return max(256, min(65536, EVAL_CHUNK_FLOATS // max(widest, 1)))


class MLP:
    """An MLP classifier: ``n_in`` -> hidden widths -> ``n_out`` logits.

    Parameters
    ----------
    n_in, n_out
        Number of input features and of classes.
    hidden
        Widths of the hidden layers, e.g. ``(16, 16)``; empty means a linear model.
    activation
        ``"tanh"``, ``"relu"`` or ``"sigmoid"`` after every hidden layer.
    lr, momentum
        SGD learning rate and (optional, 0 = plain SGD) momentum.
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        hidden: Sequence[int] = (16, 16),
        activation: str = "tanh",
        *,
        lr: float = 0.1,
        momentum: float = 0.0,
        seed: int = 0,
        dtype=np.float32,
    ) -> None:
        if not isinstance(activation, str) or activation not in _ACTIVATION_CLASSES:
            raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {activation!r}")
        lr = check_real("lr", lr, low=0.0, low_open=True)
        momentum = check_real("momentum", momentum, low=0.0, high=1.0, high_open=True)
        widths = [check_positive_int("n_in", n_in), *check_widths("hidden", hidden), check_positive_int("n_out", n_out)]
        rng = np.random.default_rng(check_seed(seed))
        self.widths = tuple(widths)
        self.activation = activation
        self.lr = lr
        self.momentum = momentum
        self.dtype = check_float_dtype("dtype", dtype)
        self.dense = [
            Dense(a, b, rng, self.dtype, _GAINS[activation]) for a, b in zip(widths, widths[1:])
        ]
        self.activations = [_ACTIVATION_CLASSES[activation]() for _ in widths[1:-1]]
        self._velocity = [np.zeros_like(p) for p in self.parameters()] if momentum else None

    def __repr__(self) -> str:
        shape = "-".join(str(w) for w in self.widths)
        return f"MLP({shape}, activation={self.activation!r}, lr={self.lr}, momentum={self.momentum})"

    def parameters(self) -> list[np.ndarray]:
        """Every weight and bias, in layer order: W1, b1, W2, b2, ..."""
        return [p for layer in self.dense for p in (layer.W, layer.b)]

    def gradients(self) -> list[np.ndarray]:
        """The gradients of the last ``backward``, matching ``parameters()``."""
        return [g for layer in self.dense for g in (layer.dW, layer.db)]

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Logits for x: (batch, n_in) -> (batch, n_out), caching what backward needs."""
        h = x
        for dense, act in zip(self.dense, self.activations):
            h = act.forward(dense.forward(h))
        return self.dense[-1].forward(h)

    def backward(self, dlogits: np.ndarray) -> None:
        """Backpropagate dL/dlogits right to left, filling each layer's dW and db."""
        grad = self.dense[-1].backward(dlogits)
        for dense, act in zip(reversed(self.dense[:-1]), reversed(self.activations)):
            grad = dense.backward(act.backward(grad), need_input_grad=dense is not self.dense[0])

    def update(self) -> None:
        """One SGD step on every parameter (with momentum if configured)."""
        lr = self.lr
        if self._velocity is None:
            for layer in self.dense:
                layer.W -= lr * layer.dW
                layer.b -= lr * layer.db
            return
        for p, g, v in zip(self.parameters(), self.gradients(), self._velocity):
            v *= self.momentum
            v -= lr * g
            p += v

    def loss_and_gradients(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """Forward and backward on one batch without updating; ``(loss, accuracy)``.

        The batch is checked (shape, labels in range); ``ValueError`` says what is wrong.
        """
        check_batch(x, y, self.widths[0], self.widths[-1])
        return self._loss_and_gradients(x, y)

    def step(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """One iteration on a checked batch: forward, loss, backward, update; ``(loss, accuracy)``."""
        check_batch(x, y, self.widths[0], self.widths[-1])
        return self.step_unchecked(x, y)

    def step_unchecked(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """``step`` without the batch checks, for the trainer, whose batches are valid by construction."""
        loss, accuracy = self._loss_and_gradients(x, y)
        self.update()
        return loss, accuracy

    def step_accumulated(self, batches: Iterable[tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
        """Gradient accumulation: forward and backward on each micro-batch, then one update.

        The update uses the gradient of the mean loss over all the samples of
        ``batches`` (each micro-batch's mean gradient weighted by its size), so
        micro-batches of 8, 8, 8, 8 step exactly like one batch of 32 would.
        Returns the group's mean loss and accuracy. Batches are not checked.
        """
        sums: list[np.ndarray] | None = None
        loss_sum = correct = 0.0
        seen = 0
        for x, y in batches:
            loss, accuracy = self._loss_and_gradients(x, y)
            n = len(y)
            seen += n
            loss_sum += loss * n
            correct += accuracy * n
            if sums is None:
                sums = [g * n for g in self.gradients()]
            else:
                for total, g in zip(sums, self.gradients()):
                    total += g * n
        if sums is None:
            raise ValueError("step_accumulated needs at least one batch")
        for layer, dW, db in zip(self.dense, sums[0::2], sums[1::2]):
            layer.dW, layer.db = dW / seen, db / seen
        self.update()
        return loss_sum / seen, correct / seen

    def _loss_and_gradients(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        loss, accuracy, dlogits = softmax_cross_entropy(self.forward(x), y)
        self.backward(dlogits)
        return loss, accuracy

    def predict_logits(self, x: np.ndarray, chunk: int | None = None) -> np.ndarray:
        """Logits for any number of rows, in chunks so memory stays bounded (see ``eval_chunk_rows``)."""
        chunk = chunk or eval_chunk_rows(max(self.widths))
        out = np.empty((len(x), self.widths[-1]), dtype=self.dtype)
        for start in range(0, len(x), chunk):  # nothing is cached: this is not for backward
            h = x[start : start + chunk]
            for dense, act in zip(self.dense, self.activations):
                h = h @ dense.W
                h += dense.b
                h = act.apply(h)
            out[start : start + chunk] = h @ self.dense[-1].W
        out += self.dense[-1].b
        return out

    def evaluate(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """Loss and accuracy over a whole dataset, without touching the gradients."""
        loss, accuracy, _ = self.evaluate_predictions(x, y)
        return loss, accuracy

    def evaluate_predictions(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float, np.ndarray]:
        """Loss, accuracy and the predicted class of every row, from one forward pass."""
        logits = self.predict_logits(x)
        predictions = logits.argmax(axis=1)
        loss, accuracy, _ = softmax_cross_entropy(logits, y)
        return loss, accuracy, predictions
