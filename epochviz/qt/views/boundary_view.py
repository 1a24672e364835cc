"""What the network has learned: the decision boundary (2-D data) or per-class accuracy (digits).

For 2-D data, the network's predicted class over the plane is a heat map
(stronger colour = more confident) with the data points on top and the
current batch ringed. For digits, a confusion grid from the last epoch end.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from epochviz.core.engine.session import Boundary, EpochEnd
from epochviz.qt.look.palette import CLASS_COLOURS, CLASS_RGB, INK, VIEW_BACKGROUND
from epochviz.text.translations import translate

MAX_DRAWN_POINTS = 2500  # beyond this, points are drawn as a density image
MAX_RINGED = 300
DENSITY_BINS = 160


def boundary_image(boundary: Boundary) -> QImage:
    """RGB heat map: the winning class's colour, faded towards white where the network is unsure."""
    probs = np.nan_to_num(boundary.probs, nan=0.0, posinf=1.0, neginf=0.0)  # a diverged run draws, quietly
    classes = probs.shape[-1]
    winner = probs.argmax(axis=-1)
    confidence = (probs.max(axis=-1) - 1 / classes) / (1 - 1 / classes)
    strength = 0.15 + 0.45 * confidence[..., None]
    rgb = np.clip(255 * (1 - strength) + CLASS_RGB[winner] * strength, 0, 255)
    rgb = np.ascontiguousarray(np.flipud(rgb).astype(np.uint8))  # row 0 at the top of the image
    g = rgb.shape[0]
    return QImage(rgb.data, g, g, 3 * g, QImage.Format.Format_RGB888).copy()


def density_rgba(X: np.ndarray, y: np.ndarray, extent, bins: int = DENSITY_BINS) -> np.ndarray:
    """Many points as one RGBA image: each pixel takes the colour of its most frequent class (numpy only)."""
    x0, x1, y0, y1 = extent
    cx = np.clip(((X[:, 0] - x0) / (x1 - x0) * bins).astype(int), 0, bins - 1)
    cy = np.clip(((X[:, 1] - y0) / (y1 - y0) * bins).astype(int), 0, bins - 1)
    classes = int(y.max()) + 1
    counts = np.zeros((bins, bins, classes), dtype=np.int32)
    np.add.at(counts, (bins - 1 - cy, cx, y), 1)
    total = counts.sum(axis=-1)
    rgba = np.zeros((bins, bins, 4), dtype=np.uint8)
    rgba[..., :3] = (CLASS_RGB[counts.argmax(axis=-1)] * 0.8).astype(np.uint8)
    rgba[..., 3] = np.where(total > 0, np.minimum(255, 120 + 40 * total), 0).astype(np.uint8)
    return np.ascontiguousarray(rgba)


def rgba_image(rgba: np.ndarray) -> QImage:
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


TITLE_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


class BoundaryView(QWidget):
    """``set_run`` with the data, then ``set_boundary``/``set_batch``/``set_epoch_end`` as they come."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("boundaryView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.X: np.ndarray | None = None
        self.y: np.ndarray | None = None
        self.image_data = False
        self.boundary: Boundary | None = None
        self.updates = 0  # how many boundaries have been drawn (tests and benchmarks count them)
        self._heat: QImage | None = None
        self._density: QImage | None = None
        self.batch: np.ndarray = np.empty(0, dtype=np.int64)
        self.epoch_end: EpochEnd | None = None
        self.held_out = False  # whether the run holds samples out: the digits' accuracy is then theirs

    def set_held_out(self, held_out: bool) -> None:
        """Whether the run holds samples out for validation (the digits' title says whose accuracy it shows)."""
        self.held_out = held_out
        self.update()

    def set_run(self, X: np.ndarray | None, y: np.ndarray | None, image_data: bool,
                density: np.ndarray | None = None, keep_boundary: bool = False) -> None:
        """A new run's data; ``density`` (from ``density_rgba``) stands in for many points.

        ``keep_boundary``: the data arrived late for the run on show (it is made on a worker
        thread), so a boundary the trainer already sent for this run stays on screen.
        """
        self.X, self.y, self.image_data = X, y, image_data
        if not keep_boundary:
            self.boundary, self._heat, self.epoch_end = None, None, None
        self._density = rgba_image(density) if density is not None else None
        self.batch = np.empty(0, dtype=np.int64)
        self.update()

    def set_boundary(self, boundary: Boundary) -> None:
        self.boundary = boundary
        self._heat = boundary_image(boundary)
        self.updates += 1
        self.update()

    def set_batch(self, batch: np.ndarray) -> None:
        self.batch = batch
        self.update()

    def set_epoch_end(self, end: EpochEnd) -> None:
        self.epoch_end = end
        self.update()

    # -- painting ----------------------------------------------------------------
    def _title_height(self) -> int:
        """The title's height at this width: it wraps rather than being cut short."""
        if self.image_data and (self.held_out or self.shows_held_out()):
            titles = (translate("boundary", "Held-out accuracy per digit (epoch {epoch})").format(epoch=100),
                      translate("boundary", "Held-out accuracy per digit: after epoch 1"))
        elif self.image_data:
            titles = (translate("boundary", "Accuracy per digit (epoch {epoch})").format(epoch=100),
                      translate("boundary", "Accuracy per digit: after epoch 1"))
        else:
            titles = (translate("boundary", "Decision boundary"),)
        room = QRect(0, 0, max(1, self.width() - 4), 10_000)
        return max(24, *(self.fontMetrics().boundingRect(room, TITLE_FLAGS, words).height() + 6 for words in titles))

    def _plot_rect(self) -> QRectF:
        top = self._title_height()
        side = min(self.width(), self.height() - top) - 8
        rect = QRectF(0, 0, side, side)
        rect.moveCenter(QPointF(self.width() / 2, top + (self.height() - top) / 2))
        return rect

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.image_data:
            self._paint_confusion(painter)
        else:
            self._paint_boundary(painter)
        painter.end()

    def _title(self, painter: QPainter, text: str) -> None:
        painter.setPen(INK)
        painter.drawText(QRectF(2, 0, self.width() - 4, self._title_height()), TITLE_FLAGS, text)

    def _paint_boundary(self, painter: QPainter) -> None:
        self._title(painter, translate("boundary", "Decision boundary"))
        rect = self._plot_rect()
        painter.fillRect(rect, VIEW_BACKGROUND)
        if self._heat is None or self.boundary is None or self.X is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(rect, self._heat)
        x0, x1, y0, y1 = self.boundary.extent
        sx, sy = rect.width() / (x1 - x0), rect.height() / (y1 - y0)

        def to_screen(points: np.ndarray) -> np.ndarray:
            return np.column_stack([rect.left() + (points[:, 0] - x0) * sx, rect.bottom() - (points[:, 1] - y0) * sy])

        if self._density is not None:
            painter.drawImage(rect, self._density)
        else:
            xy = to_screen(self.X)
            radius = 3.5 if len(self.X) <= 500 else 2.2
            painter.setPen(QPen(QColor(255, 255, 255), 0.8))
            for k in range(int(self.y.max()) + 1):
                painter.setBrush(CLASS_COLOURS[k])
                for px, py in xy[self.y == k]:
                    painter.drawEllipse(QPointF(px, py), radius, radius)
        if len(self.batch):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(INK, 1.5))
            for px, py in to_screen(self.X[self.batch[:MAX_RINGED]]):
                painter.drawEllipse(QPointF(px, py), 4.5, 4.5)
        painter.setPen(QPen(QColor(160, 160, 160), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    def shows_held_out(self) -> bool:
        """Whether the digits' accuracy is the held-out samples' (a validation split) rather than every sample's."""
        end = self.epoch_end
        return self.held_out if end is None or end.confusion is None else end.val_confusion is not None

    def confusion_title(self) -> str:
        """The per-digit grid's title: whose accuracy, and after which epoch."""
        end = self.epoch_end
        if self.shows_held_out():
            return (translate("boundary", "Held-out accuracy per digit (epoch {epoch})").format(epoch=end.epoch)
                    if end else translate("boundary", "Held-out accuracy per digit: after epoch 1"))
        return (translate("boundary", "Accuracy per digit (epoch {epoch})").format(epoch=end.epoch) if end else
                translate("boundary", "Accuracy per digit: after epoch 1"))

    def _paint_confusion(self, painter: QPainter) -> None:
        """Each digit's share of right answers: the held-out samples' with a validation split, else every sample's
        (the training samples' climb towards 100 % while an over-fitting network's held-out ones do not)."""
        end = self.epoch_end
        held_out = self.shows_held_out()
        self._title(painter, self.confusion_title())
        if end is None or end.confusion is None:
            return
        confusion = (end.val_confusion if held_out else end.confusion).astype(np.float64)
        classes = len(confusion)
        rows = confusion.sum(axis=1, keepdims=True)
        share = confusion / np.maximum(rows, 1)
        rect = self._plot_rect()
        note = translate("boundary", "row: true digit · column: predicted")
        # Small text where the view is small (a projector at 150 %): one row's words never overlap the next.
        painter.setFont(_fitting_font(painter.font(), (rect.height() - 24) / classes, self.width() - 4, note))
        metrics = painter.fontMetrics()
        note_lines = 1 if metrics.horizontalAdvance(note) <= self.width() - 4 else 2  # else it wraps
        label_w, digit_w = metrics.horizontalAdvance("100%") + 6, metrics.horizontalAdvance("0") + 6
        note_h = note_lines * metrics.height() + 4
        grid = QRectF(rect.left() + digit_w, rect.top() + 4, rect.width() - label_w - digit_w - 4,
                      rect.height() - note_h - 4)
        cell_w, cell_h = grid.width() / classes, grid.height() / classes
        for i in range(classes):
            for j in range(classes):
                v = share[i, j]
                base = QColor(40, 150, 70) if i == j else QColor(214, 96, 77)
                colour = QColor(*(int(255 - (255 - c) * v) for c in (base.red(), base.green(), base.blue())))
                cell = QRectF(grid.left() + j * cell_w, grid.top() + i * cell_h, cell_w - 1, cell_h - 1)
                painter.fillRect(cell, colour)
            painter.setPen(INK)
            row_label = QRectF(rect.left(), grid.top() + i * cell_h, digit_w, cell_h)
            painter.drawText(row_label, Qt.AlignmentFlag.AlignCenter, str(i))
            painter.drawText(
                QRectF(grid.right() + 4, grid.top() + i * cell_h, label_w, cell_h), Qt.AlignmentFlag.AlignVCenter,
                f"{share[i, i]:.0%}",
            )
        painter.drawText(QRectF(2, grid.bottom() + 2, self.width() - 4, note_h),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, note)


def _fitting_font(font: QFont, row_height: float, width: float, note: str) -> QFont:
    """``font``, or a smaller one (down to 60 %) whose lines fit ``row_height`` and ``note`` fits ``width``."""
    fitted = QFont(font)
    for _ in range(8):
        metrics = QFontMetricsF(fitted)
        if metrics.height() <= row_height and metrics.horizontalAdvance(note) <= width:
            break
        size = fitted.pointSizeF()
        if size <= 0.6 * font.pointSizeF() or size <= 0:
            break
        fitted.setPointSizeF(size * 0.9)
    return fitted
