"""The core never imports Qt or pyqtgraph, directly or through anything it imports."""

import subprocess
import sys


def test_importing_and_using_the_core_loads_no_qt():
    code = (
        "import sys, epochviz.core as c; list(c.train(epochs=1)); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph')); print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
