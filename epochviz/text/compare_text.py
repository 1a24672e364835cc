"""The compare table's column titles and what each means, for the window and ``epochviz compare`` alike."""

from __future__ import annotations

from epochviz.core.compare import figure_text, lr_text
from epochviz.text.translations import translate


def column_words() -> dict[str, tuple[str, str]]:
    """Each column's key (in ``core.compare.summary``) -> (title, tooltip), in the current language."""
    return {
        "label": (translate("compare", "Run"),
                  translate("compare", "The run's colour in the chart, its batch size and iterations per epoch")),
        "batch": ("B", translate("compare", "Batch size B (K × B when accumulating gradients over K batches)")),
        "lr": ("lr", translate("compare", "Learning rate of this run (see the learning-rate rule above the chart)")),
        "updates_per_epoch": (translate("compare", "it/epoch"),
                              translate("compare", "Iterations (weight updates) per epoch: ceil(N / B)")),
        "total_updates": (translate("compare", "updates"), translate("compare", "Weight updates so far")),
        "ms_per_update": (translate("compare", "ms/it"),
                          translate("compare", "Compute milliseconds per iteration (forward, backward, update)")),
        "samples_per_s": (translate("compare", "samples/s"),
                          translate("compare", "Samples trained per second of compute: bigger batches use numpy "
                                               "better")),
        "seconds_per_epoch": (translate("compare", "s/epoch"),
                              translate("compare", "Compute seconds per epoch = iterations per epoch × time per "
                                                   "iteration")),
        "memory_per_iteration_bytes": (translate("compare", "memory/it"),
                                       translate("compare", "Memory one iteration needs (inputs, activations, "
                                                            "gradients, weights)")),
        "final_loss": (translate("compare", "loss"), translate("compare", "Whole-dataset loss at the last epoch end")),
        "final_accuracy": (translate("compare", "accuracy"),
                           translate("compare", "Whole-dataset accuracy at the last epoch end")),
        "final_val_loss": (translate("compare", "val loss"),
                           translate("compare", "Loss of the held-out samples (the validation split) at the last "
                                                "epoch end")),
        "final_val_accuracy": (translate("compare", "val accuracy"),
                               translate("compare", "Accuracy of the held-out samples (the validation split) at the "
                                                    "last epoch end")),
    }


def label_template() -> str:
    """How a run is named: ``B=32 · 63 it/epoch · lr 0.3`` (for ``core.compare.run_label``)."""
    return translate("compare", "B={b} · {updates} it/epoch · lr {lr}")


def verdict_words(row: dict) -> str | None:
    """One plain sentence when a run went wrong (``row["verdict"]`` of ``core.compare.summary``), else None."""
    verdict, lr, run = row.get("verdict"), lr_text(row["lr"]), f"B = {figure_text('batch', row)}"
    if verdict == "diverged":
        return translate("compare", "{run} diverged: its loss became infinite. Its learning rate {lr} is too large "
                                    "for this batch size.").format(run=run, lr=lr)
    if verdict == "worse":
        return translate("compare", "{run} is worse than it began: whole-dataset loss {loss} after epoch {epoch}, "
                                    "{start} before training. Its learning rate {lr} is probably too large for "
                                    "this batch size.").format(run=run, loss=f"{row['final_loss']:.3f}",
                                                    epoch=len(row["epoch_losses"]), start=f"{row['start_loss']:.3f}",
                                                    lr=lr)
    return None
