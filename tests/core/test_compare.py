"""Compare mode's core: the runs' configs, the table's arithmetic and the engine that interleaves them."""

import time

import numpy as np
import pytest

from epochviz.core.compare import RunTally, compare_configs, run_label, smoothing_weight, summary
from epochviz.core.engine.compare_engine import CompareChunk, CompareEngine
from epochviz.core.engine.session import RunConfig


def base(**changes):
    return RunConfig(dataset="spiral", samples=2000, epochs=2, lr=0.1).with_changes(**changes)


def test_full_means_n_and_only_the_batch_size_and_its_rate_differ():
    configs = compare_configs(base(), [1, 32, "full"])
    assert [c.batch_size for c in configs] == [1, 32, 2000]
    assert {c.with_changes(batch_size=0, lr=0) for c in configs} == {base().with_changes(batch_size=0, lr=0)}
    same = compare_configs(base(), [1, 32, "full"], lr_rule="same")
    assert {c.with_changes(batch_size=0) for c in same} == {base().with_changes(batch_size=0)}


def test_the_default_rule_scales_the_rate_by_the_square_root_of_the_batch_over_32_at_most_1():
    configs = compare_configs(base(lr=0.3), [1, 32, 128, "full"])
    assert [c.lr for c in configs] == pytest.approx([0.3 / 32**0.5, 0.3, 0.6, 1.0])
    accumulated = compare_configs(base(lr=0.3, accumulate=4), [2, 8])  # the effective batch counts: 8 and 32
    assert [c.lr for c in accumulated] == pytest.approx([0.15, 0.3])
    assert compare_configs(base(lr=2.0), [32, "full"])[1].lr == 2.0  # the cap never lowers the base rate


def test_an_unknown_rate_rule_is_refused():
    with pytest.raises(ValueError, match="sqrt, same, linear"):
        compare_configs(base(), [1, 32], lr_rule="cubic")


def test_batch_sizes_above_n_become_the_full_batch():
    assert [c.batch_size for c in compare_configs(base(samples=100), [10, 500])] == [10, 100]


@pytest.mark.parametrize("bad", [[1], [1, 2, 3, 4, 5], [0, 4], [1, "half"], [1, 2.5], [True, 3], "1,32"])
def test_bad_batch_size_lists_are_refused(bad):
    with pytest.raises(ValueError):
        compare_configs(base(), bad)


def test_linear_scaling_rule_is_relative_to_the_first_run():
    configs = compare_configs(base(lr=0.05), [32, 64, 256], lr_rule="linear")
    assert [c.lr for c in configs] == pytest.approx([0.05, 0.1, 0.4])
    same = compare_configs(base(lr=0.05), [32, 64, 256], lr_rule="same")
    assert [c.lr for c in same] == [0.05] * 3


def test_labels_name_the_batch_its_iterations_per_epoch_and_its_learning_rate():
    one, mini, full = compare_configs(base(lr=0.3), [1, 32, "full"])
    assert run_label(one) == "B=1 · 2,000 it/epoch · lr 0.053"
    assert run_label(mini) == "B=32 · 63 it/epoch · lr 0.3"
    assert run_label(full) == "B=2,000 (N) · 1 it/epoch · lr 1"
    assert run_label(base(batch_size=8, accumulate=4)) == "B=4×8 · 63 it/epoch · lr 0.1"


def test_summary_arithmetic():
    config = base(batch_size=32)
    tally = RunTally()
    tally.add(updates=63, samples=2000, seconds=0.5)
    tally.add_epoch_end(0.9, 0.6)
    row = summary(config, tally)
    assert row["updates_per_epoch"] == row["forward_passes_per_epoch"] == 63
    assert row["total_updates"] == 63 and row["epoch_losses"] == [0.9]
    assert row["ms_per_update"] == pytest.approx(500 / 63)
    assert row["seconds_per_epoch"] == pytest.approx(0.5)
    assert row["samples_per_s"] == pytest.approx(4000)
    assert row["final_loss"] == 0.9 and row["final_accuracy"] == 0.6
    assert row["memory_per_iteration_bytes"] > 0


def test_memory_per_iteration_counts_the_micro_batch_not_the_group():
    grouped = summary(base(batch_size=64, accumulate=4), RunTally())
    plain_64 = summary(base(batch_size=64), RunTally())
    plain_256 = summary(base(batch_size=256), RunTally())
    assert grouped["memory_per_iteration_bytes"] == plain_64["memory_per_iteration_bytes"]
    assert plain_256["memory_per_iteration_bytes"] > plain_64["memory_per_iteration_bytes"]
    assert grouped["effective_batch_size"] == 256


def drain(engine, until):
    chunks = []
    deadline = time.monotonic() + 30
    while not until(chunks) and time.monotonic() < deadline:
        engine.run(time.perf_counter(), 0.005)
        chunk = engine.take_chunk()
        if chunk is not None:
            chunks.append(chunk)
    return CompareChunk.merge(chunks)


def test_the_engine_steps_every_run_and_keeps_them_apart():
    engine = CompareEngine()
    engine.configure(compare_configs(base(epochs=1), [1, 100, "full"]), 7)
    engine.step(3)
    merged = drain(engine, lambda cs: cs and not engine.busy)
    assert merged.run_id == 7 and len(merged.lanes) == 3
    assert [lane.global_iteration.tolist() for lane in merged.lanes] == [[1, 2, 3], [1, 2, 3], [1]]
    assert [lane.batch_size.tolist() for lane in merged.lanes] == [[1] * 3, [100] * 3, [2000]]
    assert [lane.state for lane in merged.lanes] == ["paused", "paused", "finished"]  # one epoch: one update


def test_the_runs_start_from_the_same_weights():
    engine = CompareEngine()
    engine.configure(compare_configs(base(), [2000, "full"]), 1)
    engine.step(1)
    merged = drain(engine, lambda cs: cs and not engine.busy)
    first, second = merged.lanes
    assert first.loss[0] == second.loss[0]  # same data, same initial weights, same (only) batch


class TurnClock:
    """A clock the test holds: every reading is 10 ms after the last, so each turn costs the same."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 0.01
        return self.now


def test_at_full_speed_the_least_served_run_goes_next():
    engine = CompareEngine(clock=TurnClock())
    engine.configure(compare_configs(base(samples=2000, epochs=50), [1, "full"]), 1)
    engine.play()
    engine.busy_seconds = [5.0, 0.0]  # the first run has had far more of the CPU
    engine.run(time.perf_counter(), 0.005)
    first, full = engine.take_chunk().lanes
    assert len(first) == 0 and len(full) >= 1


def test_at_full_speed_the_runs_share_the_cpu_fairly():
    engine = CompareEngine(clock=TurnClock())
    engine.configure(compare_configs(base(samples=20000, epochs=50), [1, "full"]), 1)
    engine.play()
    for _ in range(40):
        engine.run(time.perf_counter(), 0.002)
    small, full = engine.busy_seconds
    assert 0.5 < small / full < 2.0
    engine.pause()
    assert not engine.busy


def test_a_run_that_ends_does_not_stop_the_others():
    engine = CompareEngine()
    engine.configure(compare_configs(base(samples=200, epochs=1), [200, 10]), 1)
    engine.play()
    merged = drain(engine, lambda cs: cs and cs[-1].state == "finished")
    assert [lane.state for lane in merged.lanes] == ["finished", "finished"]
    assert [len(lane) for lane in merged.lanes] == [1, 20]
    assert np.all(np.isfinite(merged.lanes[1].seconds))


def test_every_run_smooths_over_the_same_number_of_samples():
    one, mini, full = compare_configs(base(), [1, 32, "full"])
    assert smoothing_weight(one) == pytest.approx(1 - 1 / 100)  # N / 20 = 100 updates
    assert smoothing_weight(mini) == pytest.approx(1 - 32 / 100)
    assert smoothing_weight(full) == 0.0


def test_a_run_is_judged_against_its_loss_before_training():
    tally = RunTally(start_loss=1.2)
    assert tally.verdict() is None
    tally.add_epoch_end(0.9, 0.6)
    assert tally.verdict() is None
    tally.add_epoch_end(1.3, 0.4)
    assert tally.verdict() == "worse"
    tally.diverged = True
    assert tally.verdict() == "diverged"
    row = summary(base(batch_size=1), tally)
    assert (row["start_loss"], row["diverged"], row["verdict"]) == (1.2, True, "diverged")


def test_the_verdicts_are_plain_sentences_naming_the_run_and_its_rate():
    from epochviz.text.compare_text import verdict_words

    worse = RunTally(start_loss=1.219, epoch_losses=[7.202, 7.539], epoch_accuracies=[0.3, 0.3])
    row = summary(base(batch_size=1, lr=1.0), worse)
    assert verdict_words(row) == ("B = 1 is worse than it began: whole-dataset loss 7.539 after epoch 2, 1.219 "
                                  "before training. Its learning rate 1 is probably too large for this batch size.")
    row = summary(base(batch_size=8, accumulate=4, lr=50.0), RunTally(start_loss=1.2, diverged=True))
    assert verdict_words(row) == ("B = 4 × 8 diverged: its loss became infinite. Its learning rate 50 is too large "
                                  "for this batch size.")
    assert verdict_words(summary(base(), RunTally(start_loss=1.2, epoch_losses=[0.5], epoch_accuracies=[0.8]))) is None
