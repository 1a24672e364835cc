"""``LiveText``: a label for text that changes every frame, which repaints itself and nothing else.

``QLabel.setText`` always calls ``updateGeometry``, which invalidates the
parent layouts: at full speed, a counter label made the whole window lay itself
out again every frame (tens of milliseconds with a chart in it). This widget
has a fixed number of lines, so new text never asks for another size: it only
repaints. Rich text (``<b>``) and word wrap are supported.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QFont, QPainter, QPalette, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget


def unbreakable(text: str) -> str:
    """``text`` (plain, no markup) kept on one line when wrapped: no-break spaces, and word joiners between
    the characters (Chinese breaks between any two, whatever the spaces)."""
    return "\u2060".join(text.replace(" ", "\N{NO-BREAK SPACE}"))


def plain_text(html: str) -> str:
    """``html`` without its tags (``<b>``): the text whose width a label needs."""
    return re.sub(r"<[^>]*>", "", html)


def line_height(font: QFont) -> int:
    """The height of one line of text in ``font``, Chinese included.

    ``QFontMetrics.lineSpacing`` knows only the font itself; Chinese glyphs come
    from a fallback font with taller lines (20 px against 18 here), which
    clipped the last line of labels sized by it.
    """
    key = font.key()
    if key not in _LINE_HEIGHTS:
        layout = QTextLayout("Ag中", font)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        _LINE_HEIGHTS[key] = max(round(line.height() + line.leading()), 1)
    return _LINE_HEIGHTS[key]


_LINE_HEIGHTS: dict[str, int] = {}


def _document(html: str, font: QFont) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    return document


def rich_width(html: str, font: QFont) -> int:
    """The width ``html`` takes on one line in ``font``, as a ``LiveText`` draws it (fallback glyphs included)."""
    return math.ceil(_document(html, font).idealWidth())


def rich_lines(html: str, font: QFont, width: int) -> int:
    """How many lines ``html`` takes in ``font`` when wrapped at ``width``, as a ``LiveText`` draws it."""
    document = _document(html, font)
    document.setTextWidth(max(1, width))
    return max(1, round(document.size().height() / line_height(font)))  # by QFont.key(): measured once per font (views ask on every paint)


class LiveText(QWidget):
    """A fixed-height text widget of ``lines`` lines; ``setText``/``text`` as on a QLabel."""

    def __init__(self, text: str = "", lines: int = 1, name: str = "", longest: str | None = None) -> None:
        """``longest``: the widest text it will show (its tags are not measured); when the widget is
        too narrow for it on ``lines`` lines, it takes more (up to 3), as a resize, never per frame."""
        super().__init__()
        if name:
            self.setObjectName(name)
        self._lines = self._fewest = lines
        self._longest = longest
        self._text = ""
        self._document = QTextDocument()
        self._document.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self._document.setDefaultTextOption(option)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - as QLabel's
        if text != self._text:
            self._text = text
            self._document.setHtml(text)
            self.update()

    def set_lines(self, lines: int) -> None:
        """Room for ``lines`` lines (a layout change: call when the width changes, not per frame)."""
        if lines != self._lines:
            self._lines = lines
            self._fit_height()

    @property
    def longest(self) -> str | None:
        """The widest text it expects to show (``set_longest``)."""
        return self._longest

    def set_longest(self, longest: str) -> None:
        """The widest text it will show from now on (a new run): its height follows."""
        self._longest = longest
        self._fit_lines(self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_lines(event.size().width())

    def _lines_at(self, width: int) -> int:
        if not self._longest:
            return self._lines
        return min(max(rich_lines(self._longest, self.font(), width), self._fewest), 3)

    def height_at(self, width: int) -> int:
        """The height it takes at ``width`` (for a layout that weighs arrangements before choosing one)."""
        return self._lines_at(width) * line_height(self.font()) + 4

    def _fit_lines(self, width: int) -> None:
        self.set_lines(self._lines_at(width))

    def _fit_height(self) -> None:
        self.setFixedHeight(self._lines * line_height(self.font()) + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.fontMetrics().horizontalAdvance("M") * 20, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, self.height())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._document.setDefaultFont(self.font())
            self._fit_height()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self._document.setDefaultFont(self.font())
        self._document.setTextWidth(self.width())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        self._document.drawContents(painter, QRectF(0, 0, self.width(), self.height()))
        painter.end()
