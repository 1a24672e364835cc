"""A log-scale slider that snaps to round values, paired with an exact, typable box.

The slider moves along a "ladder" of round numbers (1, 1.5, 2, 2.5, 3, 4, 5,
6, 8 per decade), which makes it logarithmic and keeps values readable while
dragging; the box beside it takes any value in range. ``LadderSlider`` is
the named widget of the automation contract: ``setValue`` and ``value`` speak
in real units (samples, a batch size, a learning rate), never slider steps.
"""

from __future__ import annotations

import bisect
import math
import numbers
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QLabel, QSlider, QWidget

from epochviz.qt.widgets.frame_throttle import OncePerFrame
from epochviz.qt.widgets.number_box import AboveMax, IntBox, RealBox

MANTISSAS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


def round_ladder(low: float, high: float, mantissas: Sequence[float] = MANTISSAS, integers: bool = True) -> list[float]:
    """Round values from ``low`` to ``high`` (both included), increasing, no repeats."""
    values = {low, high}
    for exponent in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for m in mantissas:
            v = m * 10.0**exponent
            v = round(v) if integers else float(f"{v:.6g}")
            if low <= v <= high:
                values.add(v)
    return sorted(int(v) if integers else v for v in values)


@lru_cache(maxsize=64)
def batch_ladder(samples: int) -> tuple[int, ...]:
    """The batch-size ladder for ``samples`` (1 to N), remembered: N changes many times a second while dragged."""
    return tuple(round_ladder(1, samples))


def nearest_index(ladder: Sequence[float], value: float) -> int:
    """The ladder position closest to ``value`` on a log scale (exact matches first; ties go to the lower).

    A bisection, not a scan: it runs on every change of a dragged slider. ``ladder`` is increasing.
    """
    if math.isinf(value):
        return len(ladder) - 1
    i = bisect.bisect_left(ladder, value)
    if i < len(ladder) and ladder[i] == value:
        return i
    if i == 0:
        return 0
    if i == len(ladder):
        return i - 1
    target = math.log(max(value, 1e-12))
    below = abs(math.log(max(ladder[i - 1], 1e-12)) - target)
    above = abs(math.log(max(ladder[i], 1e-12)) - target)
    return i - 1 if below <= above else i


class LadderSlider(QWidget):
    """Slider over a ladder of round values plus an exact spin box (or a plain label).

    Emits ``valueChanged`` with the value in real units whenever either part
    changes; programmatic updates of the other part do not echo. ``value()``
    is the newest value at once; the track and the box show it once per frame
    (``flush()`` shows it now).
    """

    valueChanged = Signal(object)
    notice = Signal(str)  # why a typed value was refused or changed

    def __init__(
        self,
        ladder: Sequence[float],
        value: float,
        *,
        name: str,
        decimals: int | None = None,
        box_range: tuple[float, float] | None = None,
        fmt: Callable[[float], str] | None = None,
        above_max: AboveMax | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName(name)  # the object names of its parts follow it: ``<name>Track``, ``<name>Box``
        self._ladder = tuple(ladder)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"{name}Track")
        self.slider.setPageStep(1)
        self.box: IntBox | RealBox | None = None
        self.label: QLabel | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        if fmt is None:
            self.box = IntBox("", above_max) if decimals is None else RealBox("", decimals, above_max)  # see retranslate
            self.box.notice.connect(self.notice)
            self.box.setObjectName(f"{name}Box")
            self.box.setGroupSeparatorShown(True)
            self.box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            self.box.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.box.setMinimumWidth(90)
            low, high = box_range or (self._ladder[0], self._ladder[-1])
            self.box.setRange(low, high)
            self._range = (self.box.minimum(), self.box.maximum())  # as the box rounds them
            self.box.valueChanged.connect(self._on_box)
            layout.addWidget(self.box)
        else:
            self._fmt = fmt
            self.label = QLabel()
            self.label.setMinimumWidth(90)
            self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(self.label)
            self._range = (self._ladder[0], self._ladder[-1])
        self.slider.valueChanged.connect(self._on_slider)
        self._value = value
        self._shown = OncePerFrame(self)
        self._shown.due.connect(self._show)
        self._show()

    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt naming, as QSlider's
        """Set the value in real units: exactly what the control can show, else an error naming it.

        ``TypeError`` for a non-number (a bool included), ``ValueError`` for NaN, a
        value out of range or a fraction in a whole-number control; nothing changes then.
        """
        value = self._checked(value)
        if value != self._value:
            self._value = value
            self._shown.request()
            self.valueChanged.emit(value)

    def flush(self) -> None:
        """Show the newest value in the track and the box now, not at the end of the frame."""
        self._shown.flush()

    def _checked(self, value: object) -> float:
        name = self.objectName()
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name}: expected a number, got {value!r}")
        number = float(value)
        low, high = self._range
        if math.isnan(number) or not low <= number <= high:
            raise ValueError(f"{name} takes {low:,g} to {high:,g}, got {value!r}")
        if isinstance(self.box, IntBox):
            if not number.is_integer():
                raise ValueError(f"{name} takes whole numbers, got {value!r}")
            return int(number)
        if isinstance(self.box, RealBox):
            return round(number, self.box.decimals())  # what the box shows is what is trained
        return number

    def retranslate(self, label: str) -> None:
        """Its name in notices, and its value shown again (a formatted value's words follow the language)."""
        if self.box is not None:
            self.box.set_label(label)
        else:
            self.label.setText(self._fmt(self._value))

    def set_ladder(self, ladder: Sequence[float], box_range: tuple[float, float] | None = None) -> None:
        """Replace the ladder (e.g. batch sizes up to a new N) without emitting; shown once per frame.

        ``box_range`` bounds what ``setValue`` takes from now on (without a box: the ladder's ends).
        """
        self._ladder = tuple(ladder)
        if self.box is None:
            self._range = (self._ladder[0], self._ladder[-1])
        elif box_range is not None:
            self._range = (self._box_limit(box_range[0]), self._box_limit(box_range[1]))
        self._shown.request()

    def _box_limit(self, limit: float) -> float:
        """``limit`` as the box keeps it: whole, or rounded to its decimals."""
        return int(limit) if isinstance(self.box, IntBox) else round(float(limit), self.box.decimals())

    def _show(self) -> None:
        """The track, and the box or label, show the ladder, the range and the newest value."""
        value = self._value
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, len(self._ladder) - 1)
            self.slider.setValue(nearest_index(self._ladder, value))
        if self.box is not None:
            with QSignalBlocker(self.box):
                self.box.setRange(*self._range)
                self.box.setValue(value)
        else:
            self.label.setText(self._fmt(value))

    def _on_slider(self, index: int) -> None:
        # The track may not show a ladder replaced in this frame yet: stay inside the new one.
        self.setValue(self._ladder[min(index, len(self._ladder) - 1)])

    def _on_box(self, value: float) -> None:
        self.setValue(value)
