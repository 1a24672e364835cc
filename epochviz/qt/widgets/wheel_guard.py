"""The mouse wheel scrolls the settings panel; it changes only the control that has the keyboard focus.

Spin boxes, combo boxes and sliders take the wheel (and the focus) from the
pointer passing over them: scrolling down the panel changed each one on the
way (Hidden went from 2 layers to 0 and the run reset in a live demo).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QComboBox, QWidget

WHEEL_CONTROLS = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that holds ``widget``, or None."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    """Event filter: a wheel turned over an unfocused control scrolls the area around it instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is None:
            event.ignore()  # for the parents: whatever holds the control may scroll
        else:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True


def guard_wheel(root: QWidget) -> None:
    """Every spin box, combo box and slider under ``root``: focus by click or Tab only, the wheel only when focused."""
    guard = WheelGuard(root)
    for control in root.findChildren(QWidget):
        if isinstance(control, WHEEL_CONTROLS):
            control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the default WheelFocus took the focus, then the value
            control.installEventFilter(guard)
