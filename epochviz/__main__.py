"""``python -m epochviz``: the same as the ``epochviz`` command."""

import sys

from epochviz.cli.start import main

if __name__ == "__main__":
    sys.exit(main())
