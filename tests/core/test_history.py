"""LossHistory and TensorBoard-style smoothing."""

import numpy as np
import pytest

from epochviz.core.history import GrowingArray, LossHistory, x_values
from epochviz.core.smoothing import ema_debiased
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
    assert h.x_of(h.global_iterations()).tolist() == [4, 8, 10, 14, 18, 20]
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


def test_the_curve_has_about_two_points_per_column_and_every_spike_at_any_length():
    n = 1_000_003
    h = LossHistory(BatchSchedule(n, 1, 1))
    losses = np.random.default_rng(2).random(n)
    losses[777_777] = 40.0  # one spike among a million
    for start in range(0, n, 100_000):  # arriving in chunks, as from the trainer
        part = losses[start : start + 100_000]
        h.append(np.arange(start + 1, start + len(part) + 1), part)
    curve = h.curve(0, n, columns=800)
    assert 0 < len(curve.x) <= 2 * 800 + 2 and curve.level > 0
    assert np.nanmax(curve.loss) == 40.0 and np.nanmin(curve.loss) == np.float32(losses.min())
    assert np.all(np.diff(curve.x) >= 0) and curve.x[-1] <= n
    zoomed = h.curve(777_700, 777_850, columns=800)  # a small range: the raw values themselves
    assert zoomed.level == 0 and 40.0 in zoomed.loss.tolist()


def test_the_newest_partial_bucket_is_drawn_too():
    h = LossHistory(BatchSchedule(100_000, 1, 1))
    losses = np.ones(10_007)
    losses[-1] = 9.0  # the last value, in no complete bucket yet
    h.append(np.arange(1, 10_008), losses)
    assert np.nanmax(h.curve(0, 10_007, columns=100).loss) == 9.0


def test_switching_the_axis_maps_the_drawn_points_only():
    s = BatchSchedule(1000, 10, 5)
    h = LossHistory(s)
    h.append(np.arange(1, 501), np.linspace(2, 1, 500))
    h.set_axis("epochs")
    curve = h.curve(0, 5, columns=1000)
    assert curve.level == 0 and curve.x[0] == 0.01 and curve.x[-1] == 5.0


def test_smoothing_computed_elsewhere_takes_in_what_arrived_meanwhile():
    h = LossHistory(BatchSchedule(10_000, 1, 1), smoothing=0.5)
    values = np.random.default_rng(3).random(3000)
    h.append(np.arange(1, 2001), values[:2000])
    result = h.smooth_all(0.99)  # as the worker thread would
    h.append(np.arange(2001, 3001), values[2000:])
    h.use_smoothing(result)
    h.append(np.arange(3001, 3002), [0.5])
    expected, _ = ema_debiased(np.append(values, 0.5), 0.99)
    np.testing.assert_allclose(h.smoothed.view(), expected)


def test_iterations_must_continue_in_order():
    h = LossHistory(BatchSchedule(100, 1, 1))
    h.append(np.arange(1, 4), np.ones(3))
    with pytest.raises(ValueError, match="continue from 4"):
        h.append(np.arange(5, 7), np.ones(2))
