"""Is the lesson on one screen? Measures named widgets as they are seen: clipped by the window and
by every widget (scroll areas' viewports included) that holds them.

Used by the layout tests in this process and in a subprocess (another ``QT_SCALE_FACTOR``);
it imports no test framework.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QRect
from PySide6.QtWidgets import QApplication, QWidget

LESSON_PARTS = ("playButton", "scheduleReadout", "datasetView", "networkView", "lossPlot")
COMPARE_PARTS = ("playButton", "comparePlot", "compareTable")
CHART_SHARE = 0.35  # of the window's height, for the loss chart's plot
WHOLE = 0.999  # a part is on screen when this share of it is


def seen_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` that shows, in window coordinates: clipped by each widget that holds it."""
    rect, current = widget.rect(), widget
    while not current.isWindow():
        rect = rect.translated(current.pos()).intersected(current.parentWidget().rect())
        current = current.parentWidget()
    return rect


def seen_share(widget: QWidget) -> float:
    """How much of ``widget``'s area shows (0 to 1)."""
    rect = seen_rect(widget)
    if rect.isEmpty():
        return 0.0
    return rect.width() * rect.height() / max(1, widget.width() * widget.height())


def settle(rounds: int = 30) -> None:
    """Let layouts and deferred arrangements finish."""
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def problems(window: QWidget, names: tuple[str, ...], chart: str | None = "lossPlot") -> list[str]:
    """What keeps ``names`` from lying wholly on screen in ``window``, and ``chart`` from its share of the height."""
    found = []
    for name in names:
        widget = window.findChild(QWidget, name)
        if widget is None or not widget.isVisible():
            found.append(f"{name} not shown")
            continue
        share = seen_share(widget)
        if share < WHOLE:
            found.append(f"{name} {share:.0%} on screen")
        if name == chart and seen_rect(widget).height() < CHART_SHARE * window.height():
            found.append(f"{name} {seen_rect(widget).height() / window.height():.0%} of the window's height")
    return found
