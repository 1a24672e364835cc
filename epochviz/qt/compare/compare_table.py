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
# Where the table is narrower than its columns (1024x768 beside the settings), these go first, in this
# order: the lesson's columns (B, updates per epoch, updates, loss, accuracy) stay, with no scrolling.
SPARE_COLUMNS = ("ms_per_update", "seconds_per_epoch", "samples_per_s", "memory_per_iteration_bytes", "lr")
LABEL_LEAST_CHARS = 12  # the run's label keeps at least this many characters' room


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
        self.held_out = False  # whether the runs hold samples out (their validation columns show)
        self.dropped: tuple[str, ...] = ()  # the spare columns left out for want of width

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
        self.held_out = any(row.get("validation_samples") for row in rows)
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
        self.fit_width()

    def _needs(self, key: str) -> int:
        column = COLUMNS.index(key)
        if column == 0:
            return self.fontMetrics().horizontalAdvance("x") * LABEL_LEAST_CHARS
        return max(self.sizeHintForColumn(column), self.horizontalHeader().sectionSizeHint(column))

    def fit_width(self) -> None:
        """Leave out the spare columns, one by one, until the others fit the table's width (none scroll)."""
        shown = [key for key in COLUMNS if self.held_out or key not in VALIDATION_COLUMNS]
        room = self.viewport().width()
        dropped = []
        for key in SPARE_COLUMNS:
            if sum(self._needs(k) for k in shown) <= room:
                break
            shown.remove(key)
            dropped.append(key)
        self.dropped = tuple(dropped)
        for column, key in enumerate(COLUMNS):
            hidden = key not in shown
            if self.isColumnHidden(column) != hidden:
                self.setColumnHidden(column, hidden)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_width()

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
        self._fit_height()
        self.fit_width()  # a new font size (the projector scale) changes the rows' height
