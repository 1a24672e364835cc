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
from epochviz.qt.compare_plot import COMPARE_AXES, ComparePlot, compare_axis_titles
from epochviz.qt.compare_table import CompareTable
from epochviz.qt.number_box import IntBox
from epochviz.qt.palette import RUN_COLOURS
from epochviz.translations import translate



def axis_choices() -> dict[str, str]:
    """The x-axis menu's entries, in the current language."""
    return {"epochs": translate("compare", "x: epochs"), "iterations": translate("compare", "x: weight updates"),
            "samples": translate("compare", "x: samples seen"), "seconds": translate("compare", "x: training seconds")}


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
        self.check.setAccessibleName(translate("accessible", "Show run {label}").format(label=label))
        self.check.setToolTip(translate("compare", "Show or hide this run's curves (its row stays in the table)"))
        self.check.setChecked(not hidden)
        self.check.setStyleSheet(f"QCheckBox {{ color: {colour}; font-weight: bold; }}")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName(f"compareRemove{index}")
        self.remove.setAccessibleName(translate("accessible", "Remove run {label}").format(label=label))
        self.remove.setToolTip(translate("compare", "Remove this run"))
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
        self.banner = QLabel()  # the comparison stopped by an error (its colours come with the theme)
        self.banner.setObjectName("compareBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # an error's words may come from anywhere
        self.banner.setVisible(False)
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

        self.new_batch = IntBox("")
        self.new_batch.setObjectName("compareNewBatch")
        self.new_batch.setRange(1, 100_000)
        self.new_batch.setValue(128)
        self.add = QPushButton()
        self.add.setObjectName("compareAddButton")
        self.add.clicked.connect(lambda: self.add_requested.emit(int(self.new_batch.value())))
        self.scale_lr = QCheckBox()
        self.scale_lr.setObjectName("scaleLrCheck")
        self.scale_lr.toggled.connect(self.scale_lr_changed)
        self.axis = QComboBox()
        self.axis.setObjectName("compareAxisCombo")
        for key in COMPARE_AXES:
            self.axis.addItem("", key)
        self.axis.currentIndexChanged.connect(lambda: self.axis_changed.emit(self.axis.currentData()))

        tools = QHBoxLayout()
        self.new_run_label = QLabel()
        tools.addWidget(self.new_run_label)
        tools.addWidget(self.new_batch)
        tools.addWidget(self.add)
        tools.addStretch(1)
        tools.addWidget(self.axis)
        self.plot = ComparePlot()
        self.table = CompareTable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.caption)
        layout.addLayout(tools)
        layout.addWidget(self.scale_lr)
        layout.addWidget(legend_box)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the compare screen in the current language (the caption and rows come from the mode)."""
        self.new_batch.set_label(translate("compare", "Batch size of a new run"))
        self.add.setText(translate("compare", "+ Add run"))
        self.add.setToolTip(translate("compare", "Add a run with this batch size ({low} to {high} runs)").format(
            low=MIN_RUNS, high=MAX_RUNS))
        self.scale_lr.setText(translate("compare", "Scale the learning rate with B"))
        self.scale_lr.setToolTip(translate("compare", "The linear scaling rule (Goyal et al., 2017): each run's "
                                                      "learning rate is the first run's times its batch size over "
                                                      "the first run's"))
        titles = compare_axis_titles()
        for i, (key, text) in enumerate(axis_choices().items()):
            self.axis.setItemText(i, text)
            self.axis.setItemData(i, titles[key], Qt.ItemDataRole.ToolTipRole)
        self.new_run_label.setText(translate("compare", "New run: B ="))
        self.plot.retranslate()
        self.table.retranslate()

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
