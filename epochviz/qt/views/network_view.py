"""The network diagram: layers as columns of neurons, weights as coloured lines.

Blue lines are positive weights, orange-red negative, thicker for larger
magnitudes. During an iteration's phases the batch enters on the left, the
forward pass lights the layers left to right, the loss shows at the output,
the backward pass runs right to left, and at the update the lines change from
the old weights to the new ones.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from epochviz.core.phases import IDLE, PHASES
from epochviz.qt.look.palette import (
    BACKWARD,
    CLASS_COLOURS,
    FORWARD,
    INK,
    NEGATIVE,
    NODE_FILL,
    POSITIVE,
    VIEW_BACKGROUND,
    over,
)
from epochviz.qt.widgets.live_text import line_height
from epochviz.text.translations import translate

MAX_SHOWN = 16  # neurons drawn per column; wider layers show their first 16 and a count
WIDTH_BUCKETS = 4
LABEL_LINES = 3  # under each column: role, width, and |dL/dW| while going backward


def shown_neurons(width: int) -> int:
    return min(width, MAX_SHOWN)


def gradient_line(sizes: list[str], metrics: QFontMetrics, room: int) -> str:
    """Each layer's gradient size after words that say so; in a narrow view the sizes before the words."""
    values = " · ".join(sizes)
    line = translate("network", "|∂L/∂W| by layer: ") + values
    if metrics.horizontalAdvance(line) <= room:
        return line
    return metrics.elidedText("|∂L/∂W|: " + values, Qt.TextElideMode.ElideRight, room)


class NetworkView(QWidget):
    """``set_state(widths, weights, previous, grad_norms, phase, progress, ...)`` then it paints."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("networkView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(140, 140)
        self.widths: tuple[int, ...] = (2, 16, 16, 3)
        self.weights: list[np.ndarray] | None = None
        self.previous: list[np.ndarray] | None = None
        self.grad_norms: list[float] | None = None
        self.phase = IDLE
        self.progress = 1.0
        self.batch_size = 0
        self.loss: float | None = None
        self.passes = (1, 1)

    def set_state(self, *, widths, weights, previous, grad_norms, phase, progress, batch_size, loss,
                  passes: tuple[int, int] = (1, 1)) -> None:
        """What to draw; ``passes`` is (pass on show, passes per update) with gradient accumulation."""
        self.passes = passes
        self.widths = tuple(widths)
        self.weights, self.previous, self.grad_norms = weights, previous, grad_norms
        self.phase, self.progress = phase, progress
        self.batch_size, self.loss = batch_size, loss
        self.update()

    # -- geometry ---------------------------------------------------------------
    def _columns(self) -> list[list[QPointF]]:
        margin = min(70.0, 0.12 * self.width())  # narrow views keep room for the layers
        left, right = margin, self.width() - margin * 6 / 7
        top, bottom = 34.0, self.height() - self._label_height() - 4
        n = len(self.widths)
        columns = []
        for i, width in enumerate(self.widths):
            x = left + (right - left) * i / max(n - 1, 1)
            count = shown_neurons(width)
            step = (bottom - top) / max(count, 1)
            columns.append([QPointF(x, top + step * (j + 0.5)) for j in range(count)])
        return columns

    def _label_height(self) -> float:
        """Room under the columns for the labels, in the current font (it grows in full screen)."""
        return LABEL_LINES * line_height(self.font()) + 3

    def _layer_weights(self) -> list[np.ndarray] | None:
        """The W matrices to draw: blended old -> new during the update phase."""
        if self.weights is None:
            return None
        new = self.weights[0::2]
        if self.previous is None or self.phase != PHASES.index("update") or len(self.previous) != len(self.weights):
            return new
        t = self.progress
        return [(1 - t) * old + t * cur for old, cur in zip(self.previous[0::2], new)]

    # -- painting ----------------------------------------------------------------
    paint_s = 0.0  # how long the last paint took (the views pace the diagram by it)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        started = time.perf_counter()
        self._paint(event)
        self.paint_s = time.perf_counter() - started

    def _paint(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), VIEW_BACKGROUND)
        columns = self._columns()
        weights = self._layer_weights()
        # Edges without antialiasing: hundreds of smooth wide lines cost ~10 ms a frame here.
        if weights is not None and all(w.shape == (a, b) for w, a, b in zip(weights, self.widths, self.widths[1:])):
            for layer, (src, dst, W) in enumerate(zip(columns, columns[1:], weights)):
                self._draw_edges(painter, src, dst, W[: len(src), : len(dst)], vivid=self._edges_vivid(layer))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_sweep(painter, columns)
        self._draw_glow_and_nodes(painter, columns)
        self._draw_labels(painter, columns)
        if self.phase == PHASES.index("batch"):
            self._draw_batch_packet(painter, columns[0])
        painter.end()

    def _sweep(self) -> float | None:
        """Where the pass has got to, in columns (0 = input), during forward or backward."""
        last = len(self.widths) - 1
        if self.phase == PHASES.index("forward"):
            return self.progress * last
        if self.phase == PHASES.index("backward"):
            return (1 - self.progress) * last
        return None

    def _edges_vivid(self, layer: int) -> bool:
        """Full colour for the weights the current pass has reached; faded for the rest."""
        name = PHASES[self.phase] if self.phase < IDLE else None
        sweep = self._sweep()
        if name == "forward":
            return layer < sweep
        if name == "backward":
            return layer + 1 > sweep
        return name not in ("batch", "loss")

    def _draw_sweep(self, painter: QPainter, columns) -> None:
        """A vertical line at the front of the forward or backward pass, with its direction."""
        sweep = self._sweep()
        if sweep is None or not all(columns):
            return
        i = min(int(sweep), len(columns) - 2)
        x = columns[i][0].x() + (sweep - i) * (columns[i + 1][0].x() - columns[i][0].x())
        forward = self.phase == PHASES.index("forward")
        colour = FORWARD.darker(130) if forward else BACKWARD
        painter.setPen(QPen(colour, 3))
        painter.drawLine(QLineF(x, 30, x, self.height() - self._label_height() - 4))
        index, total = self.passes
        if total == 1:
            word = translate("network", "forward →") if forward else translate("network", "← backward")
        elif forward:
            word = translate("network", "forward → {index}/{total}").format(index=index, total=total)
        else:
            word = translate("network", "← backward {index}/{total}: ∑ gradient").format(index=index, total=total)
        painter.drawText(self._centred_within(painter, x, 6, word), Qt.AlignmentFlag.AlignHCenter, word)

    def _centred_within(self, painter: QPainter, x: float, top: float, text: str) -> QRectF:
        """A one-line box for ``text`` centred on ``x``, moved in from the view's edges so none of it is cut."""
        width = min(float(self.width()), painter.fontMetrics().horizontalAdvance(text) + 12.0)
        left = min(max(0.0, x - width / 2), self.width() - width)
        return QRectF(left, top, width, painter.fontMetrics().height() + 4)

    def _draw_edges(self, painter: QPainter, src, dst, W: np.ndarray, vivid: bool = True) -> None:
        W = np.nan_to_num(W, nan=0.0, posinf=0.0, neginf=0.0)  # a diverged run's weights: drawn, not warned about
        scale = float(np.abs(W).max()) or 1.0
        strength = np.abs(W) / scale
        buckets = np.minimum((strength * WIDTH_BUCKETS).astype(int), WIDTH_BUCKETS - 1)
        for bucket in range(WIDTH_BUCKETS):  # weak first, so the strong lie on top
            for sign, colour in ((True, POSITIVE), (False, NEGATIVE)):
                mask = (W >= 0) == sign
                ii, jj = np.nonzero(mask & (buckets == bucket))
                if not len(ii):
                    continue
                opacity = (60 + 50 * bucket if vivid else 12 + 8 * bucket) / 255
                painter.setPen(QPen(over(colour, VIEW_BACKGROUND, opacity), 0.6 + 1.1 * bucket))
                painter.drawLines([QLineF(src[i], dst[j]) for i, j in zip(ii, jj)])

    def _lit(self, column: int) -> QColor | None:
        """The glow colour of a column in the current phase, if it is lit."""
        n = len(self.widths)
        name = PHASES[self.phase] if self.phase < IDLE else None
        if name == "forward" and column <= self.progress * (n - 1) + 1e-9:
            return FORWARD
        if name == "loss" and column == n - 1:
            return FORWARD
        if name == "backward" and column >= (1 - self.progress) * (n - 1) - 1e-9:
            return BACKWARD
        if name == "batch" and column == 0 and self.progress >= 1.0:
            return FORWARD
        return None

    def _draw_glow_and_nodes(self, painter: QPainter, columns) -> None:
        radius = max(3.0, min(9.0, (self.height() - 80) / (2.6 * MAX_SHOWN)))
        last = len(columns) - 1
        for c, column in enumerate(columns):
            glow = self._lit(c)
            for j, point in enumerate(column):
                if glow is not None:
                    halo = QColor(glow)
                    halo.setAlpha(110)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(halo)
                    painter.drawEllipse(point, radius * 2, radius * 2)
                fill = CLASS_COLOURS[j % len(CLASS_COLOURS)] if c == last else NODE_FILL
                painter.setPen(QPen(INK, 1.2))
                painter.setBrush(fill)
                painter.drawEllipse(point, radius, radius)

    def _draw_labels(self, painter: QPainter, columns) -> None:
        font = QFont(self.font())
        font.setPointSize(max(8, font.pointSize() - 1))
        painter.setFont(font)
        painter.setPen(INK)
        last = len(columns) - 1
        gap = (columns[1][0].x() - columns[0][0].x()) if last >= 1 and columns[0] and columns[1] else 120.0
        advance = painter.fontMetrics().horizontalAdvance
        # A narrow view (or large text): short names, and no "(first 16)", so labels never run together.
        long_names = (translate("network", "input"), translate("network", "hidden"), translate("network", "output"))
        fits = gap >= 4 + max(map(advance, long_names))
        names = long_names if fits else (translate("network", "in"), translate("network", "h"),
                                         translate("network", "out"))
        first = translate("network", " (first {n})").format(n=MAX_SHOWN)
        note_first = gap >= 4 + advance(f"{max(self.widths)}{first}")
        for c, (column, width) in enumerate(zip(columns, self.widths)):
            x = column[0].x() if column else 0
            name = names[0] if c == 0 else names[2] if c == last else names[1]
            text = f"{name}\n{width}"
            if width > MAX_SHOWN and note_first:
                text += first
            line = line_height(painter.font())
            painter.drawText(QRectF(x - 60, self.height() - self._label_height(), 120, 2 * line + 2),
                             Qt.AlignmentFlag.AlignHCenter, text)
        if self.grad_norms and self.phase == PHASES.index("backward"):
            # The size of each layer's weight gradient, once the backward pass has reached it.
            reached = [f"{g:.3g}" if self._lit(c) else "…" for c, g in enumerate(self.grad_norms, start=1)]
            painter.setPen(BACKWARD)
            line = gradient_line(reached, painter.fontMetrics(), self.width() - 4)
            painter.drawText(QRectF(0, self.height() - 18, self.width(), 18), Qt.AlignmentFlag.AlignHCenter, line)
            painter.setPen(INK)
        if self.phase == PHASES.index("loss") and self.loss is not None and columns[-1]:
            painter.setPen(QColor(150, 70, 0))
            out = columns[-1]
            words = translate("network", "loss {loss}").format(loss=f"{self.loss:.4f}")
            painter.drawText(self._centred_within(painter, out[0].x(), 4, words), Qt.AlignmentFlag.AlignHCenter, words)
        if self.phase == PHASES.index("update"):
            painter.setPen(INK)
            total = self.passes[1]
            rule = (translate("network", "W ← W − lr · mean of the {n} passes' ∂L/∂W").format(n=total) if total > 1
                    else "W ← W − lr · ∂L/∂W")
            painter.drawText(QRectF(0, 4, self.width(), 28), Qt.AlignmentFlag.AlignHCenter, rule)

    def _draw_batch_packet(self, painter: QPainter, inputs) -> None:
        """The batch as a small stack of cards sliding in from the left edge."""
        target_x = inputs[0].x() - 38 if inputs else 30
        x = 4 + (target_x - 4) * min(1.0, self.progress)
        y = self.height() / 2 - 22
        painter.setPen(QPen(QColor(150, 70, 0), 1.2))
        for k in range(3, -1, -1):
            painter.setBrush(QColor(255, 200, 140) if k else QColor(245, 130, 20))
            painter.drawRoundedRect(QRectF(x + 3 * k, y - 3 * k, 34, 44), 4, 4)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(QRectF(x, y, 34, 44), Qt.AlignmentFlag.AlignCenter, f"B\n{self.batch_size:,}")
