"""The control panel: dataset, schedule and network, and the transport bar it drives.

It turns widget values into a ``RunConfig`` and says when that changes; it
never trains. The transport (``panel.transport``) is made here but placed by
the window's layout at the bottom of the window, never in the scrolling column.
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.datasets import DATASETS
from epochviz.core.mlp import ACTIVATIONS
from epochviz.core.engine.session import RunConfig
from epochviz.core.settings import SETTINGS
from epochviz.qt.widgets.frame_throttle import OncePerFrame
from epochviz.qt.panel.memory_meter import MemoryMeter
from epochviz.qt.panel.transport import DEFAULT_SPEED, SPEEDS, TransportBar  # noqa: F401 - the speeds, re-exported
from epochviz.qt.widgets.number_box import IntBox, RealBox
from epochviz.qt.widgets.sliders import LadderSlider, batch_ladder, round_ladder
from epochviz.qt.widgets.wheel_guard import guard_wheel
from epochviz.text.translations import translate

LR_LADDER = round_ladder(0.001, 10.0, (1, 2, 3, 5), integers=False)


def tooltips() -> dict[str, str]:
    """One sentence per term, for the student who hovers, in the current language."""
    return {
        "dataset": translate("controls", "The data the network learns to classify: 2-D point clouds, or 8x8 images "
                                         "of digits."),
        "samples": translate("controls", "N, the dataset size: how many samples one epoch goes through once."),
        "batch": translate("controls", "B, the batch size: how many samples go through the network together in one "
                                       "iteration."),
        "accumulate": translate("controls", "Gradient accumulation: K forward and backward passes of B samples, then "
                                            "one weight update with their mean gradient (an effective batch of K x B "
                                            "that needs the memory of B). 1 = off."),
        "epochs": translate("controls", "How many times the training goes through every sample of the dataset."),
        "shuffle": translate("controls", "Visit the samples in a new random order every epoch."),
        "drop_last": translate("controls", "Skip each epoch's last batch when it is smaller than B (floor instead of "
                                           "ceil)."),
        "lr": translate("controls", "The learning rate: how far each weight update moves the weights along the "
                                    "gradient."),
        "depth": translate("controls", "How many hidden layers the network has between its input and its output."),
        "width": translate("controls", "How many neurons each hidden layer has."),
        "activation": translate("controls", "The function each hidden neuron applies to its input (tanh, ReLU or "
                                            "sigmoid)."),
        "validation": translate("controls", "The share of the samples held out of training (Keras's "
                                            "validation_split): never trained on, their loss is measured at every "
                                            "epoch end. 0 = none."),
    }


def _int_range(name: str) -> tuple[int, int]:
    """The range the panel offers for setting ``name``: the settings table's (for widths, one layer's)."""
    setting = SETTINGS[name]
    return int(setting.low), int(setting.high)


def _named(widget: QWidget, name: str) -> QWidget:
    """``widget`` with its object name (its accessible name comes from ``accessible.py``)."""
    widget.setObjectName(name)
    return widget


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose labels go above their fields when the panel is narrow (a small screen or a projector)."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class ControlPanel(QWidget):
    """All the knobs. ``config_changed(RunConfig)`` fires when the training parameters change.

    A change in a quiet frame is sent at once; a storm of changes (a dragged
    slider, a script) is sent once per frame, the newest (``flush()`` sends it now).
    """

    config_changed = Signal(object)
    notice = Signal(str)  # a typed value was refused or changed, and why

    def __init__(self, config: RunConfig) -> None:
        super().__init__()
        self._unshown = config
        self.setObjectName("controlPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.groups = {key: QGroupBox() for key in ("data", "schedule", "network")}
        self.row_labels: dict[str, QLabel] = {}
        form = _form(self.groups["data"])
        self.dataset = _named(QComboBox(), "datasetCombo")
        for info in DATASETS.values():
            self.dataset.addItem(info.name, info.name)
        self._row(form, "dataset", self.dataset)
        self.samples = LadderSlider(
            round_ladder(int(SETTINGS["samples"].low), int(SETTINGS["samples"].high)), config.samples,
            name="datasetSizeSlider",
            above_max=lambda typed, n: translate(
                "controls", "The window takes at most {n} samples; {typed} became {n}. (epochviz schedule takes "
                            "any N.)").format(n=f"{n:,.0f}", typed=f"{typed:,.0f}"),
        )
        self._row(form, "samples", self.samples)
        self.validation = _named(RealBox("", decimals=2), "validationSplitSpin")
        self.validation.setRange(SETTINGS["validation_split"].low, SETTINGS["validation_split"].high)
        self.validation.setSingleStep(0.05)
        self._validation_split = config.validation_split  # exact: the box shows two decimals
        self._row(form, "validation_split", self.validation)
        layout.addWidget(self.groups["data"])

        form = _form(self.groups["schedule"])
        self.batch = LadderSlider(
            batch_ladder(config.samples), config.batch_size,
            name="batchSizeSlider", box_range=(1, config.samples),
            above_max=lambda typed, n: translate(
                "controls", "Batch size {typed} is more than N = {n}: one full batch of all {n} samples.").format(
                n=f"{n:,.0f}", typed=f"{typed:,.0f}"),
        )
        self._row(form, "batch", self.batch)
        self.memory = MemoryMeter()
        self._row(form, "memory", self.memory)
        self.accumulate = _named(IntBox(""), "accumulateSpin")
        self.accumulate.setRange(*_int_range("accumulate"))
        self._row(form, "accumulate", self.accumulate)
        self.epochs = _named(IntBox(""), "epochsSpin")
        self.epochs.setRange(*_int_range("epochs"))
        self._row(form, "epochs", self.epochs)
        self.shuffle = _named(QCheckBox(), "shuffleCheck")
        self.drop_last = _named(QCheckBox(), "dropLastCheck")
        form.addRow(self.shuffle)
        form.addRow(self.drop_last)
        layout.addWidget(self.groups["schedule"])

        form = _form(self.groups["network"])
        self.lr = LadderSlider(
            LR_LADDER, config.lr, name="learningRateSlider",
            decimals=4, box_range=(SETTINGS["lr"].low, SETTINGS["lr"].high),
        )
        self._row(form, "lr", self.lr)
        shape = QHBoxLayout()
        self.depth = _named(IntBox(""), "hiddenLayersSpin")
        self.depth.setRange(0, SETTINGS["hidden"].count)
        self.width = _named(IntBox(""), "hiddenWidthSpin")
        self.width.setRange(*_int_range("hidden"))
        shape.addWidget(self.depth)
        shape.addWidget(self.width)
        self._row(form, "hidden", shape)
        self.activation = _named(QComboBox(), "activationCombo")
        self.activation.addItems(ACTIVATIONS)
        self._row(form, "activation", self.activation)
        layout.addWidget(self.groups["network"])

        self.transport = TransportBar()  # placed at the bottom of the window by its layout
        t = self.transport
        self.play, self.step, self.step_epoch, self.reset, self.speed = t.play, t.step, t.step_epoch, t.reset, t.speed
        self.retranslate()
        guard_wheel(self)  # the wheel scrolls the panel; it changes only the control with the focus

        self._changes = OncePerFrame(self)
        self._changes.due.connect(self._send_changes)
        for source in (self.samples, self.batch, self.lr, self.epochs, self.accumulate, self.depth, self.width,
                       self.validation):
            source.notice.connect(self.notice)
        self.set_config(config)
        self.samples.valueChanged.connect(self._on_samples)
        self.validation.valueChanged.connect(self._on_validation)
        for signal in (
            self.dataset.currentIndexChanged, self.batch.valueChanged, self.epochs.valueChanged,
            self.accumulate.valueChanged,
            self.shuffle.toggled, self.drop_last.toggled, self.lr.valueChanged,
            self.depth.valueChanged, self.width.valueChanged, self.activation.currentIndexChanged,
        ):
            signal.connect(self._emit)

    def show_playing(self, playing: bool) -> None:
        """The Play button says what it will do: Play when paused, Pause while playing."""
        self.transport.show_playing(playing)

    def _row(self, form: QFormLayout, key: str, field: QWidget | QHBoxLayout) -> None:
        self.row_labels[key] = label = QLabel()
        form.addRow(label, field)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """Every word of the panel in the current language (at start, and when the language changes)."""
        for key, title in (("data", translate("controls", "Data")), ("schedule", translate("controls", "Schedule")),
                           ("network", translate("controls", "Network"))):
            self.groups[key].setTitle(title)
        labels = {
            "dataset": translate("controls", "Dataset"), "samples": translate("controls", "Samples N"),
            "batch": translate("controls", "Batch size B"), "memory": translate("controls", "Memory"),
            "accumulate": translate("controls", "Accumulate K"), "epochs": translate("controls", "Epochs"),
            "lr": translate("controls", "Learning rate"), "hidden": translate("controls", "Hidden"),
            "activation": translate("controls", "Activation"),
            "validation_split": translate("controls", "Validation split"),
        }
        for key, text in labels.items():
            self.row_labels[key].setText(text)
        for box, name in ((self.samples, translate("controls", "Dataset size N")),
                          (self.batch, translate("controls", "Batch size B")),
                          (self.accumulate, translate("controls", "Accumulate K")),
                          (self.epochs, translate("controls", "Epochs")),
                          (self.lr, translate("controls", "Learning rate")),
                          (self.depth, translate("controls", "Hidden layers")),
                          (self.width, translate("controls", "Neurons per hidden layer")),
                          (self.validation, translate("controls", "Validation split"))):
            (box.retranslate if isinstance(box, LadderSlider) else box.set_label)(name)
        for i, info in enumerate(DATASETS.values()):
            self.dataset.setItemText(i, translate("datasets", info.name))
            self.dataset.setItemData(i, translate("datasets", info.description), Qt.ItemDataRole.ToolTipRole)
        self.accumulate.setSuffix(translate("controls", " batches"))
        self.accumulate.setSpecialValueText(translate("controls", "1 (off)"))  # never "1 batches"
        self.depth.setSuffix(translate("controls", " layers"))
        self.width.setSuffix(translate("controls", " wide"))
        self.shuffle.setText(translate("controls", "Shuffle every epoch"))
        self.drop_last.setText(translate("controls", "Drop last partial batch"))
        self.transport.retranslate()
        for widget, words in tooltips().items():
            getattr(self, widget).setToolTip(words)

    def set_config(self, config: RunConfig) -> None:
        """Show ``config`` in the widgets without emitting ``config_changed``."""
        widgets = (self.dataset, self.samples, self.batch, self.accumulate, self.epochs, self.shuffle,
                   self.drop_last, self.lr, self.depth, self.width, self.activation,
                   self.validation)
        with ExitStack() as quiet:  # each blocker gives its widget back as it was, even if a setter raises
            for w in widgets:
                quiet.enter_context(QSignalBlocker(w))
            self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
            self.samples.setValue(config.samples)
            self.batch.set_ladder(batch_ladder(config.samples), (1, config.samples))
            self.batch.setValue(min(config.batch_size, config.samples))
            self.epochs.setValue(config.epochs)
            self.accumulate.setValue(config.accumulate)
            self.shuffle.setChecked(config.shuffle)
            self.drop_last.setChecked(config.drop_last)
            self.lr.setValue(config.lr)
            self.depth.setValue(len(config.hidden))
            self.width.setValue(config.hidden[0] if config.hidden else 16)
            self.activation.setCurrentText(config.activation)
            self.validation.setValue(config.validation_split)
            self._validation_split = config.validation_split
        for slider in (self.samples, self.batch, self.lr, self.speed):
            slider.flush()  # shown now: a scene or a script reads the widgets next
        self._unshown = config  # what no widget shows (the seed, the momentum) is kept, not reset
        self._config = self.config()
        self._update_memory(self._config)

    def config(self) -> RunConfig:
        """The run the widgets describe (and the settings no widget shows, as last set)."""
        return self._unshown.with_changes(
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
            validation_split=self._validation_split,
        )

    def _on_validation(self, value: float) -> None:
        """The box changed the validation split (it shows two decimals; a scene's exact value stays until then)."""
        self._validation_split = float(value)
        self._emit()

    def _on_samples(self, samples: float) -> None:
        # The batch size can never exceed N: follow N, clamped without a second signal.
        n = int(samples)
        with QSignalBlocker(self.batch):
            self.batch.set_ladder(batch_ladder(n), (1, n))
            self.batch.setValue(min(self.batch.value(), n))
        self._emit()

    def _emit(self, *_: object) -> None:
        """A setting changed: the meter and ``config_changed`` follow now, or at the end of this frame."""
        self._changes.request()

    def flush(self) -> None:
        """Show and send the newest settings now, not at the end of the frame (scripts, tests)."""
        for slider in (self.samples, self.batch, self.lr, self.speed):
            slider.flush()
        self._changes.flush()

    def _send_changes(self) -> None:
        config = self.config()
        self._update_memory(config)
        if config != self._config:
            self._config = config
            self.config_changed.emit(config)

    def _update_memory(self, config: RunConfig) -> None:
        self.memory.set_state(config.widths, min(config.batch_size, config.samples), config.samples,
                              config.accumulate)
