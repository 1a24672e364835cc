"""The phases of one iteration, and the caption that names each with live numbers."""

from __future__ import annotations

import math

from epochviz.core.schedule import BatchSchedule

PHASES = ("batch", "forward", "loss", "backward", "update")
IDLE = len(PHASES)  # no phase on show: the views show the latest state


def caption(phase: int, schedule: BatchSchedule, global_iteration: int, loss: float | None = None,
            lr: float | None = None, running_at: float | None = None) -> str:
    """One line saying where the run is and what the current phase does.

    ``running_at`` is the speed (iterations per second, ``inf`` for as fast as
    possible) while training runs without phases on show; None when paused.
    """
    if global_iteration <= 0:
        return (f"Ready: each iteration takes one batch of {schedule.effective_batch_size:,} samples through a "
                "forward pass, the loss, a backward pass and one weight update. Press Play or Step.")
    epoch, iteration = schedule.position(global_iteration)
    where = (f"Iteration {iteration:,} of {schedule.iterations_per_epoch:,} "
             f"(epoch {epoch:,} of {schedule.epochs:,})")
    b = schedule.batch_size_at(iteration)
    samples = f"{b:,} sample{'s' * (b != 1)}"
    if phase >= IDLE:
        if running_at is not None:
            pace = "as fast as it can" if math.isinf(running_at) else f"at {running_at:,g} iterations per second"
            return f"{where}: training {pace}, batch after batch"
        return f"{where} done: forward, loss, backward and update of {samples}"
    name = PHASES[phase]
    if name == "batch":
        text = f"a batch of {samples} enters the network"
        if b != schedule.effective_batch_size:
            text += " (the partial last batch of the epoch)"
    elif name == "forward":
        text = f"forward pass of {samples}"
    elif name == "loss":
        text = f"loss = {loss:.4f}, the mean over {samples}" if loss is not None else "the loss"
    elif name == "backward":
        text = "backward pass: the gradient of the loss for every weight, from the output back"
    else:
        step = f"{lr:g} × " if lr is not None else "learning rate × "
        text = f"update: every weight moves by −{step}its gradient (one update per iteration)"
    return f"{where}: {text}"
