"""argparse's own words (``usage:``, its error messages, its headings) in the command line's language.

argparse looks each of its words up at the moment it uses it, through the
``gettext`` function it keeps as ``argparse._``; the command line points that
at our translations before it builds its parser. The words it can show a user
are listed here, so that ``pyside6-lupdate`` collects them.
"""

from __future__ import annotations

import argparse

from epochviz.core.words import QT_TRANSLATE_NOOP
from epochviz.text.translations import translate

ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
)


def _argparse_gettext(text: str) -> str:
    return translate("argparse", text)


def argparse_in_our_language() -> None:
    """From now on argparse words its usage, headings and errors in the current language."""
    argparse._ = _argparse_gettext
