"""The dataset view: every sample as one cell of a grid, coloured by its state this epoch.

An epoch is "every sample seen once": here the grid fills up as batches go
through, empties at the epoch tick and (with shuffling) fills in a new order.
For image data the current batch is also shown as thumbnails.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from epochviz.core.sample_states import DROPPED, HELD_OUT, IN_BATCH, SEEN, UNSEEN, count_states
from epochviz.qt.widgets.live_text import LiveText, line_height, plain_text
from epochviz.qt.look.palette import STATE_COLOURS, STATE_RGBA, VIEW_BACKGROUND, swatch
from epochviz.text.translations import translate, units

MAX_MARKED = 2000
THUMB_SCALE = 3
THUMB_GAP = 2


def grid_shape(n: int) -> tuple[int, int]:
    """(rows, columns) of a near-square grid holding ``n`` cells."""
    columns = max(1, math.ceil(math.sqrt(n)))
    return math.ceil(n / columns), columns


class _GridCanvas(QWidget):
    """Paints one image, scaled to fit without smoothing; small grids get visible cell gaps."""

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.cells = (1, 1)
        self.batch_cells = np.empty(0, dtype=np.int64)  # marked on top when cells are tiny
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(90, 90)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.image is None:
            return
        rows, cols = self.cells
        side = min(self.width() / cols, self.height() / rows)
        target = QRectF(0, 0, side * cols, side * rows)
        target.moveCenter(QRectF(self.rect()).center())
        painter = QPainter(self)
        # Shrinking many cells into few pixels: average them, so the share seen still shows.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, side < 1)
        painter.drawImage(target, self.image)
        if side < 3 and len(self.batch_cells) <= MAX_MARKED:
            # A batch of a few cells in a big dataset would vanish: mark each one visibly.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATE_COLOURS[IN_BATCH])
            mark = 3.0
            for index in self.batch_cells:
                r, c = divmod(int(index), cols)
                painter.drawRect(QRectF(target.left() + (c + 0.5) * side - mark / 2,
                                        target.top() + (r + 0.5) * side - mark / 2, mark, mark))
        if side >= 6:  # few samples: draw the cell borders so each sample reads as one
            painter.setPen(Qt.GlobalColor.white)
            for r in range(rows + 1):
                y = target.top() + r * side
                painter.drawLine(int(target.left()), int(y), int(target.right()), int(y))
            for c in range(cols + 1):
                x = target.left() + c * side
                painter.drawLine(int(x), int(target.top()), int(x), int(target.bottom()))
        painter.end()


class _Thumbnails(QWidget):
    """The current batch's images in a strip, with ``+ k more`` when they do not all fit."""

    def __init__(self) -> None:
        super().__init__()
        self.images: np.ndarray | None = None  # (k, h, w) in [0, 1]
        self.total = 0
        self.setFixedHeight(2 * (8 * THUMB_SCALE + THUMB_GAP) + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.images is None or not len(self.images):
            return
        h, w = self.images.shape[1:]
        cell_w, cell_h = w * THUMB_SCALE + THUMB_GAP, h * THUMB_SCALE + THUMB_GAP
        more = translate("dataset", "+ {n} more")
        more_w = self.fontMetrics().horizontalAdvance(more.format(n=f"{self.total:,}")) + 8
        per_row = max(1, (self.width() - more_w) // cell_w)
        painter = QPainter(self)
        for k, image in enumerate(self.images[: 2 * per_row]):
            grey = np.ascontiguousarray((255 - image * 255).astype(np.uint8))
            qimage = QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8)
            x, y = (k % per_row) * cell_w, (k // per_row) * cell_h
            painter.drawImage(QRect(x, y, w * THUMB_SCALE, h * THUMB_SCALE), qimage)
        shown = min(len(self.images), 2 * per_row)
        if self.total > shown:
            painter.drawText(QRect(per_row * cell_w + 4, 0, more_w, self.height()),
                             Qt.AlignmentFlag.AlignVCenter, more.format(n=f"{self.total - shown:,}"))
        painter.end()


KEY_STATES = (IN_BATCH, SEEN, UNSEEN, DROPPED)


def _key_words(held_out: bool = False) -> tuple[str, ...]:
    """The colour key: in this batch, seen, not yet seen, dropped (and held out, with a validation split)."""
    words = (translate("dataset", "this batch"), translate("dataset", "seen this epoch"),
             translate("dataset", "not yet seen"), translate("dataset", "left out (drop last)"))
    return words + (translate("dataset", "held out for validation"),) if held_out else words


def _title(n: int, epoch: int) -> str:
    return translate("dataset", "<b>Data</b>: {samples}, epoch {epoch}").format(
        samples=units(n, "sample"), epoch=f"{epoch:,}")


def _counts(c: dict[str, int]) -> str:
    text = translate("dataset", "seen {seen} · in this batch {in_batch} · not yet {unseen}").format(
        seen=f"{c['seen']:,}", in_batch=f"{c['in_batch']:,}", unseen=f"{c['unseen']:,}")
    if c["dropped"]:
        text += translate("dataset", " · left out {dropped}").format(dropped=f"{c['dropped']:,}")
    if c.get("held_out"):
        text += translate("dataset", " · held out {held_out}").format(held_out=f"{c['held_out']:,}")
    return text


class DatasetView(QWidget):
    """``set_run`` once per run, then ``set_state`` with the per-sample states after each update."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("datasetView")
        # Both change every frame: LiveText repaints without laying out the window again.
        self.title = LiveText(" ", lines=1)
        self.counts = LiveText(" ", lines=2, name="datasetCounts")
        self.grid = _GridCanvas()
        self.thumbnails = _Thumbnails()
        self.thumbnails.setVisible(False)
        self.legend = legend = QLabel()
        self.held_out = False  # the run holds samples out for validation: the key names their colour
        self.restyle()
        # The legend is the part that goes when the view is narrow: it never sets the view's width.
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.thumbnails)
        layout.addWidget(self.counts)
        layout.addWidget(legend)
        self._images: np.ndarray | None = None
        self._pixels: np.ndarray | None = None
        self.state_counts = {"unseen": 0, "seen": 0, "in_batch": 0, "dropped": 0, "held_out": 0}

    def restyle(self) -> None:
        """The colour key in the current colours (after a theme change) and language."""
        words = _key_words(self.held_out)
        states = KEY_STATES + ((HELD_OUT,) if self.held_out else ())
        keys = [swatch(STATE_COLOURS[state], word) for state, word in zip(states, words)]
        narrow = self.legend.text() and self.legend.text() == getattr(self, "_legend_narrow", None)
        self._legend_wide = (f"<table><tr><td>{keys[0]}</td><td>&nbsp;{keys[1]}</td></tr>"
                             f"<tr><td>{keys[2]}</td><td>&nbsp;{keys[3]}</td></tr>"
                             + (f"<tr><td colspan=2>{keys[4]}</td></tr>" if self.held_out else "") + "</table>")
        self._legend_narrow = "<br>".join(keys)
        widest_word = max(words, key=self.fontMetrics().horizontalAdvance)
        self._legend_widest = (f"■ {words[2]} ■ {words[3]}", f"■ {widest_word}")
        self.legend.setText(self._legend_narrow if narrow else self._legend_wide)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """The key and the room for the counts in the current language; the counts follow at the next frame."""
        self.restyle()
        self._fit(self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        # The colour key in two columns, else in one, else (very narrow) not at all.
        advance = self.legend.fontMetrics().horizontalAdvance
        text = None
        extra = 1 if self.held_out else 0  # the held-out key's own line
        for candidate, widest, lines in ((self._legend_wide, self._legend_widest[0], 2 + extra),
                                         (self._legend_narrow, self._legend_widest[1], 4 + extra)):
            if advance(widest) + 20 <= width:  # the table's cell spacing and the margins too
                text = candidate
                self.legend.setFixedHeight(lines * line_height(self.legend.font()) + 4)
                break
        self.legend.setVisible(text is not None)
        if text is not None and text != self.legend.text():
            self.legend.setText(text)
        # Heights for the longest texts these labels show, so they never change from frame to frame.
        for label, longest, fewest in ((self.title, _title(100_000, 100), 1),
                                       (self.counts, _counts(dict(seen=100_000, in_batch=100_000, unseen=100_000,
                                                                  dropped=0)), 2)):
            lines = -(-label.fontMetrics().horizontalAdvance(plain_text(longest)) // max(width - 8, 1))
            label.set_lines(min(max(lines, fewest), 3))

    def set_held_out(self, held_out: bool) -> None:
        """Whether the run holds samples out for validation: the colour key names them (set once per run)."""
        if held_out != self.held_out:
            self.held_out = held_out
            self.retranslate()

    def set_run(self, n_samples: int, images: np.ndarray | None = None) -> None:
        """A new dataset of ``n_samples``; ``images`` (N, h, w) turns on the batch thumbnails."""
        rows, cols = grid_shape(n_samples)
        self.grid.cells = (rows, cols)
        self._pixels = np.empty((rows * cols, 4), dtype=np.uint8)
        self._pixels[:] = (*VIEW_BACKGROUND.getRgb()[:3], 255)
        self._images = images
        self.thumbnails.setVisible(images is not None)
        self.thumbnails.images = None

    def set_state(self, states: np.ndarray, epoch: int, batch: np.ndarray) -> None:
        """Paint ``states`` (one uint8 per sample) of ``epoch``; ``batch`` = current batch indices."""
        n = len(states)
        if self._pixels is None or len(self._pixels) < n:
            self.set_run(n, self._images)
        self._pixels[:n] = STATE_RGBA[states]
        rows, cols = self.grid.cells
        self.grid.image = QImage(self._pixels.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888).copy()
        self.state_counts = c = count_states(states)
        self.title.setText(_title(n, epoch))
        self.counts.setText(_counts(c))
        self.grid.batch_cells = batch
        if self._images is not None:
            self.thumbnails.total = len(batch)
            self.thumbnails.images = self._images[batch[:64]]
            self.thumbnails.update()
        self.grid.update()
