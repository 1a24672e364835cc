"""The arithmetic of a schedule written out as on a board (``epochviz schedule``), in English or Chinese.

Every sentence is a ``translate("schedule", ...)`` template: the English text
is the source, the Chinese comes from the ``.ts`` file. The Chinese board
names each term with its English word in brackets the first time it appears.
"""

from __future__ import annotations

from epochviz.core.schedule import ScheduleFacts
from epochviz.text.translations import current_language, translate, units


def _separated(facts: ScheduleFacts) -> tuple[str, str, str]:
    """(passes, updates, total) formulas with thousands separators: ``ceil(10,000 / 10) = 1,000``."""
    fn = "floor" if facts.drop_last else "ceil"
    passes = f"{fn}({facts.n_samples:,} / {facts.batch_size:,}) = {facts.forward_passes_per_epoch:,}"
    updates = (passes if facts.accumulate == 1 else
               f"ceil({facts.forward_passes_per_epoch:,} / {facts.accumulate:,}) = {facts.updates_per_epoch:,}")
    total = f"{facts.epochs:,} x {facts.iterations_per_epoch:,} = {facts.total_iterations:,}"
    return passes, updates, total


def _formulas(facts: ScheduleFacts) -> tuple[str, str, str, str]:
    """(passes, updates, total, effective) formulas: plain on the English board, with separators in Chinese."""
    if current_language() == "en":
        return facts.passes_formula, facts.iterations_formula, facts.total_formula, facts.effective_formula
    return (*_separated(facts), facts.effective_formula)


def _held_out(facts: ScheduleFacts) -> str:
    """``2,000 - 400 held out = 1,600``: the N of every formula once a validation split is held out."""
    return f"{facts.n_samples + facts.validation_samples:,} - " + translate("schedule", "{held} held out").format(
        held=f"{facts.validation_samples:,}") + f" = {facts.n_samples:,}"


def readout(facts: ScheduleFacts) -> str:
    """The window's live arithmetic: one line of ``|``-separated parts, with thousands separators.

    With a validation split it starts with the training samples, the N the formulas count.
    """
    if facts.validation_samples:
        return translate("readout", "training samples N_train = {held_out} | {rest}").format(
            held_out=_held_out(facts), rest=_readout(facts))
    return _readout(facts)


def _readout(facts: ScheduleFacts) -> str:
    passes, updates, total = _separated(facts)
    last = translate("readout", "last batch: {size}").format(size=f"{facts.last_batch_size:,}")
    if facts.dropped_per_epoch:
        last += translate("readout", " ({dropped} dropped)").format(dropped=f"{facts.dropped_per_epoch:,}")
    total = total.rsplit(" = ", 1)[0] + " = "
    if facts.accumulate == 1:
        total += units(facts.total_iterations, "iteration")
        return translate("readout", "iterations per epoch = {passes} | {last} | total = {total}").format(
            passes=passes, last=last, total=total)
    total += units(facts.total_iterations, "weight update")
    return translate("readout", "forward passes per epoch = {passes} | updates per epoch = {updates} | "
                                "effective batch = {effective} | {last} | total = {total}").format(
        passes=passes, updates=updates, effective=facts.effective_formula, last=last, total=total)


def _last_batch(facts: ScheduleFacts) -> str:
    n, b = facts.n_samples, facts.batch_size
    size = units(facts.last_batch_size, "sample")
    if b >= n:
        return translate("schedule", "{size} (batch size >= N: full batch, one update per epoch)").format(size=size)
    if facts.dropped_per_epoch:
        return translate("schedule", "{batch}; the {dropped} left over ({n} mod {b}) are dropped each epoch").format(
            batch=units(b, "sample"), dropped=f"{facts.dropped_per_epoch:,}", n=f"{n:,}", b=f"{b:,}")
    if n % b:
        return translate("schedule", "{size} ({n} mod {b}: a partial batch)").format(size=size, n=f"{n:,}", b=f"{b:,}")
    return translate("schedule", "{size} ({b} divides {n})").format(size=size, n=f"{n:,}", b=f"{b:,}")


def describe_schedule(facts: ScheduleFacts) -> str:
    """The board: the header, each derived number with its formula, and the totals in words."""
    passes, updates, total, effective = _formulas(facts)
    header = translate("schedule", "{samples}, batch size {batch}, {epochs}").format(
        samples=units(facts.n_samples + facts.validation_samples, "sample"), batch=f"{facts.batch_size:,}",
        epochs=units(facts.epochs, "epoch"))
    rows = []
    if facts.validation_samples:  # N below is N_train: the held-out samples are never trained on
        rows.append((translate("schedule", "training samples N"),
                     translate("schedule", "{formula}  (held out for validation, evaluated at each epoch end)")
                     .format(formula=_held_out(facts))))
    if facts.accumulate == 1:
        rows.append((translate("schedule", "iterations per epoch"), passes))
    else:
        rows += [
            (translate("schedule", "forward passes per epoch"), passes),
            (translate("schedule", "updates per epoch"),
             translate("schedule", "{formula}  (accumulating {k} batches)").format(
                 formula=updates, k=facts.accumulate)),
            (translate("schedule", "effective batch"),
             translate("schedule", "{formula}  (memory needs B = {b}, not K x B)").format(
                 formula=effective, b=f"{facts.batch_size:,}")),
        ]
    rows += [(translate("schedule", "last batch"), _last_batch(facts)),
             (translate("schedule", "total iterations"), total)]
    # English aligns the "=" signs as on a board; the Chinese lines keep one space (the source text's example).
    width = max(20, *(len(label) for label, _ in rows)) if current_language() == "en" else 0
    lines = [header, ""] + [f"  {label.ljust(width)} = {value}" for label, value in rows] + [""]
    lines.append(translate("schedule", "That is {updates} and {samples} seen ({per_epoch} per epoch).").format(
        updates=units(facts.weight_updates, "weight update"), samples=units(facts.samples_seen, "sample"),
        per_epoch=f"{facts.samples_per_epoch:,}"))
    return "\n".join(lines)
