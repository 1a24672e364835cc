"""Keras-style progress lines for ``epochviz train``.

On a terminal a rich progress bar updates in place; otherwise one plain line
per epoch is printed when the epoch ends, in the same format, so logs and
pipes stay readable.
"""

from __future__ import annotations

import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from epochviz.text.translations import translate

BAR_WIDTH = 20
_REFRESH_S = 0.05


def format_timing(elapsed_s: float, steps: int) -> str:
    """``2s 2ms/step`` (or ``45us/step`` below a millisecond), as Keras prints it."""
    per_step = elapsed_s / max(steps, 1)
    per = f"{per_step * 1e3:.0f}ms" if per_step >= 1e-3 else f"{per_step * 1e6:.0f}us"
    return translate("train", "{seconds}s {per}/step").format(seconds=f"{elapsed_s:.0f}", per=per)


def format_metrics(accuracy: float, loss: float) -> str:
    return translate("train", "accuracy: {accuracy} - loss: {loss}").format(
        accuracy=f"{accuracy:.4f}", loss=f"{loss:.4f}")


def format_validation(accuracy: float, loss: float) -> str:
    """`` - val_accuracy: 0.8123 - val_loss: 0.4567``: the held-out samples' figures, after the others as in Keras."""
    return " - " + translate("train", "val_accuracy: {accuracy} - val_loss: {loss}").format(
        accuracy=f"{accuracy:.4f}", loss=f"{loss:.4f}")


class EpochProgress:
    """Shows one epoch's progress: ``start(epoch)``, ``advance(...)`` per step, ``finish()``."""

    def __init__(self, epochs: int, steps_per_epoch: int, stream: TextIO) -> None:
        self.epochs = epochs
        self.steps = steps_per_epoch
        self.console = Console(file=stream, highlight=False)
        self.live = self.console.is_terminal
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> EpochProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_bar()

    def start(self, epoch: int) -> None:
        """Print the ``Epoch k/E`` header, start its bar (on a terminal) and reset the counters.

        Each epoch gets a live bar of its own, started after its header, so that
        on a terminal every header stands above its own bar.
        """
        self._stop_bar()
        # The Chinese header names the term in English once: "轮次 (epoch) 1/3", then "轮次 2/3".
        header = translate("train", "Epoch {epoch}/{epochs}") if epoch > 1 else translate(
            "train.first", "Epoch {epoch}/{epochs}")
        self.console.print(header.format(epoch=epoch, epochs=self.epochs))
        self._t0 = self._last_draw = time.perf_counter()
        self._done = 0
        self._loss_sum = self._correct = self._seen = 0.0
        if self.live:
            self._progress = Progress(
                TextColumn("{task.completed}/{task.total}"),
                BarColumn(bar_width=BAR_WIDTH, complete_style="green", finished_style="green"),
                TextColumn("{task.fields[timing]} - {task.fields[metrics]}"),
                console=self.console,
            )
            self._progress.start()
            self._task = self._progress.add_task(
                "", total=self.steps, timing=format_timing(0, 0), metrics=format_metrics(0, 0)
            )

    def _stop_bar(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def advance(self, batch_size: int, loss: float, accuracy: float) -> None:
        """Count one step; metrics are batch-size-weighted running means, as in Keras."""
        self._done += 1
        self._seen += batch_size
        self._loss_sum += loss * batch_size
        self._correct += accuracy * batch_size
        now = time.perf_counter()
        if self._progress is not None and now - self._last_draw >= _REFRESH_S:
            self._last_draw = now
            self._draw(now)

    def finish(self, val_loss: float | None = None, val_accuracy: float | None = None) -> str:
        """End the epoch; returns (and, off a terminal, prints) its final line.

        With a validation split the held-out samples' loss and accuracy end the line, as in Keras.
        """
        now = time.perf_counter()
        validation = format_validation(val_accuracy, val_loss) if val_loss is not None else ""
        if self._progress is not None:
            self._draw(now, validation)
            self._stop_bar()
        line = (
            f"{self._done}/{self.steps} {'━' * BAR_WIDTH} "
            f"{format_timing(now - self._t0, self._done)} - {self._metrics()}{validation}"
        )
        if not self.live:
            self.console.print(line, soft_wrap=True)
        return line

    def _metrics(self) -> str:
        seen = max(self._seen, 1)
        return format_metrics(self._correct / seen, self._loss_sum / seen)

    def _draw(self, now: float, validation: str = "") -> None:
        assert self._progress is not None and self._task is not None
        self._progress.update(
            self._task,
            completed=self._done,
            timing=format_timing(now - self._t0, self._done),
            metrics=self._metrics() + validation,
        )
