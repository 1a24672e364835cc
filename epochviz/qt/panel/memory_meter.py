"""The memory meter: what one iteration of B samples needs, against a memory budget.

Push B up until the bar turns red, and see that the whole dataset in one batch
could never fit: that is why training goes batch by batch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QProgressBar, QWidget

from epochviz.core.memory import (
    BUDGETS_GB,
    IMAGE_NETWORKS,
    NetworkShape,
    format_bytes,
    iteration_memory,
    largest_batch,
    mlp_shape,
)
from epochviz.text.translations import translate

# A light gauge in every theme, so that its black text reads over the fill and past it.
_OK = ("QProgressBar { color: #000; background: #f4f4f4; border: 1px solid #888; border-radius: 2px; }"
       " QProgressBar::chunk { background: #9cc3ec; }")
_OVER = "QProgressBar::chunk { background: #d9453b; } QProgressBar { color: white; }"


class MemoryMeter(QWidget):
    """``set_state(widths, batch_size, n_samples)``; the image network and budget are picked here.

    The first line is this MLP's own figure; the bar sizes the same batch for a
    realistic image network (VGG-16 by default), where the limit is real.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("memoryMeter")
        self.network = QComboBox()
        self.network.setObjectName("memoryNetworkCombo")
        for key, shape in IMAGE_NETWORKS.items():
            self.network.addItem(shape.name, key)
        self.network.addItem("", "mlp")
        self.own = QLabel()
        self.own.setObjectName("memoryOwnText")
        self.own.setWordWrap(True)
        self.budget = QComboBox()
        self.budget.setObjectName("memoryBudgetCombo")
        for gb in BUDGETS_GB:
            self.budget.addItem(f"{gb} GB", gb)
        self.budget.setCurrentIndex(BUDGETS_GB.index(8))
        self.bar = QProgressBar()
        self.bar.setObjectName("memoryBar")
        self.bar.setRange(0, 1000)
        self.text = QLabel()
        self.text.setObjectName("memoryText")
        self.text.setWordWrap(True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.wide: bool | None = None
        self.set_wide(False)
        self._state: tuple[tuple[int, ...], int, int, int] = ((2, 16, 16, 3), 32, 1000, 1)
        self._sheet = ""  # the bar's style sheet, set again only when it changes (each set restyles the bar)
        self.alarm_allowed = True  # False while a scene is about something else: no red "Too big" then
        self.alarm_shown = False
        self.network.currentIndexChanged.connect(self._refresh)
        self.budget.currentIndexChanged.connect(self._refresh)

    def set_wide(self, wide: bool) -> None:
        """Lay the meter out for a column (the settings) or for a strip across the window (a scene's emphasis)."""
        if wide == self.wide:
            return
        self.wide = wide
        grid = self.grid
        for part in (self.own, self.network, self.budget, self.bar, self.text):
            grid.removeWidget(part)
        for column in range(3):
            grid.setColumnStretch(column, 0)
        if wide:  # this network, the image network and the budget in a row; the bar; the verdict
            grid.addWidget(self.own, 0, 0)
            grid.addWidget(self.network, 0, 1)
            grid.addWidget(self.budget, 0, 2)
            row = 1
        else:  # this network; the image network and the budget; the bar; the verdict
            grid.addWidget(self.own, 0, 0, 1, 2)
            grid.addWidget(self.network, 1, 0)
            grid.addWidget(self.budget, 1, 1)
            row = 2
        grid.addWidget(self.bar, row, 0, 1, 3)
        grid.addWidget(self.text, row + 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)

    def shape(self) -> NetworkShape:
        key = self.network.currentData()
        return mlp_shape(self._state[0]) if key == "mlp" else IMAGE_NETWORKS[key]

    def set_state(self, widths: tuple[int, ...], batch_size: int, n_samples: int, accumulate: int = 1) -> None:
        """Size one iteration of ``batch_size`` (the micro-batch: accumulating K of them needs no more memory).

        It redraws at once: callers send it at most one state per frame (``ControlPanel``).
        """
        self._state = (tuple(widths), int(batch_size), int(n_samples), int(accumulate))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def allow_alarm(self, allowed: bool) -> None:
        """Whether a batch too big for the budget shows in red with "Too big" (off while memory is not the point)."""
        self.alarm_allowed = allowed
        self._refresh()

    def retranslate(self) -> None:
        """The words in the current language (the figures stay)."""
        for i in range(self.network.count()):
            key = self.network.itemData(i)
            name = mlp_shape(self._state[0]).name if key == "mlp" else IMAGE_NETWORKS[key].name
            self.network.setItemText(i, translate("memory", name))
        self._refresh()

    def _refresh(self) -> None:
        widths, batch, n, k = self._state
        own = iteration_memory(mlp_shape(widths), batch)
        self.own.setText(translate("memory", "This network: {size} per iteration").format(size=format_bytes(own.total)))
        shape = self.shape()
        budget = self.budget.currentData() * 10**9
        need = iteration_memory(shape, batch)
        everything = iteration_memory(shape, n)
        fits = need.total <= budget
        self.bar.setValue(min(1000, round(1000 * need.total / budget)))
        self.bar.setFormat(translate("memory", "B = {batch}: {need} of {budget}").format(
            batch=f"{batch:,}", need=format_bytes(need.total), budget=format_bytes(budget)))
        self.alarm_shown = not fits and self.alarm_allowed
        self._set_sheet(_OVER if self.alarm_shown else _OK)
        self.text.setVisible(fits or self.alarm_allowed)
        most = largest_batch(shape, budget)
        if fits:
            text = translate("memory", "Fits: the largest batch that fits is {most}.").format(most=f"{most:,}")
        elif most:
            text = translate("memory", "<b>Too big</b>: the largest batch that fits is {most}.").format(
                most=f"{most:,}")
        else:
            text = translate("memory", "<b>Too big</b>: not even one sample fits.")
        whole = (translate("memory", "All {n} samples in one batch: {size}, fits.") if everything.total <= budget else
                 translate("memory", "All {n} samples in one batch: {size}, <b>can never fit</b>."))
        text += " " + whole.format(n=f"{n:,}", size=format_bytes(everything.total))
        if not fits and most:  # the way out: the same effective batch, in pieces that fit
            pieces = -(-batch // most)
            text += " " + translate("memory", "B = {batch} does not fit; {pieces} x {size} does (accumulate "
                                              "gradients).").format(
                batch=f"{batch:,}", pieces=f"{pieces:,}", size=f"{-(-batch // pieces):,}")
        if k > 1:
            text += " " + translate("memory", "Accumulating {k} batches: the effective batch is {k} x {batch}, but "
                                              "memory counts one batch of {batch}.").format(
                                                  k=f"{k:,}", batch=f"{batch:,}")
        self.text.setText(text)
        self.setToolTip(translate(
            "memory", "{network}, one iteration at B = {batch}:\ninputs {inputs}\nactivations kept for backprop "
                      "{activations}\ntheir gradients {gradients}\nweights {weights} and their gradients "
                      "{weight_gradients}").format(
            network=translate("memory", shape.name), batch=f"{batch:,}", inputs=format_bytes(need.inputs),
            activations=format_bytes(need.activations), gradients=format_bytes(need.activation_gradients),
            weights=format_bytes(need.parameters), weight_gradients=format_bytes(need.parameter_gradients)))

    def _set_sheet(self, sheet: str) -> None:
        if sheet != self._sheet:
            self._sheet = sheet
            self.bar.setStyleSheet(sheet)
