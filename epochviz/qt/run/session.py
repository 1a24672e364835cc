"""``RunSession``: one training engine and the run it is on, for the single run and compare mode alike.

A session owns its backend (the engine in a child process, or in a thread),
the run id (chunks of a run it has left are dropped here, and only here), the
state, whether it is playing, each run's loss history, the speed, and the
pacing of new runs: a storm of settings is taken once per frame, the newest,
and a new run is configured once the settings have rested (``RECONFIGURE_MS``)
or the run is driven. It tells the rest of the window what happened with
typed signals; it knows no widget.

Nothing here blocks the GUI thread: commands are queued to the backend, and a
timer on the frame's clock collects what arrived (``receive`` never waits) into
one coalesced chunk a frame. A child that died or stopped answering is
reported (``failed``) and replaced by the next run.

``stop()`` is how training ends, whatever ends it: the window's ``shutdown``
(close, Ctrl+C, SIGTERM, quit, a dropped window), Qt deleting the window, and
the interpreter's exit (``stop_all``) all come here.
"""

from __future__ import annotations

import atexit
import traceback
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from epochviz.core.engine.compare_engine import CompareChunk
from epochviz.core.engine.session import Chunk, RunConfig
from epochviz.core.engine.trainer_process import TrainerGone, TrainerProcess
from epochviz.core.engine.trainer_thread import TrainerThread
from epochviz.core.engine.wire import Command, Configure, Pause, PauseAt, Play, Speed, Step, StepEpoch
from epochviz.core.history import LossHistory
from epochviz.text.translations import explain

FRAME_MS = 16  # what arrived is collected once a frame: one coalesced update at most
RECONFIGURE_MS = 200  # a dragged slider restarts training once it rests this long
BACKENDS = {"process": TrainerProcess, "thread": TrainerThread}
ENDED = ("finished", "diverged", "error")  # Play after these starts the run again from scratch

Runs = RunConfig | tuple[RunConfig, ...]  # one run, or the runs of a comparison


def plain_history(config: RunConfig) -> LossHistory:
    """A run's loss history as the single run's chart keeps it."""
    return LossHistory(config.schedule())


class RunSession(QObject):
    """One engine (``kind`` ``"single"`` or ``"compare"``) on one backend, and the run it is on.

    Signals
    -------
    run_started(runs)
        A new run (or comparison) begins, at iteration 0: views and charts start over.
    configured(runs)
        The engine has been given the current run (after the settings rested): it trains from now on.
    settings_changed(RunConfig)
        ``propose`` took new settings: a new run has begun with them.
    settings_refused(ValueError)
        ``propose`` was given settings that cannot run; nothing changed.
    chunk_arrived(Chunk | CompareChunk)
        Everything the current run produced since the last one, already in ``histories``.
    state_changed(str)
        ``paused``, ``playing``, ``finished``, ``diverged`` or ``error``, as the engine reports it.
    playing_changed(bool)
        Whether the transport is playing (the Play button's text, the views' pacing).
    failed(str)
        Training stopped: the engine's error, or a training process that died or hung, in words.
    """

    run_started = Signal(object)
    configured = Signal(object)
    settings_changed = Signal(object)
    settings_refused = Signal(object)
    chunk_arrived = Signal(object)
    state_changed = Signal(str)
    playing_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, runs: Runs, *, backend: str = "process", kind: str = "single", active: bool = True,
                 history_for: Callable[[RunConfig], LossHistory] = plain_history) -> None:
        super().__init__()  # no parent: Qt never deletes it under a running backend; stop() ends it
        self.backend_name, self.kind = backend, kind
        self._history_for = history_for  # a plain function: a bound method here would make a cycle
        self.runs: tuple[RunConfig, ...] = ()
        self.histories: list[LossHistory] = []
        self.run_id = 0
        self.state = "idle"
        self.playing = False
        self.active = active  # an inactive session (the mode not on screen) trains nothing
        self.stopped = False
        self.speed: float | None = None  # iterations a second; None as fast as it goes
        self._pause_moment: int | None = None  # the engine pauses itself after this iteration (``pause_at``)
        self._backend = None
        self._configured = False  # whether the current run was given to an engine (once: its chunks count from 1)
        self._proposal: RunConfig | None = None
        self._poll = QTimer(self, interval=FRAME_MS)
        self._poll.timeout.connect(self._receive)
        self._proposals = QTimer(self, singleShot=True, interval=FRAME_MS)  # one settings change a frame
        self._proposals.timeout.connect(self._take_proposal)
        self._settle = QTimer(self, singleShot=True, interval=RECONFIGURE_MS)
        self._settle.timeout.connect(self._configure)
        _OPEN.add(self)
        self._begin(runs)

    # -- what runs ----------------------------------------------------------------
    @property
    def trainer_pid(self) -> int | None:
        """The training process's id while one runs (tests and diagnostics)."""
        return getattr(self._backend, "pid", None)

    @property
    def config(self) -> Runs:
        """What runs: the single run's ``RunConfig``, or a comparison's tuple of them."""
        return self.runs if self.kind == "compare" else self.runs[0]

    def start(self, runs: Runs, *, settle: bool = False) -> None:
        """A fresh run of ``runs`` from iteration 0, playing if the session was.

        With ``settle``, the engine is told once the settings have rested for
        ``RECONFIGURE_MS`` (or at the next transport command): a dragged slider
        makes one new run, not one per step.
        """
        self._begin(runs)
        if settle:
            self._settle.start()
        else:
            self._configure()

    def restart(self) -> None:
        """The same runs again from iteration 0, playing if the session was."""
        self.start(self.config)

    def reset(self) -> None:
        """The same runs again from iteration 0, paused."""
        self._set_playing(False)
        self.restart()

    def _begin(self, runs: Runs) -> None:
        self.run_id += 1
        self.runs = runs if isinstance(runs, tuple) else (runs,)
        self.histories = [self._history_for(config) for config in self.runs]
        self.state = "idle"
        self._configured = False
        self._pause_moment = None  # a new run forgets the old one's moment, as the engine does
        self.run_started.emit(self.config)

    def _configure(self) -> None:
        """Give the engine the current run, once (only while active: a mode not on screen trains nothing)."""
        self._settle.stop()
        if not self.active or self.stopped or self._configured:
            return
        self._configured = self._send(Configure(self.config, self.run_id))
        if self._configured:
            self.configured.emit(self.config)
            if self.playing:
                self._send(Play())

    def set_active(self, active: bool) -> None:
        """On screen or not: leaving pauses; coming back starts the run the session kept, if it never started."""
        if not active:
            self.pause()
        self.active = active
        if active and not self._configured:
            self._configure()

    # -- settings -----------------------------------------------------------------
    def propose(self, config: RunConfig) -> None:
        """New settings: taken now, or (in a storm of changes) once per frame, the newest."""
        self._proposal = config
        if not self._proposals.isActive():
            self._take_proposal()
            self._proposals.start()  # changes in the next frame wait for its end

    def flush(self) -> None:
        """Take a proposal still waiting for the end of its frame, now (scripts and tests)."""
        self._proposals.stop()
        self._take_proposal()

    def _take_proposal(self) -> None:
        config, self._proposal = self._proposal, None
        if config is None or config == self.runs[0]:
            return
        try:
            config.validated()
        except ValueError as exc:
            self.settings_refused.emit(exc)
            return
        self.start(config, settle=True)
        self.settings_changed.emit(config)

    # -- the transport ---------------------------------------------------------------
    def play(self) -> None:
        """Train; after the end of a run, a fresh one from iteration 0."""
        if self.state in ENDED:
            self.restart()
        self._drive(Play())
        self._set_playing(True)

    def pause(self) -> None:
        self._drive(Pause())
        self._set_playing(False)

    def step(self, n: int = 1) -> None:
        """Run ``n`` iterations now, then stay paused."""
        self._drive(Step(n))
        self._set_playing(False)

    def step_epoch(self) -> None:
        self._drive(StepEpoch())
        self._set_playing(False)

    def pause_at(self, iteration: int | None) -> None:
        """Pause by itself once global iteration ``iteration`` has run (None: play on).

        The engine pauses itself; the session says so (``playing_changed``) when that
        iteration's loss arrives, so that Play, the views and a script agree.
        """
        if self.active:
            self._pause_moment = iteration
        self._drive(PauseAt(iteration))

    def set_speed(self, speed: float | None) -> None:
        """Iterations a second; None (or infinity) as fast as it goes. Kept for a backend started later."""
        self.speed = None if speed is None or speed == float("inf") else speed
        if self._backend is not None:
            self._send(Speed(self.speed))

    def _drive(self, command: Command) -> None:
        if not self.active:
            return
        if self._settle.isActive() or not self._configured:
            self._configure()  # a new run starts before it is driven
        self._send(command)

    def _set_playing(self, playing: bool) -> None:
        if playing != self.playing:
            self.playing = playing
            self.playing_changed.emit(playing)

    # -- the backend ------------------------------------------------------------------
    def _send(self, command: Command) -> bool:
        """Send one command, starting a backend for a new run; False (and ``failed``) if it could not."""
        if self._backend is None:
            if not isinstance(command, Configure) or self.stopped:
                return False  # an engine without a run has nothing to play, pause or step
            try:
                self._backend = BACKENDS[self.backend_name](kind=self.kind)
            except Exception as exc:  # noqa: BLE001 - shown in the window
                self._fail(_words(exc))
                return False
            self._poll.start()
            if self.speed is not None and not self._send(Speed(self.speed)):
                return False
        try:
            self._backend.send(command)
        except Exception as exc:  # noqa: BLE001 - shown in the window
            self._lose_backend(exc)
            return False
        return True

    def _receive(self) -> None:
        """The frame's tick: everything the engine sent since the last one, as one chunk of the current run."""
        if self._backend is None:
            return
        try:
            chunks = [c for c in self._backend.receive() if c.run_id == self.run_id]
        except Exception as exc:  # noqa: BLE001 - shown in the window
            self._lose_backend(exc)
            return
        if chunks:
            self._take(type(chunks[0]).merge(chunks))

    def _take(self, chunk: Chunk | CompareChunk) -> None:
        lanes = chunk.lanes if isinstance(chunk, CompareChunk) else [chunk]
        for history, lane in zip(self.histories, lanes):
            if len(lane):
                history.append(lane.global_iteration, lane.loss, lane.seconds)
        self.chunk_arrived.emit(chunk)
        self._check_pause_moment()
        if chunk.state == "error" or chunk.error:
            self._fail(chunk.error or "")
        elif chunk.state != self.state:
            self.state = chunk.state
            if chunk.state in ENDED:
                self._set_playing(False)
            self.state_changed.emit(chunk.state)

    def _check_pause_moment(self) -> None:
        """The engine has run to its moment of pause (``pause_at``): the transport is paused too."""
        moment = self._pause_moment
        if moment is not None and min(len(history) for history in self.histories) >= moment:
            self._pause_moment = None
            if self.playing:
                self.pause()

    def _lose_backend(self, exc: BaseException) -> None:
        """The backend failed (a dead or stuck process): close it; the next run (Reset, Play) starts a new one."""
        self._close_backend()
        self._fail(_words(exc))

    def _fail(self, message: str) -> None:
        self.state = "error"
        self._set_playing(False)
        self.state_changed.emit("error")
        self.failed.emit(message)

    def _close_backend(self) -> None:
        backend, self._backend = self._backend, None
        if shiboken6.isValid(self):
            self._poll.stop()
        if backend is not None:
            backend.close()

    def stop(self) -> None:
        """End training for good: the backend closes and nothing starts again (safe to call twice)."""
        self.stopped, self.active = True, False
        _OPEN.discard(self)
        if shiboken6.isValid(self):  # at the interpreter's exit Qt may have deleted it already
            self._proposals.stop()
            self._settle.stop()
        self._close_backend()


def _words(exc: BaseException) -> str:
    """An exception from the backend in one line: plain words for a lost process, else its type and text."""
    if isinstance(exc, TrainerGone):
        return explain(exc)
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


_OPEN: weakref.WeakSet[RunSession] = weakref.WeakSet()


@atexit.register
def stop_all() -> None:
    """At the interpreter's exit, end every session still training (a script that never closed its window)."""
    for session in list(_OPEN):
        session.stop()
