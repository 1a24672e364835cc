"""The transport bar: Play/Pause, Step, Step epoch, Reset and the speed, where a media player keeps them.

It sits at the bottom of the window, outside every scrolling column, so that
it is on screen whatever the window's size and whether the settings are shown
or not. It only holds the buttons and the speed; the window connects them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from epochviz.qt.widgets.sliders import LadderSlider
from epochviz.qt.widgets.wheel_guard import guard_wheel
from epochviz.text.translations import translate

SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, math.inf]
DEFAULT_SPEED = 100
SPEED_TRACK_MIN_WIDTH = 60
SPEED_TRACK_MAX_WIDTH = 260  # a longer track picks no finer speed


def format_speed(speed: float) -> str:
    """The speed as the bar shows it: "100 it/s", or "max"."""
    if math.isinf(speed):
        return translate("controls", "max")
    return translate("controls", "{speed} it/s").format(speed=f"{speed:,.0f}")


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button


class TransportBar(QWidget):
    """The buttons that drive a run and its speed, in one row."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("transportBar")
        self._playing = False
        self.play = _button("playButton")
        self.step = _button("stepButton")
        self.step_epoch = _button("stepEpochButton")
        self.reset = _button("resetButton")
        self.speed_label = QLabel()
        self.speed = LadderSlider(SPEEDS, DEFAULT_SPEED, name="speedSlider", fmt=format_speed)
        self.speed.slider.setMinimumWidth(SPEED_TRACK_MIN_WIDTH)
        self.speed.slider.setMaximumWidth(SPEED_TRACK_MAX_WIDTH)
        self.speed.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # by its track
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        for button in (self.play, self.step, self.step_epoch, self.reset):
            row.addWidget(button)
        row.addSpacing(8)
        row.addWidget(self.speed_label)
        row.addWidget(self.speed)
        row.addStretch(1)
        self.retranslate()
        guard_wheel(self)  # the speed changes by the wheel only once it has the focus

    def show_playing(self, playing: bool) -> None:
        """The Play button says what it will do: Play when paused, Pause while playing."""
        self._playing = playing
        self.play.setText(translate("controls", "❚❚ Pause") if playing else translate("controls", "▶ Play"))

    def retranslate(self) -> None:
        """Every word of the bar in the current language."""
        self.show_playing(self._playing)
        self.play.setToolTip(translate("controls", "Play or pause training (Space)"))
        self.step.setText(translate("controls", "Step"))
        self.step.setToolTip(translate("controls", "Step one phase of the iteration: batch in, forward, loss, "
                                                   "backward, update (→).\nShift+Step runs one whole iteration "
                                                   "(Shift+→)."))
        self.step_epoch.setText(translate("controls", "Step epoch"))
        self.step_epoch.setToolTip(translate("controls", "Run to the end of the current epoch"))
        self.reset.setText(translate("controls", "Reset"))
        self.reset.setToolTip(translate("controls", "A new run from iteration 0 with fresh weights (R)"))
        self.speed_label.setText(translate("controls", "Speed"))
        self.speed.retranslate(translate("controls", "Speed"))
        self.speed.setToolTip(translate("controls", "Iterations per second; at 4 or fewer every phase of an "
                                                    "iteration is animated."))
