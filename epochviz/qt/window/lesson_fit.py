"""The views and the chart share the room the lesson column leaves them, the chart never below a share.

The chart is kept at least ``CHART_SHARE`` of the window's height (its x-axis
labels readable from the back row). Where the views and the chart do not fit
one above the other, they go side by side (a projector at 150 %): nothing then
needs scrolling. The choice is made from the room there is, never from the
current sizes, so it cannot flip back and forth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from epochviz.qt.charts.loss_plot import MIN_PLOT_HEIGHT, LossPlot
from epochviz.qt.views.views_panel import LearningViews

CHART_SHARE = 0.355  # of the window's height, for the plot itself (the lesson asks for at least 35 %)
CHART_BESIDE = 40  # per cent of the width for the chart beside the views: it needs less than three views


def least_height(widget: QWidget) -> int:
    """The height a layout cannot squeeze ``widget`` below (its minimum, else its minimum size hint)."""
    return widget.minimumHeight() or max(0, widget.minimumSizeHint().height())


class LessonFit(QObject):
    """Watches the lesson column's room; sizes the chart and orients ``pictures`` (views, then chart).

    ``body`` is the column's row that holds ``stack`` (beside the settings and a side panel), whose
    page holds the views' caption and ``emphasis`` (a part a scene shows large) above ``pictures``.
    """

    def __init__(self, column: QWidget, body: QSplitter, stack: QWidget, pictures: QSplitter, views: LearningViews,
                 chart: LossPlot, emphasis: QWidget) -> None:
        super().__init__(column)
        self.column, self.body, self.stack = column, body, stack
        self.pictures, self.views, self.chart, self.emphasis = pictures, views, chart, emphasis
        self._due = QTimer(self, singleShot=True, interval=0)
        self._due.timeout.connect(self.arrange)
        column.installEventFilter(self)
        column.parentWidget().installEventFilter(self)  # the scroll area's viewport: the room there is

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._due.start()  # once, after the layout has settled
        return False

    def _others_height(self) -> int:
        """What the column needs besides its body: captions, readout, counters, margins and spacing."""
        layout = self.column.layout()
        margins = layout.contentsMargins()
        shown = [layout.itemAt(i).widget() for i in range(layout.count())]
        shown = [w for w in shown if w is not None and not w.isHidden()]
        return (margins.top() + margins.bottom() + layout.spacing() * (len(shown) - 1)
                + sum(least_height(w) for w in shown if w is not self.body))

    def _pictures_width(self) -> int:
        """The pictures' width: the body's, less the settings and side panel beside them (either way up)."""
        body = self.body
        beside = [body.widget(i) for i in range(body.count()) if body.widget(i) is not self.stack]
        return body.width() - sum(w.width() + body.handleWidth() for w in beside if not w.isHidden())

    def request(self) -> None:
        """Arrange again once the events now queued are done (after a part was shown or hidden)."""
        self._due.start()

    def arrange(self) -> None:
        """The chart's least height for this window; a part shown large if it leaves room for the lesson;
        the views above the chart if both fit, else beside it."""
        window_height = self.column.window().height()
        plot_least = max(MIN_PLOT_HEIGHT, math.ceil(CHART_SHARE * window_height))
        if self.chart.plot.minimumHeight() != plot_least:
            self.chart.plot.setMinimumHeight(plot_least)
        width = self._pictures_width()
        spacing = self.pictures.parentWidget().layout().spacing()
        above = self.views.caption.height_at(width) + spacing  # the phase caption
        room = self.column.parentWidget().height() - self._others_height() - above  # for views and chart
        plan = None
        if self.emphasis.wanted:
            plan = self._plan(width, room - self.emphasis.height_at(width) - spacing)
            if not plan.fits:
                plan = None
        self.emphasis.setVisible(plan is not None)
        plan = plan or self._plan(width, room)
        if self.chart.minimumWidth() != plan.chart_least_width:
            self.chart.setMinimumWidth(plan.chart_least_width)
        if self.pictures.orientation() != plan.orientation:
            self.pictures.setOrientation(plan.orientation)
            self.pictures.setSizes(plan.sizes)
        self.views.fit_rows(*plan.views)

    def _plan(self, width: int, room: int) -> Plan:
        """How the views and the chart share ``width`` x ``room``: one above the other if they fit so
        (the views in one row, as wide as the pictures), else side by side."""
        handle = self.pictures.handleWidth()
        chart = self.chart.least_height(width)
        if self.views.least_height(width) + chart + handle <= room:
            return Plan(Qt.Orientation.Vertical, [room // 2, room - room // 2], (width, room - chart - handle), 0, True)
        chart_width = max(self.chart.minimumSizeHint().width(), (width - handle) * CHART_BESIDE // 100)
        chart_least_width = 0
        if self.chart.least_height(chart_width) > room:  # a legend on one line, where every line counts
            chart_least_width = self.chart.legend_width()
            chart_width = max(chart_width, chart_least_width)
        views_width = width - handle - chart_width
        views = min(self.views.least_height(views_width), self.views.least_height(views_width, two_rows=True))
        fits = max(views, self.chart.least_height(chart_width)) <= room
        return Plan(Qt.Orientation.Horizontal, [views_width, chart_width], (views_width, room), chart_least_width, fits)


@dataclass(frozen=True)
class Plan:
    """An arrangement of the views and the chart, and whether it fits the room it was made for."""

    orientation: Qt.Orientation
    sizes: list[int]  # the splitter's: views, chart
    views: tuple[int, int]  # the views' width and height
    chart_least_width: int  # 0, or the width that keeps the legend on one line
    fits: bool
