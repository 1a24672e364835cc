"""The memory argument for batches: what one iteration needs for B samples.

Training keeps, for every sample of the batch, the input, every layer's output
(the forward pass stores them for backpropagation) and a gradient of the same
size; the weights and their gradients come on top, whatever B is. The figures
are float32 bytes, counted from the layer shapes, not measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from epochviz.core.words import QT_TRANSLATE_NOOP

FLOAT_BYTES = 4


@dataclass(frozen=True)
class NetworkShape:
    """Enough of a network to count its memory: per-sample floats, and parameters."""

    name: str
    inputs_per_sample: int
    activations_per_sample: int  # outputs of every layer, stored for the backward pass
    parameters: int


def mlp_shape(widths: Sequence[int], name: str = QT_TRANSLATE_NOOP("memory", "this network")) -> NetworkShape:
    """The shape of an MLP with layer widths ``(n_in, hidden..., n_out)``."""
    params = sum(a * b + b for a, b in zip(widths, widths[1:]))
    return NetworkShape(name, widths[0], sum(widths[1:]), params)


def _vgg16() -> NetworkShape:
    """VGG-16 on 224x224x3 images, counted layer by layer (conv outputs, ReLU in place)."""
    size, channels, acts, params = 224, 3, 0, 0
    for width, convs in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(convs):
            params += 3 * 3 * channels * width + width
            channels = width
            acts += size * size * channels
        size //= 2
        acts += size * size * channels  # max-pool output
    fan_in = size * size * channels
    for width in (4096, 4096, 1000):
        params += fan_in * width + width
        acts += width
        fan_in = width
    return NetworkShape("VGG-16 (224×224×3)", 224 * 224 * 3, acts, params)


def _small_cnn() -> NetworkShape:
    """A small CIFAR-style CNN on 32x32x3 images: 3 conv blocks of 32/64/128, then 256 and 10."""
    size, channels, acts, params = 32, 3, 0, 0
    for width in (32, 64, 128):
        params += 3 * 3 * channels * width + width
        channels = width
        acts += size * size * channels
        size //= 2
        acts += size * size * channels
    fan_in = size * size * channels
    for width in (256, 10):
        params += fan_in * width + width
        acts += width
        fan_in = width
    return NetworkShape(QT_TRANSLATE_NOOP("memory", "small CNN (32×32×3)"), 32 * 32 * 3, acts, params)


IMAGE_NETWORKS = {"vgg16": _vgg16(), "small_cnn": _small_cnn()}
BUDGETS_GB = (2, 4, 8, 16, 24, 80)


@dataclass(frozen=True)
class IterationMemory:
    """Bytes one training iteration of ``batch_size`` samples needs, by kind."""

    batch_size: int
    inputs: int
    activations: int
    activation_gradients: int
    parameters: int
    parameter_gradients: int

    @property
    def per_batch(self) -> int:
        """The part that grows with B."""
        return self.inputs + self.activations + self.activation_gradients

    @property
    def total(self) -> int:
        return self.per_batch + self.parameters + self.parameter_gradients


def iteration_memory(shape: NetworkShape, batch_size: int) -> IterationMemory:
    """Memory of one iteration: inputs, stored activations and their gradients, weights and theirs."""
    b = int(batch_size)
    return IterationMemory(
        batch_size=b,
        inputs=b * shape.inputs_per_sample * FLOAT_BYTES,
        activations=b * shape.activations_per_sample * FLOAT_BYTES,
        activation_gradients=b * shape.activations_per_sample * FLOAT_BYTES,
        parameters=shape.parameters * FLOAT_BYTES,
        parameter_gradients=shape.parameters * FLOAT_BYTES,
    )


def largest_batch(shape: NetworkShape, budget_bytes: int) -> int:
    """The biggest batch whose iteration fits in ``budget_bytes`` (0 if not even one)."""
    fixed = 2 * shape.parameters * FLOAT_BYTES
    per_sample = (shape.inputs_per_sample + 2 * shape.activations_per_sample) * FLOAT_BYTES
    return max(0, (budget_bytes - fixed) // per_sample)


def format_bytes(n: float) -> str:
    """``1.5 GB``, ``640 kB``: decimal units, as memory is sold."""
    for unit in ("B", "kB", "MB", "GB", "TB", "PB"):
        if abs(n) < 1000 or unit == "PB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")
