"""The memory meter: what one iteration of B samples needs, against a memory budget.

Push B up until the bar turns red, and see that the whole dataset in one batch
could never fit: that is why training goes batch by batch.
"""

from __future__ import annotations

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
        self.setAccessibleName("Memory one iteration needs for this batch size")
        self.network = QComboBox()
        self.network.setObjectName("memoryNetworkCombo")
        self.network.setAccessibleName("Network to size the memory for")
        for key, shape in IMAGE_NETWORKS.items():
            self.network.addItem(shape.name, key)
        self.network.addItem("this network", "mlp")
        self.own = QLabel()
        self.own.setObjectName("memoryOwnText")
        self.own.setWordWrap(True)
        self.budget = QComboBox()
        self.budget.setObjectName("memoryBudgetCombo")
        self.budget.setAccessibleName("Memory budget")
        for gb in BUDGETS_GB:
            self.budget.addItem(f"{gb} GB", gb)
        self.budget.setCurrentIndex(BUDGETS_GB.index(8))
        self.bar = QProgressBar()
        self.bar.setObjectName("memoryBar")
        self.bar.setRange(0, 1000)
        self.text = QLabel()
        self.text.setObjectName("memoryText")
        self.text.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.own, 0, 0, 1, 2)
        grid.addWidget(self.network, 1, 0)
        grid.addWidget(self.budget, 1, 1)
        grid.addWidget(self.bar, 2, 0, 1, 2)
        grid.addWidget(self.text, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self._state: tuple[tuple[int, ...], int, int, int] = ((2, 16, 16, 3), 32, 1000, 1)
        self.network.currentIndexChanged.connect(self._refresh)
        self.budget.currentIndexChanged.connect(self._refresh)

    def shape(self) -> NetworkShape:
        key = self.network.currentData()
        return mlp_shape(self._state[0]) if key == "mlp" else IMAGE_NETWORKS[key]

    def set_state(self, widths: tuple[int, ...], batch_size: int, n_samples: int, accumulate: int = 1) -> None:
        """Size one iteration of ``batch_size`` (the micro-batch: accumulating K of them needs no more memory)."""
        self._state = (tuple(widths), int(batch_size), int(n_samples), int(accumulate))
        self._refresh()

    def _refresh(self) -> None:
        widths, batch, n, k = self._state
        own = iteration_memory(mlp_shape(widths), batch)
        self.own.setText(f"This network: {format_bytes(own.total)} per iteration")
        shape = self.shape()
        budget = self.budget.currentData() * 10**9
        need = iteration_memory(shape, batch)
        everything = iteration_memory(shape, n)
        fits = need.total <= budget
        self.bar.setValue(min(1000, round(1000 * need.total / budget)))
        self.bar.setFormat(f"B = {batch:,}: {format_bytes(need.total)} of {format_bytes(budget)}")
        self.bar.setStyleSheet(_OK if fits else _OVER)
        most = largest_batch(shape, budget)
        verdict = f"the largest batch that fits is {most:,}" if most else "not even one sample fits"
        whole = "fits" if everything.total <= budget else "<b>can never fit</b>"
        text = (f"{'Fits' if fits else '<b>Too big</b>'}: {verdict}. "
                f"All {n:,} samples in one batch: {format_bytes(everything.total)}, {whole}.")
        if not fits and most:  # the way out: the same effective batch, in pieces that fit
            pieces = -(-batch // most)
            text += (f" B = {batch:,} does not fit; {pieces:,} x {-(-batch // pieces):,} does "
                     "(accumulate gradients).")
        if k > 1:
            text += (f" Accumulating {k:,} batches: the effective batch is {k:,} x {batch:,}, "
                     f"but memory counts one batch of {batch:,}.")
        self.text.setText(text)
        self.setToolTip(
            f"{shape.name}, one iteration at B = {batch:,}:\n"
            f"inputs {format_bytes(need.inputs)}\n"
            f"activations kept for backprop {format_bytes(need.activations)}\n"
            f"their gradients {format_bytes(need.activation_gradients)}\n"
            f"weights {format_bytes(need.parameters)} and their gradients {format_bytes(need.parameter_gradients)}"
        )
