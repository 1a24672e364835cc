"""Compare mode's table (``compareTable``): one live row per run, what its batch size costs.

It only shows the rows it is given (``core.compare.summary``); the arithmetic lives in the core.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from epochviz.core.compare import figure_text
from epochviz.qt.palette import RUN_COLOURS

COLUMNS = (
    ("Run", "label", "The run's colour in the chart, its batch size and iterations per epoch"),
    ("B", "batch", "Batch size B (K × B when accumulating gradients over K batches)"),
    ("lr", "lr", "Learning rate (scaled with the batch size when the switch is on)"),
    ("it/epoch", "updates_per_epoch", "Iterations (weight updates) per epoch: ceil(N / B)"),
    ("updates", "total_updates", "Weight updates so far"),
    ("ms/it", "ms_per_update", "Compute milliseconds per iteration (forward, backward, update)"),
    ("samples/s", "samples_per_s", "Samples trained per second of compute: bigger batches use numpy better"),
    ("s/epoch", "seconds_per_epoch", "Compute seconds per epoch = iterations per epoch × time per iteration"),
    ("memory/it", "memory_per_iteration_bytes", "Memory one iteration needs (inputs, activations, gradients, weights)"),
    ("loss", "final_loss", "Whole-dataset loss at the last epoch end"),
    ("accuracy", "final_accuracy", "Whole-dataset accuracy at the last epoch end"),
)


class CompareTable(QTableWidget):
    """One row per run; ``show_rows`` refreshes only the cells whose text changed."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("compareTable")
        self.setAccessibleName("What each batch size costs")
        self.setHorizontalHeaderLabels([title for title, _, _ in COLUMNS])
        for column, (_, _, tip) in enumerate(COLUMNS):
            self.horizontalHeaderItem(column).setToolTip(tip)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_rows(self, rows: list[dict]) -> None:
        """Show ``rows`` (summaries with a ``label``), one per run in order."""
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
            self._fit_height()
        for r, row in enumerate(rows):
            for c, (_, key, _) in enumerate(COLUMNS):
                text = figure_text(key, row)
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                    self.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
            self.item(r, 0).setForeground(QBrush(RUN_COLOURS[r % len(RUN_COLOURS)]))

    def _fit_height(self) -> None:
        rows = max(self.rowCount(), 2)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        self._fit_height()  # a new font size (the projector scale) changes the rows' height
