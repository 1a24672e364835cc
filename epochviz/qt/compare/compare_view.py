"""Compare mode's screen: the runs (a legend that hides and removes), the overlaid chart and the table.

It only draws what it is told (``show_runs``, ``show_rows``) and reports what
the user asks for as signals; ``qt.compare_mode`` decides what happens.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
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

from epochviz.core.compare import LR_RULES, MAX_RUNS, MIN_RUNS
from epochviz.qt.compare.compare_plot import COMPARE_AXES, ComparePlot, compare_axis_titles
from epochviz.qt.compare.compare_table import CompareTable
from epochviz.qt.widgets.number_box import IntBox
from epochviz.qt.widgets.worded_label import WordedLabel
from epochviz.qt.look.palette import RUN_COLOURS
from epochviz.text.translations import translate



def axis_choices() -> dict[str, str]:
    """The x-axis menu's entries, in the current language."""
    return {"epochs": translate("compare", "x: epochs"), "iterations": translate("compare", "x: weight updates"),
            "samples": translate("compare", "x: samples seen"), "seconds": translate("compare", "x: training seconds")}


def lr_rule_choices() -> dict[str, str]:
    """The learning-rate menu's entries (``core.compare.LR_RULES``), in the current language."""
    return {"sqrt": translate("compare", "Learning rate per run: lr × √(B / 32), at most 1 (stable for each batch "
                                         "size)"),
            "same": translate("compare", "Learning rate per run: the same lr for every run"),
            "linear": translate("compare", "Learning rate per run: lr × B / the first run's B (linear scaling "
                                           "rule)")}


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
        self._sheet = f"QCheckBox {{ color: {colour}; font-weight: bold; }}"
        self.check.setStyleSheet(self._sheet)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName(f"compareRemove{index}")
        self.remove.setAccessibleName(translate("accessible", "Remove run {label}").format(label=label))
        self.remove.setToolTip(translate("compare", "Remove this run"))
        self.remove.setEnabled(removable)
        row.addWidget(self.check)
        row.addWidget(self.remove)

    def show_controls(self, on: bool) -> None:
        """Show or hide the check box and the remove button: without them the chip is a plain legend entry."""
        self.remove.setVisible(on)
        self.check.setStyleSheet(self._sheet if on else self._sheet.replace("}", "spacing: 0; }")
                                 + " QCheckBox::indicator { width: 0; height: 0; }")
        self.layout().setContentsMargins(0, 0, 8 if on else 16, 0)


class CompareView(QWidget):
    """The compare screen. Signals carry the user's requests; nothing here changes a run."""

    add_requested = Signal(int)
    remove_requested = Signal(int)
    hidden_changed = Signal(int, bool)
    lr_rule_changed = Signal(str)
    axis_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("compareView")
        self.banner = WordedLabel("compareBanner")  # the comparison stopped by an error (colours: the theme's)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)  # an error's words may come from anywhere
        self.banner.setVisible(False)
        self.caption = QLabel()
        self.caption.setObjectName("compareCaption")
        self.caption.setWordWrap(True)
        self.chips: list[RunChip] = []
        self._tools_shown = True
        self.legend = QGridLayout()  # as many runs a row as fit (one on a projector at 150 %)
        self._legend_columns = 2
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
        self.lr_rule = QComboBox()
        self.lr_rule.setObjectName("lrRuleCombo")
        for key in LR_RULES:
            self.lr_rule.addItem("", key)
        # Its longest entry never holds the screen open: the box takes the room there is.
        self.lr_rule.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lr_rule.setMinimumContentsLength(12)
        self.lr_rule.currentIndexChanged.connect(lambda: self.lr_rule_changed.emit(self.lr_rule.currentData()))
        self.warning = QLabel()  # plain words when a run diverged or got worse than it began
        self.warning.setObjectName("compareWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.RichText)
        self.warning.setVisible(False)
        self.axis = QComboBox()
        self.axis.setObjectName("compareAxisCombo")
        for key in COMPARE_AXES:
            self.axis.addItem("", key)
        self.axis.currentIndexChanged.connect(lambda: self.axis_changed.emit(self.axis.currentData()))

        self.tools = QWidget()  # what sets up the comparison: the presentation view leaves it out
        self.tools.setObjectName("compareTools")
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        self.new_run_label = QLabel()
        tools.addWidget(self.new_run_label)
        tools.addWidget(self.new_batch)
        tools.addWidget(self.add)
        tools.addStretch(1)
        tools.addWidget(self.axis)
        self.plot = ComparePlot()
        self.table = CompareTable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.caption)
        layout.addWidget(self.tools)
        layout.addWidget(self.lr_rule)
        layout.addWidget(legend_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.table)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """Every word of the compare screen in the current language (the caption and rows come from the mode)."""
        self.new_batch.set_label(translate("compare", "Batch size of a new run"))
        self.add.setText(translate("compare", "+ Add run"))
        self.add.setToolTip(translate("compare", "Add a run with this batch size ({low} to {high} runs)").format(
            low=MIN_RUNS, high=MAX_RUNS))
        for i, text in enumerate(lr_rule_choices().values()):
            self.lr_rule.setItemText(i, text)
        self.lr_rule.setToolTip(translate("compare", "How each run's learning rate follows from the one set in the "
                                                     "panel: a batch of 1 needs a smaller step than a batch of N"))
        titles = compare_axis_titles()
        for i, (key, text) in enumerate(axis_choices().items()):
            self.axis.setItemText(i, text)
            self.axis.setItemData(i, titles[key], Qt.ItemDataRole.ToolTipRole)
        self.new_run_label.setText(translate("compare", "New run: B ="))

    def show_tools(self, on: bool) -> None:
        """Show or hide what sets up the comparison (add or remove a run, the learning-rate rule, the x axis)."""
        self._tools_shown = on
        self.tools.setVisible(on)
        self.lr_rule.setVisible(on)
        for chip in self.chips:
            chip.show_controls(on)
        self._fit_legend(self.width())

    def show_warnings(self, sentences: list[str]) -> None:
        """Say in plain words which runs went wrong (one sentence each); nothing shown when none did."""
        text = "<br>".join(f"⚠ {html.escape(sentence)}" for sentence in sentences)
        if self.warning.text() != text:
            self.warning.setText(text)
            self.warning.setVisible(bool(sentences))

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
            chip.show_controls(self._tools_shown)
            self.chips.append(chip)
        self._legend_columns = 0  # placed afresh, in as many columns as fit
        self._fit_legend(self.width())
        self.add.setEnabled(len(labels) < MAX_RUNS)
        self.new_batch.setRange(1, max_samples)

    def _place_chips(self) -> None:
        """Lay the chips out in rows of ``_legend_columns``."""
        for chip in self.chips:
            self.legend.removeWidget(chip)
        k = self._legend_columns
        for column in range(MAX_RUNS + 1):
            self.legend.setColumnStretch(column, 1 if column == k else 0)  # the chips keep to the left
        for i, chip in enumerate(self.chips):
            self.legend.addWidget(chip, i // k, i % k, Qt.AlignmentFlag.AlignLeft)

    def _fit_legend(self, width: int) -> None:
        """As many runs a row as fit ``width`` (every run in one row where they all fit)."""
        widest = sorted((chip.layout().sizeHint().width() for chip in self.chips), reverse=True)
        columns = max([k for k in range(1, len(widest) + 1) if sum(widest[:k]) + 8 * k <= width - 8] or [1])
        if columns != self._legend_columns:
            self._legend_columns = columns
            self._place_chips()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fit_legend(event.size().width())
        super().resizeEvent(event)
