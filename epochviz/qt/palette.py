"""Colours shared by the views: sample states, classes, and the sign of a weight.

Chosen to stay apart on a washed-out projector and for the common colour
blindnesses (orange/blue rather than red/green for the key contrasts).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

# Sample states (index = epochviz.core.sample_states.UNSEEN, SEEN, IN_BATCH, DROPPED).
STATE_RGBA = np.array(
    [
        (205, 210, 218, 255),  # not yet seen: light grey
        (70, 130, 200, 255),   # seen this epoch: blue
        (245, 130, 20, 255),   # in the current batch: orange
        (60, 60, 60, 255),     # left out by drop-last: near black
    ],
    dtype=np.uint8,
)
STATE_COLOURS = [QColor(*map(int, rgba)) for rgba in STATE_RGBA]

CLASS_RGB = np.array(
    [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
        (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    ],
    dtype=np.float32,
)
CLASS_COLOURS = [QColor(*map(int, rgb)) for rgb in CLASS_RGB]

POSITIVE = QColor(33, 102, 172)  # positive weight: blue
NEGATIVE = QColor(214, 96, 77)   # negative weight: orange-red
FORWARD = QColor(255, 190, 60)   # forward pass glow
BACKWARD = QColor(170, 60, 200)  # backward pass glow


def swatch(colour: QColor, text: str) -> str:
    """A coloured square and its meaning, as rich text for a legend line."""
    return f"<span style='color:{colour.name()}'>■</span>&nbsp;{text}"
