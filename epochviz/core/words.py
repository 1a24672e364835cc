"""Small helpers for the words around numbers, shared by the command line and the window."""

from __future__ import annotations

from typing import TypeVar

E = TypeVar("E", bound=BaseException)


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 sample``, ``2 samples``, ``1,000 iterations``: the number with thousands separators and the right form."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for translation and return it unchanged: the window shows ``translate(context, text)``.

    The core has no Qt; this marker lets ``pyside6-lupdate`` collect the words
    it defines (dataset descriptions, network names) into the ``.ts`` files.
    """
    return text


class Phrase:
    """Words made of a template marked with ``QT_TRANSLATE_NOOP("errors", ...)`` and its values.

    ``str()`` gives the English; the window and the command line word it in
    their language (``epochviz.text.translations.explain``). A value may be a phrase too.
    """

    def __init__(self, template: str, **values: object) -> None:
        self.template, self.values = template, values

    def __str__(self) -> str:
        return self.template.format(**self.values)


def worded(error: type[E], template: str, **values: object) -> E:
    """``error`` whose message is ``Phrase(template, **values)``; it keeps the phrase as ``phrase``."""
    phrase = Phrase(template, **values)
    exc = error(str(phrase))
    exc.phrase = phrase
    return exc
