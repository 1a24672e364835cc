"""``WordedLabel``: a label whose text a function makes, made again when the language changes.

A label showing words built from numbers (the schedule readout, a banner that
quotes an iteration) cannot be worded again from its text alone: it keeps the
function that made it, and calls it again on Qt's ``LanguageChange``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel


class WordedLabel(QLabel):
    """A word-wrapping ``QLabel`` whose text is ``words()`` (``set_words``), in the current language."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self._words: Callable[[], str] | None = None

    def set_words(self, words: Callable[[], str] | None) -> None:
        """Show ``words()`` now and after every change of language (None: no text)."""
        self._words = words
        self.setText("" if words is None else words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._words is not None:
            self.setText(self._words())
