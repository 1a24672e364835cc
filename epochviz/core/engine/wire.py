"""The protocol between the window and its training engine: typed commands and messages, and their framing.

Commands go to the engine, messages come back; each is a small frozen
dataclass, so that both sides name what they read instead of indexing tuples.
A command knows which engine method it means (``apply``); both engines
(``TrainingEngine``, ``CompareEngine``) have those methods.

On a byte stream (the child process's stdin and stdout) every message is a
length-prefixed pickle (``Channel``). Why not ``multiprocessing``: its spawn
start method re-runs the user's main module in the child, which breaks demo
scripts without a main guard and scripts read from stdin. The training process
is started as its own entry point (``python -m epochviz.core.engine.remote``)
and speaks over its stdin and stdout, which works the same on every platform.
"""

from __future__ import annotations

import pickle
import struct
import threading
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from epochviz.core.engine.compare_engine import CompareChunk, CompareEngine
from epochviz.core.engine.session import Chunk, TrainingEngine
from epochviz.core.run_config import RunConfig

HEARTBEAT_S = 0.25  # the child says it is alive this often, even in the middle of a long iteration


class Engine(Protocol):
    """What a command acts on: a ``TrainingEngine`` (one run) or a ``CompareEngine`` (several)."""

    def configure(self, config, run_id: int) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def step(self, n: int = 1) -> None: ...
    def step_epoch(self) -> None: ...
    def set_speed(self, speed: float | None) -> None: ...
    def pause_at(self, iteration: int | None) -> None: ...


# -- commands: the window to the engine ------------------------------------------------------
@dataclass(frozen=True)
class Configure:
    """Start a new run, paused at iteration 0: one config (one run) or a tuple of them (a comparison).

    ``run_id`` names the run; every chunk of it carries that id, so that the late
    chunks of a run the window has already left are recognised and dropped.
    """

    config: RunConfig | tuple[RunConfig, ...]
    run_id: int

    def apply(self, engine: Engine) -> None:
        engine.configure(self.config, self.run_id)


@dataclass(frozen=True)
class Play:
    """Train at the set speed until paused or finished."""

    def apply(self, engine: Engine) -> None:
        engine.play()


@dataclass(frozen=True)
class Pause:
    """Stop after the current iteration (and forget pending steps)."""

    def apply(self, engine: Engine) -> None:
        engine.pause()


@dataclass(frozen=True)
class Step:
    """Run ``n`` more iterations now, then stay paused."""

    n: int = 1

    def apply(self, engine: Engine) -> None:
        engine.step(self.n)


@dataclass(frozen=True)
class StepEpoch:
    """Run to the end of the current epoch, then stay paused."""

    def apply(self, engine: Engine) -> None:
        engine.step_epoch()


@dataclass(frozen=True)
class Speed:
    """Iterations a second while playing; None is as fast as it goes."""

    per_second: float | None

    def apply(self, engine: Engine) -> None:
        engine.set_speed(self.per_second)


@dataclass(frozen=True)
class PauseAt:
    """Pause by itself once global iteration ``iteration`` has run (None: play on): a scene's moment of proof.

    The engine stops there exactly; a window that paused on seeing it would overshoot by the iterations in flight.
    """

    iteration: int | None

    def apply(self, engine: Engine) -> None:
        engine.pause_at(self.iteration)


@dataclass(frozen=True)
class Stop:
    """The window is done with the engine: the training process (or thread) ends."""


Command = Configure | Play | Pause | Step | StepEpoch | Speed | PauseAt
COMMANDS = (Configure, Play, Pause, Step, StepEpoch, Speed, PauseAt)


# -- messages: the engine to the window ------------------------------------------------------
@dataclass(frozen=True)
class Heartbeat:
    """"Still here": sent every ``HEARTBEAT_S``, so that a busy child can be told from a stopped one."""


Message = Heartbeat | Chunk | CompareChunk  # a chunk: everything a run produced since the last one

HEARTBEAT = Heartbeat()
STOP = Stop()
# The engines a training process can run, by the name its command line gives.
ENGINES: dict[str, type[TrainingEngine] | type[CompareEngine]] = {"single": TrainingEngine, "compare": CompareEngine}


def apply(command: object, engine: Engine) -> None:
    """Apply a wire command to ``engine``; ``ValueError`` for anything that is not one."""
    if not isinstance(command, COMMANDS):
        raise ValueError(f"unknown command {command!r}")
    command.apply(engine)


# -- framing: length-prefixed pickles on a byte stream -----------------------------------------
_HEADER = struct.Struct("<Q")  # payload length in bytes


class Channel:
    """Writes and reads whole messages on a pair of binary streams (thread-safe writes)."""

    def __init__(self, reader: BinaryIO | None, writer: BinaryIO | None) -> None:
        self._reader = reader
        self._writer = writer
        self._write_lock = threading.Lock()

    def send(self, message: object) -> None:
        """Write one message; ``BrokenPipeError``/``OSError`` when the other side is gone."""
        payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with self._write_lock:
            self._writer.write(_HEADER.pack(len(payload)))
            self._writer.write(payload)
            self._writer.flush()

    def receive(self) -> object:
        """Block until one whole message has arrived; ``EOFError`` when the stream ends."""
        header = self._read_exactly(_HEADER.size)
        (size,) = _HEADER.unpack(header)
        return pickle.loads(self._read_exactly(size))

    def _read_exactly(self, size: int) -> bytes:
        data = self._reader.read(size)
        while data is not None and len(data) < size:
            more = self._reader.read(size - len(data))
            if not more:
                break
            data += more
        if data is None or len(data) < size:
            raise EOFError("the stream ended")
        return data
