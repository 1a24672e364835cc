"""make_dataset: shapes, labels, determinism, limits and the digits images."""

import numpy as np
import pytest

from epochviz.core import DATASETS, make_dataset


@pytest.mark.parametrize("name", list(DATASETS))
def test_each_dataset_has_the_promised_shape_and_labels(name):
    info = DATASETS[name]
    X, y = make_dataset(name, 500, seed=3)
    assert X.shape == (500, info.n_features) and X.dtype == np.float32
    assert y.shape == (500,) and y.dtype == np.int64
    assert set(np.unique(y)) <= set(range(info.n_classes))
    assert len(np.unique(y)) == info.n_classes
    assert np.isfinite(X).all()


@pytest.mark.parametrize("name", list(DATASETS))
def test_same_seed_same_data_other_seed_other_data(name):
    a, la = make_dataset(name, 200, seed=1)
    b, lb = make_dataset(name, 200, seed=1)
    c, _ = make_dataset(name, 200, seed=2)
    assert np.array_equal(a, b) and np.array_equal(la, lb)
    assert not np.array_equal(a, c)


def test_a_single_sample_and_a_million_samples_both_work():
    X, y = make_dataset("spiral", 1)
    assert X.shape == (1, 2)
    X, y = make_dataset("xor", 1_000_000)
    assert len(X) == len(y) == 1_000_000


def test_noise_controls_the_spread():
    tight, _ = make_dataset("circles", 5000, noise=0.0)
    loose, _ = make_dataset("circles", 5000, noise=0.3)
    radii = np.hypot(*tight.T)
    assert np.allclose(np.sort(np.unique(np.round(radii, 3))), [0.45, 0.95])
    assert np.hypot(*loose.T).std() > radii.std()


def test_digits_are_8x8_images_in_unit_range():
    X, y = make_dataset("digits", 1000, noise=0.0)
    assert X.shape == (1000, 64)
    assert X.min() >= 0.0 and X.max() <= 1.0
    # Without noise, two images of different digits at the same spot differ.
    ones = X[y == 1].reshape(-1, 8, 8)
    assert ones.sum(axis=(1, 2)).mean() < X[y == 8].sum(axis=1).mean()


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="spiral, circles, xor, blobs, digits"):
        make_dataset("mnist", 10)


@pytest.mark.parametrize("n", [0, -3, 2.5, 1_000_001])
def test_bad_sizes_are_refused(n):
    with pytest.raises(ValueError, match="n_samples"):
        make_dataset("spiral", n)
