"""The phases of one iteration, in the order the views show them (their captions: ``epochviz.text.phase_text``)."""

from __future__ import annotations

PHASES = ("batch", "forward", "loss", "backward", "update")
IDLE = len(PHASES)  # no phase on show: the views show the latest state

