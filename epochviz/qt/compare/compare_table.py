"""Compare mode's table (``compareTable``): one live row per run, what its batch size costs.

It only shows the rows it is given (``core.compare.summary``); the arithmetic lives in the core.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from epochviz.text.compare_text import column_words
from epochviz.core.compare import figure_text
from epochviz.qt.look.palette import RUN_COLOURS

COLUMNS = ("label", "batch", "lr", "updates_per_epoch", "total_updates", "ms_per_update", "samples_per_s",
           "seconds_per_epoch", "memory_per_iteration_bytes", "final_loss", "final_accuracy", "final_val_loss",
           "final_val_accuracy")
VALIDATION_COLUMNS = ("final_val_loss", "final_val_accuracy")  # shown only when the runs hold samples out


class CompareTable(QTableWidget):
    """One row per run; ``show_rows`` refreshes only the cells whose text changed."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("compareTable")
        self.retranslate()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def retranslate(self) -> None:
        words = column_words()
        self.setHorizontalHeaderLabels([words[key][0] for key in COLUMNS])
        for column, key in enumerate(COLUMNS):
            self.horizontalHeaderItem(column).setToolTip(words[key][1])

    def show_rows(self, rows: list[dict]) -> None:
        """Show ``rows`` (summaries with a ``label``), one per run in order."""
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
            self._fit_height()
        held_out = any(row.get("validation_samples") for row in rows)
        for key in VALIDATION_COLUMNS:
            self.setColumnHidden(COLUMNS.index(key), not held_out)
        for r, row in enumerate(rows):
            for c, key in enumerate(COLUMNS):
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
        # Rows as tall as their text needs (Qt's default leaves a third of each empty).
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        rows = max(self.rowCount(), 2)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        self._fit_height()  # a new font size (the projector scale) changes the rows' height
