"""Standard output of the command line when it cannot be written: a reader that left, or a full disk.

``| head`` closing the pipe early is the reader saying it has seen enough: the
command stops quietly with status 0, as if it had finished (``set -o pipefail``
scripts keep working). A full or broken output (``> /dev/full``) is a failure:
one line on stderr and status 1. Either way, nothing is left in Python's buffer
for the interpreter to fail on again when it flushes at exit.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import TextIO

from epochviz.text.translations import translate

EXIT_WRITE_FAILED = 1


class OutputError(Exception):
    """Standard output could not be written (``errno`` says why: EPIPE when the reader left).

    Not an ``OSError``: libraries that handle a broken pipe their own way (rich
    ends the process with status 1) let it through to ``epochviz.cli.main.main``.
    """

    def __init__(self, cause: OSError) -> None:
        super().__init__(cause.strerror or str(cause))
        self.errno = cause.errno
        self.strerror = cause.strerror or str(cause)


class WatchedOutput:
    """A text stream that passes everything to ``stream`` and turns its write errors into ``OutputError``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise OutputError(exc) from exc

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise OutputError(exc) from exc

    def __getattr__(self, name: str):
        return getattr(self.stream, name)  # isatty, fileno, encoding...: the stream's own


class ShowUntilReaderLeaves:
    """Calls that write to stdout, made until its reader leaves.

    Then, with ``keep_going`` (``train --csv``: the log is the point), nothing
    more is shown and the work goes on; without it the ``OutputError`` ends the command.
    """

    def __init__(self, keep_going: bool) -> None:
        self.keep_going = keep_going
        self.reader_gone = False

    def __call__(self, write: Callable[..., object], *args: object) -> None:
        if self.reader_gone:
            return
        try:
            write(*args)
        except OutputError as problem:
            if not self.keep_going or problem.errno != errno.EPIPE:
                raise
            self.reader_gone = True
            point_at_null_device(sys.stdout)


def output_failed(problem: OutputError, stream: TextIO) -> int:
    """The exit status once ``stream`` could not be written; says why on stderr unless the reader just left."""
    point_at_null_device(stream)
    if problem.errno == errno.EPIPE:
        return 0
    reason = translate("errors", "the disk is full") if problem.errno == errno.ENOSPC else problem.strerror
    print(translate("cli", "epochviz: error: cannot write the output: {problem}").format(problem=reason),
          file=sys.stderr)
    return EXIT_WRITE_FAILED


def point_at_null_device(stream: TextIO) -> None:
    """Send what is still buffered for ``stream`` to the null device, so the flush at exit succeeds."""
    try:
        target = stream.fileno()
    except (OSError, ValueError, AttributeError):  # not a file (a test's capture): nothing to flush at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, target)
    finally:
        os.close(devnull)
    try:
        stream.flush()  # now into the null device
    except (OSError, ValueError):
        pass

