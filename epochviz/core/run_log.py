"""The per-iteration log of a run as CSV, and files written whole or not at all.

One row per iteration, nothing dropped: ``epoch, iteration, global_iteration,
batch_size, loss, smoothed_loss, samples_seen`` and, at epoch ends only,
``epoch_loss, epoch_accuracy`` (the training samples') and ``val_loss,
val_accuracy`` (the held-out samples', blank without a validation split).
Floats are written with ``repr`` (the shortest text that reads back as the
same float), so the file parses back exactly.
"""

from __future__ import annotations

import csv
from array import array
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

import numpy as np

from epochviz.core.schedule import BatchSchedule
from epochviz.core.smoothing import ema_debiased
from epochviz.core.words import QT_TRANSLATE_NOOP, worded

HEADER = ("epoch", "iteration", "global_iteration", "batch_size", "loss", "smoothed_loss", "samples_seen",
          "epoch_loss", "epoch_accuracy", "val_loss", "val_accuracy")
ROWS_PER_BLOCK = 65536
DEFAULT_SMOOTHING = 0.9  # the window's default, TensorBoard's weight


class ExportError(OSError):
    """A file could not be written; the message says which and why, in one line."""


def _number(value: float) -> str:
    return repr(float(value))  # 'nan' and 'inf' included: float() reads them back


EpochFigures = tuple  # (loss, accuracy) or (loss, accuracy, val_loss, val_accuracy); a None is a blank cell
NO_FIGURES = ("", "", "", "")


def _epoch_cells(end: EpochFigures | None) -> tuple[str, ...]:
    """The four epoch-end cells: the figures given, blank for the rest (and between epoch ends)."""
    if end is None:
        return NO_FIGURES
    return tuple("" if value is None else _number(value) for value in end) + NO_FIGURES[len(end):]


def log_rows(schedule: BatchSchedule, losses: np.ndarray, smoothed: np.ndarray,
             epoch_ends: Mapping[int, EpochFigures]) -> Iterator[tuple]:
    """The rows of iterations 1..len(losses); ``epoch_ends`` maps a global iteration to its
    (loss, accuracy[, val_loss, val_accuracy])."""
    ipe, per_epoch = schedule.iterations_per_epoch, schedule.samples_per_epoch
    full, last = schedule.effective_batch_size, schedule.last_batch_size
    for start in range(0, len(losses), ROWS_PER_BLOCK):  # numbers a block at a time, rows one by one
        g = np.arange(start + 1, min(start + ROWS_PER_BLOCK, len(losses)) + 1, dtype=np.int64)
        done_epochs, before = np.divmod(g - 1, ipe)
        iteration = before + 1
        batch = np.where(iteration == ipe, last, full)
        seen = done_epochs * per_epoch + before * full + batch
        columns = zip((done_epochs + 1).tolist(), iteration.tolist(), g.tolist(), batch.tolist(),
                      losses[g[0] - 1 : g[-1]].tolist(), smoothed[g[0] - 1 : g[-1]].tolist(), seen.tolist())
        for e, i, gi, b, loss, smooth, s in columns:
            yield (e, i, gi, b, _number(loss), _number(smooth), s, *_epoch_cells(epoch_ends.get(gi)))


def write_log(stream: IO[str], rows: Iterable[tuple]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)


def write_log_file(path: str | os.PathLike, schedule: BatchSchedule, losses: np.ndarray, smoothed: np.ndarray,
                   epoch_ends: Mapping[int, EpochFigures]) -> Path:
    """The whole log as a CSV file, written whole or not at all."""
    return write_text_atomically(path, lambda stream: write_log(stream, log_rows(schedule, losses, smoothed, epoch_ends)))


def check_replaceable(target: Path) -> None:
    """``ExportError`` unless ``target`` is missing or a regular file: a rename would replace a device or a FIFO.

    As root, a finished file renamed over ``/dev/full`` replaced the device itself.
    """
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"),
            path=target, reason=_reason(exc)) from None
    if not stat.S_ISREG(mode):
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: it is not a regular file"),
            path=target)


def write_atomically(path: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(temporary_path)``, then move the result to ``path``: whole, or not at all.

    Any failure (no such folder, no permission, a full disk) raises ``ExportError``
    with one line, and leaves nothing behind.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: the folder {folder} does not exist"),
            path=target, folder=folder)
    check_replaceable(target)
    try:
        # The name's start only: a name near the 255-byte limit must not make its temporary one too long.
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem[:32]}-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"),
            path=target, reason=_reason(exc)) from None
    os.close(handle)
    usual_permissions(temporary)
    try:
        write(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        remove_quietly(temporary)
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"),
            path=target, reason=_reason(exc)) from None
    except BaseException:
        remove_quietly(temporary)
        raise
    return target


def write_text_atomically(path: str | os.PathLike, fill: Callable[[IO[str]], None]) -> Path:
    """``write_atomically`` for text: ``fill(stream)`` writes the content."""
    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            fill(stream)
            settle(stream)

    return write_atomically(path, write)


def write_bytes_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """``write_atomically`` for content made in memory (a picture encoded by Qt, which cannot report a full disk)."""
    def write(temporary: str) -> None:
        with open(temporary, "wb") as stream:
            stream.write(data)
            settle(stream)

    return write_atomically(path, write)


def settle(stream: IO) -> None:
    """Flush ``stream`` and have the disk take it: a full disk is an error here, before the rename, not later."""
    stream.flush()
    os.fsync(stream.fileno())


def usual_permissions(path: str) -> None:
    """What a file newly made here would get (mkstemp makes it private to its owner)."""
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(path, 0o666 & ~mask)
    except OSError:
        pass


def _reason(exc: OSError) -> object:
    if getattr(exc, "phrase", None) is not None:  # our own words (``worded``), translated where shown
        return exc.phrase
    if exc.errno == errno.ENOSPC:
        return QT_TRANSLATE_NOOP("errors", "the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QT_TRANSLATE_NOOP("errors", "permission denied")
    return exc.strerror or str(exc)


def remove_quietly(path: str) -> None:
    """Delete ``path`` if it is there (a temporary file left by a failed or cancelled write)."""
    try:
        os.remove(path)
    except OSError:
        pass


class LogCollector:
    """Collects a run's losses as it goes (8 bytes an iteration), then writes the CSV log."""

    def __init__(self) -> None:
        self._losses = array("d")
        self._epoch_ends: dict[int, EpochFigures] = {}

    def __len__(self) -> int:
        return len(self._losses)

    def add(self, global_iteration: int, loss: float, epoch_loss: float | None = None,
            epoch_accuracy: float | None = None, val_loss: float | None = None,
            val_accuracy: float | None = None) -> None:
        """One iteration's loss; at an epoch end its figures too (the held-out samples' with a validation split)."""
        if global_iteration != len(self._losses) + 1:
            raise ValueError(f"iterations must continue from {len(self._losses) + 1}, got {global_iteration}")
        self._losses.append(loss)
        if epoch_loss is not None:
            self._epoch_ends[global_iteration] = (epoch_loss, epoch_accuracy, val_loss, val_accuracy)

    def write(self, path: str | os.PathLike, schedule: BatchSchedule, smoothing: float = DEFAULT_SMOOTHING) -> Path:
        """The CSV log of the iterations so far, smoothed as the window's chart does by default."""
        losses = np.frombuffer(self._losses, dtype=np.float64) if len(self._losses) else np.zeros(0)
        smoothed, _ = ema_debiased(losses, smoothing)
        return write_log_file(path, schedule, losses, smoothed, self._epoch_ends)
