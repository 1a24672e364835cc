"""The window's widgets and where they go: controls (scrollable) on the left; readout, progress,
banner, then the views above the chart on the right. Sized for the screen it opens on.

``build_window_layout`` makes the widgets and places them in a ``QMainWindow``;
the window itself (``main_window.py``) only wires them together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.engine.session import RunConfig
from epochviz.core.schedule import ScheduleFacts
from epochviz.qt.panel.controls import ControlPanel
from epochviz.qt.panel.glossary import GlossaryCard
from epochviz.qt.charts.loss_plot import LossPlot
from epochviz.qt.views.code_view import CodeView
from epochviz.qt.views.progress_panel import ProgressPanel
from epochviz.qt.look.screen_fit import FillingColumn, fit_to_screen, scrolling
from epochviz.qt.views.views_panel import LearningViews
from epochviz.qt.widgets.worded_label import WordedLabel
from epochviz.text.schedule_text import readout as readout_text

CONTROLS_MAX_WIDTH = 480
CONTROLS_PREFERRED_WIDTH = 400
READOUT_POINT_SIZE = 15


def unbroken_parts(readout: str) -> str:
    """Let a long readout wrap between its ``|``-separated parts and at its ``=`` signs, nowhere else."""
    def unbroken(text: str) -> str:
        return text.replace(" ", "\N{NO-BREAK SPACE}")

    return " | ".join(" = ".join(unbroken(side) for side in part.split(" = ")) for part in readout.split(" | "))


def readout_words(facts: ScheduleFacts) -> Callable[[], str]:
    """The readout of ``facts`` as a ``WordedLabel`` shows it: worded again in each language."""
    return lambda: unbroken_parts(readout_text(facts))


class ControlsArea(QScrollArea):
    """The controls' scroll area: as wide as the controls need, also after their words changed language."""

    def fit_width(self) -> None:
        """As wide as the controls' widgets need (after their words or font changed)."""
        self.setMinimumWidth(0)
        self.setMinimumWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # a LanguageChange reaches every control in here first
        if event.type() == QEvent.Type.LanguageChange:
            self.fit_width()
        return handled


@dataclass
class WindowLayout:
    """The window's parts, as the window and its tests reach them."""

    controls: ControlPanel
    readout: WordedLabel
    banner: WordedLabel
    progress: ProgressPanel
    views: LearningViews
    chart: LossPlot
    glossary: GlossaryCard
    column: FillingColumn  # the results column: call ``fit_labels`` after changing its labels' text
    controls_area: ControlsArea
    splitter: QSplitter | None = None
    results: QSplitter | None = None  # the views above the chart
    stack: QStackedWidget | None = None  # page 0: the one run's results; page 1: compare mode
    compare_toggle: QPushButton | None = None
    code: CodeView | None = None  # the training loop as code: in the chart's place while shown (View > Code)

    def show_code(self, on: bool) -> None:
        """The code view in the chart's place, below the views, or the chart back (in the room it had)."""
        views, chart, code = self.results.sizes()
        self.code.setVisible(on)
        self.chart.setVisible(not on)
        self.results.setSizes([views, 0, chart + code] if on else [views, chart + code, 0])

    def fit_controls(self) -> None:
        """The controls column as wide as its widgets need (after their font changed)."""
        self.controls_area.fit_width()

    def share_width(self, window: QMainWindow) -> None:
        """The results get the room they need first; the controls get what is left, up to 400 px."""
        controls = self.controls_area
        scrollbar = controls.verticalScrollBar().sizeHint().width()
        right_needs = self.column.minimumSizeHint().width() + 2 * scrollbar + 12
        left_gets = max(controls.minimumWidth(),
                        min(CONTROLS_PREFERRED_WIDTH, window.width() - right_needs - self.splitter.handleWidth()))
        self.splitter.setSizes([left_gets, window.width() - left_gets])


def build_window_layout(window: QMainWindow, config: RunConfig) -> WindowLayout:
    """Make the widgets, put them in ``window``, and size it for its screen."""
    readout = WordedLabel("scheduleReadout")
    font = QFont()
    font.setPointSize(READOUT_POINT_SIZE)
    font.setBold(True)
    readout.setFont(font)
    banner = WordedLabel("messageBanner")
    banner.setTextFormat(Qt.TextFormat.PlainText)  # it may quote an error's words, which are not markup
    banner.setVisible(False)  # its colours, like the scene caption's, come with the theme (themes.apply_theme)
    parts = WindowLayout(ControlPanel(config), readout, banner, ProgressPanel(), LearningViews(), LossPlot(),
                         GlossaryCard(), FillingColumn(), ControlsArea())

    right = parts.column
    right.column.setContentsMargins(4, 4, 4, 4)
    for widget in (readout, parts.progress, banner):
        right.column.addWidget(widget)
    results = parts.results = QSplitter(Qt.Orientation.Vertical)  # views above, chart below; drag to resize
    results.addWidget(parts.views)
    results.addWidget(parts.chart)
    parts.code = CodeView()
    parts.code.setVisible(False)  # until View > Code
    results.addWidget(parts.code)
    results.setStretchFactor(0, 1)
    results.setStretchFactor(1, 1)
    results.setSizes([1000, 1000])  # start half and half, whatever the size hints say
    right.column.addWidget(results, 1)

    left = QWidget()
    left_column = QVBoxLayout(left)
    left_column.setContentsMargins(4, 4, 4, 4)
    toggle = parts.compare_toggle = QPushButton("⇆ Compare batch sizes")  # its words: ``CompareMode``
    toggle.setObjectName("compareToggle")
    toggle.setCheckable(True)
    left_column.addWidget(toggle)
    left_column.addWidget(parts.controls)
    left_column.addWidget(parts.glossary)
    left_column.addStretch(1)
    controls = scrolling(left, area=parts.controls_area)
    controls.fit_width()  # as wide as the controls need (labels go above fields when narrow), no wider than useful
    controls.setMaximumWidth(CONTROLS_MAX_WIDTH)
    splitter = parts.splitter = QSplitter()
    splitter.addWidget(controls)
    stack = parts.stack = QStackedWidget()
    stack.addWidget(scrolling(right, horizontal=True))  # scrolls only on a very small screen
    splitter.addWidget(stack)
    splitter.setStretchFactor(1, 1)
    window.setCentralWidget(splitter)
    window.statusBar().showMessage("")  # there from the start: its first message must not shift the layout
    fit_to_screen(window)
    parts.share_width(window)
    return parts
