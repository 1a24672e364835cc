"""``TrainWorker``: the one object that talks to the training engine, on its own QThread.

The worker owns a backend (the engine in a child process by default, or in
the worker's own thread), forwards commands to it, and on a ~60 Hz timer
gathers everything the engine produced into one ``updated`` signal. However
fast training runs, the window gets at most one update per frame, and every
iteration's loss is in one of them.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from typing import Protocol

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from epochviz.core.remote import WORK_SLICE_S, serve
from epochviz.core.session import Chunk, TrainingEngine

TICK_MS = 16


class Backend(Protocol):
    """Where the engine runs: accepts commands, returns what it produced since last asked."""

    def send(self, command: tuple) -> None: ...
    def receive(self) -> list[Chunk]: ...
    def close(self) -> None: ...


# One BLAS thread in the trainer: on a 2-core laptop a multi-threaded matmul at an
# epoch end would take the core the window draws on. These tiny matrices gain nothing.
_CHILD_ENV = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


class ProcessBackend:
    """The engine in a child process (spawned, so no Qt state is forked into it)."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=serve, args=(child,), name="epochviz-trainer", daemon=True)
        saved = {name: os.environ.get(name) for name in _CHILD_ENV}
        os.environ.update(_CHILD_ENV)  # the spawned interpreter copies the environment at start
        try:
            self._process.start()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        child.close()

    def send(self, command: tuple) -> None:
        try:
            self._conn.send(command)
        except (BrokenPipeError, OSError) as exc:
            raise RuntimeError("the training process has stopped") from exc

    def receive(self) -> list[Chunk]:
        chunks = []
        try:
            while self._conn.poll(0):
                chunks.append(self._conn.recv())
        except (EOFError, OSError) as exc:
            raise RuntimeError(
                f"the training process stopped unexpectedly (exit code {self._process.exitcode})"
            ) from exc
        return chunks

    def close(self) -> None:
        try:
            self._conn.send(("stop",))
        except (BrokenPipeError, OSError):
            pass
        self._process.join(0.5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(0.5)
        self._conn.close()


class ThreadBackend:
    """The engine in the worker's own thread: simpler, but it shares the GIL with the GUI."""

    def __init__(self) -> None:
        self.engine = TrainingEngine()

    def send(self, command: tuple) -> None:
        if command[0] != "stop":
            self.engine.handle(command)

    def receive(self) -> list[Chunk]:
        self.engine.run(time.perf_counter(), WORK_SLICE_S)
        chunk = self.engine.take_chunk()
        return [chunk] if chunk is not None else []

    def close(self) -> None:
        pass


BACKENDS = {"process": ProcessBackend, "thread": ThreadBackend}


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

    def __init__(self, backend: str = "process") -> None:
        super().__init__()
        self._backend_name = backend
        self._backend: Backend | None = None
        self._run_id = 0
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        """Create the backend and the tick timer (call in the worker's thread)."""
        self._backend = BACKENDS[self._backend_name]()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    @Slot(object)
    def command(self, command: tuple) -> None:
        """Forward a command tuple to the engine; a configure sets the current run id."""
        if command[0] == "configure":
            self._run_id = command[2]
        try:
            if self._backend is None:
                self._backend = BACKENDS[self._backend_name]()
            self._backend.send(command)
        except Exception as exc:  # noqa: BLE001 - shown in the window
            self._report(exc)

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
            self.updated.emit(Chunk.merge(chunks))

    @Slot()
    def shutdown(self) -> None:
        """Stop the timer and the engine (call in the worker's thread)."""
        if self._timer is not None:
            self._timer.stop()
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def _report(self, exc: BaseException) -> None:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.errored.emit(text)
        if isinstance(exc, RuntimeError) and self._backend is not None:
            self._backend.close()  # a dead process is replaced on the next command
            self._backend = None


class WorkerThread:
    """A ``TrainWorker`` living on its own ``QThread``, started and joined together."""

    def __init__(self, backend: str = "process") -> None:
        self.thread = QThread()
        self.thread.setObjectName("epochviz-worker")
        self.worker = TrainWorker(backend)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self.thread.start()

    def stop(self, timeout_ms: int = 1500) -> bool:
        """Shut the worker down in its thread, then end and join the thread."""
        if not self.thread.isRunning():
            return True
        # Run shutdown in the worker's thread and wait for it to finish there.
        QMetaObject.invokeMethod(self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
        self.thread.quit()
        return self.thread.wait(timeout_ms)
