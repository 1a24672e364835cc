"""Spin boxes that take what is typed at face value: never a silently different number.

Qt's spin boxes drop keystrokes that would leave their range (``5000`` typed
into a box that ends at 2,000 became ``500``) and revert bad input without a
word. These boxes accept any number while it is typed; on Enter (or when
the focus leaves) a value above the range becomes the maximum and one below
it, a blank or a non-number is refused, each with a ``notice`` that says so.
Enter and Escape hand the keyboard back to the window's shortcuts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from epochviz.text.translations import translate

AboveMax = Callable[[float, float], str]  # (typed, maximum) -> the notice's words
WINDOW_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home)


def parse_number(text: str) -> float | None:
    """The number in ``text`` (group separators ``,`` ``_`` and spaces allowed), or None."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\N{NO-BREAK SPACE}", "")
    if not cleaned or not cleaned.isascii():
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


class _TypedValues:
    """What both boxes share; ``self`` is a QSpinBox or QDoubleSpinBox with a ``notice`` signal."""

    def _setup(self, label: str, above_max: AboveMax | None) -> None:
        self._above_max = above_max
        self.set_label(label)
        self.setKeyboardTracking(False)  # typing "100" is not 1, 10, then 100

    def set_label(self, label: str) -> None:
        """The name its notices give it (``Epochs needs a number; ...``), in the current language."""
        self._label = label

    def _body(self, text: str) -> str:
        body = text
        if self.prefix() and body.startswith(self.prefix()):
            body = body[len(self.prefix()):]
        if self.suffix() and body.endswith(self.suffix()):
            body = body[: -len(self.suffix())]
        return body

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt override
        body = self._body(text).strip()
        if parse_number(body) is not None:
            return QValidator.State.Acceptable, text, pos
        if all(c in "0123456789.,_ -+eE" for c in body):
            return QValidator.State.Intermediate, text, pos  # blank, "-", "1e" on the way to a number
        return QValidator.State.Invalid, text, pos

    def commit_text(self) -> None:
        """Turn what is typed into the value, or refuse it with a notice; then show the value."""
        typed_text = self._body(self.lineEdit().text()).strip()
        if typed_text == self._body(self.textFromValue(self.value())).strip():
            return
        typed = parse_number(typed_text)
        low, high = self.minimum(), self.maximum()
        kept = _fmt(self.value())
        if typed is None or not math.isfinite(typed):
            what = translate("boxes", "nothing") if not typed_text else repr(typed_text[:20])
            self.notice.emit(translate("boxes", "{label} needs a number; {what} was not used, kept {kept}.").format(
                label=self._label, what=what, kept=kept))
        elif isinstance(self, QSpinBox) and not typed.is_integer():
            self.notice.emit(translate("boxes", "{label} is a whole number; {typed} was not used, kept {kept}.").format(
                label=self._label, typed=_fmt(typed), kept=kept))
        elif typed < low:
            self.notice.emit(translate("boxes", "{label} must be at least {low}; {typed} was not used, kept {kept}.")
                             .format(label=self._label, low=_fmt(low), typed=_fmt(typed), kept=kept))
        elif typed > high:
            words = self._above_max(typed, high) if self._above_max else translate(
                "boxes", "{label} goes up to {high}; {typed} became {high}.").format(
                label=self._label, high=_fmt(high), typed=_fmt(typed))
            self.setValue(high)
            self.notice.emit(words)  # after the change, so that it is the message that stays
        else:
            self.setValue(int(typed) if isinstance(self, QSpinBox) else typed)
        self.lineEdit().setText(self.textFromValue(self.value()))

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        # Page Up/Down and Home belong to the window (a presenter's clicker sends them), never to a box.
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in WINDOW_KEYS:
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_text()
            self.clearFocus()  # Space, R and → belong to the window again
            return
        if key == Qt.Key.Key_Escape:
            self.lineEdit().setText(self.textFromValue(self.value()))  # forget the typing
            self.clearFocus()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.commit_text()
        super().focusOutEvent(event)


class IntBox(_TypedValues, QSpinBox):
    """A whole-number box that never changes what was typed without saying so."""

    notice = Signal(str)

    def __init__(self, label: str, above_max: AboveMax | None = None) -> None:
        super().__init__()
        self._setup(label, above_max)


class RealBox(_TypedValues, QDoubleSpinBox):
    """A decimal-number box that never changes what was typed without saying so."""

    notice = Signal(str)

    def __init__(self, label: str, decimals: int, above_max: AboveMax | None = None) -> None:
        super().__init__()
        self.setDecimals(decimals)
        self._setup(label, above_max)

