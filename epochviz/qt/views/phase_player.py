"""``PhasePlayer``: steps or animates the five phases of an iteration for the views.

In slow motion each incoming iteration plays batch → forward → loss →
backward → update over its share of time; Step advances one phase by hand;
at full speed the player stays idle and the views show the latest state.

Every phase is shown for at least one frame, however late frames are: the
player advances at most one phase per frame, and an iteration that arrives
while the previous one is still on show waits for it to finish (then plays
faster to catch up) instead of cutting it short.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from epochviz.core.phases import IDLE, PHASES

FORWARD, BACKWARD = PHASES.index("forward"), PHASES.index("backward")

ANIMATION_MS = 16  # a running phase repaints its sweep at about the display's 60 Hz
CATCH_UP_S = 0.03  # the shortest phase, for an iteration that had to wait its turn
SLOW_MOTION_ITS = 4.0  # at or below this many iterations per second, phases are animated


class PhasePlayer(QObject):
    """Holds the phase on show (0..4, or ``IDLE``) and its progress (0..1)."""

    changed = Signal()

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        super().__init__()
        self.phase = IDLE
        self.progress = 1.0
        self.manual = False
        self.shown: list[int] = []  # the phases entered, in order (tests and diagnostics; cleared per run)
        self.passes = 1  # gradient accumulation: forward, loss and backward repeat this many times
        self.pass_index = 1  # which of them is on show
        self._clock = clock
        self._duration = 0.2
        self._started = 0.0
        self._waiting: float | None = None  # the period of an iteration waiting for its turn
        self._timer = QTimer(self, interval=ANIMATION_MS)
        self._timer.timeout.connect(self.tick)

    def set_passes(self, passes: int) -> None:
        """Each iteration runs ``passes`` forward and backward passes before its one update."""
        self.passes = max(1, int(passes))

    @property
    def phase_count(self) -> int:
        """Phases an iteration shows: batch, K x (forward, loss, backward), update."""
        return 2 + 3 * self.passes

    def _next_phase(self) -> int:
        if self.phase == BACKWARD and self.pass_index < self.passes:
            self.pass_index += 1  # the next micro-batch: its gradient is added to the sum
            return FORWARD
        return self.phase + 1

    @property
    def busy(self) -> bool:
        """True while an iteration's phases are still on show."""
        return self.phase < IDLE

    def play(self, period_s: float) -> None:
        """Animate all phases of a new iteration over ``period_s`` seconds (after the one on show)."""
        if self.busy and not self.manual:
            self._waiting = period_s
            return
        self.manual = False
        self._duration = max(CATCH_UP_S, 0.9 * period_s / self.phase_count)
        self._enter(0)

    def start_manual(self) -> None:
        """Show phase 0 of a new iteration and wait for ``advance``."""
        self.manual = True
        self._duration = 0.35
        self._enter(0)

    def advance(self) -> None:
        """Go to the next phase (after the last one: idle)."""
        self._enter(self._next_phase())

    def hold(self, progress: float) -> None:
        """Freeze the current phase at ``progress`` (for screenshots and demonstrations)."""
        self._timer.stop()
        self.manual = True
        self.progress = progress
        self.changed.emit()

    def finish(self) -> None:
        """Stop animating and show the latest state."""
        self._timer.stop()
        self._waiting = None
        self._enter(IDLE)

    def _enter(self, phase: int) -> None:
        if phase == 0:
            self.pass_index = 1
        self.phase = min(phase, IDLE)
        self.progress = 0.0 if self.phase < IDLE else 1.0
        self._started = self._clock()
        self.shown.append(self.phase)
        del self.shown[:-100]
        if self.phase == IDLE:
            self._timer.stop()
        else:
            self._timer.start()
        self.changed.emit()

    def tick(self) -> None:
        """One animation frame: move the progress on, and at most one phase."""
        if self.phase == IDLE:
            return
        self.progress = min(1.0, (self._clock() - self._started) / self._duration)
        if self.progress >= 1.0 and not self.manual:
            if self.phase + 1 >= IDLE and self._waiting is not None:
                # The waiting iteration starts at once, at twice the pace, to catch up.
                self._duration = max(CATCH_UP_S, 0.45 * self._waiting / self.phase_count)
                self._waiting = None
                self._enter(0)
                return
            self._enter(self._next_phase())
            return
        if self.progress >= 1.0:
            self._timer.stop()  # a manual phase holds its final frame until the next Step
        self.changed.emit()
