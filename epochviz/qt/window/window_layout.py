"""The window's widgets and where they go: the lesson on one screen, the settings beside it.

    the scene caption (the tour's), the arithmetic readout, the progress bars and counters
    ┌ settings  ┐┌ phase caption; a part a scene shows large    ┐┌ side panel   ┐
    │ (F4;      ││ data grid, network, boundary                 ││ (the code;   │
    │ scrolls)  ││ loss chart (or beside the views)             ││ optional)    │
    transport bar: Play/Pause, Step, Step epoch, Reset, speed (never scrolled away)

The header spans the window, so the readout takes one line where it can; the
views and the chart share what is left (``lesson_fit``), the chart never less
than 35 % of the window's height. ``build_window_layout`` makes the widgets and
places them in a ``QMainWindow``; the window itself (``main_window.py``) only
wires them together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
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
from epochviz.qt.charts.loss_plot import LossPlot
from epochviz.qt.look.screen_fit import FillingColumn, fit_to_screen, scrolling
from epochviz.qt.panel.controls import ControlPanel
from epochviz.qt.panel.glossary import GlossaryCard
from epochviz.qt.panel.transport import TransportBar
from epochviz.qt.views.code_view import CodeView
from epochviz.qt.views.progress_panel import ProgressPanel
from epochviz.qt.views.views_panel import LearningViews
from epochviz.qt.widgets.worded_label import WordedLabel
from epochviz.qt.window.lesson_fit import LessonFit
from epochviz.text.schedule_text import readout as readout_text

CONTROLS_MAX_WIDTH = 480
CONTROLS_PREFERRED_WIDTH = 400
READOUT_POINT_SIZE = 15
SPACING = 4  # between the lesson's parts: every pixel counts on a projector at 150 %


def unbroken_parts(readout: str) -> str:
    """Let a long readout wrap between its ``|``-separated parts and at its ``=`` signs, nowhere else."""
    def unbroken(text: str) -> str:
        return text.replace(" ", "\N{NO-BREAK SPACE}")

    return " | ".join(" = ".join(unbroken(side) for side in part.split(" = ")) for part in readout.split(" | "))


def readout_words(facts: ScheduleFacts) -> Callable[[], str]:
    """The readout of ``facts`` as a ``WordedLabel`` shows it: worded again in each language."""
    return lambda: unbroken_parts(readout_text(facts))


class ControlsArea(QScrollArea):
    """The settings' scroll area: as wide as the controls need, also after their words changed language."""

    def fit_width(self) -> None:
        """As wide as the controls' widgets need (after their words or font changed)."""
        self.setMinimumWidth(0)
        self.setMinimumWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # a LanguageChange reaches every control in here first
        if event.type() == QEvent.Type.LanguageChange:
            self.fit_width()
        return handled


class EmphasisRoom(QWidget):
    """The strip above the views and the chart where a scene shows one part large (``Presentation.emphasise``).

    As tall as its part needs at its width: the lesson column's layout does not ask its words' heights.
    ``lesson_fit`` shows it when it is ``wanted`` and leaves the views and the chart their room.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("emphasisRoom")
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)
        self.wanted = False  # a scene asks for a part here; it shows where it leaves room for the lesson

    def height_at(self, width: int) -> int:
        """Its height at ``width`` (0 when it holds nothing)."""
        layout = self.layout()
        if layout.count() == 0:
            return 0
        return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalMinimumSize().height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # its part's words changed: their height may too
            self.fit()
        return super().event(event)

    def fit(self) -> None:
        """Take the height its part needs at the current width."""
        height = self.height_at(self.width())
        if height and height != self.height():
            self.setFixedHeight(height)


@dataclass
class WindowLayout:
    """The window's parts, as the window, its tests and the presentation view reach them."""

    controls: ControlPanel
    readout: QLabel
    banner: QLabel
    progress: ProgressPanel
    views: LearningViews
    chart: LossPlot
    glossary: GlossaryCard
    column: FillingColumn  # the lesson column: call ``fit_labels`` after changing its labels' text
    controls_area: ControlsArea
    transport: TransportBar
    run_header: FillingColumn = field(default_factory=FillingColumn)  # readout, progress, banner: one run's
    settings: QWidget = field(default_factory=QWidget)  # the settings column (the compare toggle, the panel)
    splitter: QSplitter | None = None  # the body: settings | results or compare | side panel
    results: QSplitter | None = None  # the body as a whole: what a black screen hides
    pictures: QSplitter | None = None  # the views and the chart, one above (or beside) the other
    stack: QStackedWidget | None = None  # page 0: the one run's pictures; page 1: compare mode
    compare_toggle: QPushButton | None = None
    emphasis: EmphasisRoom = field(default_factory=EmphasisRoom)  # a part a scene shows large
    side: QWidget = field(default_factory=QWidget)  # beside the lesson: a panel such as the code
    screen: QWidget = field(default_factory=QWidget)  # the central widget: lesson column and transport bar
    fit: LessonFit | None = None
    code: CodeView | None = None  # the training loop as code: the side panel, beside the lesson (View > Code)

    def fit_controls(self) -> None:
        """The settings column as wide as its widgets need (after their words or font changed)."""
        self.controls_area.fit_width()

    def show_code(self, on: bool) -> None:
        """The code view beside the lesson (the chart stays), or not."""
        self.show_side_panel(on)

    def share_width(self, window: QMainWindow) -> None:
        """The lesson gets the room it needs first; the settings get what is left, up to 400 px."""
        controls = self.controls_area
        if controls.isHidden():
            return
        right_needs = self.stack.minimumSizeHint().width() + 12
        if not self.side.isHidden():
            right_needs += self.side.minimumSizeHint().width()
        left_gets = max(controls.minimumWidth(),
                        min(CONTROLS_PREFERRED_WIDTH, window.width() - right_needs - self.splitter.handleWidth()))
        side = self.splitter.sizes()[2]  # 0 while the side panel is hidden
        self.splitter.setSizes([left_gets, max(0, window.width() - left_gets - side), side])

    def set_side_panel(self, panel: QWidget) -> None:
        """Put ``panel`` beside the lesson (the code view), hidden until ``show_side_panel(True)``."""
        holder = self.side.layout()
        while holder.count():
            holder.takeAt(0).widget().setParent(None)
        holder.addWidget(panel)

    def show_side_panel(self, on: bool) -> None:
        """Show or hide the side panel (in the normal and the presentation view alike); shown, it takes
        nine twentieths of the lesson's width, at least what it needs."""
        shown = on and self.side.layout().count() > 0
        self.side.setVisible(shown)
        if shown:
            settings, lesson, side = self.splitter.sizes()
            settings = 0 if self.controls_area.isHidden() else settings
            room = self.splitter.width() - settings - 2 * self.splitter.handleWidth()
            side = max(self.side.minimumSizeHint().width(), room * 9 // 20)
            self.splitter.setSizes([settings, max(0, room - side), side])


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _readout() -> QLabel:
    readout = WordedLabel("scheduleReadout")
    font = QFont()
    font.setPointSize(READOUT_POINT_SIZE)
    font.setBold(True)
    readout.setFont(font)
    return readout


def _settings_column(parts: WindowLayout) -> QScrollArea:
    """The compare toggle, the settings and the three words, in a column that scrolls."""
    left = parts.settings
    column = QVBoxLayout(left)
    column.setContentsMargins(4, 4, 4, 4)
    toggle = parts.compare_toggle = QPushButton("⇆ Compare batch sizes")  # its words: ``CompareMode``
    toggle.setObjectName("compareToggle")
    toggle.setCheckable(True)
    column.addWidget(toggle)
    column.addWidget(parts.controls)
    column.addWidget(parts.glossary)
    column.addStretch(1)
    area = scrolling(left, area=parts.controls_area)
    area.setObjectName("settingsColumn")
    area.fit_width()  # as wide as the controls need (labels go above fields when narrow), no wider than useful
    area.setMaximumWidth(CONTROLS_MAX_WIDTH)
    return area


def _pictures(parts: WindowLayout) -> QWidget:
    """The phase caption and a scene's emphasised part across the views and the chart, which stand one
    above the other (or side by side: ``lesson_fit``); drag to resize."""
    pictures = parts.pictures = QSplitter(Qt.Orientation.Vertical)
    pictures.setObjectName("pictures")
    pictures.setChildrenCollapsible(False)
    pictures.addWidget(parts.views)
    pictures.addWidget(parts.chart)
    pictures.setStretchFactor(0, 1)
    pictures.setStretchFactor(1, 1)
    pictures.setSizes([1000, 1000])  # start half and half, whatever the size hints say
    area = QWidget()
    area.setObjectName("picturesArea")
    column = QVBoxLayout(area)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(SPACING)
    column.addWidget(parts.views.caption)
    column.addWidget(parts.emphasis)
    column.addWidget(pictures, 1)
    return area


def _body(parts: WindowLayout) -> QSplitter:
    """Settings | the lesson's pictures (or compare mode) | a side panel."""
    stack = parts.stack = QStackedWidget()
    stack.addWidget(_pictures(parts))
    QVBoxLayout(parts.side).setContentsMargins(0, 0, 0, 0)
    parts.side.setObjectName("sidePanel")
    parts.side.setVisible(False)
    body = parts.splitter = parts.results = QSplitter()
    body.setObjectName("lessonBody")
    body.setChildrenCollapsible(False)
    body.addWidget(_settings_column(parts))
    body.addWidget(stack)
    body.addWidget(parts.side)
    body.setStretchFactor(1, 1)
    # One run's readout and counters make no sense over a comparison: compare mode shows its own.
    stack.currentChanged.connect(lambda page: parts.run_header.setVisible(page == 0))
    return body


def _header(parts: WindowLayout) -> FillingColumn:
    header = parts.run_header
    header.setObjectName("runHeader")
    header.column.setContentsMargins(0, 0, 0, 0)
    header.column.setSpacing(SPACING)
    for widget in (parts.readout, parts.progress, parts.banner):
        header.column.addWidget(widget)
    return header


def build_window_layout(window: QMainWindow, config: RunConfig) -> WindowLayout:
    """Make the widgets, put them in ``window``, and size it for its screen."""
    banner = WordedLabel("messageBanner")
    banner.setTextFormat(Qt.TextFormat.PlainText)  # it may quote an error's words, which are not markup
    banner.setVisible(False)  # its colours, like the scene caption's, come with the theme (themes.apply_theme)
    controls = ControlPanel(config)
    parts = WindowLayout(controls, _readout(), banner, ProgressPanel(), LearningViews(), LossPlot(),
                         GlossaryCard(), FillingColumn(), ControlsArea(), controls.transport)
    parts.code = CodeView()  # the side panel, shown by View > Code
    column = parts.column
    column.setObjectName("lessonColumn")
    column.column.setContentsMargins(4, 4, 4, 4)
    column.column.setSpacing(SPACING)
    column.column.addWidget(_header(parts))  # the tour puts its scene caption above it
    column.column.addWidget(_body(parts), 1)
    parts.set_side_panel(parts.code)
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setFrameShadow(QFrame.Shadow.Sunken)
    screen = parts.screen
    screen.setObjectName("lessonScreen")
    stacked = QVBoxLayout(screen)
    stacked.setContentsMargins(0, 0, 0, 0)
    stacked.setSpacing(0)
    lesson = scrolling(column, horizontal=True)  # scrolls only on a very small screen
    # No vertical scroll bar: one that came and went while the parts settled took its width from the
    # captions, which then needed another line, and kept the bar (the wheel still scrolls a tiny screen).
    lesson.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    stacked.addWidget(lesson, 1)
    stacked.addWidget(rule)
    stacked.addWidget(parts.transport)  # outside every scrolling column: always on screen
    window.setCentralWidget(screen)
    window.statusBar().showMessage("")  # there from the start: its first message must not shift the layout
    parts.fit = LessonFit(parts.column, parts.splitter, parts.stack, parts.pictures, parts.views, parts.chart,
                          parts.emphasis)
    fit_to_screen(window)
    parts.share_width(window)
    return parts
