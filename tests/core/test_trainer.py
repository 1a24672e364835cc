"""Trainer: the records' numbering, epoch ends, determinism, learning, divergence."""

import dataclasses

import numpy as np
import pytest

from epochviz.core import train


def test_records_number_epochs_and_iterations_as_the_schedule_does():
    records = list(train(samples=103, batch_size=10, epochs=3))
    assert len(records) == 33
    assert [r.global_iteration for r in records] == list(range(1, 34))
    assert [r.iteration for r in records[:11]] == list(range(1, 12))
    assert [r.epoch for r in records] == [1] * 11 + [2] * 11 + [3] * 11
    assert [r.global_iteration for r in records if r.epoch_end] == [11, 22, 33]
    assert records[10].batch_size == 3


def test_epoch_figures_only_at_epoch_end():
    records = list(train(samples=100, batch_size=30, epochs=2))
    for r in records:
        assert (r.epoch_loss is not None) == r.epoch_end == (r.epoch_accuracy is not None)
    assert 0.0 <= records[-1].epoch_accuracy <= 1.0


def test_records_are_frozen():
    record = next(train())
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.loss = 0.0


def test_same_seeds_same_records():
    a = [(r.loss, r.indices.tolist()) for r in train(samples=200, batch_size=16, epochs=2, seed=5)]
    b = [(r.loss, r.indices.tolist()) for r in train(samples=200, batch_size=16, epochs=2, seed=5)]
    c = [(r.loss, r.indices.tolist()) for r in train(samples=200, batch_size=16, epochs=2, seed=6)]
    assert a == b
    assert a != c


def test_spiral_loss_falls_well_below_its_start():
    records = list(train(dataset="spiral", samples=1000, batch_size=20, epochs=40, lr=0.3))
    ends = [r.epoch_loss for r in records if r.epoch_end]
    assert ends[-1] < 0.5 * records[0].loss
    assert records[-1].epoch_accuracy > 0.85


def test_each_epoch_sees_every_sample_once():
    records = list(train(samples=57, batch_size=8, epochs=2))
    for epoch in (1, 2):
        seen = np.concatenate([r.indices for r in records if r.epoch == epoch])
        assert sorted(seen) == list(range(57))


def test_a_huge_learning_rate_diverges_with_one_flagged_record_and_no_exception():
    records = list(train(lr=50, epochs=5))
    assert records[-1].diverged
    assert not np.isfinite(records[-1].loss)
    assert not any(r.diverged for r in records[:-1])
    assert len(records) < 5 * 32


def test_close_stops_the_run():
    trainer = train(epochs=3)
    next(trainer)
    trainer.close()
    with pytest.raises(StopIteration):
        next(trainer)


def test_digits_train_too():
    records = list(train(dataset="digits", samples=500, batch_size=50, epochs=15, lr=0.5))
    assert records[-1].epoch_accuracy > 0.6
