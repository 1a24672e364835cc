"""Gradient accumulation: K micro-batches of B make one update, exactly like one batch of K x B."""

import numpy as np
import pytest

from epochviz.core.schedule import BatchSchedule
from epochviz.core.trainer import train
from epochviz.text.schedule_text import readout


def test_eight_times_four_trains_exactly_like_thirty_two():
    accumulated = train(batch_size=8, accumulate=4, shuffle=False, samples=2000, epochs=2, seed=3)
    plain = train(batch_size=32, shuffle=False, samples=2000, epochs=2, seed=3)
    a, b = list(accumulated), list(plain)
    assert len(a) == len(b) == 2 * 63
    np.testing.assert_allclose([r.loss for r in a], [r.loss for r in b], rtol=1e-5)
    np.testing.assert_allclose([r.epoch_loss for r in a if r.epoch_end],
                               [r.epoch_loss for r in b if r.epoch_end], rtol=1e-5)
    for p, q in zip(accumulated.model.parameters(), plain.model.parameters()):
        np.testing.assert_allclose(p, q, rtol=1e-5, atol=1e-6)


def test_records_are_updates_with_their_forward_passes():
    records = list(train(batch_size=8, accumulate=4, samples=2000, epochs=1))
    assert len(records) == 63  # ceil(ceil(2000 / 8) / 4)
    assert [r.forward_passes for r in records[:2]] == [4, 4]
    assert records[-1].forward_passes == 250 - 62 * 4 == 2
    assert records[-1].batch_size == 16 and records[-1].epoch_end
    assert sum(r.batch_size for r in records) == 2000


def test_a_batch_size_that_divides_n_neither_as_micro_batch_nor_as_group():
    s = BatchSchedule(2001, 8, 2, accumulate=4, shuffle=True, seed=1)
    assert s.forward_passes_per_epoch == 251 and s.updates_per_epoch == 63
    assert s.effective_batch_size == 32 and s.last_batch_size == 2001 - 62 * 32 == 17
    assert s.last_micro_batch_size == 1
    for epoch in (1, 2):
        groups = list(s.batches(epoch))
        assert len(groups) == 63
        assert sorted(np.concatenate(groups).tolist()) == list(range(2001))  # nothing carries over
        assert [len(m) for m in s.micro_batches(groups[-1])] == [8, 8, 1]
    records = list(train(samples=2001, batch_size=8, accumulate=4, epochs=2))
    assert [r.forward_passes for r in records if r.epoch_end] == [3, 3]


def test_accumulating_with_drop_last_drops_the_partial_micro_batch_only():
    s = BatchSchedule(2001, 8, 1, accumulate=4, drop_last=True, shuffle=False)
    assert s.forward_passes_per_epoch == 250 and s.updates_per_epoch == 63
    assert s.samples_per_epoch == 2000 and s.dropped_per_epoch == 1 and s.last_batch_size == 16


def test_a_group_larger_than_the_dataset_is_one_full_batch_update():
    s = BatchSchedule(20, 8, 3, accumulate=4)
    assert s.updates_per_epoch == 1 and s.effective_batch_size == 20 and s.samples_seen(3) == 60


def test_without_accumulation_updates_equal_forward_passes():
    facts = BatchSchedule(100_000, 100, 10).facts()
    assert facts.updates_per_epoch == facts.iterations_per_epoch == facts.forward_passes_per_epoch == 1000
    assert facts.effective_batch_size == 100 and facts.accumulate == 1


def test_the_readout_shows_both_counts_and_the_effective_batch():
    text = readout(BatchSchedule(2000, 8, 1, accumulate=4).facts())
    assert "forward passes per epoch = ceil(2,000 / 8) = 250" in text
    assert "updates per epoch = ceil(250 / 4) = 63" in text
    assert "effective batch = 4 x 8 = 32" in text
    assert text.endswith("total = 1 x 63 = 63 weight updates")


@pytest.mark.parametrize("bad", [0, -1, 2.0, "4", True])
def test_accumulate_must_be_a_positive_integer(bad):
    with pytest.raises(ValueError, match="accumulate"):
        BatchSchedule(100, 10, accumulate=bad)


def test_each_record_carries_its_compute_time():
    trainer = train(samples=500, batch_size=50, epochs=1)
    records = list(trainer)
    assert all(r.seconds > 0 for r in records)
    assert trainer.compute_seconds == pytest.approx(sum(r.seconds for r in records))
