"""TrainingEngine: stepping, pacing, pausing, ends, errors and chunked results."""

import numpy as np
import pytest

from epochviz.core.engine.session import Chunk, RunConfig, TrainingEngine

SMALL = RunConfig(samples=100, batch_size=10, epochs=3)


def engine_with(config=SMALL, run_id=1):
    engine = TrainingEngine()
    engine.configure(config, run_id)
    return engine


def test_a_configured_run_waits_paused_until_told():
    engine = engine_with()
    assert engine.state == "paused" and not engine.busy
    assert engine.run(0.0, 1.0) == 0
    chunk = engine.take_chunk()
    assert chunk.run_id == 1 and chunk.state == "paused" and len(chunk) == 0


def test_step_runs_exactly_that_many_iterations():
    engine = engine_with()
    engine.take_chunk()
    engine.step(3)
    assert engine.run(0.0, 1.0) == 3
    chunk = engine.take_chunk()
    assert chunk.global_iteration.tolist() == [1, 2, 3]
    assert chunk.state == "paused" and not engine.busy


def test_step_epoch_stops_at_the_epoch_end_with_its_figures():
    engine = engine_with()
    engine.step(2)
    engine.run(0.0, 1.0)
    engine.step_epoch()
    engine.run(0.0, 1.0)
    chunk = engine.take_chunk()
    assert chunk.global_iteration[-1] == 10
    assert [e.epoch for e in chunk.epoch_ends] == [1]
    assert chunk.epoch_ends[0].global_iteration == 10


def test_playing_at_full_speed_runs_until_the_budget_then_finishes():
    engine = engine_with()
    engine.play()
    while engine.busy:
        engine.run(0.0, 0.05)
    chunk = engine.take_chunk()
    assert len(chunk) == 30 and chunk.state == "finished"
    assert chunk.epoch.tolist() == [1] * 10 + [2] * 10 + [3] * 10
    assert len(chunk.epoch_ends) == 3


def test_paced_play_runs_one_iteration_per_period():
    engine = engine_with()
    engine.set_speed(10.0)
    engine.play()
    assert engine.run(100.0, 1.0) == 1  # the first at once
    assert engine.seconds_until_due(100.0) == pytest.approx(0.1)
    assert engine.run(100.0625, 1.0) == 0
    assert engine.run(100.3125, 1.0) == 3
    assert engine.run(200.0, 1.0) == 5  # a long stall catches up half a second, no more


def test_pause_stops_play_and_pending_steps():
    engine = engine_with()
    engine.play()
    engine.pause()
    assert not engine.busy and engine.state == "paused"
    engine.step(5)
    engine.pause()
    assert engine.run(0.0, 1.0) == 0


def test_divergence_ends_the_run_with_a_diverged_state():
    engine = engine_with(SMALL.with_changes(lr=50.0))
    engine.play()
    while engine.busy:
        engine.run(0.0, 0.05)
    chunk = engine.take_chunk()
    assert chunk.state == "diverged"
    assert not np.isfinite(chunk.loss[-1])
    assert np.isfinite(chunk.loss[:-1]).all()


def test_an_exception_while_training_is_reported_not_raised(monkeypatch):
    engine = engine_with()
    monkeypatch.setattr(engine._trainer.model, "step_unchecked", lambda x, y: 1 / 0)
    engine.step(1)
    engine.run(0.0, 1.0)
    chunk = engine.take_chunk()
    assert chunk.state == "error" and "ZeroDivisionError" in chunk.error
    engine.configure(SMALL, 2)
    engine.step(1)
    engine.run(0.0, 1.0)
    assert engine.take_chunk().state == "paused"


def test_an_impossible_config_is_an_error_state():
    engine = engine_with(RunConfig(samples=10, batch_size=20, drop_last=True))
    chunk = engine.take_chunk()
    assert chunk.state == "error" and "drop_last" in chunk.error


def test_merged_chunks_keep_every_iteration_in_order():
    engine = engine_with()
    chunks = []
    for _ in range(4):
        engine.step(2)
        engine.run(0.0, 1.0)
        chunks.append(engine.take_chunk())
    merged = Chunk.merge(chunks)
    assert merged.global_iteration.tolist() == list(range(1, 9))
    assert np.array_equal(merged.loss, np.concatenate([c.loss for c in chunks]))
    assert all(np.array_equal(a, b) for a, b in zip(merged.weights, chunks[-1].weights))


def test_paced_play_with_pause_at_pauses_by_itself_after_that_iteration():
    """A scene's moment of proof: at 10 iterations a second, the clock driven by the test, it stops at 10."""
    engine = engine_with()
    engine.set_speed(10.0)
    engine.pause_at(10)
    engine.play()
    now = 0.0
    while engine.busy and now < 5.0:
        engine.run(now, 1.0)
        now += 0.1
    chunk = engine.take_chunk()
    assert chunk.state == "paused" and chunk.global_iteration[-1] == 10
    assert [e.epoch for e in chunk.epoch_ends] == [1]
    assert 0.9 <= now <= 1.2  # paced all the way: one iteration a tenth of a second
    engine.play()  # the mark is spent: Play goes on to the end
    while engine.busy:
        engine.run(now, 1.0)
        now += 1.0
    assert engine.take_chunk().state == "finished"


def test_steps_still_pending_when_play_comes_do_not_run_past_the_moment_of_pause():
    """A script's run_iterations(5), pause_at(7), play() in one go: it paused at 12, the steps run after the pause."""
    engine = engine_with()
    engine.step(5)
    engine.pause_at(7)
    engine.play()
    while engine.busy:
        engine.run(0.0, 1.0)
    chunk = engine.take_chunk()
    assert chunk.state == "paused" and chunk.global_iteration[-1] == 7


def test_pause_at_an_iteration_already_run_pauses_at_once_and_a_new_run_forgets_it():
    engine = engine_with()
    engine.set_speed(10.0)
    engine.play()
    assert engine.run(0.0, 1.0) == 1
    engine.pause_at(1)
    assert engine.state == "paused" and not engine.busy
    engine.pause_at(20)
    engine.configure(SMALL, 2)
    engine.set_speed(None)
    engine.play()
    while engine.busy:
        engine.run(0.0, 1.0)
    assert engine.take_chunk().global_iteration[-1] == 30
