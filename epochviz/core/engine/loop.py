"""The engine's loop: run commands as they come, train what is due, send at most one chunk a frame.

The same loop runs in the training process (``remote``) and, for the thread
backend, in a thread of the window's process (``trainer_thread``): only where
commands come from and where chunks go differ.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

from epochviz.core.engine.wire import ENGINES, Stop, apply

FRAME_S = 1 / 60  # at most one chunk a frame while training: the window draws at this pace anyway
WORK_SLICE_S = 0.008  # keep commands answered within half a frame


def serve(inbox: queue.Queue, send: Callable[[object], None], kind: str = "single") -> None:
    """Run commands from ``inbox`` until a ``Stop``; hand every chunk to ``send``.

    ``kind`` names the engine (``wire.ENGINES``): ``"single"`` (one run) or
    ``"compare"`` (several runs taking turns). A chunk goes out at most once per
    ``FRAME_S`` while training, and at once when a run pauses, ends or fails.
    """
    engine = ENGINES[kind]()
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
            command = inbox.get(timeout=wait) if wait is None or wait > 0 else inbox.get_nowait()
        except queue.Empty:
            command = None
        if command is not None:
            if isinstance(command, Stop):
                return
            apply(command, engine)
            pending = True
            continue
        if engine.busy and engine.seconds_until_due(clock()) == 0.0:
            engine.run(clock(), WORK_SLICE_S)
            pending = True
        if pending and (not engine.busy or clock() - last_send >= FRAME_S):
            chunk = engine.take_chunk()
            if chunk is not None:
                send(chunk)
            last_send, pending = clock(), False
