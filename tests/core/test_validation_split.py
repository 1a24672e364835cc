"""The validation split: drawn once from the seed, never trained on, measured at every epoch end, counted apart."""

import math

import numpy as np
import pytest

from epochviz.core.holdout import hold_out, split_sizes
from epochviz.core.run_config import RunConfig
from epochviz.core.sample_states import HELD_OUT, SampleStates
from epochviz.core.scenes import SceneError, builtin_scenes, scene_from_data
from epochviz.core.schedule import BatchSchedule
from epochviz.core.settings import SettingError, check_settings, check_together
from epochviz.core.trainer import Trainer, build_run
from epochviz.text.schedule_text import describe_schedule, readout

SPLIT = RunConfig(samples=103, batch_size=8, epochs=3, validation_split=0.25, seed=2)


@pytest.mark.parametrize("n, split, n_train", [(10, 0.3, 7), (2000, 0.2, 1600), (103, 0.25, 77), (11, 0.5, 5),
                                              (10, 0.0, 10), (2, 0.5, 1)])
def test_the_sizes_follow_keras_floor_of_n_times_one_minus_the_split(n, split, n_train):
    assert split_sizes(n, split) == (n_train, n - n_train) == (math.floor(n * (1 - split)), n - n_train)


def test_a_split_that_leaves_no_sample_to_train_on_is_refused_naming_it():
    with pytest.raises(ValueError, match="leaves no sample to train on"):
        split_sizes(1, 0.5)
    with pytest.raises(SettingError, match="validation_split 0.5 of samples 1 leaves no sample"):
        check_together({"samples": 1, "validation_split": 0.5})  # the headless commands take N = 1
    with pytest.raises(SettingError, match="validation_split must be from 0 to 0.5, got 0.6"):
        check_settings({"validation_split": 0.6})


def test_the_split_is_drawn_by_the_seed_once_disjoint_and_whole():
    split = hold_out(103, 0.25, 2)
    assert np.array_equal(split.val_rows, hold_out(103, 0.25, 2).val_rows)  # the same seed, the same rows
    assert not np.array_equal(split.val_rows, hold_out(103, 0.25, 3).val_rows)  # another seed, other rows
    assert (split.n_train, split.n_val) == (77, 26)
    assert not set(split.train_rows) & set(split.val_rows)
    assert sorted([*split.train_rows, *split.val_rows]) == list(range(103))
    assert not split.val_rows.flags.writeable and not split.train_rows.flags.writeable


def test_the_split_does_not_follow_the_datas_own_random_stream():
    # ``default_rng([seed, 0])`` is the data's stream (numpy pads entropy with zeros): the split must not be it.
    first_rows = np.sort(np.random.default_rng([2, 0]).permutation(103)[77:])
    assert not np.array_equal(hold_out(103, 0.25, 2).val_rows, first_rows)


def test_the_trainers_batches_never_hold_a_held_out_row_and_each_epoch_visits_every_training_row():
    trainer = build_run(SPLIT)
    held = set(SPLIT.hold_out().val_rows.tolist())
    seen = {epoch: [] for epoch in range(1, 4)}
    for record in trainer:
        assert not held & set(record.indices.tolist()), record.global_iteration
        seen[record.epoch] += record.indices.tolist()
    for rows in seen.values():
        assert sorted(rows) == SPLIT.hold_out().train_rows.tolist()


def test_the_held_out_samples_are_never_trained_on():
    # Scrambling the held-out labels changes nothing the training does: same batch losses, same weights.
    def run(scramble: bool):
        trainer = build_run(SPLIT)
        if scramble:
            rows = SPLIT.hold_out().val_rows
            trainer.y = trainer.y.copy()
            trainer.y[rows] = (trainer.y[rows] + 1) % 3
            trainer.val_y = trainer.y[rows]
        records = list(trainer)
        return [r.loss for r in records], [r.val_loss for r in records if r.epoch_end], trainer.model.parameters()

    losses, val, weights = run(False)
    scrambled_losses, scrambled_val, scrambled_weights = run(True)
    assert losses == scrambled_losses
    assert all(np.array_equal(a, b) for a, b in zip(weights, scrambled_weights))
    assert val != scrambled_val  # ... while their own loss, measured at the epoch ends, does change


def test_every_epoch_end_measures_the_held_out_samples_and_the_training_samples_apart():
    trainer = build_run(SPLIT)
    records = list(trainer)
    ends = [r for r in records if r.epoch_end]
    assert len(ends) == 3 and all(r.val_loss is not None and r.val_accuracy is not None for r in ends)
    assert all(r.val_loss is None for r in records if not r.epoch_end)
    assert records[0].start_val_loss is not None
    X, y = SPLIT.data()
    rows = SPLIT.hold_out()
    model = trainer.model  # after the last update: the last epoch end's figures
    assert ends[-1].val_loss == pytest.approx(model.evaluate(X[rows.val_rows], y[rows.val_rows])[0])
    assert ends[-1].epoch_loss == pytest.approx(model.evaluate(X[rows.train_rows], y[rows.train_rows])[0])


def test_without_a_split_nothing_changes():
    plain = RunConfig(samples=103, batch_size=8, epochs=2, seed=2)
    schedule = plain.schedule()
    assert schedule.rows is None and schedule.held_out == 0 and schedule.dataset_samples == 103
    expected = BatchSchedule(103, 8, 2, seed=2)
    records = list(build_run(plain))
    assert [r.indices.tolist() for r in records] == [i.tolist() for _, _, i in expected]
    assert all(r.val_loss is None and r.start_val_loss is None for r in records)


def test_the_schedule_counts_the_training_samples_only_and_says_so():
    config = RunConfig(samples=2003, batch_size=20, validation_split=0.2)
    facts = config.schedule().facts()
    assert (facts.n_samples, facts.validation_samples) == (1602, 401)
    assert facts.iterations_per_epoch == math.ceil(1602 / 20) == 81 and facts.last_batch_size == 2
    assert facts.samples_per_epoch == 1602
    line = readout(facts)
    assert line.startswith("training samples N_train = 2,003 - 401 held out = 1,602 | ")
    assert "iterations per epoch = ceil(1,602 / 20) = 81" in line
    board = describe_schedule(facts)
    assert board.startswith("2,003 samples,") and "2,003 - 401 held out = 1,602" in board
    assert "ceil(1602 / 20) = 81" in board


def test_drop_last_with_a_batch_above_the_training_samples_is_refused():
    with pytest.raises(SettingError, match="above the 80 training samples"):
        check_settings({"samples": 100, "batch_size": 90, "drop_last": True, "validation_split": 0.2})
    with pytest.raises(ValueError, match="drop every sample"):
        RunConfig(samples=100, batch_size=90, drop_last=True, validation_split=0.2).validated()
    with pytest.raises(SceneError, match="above the 80 training samples"):
        scene_from_data({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 90, "drop_last": True,
                         "validation_split": 0.2})


def test_a_trainer_needs_the_rows_of_a_schedule_that_holds_samples_out():
    X, y = SPLIT.data()
    model = build_run(SPLIT).model
    with pytest.raises(ValueError, match="needs the rows"):
        Trainer(model, X, y, BatchSchedule(77, 8, held_out=26))


def test_the_data_grid_marks_every_held_out_row_at_every_step():
    schedule = SPLIT.schedule()
    states = SampleStates(schedule)
    held = SPLIT.hold_out().val_rows
    for g in range(schedule.total_iterations + 1):
        now = states.at(g)
        assert len(now) == 103 and np.array_equal(np.flatnonzero(now == HELD_OUT), held)
        counts = states.counts(g)
        assert counts["held_out"] == 26 and counts["seen"] + counts["in_batch"] + counts["unseen"] == 77


def test_the_over_fitting_scene_shows_the_two_losses_parting():
    (scene,) = [s for s in builtin_scenes() if s.config.validation_split]
    train, val = [], []
    for record in build_run(scene.config):
        if record.epoch_end:
            train.append(record.epoch_loss)
            val.append(record.val_loss)
    best = int(np.argmin(val))
    assert 5 <= best + 1 <= 30  # the held-out loss falls for some epochs first ...
    assert val[-1] > 1.25 * val[best]  # ... then turns upward by a clear margin
    assert train[-1] < 0.1 * train[best]  # while the training loss keeps falling
    assert train[-1] < train[-10] and train[-1] == min(train)
