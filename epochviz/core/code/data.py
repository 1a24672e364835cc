"""The source text of each dataset's generator, for the scripts of ``core.code_listing``.

Each function below is ``core.datasets``'s arithmetic for one dataset written
out as a stand-alone numpy function ``make_<name>(n, noise, seed)`` returning
``(X float32, y int64)``: the same name, size, noise and seed give the same
samples as ``make_dataset``. A script embeds the one of its dataset only.
Tests run this text and compare it with ``make_dataset``, so the two cannot
drift apart unseen.
"""

from __future__ import annotations

_SPIRAL = '''\
def make_spiral(n, noise, seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, n)
    t = rng.random(n)
    angle = labels * (2 * np.pi / 3) + t * 4.0
    radius = 0.1 + 0.9 * t
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points += rng.normal(scale=noise, size=points.shape)
    return points.astype(np.float32), labels
'''

_CIRCLES = '''\
def make_circles(n, noise, seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n)
    angle = rng.random(n) * 2 * np.pi
    radius = np.where(labels == 0, 0.45, 0.95)
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points += rng.normal(scale=noise, size=points.shape)
    return points.astype(np.float32), labels
'''

_XOR = '''\
def make_xor(n, noise, seed):
    rng = np.random.default_rng(seed)
    points = rng.uniform(-1.0, 1.0, size=(n, 2))
    labels = (points[:, 0] * points[:, 1] > 0).astype(np.int64)
    points += rng.normal(scale=noise, size=points.shape)
    return points.astype(np.float32), labels
'''

_BLOBS = '''\
def make_blobs(n, noise, seed):
    rng = np.random.default_rng(seed)
    centres = np.array([[-0.55, -0.55], [0.55, -0.55], [-0.55, 0.55], [0.55, 0.55]])
    labels = rng.integers(0, 4, n)
    points = centres[labels] + rng.normal(scale=0.15 + noise, size=(n, 2))
    return points.astype(np.float32), labels
'''

_DIGITS = '''\
GLYPHS = (
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


def make_digits(n, noise, seed):
    rng = np.random.default_rng(seed)
    glyphs = np.array([[[c == "#" for c in row] for row in glyph.split("|")] for glyph in GLYPHS],
                      dtype=np.float32)
    templates = np.zeros((10, 2, 4, 8, 8), dtype=np.float32)
    for dy in range(2):
        for dx in range(4):
            templates[:, dy, dx, dy:dy + 7, dx:dx + 5] = glyphs
    labels = rng.integers(0, 10, n)
    dy = rng.integers(0, 2, n)
    dx = rng.integers(0, 4, n)
    ink = rng.uniform(0.6, 1.0, size=(n, 1, 1)).astype(np.float32)
    images = templates[labels, dy, dx] * ink
    images += rng.normal(scale=noise * 2, size=images.shape).astype(np.float32)
    np.clip(images, 0.0, 1.0, out=images)
    return images.reshape(n, 64), labels
'''

_SOURCES = {"spiral": _SPIRAL, "circles": _CIRCLES, "xor": _XOR, "blobs": _BLOBS, "digits": _DIGITS}


def generator_source(name: str) -> tuple[str, str]:
    """``(function name, source lines)`` of dataset ``name``'s generator; ``ValueError`` for an unknown name."""
    try:
        source = _SOURCES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown dataset {name!r}; choose one of: {', '.join(_SOURCES)}") from None
    return f"make_{name}", source
