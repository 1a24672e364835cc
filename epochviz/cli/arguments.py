"""The command line's value types: strict, and each refusal one line that names the value (cut to size).

Numbers are ASCII digits with optional thousands separators in their places
(``100,000`` or ``100_000``, never ``1__0`` or ``_1``); a learning rate is a
plain decimal or scientific number. Nothing is read as something else.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from epochviz.text.translations import translate

INT_LIMIT = 2**63 - 1  # what numpy's int64 holds: the largest N, B or E the arithmetic takes
BEYOND_LIMITS = 10**20  # what any number of more than 20 digits reads as: above both limits
_INTEGER = re.compile(r"[0-9]+|[0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}(_[0-9]{3})+")
_DECIMAL = re.compile(r"\+?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
ECHO_LIMIT = 60
NAME_MAX = 255  # bytes in one file or folder name on Linux and macOS (Windows: 255 characters)


def cut(text: str, limit: int = ECHO_LIMIT) -> str:
    """A value echoed in a message, cut to a readable length (quoted)."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


def whole_number(text: str) -> int | None:
    """The integer ``text`` spells (exactly up to 20 digits, beyond that ``BEYOND_LIMITS``), or None."""
    text = text.strip()
    if not text.isascii() or not _INTEGER.fullmatch(text):
        return None
    digits = text.replace(",", "").replace("_", "")
    if len(digits.lstrip("0")) > 20:  # above every limit here, and int() refuses thousands of digits
        return BEYOND_LIMITS
    return int(digits)


def positive_int(text: str) -> int:
    """argparse type: an integer from 1 to 2**63 - 1 (``100,000`` and ``100_000`` allowed)."""
    value = whole_number(text)
    if value is None or value < 1:
        raise argparse.ArgumentTypeError(translate("cli", "must be a positive integer, got {value}").format(
            value=cut(text)))
    if value > INT_LIMIT:
        raise argparse.ArgumentTypeError(translate("cli", "must be at most {most}, got {value}").format(
            most=f"{INT_LIMIT:,}", value=cut(text)))
    return value


def positive_float(text: str) -> float:
    """argparse type: a finite number > 0, written plainly (``0.1``, ``1e-3``)."""
    stripped = text.strip()
    value = float(stripped) if stripped.isascii() and _DECIMAL.fullmatch(stripped) else float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(translate("cli", "must be a positive number, got {value}").format(
            value=cut(text)))
    return value


def layer_widths(text: str) -> tuple[int, ...]:
    """argparse type: hidden layer widths like ``16,16``; an empty string for none."""
    problem = translate("cli", "must be up to 8 comma-separated widths from 1 to 1024 (or '' for none), "
                               "got {value}").format(value=cut(text))
    if not text.strip():
        return ()
    parts = [part.strip() for part in text.split(",")]
    widths = [int(p) if p.isascii() and p.isdigit() else 0 for p in parts]
    if len(widths) > 8 or any(not 1 <= w <= 1024 for w in widths):
        raise argparse.ArgumentTypeError(problem)
    return tuple(widths)


def batch_sizes(text: str) -> list[int | str]:
    """argparse type: 2 to 4 batch sizes for compare mode, like ``1,32,full`` (``full`` is N; ``1_000`` for thousands)."""
    problem = translate("cli", "must be 2 to 4 comma-separated batch sizes (positive integers or 'full'), "
                               "got {value}").format(value=cut(text))
    choices: list[int | str] = []
    for part in text.split(","):
        part = part.strip().lower()
        if part == "full":
            choices.append("full")
            continue
        value = whole_number(part) if "," not in part else None
        if value is None or not 1 <= value <= INT_LIMIT:
            raise argparse.ArgumentTypeError(problem)
        choices.append(value)
    if not 2 <= len(choices) <= 4:
        raise argparse.ArgumentTypeError(problem)
    return choices


def accumulation(text: str) -> int:
    """argparse type: micro-batches per weight update, 1 (off) to 1,024."""
    value = whole_number(text)
    if value is None or not 1 <= value <= 1024:
        words = translate("cli", "must be an integer from 1 (no accumulation) to 1,024, got {value}")
        raise argparse.ArgumentTypeError(words.format(value=cut(text)))
    return value


def window_size(text: str) -> tuple[int, int]:
    """argparse type: ``1280x720``."""
    parts = text.strip().lower().split("x")
    sizes = [int(p) if p.isascii() and p.isdigit() and len(p) < 6 else 0 for p in parts]
    if len(sizes) != 2 or not (640 <= sizes[0] <= 7680 and 480 <= sizes[1] <= 4320):
        words = translate("cli", "must be WIDTHxHEIGHT from 640x480 to 7680x4320, got {value}")
        raise argparse.ArgumentTypeError(words.format(value=cut(text)))
    return sizes[0], sizes[1]


def output_path(*suffixes: str):
    """argparse type factory: a file name ending in one of ``suffixes``, in a folder that exists and can be written."""
    names = translate("cli", " or ").join(suffixes)

    def check(text: str) -> str:
        if not text.strip():
            words = translate("cli", "needs a file name ending in {names}, got an empty path")
            raise argparse.ArgumentTypeError(words.format(names=names))
        try:
            _check_output(text, suffixes, names)
        except OSError as exc:  # a loop of links, say: what the system says, in one line
            raise argparse.ArgumentTypeError(translate("cli", "cannot write {value}: {reason}").format(
                value=cut(text), reason=exc.strerror or exc)) from None
        return text

    return check


def _check_output(text: str, suffixes: tuple[str, ...], names: str) -> None:
    """``ArgumentTypeError`` when ``text`` cannot name a new file ending in one of ``suffixes``."""
    path = Path(text)
    longest = max(len(os.fsencode(part)) for part in path.parts)
    if longest > NAME_MAX:  # checked first: the system refuses even to look such a name up
        raise argparse.ArgumentTypeError(translate("cli", "{value} has a name of {size} bytes; a file or folder "
                                                          "name has at most {most}").format(
            value=cut(text), size=f"{longest:,}", most=NAME_MAX))
    if path.is_dir():
        words = translate("cli", "{value} is a folder; give a file name ending in {names}")
        raise argparse.ArgumentTypeError(words.format(value=cut(text), names=names))
    if path.suffix.lower() not in suffixes:
        raise argparse.ArgumentTypeError(translate("cli", "the name must end in {names}, got {value}").format(
            names=names, value=cut(text)))
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(translate("cli", "the folder {folder} does not exist").format(
            folder=cut(str(folder))))
    if not os.access(folder, os.W_OK):
        raise argparse.ArgumentTypeError(translate("cli", "the folder {folder} cannot be written").format(
            folder=cut(str(folder))))


png_path = output_path(".png")


def join_negative_values(argv: list[str]) -> list[str]:
    """``--lr -inf`` as ``--lr=-inf``: argparse would take ``-inf`` for an option and lose the value.

    A long option followed by a word that starts with a single dash (and is not
    ``-h``) is joined to it, so that the value is checked and named in the error.
    """
    out: list[str] = []
    i = 0
    while i < len(argv):
        word = argv[i]
        following = argv[i + 1] if i + 1 < len(argv) else None
        if (word.startswith("--") and "=" not in word and following is not None
                and following.startswith("-") and not following.startswith("--") and following != "-h"):
            out.append(f"{word}={following}")
            i += 2
        else:
            out.append(word)
            i += 1
    return out

