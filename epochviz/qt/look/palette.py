"""Colours shared by the views: sample states, classes, the sign of a weight, ink and background.

Chosen to stay apart on a washed-out projector and for the common colour
blindnesses: classes in the Okabe-Ito palette, orange/blue rather than
red/green for the key contrasts. A theme (``qt.themes``) changes these objects
in place, so every view that imported them draws in the new colours at its
next paint.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

# Sample states (index = epochviz.core.sample_states.UNSEEN, SEEN, IN_BATCH, DROPPED, HELD_OUT).
STATE_RGBA = np.array(
    [
        (205, 210, 218, 255),  # not yet seen: light grey
        (70, 130, 200, 255),   # seen this epoch: blue
        (245, 130, 20, 255),   # in the current batch: orange
        (60, 60, 60, 255),     # left out by drop-last: near black
        (240, 228, 66, 255),   # held out for validation: Okabe-Ito yellow, apart from the others for every eye
    ],
    dtype=np.uint8,
)
STATE_COLOURS = [QColor(*map(int, rgba)) for rgba in STATE_RGBA]

# Okabe-Ito's colour-blind-safe eight (orange, sky blue, bluish green, yellow, blue, vermillion,
# reddish purple, grey), and two more for the ten digits.
CLASS_RGB = np.array(
    [
        (0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0), (204, 121, 167),
        (86, 180, 233), (240, 228, 66), (120, 120, 120), (140, 86, 75), (40, 40, 40),
    ],
    dtype=np.float32,
)
CLASS_COLOURS = [QColor(*map(int, rgb)) for rgb in CLASS_RGB]

POSITIVE = QColor(33, 102, 172)  # positive weight: blue
NEGATIVE = QColor(214, 96, 77)   # negative weight: orange-red
FORWARD = QColor(255, 190, 60)   # forward pass glow
BACKWARD = QColor(170, 60, 200)  # backward pass glow
VIEW_BACKGROUND = QColor(252, 252, 252)  # behind the network and the boundary
INK = QColor(40, 40, 40)  # the views' text and outlines
NODE_FILL = QColor(255, 255, 255)  # a neuron


def over(colour: QColor, background: QColor, opacity: float) -> QColor:
    """``colour`` at ``opacity`` over ``background``, mixed into one opaque colour.

    Opaque lines of the same look paint far faster than translucent ones: hundreds
    of blended weight lines cost ~12 ms a paint, thousands of loss segments ~40 ms.
    """
    return QColor(*(round(opacity * c + (1 - opacity) * b) for c, b in zip(colour.getRgb()[:3],
                                                                          background.getRgb()[:3])))


def swatch(colour: QColor, text: str) -> str:
    """A coloured square and its meaning, as rich text for a legend line."""
    return f"<span style='color:{colour.name()}'>■</span>&nbsp;{text}"

# Compare mode's runs, in order: Okabe-Ito blue, vermillion, bluish green and reddish purple
# (apart for every common colour blindness and on a projector), each with its own marker too.
RUN_COLOURS = [QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115), QColor(204, 121, 167)]
RUN_SYMBOLS = ["o", "s", "t", "d"]
