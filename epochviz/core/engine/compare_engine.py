"""Several runs in one process, taking turns: the engine behind compare mode.

``CompareEngine`` has the same commands as ``TrainingEngine`` (play, pause,
step, step_epoch, set_speed, pause_at act on every run) except ``configure``, which
takes a sequence of configs. At full speed the run that has had the least CPU time goes
next, so the runs share one core fairly and their training seconds are
comparable; at a set speed every run advances at that many updates a second.
One process for all the runs keeps the other core free for the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from epochviz.core.engine.session import Chunk, RunConfig, State, TrainingEngine


@dataclass(frozen=True)
class CompareChunk:
    """What every run produced since the last message: one ``Chunk`` per run, in order (a ``wire`` message).

    ``busy_seconds`` is each run's CPU time in the engine so far (training and
    epoch-end evaluation): against the wall time, how much of a core the runs got.
    """

    run_id: int
    state: State
    lanes: list[Chunk]
    busy_seconds: list[float] = field(default_factory=list)
    error: str | None = None

    def __len__(self) -> int:
        return sum(len(lane) for lane in self.lanes)

    @staticmethod
    def merge(chunks: list[CompareChunk]) -> CompareChunk:
        """One message holding all of ``chunks`` (same comparison, in order)."""
        if len(chunks) == 1:
            return chunks[0]
        last = chunks[-1]
        lanes = [Chunk.merge([c.lanes[i] for c in chunks]) for i in range(len(last.lanes))]
        error = next((c.error for c in chunks if c.error), None)
        return CompareChunk(last.run_id, last.state, lanes, last.busy_seconds, error)


def overall_state(states: Sequence[State]) -> State:
    """The comparison's state: an error or playing run wins; finished when every run is done."""
    for wanted in ("error", "playing"):
        if wanted in states:
            return wanted
    if states and all(s in ("finished", "diverged") for s in states):
        return "finished"
    return "paused" if states else "idle"


class CompareEngine:
    """Runs 2 to 4 ``TrainingEngine`` lanes in one thread; ``take_chunk`` returns a ``CompareChunk``."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock  # measures each run's turns (a test may hold it)
        self.run_id = 0
        self.lanes: list[TrainingEngine] = []
        self.busy_seconds: list[float] = []
        self.speed: float | None = None
        self._dirty = False

    # -- commands (``wire``'s): each acts on every run, except ``configure`` -------------
    def set_speed(self, speed: float | None) -> None:
        self.speed = speed if speed else None
        self._each(lambda lane: lane.set_speed(speed))

    def play(self) -> None:
        self._each(TrainingEngine.play)

    def pause(self) -> None:
        self._each(TrainingEngine.pause)

    def step(self, n: int = 1) -> None:
        self._each(lambda lane: lane.step(n))

    def step_epoch(self) -> None:
        self._each(TrainingEngine.step_epoch)

    def pause_at(self, iteration: int | None) -> None:
        """Each run pauses by itself once it has run its own update ``iteration``."""
        self._each(lambda lane: lane.pause_at(iteration))

    def _each(self, command: Callable[[TrainingEngine], None]) -> None:
        for lane in self.lanes:
            command(lane)
        self._dirty = True

    def configure(self, configs: Sequence[RunConfig], run_id: int) -> None:
        """New runs, paused at update 0 (the previous comparison is discarded)."""
        self.run_id = run_id
        self.lanes = []
        for index, config in enumerate(configs):
            lane = TrainingEngine(view_data=False)
            lane.set_speed(self.speed)
            lane.configure(config, index)
            self.lanes.append(lane)
        self.busy_seconds = [0.0] * len(self.lanes)
        self._dirty = True

    @property
    def state(self) -> State:
        return overall_state([lane.state for lane in self.lanes])

    @property
    def busy(self) -> bool:
        return any(lane.busy for lane in self.lanes)

    def seconds_until_due(self, now: float) -> float | None:
        waits = [w for lane in self.lanes if (w := lane.seconds_until_due(now)) is not None]
        return min(waits, default=None)

    def run(self, now: float, budget: float) -> int:
        """Run what is due within ``budget`` seconds: the least-served run at full speed, else every due run."""
        busy = [i for i, lane in enumerate(self.lanes) if lane.busy]
        if not busy:
            return 0
        if self.speed is None:
            turn = [min(busy, key=self.busy_seconds.__getitem__)]
        else:
            turn = [i for i in busy if self.lanes[i].seconds_until_due(now) == 0.0]
        done = 0
        for i in turn:
            started = self._clock()
            done += self.lanes[i].run(now, budget / len(turn))
            self.busy_seconds[i] += self._clock() - started
        self._dirty = True
        return done

    def take_chunk(self) -> CompareChunk | None:
        """Every run's updates and state since the last call, or None if nothing changed."""
        if not self._dirty:
            return None
        self._dirty = False
        lanes = [lane.take_chunk() or Chunk(i, lane.state) for i, lane in enumerate(self.lanes)]
        error = next((lane.error for lane in lanes if lane.error), None)
        return CompareChunk(self.run_id, self.state, lanes, list(self.busy_seconds), error)
