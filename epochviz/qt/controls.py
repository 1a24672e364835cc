"""The control panel: dataset, schedule, network and transport, with the live readout.

It turns widget values into a ``RunConfig`` and says when that changes; it
never trains, and the numbers in its readout come from the core's schedule.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.datasets import DATASETS
from epochviz.core.mlp import ACTIVATIONS
from epochviz.core.session import RunConfig
from epochviz.limits import (
    WINDOW_MAX_ACCUMULATE,
    WINDOW_MAX_EPOCHS,
    WINDOW_MAX_HIDDEN_LAYERS,
    WINDOW_MAX_HIDDEN_WIDTH,
    WINDOW_MAX_LR,
    WINDOW_MAX_SAMPLES,
    WINDOW_MIN_LR,
    WINDOW_MIN_SAMPLES,
)
from epochviz.qt.memory_meter import MemoryMeter
from epochviz.qt.number_box import IntBox
from epochviz.qt.sliders import LadderSlider, round_ladder

LR_LADDER = round_ladder(0.001, 10.0, (1, 2, 3, 5), integers=False)
SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, math.inf]
DEFAULT_SPEED = 100


TOOLTIPS = {  # one sentence per term, for the student who hovers
    "dataset": "The data the network learns to classify: 2-D point clouds, or 8x8 images of digits.",
    "samples": "N, the dataset size: how many samples one epoch goes through once.",
    "batch": "B, the batch size: how many samples go through the network together in one iteration.",
    "accumulate": "Gradient accumulation: K forward and backward passes of B samples, then one weight "
                  "update with their mean gradient (an effective batch of K x B that needs the memory of B). "
                  "1 = off.",
    "epochs": "How many times the training goes through every sample of the dataset.",
    "shuffle": "Visit the samples in a new random order every epoch.",
    "drop_last": "Skip each epoch's last batch when it is smaller than B (floor instead of ceil).",
    "lr": "The learning rate: how far each weight update moves the weights along the gradient.",
    "depth": "How many hidden layers the network has between its input and its output.",
    "width": "How many neurons each hidden layer has.",
    "activation": "The function each hidden neuron applies to its input (tanh, ReLU or sigmoid).",
    "speed": "Iterations per second; at 4 or fewer every phase of an iteration is animated.",
}


def format_speed(speed: float) -> str:
    return "max" if math.isinf(speed) else f"{speed:,.0f} it/s"


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose labels go above their fields when the panel is narrow (a small screen or a projector)."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class ControlPanel(QWidget):
    """All the knobs. ``config_changed(RunConfig)`` fires on every training-parameter change."""

    config_changed = Signal(object)
    notice = Signal(str)  # a typed value was refused or changed, and why

    def __init__(self, config: RunConfig) -> None:
        super().__init__()
        self.setObjectName("controlPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        data = QGroupBox("Data")
        form = _form(data)
        self.dataset = _named(QComboBox(), "datasetCombo", "Dataset")
        for info in DATASETS.values():
            self.dataset.addItem(info.name, info.name)
            self.dataset.setItemData(self.dataset.count() - 1, info.description, Qt.ItemDataRole.ToolTipRole)
        form.addRow("Dataset", self.dataset)
        self.samples = LadderSlider(
            round_ladder(WINDOW_MIN_SAMPLES, WINDOW_MAX_SAMPLES), config.samples,
            name="datasetSizeSlider", accessible="Dataset size N",
            above_max=lambda typed, n: f"The window takes at most {n:,.0f} samples; {typed:,.0f} became {n:,.0f}. "
            "(epochviz schedule takes any N.)",
        )
        form.addRow("Samples N", self.samples)
        layout.addWidget(data)

        sched = QGroupBox("Schedule")
        form = _form(sched)
        self.batch = LadderSlider(
            round_ladder(1, config.samples), config.batch_size,
            name="batchSizeSlider", accessible="Batch size B", box_range=(1, config.samples),
            above_max=lambda typed, n: f"Batch size {typed:,.0f} is more than N = {n:,.0f}: "
            f"one full batch of all {n:,.0f} samples.",
        )
        form.addRow("Batch size B", self.batch)
        self.memory = MemoryMeter()
        form.addRow("Memory", self.memory)
        self.accumulate = _named(IntBox("Accumulate gradients over K batches"), "accumulateSpin",
                                 "Accumulate gradients over K batches")
        self.accumulate.setRange(1, WINDOW_MAX_ACCUMULATE)
        self.accumulate.setSuffix(" batches")
        self.accumulate.setSpecialValueText("1 (off)")  # never "1 batches"
        form.addRow("Accumulate K", self.accumulate)
        self.epochs = _named(IntBox("Epochs"), "epochsSpin", "Epochs")
        self.epochs.setRange(1, WINDOW_MAX_EPOCHS)
        form.addRow("Epochs", self.epochs)
        self.shuffle = _named(QCheckBox("Shuffle every epoch"), "shuffleCheck", "Shuffle every epoch")
        self.drop_last = _named(QCheckBox("Drop last partial batch"), "dropLastCheck", "Drop last partial batch")
        form.addRow(self.shuffle)
        form.addRow(self.drop_last)
        layout.addWidget(sched)

        net = QGroupBox("Network")
        form = _form(net)
        self.lr = LadderSlider(
            LR_LADDER, config.lr, name="learningRateSlider", accessible="Learning rate",
            decimals=4, box_range=(WINDOW_MIN_LR, WINDOW_MAX_LR),
        )
        form.addRow("Learning rate", self.lr)
        shape = QHBoxLayout()
        self.depth = _named(IntBox("Hidden layers"), "hiddenLayersSpin", "Hidden layers")
        self.depth.setRange(0, WINDOW_MAX_HIDDEN_LAYERS)
        self.depth.setSuffix(" layers")
        self.width = _named(IntBox("Neurons per hidden layer"), "hiddenWidthSpin", "Neurons per hidden layer")
        self.width.setRange(1, WINDOW_MAX_HIDDEN_WIDTH)
        self.width.setSuffix(" wide")
        shape.addWidget(self.depth)
        shape.addWidget(self.width)
        form.addRow("Hidden", shape)
        self.activation = _named(QComboBox(), "activationCombo", "Activation")
        self.activation.addItems(ACTIVATIONS)
        form.addRow("Activation", self.activation)
        layout.addWidget(net)

        run = QGroupBox("Run")
        box = QVBoxLayout(run)
        buttons = QGridLayout()  # two rows: the panel stays narrow on a small screen
        self.play = _named(QPushButton("▶ Play"), "playButton", "Play or pause")
        self.play.setToolTip("Play or pause training (Space)")
        self.step = _named(QPushButton("Step"), "stepButton", "Step one phase")
        self.step.setToolTip(
            "Step one phase of the iteration: batch in, forward, loss, backward, update (→).\n"
            "Shift+Step runs one whole iteration (Shift+→)."
        )
        self.step_epoch = _named(QPushButton("Step epoch"), "stepEpochButton", "Run to the end of the epoch")
        self.step_epoch.setToolTip("Run to the end of the current epoch")
        self.reset = _named(QPushButton("Reset"), "resetButton", "Reset the run")
        self.reset.setToolTip("A new run from iteration 0 with fresh weights (R)")
        for i, b in enumerate((self.play, self.step, self.step_epoch, self.reset)):
            buttons.addWidget(b, i // 2, i % 2)
        box.addLayout(buttons)
        speed_row = QHBoxLayout()
        speed_row.addWidget(QLabel("Speed"))
        self.speed = LadderSlider(
            SPEEDS, DEFAULT_SPEED, name="speedSlider", accessible="Training speed", fmt=format_speed
        )
        speed_row.addWidget(self.speed, 1)
        box.addLayout(speed_row)
        layout.addWidget(run)

        for source in (self.samples, self.batch, self.lr, self.epochs, self.accumulate, self.depth, self.width):
            source.notice.connect(self.notice)
        for widget, words in TOOLTIPS.items():
            getattr(self, widget).setToolTip(words)
        self.set_config(config)
        self.samples.valueChanged.connect(self._on_samples)
        for signal in (
            self.dataset.currentIndexChanged, self.batch.valueChanged, self.epochs.valueChanged,
            self.accumulate.valueChanged,
            self.shuffle.toggled, self.drop_last.toggled, self.lr.valueChanged,
            self.depth.valueChanged, self.width.valueChanged, self.activation.currentIndexChanged,
        ):
            signal.connect(self._emit)

    def set_config(self, config: RunConfig) -> None:
        """Show ``config`` in the widgets without emitting ``config_changed``."""
        widgets = (self.dataset, self.samples, self.batch, self.accumulate, self.epochs, self.shuffle,
                   self.drop_last, self.lr, self.depth, self.width, self.activation)
        for w in widgets:
            w.blockSignals(True)
        self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
        self.samples.setValue(config.samples)
        self.batch.set_ladder(round_ladder(1, config.samples), (1, config.samples))
        self.batch.setValue(min(config.batch_size, config.samples))
        self.epochs.setValue(config.epochs)
        self.accumulate.setValue(config.accumulate)
        self.shuffle.setChecked(config.shuffle)
        self.drop_last.setChecked(config.drop_last)
        self.lr.setValue(config.lr)
        self.depth.setValue(len(config.hidden))
        self.width.setValue(config.hidden[0] if config.hidden else 16)
        self.activation.setCurrentText(config.activation)
        for w in widgets:
            w.blockSignals(False)
        self._config = self.config()
        self._update_memory(self._config)

    def config(self) -> RunConfig:
        """The run the widgets describe."""
        return RunConfig(
            dataset=self.dataset.currentData(),
            samples=int(self.samples.value()),
            batch_size=int(self.batch.value()),
            epochs=self.epochs.value(),
            lr=float(self.lr.value()),
            hidden=(self.width.value(),) * self.depth.value(),
            activation=self.activation.currentText(),
            shuffle=self.shuffle.isChecked(),
            drop_last=self.drop_last.isChecked(),
            accumulate=self.accumulate.value(),
        )

    def _on_samples(self, samples: float) -> None:
        # The batch size can never exceed N: follow N, clamped without a second signal.
        self.batch.blockSignals(True)
        self.batch.set_ladder(round_ladder(1, int(samples)), (1, int(samples)))
        self.batch.setValue(min(self.batch.value(), int(samples)))
        self.batch.blockSignals(False)
        self._emit()

    def _emit(self, *_: object) -> None:
        config = self.config()
        self._update_memory(config)
        if config != self._config:
            self._config = config
            self.config_changed.emit(config)

    def _update_memory(self, config: RunConfig) -> None:
        self.memory.set_state(config.widths, min(config.batch_size, config.samples), config.samples,
                              config.accumulate)
