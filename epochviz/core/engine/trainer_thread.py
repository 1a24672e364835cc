"""The engine in a thread of this process (backend ``"thread"``): the same loop as the training process.

Simpler than a child process, but training shares the GIL with the window
(see ``remote`` for what that costs). It has the training process's three calls:
``send`` and ``receive`` never block, ``close`` ends the thread.
"""

from __future__ import annotations

import queue
import threading

from epochviz.core.engine.loop import serve
from epochviz.core.engine.wire import STOP, Command, Message

STOP_GRACE_S = 2.0  # a command is answered within one work slice (8 ms); this is only a bound


class TrainerThread:
    """``loop.serve`` on a daemon thread, fed and drained through two queues."""

    pid = None  # no process of its own

    def __init__(self, kind: str = "single") -> None:
        self._inbox: queue.Queue = queue.Queue()
        self._outbox: queue.Queue = queue.Queue()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._serve, args=(kind,), daemon=True, name="epochviz-trainer")
        self._thread.start()

    def _serve(self, kind: str) -> None:
        try:
            serve(self._inbox, self._outbox.put, kind)
        except Exception as exc:  # noqa: BLE001 - raised again on the window's side by receive()
            self._failure = exc

    def send(self, command: Command) -> None:
        """Queue a command for the engine (never blocks); the engine's failure, if it has failed."""
        self._check()
        self._inbox.put(command)

    def receive(self) -> list[Message]:
        """Every chunk made since the last call; the engine's failure, if it has failed."""
        messages = []
        while True:
            try:
                messages.append(self._outbox.get_nowait())
            except queue.Empty:
                break
        if not messages:
            self._check()
        return messages

    def _check(self) -> None:
        if self._failure is not None:
            raise self._failure

    def close(self, grace_s: float = STOP_GRACE_S) -> None:
        """Stop the loop and wait for the thread to end (safe to call twice)."""
        self._inbox.put(STOP)
        self._thread.join(grace_s)
