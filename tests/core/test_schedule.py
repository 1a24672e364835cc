"""BatchSchedule: the textbook examples, the edge cases and every-sample-once."""

import numpy as np
import pytest

from epochviz.core import BatchSchedule


def test_textbook_100000_images_at_batch_100_over_10_epochs():
    s = BatchSchedule(100_000, 100, 10)
    assert s.iterations_per_epoch == 1000
    assert s.total_iterations == 10_000
    assert s.last_batch_size == 100


def test_textbook_10000_samples_at_batch_10():
    assert BatchSchedule(10_000, 10, 1).iterations_per_epoch == 1000


def test_partial_last_batch_holds_the_remainder():
    s = BatchSchedule(1003, 100, 2)
    assert s.iterations_per_epoch == 11
    assert s.last_batch_size == 3
    sizes = [len(b) for b in s.batches(1)]
    assert sizes == [100] * 10 + [3]


def test_drop_last_drops_the_remainder_every_epoch():
    s = BatchSchedule(1003, 100, 2, drop_last=True)
    assert s.iterations_per_epoch == 10
    assert s.last_batch_size == 100
    assert s.dropped_per_epoch == 3
    seen = np.concatenate(list(s.batches(2)))
    assert len(seen) == 1000 and len(np.unique(seen)) == 1000


def test_batch_size_one_gives_one_iteration_per_sample():
    s = BatchSchedule(7, 1, 3)
    assert s.iterations_per_epoch == 7 and s.total_iterations == 21
    assert all(len(b) == 1 for b in s.batches(1))


@pytest.mark.parametrize("batch_size", [50, 51, 10_000])
def test_batch_at_least_n_is_one_full_batch(batch_size):
    s = BatchSchedule(50, batch_size, 4)
    assert s.iterations_per_epoch == 1
    assert s.total_iterations == 4
    assert s.last_batch_size == 50
    (only,) = list(s.batches(1))
    assert sorted(only) == list(range(50))


def test_drop_last_with_batch_above_n_is_refused():
    with pytest.raises(ValueError, match="drop_last"):
        BatchSchedule(50, 51, 1, drop_last=True)


@pytest.mark.parametrize(
    "args, name",
    [
        ((0, 10, 1), "n_samples"),
        ((-5, 10, 1), "n_samples"),
        ((10, 0, 1), "batch_size"),
        ((10, 2, 0), "epochs"),
        ((10.0, 2, 1), "n_samples"),
        ((10, 2.5, 1), "batch_size"),
        ((10, "3", 1), "batch_size"),
        ((10, True, 1), "batch_size"),
    ],
)
def test_bad_arguments_name_the_argument_and_value(args, name):
    with pytest.raises(ValueError, match=name) as info:
        BatchSchedule(*args)
    bad = args[["n_samples", "batch_size", "epochs"].index(name)]
    assert repr(bad) in str(info.value)


def test_every_sample_exactly_once_per_epoch_for_many_random_sizes():
    rng = np.random.default_rng(1234)
    for _ in range(300):
        n = int(rng.integers(1, 3000))
        b = int(rng.integers(1, n + 50))
        drop_last = bool(rng.integers(0, 2)) and b <= n
        s = BatchSchedule(n, b, 2, shuffle=bool(rng.integers(0, 2)), drop_last=drop_last, seed=int(rng.integers(1e6)))
        for epoch in (1, 2):
            batches = list(s.batches(epoch))
            assert len(batches) == s.iterations_per_epoch
            seen = np.concatenate(batches)
            assert len(np.unique(seen)) == len(seen) == s.samples_per_epoch
            assert len(batches[-1]) == s.last_batch_size
            if not drop_last:
                assert len(seen) == n


def test_shuffle_draws_a_new_reproducible_order_each_epoch():
    s = BatchSchedule(500, 50, 3, seed=7)
    first, second = s.order(1), s.order(2)
    assert not np.array_equal(first, second)
    assert np.array_equal(first, BatchSchedule(500, 50, 3, seed=7).order(1))
    assert not np.array_equal(first, BatchSchedule(500, 50, 3, seed=8).order(1))


def test_without_shuffle_batches_run_in_order():
    s = BatchSchedule(10, 4, 2, shuffle=False)
    assert [b.tolist() for b in s.batches(2)] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_iterating_the_schedule_numbers_epochs_and_iterations_from_one():
    steps = list(BatchSchedule(5, 2, 2, shuffle=False))
    assert [(e, i) for e, i, _ in steps] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]


def test_samples_seen_counts_the_partial_batch():
    s = BatchSchedule(10, 4, 3)
    assert [s.samples_seen(k) for k in range(7)] == [0, 4, 8, 10, 14, 18, 20]
    d = BatchSchedule(10, 4, 3, drop_last=True)
    assert [d.samples_seen(k) for k in range(5)] == [0, 4, 8, 12, 16]


def test_facts_write_the_formulas_as_on_a_board():
    facts = BatchSchedule(100_000, 100, 10).facts()
    assert facts.iterations_formula == "ceil(100000 / 100) = 1000"
    assert facts.total_formula == "10 x 1000 = 10000"
    assert facts.samples_seen == 1_000_000
