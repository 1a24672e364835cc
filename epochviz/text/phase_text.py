"""The caption above the views: where the run is and what the phase on show does, in the current language."""

from __future__ import annotations

import math

from epochviz.core.phases import IDLE, PHASES
from epochviz.core.schedule import BatchSchedule
from epochviz.text.translations import translate, units


def _step(lr: float | None) -> str:
    return f"{lr:g} × " if lr is not None else translate("phases", "learning rate × ")


def _accumulating(name: str, schedule: BatchSchedule, b: int, loss: float | None, lr: float | None,
                  pass_index: int) -> str:
    """A phase of an iteration that accumulates the gradients of several passes."""
    passes = -(-b // schedule.micro_batch_size)
    if name == "update":
        return translate("phases", "update: every weight moves by −{step}the mean gradient of the {passes} passes "
                                   "({samples}); the only update of this iteration").format(
            step=_step(lr), passes=passes, samples=units(b, "sample"))
    m = min(schedule.micro_batch_size, b - (pass_index - 1) * schedule.micro_batch_size)
    micro = translate("phases", "pass {index} of {passes}, {samples}").format(
        index=pass_index, passes=passes, samples=units(m, "sample"))
    if name == "forward":
        return translate("phases", "forward {pass_}").format(pass_=micro)
    if name == "loss":
        if loss is None:
            return translate("phases", "loss of {pass_}").format(pass_=micro)
        return translate("phases", "loss of {pass_} (mean so far {loss})").format(pass_=micro, loss=f"{loss:.4f}")
    return translate("phases", "backward {pass_}: its gradient is added to the sum; no update yet").format(pass_=micro)


def _phase(name: str, schedule: BatchSchedule, b: int, loss: float | None, lr: float | None) -> str:
    samples = units(b, "sample")
    if name == "batch":
        text = translate("phases", "a batch of {samples} enters the network").format(samples=samples)
        if schedule.accumulate > 1:
            text += translate("phases", " in {passes} passes of up to {size}").format(
                passes=-(-b // schedule.micro_batch_size), size=f"{schedule.micro_batch_size:,}")
        if b != schedule.effective_batch_size:
            text += translate("phases", " (the partial last batch of the epoch)")
        return text
    if name == "forward":
        return translate("phases", "forward pass of {samples}").format(samples=samples)
    if name == "loss":
        if loss is None:
            return translate("phases", "the loss")
        return translate("phases", "loss = {loss}, the mean over {samples}").format(loss=f"{loss:.4f}", samples=samples)
    if name == "backward":
        return translate("phases", "backward pass: the gradient of the loss for every weight, from the output back")
    return translate("phases", "update: every weight moves by −{step}its gradient (one update per iteration)").format(
        step=_step(lr))


def caption(phase: int, schedule: BatchSchedule, global_iteration: int, loss: float | None = None,
            lr: float | None = None, running_at: float | None = None, pass_index: int = 1) -> str:
    """One line saying where the run is and what the current phase does.

    ``running_at`` is the speed (iterations per second, ``inf`` for as fast as
    possible) while training runs without phases on show; None when paused.
    With gradient accumulation, ``pass_index`` says which forward/backward pass
    of the iteration is on show.
    """
    if global_iteration <= 0:
        return translate("phases", "Ready: each iteration takes one batch of {samples} through a forward pass, "
                                   "the loss, a backward pass and one weight update. Press Play or Step.").format(
            samples=units(schedule.effective_batch_size, "sample"))
    epoch, iteration = schedule.position(global_iteration)
    where = translate("phases", "Iteration {iteration} of {per_epoch} (epoch {epoch} of {epochs})").format(
        iteration=f"{iteration:,}", per_epoch=f"{schedule.iterations_per_epoch:,}", epoch=f"{epoch:,}",
        epochs=f"{schedule.epochs:,}")
    b = schedule.batch_size_at(iteration)
    if phase >= IDLE:
        if running_at is None:
            return translate("phases", "{where} done: forward, loss, backward and update of {samples}").format(
                where=where, samples=units(b, "sample"))
        if math.isinf(running_at):
            return translate("phases", "{where}: training as fast as it can, batch after batch").format(where=where)
        return translate("phases", "{where}: training at {speed} iterations per second, batch after batch").format(
            where=where, speed=f"{running_at:,g}")
    name = PHASES[phase]
    if schedule.accumulate > 1 and name != "batch":
        text = _accumulating(name, schedule, b, loss, lr, pass_index)
    else:
        text = _phase(name, schedule, b, loss, lr)
    return translate("phases", "{where}: {text}").format(where=where, text=text)
