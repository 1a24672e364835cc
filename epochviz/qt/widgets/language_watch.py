"""Rewording for parts that are not widgets: Qt tells every widget of a language change, not a QObject."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal


class LanguageWatch(QObject):
    """Watches ``widget`` and says ``changed`` when Qt tells it the language changed.

    The part connects its ``retranslate`` to ``changed`` rather than being held
    here: a held bound method of the part would make the two a reference cycle.
    """

    changed = Signal()

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)  # lives and dies with the widget it watches
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.changed.emit()
        return False


def reword_on_language_change(widget: QObject, reword: Callable[[], None]) -> None:
    """Call ``reword`` whenever the language changes, as Qt tells ``widget`` (a menu the part owns)."""
    LanguageWatch(widget).changed.connect(reword)
