"""Regression guard: void Qt calls must not drop references to None.

Qt for Python 6.12.0 on Python 3.11 decrements None's reference count on every
call of a method that returns nothing, and the interpreter aborts after a few
thousand calls. The check runs in a child process so an abort fails this test
instead of killing the whole test session.
"""

import os
import subprocess
import sys

CALLS = 1000

_PROBE = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar
import pyqtgraph as pg
app = QApplication([])
label, bar, plot = QLabel(), QProgressBar(), pg.PlotWidget()
curve = plot.plot([0, 1], [0, 1])
before = sys.getrefcount(None)
for i in range({CALLS}):
    label.setText("x")
    bar.setValue(i % 100)
    label.update()
    app.processEvents()
    curve.setData([0, 1, 2], [i, 1, 2])
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_keep_none_alive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, f"Qt probe crashed: {result.stderr[-500:]}"
    lost = int(result.stdout.strip().splitlines()[-1])
    # A leak of one per call would lose thousands; allow a little noise.
    assert lost < CALLS // 10, f"None lost {lost} references over {CALLS} rounds of void Qt calls"
