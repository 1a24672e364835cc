"""``python -m epochviz``: the same as the ``epochviz`` command."""

import sys

from epochviz.cli import main

sys.exit(main())
