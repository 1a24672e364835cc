"""The code view: the training loop of the current set-up as code, with the line that runs and its live values.

``CodeView`` shows ``core.code.listing``'s script of a ``RunConfig`` in the
style picked in its combo box (PyTorch, Keras, numpy), coloured by a
``PythonHighlighter`` in the theme's colours, its comments in the window's
language. It is fed like the other views, and only draws what it is sent:
``set_config`` on every new set-up, ``show_position`` every frame with the
loop's position. A frame changes the highlighted lines and the few texts beside
them, painted over the viewport; the document is written only for a new
listing, and not at all while the view is hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QPainter, QPen, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from epochviz.core.code.counters import BEFORE_TRAINING, SEPARATOR, LoopPosition, annotations, lines_running
from epochviz.core.code.listing import STYLES, Listing, listing
from epochviz.core.code.listing import script as whole_script
from epochviz.core.run_config import RunConfig
from epochviz.core.schedule import BatchSchedule
from epochviz.qt.look.style import BASE_POINT_SIZE
from epochviz.qt.views.code_highlighter import CODE_COLOURS, CodeColours, PythonHighlighter
from epochviz.text.translations import current_language, explain, translate

STYLE_NAMES = {"pytorch": "PyTorch", "keras": "Keras", "numpy": "numpy"}
NOTE_GAP_CHARS = 3  # between a line's code and the values beside it
NOTE_RIGHT_MARGIN = 4  # px between a note and the view's right edge
NOTE_MIN_CHARS = 6  # a note with less room than this is left out (the code scrolls to it)
LINES_ABOVE = 2  # a line brought into view away from the loops gets this many lines above it


def code_words(phrase: str) -> str:
    """A comment's phrase in the window's language (the code itself is never translated)."""
    return translate("code", phrase)


def _tops(code: Listing) -> tuple[int, ...]:
    """The lines a scroll puts at the top, best first: the epoch loop's comment and line, the batch loop's."""
    return tuple(line for line in (code.epoch_loop - 1, code.epoch_loop, code.batch_loop - 1, code.batch_loop)
                 if line >= 1)


MONOSPACED_FAMILIES = ("DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Menlo", "Consolas", "Courier New")


def monospaced_font() -> QFont:
    """A monospaced font the machine has: the system's fixed font can be an alias that resolves to a proportional one."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    installed = set(QFontDatabase.families())
    family = next((name for name in MONOSPACED_FAMILIES if name in installed), None)
    if family is not None:
        font.setFamily(family)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    return font


def kept_in_view(line: str) -> str:
    """The part of ``line`` a note never covers: its code, before a trailing comment; on a line that is all
    comment (Keras's loops, which fit runs), its first words, up to " of", a bracket or a colon."""
    start = line.find("#")
    if start >= 0 and not line[:start].strip():
        ends = [found for found in (line.find(mark, start) for mark in (" of ", " (", ":", "（", "：")) if found > 0]
        return line[: min(ends)] if ends else line
    comment = line.find("  #")
    return line if comment < 0 else line[:comment]


def note_place(code: str, forms: tuple[str, ...], left: float, right: float, gap: float,
               metrics: QFontMetrics) -> tuple[float, str] | None:
    """Where a line's note goes, and its text, given its ``forms`` (longest first): beside the line; moved
    left over the line's comment when the view is too narrow, never over its code. Then, if it is still
    too long, the shorter form, and its last parts left out (the loop counter comes first); at last the
    first part shortened in the middle. None when not even a few characters fit."""
    pad = metrics.height() // 2
    code_end = left + metrics.horizontalAdvance(kept_in_view(code))
    x = left + metrics.horizontalAdvance(code) + gap
    width = metrics.horizontalAdvance(forms[0]) + pad
    if x + width > right:
        x = max(code_end + gap, right - width)
    room = right - x - pad
    if metrics.horizontalAdvance(forms[0]) <= room:
        return x, forms[0]
    for form in forms:
        parts = form.split(SEPARATOR)
        while parts:
            shown = SEPARATOR.join(parts)
            if metrics.horizontalAdvance(shown) <= room:
                return x, shown
            parts.pop()
    if room < metrics.horizontalAdvance("x") * NOTE_MIN_CHARS:
        return None
    return x, metrics.elidedText(forms[-1].split(SEPARATOR)[0], Qt.TextElideMode.ElideMiddle, int(room))


class CodeText(QPlainTextEdit):
    """Read-only code with the running lines' background and live values painted beside their lines."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("codeText")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = monospaced_font()
        font.setPointSizeF(BASE_POINT_SIZE - 1)  # the projector scale multiplies it (screen_fit.scale_text)
        self.setFont(font)
        self.colours: CodeColours = CODE_COLOURS["light"]
        self.notes: dict[int, str] = {}
        self.short_notes: dict[int, str] = {}  # the same, shorter, for a narrow view
        self.running: tuple[int, ...] = ()
        self.tops: tuple[int, ...] = ()  # lines a scroll prefers at the top: the loops' (``bring_into_view``)

    def show_running(self, lines: tuple[int, ...]) -> None:
        """Give ``lines`` (1-based) the running line's background, and bring the first into view."""
        if lines == self.running:
            return
        self.running = lines
        self._paint_running()
        if lines:
            self.bring_into_view(lines[0])

    def _paint_running(self) -> None:
        selections = []
        document = self.document()
        for line in self.running:
            block = document.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(*self.colours.running))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)

    def set_notes(self, notes: dict[int, str], short_notes: dict[int, str] | None = None) -> None:
        """The texts beside lines ({1-based line: text}) and their short forms for a narrow view; repaints
        only when they changed."""
        short_notes = short_notes or {}
        if (notes, short_notes) != (self.notes, self.short_notes):
            self.notes, self.short_notes = notes, short_notes
            self.viewport().update()

    def set_colours(self, colours: CodeColours) -> None:
        self.colours = colours
        self._paint_running()
        self.viewport().update()

    def visible_lines(self) -> range:
        """The 1-based numbers of the lines in view."""
        first = self.firstVisibleBlock().blockNumber() + 1
        height = max(1.0, self.blockBoundingRect(self.firstVisibleBlock()).height())
        return range(first, first + max(1, int(self.viewport().height() // height)))

    def bring_into_view(self, line: int) -> None:
        """Scroll to ``line`` (``place``) unless it is in view already."""
        if line not in self.visible_lines():
            self.place(line)

    def place(self, line: int) -> None:
        """Scroll (by whole lines) so that ``line`` is in view, under the loops' lines if they fit above it.

        The top goes to the first of ``tops`` that keeps ``line`` in view, so the
        loop counters stay in sight; failing that, ``line`` goes near the top
        with ``LINES_ABOVE`` lines over it.
        """
        count = len(self.visible_lines())
        top = next((top for top in self.tops if top <= line < top + count), line - LINES_ABOVE)
        self.verticalScrollBar().setValue(max(0, top - 1))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.running:  # the room changed: the running line and the loops above it, placed again
            self.place(self.running[0])

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self.notes:
            return
        painter = QPainter(self.viewport())
        metrics = self.fontMetrics()
        offset = self.contentOffset()
        margin = self.document().documentMargin()
        gap = metrics.horizontalAdvance(" ") * NOTE_GAP_CHARS
        colours = self.colours
        painter.setPen(QPen(QColor(*colours.note_edge), 1))
        painter.setBrush(QColor(*colours.note_fill))
        right = self.viewport().width() - NOTE_RIGHT_MARGIN
        for line, text in self.notes.items():
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            box = self.blockBoundingGeometry(block).translated(offset)
            if box.bottom() < 0 or box.top() > self.viewport().height():
                continue
            forms = (text, self.short_notes[line]) if line in self.short_notes else (text,)
            label = note_place(block.text(), forms, box.left() + margin, right, gap, metrics)
            if label is None:
                continue
            x, shown = label
            width = metrics.horizontalAdvance(shown) + metrics.height() // 2
            painter.setPen(QPen(QColor(*colours.note_edge), 1))
            painter.drawRoundedRect(QRectF(x, box.top() + 1, width, box.height() - 2), 3, 3)
            painter.setPen(QColor(*colours.note_ink))
            painter.drawText(QPointF(x + metrics.height() // 4,
                                     box.top() + metrics.ascent() + (box.height() - metrics.height()) / 2), shown)
        painter.end()


class CodeView(QWidget):
    """The training loop of the current set-up, in the style picked, with the line that runs highlighted."""

    def __init__(self, style: str = "pytorch") -> None:
        super().__init__()
        self.setObjectName("codeView")
        self.caption = QLabel()
        self.caption.setObjectName("codeStyleLabel")
        self.combo = QComboBox()
        self.combo.setObjectName("codeStyleCombo")
        for key in STYLES:
            self.combo.addItem(STYLE_NAMES[key], key)
        self.caption.setBuddy(self.combo)
        self.text = CodeText()
        self.highlighter = PythonHighlighter(self.text.document())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)

        self.words: Callable[[str], str] = code_words
        self.config: RunConfig | None = None
        self.schedule: BatchSchedule | None = None
        self.listing: Listing | None = None
        self.position: LoopPosition = BEFORE_TRAINING
        self.problem: str | None = None  # why the set-up has no listing, in words
        self._written: tuple | None = None  # what the document holds: (config, style, language)
        self.combo.setCurrentIndex(STYLES.index(style))
        self.combo.currentIndexChanged.connect(self._on_style)
        self.retranslate()

    # -- what it shows ----------------------------------------------------------
    @property
    def style(self) -> str:
        """The style on show: ``pytorch``, ``keras`` or ``numpy``."""
        return self.combo.currentData()

    @Slot(str)
    def set_style(self, style: str) -> None:
        """Show the loop in ``style`` (``ValueError`` for one there is none of)."""
        if style not in STYLES:
            raise ValueError(f"style must be one of {', '.join(STYLES)}, got {style!r}")
        self.combo.setCurrentIndex(STYLES.index(style))

    def _on_style(self) -> None:
        self._rewrite()

    @Slot(object)
    def set_config(self, config: RunConfig) -> None:
        """A new set-up: its loop from the start (written now if the view is shown, else when it is)."""
        self.config = config
        try:
            self.schedule = config.schedule()
        except ValueError:
            self.schedule = None
        self.position = BEFORE_TRAINING
        self._rewrite()

    @Slot(object)
    def show_position(self, position: LoopPosition) -> None:
        """The loop's position this frame: the running lines and the values beside them (nothing while hidden)."""
        self.position = position
        if self.isVisible():
            self._show_position()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word to every widget: the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """The caption and the comments in the current language (the code stays as it is)."""
        self.caption.setText(translate("code", "Training loop in"))
        self.combo.setToolTip(translate("code", "The library the loop is written with; File > Save as Python script "
                                                "saves it (Ctrl+Shift+S)"))
        self._rewrite()

    def set_theme(self, name: str) -> None:
        """The colours of theme ``name`` for the code, the running line and the values beside it."""
        colours = CODE_COLOURS[name]
        self.highlighter.set_colours(colours)
        self.text.set_colours(colours)

    # -- drawing ------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._rewrite()

    def _rewrite(self) -> None:
        """Write the listing into the document if the view is shown and it is not there yet."""
        if not self.isVisible() or self.config is None:
            return
        wanted = (self.config, self.style, current_language())
        if wanted == self._written:
            self._show_position()
            return
        self._written = wanted
        try:
            self.listing = listing(self.config, self.style, self.words)
            self.problem = None
        except ValueError as exc:
            self.listing, self.problem = None, explain(exc)
        self.text.running, self.text.notes, self.text.short_notes = (), {}, {}
        self.text.tops = _tops(self.listing) if self.listing else ()
        self.text.setPlainText("\n".join(self.listing.lines) if self.listing else f"# {self.problem}")
        self.text.setExtraSelections([])
        self._show_position()

    def _show_position(self) -> None:
        if self.listing is None or self.schedule is None or self._written is None:
            return
        self.text.set_notes(annotations(self.listing, self.schedule, self.position, self.words),
                            annotations(self.listing, self.schedule, self.position, self.words, short=True))
        self.text.show_running(lines_running(self.listing, self.position.phase))

    # -- for the menus ---------------------------------------------------------------
    def script(self) -> str:
        """The shown style's complete script for the current set-up, with English comments.

        ``ValueError`` if the set-up has none.
        """
        if self.config is None:
            raise ValueError("no set-up to write a script of yet")
        return whole_script(self.config, self.style)
