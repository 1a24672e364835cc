"""SampleStates: the dataset view's colours agree with the schedule at every step."""

import numpy as np
import pytest

from epochviz.core import BatchSchedule, train
from epochviz.core.sample_states import DROPPED, IN_BATCH, SEEN, UNSEEN, SampleStates


@pytest.mark.parametrize(
    "n, b, drop_last, shuffle",
    [
        (103, 10, False, True), (103, 10, True, True), (100, 10, False, False),
        (7, 1, False, True), (20, 50, False, True),
    ],
)
def test_counts_follow_the_schedule_at_every_iteration(n, b, drop_last, shuffle):
    schedule = BatchSchedule(n, b, 2, drop_last=drop_last, shuffle=shuffle, seed=3)
    states = SampleStates(schedule)
    ipe = schedule.iterations_per_epoch
    assert states.counts(0) == {"unseen": schedule.samples_per_epoch, "seen": 0, "in_batch": 0,
                                "dropped": schedule.dropped_per_epoch, "held_out": 0}
    for g in range(1, schedule.total_iterations + 1):
        _, it = schedule.position(g)
        batch = schedule.batch_size_at(it)
        seen = (it - 1) * schedule.effective_batch_size
        assert states.counts(g) == {
            "seen": seen, "in_batch": batch, "unseen": schedule.samples_per_epoch - seen - batch,
            "dropped": schedule.dropped_per_epoch, "held_out": 0,
        }
    assert schedule.iterations_per_epoch == ipe


def test_the_batch_in_the_view_is_the_batch_the_trainer_used():
    trainer = train(samples=57, batch_size=8, epochs=2, seed=4)
    states = SampleStates(trainer.schedule)
    for record in trainer:
        marked = np.flatnonzero(states.at(record.global_iteration) == IN_BATCH)
        assert sorted(marked) == sorted(record.indices)
        assert np.array_equal(states.batch_indices(record.global_iteration), record.indices)


def test_a_new_epoch_empties_the_view_and_shuffles_the_order():
    schedule = BatchSchedule(50, 10, 2, seed=1)
    states = SampleStates(schedule)
    end_of_first = states.at(5).copy()
    assert not (end_of_first == UNSEEN).any()
    first_of_second = states.at(6)
    assert (first_of_second == SEEN).sum() == 0 and (first_of_second == IN_BATCH).sum() == 10
    assert not np.array_equal(states.batch_indices(1), states.batch_indices(6))


def test_drop_last_marks_the_left_out_samples():
    states = SampleStates(BatchSchedule(25, 10, 1, drop_last=True, shuffle=False))
    assert np.flatnonzero(states.at(2) == DROPPED).tolist() == [20, 21, 22, 23, 24]
