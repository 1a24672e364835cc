"""Python's colours for the code view, in each theme's own palette.

Qt's ``QSyntaxHighlighter`` rather than Pygments: the listings are a small,
known part of Python (one-line statements, one-line strings, ``#`` comments),
which one regular expression covers; the highlighter colours the document the
view already holds, block by block, with no dependency and no conversion of
Pygments' tokens into Qt formats; and its colours are the theme's, changed in
place when the theme changes.
"""

from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

RGB = tuple[int, int, int]

_TOKEN = re.compile(
    r"""(?P<string>[rRbBfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?))"""
    r"|(?P<comment>\#.*)"
    r"|(?P<number>\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?\b)"
    r"|(?P<word>\b[A-Za-z_]\w*\b)"
)
KEYWORDS = frozenset(keyword.kwlist)
BUILTINS = frozenset(name for name in dir(builtins) if name.islower() and not name.startswith("_")
                     and callable(getattr(builtins, name)))


@dataclass(frozen=True)
class CodeColours:
    """A theme's colours for code: its tokens, the line that runs, and the live values beside lines."""

    keyword: RGB
    builtin: RGB
    number: RGB
    string: RGB
    comment: RGB
    running: RGB  # the background of the line that runs
    note_ink: RGB
    note_fill: RGB
    note_edge: RGB


CODE_COLOURS = {
    "light": CodeColours(keyword=(0, 0, 200), builtin=(121, 68, 160), number=(9, 120, 80), string=(163, 21, 21),
                         comment=(0, 110, 40), running=(255, 232, 130), note_ink=(61, 48, 0),
                         note_fill=(255, 246, 213), note_edge=(220, 200, 120)),
    "dark": CodeColours(keyword=(86, 156, 214), builtin=(220, 220, 170), number=(181, 206, 168),
                        string=(206, 145, 120), comment=(106, 170, 85), running=(92, 78, 20),
                        note_ink=(255, 243, 196), note_fill=(61, 53, 16), note_edge=(125, 107, 30)),
    "high-contrast": CodeColours(keyword=(0, 0, 0), builtin=(0, 0, 0), number=(0, 0, 150), string=(140, 0, 0),
                                 comment=(0, 90, 0), running=(255, 220, 0), note_ink=(0, 0, 0),
                                 note_fill=(255, 255, 255), note_edge=(0, 0, 0)),
}


def python_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, length, kind)`` of each coloured token of one line of Python.

    Kinds: ``keyword``, ``builtin``, ``number``, ``string`` and ``comment``; a
    ``#`` inside a string is part of the string, and an attribute is no built-in.
    """
    spans = []
    for match in _TOKEN.finditer(line):
        kind = match.lastgroup
        if kind == "word":  # a name after a dot is an attribute: ``model.eval()`` calls no built-in
            attribute = line[:match.start()].rstrip().endswith(".")
            kind = None if attribute else "keyword" if match.group() in KEYWORDS else "builtin" if (
                match.group() in BUILTINS) else None
        if kind is not None:
            spans.append((match.start(), match.end() - match.start(), kind))
    return spans


def _format(rgb: RGB, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(*rgb))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Colours a document's Python in a theme's ``CodeColours``."""

    def __init__(self, document: QTextDocument, colours: CodeColours = CODE_COLOURS["light"]) -> None:
        super().__init__(document)
        self.colours = colours
        self._formats = self._make_formats(colours)

    @staticmethod
    def _make_formats(colours: CodeColours) -> dict[str, QTextCharFormat]:
        return {"keyword": _format(colours.keyword, bold=True), "builtin": _format(colours.builtin),
                "number": _format(colours.number), "string": _format(colours.string),
                "comment": _format(colours.comment)}

    def set_colours(self, colours: CodeColours) -> None:
        """Colour the document again in ``colours`` (a theme change)."""
        if colours == self.colours:
            return
        self.colours = colours
        self._formats = self._make_formats(colours)
        self.rehighlight()

    def format_of(self, kind: str) -> QTextCharFormat:
        """The format of a kind of token (tests, and whoever draws beside the code)."""
        return self._formats[kind]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for start, length, kind in python_spans(text):
            self.setFormat(start, length, self._formats[kind])
