"""The loop's live values beside a listing's lines (``core.code.counters``): the same numbers as the schedule's."""

import pytest

from epochviz.core.code.counters import BEFORE_TRAINING, annotations, lines_running, loop_position
from epochviz.core.code.listing import STYLES, listing
from epochviz.core.phases import IDLE, PHASES
from epochviz.core.run_config import RunConfig

BATCH, FORWARD, LOSS, BACKWARD, UPDATE = range(len(PHASES))


def notes_at(config, style, global_iteration, phase=IDLE, pass_index=1):
    code, schedule = listing(config, style), config.schedule()
    return code, annotations(code, schedule, loop_position(schedule, global_iteration, phase, pass_index))


def test_the_source_texts_example_reads_iteration_417_of_1000_beside_the_loops():
    config = RunConfig(samples=10_000, batch_size=10, epochs=20)
    code, notes = notes_at(config, "pytorch", 417, BACKWARD)
    assert code.lines[code.epoch_loop - 1].strip() == "for epoch in range(1, E + 1):"
    assert notes[code.epoch_loop] == "epoch = 1 of 20"
    assert code.lines[code.batch_loop - 1].strip() == "for xb, yb in loader:"
    assert notes[code.batch_loop] == "i = 417 of len(loader) = 1,000  ·  len(xb) = 10  ·  samples seen = 4,170"
    assert [code.lines[n - 1].strip() for n in lines_running(code, BACKWARD)] == ["loss.backward()  # backward pass: "
                                                                                   "gradient of the loss"]


def test_the_short_notes_keep_the_counts_and_leave_out_how_the_loops_count_is_written():
    config = RunConfig(samples=10_000, batch_size=10, epochs=20, drop_last=True)
    code, schedule = listing(config, "pytorch"), config.schedule()
    short = annotations(code, schedule, loop_position(schedule, 417, BACKWARD), short=True)
    assert short[code.epoch_loop] == "epoch = 1 of 20"
    assert short[code.batch_loop].startswith("i = 417 of 1,000  ·  len(xb) = 10")


@pytest.mark.parametrize("style, counter", [("pytorch", "i = 3 of len(loader) = 10"),
                                            ("numpy", "i = 3 of len(starts) = 10"),
                                            ("keras", "step = 3 of steps_per_epoch = 10")])
def test_each_style_names_the_batch_counter_as_its_code_does(style, counter):
    config = RunConfig(samples=95, batch_size=10, epochs=2)
    code, notes = notes_at(config, style, 13)  # epoch 2, its third batch
    assert notes[code.epoch_loop] == "epoch = 2 of 2"
    assert notes[code.batch_loop].startswith(counter)
    batch_line = code.phases["batch"][-1]
    assert notes[batch_line].endswith("len(xb) = 10, the last: 5  ·  samples seen = 125")


def test_a_batch_size_that_does_not_divide_n_shows_the_smaller_last_batch():
    config = RunConfig(samples=95, batch_size=10, epochs=2)
    code, notes = notes_at(config, "pytorch", 10)
    assert "i = 10 of len(loader) = 10  ·  len(xb) = 5, the last batch, smaller  ·  samples seen = 95" == \
        notes[code.batch_loop]


def test_drop_last_shows_n_floor_divided_by_b_and_no_smaller_batch():
    config = RunConfig(samples=95, batch_size=10, epochs=2, drop_last=True)
    code, notes = notes_at(config, "numpy", 9)
    assert "samples_per_epoch = N - N % B" in code.text
    assert notes[code.batch_loop] == "i = 9 of len(starts) = N // B = 9"
    assert notes[code.phases["batch"][-1]] == "len(xb) = 10  ·  samples seen = 90"


def test_accumulation_counts_forward_passes_and_updates_as_the_phases_go():
    schedule = RunConfig(samples=25, batch_size=4, epochs=2, accumulate=3).schedule()  # 7 passes: updates of 3, 3, 1
    assert loop_position(schedule, 0) == BEFORE_TRAINING
    at = loop_position(schedule, 2, BATCH, 1)  # the second update's first pass, its batch drawn
    assert (at.epoch, at.iteration, at.batch_size, at.samples_seen, at.forward_passes, at.updates) == (1, 4, 4, 16,
                                                                                                         3, 1)
    at = loop_position(schedule, 2, FORWARD, 2)
    assert (at.iteration, at.samples_seen, at.forward_passes, at.updates) == (5, 20, 5, 1)
    at = loop_position(schedule, 2, UPDATE, 3)
    assert (at.iteration, at.samples_seen, at.forward_passes, at.updates) == (6, 24, 6, 2)
    at = loop_position(schedule, 3)  # the epoch's last update: one pass of the one sample left
    assert (at.epoch, at.iteration, at.batch_size, at.samples_seen, at.forward_passes, at.updates) == (1, 7, 1, 25,
                                                                                                         7, 3)
    at = loop_position(schedule, 4, LOSS, 1)
    assert (at.epoch, at.iteration, at.samples_seen, at.forward_passes, at.updates) == (2, 1, 29, 8, 3)


@pytest.mark.parametrize("style", STYLES)
def test_accumulation_puts_the_counters_beside_the_forward_pass_and_the_update(style):
    config = RunConfig(samples=25, batch_size=4, epochs=2, accumulate=3)
    code, notes = notes_at(config, style, 2, FORWARD, 2)
    assert notes[code.phases["forward"][0]] == "forward passes = 5"
    assert notes[code.phases["update"][0]] == "updates = 1"


@pytest.mark.parametrize("style", STYLES)
def test_every_phase_runs_its_own_lines_and_idle_rests_on_the_batch_loop(style):
    code = listing(RunConfig(samples=100, batch_size=10), style)
    for k, name in enumerate(PHASES):
        assert lines_running(code, k) == code.phases[name]
    assert lines_running(code, IDLE) == (code.batch_loop,)


def test_the_words_word_the_phrases_but_not_the_codes_names():
    config = RunConfig(samples=95, batch_size=10, epochs=2)
    code, schedule = listing(config, "pytorch"), config.schedule()
    notes = annotations(code, schedule, loop_position(schedule, 13), words=lambda phrase: phrase.replace("of", "共"))
    assert notes[code.epoch_loop] == "epoch = 2 共 2"
    assert notes[code.batch_loop].startswith("i = 3 共 len(loader) = 10")
