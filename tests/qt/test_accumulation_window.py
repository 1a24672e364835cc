"""Gradient accumulation in the window: the control, the readout's two counts, the memory meter, the captions."""

from epochviz.core.phases import PHASES
from epochviz.text.phase_text import caption
from epochviz.core.schedule import BatchSchedule
from tests.qt.conftest import readout, wait_for_iterations


def test_the_accumulate_box_starts_a_run_that_counts_updates(make_window, qtbot):
    window = make_window(samples=2000, batch_size=8, backend="thread")
    window.controls.accumulate.setValue(4)
    window.flush_settings()
    assert window.config.accumulate == 4
    text = readout(window)
    assert "forward passes per epoch = ceil(2,000 / 8) = 250" in text
    assert "updates per epoch = ceil(250 / 4) = 63" in text and "effective batch = 4 x 8 = 32" in text
    window.controls.speed.setValue(float("inf"))
    window.run_iterations(63)
    wait_for_iterations(qtbot, window, 63)
    assert len(window.history) == 63
    assert window.progress.iteration.value() == window.progress.iteration.maximum() == 63  # an epoch of updates


def test_the_keyword_presets_accumulation(make_window):
    window = make_window(samples=200, batch_size=10, accumulate=3, backend="thread")
    assert window.controls.accumulate.value() == 3 and window.schedule.updates_per_epoch == 7


def test_the_memory_meter_counts_the_micro_batch_and_says_what_fits(make_window):
    window = make_window(samples=2000, batch_size=256, backend="thread")
    meter = window.controls.memory
    meter.network.setCurrentIndex(meter.network.findData("vgg16"))
    meter.budget.setCurrentIndex(meter.budget.findData(8))
    assert "B = 256 does not fit;" in meter.text.text() and "x 52 does" in meter.text.text()
    window.controls.batch.setValue(64)
    window.controls.accumulate.setValue(4)
    window.controls.flush()  # two changes in one frame: the meter shows the newest at its end
    assert "the effective batch is 4 x 64, but memory counts one batch of 64" in meter.text.text()


def test_captions_name_each_pass_and_the_single_update():
    s = BatchSchedule(2000, 8, 1, accumulate=4)
    assert "backward pass 2 of 4, 8 samples: its gradient is added to the sum; no update yet" in caption(
        PHASES.index("backward"), s, 1, pass_index=2)
    assert "the mean gradient of the 4 passes (32 samples)" in caption(PHASES.index("update"), s, 1, lr=0.1)
    last = caption(PHASES.index("forward"), s, 63, pass_index=2)  # the epoch's last update: 2 passes of 8
    assert "pass 2 of 2, 8 samples" in last
