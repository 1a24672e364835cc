"""The training process: ``python -m epochviz.core.engine.remote``, driven over its stdin and stdout.

Why a process: in one interpreter, the trainer's many small numpy calls and
the GUI's drawing compete for the GIL, which measured here cost the trainer
more than half its speed and made the GUI's frames late. A child process has
its own interpreter; the GUI side only receives a few chunks a second.

It speaks ``wire``: commands in, chunks out (``loop.serve`` paces them), and a
``Heartbeat`` every ``HEARTBEAT_S`` from a thread of its own, so that the parent
can tell a busy child from a stopped one. It ends at ``Stop`` or when the
parent's end of the pipe closes (the parent exited, however it exited).
"""

from __future__ import annotations

import os
import queue
import signal
import sys
import threading

from epochviz.core.engine.loop import serve
from epochviz.core.engine.wire import ENGINES, HEARTBEAT, HEARTBEAT_S, STOP, Channel

NICENESS = 5


def _yield_to_the_gui() -> None:
    """Lower this process's CPU priority a little: on a busy machine the window's
    frames should win over a few percent of training speed."""
    try:
        os.nice(NICENESS)
    except (AttributeError, OSError):
        pass  # not available (e.g. Windows) or not permitted: run at normal priority


def _read_commands(channel: Channel, inbox: queue.Queue) -> None:
    """Move commands from the parent into ``inbox``; a closed pipe means stop."""
    try:
        while True:
            inbox.put(channel.receive())
    except Exception:  # noqa: BLE001 - EOF, a broken pipe or a torn message: the parent is gone
        inbox.put(STOP)


def _beat(channel: Channel, stopped: threading.Event) -> None:
    """Tell the parent this process is alive, even during a long iteration."""
    while not stopped.wait(HEARTBEAT_S):
        try:
            channel.send(HEARTBEAT)
        except OSError:
            return


def _private_streams():
    """This process's stdin and stdout as binary streams for the protocol alone.

    File descriptors 0 and 1 are then pointed elsewhere (stdin at the null
    device, stdout at stderr), so that a stray ``print`` cannot corrupt a message.
    """
    reader = os.fdopen(os.dup(0), "rb", buffering=0)
    writer = os.fdopen(os.dup(1), "wb")
    with open(os.devnull, "rb") as null:
        os.dup2(null.fileno(), 0)
    os.dup2(2, 1)
    sys.stdin = open(os.devnull)  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stderr
    return reader, writer


def main(argv: list[str] | None = None) -> int:
    """Entry point of the training process: ``remote [single|compare]``."""
    args = sys.argv[1:] if argv is None else argv
    kind = args[0] if args else "single"
    if kind not in ENGINES:
        print(f"epochviz.core.engine.remote: unknown engine {kind!r}", file=sys.stderr)
        return 2
    # Ctrl+C in a terminal reaches the whole process group: the parent decides
    # when this process ends (it sends STOP or closes the pipe).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    reader, writer = _private_streams()
    _yield_to_the_gui()
    channel = Channel(reader, writer)
    inbox: queue.Queue = queue.Queue()
    stopped = threading.Event()
    threading.Thread(target=_read_commands, args=(channel, inbox), daemon=True, name="commands").start()
    threading.Thread(target=_beat, args=(channel, stopped), daemon=True, name="heartbeat").start()
    try:
        channel.send(HEARTBEAT)  # the first word: started and listening
        serve(inbox, channel.send, kind)
    except OSError:
        pass  # the parent closed its end: nothing left to tell it
    finally:
        stopped.set()
    return 0


if __name__ == "__main__":
    sys.exit(main())
