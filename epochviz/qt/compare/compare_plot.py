"""Compare mode's chart: every run's loss curve overlaid, a colour and a marker per run.

Each run draws its batch loss thin and faint, its smoothed loss thick, and its
whole-dataset loss at every epoch end as markers: those points are comparable
across runs. Every batch-loss band lies under every line, the smallest batch's
(the noisiest, B = 1's) palest and lowest, and each smoothed line has a rim of
background round it, so no band hides another run. The x axis is epochs, weight updates, samples seen or the run's
own training seconds. Per frame the cost is a few thousand points per run at
any length (each run's ``LossHistory`` hands over one min/max pair per pixel).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor

from epochviz.core.history import ChartBounds, LossHistory
from epochviz.qt.charts.loss_plot import (
    MIN_PLOT_HEIGHT,
    HistoryCurve,
    RedrawPace,
    ThousandsAxis,
    TimedPlotWidget,
    discard_items,
    ink_axes,
    scale_axis_text,
    title_axis,
)
from epochviz.qt.look.palette import RUN_COLOURS, RUN_SYMBOLS, over
from epochviz.text.translations import translate

COMPARE_AXES = ("epochs", "iterations", "samples", "seconds")


def compare_axis_titles() -> dict[str, str]:
    """Each x axis's title, in the current language."""
    return {"epochs": translate("compare", "epochs (the same data seen)"),
            "iterations": translate("compare", "weight updates, log scale (the same number of steps)"),
            "samples": translate("compare", "samples seen"),
            "seconds": translate("compare", "training seconds (each run's own compute time)")}

LOG_PIECES = 8  # a log axis is drawn in this many pieces, each with its own level of detail
FAINT = 0.3  # how much of a run's colour its batch-loss curve keeps (the rest is background)
FAINTEST = 0.15  # the same for the run with the smallest batch, whose band is the widest
DOTS, SPARSE_DOTS = [1, 2], [1, 5]  # the bands' dots (ink, gap) in high contrast, sparser for the widest band
RAW_Z, CASING_Z, SMOOTH_Z, MARKS_Z = -20, -1, 0, 10  # bands (plus each one's rank by batch) under every line


def _concat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0)


class RunCurves:
    """The plot items of one run: batch loss, smoothed loss and epoch-end markers (filled: the training
    samples' loss; hollow, with a validation split: the held-out samples')."""

    def __init__(self, plot: pg.PlotItem, index: int) -> None:
        self.index = index
        self.colour = RUN_COLOURS[index % len(RUN_COLOURS)]
        self.raw = HistoryCurve()
        # A plain curve item (no getOriginalDataset): each run's HistoryCurve is the one data
        # item a script reads its (updates, losses) from.
        self.smooth = pg.PlotCurveItem()
        self.casing = pg.PlotCurveItem()  # the smoothed line again, wider, in the background's colour
        self.marks = pg.ScatterPlotItem(symbol=RUN_SYMBOLS[index % len(RUN_SYMBOLS)])
        self.val_marks = pg.ScatterPlotItem(symbol=RUN_SYMBOLS[index % len(RUN_SYMBOLS)])
        self.items = (self.raw, self.casing, self.smooth, self.marks, self.val_marks)
        for z, item in zip((RAW_Z, CASING_Z, SMOOTH_Z, MARKS_Z, MARKS_Z), self.items):  # every noise under every line
            item.setZValue(z)
            plot.addItem(item)
        self.epoch_iterations: list[int] = []
        self.epoch_losses: list[float] = []
        self.val_losses: list[float] = []  # one per epoch end with a validation split, else none
        self.noisiest = False  # the smallest batch of the comparison: its band is drawn palest and lowest

    def style(self, scale: float, background: QColor, tints: bool = True) -> None:
        """Pens for a theme: with ``tints`` the band is a pale, opaque tint (``palette.over``); without
        (high contrast) it is the run's own colour, dotted (sparser for the widest band), never a pale tint. The band stays 1 px at any scale."""
        if tints:
            self.raw.setPen(pg.mkPen(over(self.colour, background, FAINTEST if self.noisiest else FAINT), width=1))
        else:
            pen = pg.mkPen(self.colour, width=1, style=Qt.PenStyle.CustomDashLine)
            pen.setDashPattern(SPARSE_DOTS if self.noisiest else DOTS)
            self.raw.setPen(pen)
        self.casing.setPen(pg.mkPen(background, width=6 * scale))
        self.smooth.setPen(pg.mkPen(self.colour, width=3 * scale))
        self.marks.setPen(pg.mkPen("w", width=1.5 * scale))
        self.marks.setBrush(pg.mkBrush(self.colour))
        self.marks.setSize(13 * scale)
        self.val_marks.setPen(pg.mkPen(self.colour, width=2.5 * scale))
        self.val_marks.setBrush(pg.mkBrush(background))
        self.val_marks.setSize(13 * scale)

    def set_visible(self, visible: bool) -> None:
        for item in self.items:
            item.setVisible(visible)

    def remove_from(self, plot: pg.PlotItem) -> None:
        discard_items(plot, self.items)


SMALL_WINDOW_SHARE = 0.3


class ComparePlot(TimedPlotWidget):
    """The overlaid chart (``comparePlot``); ``set_runs`` then ``mark_dirty`` and ``tick`` per frame."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """At least ``MIN_PLOT_HEIGHT`` high, or 30 % of a window too small for that (a projector at 150 %)."""
        least = min(MIN_PLOT_HEIGHT, round(SMALL_WINDOW_SHARE * self.window().height()))
        if self.minimumHeight() != least:
            self.setMinimumHeight(least)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """No taller than its least height: the room left in compare mode's column is what it takes, and
        a taller wish made the column taller than the screen (the table scrolled out of sight)."""
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumHeight())

    def __init__(self) -> None:
        super().__init__(background="w", axisItems={"bottom": ThousandsAxis("bottom")})
        self.setObjectName("comparePlot")
        self.setMinimumHeight(MIN_PLOT_HEIGHT)
        item = self.getPlotItem()
        item.hideButtons()
        item.vb.disableAutoRange()
        item.vb.sigRangeChangedManually.connect(self._stop_following)
        item.vb.sigRangeChanged.connect(self.mark_dirty)
        item.getAxis("left").setStyle(hideOverlappingLabels=False)
        item.layout.setContentsMargins(0, 10, 10, 0)
        self.axis_key = "epochs"
        self.scale = 1.0
        self._colours = (QColor("white"), QColor(40, 40, 40))
        self.tints = True  # False in the high-contrast theme: no pale colours
        self.runs: list[RunCurves] = []
        self.histories: list[LossHistory] = []
        self.hidden: set[int] = set()
        self.following = True
        self._bounds: list[ChartBounds] = []
        self._dirty = False
        self.pace = RedrawPace()
        self.set_axis("epochs")
        self.set_scale(1.0)

    def set_runs(self, histories: list[LossHistory]) -> None:
        """Show these runs' histories (one per run, in order), from scratch."""
        item = self.getPlotItem()
        for run in self.runs:
            run.remove_from(item)
        self.histories = histories
        self.runs = [RunCurves(item, i) for i in range(len(histories))]
        batches = [h.schedule.effective_batch_size for h in histories]
        for rank, i in enumerate(sorted(range(len(batches)), key=lambda i: (batches[i], i))):
            self.runs[i].raw.setZValue(RAW_Z + rank)  # a smaller batch's wider band lies under a bigger one's
        for run, history, batch in zip(self.runs, histories, batches):
            run.raw.history = history
            run.noisiest = batch == min(batches) and batches.count(batch) < len(batches)
            run.style(self.scale, self._colours[0], self.tints)
            run.set_visible(run.index not in self.hidden)
            history.set_axis(self.axis_key)
        self.follow()

    def release(self) -> None:
        """The window is closing: delete every run's curves now (safe to call twice)."""
        item = self.getPlotItem()
        for run in self.runs:
            run.remove_from(item)
        self.runs = []

    def add_epoch_end(self, index: int, global_iteration: int, loss: float, val_loss: float | None = None) -> None:
        """A run's epoch end: its loss, and the held-out samples' with a validation split."""
        run = self.runs[index]
        run.epoch_iterations.append(global_iteration)
        run.epoch_losses.append(loss)
        if val_loss is not None:
            run.val_losses.append(val_loss)
            self.mark_dirty()  # the chart may need to grow to show it
        self._place_marks(run)

    def _place_marks(self, run: RunCurves) -> None:
        history = self.histories[run.index]
        xs = self._to_plot(history.x_of(np.array(run.epoch_iterations, dtype=np.float64)))
        run.marks.setData(xs, run.epoch_losses)
        if run.val_losses:
            run.val_marks.setData(xs[: len(run.val_losses)], run.val_losses)

    @property
    def log_x(self) -> bool:
        """Weight updates are drawn on a log axis: B = N's few steps and B = 1's many both show."""
        return self.axis_key == "iterations"

    def _to_plot(self, x: np.ndarray) -> np.ndarray:
        return np.log10(np.maximum(x, 1.0)) if self.log_x else x

    def set_hidden(self, index: int, hidden: bool) -> None:
        """Hide or show one run's curves (the table keeps its row)."""
        (self.hidden.add if hidden else self.hidden.discard)(index)
        if index < len(self.runs):
            self.runs[index].set_visible(not hidden)
        self.follow()

    def set_axis(self, key: str) -> None:
        """Epochs, weight updates (``iterations``), samples seen or training seconds."""
        if key not in COMPARE_AXES:
            raise ValueError(f"the x axis must be one of {', '.join(COMPARE_AXES)}, got {key!r}")
        self.axis_key = key
        axis = self.getPlotItem().getAxis("bottom")
        axis.setLogMode(self.log_x)  # pyqtgraph's log ticks: a tick per decade (and 2 to 9 between, unlabelled)
        axis.integers = key in ("iterations", "samples")
        self.retranslate()
        for run, history in zip(self.runs, self.histories):
            history.set_axis(key)
            self._place_marks(run)
        self.follow()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """The axis titles in the current language."""
        item = self.getPlotItem()
        title_axis(item, "left", translate("compare", "loss"))
        title_axis(item, "bottom", compare_axis_titles()[self.axis_key])

    def set_scale(self, factor: float) -> None:
        self.scale = factor
        scale_axis_text(self.getPlotItem(), factor)
        for run in self.runs:
            run.style(factor, self._colours[0], self.tints)
        self.mark_dirty()

    def restyle(self, background: QColor, ink: QColor, tints: bool = True) -> None:
        """A theme's background and ink; ``tints`` False (high contrast) draws no pale colours."""
        self._colours = (QColor(background), QColor(ink))
        self.tints = tints
        self.setBackground(background)
        for run in self.runs:
            run.style(self.scale, self._colours[0], tints)
        ink_axes(self.getPlotItem(), ink)

    def follow(self) -> None:
        """Fit the view to every visible run and keep following them."""
        self.following = True
        self._bounds = [ChartBounds(raw=False) for _ in self.histories]
        if not any(len(h) for h in self.histories):
            self.getPlotItem().vb.setRange(xRange=(0, 1), yRange=(0, 1.0), padding=0)
        self.mark_dirty()

    def _stop_following(self, *_: object) -> None:
        self.following = False

    def mark_dirty(self, *_: object) -> None:
        self._dirty = True

    def tick(self) -> None:
        """The window's frame: redraw if something changed and the chart's own pace allows."""
        if self.pace.due():
            self.redraw()

    def redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        started = time.perf_counter()
        vb = self.getPlotItem().vb
        if self.following:
            self._fit(vb)
        (x0, x1), _ = vb.viewRange()
        # One min/max pair per two pixels: four overlaid runs cost about what one chart does.
        columns = max(1, int(vb.width()) // 2)
        for run, history in zip(self.runs, self.histories):
            if run.index in self.hidden:
                continue
            x, loss, sx, smoothed = self._curve(history, x0, x1, columns)
            run.raw.setData(x, loss, connect="finite")
            run.casing.setData(sx, smoothed, connect="finite")
            run.smooth.setData(sx, smoothed, connect="finite")
        self.pace.spent(time.perf_counter() - started + self.paint_ms / 1e3)

    def _curve(self, history: LossHistory, x0: float, x1: float, columns: int):
        """(x, loss, smoothed x, smoothed) in plot coordinates for the visible range."""
        if not self.log_x:
            c = history.curve(x0, x1, columns)
            return c.x, c.loss, c.smoothed_x, c.smoothed
        # On a log axis each decade gets its share of the pixels: draw it piece by piece,
        # each piece keeping only its own points, so that the pieces join without overlap.
        edges = 10 ** np.linspace(x0, x1, LOG_PIECES + 1)
        xs, losses, sxs, smooths = [], [], [], []
        for k, (a, b) in enumerate(zip(edges, edges[1:])):
            c = history.curve(a, b, max(1, columns // LOG_PIECES))
            last = k == LOG_PIECES - 1
            keep = (c.x >= a) & ((c.x <= b) if last else (c.x < b))
            keep_smooth = (c.smoothed_x >= a) & ((c.smoothed_x <= b) if last else (c.smoothed_x < b))
            xs.append(c.x[keep])
            losses.append(c.loss[keep])
            sxs.append(c.smoothed_x[keep_smooth])
            smooths.append(c.smoothed[keep_smooth])
        return (self._to_plot(_concat(xs)), _concat(losses), self._to_plot(_concat(sxs)), _concat(smooths))

    def _fit(self, vb) -> None:
        moved = False
        for i, (bounds, history) in enumerate(zip(self._bounds, self.histories)):
            if i not in self.hidden:
                moved |= bounds.extend(history)
                moved |= bounds.include(self.runs[i].val_losses) if i < len(self.runs) else False
        shown = [b for i, b in enumerate(self._bounds) if i not in self.hidden and b.x_hi > 0]
        if moved and shown:
            x_hi = max(b.x_hi for b in shown)
            y_hi = max(b.y_hi for b in shown)
            x_range = (0.0, float(np.log10(max(x_hi, 10.0)))) if self.log_x else (0.0, x_hi)
            vb.setRange(xRange=x_range, yRange=(0, max(y_hi, 0.1)), padding=0)
