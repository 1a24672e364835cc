"""The parent's handle on the training process: start it, talk to it, notice when it is gone or stuck.

The child is started as ``python -P -m epochviz.core.engine.remote`` (see there), so it
never re-runs the user's script: an unguarded demo script, a script on stdin,
``python -c``, IPython and Jupyter all work alike. Three small daemon threads
keep every call here non-blocking: one writes commands, one reads messages,
one keeps the last lines the child wrote to stderr (for a plain error message).
"""

from __future__ import annotations

import collections
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from epochviz.core.engine.wire import STOP, Channel, Command, Heartbeat, Message, Stop
from epochviz.core.words import QT_TRANSLATE_NOOP, Phrase, worded

HANG_S = 4.0  # no word from the child for this long (it sends one every 0.25 s) means it is stuck
START_S = 20.0  # its first word may take longer: a new interpreter imports numpy, slowly on a busy machine
STOP_GRACE_S = 0.5  # how long close() waits for a polite stop before it kills

# One BLAS thread in the trainer: on a 2-core laptop a multi-threaded matmul at an
# epoch end would take the core the window draws on. These tiny matrices gain nothing.
_CHILD_ENV = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds ``epochviz/``


class TrainerGone(RuntimeError):
    """The training process has exited or stopped answering; the message says which, in plain words."""


def _exit_words(code: int | None) -> Phrase:
    if code is None:
        return Phrase(QT_TRANSLATE_NOOP("errors", "it is still running"))
    if code < 0:
        try:
            return Phrase(QT_TRANSLATE_NOOP("errors", "it was killed by {signal}"), signal=signal.Signals(-code).name)
        except ValueError:
            return Phrase(QT_TRANSLATE_NOOP("errors", "it was killed by signal {number}"), number=-code)
    return Phrase(QT_TRANSLATE_NOOP("errors", "it exited with code {code}"), code=code)


class TrainerProcess:
    """A running training process: ``send`` commands, ``receive`` what it produced."""

    def __init__(self, hang_s: float | None = None, kind: str = "single") -> None:
        env = dict(os.environ, **_CHILD_ENV)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        self.hang_s = HANG_S if hang_s is None else hang_s
        self._process = subprocess.Popen(
            [sys.executable, "-P", "-m", "epochviz.core.engine.remote", kind],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        self._outbox: queue.Queue = queue.Queue()
        self._inbox: queue.Queue = queue.Queue()
        self._stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
        self._last_heard = time.monotonic()
        self._heard_once = False
        self._closed = False
        self._threads = [
            threading.Thread(target=self._write_commands, daemon=True, name="epochviz-commands"),
            threading.Thread(target=self._read_messages, daemon=True, name="epochviz-messages"),
            threading.Thread(target=self._keep_stderr, daemon=True, name="epochviz-stderr"),
        ]
        for thread in self._threads:
            thread.start()

    @property
    def pid(self) -> int:
        return self._process.pid

    # -- threads ----------------------------------------------------------------
    def _write_commands(self) -> None:
        channel = Channel(None, self._process.stdin)
        while True:
            command = self._outbox.get()
            try:
                channel.send(command)
            except (OSError, ValueError):
                return  # the child is gone (or its pipe closed): receive() will say so
            if isinstance(command, Stop):
                return

    def _read_messages(self) -> None:
        channel = Channel(self._process.stdout, None)
        while True:
            try:
                message = channel.receive()
            except Exception:  # noqa: BLE001 - EOF or a torn message: the child is gone
                return
            self._last_heard = time.monotonic()
            self._heard_once = True
            if not isinstance(message, Heartbeat):
                self._inbox.put(message)

    def _keep_stderr(self) -> None:
        for line in iter(self._process.stderr.readline, b""):
            self._stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    # -- the parent's side --------------------------------------------------------
    def send(self, command: Command) -> None:
        """Queue a command for the child (never blocks); ``TrainerGone`` if it has exited."""
        self._check_alive()
        self._outbox.put(command)

    def receive(self) -> list[Message]:
        """Every message that arrived since the last call; ``TrainerGone`` if the child is gone or stuck."""
        messages = []
        while True:
            try:
                messages.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        if not messages:
            self._check_alive()
        return messages

    def _check_alive(self) -> None:
        code = self._process.poll()
        if code is not None:
            # Let the reader catch up with what the child said last (its traceback, say).
            self._threads[2].join(0.2)
            raise self._death(code)
        silent = time.monotonic() - self._last_heard
        if silent > (self.hang_s if self._heard_once else max(self.hang_s, START_S)):
            raise worded(
                TrainerGone, QT_TRANSLATE_NOOP("errors", "the training process (pid {pid}) has not answered for "
                                                         "{seconds} seconds: it may have been stopped or the machine "
                                                         "is overloaded"),
                pid=self.pid, seconds=f"{silent:.0f}")

    def _death(self, code: int) -> TrainerGone:
        last = next((line for line in reversed(self._stderr_tail) if line.strip()), "")
        reason = f": {last.strip()}" if last else ""
        if not self._heard_once:
            template = QT_TRANSLATE_NOOP("errors", "the training process could not start ({how}){reason}")
        else:
            template = QT_TRANSLATE_NOOP("errors", "the training process stopped unexpectedly ({how}){reason}")
        return worded(TrainerGone, template, how=_exit_words(code), reason=reason)

    def close(self, grace_s: float = STOP_GRACE_S) -> None:
        """Ask the child to stop, kill it if it has not within ``grace_s``, and reap it (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self._outbox.put(STOP)
        try:
            self._process.wait(grace_s)
        except subprocess.TimeoutExpired:
            self._process.kill()  # works on a stopped (SIGSTOP) process too
            try:
                self._process.wait(grace_s)
            except subprocess.TimeoutExpired:
                pass
        self._outbox.put(STOP)  # wakes the writer if it never got the first one
        for thread in self._threads:
            thread.join(grace_s)  # each ends at the closed pipe of the reaped child
        for stream, thread in zip((self._process.stdin, self._process.stdout, self._process.stderr), self._threads):
            if not thread.is_alive():  # closing a stream a thread still uses would wait for it
                try:
                    stream.close()
                except OSError:
                    pass
