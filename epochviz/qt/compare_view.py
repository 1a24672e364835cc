"""Compare mode's screen: the runs (a legend that hides and removes), the overlaid chart and the table.

It only draws what it is told (``show_runs``, ``show_rows``) and reports what
the user asks for as signals; ``qt.compare_mode`` decides what happens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.compare import MAX_RUNS, MIN_RUNS
from epochviz.qt.compare_plot import COMPARE_AXES, ComparePlot
from epochviz.qt.compare_table import CompareTable
from epochviz.qt.number_box import IntBox
from epochviz.qt.palette import RUN_COLOURS

AXIS_CHOICES = (("epochs", "x: epochs"), ("iterations", "x: weight updates"), ("samples", "x: samples seen"),
                ("seconds", "x: training seconds"))


class RunChip(QWidget):
    """One run in the legend: a check box in the run's colour (shown or hidden) and a remove button."""

    def __init__(self, index: int, label: str, hidden: bool, removable: bool) -> None:
        super().__init__()
        colour = RUN_COLOURS[index % len(RUN_COLOURS)].name()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(2)
        self.check = QCheckBox(f"━━ {label}")
        self.check.setObjectName(f"compareRun{index}")
        self.check.setAccessibleName(f"Show run {label}")
        self.check.setToolTip("Show or hide this run's curves (its row stays in the table)")
        self.check.setChecked(not hidden)
        self.check.setStyleSheet(f"QCheckBox {{ color: {colour}; font-weight: bold; }}")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName(f"compareRemove{index}")
        self.remove.setAccessibleName(f"Remove run {label}")
        self.remove.setToolTip("Remove this run")
        self.remove.setEnabled(removable)
        row.addWidget(self.check)
        row.addWidget(self.remove)


class CompareView(QWidget):
    """The compare screen. Signals carry the user's requests; nothing here changes a run."""

    add_requested = Signal(int)
    remove_requested = Signal(int)
    hidden_changed = Signal(int, bool)
    scale_lr_changed = Signal(bool)
    axis_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("compareView")
        self.caption = QLabel()
        self.caption.setObjectName("compareCaption")
        self.caption.setWordWrap(True)
        self.chips: list[RunChip] = []
        self.legend = QGridLayout()  # two runs a row, or one where two do not fit (a projector at 150 %)
        self._legend_columns = 2
        self.legend.setColumnStretch(2, 1)  # the chips keep to the left
        self.legend.setContentsMargins(0, 0, 0, 0)
        self.legend.setHorizontalSpacing(4)
        legend_box = QWidget()
        legend_box.setObjectName("compareLegend")
        legend_box.setLayout(self.legend)
        # Its width never holds the screen open: it takes one column of runs where two do not fit.
        legend_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.new_batch = IntBox("Batch size of a new run")
        self.new_batch.setObjectName("compareNewBatch")
        self.new_batch.setRange(1, 100_000)
        self.new_batch.setValue(128)
        self.add = QPushButton("+ Add run")
        self.add.setObjectName("compareAddButton")
        self.add.setToolTip(f"Add a run with this batch size ({MIN_RUNS} to {MAX_RUNS} runs)")
        self.add.clicked.connect(lambda: self.add_requested.emit(int(self.new_batch.value())))
        self.scale_lr = QCheckBox("Scale the learning rate with B")
        self.scale_lr.setObjectName("scaleLrCheck")
        self.scale_lr.setToolTip("The linear scaling rule (Goyal et al., 2017): each run's learning rate is the "
                                 "first run's times its batch size over the first run's")
        self.scale_lr.toggled.connect(self.scale_lr_changed)
        self.axis = QComboBox()
        self.axis.setObjectName("compareAxisCombo")
        self.axis.setAccessibleName("x axis of the comparison")
        for key, text in AXIS_CHOICES:
            self.axis.addItem(text, key)
            self.axis.setItemData(self.axis.count() - 1, COMPARE_AXES[key], Qt.ItemDataRole.ToolTipRole)
        self.axis.currentIndexChanged.connect(lambda: self.axis_changed.emit(self.axis.currentData()))

        tools = QHBoxLayout()
        tools.addWidget(QLabel("New run: B ="))
        tools.addWidget(self.new_batch)
        tools.addWidget(self.add)
        tools.addStretch(1)
        tools.addWidget(self.axis)
        self.plot = ComparePlot()
        self.table = CompareTable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addLayout(tools)
        layout.addWidget(self.scale_lr)
        layout.addWidget(legend_box)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.table)

    def show_runs(self, labels: list[str], hidden: set[int], max_samples: int) -> None:
        """One legend chip per run, in order; add and remove enabled within 2 to 4 runs."""
        for chip in self.chips:
            self.legend.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for i, label in enumerate(labels):
            chip = RunChip(i, label, i in hidden, removable=len(labels) > MIN_RUNS)
            chip.check.toggled.connect(lambda on, i=i: self.hidden_changed.emit(i, not on))
            chip.remove.clicked.connect(lambda _=False, i=i: self.remove_requested.emit(i))
            self.chips.append(chip)
        self._place_chips()
        self.add.setEnabled(len(labels) < MAX_RUNS)
        self.new_batch.setRange(1, max_samples)

    def _place_chips(self) -> None:
        """Lay the chips out in rows of ``_legend_columns``."""
        for chip in self.chips:
            self.legend.removeWidget(chip)
        k = self._legend_columns
        for i, chip in enumerate(self.chips):
            self.legend.addWidget(chip, i // k, i % k, Qt.AlignmentFlag.AlignLeft)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        pair = sum(sorted((c.sizeHint().width() for c in self.chips), reverse=True)[:2]) + 16
        columns = 2 if event.size().width() >= pair else 1
        if columns != self._legend_columns:
            self._legend_columns = columns
            self._place_chips()
        super().resizeEvent(event)
