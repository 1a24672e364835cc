"""BatchSchedule against a plain integer reference, at every size up to 2**63 (hypothesis, seeded)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epochviz.cli.main import describe_schedule
from epochviz.core import BatchSchedule

BIG = 2**63
checked = settings(max_examples=300, derandomize=True, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])
sizes = st.one_of(st.integers(1, 200), st.integers(1, BIG), st.sampled_from([2**53 - 1, 2**53, 2**53 + 1, BIG - 1]))


def reference(n, b, epochs, drop_last):
    """The arithmetic with nothing but Python's exact integers, written out the long way."""
    full, rem = divmod(n, b)
    if drop_last:
        per_epoch, last, seen = full, b, full * b
    else:
        per_epoch = full + (1 if rem else 0)
        last = rem if rem else b
        seen = n
    return {"iterations_per_epoch": per_epoch, "last_batch_size": last, "samples_per_epoch": seen,
            "total_iterations": epochs * per_epoch, "dropped_per_epoch": n - seen}


@checked
@given(n=sizes, b=sizes, epochs=st.integers(1, 10_000), drop_last=st.booleans())
def test_every_derived_number_matches_integer_arithmetic(n, b, epochs, drop_last):
    if drop_last and b > n:
        with pytest.raises(ValueError, match="drop_last"):
            BatchSchedule(n, b, epochs, drop_last=drop_last)
        return
    s = BatchSchedule(n, b, epochs, drop_last=drop_last)
    expected = reference(n, b, epochs, drop_last)
    assert {k: getattr(s, k) for k in expected} == expected
    facts = s.facts()
    assert facts.samples_seen == epochs * expected["samples_per_epoch"]
    assert f") = {expected['iterations_per_epoch']}\n" in describe_schedule(facts)  # what the board prints


@checked
@given(n=sizes, b=sizes, epochs=st.integers(1, 1000), data=st.data())
def test_positions_and_samples_seen_match_the_reference(n, b, epochs, data):
    s = BatchSchedule(n, b, epochs)
    ipe = s.iterations_per_epoch
    g = data.draw(st.integers(0, s.total_iterations), label="global_iteration")
    full_epochs, within = divmod(g, ipe)
    assert s.samples_seen(g) == full_epochs * n + within * min(b, n)
    if g:
        assert s.position(g) == ((g - 1) // ipe + 1, (g - 1) % ipe + 1)
    else:
        assert s.position(0) == (1, 0)


@checked
@given(n=st.integers(1, 300), b=st.integers(1, 400), epochs=st.integers(1, 3), shuffle=st.booleans(),
       drop_last=st.booleans(), seed=st.integers(0, 2**32))
def test_each_epoch_sees_every_sample_exactly_once_in_order_without_shuffle(n, b, epochs, shuffle, drop_last, seed):
    if drop_last and b > n:
        return
    s = BatchSchedule(n, b, epochs, shuffle=shuffle, drop_last=drop_last, seed=seed)
    for epoch in range(1, epochs + 1):
        batches = list(s.batches(epoch))
        assert len(batches) == s.iterations_per_epoch
        assert [len(x) for x in batches] == [s.batch_size_at(i) for i in range(1, len(batches) + 1)]
        seen = np.concatenate(batches)
        assert len(seen) == s.samples_per_epoch and len(np.unique(seen)) == len(seen)
        if not shuffle:
            assert seen.tolist() == list(range(s.samples_per_epoch))
        elif not drop_last:
            assert sorted(seen.tolist()) == list(range(n))


def test_the_cases_that_floating_point_got_wrong():
    s = BatchSchedule(2**53 + 1, 1)
    assert s.iterations_per_epoch == 2**53 + 1 and s.last_batch_size == 1
    s = BatchSchedule(BIG - 1, 10)
    assert s.iterations_per_epoch == 922_337_203_685_477_581 and s.last_batch_size == 7


@pytest.mark.parametrize("question, argument", [
    (lambda s: s.samples_seen(-5), "global_iteration"), (lambda s: s.position(10**6), "global_iteration"),
    (lambda s: s.batches(99), "epoch"), (lambda s: s.order(0), "epoch"), (lambda s: s.batch_size_at(5), "iteration"),
    (lambda s: s.position(1.5), "global_iteration"),
])
def test_out_of_range_questions_raise_naming_the_argument(question, argument):
    s = BatchSchedule(10, 3, 1)  # 4 iterations
    with pytest.raises(ValueError, match=argument):
        question(s)


@pytest.mark.parametrize("keyword, value", [
    ("shuffle", "no"), ("drop_last", "False"), ("seed", -1), ("seed", 1.7), ("seed", True), ("shuffle", 1),
])
def test_flags_and_seed_are_checked_at_the_door(keyword, value):
    with pytest.raises(ValueError, match=keyword):
        BatchSchedule(10, 3, 1, **{keyword: value})


def test_numpy_integers_and_booleans_are_welcome():
    s = BatchSchedule(np.int64(10), np.int32(3), np.uint8(2), shuffle=np.bool_(False), seed=np.int64(4))
    assert s.total_iterations == 8 and s.shuffle is False and s.seed == 4
