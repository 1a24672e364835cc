"""The compare table's column titles and what each means, for the window and ``epochviz compare`` alike."""

from __future__ import annotations

import unicodedata

from epochviz.translations import translate


def column_words() -> dict[str, tuple[str, str]]:
    """Each column's key (in ``core.compare.summary``) -> (title, tooltip), in the current language."""
    return {
        "label": (translate("compare", "Run"),
                  translate("compare", "The run's colour in the chart, its batch size and iterations per epoch")),
        "batch": ("B", translate("compare", "Batch size B (K × B when accumulating gradients over K batches)")),
        "lr": ("lr", translate("compare", "Learning rate (scaled with the batch size when the switch is on)")),
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
    }


def label_template() -> str:
    """How a run is named: ``B=32 · 63 it/epoch`` (for ``core.compare.run_label``)."""
    return translate("compare", "B={b} · {updates} it/epoch")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
