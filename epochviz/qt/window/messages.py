"""What the window says in its status bar and banner, in the current language.

Each function words one message; the window decides when to show it. The
banner is a ``WordedLabel``: it keeps the function that made its text, and
words it again when the language changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from epochviz.qt.widgets.worded_label import WordedLabel
from epochviz.text.translations import explain, translate, units


def as_rich_text(text: str) -> str:
    """``text`` (from a file, a setting or the user) for a rich-text label: every character shows as typed.

    Qt reads ``<img src=...>`` in rich text as a file to load (``/dev/zero`` ate
    gigabytes, a FIFO hung the window), so nothing from outside is taken as markup.
    """
    return html.escape(text).replace("\n", "<br>")


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """``QMessageBox.warning``, but plain text: it names files, and ``<b>.json`` is shown as it is."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class Banner:
    """The red banner above the views: ``show(words)`` until ``hide()``, in whatever language is chosen."""

    def __init__(self, label: WordedLabel, fit: Callable[[], None]) -> None:
        self.label, self._fit = label, fit  # ``fit``: lay out the column again after a change of text

    def show(self, words: Callable[[], str]) -> None:
        self.label.set_words(words)
        self.label.setVisible(True)
        self._fit()

    def hide(self) -> None:
        self.label.set_words(None)
        self.label.setVisible(False)


def window_title() -> str:
    return translate("window", "epochviz – epoch, batch and iteration")


def reset_one() -> str:
    return translate("window", "Reset: a new run starts from iteration 0 with fresh weights.")


def reset_compare() -> str:
    return translate("window", "Reset: every run starts again from update 0.")


def settings_refused(problem: object) -> str:
    return translate("window", "Cannot use these settings: {problem}").format(problem=explain(problem))


def settings_changed() -> str:
    return translate("window", "Settings changed: the run was reset to iteration 0.")


def finished(epochs: int, iterations: int) -> str:
    return translate("window", "Finished: {epochs}, {iterations}. Press Play to train again from scratch.").format(
        epochs=units(epochs, "epoch"), iterations=units(iterations, "iteration"))


def diverged(iteration: int, lr: float) -> str:
    return translate("window", "Training diverged at iteration {iteration}: the loss became infinite because the "
                               "learning rate ({lr}) is too high. Lower it, then press Reset or Play.").format(
        iteration=f"{iteration:,}", lr=f"{lr:g}")


def paused_not_finite() -> str:
    return translate("window", "Paused: the loss is no longer a finite number.")


def stopped_by_error(message: str) -> str:
    return translate("window", "Training stopped by an error: {message}. Press Reset to start again.").format(
        message=message)


def unknown_error() -> str:
    return translate("window", "unknown error")


def error(message: str) -> str:
    return translate("window", "Error: {message}").format(message=message)
