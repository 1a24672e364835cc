"""Which samples an epoch has seen: the state of every sample after a given iteration.

This is what the dataset view paints: as an epoch runs it fills up, at the epoch
tick it empties, and with shuffling the order in which it fills changes.
"""

from __future__ import annotations

import numpy as np

from epochviz.core.schedule import BatchSchedule

UNSEEN, SEEN, IN_BATCH, DROPPED, HELD_OUT = 0, 1, 2, 3, 4
STATE_NAMES = ("not yet seen this epoch", "seen this epoch", "in the current batch", "left out (drop last)",
               "held out for validation")


def count_states(states: np.ndarray) -> dict[str, int]:
    """How many samples are in each state, by name (for captions and tests)."""
    tally = np.bincount(states, minlength=5)
    return {"unseen": int(tally[UNSEEN]), "seen": int(tally[SEEN]),
            "in_batch": int(tally[IN_BATCH]), "dropped": int(tally[DROPPED]), "held_out": int(tally[HELD_OUT])}


class SampleStates:
    """Per-sample state (``UNSEEN``/``SEEN``/``IN_BATCH``/``DROPPED``/``HELD_OUT``) after an iteration.

    ``at(global_iteration)`` returns a uint8 array with one state per row of
    the dataset: the training samples' state this epoch, and ``HELD_OUT`` for
    the rows a validation split keeps out of training (they never change).
    Before the first iteration every training sample is unseen (the samples
    drop_last will leave out of epoch 1 are already marked). The epoch's sample
    order is cached, so calling this every frame costs one pass over N bytes.
    """

    def __init__(self, schedule: BatchSchedule) -> None:
        self.schedule = schedule
        self._epoch = 0
        self._order: np.ndarray | None = None
        self._blank = np.full(schedule.dataset_samples, UNSEEN, dtype=np.uint8)
        if schedule.rows is not None:  # every row the schedule never visits is held out
            self._blank[:] = HELD_OUT
            self._blank[schedule.rows] = UNSEEN
        self._states = np.empty_like(self._blank)

    def _order_of(self, epoch: int) -> np.ndarray:
        if epoch != self._epoch:
            self._order, self._epoch = self.schedule.order(epoch), epoch
        return self._order

    def at(self, global_iteration: int) -> np.ndarray:
        s = self.schedule
        epoch, iteration = s.position(global_iteration)
        order = self._order_of(epoch)
        states = self._states
        np.copyto(states, self._blank)
        states[order[s.samples_per_epoch :]] = DROPPED
        if iteration:
            end = (iteration - 1) * s.effective_batch_size + s.batch_size_at(iteration)
            start = (iteration - 1) * s.effective_batch_size
            states[order[:start]] = SEEN
            states[order[start:end]] = IN_BATCH
        return states

    def counts(self, global_iteration: int) -> dict[str, int]:
        """How many samples are in each state after ``global_iteration``."""
        return count_states(self.at(global_iteration))

    def batch_indices(self, global_iteration: int) -> np.ndarray:
        """Sample indices of the batch of ``global_iteration`` (empty before the first)."""
        s = self.schedule
        epoch, iteration = s.position(global_iteration)
        if not iteration:
            return np.empty(0, dtype=np.int64)
        start = (iteration - 1) * s.effective_batch_size
        return self._order_of(epoch)[start : start + s.batch_size_at(iteration)]
