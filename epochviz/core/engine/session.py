"""A paced training session: the trainer plus play/pause/step/speed, emitting chunks.

``TrainingEngine`` is what the window drives with ``wire``'s commands, in a
child process (see ``epochviz.core.engine.remote``) or in a thread. It decides
*which* iterations run and *when* (pacing); it collects their results in a ``Chunk`` of columns, so that
one message can carry hundreds of iterations. It knows nothing of Qt.
"""

from __future__ import annotations

import math
import time
import traceback
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import StepRecord, Trainer, build_run

__all__ = ["Boundary", "Chunk", "EpochEnd", "RunConfig", "State", "TrainingEngine", "boundary_extent"]

State = Literal["idle", "paused", "playing", "finished", "diverged", "error"]


def boundary_extent(X: np.ndarray) -> tuple[float, float, float, float]:
    """The plane (x0, x1, y0, y1) over which the decision boundary of 2-D data is drawn: the data plus 10%."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    margin = 0.1 * np.maximum(hi - lo, 1e-3)
    lo, hi = lo - margin, hi + margin
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def confusion_matrix(truth: np.ndarray, predicted: np.ndarray, classes: int) -> np.ndarray:
    """``counts[true, predicted]``: how many samples of each class were given each class."""
    return np.bincount(truth * classes + predicted, minlength=classes * classes).reshape(classes, classes)


@dataclass(frozen=True)
class EpochEnd:
    """The whole dataset's loss and accuracy after the last update of ``epoch``.

    ``confusion[true, predicted]`` counts every sample's prediction at that moment.
    With a validation split the figures are the training samples', and
    ``val_loss`` / ``val_accuracy`` / ``val_confusion`` the held-out samples' (None without one).
    """

    epoch: int
    global_iteration: int
    loss: float
    accuracy: float
    confusion: np.ndarray | None = None
    val_loss: float | None = None
    val_accuracy: float | None = None
    val_confusion: np.ndarray | None = None


@dataclass(frozen=True)
class Boundary:
    """Class probabilities of the network on a grid over a 2-D dataset.

    probs: (grid, grid, classes), row 0 at ``y0``; the grid spans x0..x1, y0..y1.
    """

    probs: np.ndarray
    extent: tuple[float, float, float, float]


COLUMNS = ("global_iteration", "epoch", "iteration", "batch_size", "loss", "accuracy", "seconds")
VIEW_DATA = ("weights", "grad_norms", "boundary")  # the newest of each is all a view needs


@dataclass(frozen=True)
class Chunk:
    """The iterations run since the last message, as columns, plus the engine's state (a ``wire`` message).

    All arrays have one entry per iteration, in order. (Views that show the
    batch derive its samples from the schedule: see ``core.sample_states``.)
    """

    run_id: int
    state: State
    global_iteration: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    epoch: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    iteration: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    batch_size: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    loss: np.ndarray = field(default_factory=lambda: np.empty(0, np.float64))
    accuracy: np.ndarray = field(default_factory=lambda: np.empty(0, np.float64))
    seconds: np.ndarray = field(default_factory=lambda: np.empty(0, np.float64))  # each update's compute time
    epoch_ends: list[EpochEnd] = field(default_factory=list)
    start: EpochEnd | None = None  # the whole dataset before any update (epoch 0), with iteration 1
    error: str | None = None
    weights: list[np.ndarray] | None = None  # W1, b1, W2, ... after the newest update
    grad_norms: list[float] | None = None  # |dW| of each layer in the newest iteration
    boundary: Boundary | None = None

    def __len__(self) -> int:
        return len(self.loss)

    @staticmethod
    def merge(chunks: list[Chunk]) -> Chunk:
        """One chunk holding all of ``chunks`` (same run, in order); state of the last."""
        if len(chunks) == 1:
            return chunks[0]
        last = chunks[-1]
        columns = {name: np.concatenate([getattr(c, name) for c in chunks]) for name in COLUMNS}
        newest = {name: next((getattr(c, name) for c in reversed(chunks) if getattr(c, name) is not None), None)
                  for name in VIEW_DATA}
        return Chunk(last.run_id, last.state, **columns, **newest,
                     epoch_ends=[e for c in chunks for e in c.epoch_ends],
                     start=next((c.start for c in chunks if c.start is not None), None),
                     error=next((c.error for c in chunks if c.error), None))


class _Columns:
    """Per-iteration values gathered in lists (cheap to append) until a chunk is cut."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int, int, int, float, float, float]] = []
        self.epoch_ends: list[EpochEnd] = []
        self.start: EpochEnd | None = None

    def add(self, r: StepRecord) -> None:
        self.rows.append((r.global_iteration, r.epoch, r.iteration, len(r.indices), r.loss, r.accuracy, r.seconds))
        if r.start_loss is not None:
            self.start = EpochEnd(0, 0, r.start_loss, r.start_accuracy, None, r.start_val_loss, r.start_val_accuracy)
        if r.epoch_end and r.epoch_loss is not None:
            self.epoch_ends.append(EpochEnd(r.epoch, r.global_iteration, r.epoch_loss, r.epoch_accuracy, None,
                                            r.val_loss, r.val_accuracy))

    def cut(self, run_id: int, state: State, error: str | None) -> Chunk:
        """Everything gathered since the last cut, as one chunk; the columns start empty again."""
        columns = {}
        if self.rows:
            types = (np.int64, np.int32, np.int32, np.int32, np.float64, np.float64, np.float64)
            columns = {name: np.array(values, dtype) for name, values, dtype in zip(COLUMNS, zip(*self.rows), types)}
        chunk = Chunk(run_id, state, **columns, error=error, epoch_ends=self.epoch_ends, start=self.start)
        self.__init__()
        return chunk


class TrainingEngine:
    """One run at a time, advanced on demand and paced in iterations per second.

    Commands (``wire``'s, or called directly): ``configure``, ``play``, ``pause``, ``step``,
    ``step_epoch``, ``set_speed``, ``pause_at``. ``run(now, budget)`` does the iterations that are due;
    ``take_chunk()`` hands over what ran since the last call.
    """

    BOUNDARY_GRID = 48
    BOUNDARY_EVERY_S = 0.1

    def __init__(self, view_data: bool = True) -> None:
        self.view_data = view_data  # weights, boundary and confusion for the views (not wanted in compare mode)
        self.run_id = 0
        self.state: State = "idle"
        self._extent: tuple[float, float, float, float] | None = None
        self._grid: np.ndarray | None = None
        self._last_boundary = -math.inf
        self.speed: float | None = None  # iterations per second; None = as fast as possible
        self._trainer: Trainer | None = None
        self._steps_left = 0
        self._to_epoch_end = False
        self._pause_at: int | None = None  # playing pauses by itself after this global iteration
        self._done = 0  # global iterations of the current run so far
        self._credit = 0.0
        self._clock: float | None = None
        self._columns = _Columns()
        self._error: str | None = None
        self._dirty = False

    # -- commands ---------------------------------------------------------------
    def configure(self, config: RunConfig, run_id: int) -> None:
        """Start a new, paused run (the previous one is discarded)."""
        if self._trainer is not None:
            self._trainer.close()
        self._trainer = None
        self.run_id = run_id
        self._columns = _Columns()
        self._steps_left, self._to_epoch_end, self._error = 0, False, None
        self._pause_at, self._done = None, 0
        try:
            self._trainer = build_run(config)
            self.state = "paused"
            self._prepare_boundary_grid(self._trainer.X)
        except Exception as exc:  # noqa: BLE001 - reported to the window, not raised
            self._fail(exc)
        self._dirty = True

    def play(self) -> None:
        if self.state in ("paused", "playing"):
            self.state = "playing"
            self._steps_left, self._to_epoch_end = 0, False  # Play takes over from steps still pending
            self._clock = None
            self._credit = 0.0
            self._dirty = True

    def pause(self) -> None:
        if self.state == "playing" or self._steps_left or self._to_epoch_end:
            self.state = "paused" if self.state == "playing" else self.state
            self._steps_left, self._to_epoch_end = 0, False
            self._dirty = True

    def step(self, n: int = 1) -> None:
        """Run ``n`` more iterations now, then stay paused."""
        if self.state in ("paused", "playing"):
            self.state = "paused"
            self._steps_left += int(n)

    def step_epoch(self) -> None:
        """Run to the end of the current epoch now, then stay paused."""
        if self.state in ("paused", "playing"):
            self.state = "paused"
            self._to_epoch_end = True

    def pause_at(self, iteration: int | None) -> None:
        """Pause by itself once global iteration ``iteration`` has run (None: play on); at once if it has."""
        self._pause_at = None if iteration is None else int(iteration)
        if self._pause_at is not None and self._done >= self._pause_at:
            self._pause_at = None
            self.pause()

    def set_speed(self, speed: float | None) -> None:
        self.speed = None if speed is None or speed <= 0 or math.isinf(speed) else float(speed)
        self._clock = None

    # -- running ---------------------------------------------------------------
    @property
    def compute_seconds(self) -> float:
        """The current run's training compute so far (forward, backward, updates; 0 before a run)."""
        return self._trainer.compute_seconds if self._trainer is not None else 0.0

    @property
    def busy(self) -> bool:
        """True while there are iterations to run (playing, or a step pending)."""
        return self.state == "playing" or (
            self.state == "paused" and (self._steps_left > 0 or self._to_epoch_end)
        )

    def seconds_until_due(self, now: float) -> float | None:
        """How long until the next iteration is due: 0 now, None if nothing is pending."""
        if not self.busy:
            return None
        if self.state != "playing" or self.speed is None or self._clock is None:
            return 0.0
        credit = self._credit + (now - self._clock) * self.speed
        return 0.0 if credit >= 1.0 else (1.0 - credit) / self.speed

    def run(self, now: float, budget: float) -> int:
        """Run the iterations due at time ``now``, for at most ``budget`` seconds."""
        if not self.busy:
            return 0
        due = self._due(now)
        deadline = time.perf_counter() + budget
        done = 0
        trainer, columns = self._trainer, self._columns
        try:
            while due > done:
                record = next(trainer)
                columns.add(record)
                done += 1
                self._done = record.global_iteration
                if record.diverged:
                    self.state, self._steps_left, self._to_epoch_end = "diverged", 0, False
                    break
                if self._pause_at is not None and self._done >= self._pause_at:
                    self._pause_at = None
                    if self.state == "playing":
                        self.state = "paused"
                        break
                if self.state == "paused":
                    if self._to_epoch_end and record.epoch_end:
                        self._to_epoch_end = False
                        break
                    if self._steps_left:
                        self._steps_left -= 1
                        if not self._steps_left and not self._to_epoch_end:
                            break
                if time.perf_counter() >= deadline:
                    break
        except StopIteration:
            self.state, self._steps_left, self._to_epoch_end = "finished", 0, False
        except Exception as exc:  # noqa: BLE001 - reported to the window, not raised
            self._fail(exc)
        if self.state == "playing" and self.speed is not None:
            self._credit = max(0.0, self._credit - done)
        self._dirty = True
        return done

    def _due(self, now: float) -> float:
        if self.state != "playing" or self.speed is None:
            return math.inf
        if self._clock is None:
            self._clock, self._credit = now, 1.0  # the first iteration runs at once
        else:
            # Catch up at most half a second, so that a stall is not followed by a burst.
            self._credit = min(self._credit + (now - self._clock) * self.speed, max(1.0, self.speed / 2))
            self._clock = now
        return math.floor(self._credit)

    def _fail(self, exc: BaseException) -> None:
        self.state = "error"
        self._steps_left, self._to_epoch_end = 0, False
        self._error = "".join(traceback.format_exception_only(type(exc), exc)).strip()

    def take_chunk(self) -> Chunk | None:
        """What happened since the last call (iterations and state changes), or None.

        Besides the iterations it carries what the views draw: the weights and
        gradient sizes after the newest update, a confusion matrix at each epoch
        end, and (for 2-D data, a few times a second) the decision boundary.
        """
        if not self._dirty:
            return None
        self._dirty = False
        error, self._error = self._error, None
        had_rows = bool(self._columns.rows)
        chunk = self._columns.cut(self.run_id, self.state, error)
        if self._trainer is not None and self.view_data:
            chunk = self._with_view_data(chunk, had_rows)
        return chunk

    def _with_view_data(self, chunk: Chunk, had_rows: bool) -> Chunk:
        """``chunk`` with weights, gradient sizes, confusion at its last epoch end and the boundary, for the views."""
        trainer = self._trainer
        epoch_ends = chunk.epoch_ends
        if epoch_ends and trainer.last_predictions is not None:
            classes = trainer.model.widths[-1]
            held_out = trainer.last_val_predictions
            epoch_ends = [*epoch_ends[:-1], replace(
                epoch_ends[-1], confusion=confusion_matrix(trainer.train_y, trainer.last_predictions, classes),
                val_confusion=None if held_out is None else confusion_matrix(trainer.val_y, held_out, classes))]
        model = trainer.model
        grad_norms = [float(np.linalg.norm(layer.dW)) for layer in model.dense] if had_rows else None
        now = time.perf_counter()
        never_drawn = self._last_boundary == -math.inf
        changed = had_rows or never_drawn
        due = not self.busy or now - self._last_boundary >= self.BOUNDARY_EVERY_S
        boundary = None
        if self._grid is not None and changed and due:
            boundary = self._boundary()
            self._last_boundary = now
        return replace(chunk, epoch_ends=epoch_ends, weights=[p.copy() for p in model.parameters()],
                       grad_norms=grad_norms, boundary=boundary)

    def _prepare_boundary_grid(self, X: np.ndarray) -> None:
        """A grid over the 2-D data (with a margin) on which to draw the decision boundary."""
        self._grid, self._extent, self._last_boundary = None, None, -math.inf
        if X.shape[1] != 2:
            return
        self._extent = x0, x1, y0, y1 = boundary_extent(X)
        g = self.BOUNDARY_GRID
        gx, gy = np.meshgrid(np.linspace(x0, x1, g), np.linspace(y0, y1, g))
        self._grid = np.column_stack([gx.ravel(), gy.ravel()]).astype(X.dtype)

    def _boundary(self) -> Boundary:
        with np.errstate(all="ignore"):
            logits = self._trainer.model.predict_logits(self._grid).astype(np.float64)
            probs = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs /= probs.sum(axis=1, keepdims=True)
        g = self.BOUNDARY_GRID
        return Boundary(probs.reshape(g, g, -1).astype(np.float32), self._extent)
