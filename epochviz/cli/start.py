"""The ``epochviz`` command's first step, kept free of heavy imports: Ctrl+C while numpy and Qt are still
loading ends the command as quietly as Ctrl+C does later (status 130, no traceback)."""

from __future__ import annotations

from epochviz.cli.exit_codes import EXIT_INTERRUPTED


def main() -> int:
    """Load the command line and run it; Ctrl+C before the command has a word of its own for it exits 130."""
    try:
        from epochviz.cli.main import main as run

        return run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
