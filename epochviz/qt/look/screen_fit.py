"""Sizing the window for the screen it opens on: a laptop, a 1280x720 projector, a scaled desktop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PREFERRED_SIZE = (1600, 900)
DECORATION_ROOM = (16, 48)  # what a window manager's frame and title bar may add around the window


def fit_to_screen(window: QWidget, preferred: tuple[int, int] = PREFERRED_SIZE) -> None:
    """Resize ``window`` to ``preferred``, or to the available screen if that is smaller, and centre it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*preferred)
        return
    room = screen.availableGeometry()
    width = min(preferred[0], room.width() - DECORATION_ROOM[0])
    height = min(preferred[1], room.height() - DECORATION_ROOM[1])
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(room.center())
    window.move(max(frame.left(), room.left()), max(frame.top(), room.top()))


def scrolling(content: QWidget, *, horizontal: bool = False, area: QScrollArea | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area (``area``, else a new one): on a small screen it scrolls instead of
    being clipped."""
    area = QScrollArea() if area is None else area
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    area.setWidgetResizable(True)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area



class _NoHeightForWidth(QVBoxLayout):
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False


class FillingColumn(QWidget):
    """A column for a scroll area that fills the visible height, scrolling only below its true minimum.

    A word-wrapping label makes a layout "height for width", and a scroll area
    then sizes its content to the ideal height: views and chart at full size,
    the chart below the fold. This column says no, and instead keeps each
    wrapping label's height at what its text needs at the current width, so
    that its minimum is true (nothing is squeezed into overlap) and the room
    left over goes to the parts that can use it, not to blank lines.
    """

    def __init__(self) -> None:
        super().__init__()
        self.column = _NoHeightForWidth(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_labels()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)  # a LanguageChange reaches every label in the column first
        if event.type() == QEvent.Type.LanguageChange:
            self.fit_labels()
        return handled

    def fit_labels(self) -> None:
        """Give each wrapping label the height its text needs at the column's width (call after setText).

        A column inside this one (a part that comes and goes as a whole) fits its own labels too.
        """
        margins = self.column.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        for i in range(self.column.count()):
            label = self.column.itemAt(i).widget()
            if isinstance(label, QLabel) and label.wordWrap() and not label.isHidden():
                label.setMinimumHeight(0)  # a label never says it needs less than its minimum
                label.setFixedHeight(max(0, label.heightForWidth(width)))  # its text's height: no more, no less
            elif isinstance(label, FillingColumn):
                label.fit_labels()


_BASE_POINT_SIZE = "epochvizBasePointSize"
_EMPHASIS = "epochvizEmphasis"  # a part shown large: its words this many times the window's
MAX_TEXT_SCALE = 1.75


def text_scale_for(window: QWidget, reference: tuple[int, int] = (1440, 810)) -> float:
    """How much larger text should be in ``window``'s current size than at ``reference`` (1 to 1.75)."""
    factor = min(window.width() / reference[0], window.height() / reference[1])
    return max(1.0, min(MAX_TEXT_SCALE, factor))


def _remember_base_sizes(widgets: list[QWidget]) -> None:
    """Keep each widget's own point size before any font changes (a child inherits its parent's font)."""
    for widget in widgets:
        if widget.property(_BASE_POINT_SIZE) is None:
            widget.setProperty(_BASE_POINT_SIZE, widget.font().pointSizeF())


def _set_sizes(widgets: list[QWidget], factor: float) -> None:
    for widget in widgets:
        base = widget.property(_BASE_POINT_SIZE)
        if base and base > 0:  # a pixel-sized font (-1) is left as it is
            font = widget.font()
            font.setPointSizeF(base * factor * (widget.property(_EMPHASIS) or 1.0))
            widget.setFont(font)


def scale_text(root: QWidget, factor: float) -> None:
    """Set every widget's font under ``root`` to ``factor`` times its own base size (1 restores it).

    All base sizes are read before any font changes (a child inherits its parent's
    font, so reading as we go would compound), and kept, so scaling never compounds.
    A part shown large (``emphasise_text``) stays that much larger.
    """
    widgets = [root, *root.findChildren(QWidget)]
    _remember_base_sizes(widgets)
    _set_sizes(widgets, factor)


def emphasise_text(root: QWidget, emphasis: float) -> None:
    """Show the words of ``root`` and all under it ``emphasis`` times as large as the window's (1 ends it)."""
    widgets = [root, *root.findChildren(QWidget)]
    _remember_base_sizes(widgets)
    base, before = root.property(_BASE_POINT_SIZE), root.property(_EMPHASIS) or 1.0
    factor = root.font().pointSizeF() / (base * before) if base and base > 0 else 1.0  # the window's scale now
    for widget in widgets:
        widget.setProperty(_EMPHASIS, emphasis)
    _set_sizes(widgets, factor)
