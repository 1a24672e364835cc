"""The dataset view: every sample as one cell of a grid, coloured by its state this epoch.

An epoch is "every sample seen once": here the grid fills up as batches go
through, empties at the epoch tick and (with shuffling) fills in a new order.
For image data the current batch is also shown as thumbnails.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from epochviz.core.sample_states import DROPPED, HELD_OUT, IN_BATCH, SEEN, UNSEEN, count_states
from epochviz.qt.look.palette import STATE_COLOURS, STATE_RGBA, VIEW_BACKGROUND, swatch
from epochviz.qt.widgets.live_text import LiveText, line_height, rich_lines, rich_width, unbreakable
from epochviz.text.translations import current_language, translate, units

MAX_MARKED = 2000
THUMB_SCALE = 3
THUMB_GAP = 2
GRID_MIN_SIDE = 60
THUMBNAILS_GRID_SIDE = 100  # the batch's images are shown where the grid keeps at least this side
SPACING = 4


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
        self.setMinimumSize(GRID_MIN_SIDE, GRID_MIN_SIDE)

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


_KEY_STATES = (("in_batch", IN_BATCH), ("seen", SEEN), ("unseen", UNSEEN), ("dropped", DROPPED),
               ("held_out", HELD_OUT))
_SOMETIMES = ("dropped", "held_out")  # in the key only when some samples are


def _key_words(short: bool = False) -> tuple[str, ...]:
    """The colour key: in this batch, seen, not yet seen, dropped, held out for validation (``short``: a word each,
    for a narrow view)."""
    if short:
        return (translate("dataset", "batch"), translate("dataset", "seen"), translate("dataset", "not yet"),
                translate("dataset", "left out"), translate("dataset", "held out"))
    return (translate("dataset", "this batch"), translate("dataset", "seen this epoch"),
            translate("dataset", "not yet seen"), translate("dataset", "left out (drop last)"),
            translate("dataset", "held out for validation"))


def _title(n: int, epoch: int) -> str:
    return translate("dataset", "<b>Data</b>: {samples}, epoch {epoch}").format(
        samples=units(n, "sample"), epoch=f"{epoch:,}")


def _key_items(c: dict[str, int], short: bool = False, whole: bool = True) -> list[str]:
    """Each state's swatch, word and count ("■ this batch: 20") as rich text (``whole``: never broken inside).

    In the key's order; "left out" and "held out" only when some are.
    """
    words = dict(zip((key for key, _ in _KEY_STATES), _key_words(short)))
    shown = [(key, state) for key, state in _KEY_STATES if key not in _SOMETIMES or c.get(key)]
    items = [translate("dataset", "{key}: {count}").format(key=words[key], count=f"{c[key]:,}") for key, _ in shown]
    return [swatch(STATE_COLOURS[state], unbreakable(item) if whole else item)
            for (_, state), item in zip(shown, items)]


def _counts(c: dict[str, int], short: bool = False, whole: bool = True) -> str:
    """The colour key with the counts, as rich text: it wraps between its items (and inside, unless ``whole``)."""
    return "&nbsp;&nbsp; ".join(_key_items(c, short, whole))


class DatasetView(QWidget):
    """``set_run`` once per run, then ``set_state`` with the per-sample states after each update.

    The grid takes as much of the view as it can: the colour key with its counts
    goes below it in a tall view and beside it in a wide one, whichever leaves
    the larger grid; it never lies over the grid.
    """

    def __init__(self) -> None:
        super().__init__()
        self.held_out = False  # the run holds samples out for validation: the key names their colour
        self.setObjectName("datasetView")
        # Both change every frame: LiveText repaints without laying out the window again.
        self.title = LiveText(" ", lines=1)
        self.counts = LiveText(" ", lines=2, name="datasetCounts")  # the colour key and its counts
        self.grid = _GridCanvas()
        self.thumbnails = _Thumbnails()
        self.thumbnails.setVisible(False)
        self.info = QWidget()  # the words about the grid: below it or beside it
        words = QVBoxLayout(self.info)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(SPACING)
        words.addWidget(self.thumbnails)
        words.addWidget(self.counts)
        words.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(SPACING)
        self.body.addWidget(self.grid, 1)
        self.body.addWidget(self.info, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addLayout(self.body, 1)
        self.beside = False
        self._least = 0
        self._longest_title = _title(100_000, 100)  # the run's widest title (``set_run``)
        self._samples, self._drops = 100_000, True  # the run's N, and whether it drops samples (``set_run``)
        self.key_form = (False, True)  # the key's (short, whole) for its width (``_key_form``)
        self._widths: dict[tuple, list[int]] = {}  # ``_key_widths``, remembered
        self._images: np.ndarray | None = None
        self._pixels: np.ndarray | None = None
        self.state_counts = {"unseen": 0, "seen": 0, "in_batch": 0, "dropped": 0, "held_out": 0}

    def restyle(self) -> None:
        """The colour key in the current colours (after a theme change) and language."""
        self.counts.setText(_counts(self.state_counts, *self.key_form))


    def retranslate(self) -> None:
        """The key and the room for it in the current language."""
        self.restyle()
        self._fit(self.width(), self.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._fit(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the projector scale: the words need other room
            self._fit(self.width(), self.height())

    def _most(self) -> dict[str, int]:
        """The run's largest counts: the ones its key must have room for."""
        n = self._samples
        return dict(in_batch=n, seen=n, unseen=n, dropped=n if self._drops else 0, held_out=n if self.held_out else 0)

    def _key_widths(self, short: bool) -> list[int]:
        """Each item's width on one line, with the run's largest counts (measured once per run, font and language:
        layouts ask for the view's least height often)."""
        font = self.counts.font()
        key = (short, font.key(), self._samples, self._drops, self.held_out, current_language())
        if key not in self._widths:
            self._widths[key] = [rich_width(item, font) + 2 for item in _key_items(self._most(), short)]
        return self._widths[key]

    def _key_form(self, width: int) -> tuple[bool, bool]:
        """(short, whole): a word each where the longer words do not fit ``width``; broken inside an item
        only where even that does not fit."""
        short = max(self._key_widths(False)) > width
        return short, max(self._key_widths(short)) <= width

    def _key_lines(self, width: int) -> int:
        return rich_lines(_counts(self._most(), *self._key_form(width)), self.counts.font(), width)

    def _info_height(self, width: int, thumbnails: bool = False) -> int:
        """How tall the words about the grid are at ``width`` (with the batch's thumbnails, or not)."""
        height = self._key_lines(width) * line_height(self.counts.font()) + 4
        if thumbnails:
            height += SPACING + self.thumbnails.height()
        return height

    def _side_width(self) -> int:
        """The width of the words beside the grid: the widest item of the key."""
        return max(self._key_widths(False)) + 8

    def _title_lines(self, width: int) -> int:
        return min(rich_lines(self._longest_title, self.title.font(), width - 8), 3)

    def _grid_sides(self, width: int, height: int, thumbnails: bool) -> tuple[int, int]:
        """The grid's side with the words below it, and beside it (-1 where they do not fit)."""
        inner_w = width - 8
        inner_h = height - 8 - self._title_lines(width) * line_height(self.title.font()) - 4 - SPACING
        side = self._side_width()
        below = min(inner_w, inner_h - SPACING - self._info_height(inner_w, thumbnails))
        beside = min(inner_w - side - SPACING, inner_h) if inner_h >= self._info_height(side, thumbnails) else -1
        return below, beside

    def least_height(self, width: int) -> int:
        """The least height at ``width`` that leaves the grid at least ``GRID_MIN_SIDE``, words below or beside."""
        title = self._title_lines(width) * line_height(self.title.font()) + 4 + SPACING + 8
        below = GRID_MIN_SIDE + SPACING + self._info_height(width - 8)
        fits_beside = width - 8 - self._side_width() - SPACING >= GRID_MIN_SIDE
        return title + (min(below, max(GRID_MIN_SIDE, self._info_height(self._side_width()))) if fits_beside else below)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(GRID_MIN_SIDE + 8, self.least_height(self.width()))

    def _fit(self, width: int, height: int) -> None:
        """Below or beside, whichever leaves the larger grid; then the words' room for that width."""
        self.title.set_lines(self._title_lines(width))
        # The batch's images where they leave the grid large enough; the key always.
        thumbnails = self._images is not None and max(self._grid_sides(width, height, True)) >= THUMBNAILS_GRID_SIDE
        self.thumbnails.setVisible(thumbnails)
        below, beside_side = self._grid_sides(width, height, thumbnails)
        beside = beside_side > below
        inner_w, side = width - 8, self._side_width()
        if beside != self.beside:
            self.beside = beside
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        info_width = side if beside else inner_w
        if beside:
            self.info.setFixedWidth(side)
        else:
            self.info.setMinimumWidth(0)
            self.info.setMaximumWidth(16_777_215)
        self.counts.set_lines(self._key_lines(info_width))
        key_form = self._key_form(info_width)
        if key_form != self.key_form:
            self.key_form = key_form
            self.counts.setText(_counts(self.state_counts, *key_form))
        self.info.setFixedHeight(self._info_height(info_width, thumbnails))
        least = self.least_height(width)
        if least != self._least:  # the layouts around it ask again
            self._least = least
            self.updateGeometry()

    def set_held_out(self, held_out: bool) -> None:
        """Whether the run holds samples out for validation: the colour key names them (set once per run)."""
        if held_out != self.held_out:
            self.held_out = held_out
            self._widths.clear()
            self.retranslate()

    def set_run(self, n_samples: int, images: np.ndarray | None = None, epochs: int = 100, drops: bool = True) -> None:
        """A new dataset of ``n_samples`` for ``epochs``; ``images`` (N, h, w) turns on the batch thumbnails.

        ``drops``: whether some samples are left out each epoch (the key has room for them).
        """
        rows, cols = grid_shape(n_samples)
        self.grid.cells = (rows, cols)
        self._pixels = np.empty((rows * cols, 4), dtype=np.uint8)
        self._pixels[:] = (*VIEW_BACKGROUND.getRgb()[:3], 0)  # cells past the last sample: clear, not a white notch
        longest_title = _title(n_samples, epochs)
        words_changed = ((images is None) != (self._images is None) or longest_title != self._longest_title
                         or (n_samples, drops) != (self._samples, self._drops))
        self._images, self._longest_title, self._samples, self._drops = images, longest_title, n_samples, drops
        self._widths.clear()  # measured again for this run's numbers
        self.thumbnails.images = None
        if words_changed:  # the thumbnails come or go, the title's width changes: the words take other room
            self._fit(self.width(), self.height())

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
        self.counts.setText(_counts(c, *self.key_form))
        self.grid.batch_cells = batch
        if self._images is not None:
            self.thumbnails.total = len(batch)
            self.thumbnails.images = self._images[batch[:64]]
            self.thumbnails.update()
        self.grid.update()
