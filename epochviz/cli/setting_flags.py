"""The command line's flags for a run, made from the settings table: one row, one flag, one check.

``train``, ``compare``, ``code`` and the window take the same flags with the
same types; only the range differs where the window draws less than a
headless command trains (``Setting.headless_high``). The text is read
strictly first (ASCII digits, thousands separators in their places), then
the row checks the value; a refusal echoes the value as it was typed.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable

from epochviz.cli.arguments import cut, layer_widths, whole_number
from epochviz.core.settings import SETTINGS, Setting, SettingError
from epochviz.text.translations import explain, translate

_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _bound(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _range_words(setting: Setting, headless: bool, text: str) -> str:
    low, high = _bound(setting.low), _bound(setting.most(headless))
    if setting.kind == "int":
        words = translate("cli", "must be a whole number from {low} to {high}, got {value}")
    else:
        words = translate("cli", "must be a number from {low} to {high}, got {value}")
    return words.format(low=low, high=high, value=cut(text))


def _read_number(setting: Setting, text: str) -> float | int | None:
    """The number ``text`` spells, or None: integers for whole-number rows, decimals for the rest."""
    stripped = text.strip()
    if setting.kind == "int":
        return whole_number(stripped)
    if not stripped.isascii() or not _DECIMAL.fullmatch(stripped):
        return None
    return float(stripped)


def setting_type(setting: Setting, *, headless: bool) -> Callable[[str], object]:
    """argparse type for one row of the table: read strictly, then checked by the row."""
    def convert(text: str) -> object:
        if setting.kind == "widths":
            value: object = layer_widths(text)  # its own words for text that is not widths
        else:
            value = _read_number(setting, text)
            if value is None:
                raise argparse.ArgumentTypeError(_range_words(setting, headless, text))
        try:
            return setting.check(value, headless=headless)
        except SettingError as exc:
            if setting.kind == "widths":
                raise argparse.ArgumentTypeError(explain(exc)) from None
            raise argparse.ArgumentTypeError(_range_words(setting, headless, text)) from None

    convert.__name__ = setting.name  # argparse names the type in some messages
    return convert


def add_setting_flags(parser: argparse.ArgumentParser, names: Iterable[str], *, headless: bool,
                      defaults: bool = True) -> None:
    """A flag for each setting in ``names``, with the table's type, range, default and help.

    Without ``defaults`` (the window's presets) a flag not given is None, so that
    what the window remembered stands; a given one must lie within what its
    control offers (``headless=False``).
    """
    for name in names:
        setting = SETTINGS[name]
        default = setting.default if defaults else None
        words = translate("cli", setting.help)
        if setting.kind == "bool":  # --drop-last sets True; --no-shuffle sets shuffle False
            action = "store_false" if setting.default else "store_true"
            parser.add_argument(setting.flag, dest=name, action=action, default=default, help=words)
        elif setting.kind == "choice":
            parser.add_argument(setting.flag, dest=name, choices=list(setting.choices), default=default, help=words)
        else:
            parser.add_argument(setting.flag, dest=name, type=setting_type(setting, headless=headless),
                                default=default, metavar=setting.metavar, help=words)


def run_flag_names(*, exclude: Iterable[str] = ()) -> list[str]:
    """Every setting that has a command-line flag, in the table's order (less ``exclude``)."""
    left_out = set(exclude)
    return [name for name, setting in SETTINGS.items() if setting.flag and name not in left_out]
