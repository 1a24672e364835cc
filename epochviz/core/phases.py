"""The phases of one iteration, and the caption that names each with live numbers."""

from __future__ import annotations

import math

from epochviz.core.schedule import BatchSchedule

PHASES = ("batch", "forward", "loss", "backward", "update")
IDLE = len(PHASES)  # no phase on show: the views show the latest state


def caption(phase: int, schedule: BatchSchedule, global_iteration: int, loss: float | None = None,
            lr: float | None = None, running_at: float | None = None, pass_index: int = 1) -> str:
    """One line saying where the run is and what the current phase does.

    ``running_at`` is the speed (iterations per second, ``inf`` for as fast as
    possible) while training runs without phases on show; None when paused.
    With gradient accumulation, ``pass_index`` says which forward/backward pass
    of the iteration is on show.
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
    k = schedule.accumulate
    if k > 1 and name != "batch":
        passes = -(-b // schedule.micro_batch_size)
        if name == "update":
            step = f"{lr:g} × " if lr is not None else "learning rate × "
            text = (f"update: every weight moves by −{step}the mean gradient of the {passes} passes "
                    f"({samples}); the only update of this iteration")
        else:
            m = min(schedule.micro_batch_size, b - (pass_index - 1) * schedule.micro_batch_size)
            micro = f"pass {pass_index} of {passes}, {m:,} sample{'s' * (m != 1)}"
            text = {"forward": f"forward {micro}",
                    "loss": f"loss of {micro}" + (f" (mean so far {loss:.4f})" if loss is not None else ""),
                    "backward": f"backward {micro}: its gradient is added to the sum; no update yet"}[name]
        return f"{where}: {text}"
    if name == "batch":
        text = f"a batch of {samples} enters the network"
        if k > 1:
            text += f" in {-(-b // schedule.micro_batch_size)} passes of up to {schedule.micro_batch_size:,}"
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
