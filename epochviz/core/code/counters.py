"""The training loop's live values, worded to stand beside the lines of a listing.

While the window trains, a code view shows where the two loops are:
``epoch = 3 of 10`` beside the epoch loop, ``i = 417 of len(loader) = 1,000``
beside the batch loop, the batch's size and the samples seen beside the line
that draws the batch, and, with gradient accumulation, the forward passes and
the updates beside their lines. ``loop_position`` reads those values off the
schedule (constant time, whatever the run's length); ``annotations`` words them
for a ``Listing``. The phrases are marked for translation in the context "code".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from epochviz.core.code.listing import Listing, identity
from epochviz.core.phases import IDLE, PHASES
from epochviz.core.schedule import BatchSchedule
from epochviz.core.words import QT_TRANSLATE_NOOP

FORWARD, UPDATE = PHASES.index("forward"), PHASES.index("update")

OF = QT_TRANSLATE_NOOP("code", "{name} = {value} of {total}")
LAST_BATCH = QT_TRANSLATE_NOOP("code", "the last batch, smaller")
LAST_IS = QT_TRANSLATE_NOOP("code", "the last: {size}")
SEEN = QT_TRANSLATE_NOOP("code", "samples seen = {n}")
PASSES = QT_TRANSLATE_NOOP("code", "forward passes = {n}")
UPDATES = QT_TRANSLATE_NOOP("code", "updates = {n}")

# Each style's name for the batch loop's counter and for the number of batches in an epoch.
COUNTERS = {"pytorch": ("i", "len(loader)"), "keras": ("step", "steps_per_epoch"), "numpy": ("i", "len(starts)")}
SEPARATOR = "  ·  "


@dataclass(frozen=True)
class LoopPosition:
    """Where the training loop is, in the code's terms (what a code view shows beside its lines).

    ``iteration`` is the batch loop's count within the epoch: one per forward
    pass (with gradient accumulation, K of them make one update), 0 before the
    first. ``batch_size`` is ``len(xb)`` of that pass. ``samples_seen``,
    ``forward_passes`` and ``updates`` count the whole run up to the line on show.
    """

    epoch: int
    iteration: int
    phase: int
    batch_size: int
    samples_seen: int
    forward_passes: int
    updates: int


BEFORE_TRAINING = LoopPosition(1, 0, IDLE, 0, 0, 0, 0)


def loop_position(schedule: BatchSchedule, global_iteration: int, phase: int = IDLE,
                  pass_index: int = 1) -> LoopPosition:
    """The loop's values while iteration ``global_iteration`` shows ``phase`` of its pass ``pass_index``.

    ``phase`` is an index of ``PHASES``, or ``IDLE`` for an iteration done (full
    speed, paused): then every pass and the update count. ``ValueError`` for
    an iteration outside the schedule.
    """
    epoch, within = schedule.position(global_iteration)
    if global_iteration == 0:
        return BEFORE_TRAINING
    k, per_epoch = schedule.accumulate, schedule.forward_passes_per_epoch
    first = (within - 1) * k  # passes of this epoch before this iteration's
    passes = min(k, per_epoch - first)
    done = phase == IDLE
    p = passes if done else max(1, min(int(pass_index), passes))
    i = first + p
    size = schedule.last_micro_batch_size if i == per_epoch else schedule.micro_batch_size
    seen = schedule.samples_seen(global_iteration - 1) + (p - 1) * schedule.micro_batch_size + size
    forward = (epoch - 1) * per_epoch + first + (p if done or phase >= FORWARD else p - 1)
    updates = global_iteration if done or phase >= UPDATE else global_iteration - 1
    return LoopPosition(epoch, i, phase, size, seen, forward, updates)


def _note(notes: dict[int, list[str]], line: int, text: str) -> None:
    notes.setdefault(line, []).append(text)


def annotations(listing: Listing, schedule: BatchSchedule, at: LoopPosition,
                words: Callable[[str], str] = identity, short: bool = False) -> dict[int, str]:
    """The texts beside ``listing``'s lines at ``at``: {1-based line number: text}.

    The names in them are the code's own (``epoch``, ``i``, ``len(loader)``,
    ``len(xb)``); ``words`` words the rest (``translate`` for a view in another language).
    ``short`` leaves out how the loop's count is written (``i = 418 of 1,000``), for a narrow view.
    """
    name, count = COUNTERS[listing.style]
    if schedule.drop_last:
        count += " = N // B"
    total = f"{schedule.forward_passes_per_epoch:,}" if short else f"{count} = {schedule.forward_passes_per_epoch:,}"
    notes: dict[int, list[str]] = {}
    _note(notes, listing.epoch_loop, words(OF).format(name="epoch", value=f"{at.epoch:,}",
                                                      total=f"{schedule.epochs:,}"))
    _note(notes, listing.batch_loop, words(OF).format(name=name, value=f"{at.iteration:,}", total=total))
    batch_line = listing.phases["batch"][-1] if listing.phases["batch"] else listing.batch_loop
    if at.iteration:
        size = f"len(xb) = {at.batch_size:,}"
        last = schedule.last_micro_batch_size
        if last != schedule.micro_batch_size:
            final = at.iteration == schedule.forward_passes_per_epoch
            size += ", " + (words(LAST_BATCH) if final else words(LAST_IS).format(size=f"{last:,}"))
        _note(notes, batch_line, size)
    _note(notes, batch_line, words(SEEN).format(n=f"{at.samples_seen:,}"))
    if schedule.accumulate > 1:
        for phase, phrase, n in ((FORWARD, PASSES, at.forward_passes), (UPDATE, UPDATES, at.updates)):
            lines = listing.phases[PHASES[phase]]
            if lines:
                _note(notes, lines[0], words(phrase).format(n=f"{n:,}"))
    return {line: SEPARATOR.join(parts) for line, parts in notes.items()}


def lines_running(listing: Listing, phase: int) -> tuple[int, ...]:
    """The lines that run in ``phase`` (an index of ``PHASES``); at ``IDLE``, the batch loop's line."""
    if phase == IDLE or not 0 <= phase < len(PHASES):
        return (listing.batch_loop,)
    return listing.phases[PHASES[phase]] or (listing.batch_loop,)
