"""Small synthetic classification datasets, generated from a seed in numpy.

Four 2-D point sets (spiral, circles, xor, blobs) to draw a decision boundary
over, and ``digits``: 8x8 grayscale digit images rendered from hand-drawn 5x7
glyphs with jitter and noise, so that batches can be shown as thumbnails.
Nothing is downloaded: every set is made on the spot, vectorised, so a
million samples take a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from epochviz.core.checks import check_positive_int, check_real, check_seed
from epochviz.core.words import QT_TRANSLATE_NOOP

DEFAULT_NOISE = 0.1
MAX_SAMPLES = 1_000_000


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset is: its name, classes, feature count and (for images) shape."""

    name: str
    description: str
    n_classes: int
    n_features: int
    image_shape: tuple[int, int] | None = None


def _spiral(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, 3, n)
    t = rng.random(n)
    angle = labels * (2 * np.pi / 3) + t * 4.0
    radius = 0.1 + 0.9 * t
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points += rng.normal(scale=noise, size=points.shape)
    return points, labels


def _circles(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, 2, n)
    angle = rng.random(n) * 2 * np.pi
    radius = np.where(labels == 0, 0.45, 0.95)
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points += rng.normal(scale=noise, size=points.shape)
    return points, labels


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    points = rng.uniform(-1.0, 1.0, size=(n, 2))
    labels = (points[:, 0] * points[:, 1] > 0).astype(np.int64)
    points += rng.normal(scale=noise, size=points.shape)
    return points, labels


_BLOB_CENTRES = np.array([[-0.55, -0.55], [0.55, -0.55], [-0.55, 0.55], [0.55, 0.55]])


def _blobs(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, len(_BLOB_CENTRES), n)
    points = _BLOB_CENTRES[labels] + rng.normal(scale=0.15 + noise, size=(n, 2))
    return points, labels


# 5 wide x 7 tall glyphs of the ten digits, drawn for this project.
_GLYPHS = (
    ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "####.|....#|....#|.###.|....#|....#|####.",
    "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "#####|#....|####.|....#|....#|#...#|.###.",
    "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "#####|....#|...#.|..#..|.#...|.#...|.#...",
    ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    ".###.|#...#|#...#|.####|....#|...#.|.##..",
)
_IMAGE = 8


def _digit_templates() -> np.ndarray:
    """Every glyph at every offset that fits the 8x8 canvas: (10, 2, 4, 8, 8)."""
    glyphs = np.array(
        [[[c == "#" for c in row] for row in g.split("|")] for g in _GLYPHS], dtype=np.float32
    )
    templates = np.zeros((10, _IMAGE - 6, _IMAGE - 4, _IMAGE, _IMAGE), dtype=np.float32)
    for dy in range(_IMAGE - 6):
        for dx in range(_IMAGE - 4):
            templates[:, dy, dx, dy : dy + 7, dx : dx + 5] = glyphs
    return templates


def _digits(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    templates = _digit_templates()
    labels = rng.integers(0, 10, n)
    dy = rng.integers(0, templates.shape[1], n)
    dx = rng.integers(0, templates.shape[2], n)
    ink = rng.uniform(0.6, 1.0, size=(n, 1, 1)).astype(np.float32)
    images = templates[labels, dy, dx] * ink
    images += rng.normal(scale=noise * 2, size=images.shape).astype(np.float32)
    np.clip(images, 0.0, 1.0, out=images)
    return images.reshape(n, _IMAGE * _IMAGE), labels


_Generator = Callable[[np.random.Generator, int, float], tuple[np.ndarray, np.ndarray]]

# Each name and description is marked for the window's translations (the core itself has no Qt).
DATASETS: dict[str, DatasetInfo] = {
    "spiral": DatasetInfo(QT_TRANSLATE_NOOP("datasets", "spiral"),
                          QT_TRANSLATE_NOOP("datasets", "three interleaved spiral arms"), 3, 2),
    "circles": DatasetInfo(QT_TRANSLATE_NOOP("datasets", "circles"),
                           QT_TRANSLATE_NOOP("datasets", "a ring around a disc"), 2, 2),
    "xor": DatasetInfo(QT_TRANSLATE_NOOP("datasets", "xor"),
                       QT_TRANSLATE_NOOP("datasets", "four quadrants, opposite ones alike"), 2, 2),
    "blobs": DatasetInfo(QT_TRANSLATE_NOOP("datasets", "blobs"),
                         QT_TRANSLATE_NOOP("datasets", "four Gaussian clusters"), 4, 2),
    "digits": DatasetInfo(QT_TRANSLATE_NOOP("datasets", "digits"),
                          QT_TRANSLATE_NOOP("datasets", "8x8 images of handwritten-style digits"), 10, 64, (8, 8)),
}
_GENERATORS: dict[str, _Generator] = {
    "spiral": _spiral,
    "circles": _circles,
    "xor": _xor,
    "blobs": _blobs,
    "digits": _digits,
}


def dataset_info(name: str) -> DatasetInfo:
    """The ``DatasetInfo`` of ``name``; ``ValueError`` listing the valid names otherwise."""
    try:
        return DATASETS[name]
    except (KeyError, TypeError):
        valid = ", ".join(DATASETS)
        raise ValueError(f"unknown dataset {name!r}; choose one of: {valid}") from None


def make_dataset(
    name: str, n_samples: int, *, noise: float = DEFAULT_NOISE, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Generate ``n_samples`` of dataset ``name``.

    Returns
    -------
    X : (n_samples, n_features) float32
    y : (n_samples,) int64 class labels in ``range(n_classes)``
    """
    info = dataset_info(name)
    n = check_positive_int("n_samples", n_samples)
    if n > MAX_SAMPLES:
        raise ValueError(f"n_samples must be at most {MAX_SAMPLES:,}, got {n_samples!r}")
    noise = check_real("noise", noise, low=0.0, high=1.0)
    rng = np.random.default_rng(check_seed(seed))
    features, labels = _GENERATORS[info.name](rng, n, noise)
    return np.ascontiguousarray(features, dtype=np.float32), labels.astype(np.int64)
