"""Small helpers for the words around numbers, shared by the command line and the window."""


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 sample``, ``2 samples``, ``1,000 iterations``: the number with thousands separators and the right form."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for translation and return it unchanged: the window shows ``translate(context, text)``.

    The core has no Qt; this marker lets ``pyside6-lupdate`` collect the words
    it defines (dataset descriptions, network names) into the ``.ts`` files.
    """
    return text
