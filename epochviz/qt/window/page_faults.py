"""Keep large allocations of the GUI process from stalling the event loop.

numpy asks Linux for transparent huge pages on large arrays; where the kernel
compacts memory on the first touch of such a page (``defrag = madvise``, the
default of many distributions), the first write to a new 100 MB array took
190 ms here, against 35 ms with ordinary pages. The window's history grows by
doubling and re-smoothing writes a fresh buffer: each was a frozen frame. The
GUI process therefore asks numpy for ordinary pages (the trainer process keeps
numpy's default). numpy documents this switch as ``NUMPY_MADVISE_HUGEPAGE=0``;
the call below does the same once numpy is already imported.
"""

from __future__ import annotations


def avoid_huge_page_stalls() -> bool:
    """Turn off numpy's huge-page advice in this process; True if it could be turned off."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            return False
    _set_madvise_hugepage(False)
    return True
