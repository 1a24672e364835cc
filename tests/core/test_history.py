"""LossHistory and TensorBoard-style smoothing."""

import numpy as np
import pytest

from epochviz.core.history import GrowingArray, LossHistory, ema_debiased, x_values
from epochviz.core.schedule import BatchSchedule


def reference_ema(values, weight):
    """TensorBoard's smoothing, one value at a time."""
    last, count, out = 0.0, 0, []
    for v in values:
        if not np.isfinite(v):
            out.append(np.nan)
            continue
        last = last * weight + (1 - weight) * v
        count += 1
        out.append(last / (1 - weight**count))
    return np.array(out)


@pytest.mark.parametrize("weight", [0.0, 0.3, 0.9, 0.99, 0.999])
def test_vectorised_smoothing_matches_the_step_by_step_definition(weight):
    values = np.random.default_rng(0).random(9000) * 2
    values[50] = np.inf
    smoothed, _ = ema_debiased(values, weight)
    np.testing.assert_allclose(smoothed, reference_ema(values, weight), rtol=1e-9, equal_nan=True)


def test_smoothing_in_chunks_equals_smoothing_at_once():
    values = np.random.default_rng(1).random(1000)
    whole, _ = ema_debiased(values, 0.95)
    first, state = ema_debiased(values[:333], 0.95)
    rest, _ = ema_debiased(values[333:], 0.95, state)
    np.testing.assert_allclose(np.concatenate([first, rest]), whole)


def test_debiasing_keeps_the_first_point_unchanged():
    smoothed, _ = ema_debiased(np.array([2.0, 2.0, 2.0]), 0.999)
    np.testing.assert_allclose(smoothed, [2.0, 2.0, 2.0])


def test_growing_array_keeps_values_across_doublings():
    arr = GrowingArray(capacity=4)
    for start in range(0, 100, 7):
        arr.append(np.arange(start, min(start + 7, 100)))
    assert arr.view().tolist() == list(range(100))
    assert arr.nbytes <= 2 * 128 * 8


def test_x_axes_map_iterations_to_epochs_and_samples_seen():
    s = BatchSchedule(10, 4, 2)  # 3 iterations per epoch, last batch 2
    g = np.arange(1, 7)
    assert x_values(s, "iterations", g).tolist() == [1, 2, 3, 4, 5, 6]
    assert x_values(s, "epochs", g)[[2, 5]].tolist() == [1.0, 2.0]
    assert x_values(s, "samples", g).tolist() == [4, 8, 10, 14, 18, 20]


def test_history_switches_axis_and_finds_the_nearest_point():
    h = LossHistory(BatchSchedule(10, 4, 2))
    h.append(np.arange(1, 7), np.linspace(1, 0.5, 6))
    assert h.nearest(2.4) == 1
    h.set_axis("samples")
    assert h.x.view().tolist() == [4, 8, 10, 14, 18, 20]
    assert h.nearest(11) == 2
    assert h.nearest(1e9) == 5


def test_chart_bounds_grow_in_steps_and_ignore_rare_spikes():
    from epochviz.core.history import ChartBounds

    h = LossHistory(BatchSchedule(10_000, 1, 1))
    bounds = ChartBounds()
    losses = np.full(1000, 1.0)
    losses[500] = 50.0  # one wild batch of one sample
    h.append(np.arange(1, 1001), losses)
    assert bounds.extend(h)
    assert bounds.x_hi == 1000 * ChartBounds.X_HEADROOM
    assert 1.0 < bounds.y_hi < 10.0
    h.append(np.arange(1001, 1101), np.full(100, 0.5))
    assert not bounds.extend(h)  # inside the current limits: the axes stay still
    h.append(np.arange(1101, 1301), np.full(200, 0.5))
    assert bounds.extend(h) and bounds.x_hi == 1300 * ChartBounds.X_HEADROOM
