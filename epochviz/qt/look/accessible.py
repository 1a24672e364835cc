"""What a screen reader says for each named widget of the window, in the current language.

The window's widgets carry object names (the automation contract in the
README); their accessible names are given here, by object name, once the
window is built and again whenever Qt says the language changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from epochviz.text.translations import translate

SLIDERS = ("datasetSizeSlider", "batchSizeSlider", "learningRateSlider", "speedSlider")  # each with Track and Box


def accessible_names() -> dict[str, str]:
    """Object name -> accessible name."""
    names = {
        "datasetCombo": translate("accessible", "Dataset"),
        "datasetSizeSlider": translate("accessible", "Dataset size N"),
        "batchSizeSlider": translate("accessible", "Batch size B"),
        "learningRateSlider": translate("accessible", "Learning rate"),
        "speedSlider": translate("accessible", "Training speed"),
        "accumulateSpin": translate("accessible", "Accumulate gradients over K batches"),
        "epochsSpin": translate("accessible", "Epochs"),
        "validationSplitSpin": translate("accessible", "Validation split: the share of the samples held out"),
        "shuffleCheck": translate("accessible", "Shuffle every epoch"),
        "dropLastCheck": translate("accessible", "Drop last partial batch"),
        "hiddenLayersSpin": translate("accessible", "Hidden layers"),
        "hiddenWidthSpin": translate("accessible", "Neurons per hidden layer"),
        "activationCombo": translate("accessible", "Activation"),
        "playButton": translate("accessible", "Play or pause"),
        "stepButton": translate("accessible", "Step one phase"),
        "stepEpochButton": translate("accessible", "Run to the end of the epoch"),
        "resetButton": translate("accessible", "Reset the run"),
        "memoryMeter": translate("accessible", "Memory one iteration needs for this batch size"),
        "memoryNetworkCombo": translate("accessible", "Network to size the memory for"),
        "memoryBudgetCombo": translate("accessible", "Memory budget"),
        "scheduleReadout": translate("accessible", "Schedule arithmetic"),
        "epochProgress": translate("accessible", "Epoch progress"),
        "iterationProgress": translate("accessible", "Iteration within the epoch"),
        "phaseCaption": translate("accessible", "What the current iteration is doing"),
        "datasetView": translate("accessible", "Dataset: every sample, coloured by whether this epoch has seen it"),
        "networkView": translate("accessible", "Network: layers of neurons and the weights between them"),
        "boundaryView": translate("accessible", "What the network has learned"),
        "lossPlot": translate("accessible", "Loss per iteration chart"),
        "hoverLabel": translate("accessible", "Point under the cursor"),
        "xAxisCombo": translate("accessible", "x axis"),
        "smoothingSlider": translate("accessible", "Smoothing"),
        "fitButton": translate("accessible", "Fit the chart to the data and follow it"),
        "compareToggle": translate("accessible", "Compare batch sizes side by side"),
        "comparePlot": translate("accessible", "Loss of every compared run"),
        "compareAxisCombo": translate("accessible", "x axis of the comparison"),
        "compareTable": translate("accessible", "What each batch size costs"),
        "compareNewBatch": translate("accessible", "Batch size of a new run"),
        "codeView": translate("accessible", "The training loop as code, with the line that runs"),
        "codeStyleCombo": translate("accessible", "Library the training loop is written with"),
        "codeText": translate("accessible", "Training loop code"),
    }
    for slider in SLIDERS:
        names[f"{slider}Track"] = translate("accessible", "{name} slider").format(name=names[slider])
        names[f"{slider}Box"] = translate("accessible", "{name} value").format(name=names[slider])
    return names


def name_for_screen_readers(window: QWidget) -> None:
    """Give every named widget of ``window`` its accessible name in the current language."""
    names = accessible_names()
    for widget in window.findChildren(QWidget):
        name = names.get(widget.objectName())
        if name is not None:
            widget.setAccessibleName(name)


class ScreenReaderNames(QObject):
    """Names every named widget under ``root`` now, and again on each ``LanguageChange`` that ``root`` gets."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        name_for_screen_readers(root)
        root.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and isinstance(watched, QWidget):
            name_for_screen_readers(watched)
        return False
