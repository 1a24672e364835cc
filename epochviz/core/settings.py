"""Every setting of a run, declared once: type, range, default, command-line flag, help and label.

The command line's flags, scene files (and the remembered set-up, which is a
scene), ``MainWindow``'s keywords and the panel's ranges all read this table,
so a new setting is one new row and no copy of a range can drift. Checking a
value gives it back in its one true type, or raises ``SettingError`` with one
line that names the setting (its phrase is worded in the user's language by
``translations.explain``).
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np

from epochviz.core.datasets import DATASETS, MAX_SAMPLES
from epochviz.core.holdout import MAX_SPLIT, split_sizes
from epochviz.core.mlp import ACTIVATIONS
from epochviz.core.words import QT_TRANSLATE_NOOP, worded

Kind = Literal["int", "float", "bool", "choice", "widths", "speed"]
SHOWN_CHARACTERS = 40  # a wrong value is echoed in a message, cut to this length


class SettingError(ValueError):
    """A value a setting cannot take; the message names the setting in one line."""


class SettingTypeError(SettingError, TypeError):
    """A value of the wrong type (a text for a number, a number for a flag)."""


def shown(value: object) -> str:
    """``value`` as a message echoes it: JSON where it can be (a tuple as Python writes it), cut to a readable length."""
    if isinstance(value, tuple):
        return repr(value)[:SHOWN_CHARACTERS]
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "..."


@dataclass(frozen=True)
class Setting:
    """One row of the table.

    ``low``/``high`` bound what the window shows; ``headless_high`` lets the
    commands that draw nothing (``train``, ``compare``) go further. For
    ``widths``, ``high`` bounds each width and ``count`` the number of layers.
    """

    name: str  # the RunConfig field, scene key and MainWindow keyword
    kind: Kind
    default: object
    label: str  # the panel's words (context "controls")
    help: str  # the command line's words (context "cli")
    flag: str = ""  # the command-line flag; "" for a setting the command line does not take
    metavar: str | None = None
    low: float = 0
    high: float = math.inf
    headless_high: float | None = None
    count: int = 0  # widths: most layers in the window
    headless_count: int = 0
    choices: tuple[str, ...] = ()

    def check(self, value: object, *, headless: bool = False) -> object:
        """``value`` in this setting's type if it is allowed, else ``SettingError`` naming the setting."""
        return _CHECKS[self.kind](self, value, headless)

    def most(self, headless: bool = False) -> float:
        """The largest value allowed (headless: by the commands that draw nothing)."""
        return self.headless_high if headless and self.headless_high is not None else self.high


def _type_error(setting: Setting, template: str, value: object, **values: object) -> SettingTypeError:
    return worded(SettingTypeError, template, key=setting.name, value=shown(value), **values)


def _number_text(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _out_of_range(setting: Setting, value: object, high: float) -> SettingError:
    return worded(SettingError, QT_TRANSLATE_NOOP("errors", "{key} must be from {low} to {high}, got {value}"),
                  key=setting.name, low=_number_text(setting.low), high=_number_text(high),
                  value=shown(value) if not isinstance(value, numbers.Real) else _exact(value))


def _exact(value: numbers.Real) -> str:
    """A number as given: ``100.0000001`` stays that, never rounded to ``100``."""
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"[:SHOWN_CHARACTERS]
    return repr(float(value))[:SHOWN_CHARACTERS]


def _int(setting: Setting, value: object, headless: bool) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise _type_error(setting, QT_TRANSLATE_NOOP("errors", "{key} must be a whole number, got {value}"), value)
    high = setting.most(headless)
    if not setting.low <= value <= high:
        raise _out_of_range(setting, value, high)
    return int(value)


def _float(setting: Setting, value: object, headless: bool) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise _type_error(setting, QT_TRANSLATE_NOOP("errors", "{key} must be a number, got {value}"), value)
    high = setting.most(headless)
    if not (math.isfinite(float(value)) and setting.low <= value <= high):
        raise _out_of_range(setting, value, high)
    return float(value)


def _bool(setting: Setting, value: object, headless: bool) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise _type_error(setting, QT_TRANSLATE_NOOP("errors", "{key} must be true or false, got {value}"), value)
    return bool(value)


def _choice(setting: Setting, value: object, headless: bool) -> str:
    if not isinstance(value, str) or value not in setting.choices:  # a list or a dict is never looked up
        raise worded(SettingError, QT_TRANSLATE_NOOP("errors", "{key} must be one of {choices}, got {value}"),
                     key=setting.name, choices=", ".join(setting.choices), value=shown(value))
    return value


def _widths(setting: Setting, value: object, headless: bool) -> tuple[int, ...]:
    """Hidden layer widths: the window draws up to ``count`` layers of one width; commands take more."""
    count = setting.headless_count if headless else setting.count
    high = setting.most(headless)
    ok = isinstance(value, (list, tuple)) and len(value) <= count and all(
        not isinstance(w, (bool, np.bool_)) and isinstance(w, numbers.Integral) and 1 <= w <= high for w in value)
    if ok and not headless:
        ok = len(set(value)) <= 1
    if not ok:
        template = (QT_TRANSLATE_NOOP("errors", "{key} must be up to {n} widths from 1 to {high}, got {value}")
                    if headless else
                    QT_TRANSLATE_NOOP("errors", "{key} must be up to {n} equal widths from 1 to {high}, got {value}"))
        raise worded(SettingError, template, key=setting.name, n=count, high=_number_text(high), value=shown(value))
    return tuple(int(w) for w in value)


def _speed(setting: Setting, value: object, headless: bool) -> float:
    """Iterations a second, or ``"max"`` (``math.inf``): as fast as the machine goes."""
    if value == "max" or (isinstance(value, float) and math.isinf(value) and value > 0):
        return math.inf
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real) or not (
            math.isfinite(float(value)) and setting.low <= value <= setting.high):
        raise worded(SettingError,
                     QT_TRANSLATE_NOOP("errors", '{key} must be "max" or a number from {low} to {high}, got {value}'),
                     key=setting.name, low=_number_text(setting.low), high=_number_text(setting.high),
                     value=shown(value))
    return float(value)


_CHECKS = {"int": _int, "float": _float, "bool": _bool, "choice": _choice, "widths": _widths, "speed": _speed}

WINDOW_MIN_SAMPLES = 10
WINDOW_MAX_SAMPLES = 100_000
SEED_MAX = 2**64 - 1  # what the parser reads exactly; numpy takes any size, so larger ones are refused, not aliased

SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("dataset", "choice", "spiral", choices=tuple(DATASETS), flag="--dataset",
            label=QT_TRANSLATE_NOOP("controls", "Dataset"), help=QT_TRANSLATE_NOOP("cli", "dataset to train on")),
    Setting("samples", "int", 2000, low=WINDOW_MIN_SAMPLES, high=WINDOW_MAX_SAMPLES, headless_high=MAX_SAMPLES,
            flag="--samples", metavar="N",
            label=QT_TRANSLATE_NOOP("controls", "Dataset size N"), help=QT_TRANSLATE_NOOP("cli", "dataset size N")),
    Setting("batch_size", "int", 20, low=1, high=WINDOW_MAX_SAMPLES, headless_high=MAX_SAMPLES,
            flag="--batch-size", metavar="B",
            label=QT_TRANSLATE_NOOP("controls", "Batch size B"), help=QT_TRANSLATE_NOOP("cli", "batch size B")),
    Setting("epochs", "int", 20, low=1, high=100, headless_high=100_000, flag="--epochs", metavar="E",
            label=QT_TRANSLATE_NOOP("controls", "Epochs"), help=QT_TRANSLATE_NOOP("cli", "number of epochs")),
    Setting("lr", "float", 0.3, low=0.0001, high=100.0, flag="--lr",
            label=QT_TRANSLATE_NOOP("controls", "Learning rate"), help=QT_TRANSLATE_NOOP("cli", "learning rate")),
    Setting("accumulate", "int", 1, low=1, high=1024, flag="--accumulate", metavar="K",
            label=QT_TRANSLATE_NOOP("controls", "Accumulate K"),
            help=QT_TRANSLATE_NOOP("cli", "accumulate gradients over K batches per weight update (default 1: off)")),
    Setting("hidden", "widths", (16, 16), low=1, high=64, headless_high=1024, count=4, headless_count=8,
            flag="--hidden", metavar="W,W",
            label=QT_TRANSLATE_NOOP("controls", "Hidden"), help=QT_TRANSLATE_NOOP("cli", "hidden widths")),
    Setting("activation", "choice", "tanh", choices=ACTIVATIONS, flag="--activation",
            label=QT_TRANSLATE_NOOP("controls", "Activation"),
            help=QT_TRANSLATE_NOOP("cli", "the function each hidden neuron applies")),
    Setting("shuffle", "bool", True, flag="--no-shuffle",
            label=QT_TRANSLATE_NOOP("controls", "Shuffle every epoch"),
            help=QT_TRANSLATE_NOOP("cli", "visit samples in order every epoch")),
    Setting("drop_last", "bool", False, flag="--drop-last",
            label=QT_TRANSLATE_NOOP("controls", "Drop last partial batch"),
            help=QT_TRANSLATE_NOOP("cli", "drop each epoch's partial last batch")),
    Setting("momentum", "float", 0.0, low=0.0, high=0.99,
            label=QT_TRANSLATE_NOOP("controls", "Momentum"),
            help=QT_TRANSLATE_NOOP("cli", "SGD momentum (0: plain SGD, what the window teaches)")),
    Setting("seed", "int", 0, low=0, high=SEED_MAX, flag="--seed",
            label=QT_TRANSLATE_NOOP("controls", "Seed"),
            help=QT_TRANSLATE_NOOP("cli", "seed of the data, weights and shuffles")),
    Setting("validation_split", "float", 0.0, low=0.0, high=MAX_SPLIT, flag="--validation-split", metavar="F",
            label=QT_TRANSLATE_NOOP("controls", "Validation split"),
            help=QT_TRANSLATE_NOOP("cli", "fraction of the samples held out of training and evaluated at every "
                                          "epoch end, 0 to 0.5 (Keras's validation_split; default 0: none)")),
)}
RUN_SETTINGS = tuple(SETTINGS)  # every row is a field of RunConfig

SPEED = Setting("speed", "speed", 100.0, low=1, high=10_000,
                label=QT_TRANSLATE_NOOP("controls", "Speed"),
                help=QT_TRANSLATE_NOOP("cli", "iterations per second, or max"))


def check_settings(values: Mapping[str, object], *, headless: bool = False) -> dict[str, object]:
    """Each value of ``values`` checked by its row; ``None`` means not given and is left out.

    An unknown name is a ``SettingTypeError``; the cross-setting rule (drop-last
    with a batch larger than the dataset drops every sample) is checked too.
    """
    out: dict[str, object] = {}
    for name, value in values.items():
        if name not in SETTINGS:
            raise worded(SettingTypeError, QT_TRANSLATE_NOOP("errors", "unknown setting {key} (the settings: {keys})"),
                         key=shown(name), keys=", ".join(SETTINGS))
        if value is not None:
            out[name] = SETTINGS[name].check(value, headless=headless)
    check_together(out)
    return out


def check_together(values: Mapping[str, object]) -> None:
    """The rules across settings: a split must leave samples to train on, and drop-last with B above
    the training samples would drop every sample."""
    batch, samples = values.get("batch_size"), values.get("samples")
    split = values.get("validation_split") or 0.0
    if samples is not None and split:
        trained = training_samples(samples, split)
        if trained < 1:
            raise worded(SettingError, QT_TRANSLATE_NOOP(
                "errors", "validation_split {split} of samples {samples} leaves no sample to train on"),
                split=f"{split:g}", samples=f"{samples:,}")
        if values.get("drop_last") and batch is not None and batch > trained:
            raise worded(SettingError, QT_TRANSLATE_NOOP(
                "errors", "drop_last with batch_size {batch} above the {trained} training samples would drop every "
                          "sample"), batch=f"{batch:,}", trained=f"{trained:,}")
    if values.get("drop_last") and batch is not None and samples is not None and batch > samples:
        raise worded(SettingError, QT_TRANSLATE_NOOP(
            "errors", "drop_last with batch_size {batch} above samples {samples} would drop every sample"),
            batch=f"{batch:,}", samples=f"{samples:,}")


def training_samples(samples: int, validation_split: float) -> int:
    """N_train: the samples left to train on once ``validation_split`` of ``samples`` is held out (may be 0)."""
    try:
        return split_sizes(samples, validation_split)[0]
    except ValueError:
        return 0


def defaults() -> dict[str, object]:
    """Every setting's default, by name."""
    return {name: setting.default for name, setting in SETTINGS.items()}


def flag_name(setting: Setting) -> str:
    """The attribute argparse gives the flag (``--batch-size`` -> ``batch_size``; ``--no-shuffle`` -> ``no_shuffle``)."""
    return setting.flag.lstrip("-").replace("-", "_")

