"""Small helpers for the words around numbers, shared by the command line and the window."""


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 sample``, ``2 samples``, ``1,000 iterations``: the number with thousands separators and the right form."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
