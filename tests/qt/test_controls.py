"""The controls: the readout follows the sliders, and sliders drive fast without stalling."""

import math
from collections.abc import Sequence

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from epochviz.core.engine.session import RunConfig
from epochviz.core.settings import WINDOW_MAX_SAMPLES, WINDOW_MIN_SAMPLES
from epochviz.qt.panel.controls import LR_LADDER, SPEEDS, ControlPanel
from epochviz.qt.widgets.sliders import batch_ladder, nearest_index, round_ladder
from tests.qt.conftest import readout

CONTRACT = [
    "datasetCombo", "datasetSizeSlider", "batchSizeSlider", "epochsSpin", "learningRateSlider",
    "playButton", "stepButton", "resetButton", "speedSlider", "lossPlot", "epochProgress",
    "iterationProgress",
]


def test_every_widget_of_the_automation_contract_has_its_name_and_an_accessible_name(make_window):
    window = make_window()
    for name in CONTRACT:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_readout_follows_the_sliders_with_thousands_separators(make_window):
    window = make_window()
    window.controls.samples.setValue(100_000)
    window.controls.batch.setValue(100)
    window.controls.epochs.setValue(10)
    window.flush_settings()  # changes within one frame are applied together at its end
    assert readout(window) == (
        "iterations per epoch = ceil(100,000 / 100) = 1,000 | last batch: 100 | "
        "total = 10 x 1,000 = 10,000 iterations"
    )
    window.controls.drop_last.setChecked(True)
    window.controls.batch.setValue(300)
    window.flush_settings()
    assert "floor(100,000 / 300) = 333" in readout(window)
    assert "(100 dropped)" in readout(window)


def test_batch_size_follows_the_dataset_size_down(qtbot):
    panel = ControlPanel(RunConfig(samples=2000, batch_size=1000))
    qtbot.addWidget(panel)
    panel.samples.setValue(500)
    assert panel.batch.value() == 500
    panel.flush()  # the box shows its new range at the end of the frame
    assert panel.batch.box.maximum() == 500
    assert panel.config().batch_size == 500



def test_a_setting_the_panel_cannot_show_leaves_every_control_listening(qtbot):
    panel = ControlPanel(RunConfig())
    qtbot.addWidget(panel)
    with pytest.raises(ValueError, match="learningRateSlider"):
        panel.set_config(RunConfig(lr=1e6))  # beyond the slider: refused half-way through
    controls = (panel.dataset, panel.samples, panel.batch, panel.accumulate, panel.epochs, panel.shuffle,
                panel.drop_last, panel.lr, panel.depth, panel.width, panel.activation)
    assert [c.objectName() for c in controls if c.signalsBlocked()] == []
    with qtbot.waitSignal(panel.config_changed):
        panel.epochs.setValue(7)  # the panel still hears its controls

def test_the_slider_snaps_to_round_values_and_the_box_takes_any(qtbot):
    panel = ControlPanel(RunConfig(samples=1000, batch_size=20))
    qtbot.addWidget(panel)
    ladder = round_ladder(1, 1000)
    assert ladder[:9] == [1, 2, 3, 4, 5, 6, 8, 10, 15]
    assert ladder[-1] == 1000
    panel.batch.slider.setValue(ladder.index(250))
    assert panel.batch.value() == 250
    panel.batch.box.setValue(37)
    assert panel.config().batch_size == 37


def test_thousands_of_slider_moves_restart_training_once(make_window, qtbot):
    window = make_window()
    configures = []
    window.run.configured.connect(configures.append)  # each time the engine is given a new run
    for i in range(3000):
        window.controls.batch.setValue(1 + i % 500)
    window.flush_settings()
    assert readout(window).startswith("iterations per epoch = ceil(2,000 / 500)")
    qtbot.waitUntil(lambda: len(configures) == 1, timeout=2000)
    assert configures[0].batch_size == 500


def _count_calls(monkeypatch, owner, name):
    """Count the calls of ``owner.name`` (still made); returns the list that grows by one per call."""
    calls = []
    real = getattr(owner, name)

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_storm_of_batch_sizes_in_one_frame_redraws_the_memory_meter_once_with_the_newest(qtbot, monkeypatch):
    panel = ControlPanel(RunConfig(samples=10_000, batch_size=20))
    qtbot.addWidget(panel)
    meter = panel.memory
    meter.network.setCurrentIndex(meter.network.findData("vgg16"))
    meter.budget.setCurrentIndex(meter.budget.findData(8))
    panel.flush()  # the frame ends: the next change is shown at once
    refreshes = _count_calls(monkeypatch, meter, "_refresh")
    sheets = _count_calls(monkeypatch, meter.bar, "setStyleSheet")
    sent = []
    panel.config_changed.connect(sent.append)
    panel.batch.setValue(100)  # too big for VGG-16 in 8 GB: the bar turns red at once
    assert len(refreshes) == 1 and len(sheets) == 1 and len(sent) == 1
    for i in range(500):  # the rest of the frame: fits, too big, fits, ...
        panel.batch.setValue(10 if i % 2 else 1000)
    assert len(refreshes) == 1 and len(sheets) == 1 and len(sent) == 1
    panel.flush()  # the end of the frame
    assert len(refreshes) == 2 and len(sent) == 2
    assert sent[-1].batch_size == 10 and meter.bar.format().startswith("B = 10: ")
    assert "Fits" in meter.text.text() and "d9453b" not in meter.bar.styleSheet()


def test_the_bar_style_sheet_is_set_only_when_fitting_turns_to_too_big_and_back(qtbot, monkeypatch):
    panel = ControlPanel(RunConfig(samples=10_000, batch_size=20))
    qtbot.addWidget(panel)
    meter = panel.memory
    meter.network.setCurrentIndex(meter.network.findData("vgg16"))
    meter.budget.setCurrentIndex(meter.budget.findData(8))
    sheets = _count_calls(monkeypatch, meter.bar, "setStyleSheet")
    for batch in (20, 21, 22, 200, 300, 21):  # fits, fits, fits, too big, too big, fits
        meter.set_state((2, 16, 16, 3), batch, 10_000)
    assert len(sheets) == 2


def test_a_storm_of_slider_values_moves_the_track_and_box_once_per_frame_to_the_newest(qtbot, monkeypatch):
    panel = ControlPanel(RunConfig(samples=10_000, batch_size=20))
    qtbot.addWidget(panel)
    panel.flush()
    batch = panel.batch
    shown = _count_calls(monkeypatch, batch.box, "setValue")
    for value in range(1, 301):
        batch.setValue(value)
    assert batch.value() == 300 and len(shown) == 1  # the value at once; the box once, for the first change
    batch.flush()
    assert len(shown) == 2 and batch.box.value() == 300
    assert batch.slider.value() == batch_ladder(10_000).index(300)


def test_the_newest_values_of_a_storm_win_at_the_frames_end_without_flushing(make_window, qtbot):
    window = make_window(samples=2000, batch_size=20)
    c = window.controls
    for i in range(400):
        c.samples.setValue((1000, 5000, 2000, 500)[i % 4])
        c.batch.setValue((1, 50, 7, 250)[i % 4])
    # The last pair: N = 500, B = 250; the frame clock (not a flush) brings them to the window.
    qtbot.waitUntil(lambda: readout(window).startswith("iterations per epoch = ceil(500 / 250) = 2"), timeout=2000)
    assert window.config.samples == 500 and window.config.batch_size == 250
    qtbot.waitUntil(lambda: c.batch.box.value() == 250 and c.batch.box.maximum() == 500, timeout=2000)
    assert c.samples.box.value() == 500 and c.batch.slider.value() == batch_ladder(500).index(250)


def test_the_batch_size_is_clamped_to_a_smaller_n_at_once_inside_a_storm(qtbot):
    panel = ControlPanel(RunConfig(samples=2000, batch_size=1000))
    qtbot.addWidget(panel)
    panel.samples.setValue(5000)  # the first change of the frame
    panel.samples.setValue(300)  # inside the frame: the batch box still shows the old range
    assert panel.batch.value() == 300
    with pytest.raises(ValueError, match="batchSizeSlider"):
        panel.batch.setValue(400)  # more than N: refused at once, not when the box catches up
    panel.flush()
    assert panel.config().batch_size == 300 and panel.batch.box.maximum() == 300


def _linear_nearest_index(ladder, value):
    """The scan ``nearest_index`` was before it bisected: the reference for its answers."""
    if value in ladder:
        return list(ladder).index(value)
    if math.isinf(value):
        return len(ladder) - 1
    target = math.log(max(value, 1e-12))
    return min(range(len(ladder)), key=lambda i: abs(math.log(max(ladder[i], 1e-12)) - target))


LADDERS = [round_ladder(1, n) for n in (1, 2, 7, 100, 2000, 99_999, 1_000_000)] + [
    round_ladder(WINDOW_MIN_SAMPLES, WINDOW_MAX_SAMPLES), LR_LADDER, SPEEDS]


@pytest.mark.parametrize("ladder", LADDERS, ids=lambda ladder: f"{len(ladder)}-rungs-to-{ladder[-1]}")
def test_the_ladder_lookup_gives_the_answers_of_the_linear_scan_over_the_whole_ladder(ladder):
    finite = [v for v in ladder if math.isfinite(v)]
    values = list(ladder) + [-1.0, 0.0, 1e-13, finite[0] / 3, finite[-1] * 3, -math.inf]
    for a, b in zip(finite, finite[1:]):
        values += [(a + b) / 2, math.sqrt(a * b), math.nextafter(math.sqrt(a * b), 0), a * 1.0001, b * 0.9999]
    rng = np.random.default_rng(7)
    values += list(np.exp(rng.uniform(math.log(finite[0] / 10), math.log(finite[-1] * 10), 300)))
    for value in values:
        assert nearest_index(ladder, value) == _linear_nearest_index(ladder, value), value


class _CountingLadder(Sequence):
    """A ladder that counts how many rungs a lookup reads."""

    def __init__(self, values):
        self.values, self.reads = list(values), 0

    def __len__(self):
        return len(self.values)

    def __getitem__(self, i):
        self.reads += 1
        return self.values[i]


def test_the_ladder_lookup_reads_a_few_rungs_not_the_whole_ladder():
    ladder = _CountingLadder(round_ladder(1, 10**60))  # 540 rungs
    for value in (1, 37, 10**30, 7 * 10**59):
        ladder.reads = 0
        nearest_index(ladder, value)
        assert ladder.reads <= 2 * math.ceil(math.log2(len(ladder))) + 4


def _turn_wheel(widget, clicks):
    """One wheel event over the middle of ``widget``: positive clicks away from the user (up)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(), QPoint(0, 120 * clicks),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


WHEEL_TARGETS = ["hiddenLayersSpin", "epochsSpin", "activationCombo", "datasetCombo", "memoryNetworkCombo",
                 "batchSizeSliderTrack", "batchSizeSliderBox", "learningRateSliderTrack"]


def _value(widget):
    return widget.currentIndex() if isinstance(widget, QComboBox) else widget.value()


@pytest.mark.parametrize("name", WHEEL_TARGETS)
def test_the_wheel_over_an_unfocused_control_leaves_its_value_and_scrolls_the_panel(window, name):
    window.resize(1024, 560)  # short enough for the settings to scroll
    area = window.layout_parts.controls_area
    target = window.findChild(QWidget, name)
    area.ensureWidgetVisible(target)
    config, before = window.config, _value(target)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    top = bar.value()
    _turn_wheel(target, -1)  # down, as when scrolling down the panel
    window.flush_settings()
    assert _value(target) == before and window.config == config
    assert bar.value() > top  # the panel scrolled instead
    assert target.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel no longer takes the focus


def test_the_wheel_over_the_unfocused_speed_in_the_transport_bar_leaves_it(window):
    speed = window.findChild(QWidget, "speedSliderTrack")
    before = window.controls.speed.value()
    _turn_wheel(speed, -1)
    assert window.controls.speed.value() == before
    assert speed.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.parametrize("name", ["hiddenLayersSpin", "activationCombo", "batchSizeSliderTrack"])
def test_the_wheel_still_changes_the_control_that_has_the_keyboard_focus(window, qtbot, name):
    target = window.findChild(QWidget, name)
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    before = _value(target)
    _turn_wheel(target, -1 if isinstance(target, QComboBox) else 1)  # a combo goes down its list
    assert _value(target) != before
