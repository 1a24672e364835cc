"""The controls: the readout follows the sliders, and sliders drive fast without stalling."""

from PySide6.QtWidgets import QWidget

from epochviz.core.session import RunConfig
from epochviz.qt.controls import ControlPanel
from epochviz.qt.sliders import round_ladder
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
    assert panel.batch.box.maximum() == 500
    assert panel.config().batch_size == 500


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
    window.command.connect(lambda c: configures.append(c) if c[0] == "configure" else None)
    for i in range(3000):
        window.controls.batch.setValue(1 + i % 500)
    window.flush_settings()
    assert readout(window).startswith("iterations per epoch = ceil(2,000 / 500)")
    qtbot.waitUntil(lambda: len(configures) == 1, timeout=2000)
    assert configures[0][1].batch_size == 500
