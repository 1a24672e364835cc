"""The loss chart: every iteration's batch loss, its smoothed line, and epoch ticks.

Data arrive in a ``LossHistory`` (growing numpy buffers owned by the GUI
thread); the chart hands pyqtgraph views of them, with peak downsampling and
clip-to-view, so a million points redraw in milliseconds. At most one redraw
per ``MIN_REDRAW_MS`` however often data arrive, and fewer when the chart grows costly.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.history import ChartBounds, LossHistory, x_values
from epochviz.core.engine.session import EpochEnd
from epochviz.qt.widgets.live_text import unbreakable
from epochviz.text.translations import translate

MIN_REDRAW_MS = 33  # the chart redraws at most this often, driven by the window's frame
REDRAW_SHARE = 5


def axis_titles() -> dict[str, str]:
    """The x axis's title for each axis, in the current language."""
    return {"iterations": translate("chart", "iteration"), "epochs": translate("chart", "epoch"),
            "samples": translate("chart", "samples seen")}


def axis_choices() -> dict[str, str]:
    """The x-axis menu's entries."""
    return {"iterations": translate("chart", "x: iterations"), "epochs": translate("chart", "x: epochs"),
            "samples": translate("chart", "x: samples seen")}


def _legend_words(short: bool = False, validation: bool = False) -> tuple[str, ...]:
    """The legend's entries (``short``: for a narrow chart, where the long ones would take two lines). With a
    validation split the epoch ends are the training set's, and the held-out samples' loss has its own entry."""
    if short:
        words = (translate("chart", "batch loss"), translate("chart", "smoothed"), translate("chart", "epoch-end loss"))
        return words + (translate("chart", "validation loss"),) if validation else words
    if not validation:
        return (translate("chart", "batch loss (every iteration)"), translate("chart", "smoothed"),
                translate("chart", "epoch end: whole-dataset loss"))
    return (translate("chart", "batch loss (every iteration)"), translate("chart", "smoothed"),
            translate("chart", "epoch end: training-set loss"),
            translate("chart", "epoch end: validation loss (held-out samples)"))


RAW_COLOUR = QColor(120, 160, 215)
SMOOTH_COLOUR = QColor(20, 60, 150)
EPOCH_COLOUR = QColor(200, 90, 20)
VALIDATION_COLOUR = QColor(200, 60, 160)  # reddish purple: apart from the blues and the orange for every eye
LABEL_SPACING_PX = 80  # room for an "epoch 12" label
LABEL_STRIDES = (1, 2, 5, 10, 20, 50, 100)


MIN_PLOT_HEIGHT = 160
TICK_POINT_SIZE = 11


def scale_axis_text(item: pg.PlotItem, factor: float) -> None:
    """A chart's tick labels and axis titles at ``factor`` times their size (the projector scale)."""
    font = QFont()
    font.setPointSizeF(TICK_POINT_SIZE * factor)
    for side in ("left", "bottom"):
        item.getAxis(side).setTickFont(font)
        item.getAxis(side).label.setFont(font)


def title_axis(item: pg.PlotItem, side: str, title: str) -> None:
    """Give ``side``'s axis its title, centred on the axis.

    pyqtgraph centres a title only when its axis is resized: a new title
    (another x axis, another language) kept the old one's left edge.
    """
    item.setLabel(side, title)
    item.getAxis(side).resizeEvent()


def discard_items(plot: pg.PlotItem, items: Iterable[pg.GraphicsObject]) -> None:
    """Take ``items`` off ``plot`` and delete them now, on the GUI thread, leaving nothing for the cycle collector.

    A removed item belongs to Python, and pyqtgraph's items refer to each other (an
    InfiniteLine and its label do): left alone, they waited for Python's cycle
    collector, which deletes their Qt objects on whichever thread it happens to run.
    """
    for item in items:
        plot.removeItem(item)
        if shiboken6.isValid(item):
            shiboken6.delete(item)  # its child items (a line's label) go with it
        item.__dict__.clear()  # what it still refers to (its label, which refers back) is freed now


def ink_axes(item: pg.PlotItem, ink: QColor) -> None:
    """A chart's axis lines, ticks and text in the theme's ink."""
    for side in ("left", "bottom"):
        item.getAxis(side).setPen(ink)
        item.getAxis(side).setTextPen(ink)


def _epoch_label(epoch: int) -> str:
    return translate("chart", "epoch {n}").format(n=epoch)


class ThousandsAxis(pg.AxisItem):
    """An axis whose whole-number ticks read 250,000 rather than 250000.

    With ``integers`` on (iterations, samples) it never ticks between whole
    numbers: there is no iteration 0.5.
    """

    integers = True

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph override
        levels = super().tickSpacing(minVal, maxVal, size)
        if not self.integers:
            return levels
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        if not self.logMode and spacing * scale >= 1:
            return [f"{v * scale:,.0f}" for v in values]
        return super().tickStrings(values, scale, spacing)

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        """In log mode (``setLogMode``): 1, 10, 100, 1,000 at the decades; pyqtgraph's ticks between them
        (2 to 9 times a decade, the level whose spacing is None) have no words."""
        if spacing is None:
            return [""] * len(values)
        return [f"{10 ** v * scale:,.0f}" for v in values]


def _legend_html(short: bool = False, validation: bool = False) -> str:
    raw, smooth, epoch, *held_out = _legend_words(short, validation)
    # Each entry stays whole (Chinese breaks anywhere else); a narrow legend wraps between the entries.
    entries = [f"<span style='color:{RAW_COLOUR.name()}'>━━</span>&nbsp;{unbreakable(raw)}",
               f"<span style='color:{SMOOTH_COLOUR.name()}'><b>━━</b></span>&nbsp;{unbreakable(smooth)}",
               f"<span style='color:{EPOCH_COLOUR.name()}'>┆&nbsp;●</span>&nbsp;{unbreakable(epoch)}"]
    if held_out:
        entries.append(f"<span style='color:{VALIDATION_COLOUR.name()}'>╌◆╌</span>&nbsp;{unbreakable(held_out[0])}")
    return "&nbsp;&nbsp; ".join(entries)


@functools.lru_cache(maxsize=256)
def _text_height(html: str, font: str, width: int) -> int:
    """The height of ``html`` laid out ``width`` wide in ``font`` (``QFont.toString``), remembered: the
    window's layout asks for the same few widths each time it arranges itself."""
    face = QFont()
    face.fromString(font)
    document = QTextDocument()
    document.setDefaultFont(face)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setTextWidth(width)
    return math.ceil(document.size().height())


def _validation_text(end: EpochEnd) -> str:
    """``epoch 12 end: training loss 0.0123 · validation loss 1.4567``: both losses of one epoch end."""
    return translate("chart", "epoch {n} end: training loss {loss} · validation loss {val_loss}").format(
        n=end.epoch, loss=f"{end.loss:.4f}", val_loss=f"{end.val_loss:.4f}")


class HistoryCurve(pg.PlotDataItem):
    """The per-iteration curve: it draws a level of detail, and ``getOriginalDataset`` gives every point.

    The automation contract (README) reads (global iterations, losses) of every
    iteration so far from it; that is made on demand, never per frame.
    """

    history: LossHistory | None = None

    def getOriginalDataset(self):  # noqa: N802 - pyqtgraph naming
        if self.history is None:
            return None, None
        return self.history.global_iterations(), self.history.loss.view().copy()


class RedrawPace:
    """When a chart may redraw: at most every ``MIN_REDRAW_MS``, and using at most about
    1/``REDRAW_SHARE`` of the GUI thread (its last update and paint, whatever the data's length)."""

    def __init__(self) -> None:
        self.interval_s = MIN_REDRAW_MS / 1e3
        self._next = 0.0

    def due(self) -> bool:
        """True (and the next redraw is scheduled) if a redraw may happen now."""
        now = time.perf_counter()
        if now < self._next:
            return False
        self._next = now + self.interval_s
        return True

    def spent(self, seconds: float) -> None:
        """The last redraw cost ``seconds`` (update plus paint): pace the next ones by it."""
        self.interval_s = max(MIN_REDRAW_MS / 1e3, REDRAW_SHARE * seconds)


class TimedPlotWidget(pg.PlotWidget):
    """A PlotWidget that remembers how long its last paint took (to pace redraws)."""

    paint_ms = 0.0

    def paintEvent(self, event):  # noqa: N802 - Qt override
        started = time.perf_counter()
        super().paintEvent(event)
        self.paint_ms = (time.perf_counter() - started) * 1e3


class ChartTools(QWidget):
    """The chart's own settings in one row, or in two where the chart is narrow (beside the views).

    The presentation view leaves them out.
    """

    def __init__(self, hover: QWidget, smoothing: tuple[QWidget, ...], view: tuple[QWidget, ...]) -> None:
        super().__init__()
        self.setObjectName("chartTools")
        self.hover, self.smoothing, self.view = hover, smoothing, view
        self.rows = (QHBoxLayout(), QHBoxLayout())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for row in self.rows:
            column.addLayout(row)
        self.one_row: bool | None = None
        self._arrange(one_row=True)

    def _arrange(self, one_row: bool) -> None:
        """The point under the cursor, smoothing, x axis and Fit in a row; or smoothing above the rest."""
        if one_row == self.one_row:
            return
        self.one_row = one_row
        for row in self.rows:
            while row.count():
                row.takeAt(0)
        first, second = self.rows if not one_row else (self.rows[0], self.rows[0])
        first.addWidget(self.hover, 1) if one_row else first.addStretch(1)
        for part in self.smoothing:
            first.addWidget(part)
        if not one_row:
            second.addWidget(self.hover, 1)
        for part in self.view:
            second.addWidget(part)
        self.updateGeometry()

    def _width(self, parts: tuple[QWidget, ...]) -> int:
        return sum(part.minimumSizeHint().width() + self.rows[0].spacing() for part in parts)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(one_row=event.size().width() >= self._width((*self.smoothing, *self.view)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As narrow as its two rows allow, whichever way it is now."""
        return QSize(max(self._width(self.smoothing), self._width(self.view)), super().minimumSizeHint().height())


class LossPlot(QWidget):
    """Loss per iteration with smoothing, epoch ticks, hover read-out and x-axis switch."""

    def __init__(self) -> None:
        super().__init__()
        self.history: LossHistory | None = None
        self.validation = False  # the run holds samples out: their loss is drawn at each epoch end too
        self.epoch_ends: list[EpochEnd] = []  # every completed epoch's whole-dataset figures, in order
        self.epoch_lines: list[pg.InfiniteLine] = []
        self._dirty = False
        self.bounds = ChartBounds()
        self.following = True  # the view follows the data until the user pans or zooms

        self.plot = TimedPlotWidget(background="w", axisItems={"bottom": ThousandsAxis("bottom")})
        self.plot.setObjectName("lossPlot")
        self.plot.setMinimumHeight(MIN_PLOT_HEIGHT)  # a chart, never a strip
        item = self.plot.getPlotItem()
        # No grid: pyqtgraph's grid costs 15-25 ms per frame here, more than the curves.
        self.scale = 1.0
        self.line_scale = 1.0  # thicker in the high-contrast theme
        font = QFont()
        font.setPointSize(TICK_POINT_SIZE)
        for side in ("left", "bottom"):
            item.getAxis(side).setTickFont(font)
            item.getAxis(side).enableAutoSIPrefix(False)  # "loss", never "loss (x0.001)"
        # The top tick's label may stand above the plot: room for it, instead of cutting it off.
        item.getAxis("left").setStyle(hideOverlappingLabels=False)
        item.layout.setContentsMargins(0, 10, 10, 0)
        # Downsampling factor 1: peak keeps each pixel column's min and max, which is all
        # a screen can show; pyqtgraph's default of 5 draws five times the vertices.
        # The history hands over at most two points per pixel column (a min/max pyramid), so
        # pyqtgraph neither downsamples nor clips: a redraw costs the same at any length.
        self.raw = HistoryCurve(pen=pg.mkPen(RAW_COLOUR, width=1))
        item.addItem(self.raw)
        self.smooth = item.plot(pen=pg.mkPen(SMOOTH_COLOUR, width=3))
        self.epoch_marks = pg.ScatterPlotItem(
            size=12, pen=pg.mkPen("w", width=1.5), brush=pg.mkBrush(EPOCH_COLOUR)
        )
        item.addItem(self.epoch_marks)
        # With a validation split: the training set's epoch-end losses joined by a line, and the held-out
        # samples' beside them (dashed, diamonds), so that over-fitting shows as the two lines parting.
        self.epoch_line = item.plot(pen=pg.mkPen(EPOCH_COLOUR, width=1.5))
        self.val_line = item.plot(pen=self._val_pen(), symbol="d", symbolSize=12, symbolBrush=VALIDATION_COLOUR,
                                  symbolPen=pg.mkPen("w", width=1.5))
        # A ring on the hovered point (not a line: vertical InfiniteLines are epoch ticks only).
        self.cursor = pg.ScatterPlotItem(size=14, pen=pg.mkPen((20, 20, 20), width=2), brush=None)
        item.addItem(self.cursor)
        self._mouse = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse)
        item.vb.disableAutoRange()
        item.vb.sigRangeChangedManually.connect(self._stop_following)
        item.vb.sigXRangeChanged.connect(self._thin_epoch_labels)
        item.vb.sigRangeChanged.connect(self.mark_dirty)  # zoom or pan: draw the new range's detail
        self._smoothing_job: Future | None = None
        self._smoother = ThreadPoolExecutor(max_workers=1, thread_name_prefix="epochviz-smoothing")
        item.hideButtons()  # our Fit button replaces pyqtgraph's small "A"

        self.hover = QLabel(" ")
        self.hover.setStyleSheet("color: #333;")
        self.hover.setObjectName("hoverLabel")
        self.hover.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.axis = QComboBox()
        self.axis.setObjectName("xAxisCombo")
        for key in axis_choices():
            self.axis.addItem("", key)
        self.axis.currentIndexChanged.connect(self._on_axis)
        self.smoothing = QSlider(Qt.Orientation.Horizontal)
        self.smoothing.setObjectName("smoothingSlider")
        self.smoothing.setRange(0, 999)
        self.smoothing.setValue(900)
        self.smoothing.setMinimumWidth(60)
        self.smoothing.setMaximumWidth(140)
        self.smoothing_label = QLabel("0.900")
        self.smoothing.valueChanged.connect(self._on_smoothing)

        # The legend sits above the plot, where no curve can run under it.
        self.legend = QLabel()
        self.legend.setObjectName("lossLegend")
        self.short_legend = False
        self.legend.setWordWrap(True)
        self.smoothing_title = QLabel()
        self.fit = QPushButton()
        self.fit.setObjectName("fitButton")
        self.fit.clicked.connect(self.follow)
        self.tools = ChartTools(self.hover, (self.smoothing_title, self.smoothing, self.smoothing_label),
                                (self.axis, self.fit))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tools)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)

        self.pace = RedrawPace()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """Axis titles, legend, buttons and epoch labels in the current language."""
        item = self.plot.getPlotItem()
        title_axis(item, "left", translate("chart", "loss"))
        title_axis(item, "bottom", axis_titles()[self.axis.currentData()])
        for i, text in enumerate(axis_choices().values()):
            self.axis.setItemText(i, text)
        self.smoothing_title.setText(translate("chart", "Smoothing"))
        self.fit.setText(translate("chart", "Fit"))
        self.fit.setToolTip(translate("chart", "Show all the data again and follow it as it grows"))
        self._fit_legend(self.width())
        self.legend.setText(_legend_html(self.short_legend, self.validation))
        for line, end in zip(self.epoch_lines, self.epoch_ends):
            line.label.setFormat(_epoch_label(end.epoch))
        self.hover.setText(" ")

    def set_scale(self, factor: float) -> None:
        """Axis text and line widths at ``factor`` times their size (the projector scale)."""
        self.scale = factor
        scale_axis_text(self.plot.getPlotItem(), factor)
        lines = factor * self.line_scale
        self.raw.setPen(pg.mkPen(RAW_COLOUR, width=1 * lines))
        self.smooth.setPen(pg.mkPen(SMOOTH_COLOUR, width=3 * lines))
        self.epoch_marks.setSize(12 * factor)
        self.epoch_line.setPen(pg.mkPen(EPOCH_COLOUR, width=1.5 * lines))
        self.val_line.setPen(self._val_pen())
        self.val_line.setSymbolSize(12 * factor)
        self.val_line.setSymbolBrush(VALIDATION_COLOUR)
        for line in self.epoch_lines:
            line.setPen(self._epoch_pen())
        self.mark_dirty()

    def _epoch_pen(self):
        return pg.mkPen(EPOCH_COLOUR, width=1.5 * self.scale * self.line_scale, style=Qt.PenStyle.DashLine)

    def _val_pen(self):
        return pg.mkPen(VALIDATION_COLOUR, width=2 * self.scale * self.line_scale, style=Qt.PenStyle.DashLine)

    def restyle(self, background: QColor, ink: QColor, line_scale: float = 1.0) -> None:
        """A theme's colours (the module's colours, changed in place by it) and line widths."""
        self.line_scale = line_scale
        self.plot.setBackground(background)
        ink_axes(self.plot.getPlotItem(), ink)
        self.epoch_marks.setBrush(pg.mkBrush(EPOCH_COLOUR))
        for line in self.epoch_lines:
            line.label.setColor(EPOCH_COLOUR)
        self.legend.setText(_legend_html(self.short_legend, self.validation))
        self.set_scale(self.scale)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fit_legend(event.size().width())
        super().resizeEvent(event)

    def legend_width(self, short: bool = True) -> int:
        """The width the legend needs on one line (in its short words, or its long ones)."""
        words = _legend_words(short, self.validation)
        plain = "━━ {} ━━ {} ┆ ● {}   ".format(*words[:3]) + ("╌◆╌ {}   ".format(words[3]) if len(words) > 3 else "")
        return self.legend.fontMetrics().horizontalAdvance(plain) + 8

    def _legend_lines_height(self, width: int, short: bool) -> int:
        """The legend's height at ``width`` in its short or long words, as the label lays it out: it wraps
        between its entries, never within one, so a line may be far from full."""
        return _text_height(_legend_html(short, self.validation), self.legend.font().toString(), max(1, width))

    def _short_legend(self, width: int) -> bool:
        """Whether the legend takes its short words: the long ones need more lines at ``width``."""
        return self._legend_lines_height(width, False) > self._legend_lines_height(width, True)

    def _legend_height(self, width: int) -> int:
        return self._legend_lines_height(width, self._short_legend(width)) + 4

    def _fit_legend(self, width: int) -> None:
        # The legend wraps when narrow (in fewer words first): its height follows, so the minimum stays true.
        short = self._short_legend(width)
        if short != self.short_legend:
            self.short_legend = short
            self.legend.setText(_legend_html(short, self.validation))
        self.legend.setFixedHeight(self._legend_height(width))

    def least_height(self, width: int) -> int:
        """The chart's least height at ``width``: its tools (when shown), its legend and the plot's least."""
        spacing = self.layout().spacing()
        tools = self.tools.minimumSizeHint().height() + spacing if not self.tools.isHidden() else 0
        return tools + self._legend_height(width) + spacing + self.plot.minimumHeight()

    # -- data in ----------------------------------------------------------------
    def set_history(self, history: LossHistory) -> None:
        """Show a new run: clears the curves and the epoch ticks."""
        self.history = self.raw.history = history
        if self.validation != bool(history.schedule.held_out):
            self.validation = not self.validation
            self.legend.setText(_legend_html(self.short_legend, self.validation))
            self._fit_legend(self.width())
        history.set_axis(self.axis.currentData())
        history.set_smoothing(self.smoothing.value() / 1000)
        self._smoothing_job = None
        discard_items(self.plot.getPlotItem(), self.epoch_lines)
        self.epoch_lines.clear()
        self.epoch_ends = []
        self.epoch_marks.clear()
        self.epoch_line.setData([], [])
        self.val_line.setData([], [])
        self.cursor.clear()
        self.hover.setText(" ")
        self.follow()

    def add_epoch_ends(self, ends: list[EpochEnd]) -> None:
        """One labelled vertical tick per completed epoch, each added once."""
        item = self.plot.getPlotItem()
        for end in ends:
            line = pg.InfiniteLine(
                angle=90, movable=False, pen=self._epoch_pen(),
                label=_epoch_label(end.epoch),
                labelOpts={"position": 0.93, "color": EPOCH_COLOUR, "anchors": [(0.5, 0), (0.5, 0)]},
            )
            item.addItem(line, ignoreBounds=True)
            self.epoch_lines.append(line)
            self.epoch_ends.append(end)
        if ends:
            self._place_epoch_items()
            self.mark_dirty()  # the validation loss may need a taller chart

    def mark_dirty(self, *_: object) -> None:
        """New points are in the history, or the view moved: redraw on the next frame."""
        self._dirty = True

    def release(self) -> None:
        """The window is closing: delete the epoch ticks now and end the smoothing thread (safe to call twice)."""
        discard_items(self.plot.getPlotItem(), self.epoch_lines)
        self.epoch_lines.clear()
        self._smoothing_job = None
        self._smoother.shutdown(wait=False, cancel_futures=True)

    # -- drawing ----------------------------------------------------------------
    def tick(self) -> None:
        """The window's frame: redraw if the chart changed and its own pace allows."""
        if self.pace.due():
            self.redraw()
        else:
            self._take_smoothing()

    def redraw(self) -> None:
        self._take_smoothing()
        if not self._dirty or self.history is None:
            return
        self._dirty = False
        started = time.perf_counter()
        h = self.history
        vb = self.plot.getPlotItem().vb
        grew = self.following and self.bounds.extend(h)
        if self.following and self.validation:  # room for the held-out samples' loss too
            grew = self.bounds.include(self.validation_losses()) or grew
        if grew:
            vb.setRange(xRange=(0, max(self.bounds.x_hi, 1.0)), yRange=(0, max(self.bounds.y_hi, 0.1)), padding=0)
        (x0, x1), _ = vb.viewRange()
        curve = h.curve(x0, x1, max(1, int(vb.width())))
        self.raw.setData(curve.x, curve.loss, connect="finite")
        self.smooth.setData(curve.smoothed_x, curve.smoothed, connect="finite")
        self._dirty = False  # the range change above is drawn already
        # Spend at most about a fifth of the GUI thread on the chart: the cost is this
        # update plus the last paint (both independent of the history's length).
        self.pace.spent(time.perf_counter() - started + self.plot.paint_ms / 1e3)

    def _place_epoch_items(self) -> None:
        if self.history is None:
            return
        ends = np.array([e.global_iteration for e in self.epoch_ends], dtype=np.float64)
        xs = x_values(self.history.schedule, self.history.axis, ends)
        for line, x in zip(self.epoch_lines, xs):
            line.setValue(float(x))
        self.epoch_marks.setData(xs, [e.loss for e in self.epoch_ends])
        if self.validation:
            self.epoch_line.setData(xs, [e.loss for e in self.epoch_ends])
            self.val_line.setData(xs, self.validation_losses(), connect="finite")
        self._thin_epoch_labels()

    def validation_losses(self) -> list[float]:
        """The held-out samples' loss at every epoch end so far (empty without a validation split)."""
        return [e.val_loss for e in self.epoch_ends if e.val_loss is not None]

    def _thin_epoch_labels(self, *_: object) -> None:
        """Label every k-th epoch tick (k = 1, 2, 5, 10, ...) so that labels never overlap."""
        if not self.epoch_lines or self.history is None:
            return
        schedule = self.history.schedule
        one_epoch = float(x_values(schedule, self.history.axis, [schedule.iterations_per_epoch])[0])
        (x0, x1), _ = self.plot.getPlotItem().vb.viewRange()
        width_px = max(1.0, self.plot.getPlotItem().vb.width())
        spacing_px = one_epoch / max(x1 - x0, 1e-12) * width_px
        every = next((k for k in LABEL_STRIDES if k * spacing_px >= LABEL_SPACING_PX), LABEL_STRIDES[-1])
        per_px = (x1 - x0) / width_px
        for k, line in enumerate(self.epoch_lines, start=1):
            half = line.label.boundingRect().width() / 2 * per_px  # a label centred on its tick
            inside = x0 <= line.value() - half and line.value() + half <= x1  # never cut by the plot's edge
            line.label.setVisible(k % every == 0 and inside)

    # -- interaction ------------------------------------------------------------
    def follow(self) -> None:
        """Fit the view to all the data and keep following it as it grows.

        With no data yet, the view spans the run's first epoch and a loss of 0 to
        1, never what the previous run left behind.
        """
        self.following = True
        self.bounds = ChartBounds()
        if self.history is not None and not len(self.history):
            schedule = self.history.schedule
            one_epoch = float(x_values(schedule, self.history.axis, [schedule.iterations_per_epoch])[0])
            self.plot.getPlotItem().vb.setRange(xRange=(0, max(one_epoch, 1.0)), yRange=(0, 1.0), padding=0)
        self._dirty = True
        self.redraw()

    def _stop_following(self, *_: object) -> None:
        self.following = False

    def _on_axis(self) -> None:
        key = self.axis.currentData()
        self.plot.getPlotItem().getAxis("bottom").integers = key != "epochs"
        title_axis(self.plot.getPlotItem(), "bottom", axis_titles()[key])
        if self.history is not None:
            self.history.set_axis(key)
            self._place_epoch_items()
            self.follow()

    def _on_smoothing(self, value: int) -> None:
        self.smoothing_label.setText(f"{value / 1000:.3f}")
        if self.history is not None and self._smoothing_job is None:
            self._start_smoothing()

    def _start_smoothing(self) -> None:
        """Re-smooth the whole history off the GUI thread; the result is swapped in when ready.

        One job at a time, for the newest weight: a dragged slider never queues
        up work, and a single change starts at once.
        """
        self._smoothing_job = self._smoother.submit(self.history.smooth_all, self.smoothing.value() / 1000)
        self._smoothing_history = self.history

    def _take_smoothing(self) -> None:
        job = self._smoothing_job
        if job is None or not job.done():
            return
        self._smoothing_job = None
        if self._smoothing_history is not self.history or job.exception() is not None:
            return
        result = job.result()
        if result.weight != self.smoothing.value() / 1000:
            self._start_smoothing()  # the slider moved on meanwhile: smooth for where it is now
            return
        self.history.use_smoothing(result)
        self._dirty = True

    def _epoch_end_at(self, g: int) -> EpochEnd | None:
        """The latest epoch end at or before iteration ``g`` that has a validation loss, or None."""
        before = [e for e in self.epoch_ends if e.global_iteration <= g and e.val_loss is not None]
        return before[-1] if before else None

    def _on_mouse(self, event: tuple) -> None:
        pos: QPointF = event[0]
        vb = self.plot.getPlotItem().vb
        if self.history is None or not vb.sceneBoundingRect().contains(pos):
            return
        x = vb.mapSceneToView(pos).x()
        self.show_point_at(x)

    def show_point_at(self, x: float) -> str:
        """Describe the iteration nearest to ``x`` in the hover line; returns the text."""
        h = self.history
        i = h.nearest(x) if h is not None else None
        if i is None:
            return ""
        g = i + 1
        epoch, iteration = h.schedule.position(g)
        text = translate("chart", "iteration {g} (epoch {epoch}, iteration {iteration} of {per_epoch})  ·  "
                                  "batch loss {loss}  ·  smoothed {smoothed}").format(
            g=f"{g:,}", epoch=epoch, iteration=f"{iteration:,}", per_epoch=f"{h.schedule.iterations_per_epoch:,}",
            loss=f"{h.loss.view()[i]:.4f}", smoothed=f"{h.smoothed.view()[i]:.4f}")
        end = self._epoch_end_at(g)
        if end is not None:  # with a validation split: the two losses of the epoch end at or before this point
            text += "  ·  " + _validation_text(end)
        self.hover.setText(text)
        y = h.loss.view()[i]
        self.cursor.setData([float(h.x_of(g))], [y if np.isfinite(y) else h.smoothed.view()[i]])
        return text
