"""``TrainWorker``: the one object that talks to the training engine, on its own QThread.

The worker owns a backend (the engine in a child process by default, or in
the worker's own thread), forwards commands to it, and on a ~60 Hz timer
gathers everything the engine produced into one ``updated`` signal. However
fast training runs, the window gets at most one update per frame, and every
iteration's loss is in one of them.
"""

from __future__ import annotations

import atexit
import time
import traceback
from typing import Protocol

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from epochviz.core.engine.loop import WORK_SLICE_S
from epochviz.core.engine.session import Chunk
from epochviz.core.engine.wire import ENGINES, Command, Configure, Speed, Stop, apply
from epochviz.core.engine.trainer_process import TrainerGone, TrainerProcess
from epochviz.text.translations import explain

TICK_MS = 16


class Backend(Protocol):
    """Where the engine runs: accepts commands, returns what it produced since last asked."""

    def send(self, command: Command) -> None: ...
    def receive(self) -> list[Chunk]: ...
    def close(self) -> None: ...


class ThreadBackend:
    """The engine in the worker's own thread: simpler, but it shares the GIL with the GUI."""

    def __init__(self, kind: str = "single") -> None:
        self.engine = ENGINES[kind]()

    def send(self, command: Command | Stop) -> None:
        if not isinstance(command, Stop):
            apply(command, self.engine)

    def receive(self) -> list[Chunk]:
        self.engine.run(time.perf_counter(), WORK_SLICE_S)
        chunk = self.engine.take_chunk()
        return [chunk] if chunk is not None else []

    def close(self) -> None:
        pass


BACKENDS = {"process": TrainerProcess, "thread": ThreadBackend}


class TrainWorker(QObject):
    """Drives training off the GUI thread; emits coalesced ``updated(Chunk)``.

    Signals
    -------
    updated(Chunk)
        Everything the current run produced since the previous update.
    errored(str)
        A plain-words description of an exception in training or in the worker.
    """

    updated = Signal(object)
    errored = Signal(str)

    def __init__(self, backend: str = "process", kind: str = "single") -> None:
        super().__init__()
        self._backend_name = backend
        self._kind = kind  # the engine: "single" (one run) or "compare" (several)
        self._backend: Backend | None = None
        self._run_id = 0
        self._speed: Speed | None = None  # the last speed command, for a backend started later
        self._timer: QTimer | None = None

    @property
    def trainer_pid(self) -> int | None:
        """The process id of the training process, if one is running (for tests and diagnostics)."""
        return getattr(self._backend, "pid", None)

    @Slot()
    def start(self) -> None:
        """Start the tick timer (call in the worker's thread); the backend waits for the first run."""
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def _ensure_backend(self) -> bool:
        """Start a backend if there is none; False (and an error reported) if it cannot start."""
        if self._backend is None:
            try:
                self._backend = BACKENDS[self._backend_name](kind=self._kind)
            except Exception as exc:  # noqa: BLE001 - shown in the window
                self._report(exc)
                return False
        return True

    @Slot(object)
    def command(self, command: Command) -> None:
        """Forward a command to the engine; a ``Configure`` sets the current run id.

        The training process starts with the first run (``configure``), not before:
        a window in compare mode never trains its single run, and a process that
        died is replaced by the next run. Until then only the speed is kept, since
        play, pause and step mean nothing to an engine without a run.
        """
        if isinstance(command, Configure):
            self._run_id = command.run_id
        elif isinstance(command, Speed):
            self._speed = command
        if self._backend is None:
            if not isinstance(command, Configure) or not self._ensure_backend():
                return
            if self._speed is not None and not self._forward(self._speed):  # a new engine: the window's speed
                return
        self._forward(command)

    def _forward(self, command: Command) -> bool:
        """Send one command to the backend; False (and the error reported) if it failed."""
        try:
            self._backend.send(command)
        except Exception as exc:  # noqa: BLE001 - shown in the window
            self._report(exc)
            return False
        return True

    @Slot()
    def tick(self) -> None:
        """Gather what the engine produced and emit it as one update (if any)."""
        if self._backend is None:
            return
        try:
            chunks = [c for c in self._backend.receive() if c.run_id == self._run_id]
        except Exception as exc:  # noqa: BLE001 - shown in the window
            self._report(exc)
            return
        if chunks:
            self.updated.emit(type(chunks[0]).merge(chunks))

    @Slot()
    def shutdown(self) -> None:
        """Stop the timer and the engine (call in the worker's thread)."""
        if self._timer is not None:
            self._timer.stop()
            shiboken6.delete(self._timer)  # here, in the thread it belongs to
            self._timer = None
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, TrainerGone):
            text = explain(exc)  # plain words, in the window's language
        else:
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.errored.emit(text)
        if isinstance(exc, RuntimeError) and self._backend is not None:
            self._backend.close()  # a dead or stuck process is replaced on the next command
            self._backend = None


class WorkerThread:
    """A ``TrainWorker`` living on its own ``QThread``, started and joined together.

    Every started one is kept in ``_LIVE`` until it has been joined: a QThread
    object destroyed while its thread runs aborts the interpreter, which is what
    used to happen to a window that was dropped or left open at exit.
    """

    def __init__(self, backend: str = "process", kind: str = "single") -> None:
        self.thread = QThread()
        self.thread.setObjectName("epochviz-worker")
        self.worker = TrainWorker(backend, kind)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        _LIVE.add(self)
        self.thread.start()

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Shut the worker down in its thread, then end and join the thread (safe to call twice)."""
        if not shiboken6.isValid(self.thread) or not shiboken6.isValid(self.worker):
            # Qt objects already destroyed (an interpreter's own shutdown, e.g. IPython's): nothing left to stop.
            _LIVE.discard(self)
            return True
        if self.thread.isRunning():
            # Run shutdown in the worker's thread and wait for it to finish there.
            QMetaObject.invokeMethod(self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
            if not self.thread.wait(timeout_ms):
                return False  # stays in _LIVE: never destroy a running QThread
        _LIVE.discard(self)
        return True


_LIVE: set[WorkerThread] = set()


class WorkerSet:
    """The worker threads of one window (its single run's and compare mode's), stopped together.

    It holds no reference to the window, so the application's ``aboutToQuit`` and
    the window's ``destroyed`` can stop the workers without keeping the window alive.
    Once stopped it starts nothing again: a closed window trains no more.
    """

    def __init__(self) -> None:
        self._threads: list[WorkerThread] = []
        self.stopped = False

    def start(self, backend: str, kind: str = "single") -> WorkerThread | None:
        """A new worker thread in this set, or None once the set has been stopped."""
        if self.stopped:
            return None
        worker_thread = WorkerThread(backend, kind)
        self._threads.append(worker_thread)
        return worker_thread

    def stop(self) -> None:
        """Stop every worker and its training process (safe to call twice)."""
        self.stopped = True
        while self._threads:
            self._threads.pop().stop()


@atexit.register
def stop_all_workers() -> None:
    """At interpreter exit, stop every worker still running (a script that never closed its window)."""
    for worker_thread in list(_LIVE):
        worker_thread.stop()
