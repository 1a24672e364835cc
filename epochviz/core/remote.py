"""The training engine in a child process, talking over a ``multiprocessing`` pipe.

Why a process: in one interpreter, the trainer's many small numpy calls and
the GUI's drawing compete for the GIL, which measured here cost the trainer
more than half its speed and made the GUI's frames late. A child process has
its own interpreter; the GUI side only receives a few chunks a second.

Protocol: the parent sends command tuples (see ``TrainingEngine.handle``) and
``("stop",)``; the child sends ``Chunk`` objects, at most one per ``FRAME_S``
while training, at once when a run pauses, ends or fails.
"""

from __future__ import annotations

import os
import time
from multiprocessing.connection import Connection

from epochviz.core.session import TrainingEngine

FRAME_S = 1 / 60
WORK_SLICE_S = 0.008  # keep commands answered within half a frame
NICENESS = 5


def _yield_to_the_gui() -> None:
    """Lower this process's CPU priority a little: on a busy machine the window's
    frames should win over a few percent of training speed."""
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):
        pass  # not available (e.g. Windows) or not permitted: run at normal priority


def serve(conn: Connection) -> None:
    """Run commands from ``conn`` until ``("stop",)`` or the pipe closes."""
    _yield_to_the_gui()
    engine = TrainingEngine()
    clock = time.perf_counter
    last_send = clock()
    pending = False  # iterations or state changes not yet sent
    while True:
        now = clock()
        wait = engine.seconds_until_due(now)
        if pending:
            flush_in = 0.0 if not engine.busy else max(0.0, last_send + FRAME_S - now)
            wait = flush_in if wait is None else min(wait, flush_in)
        try:
            if conn.poll(wait):
                command = conn.recv()
                if command[0] == "stop":
                    return
                engine.handle(command)
                pending = True
                continue
        except (EOFError, OSError):
            return  # the parent is gone
        if engine.busy and engine.seconds_until_due(clock()) == 0.0:
            engine.run(clock(), WORK_SLICE_S)
            pending = True
        if pending and (not engine.busy or clock() - last_send >= FRAME_S):
            chunk = engine.take_chunk()
            if chunk is not None:
                try:
                    conn.send(chunk)
                except (BrokenPipeError, OSError):
                    return
            last_send, pending = clock(), False
