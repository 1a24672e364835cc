"""The transport: Play/Pause, Step, Step epoch, Reset and the speed, driving the mode on screen.

There are two run sessions, the single run's and compare mode's; the transport
drives whichever is active (compare mode's while it is on), so that the
buttons, the keys and a script's ``window.play()`` mean the same in both. Step
in the single run shows the iteration phase by phase (the views' slow motion)
before it trains the next one.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from epochviz.qt.panel.controls import ControlPanel
from epochviz.qt.run.session import RunSession
from epochviz.qt.views.views_panel import LearningViews
from epochviz.qt.window import messages


def check_iterations(n: object, what: str = "run_iterations: n", least: int = 0) -> int:
    """``n`` as a number of iterations: ``TypeError`` for anything but a whole number, ``ValueError`` below
    ``least``."""
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{what} must be a whole number of iterations, got {n!r}")
    if n < least:
        raise ValueError(f"{what} must be {least} or more iterations, got {n!r}")
    return int(n)


class Transport(QObject):
    """Drives ``single`` or, while it is active, ``compare``; the panel's buttons and speed come here.

    ``notice(str)`` says what a Reset did.
    """

    notice = Signal(str)

    def __init__(self, single: RunSession, compare: RunSession, controls: ControlPanel,
                 views: LearningViews, screen: QWidget) -> None:
        super().__init__()  # the window keeps it
        self.single, self.compare, self.views = single, compare, views
        self._batch = controls.batch
        controls.play.clicked.connect(self.toggle_play)
        controls.step.clicked.connect(self._on_step_clicked)
        controls.step_epoch.clicked.connect(self.step_epoch)
        controls.reset.clicked.connect(self.reset)
        controls.speed.valueChanged.connect(self.set_speed)
        for session in (single, compare):
            session.playing_changed.connect(controls.show_playing)
        self.set_speed(controls.speed.value())
        # The keys belong to the window's screen (its central widget), not to the buttons:
        # QAbstractButton.setText() replaces a button's shortcut with its mnemonic, so Space
        # stopped working after the first Play.
        for keys, action in ((Qt.Key.Key_Space, self.toggle_play), (Qt.Key.Key_Right, self.step_phase),
                             (Qt.Key.Key_R, self.reset), ("Shift+Right", lambda: self.run_iterations(1))):
            QShortcut(QKeySequence(keys), screen, action)

    @property
    def driven(self) -> RunSession:
        """The session on screen: compare mode's while it is on, else the single run's."""
        return self.compare if self.compare.active else self.single

    @property
    def playing(self) -> bool:
        return self.driven.playing

    def on_compare_switched(self, on: bool) -> None:
        """Compare mode turned on (the single run pauses) or off (it carries on where it was)."""
        self.single.set_active(not on)
        self._batch.setEnabled(not on)  # each compared run has its own batch size

    def play(self) -> None:
        self.driven.play()

    def pause(self) -> None:
        self.driven.pause()

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def run_iterations(self, n: int) -> None:
        """Run ``n`` iterations now, as fast as possible, then stay paused."""
        n = check_iterations(n)
        self.views.awaiting_phase_step = False
        self.driven.step(n)

    def step_phase(self) -> None:
        """The next phase of the iteration, and a new iteration when the last one is done (compare: one update)."""
        if self.compare.active:
            self.run_iterations(1)  # compare mode has no slow motion: one update of every run
        elif self.views.step_phase():
            self.single.step(1)
        else:
            self.single.pause()

    def _on_step_clicked(self) -> None:
        """Step: one phase; with Shift, one whole iteration."""
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.run_iterations(1)
        else:
            self.step_phase()

    def step_epoch(self) -> None:
        self.driven.step_epoch()

    def pause_at(self, iteration: int) -> None:
        """Pause by itself once global iteration ``iteration`` has run (a scene's moment of proof);
        ``TypeError``/``ValueError`` unless it is a whole number from 1."""
        self.driven.pause_at(check_iterations(iteration, "pause_at: iteration", least=1))

    def reset(self) -> None:
        """A fresh run (or comparison) with the same settings, paused at iteration 0."""
        comparing = self.compare.active
        self.driven.reset()
        self.notice.emit(messages.reset_compare() if comparing else messages.reset_one())

    def set_speed(self, speed: float) -> None:
        """Iterations a second for both modes (infinity: as fast as it goes); the views follow the panel's speed."""
        for session in (self.single, self.compare):
            session.set_speed(None if math.isinf(speed) else speed)
