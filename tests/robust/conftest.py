"""Helpers for running epochviz the way people do: scripts, stdin, signals, in a fresh interpreter."""

import os
import subprocess
import sys
import textwrap
import time

import pytest

RUN_TIMEOUT_S = 90


def env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def with_ctrl_c_live(command: list[str]) -> list[str]:
    """``command`` with Ctrl+C (SIGINT) live, as a terminal's foreground job has it.

    A shell script that starts the tests in the background (``&``, nohup) leaves
    SIGINT ignored, a child inherits that, and Python then installs no
    KeyboardInterrupt handler: a test of Ctrl+C must put the default back first.
    """
    live = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"
    return [sys.executable, "-c", live, *command]


def run_python(script: str, *, stdin: bool = False, cwd=None) -> subprocess.CompletedProcess:
    """Run ``script`` in a new interpreter: from a file (default) or piped to ``python -``."""
    script = textwrap.dedent(script)
    if stdin:
        return subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True,
                              env=env(), timeout=RUN_TIMEOUT_S, cwd=cwd)
    path = os.path.join(cwd, "demo.py")
    with open(path, "w") as f:
        f.write(script)
    return subprocess.run([sys.executable, path], capture_output=True, text=True, env=env(),
                          timeout=RUN_TIMEOUT_S, cwd=cwd)


def values(stdout: str, key: str) -> list[int]:
    """The integers printed on lines ``KEY n``."""
    return [int(line.split()[1]) for line in stdout.splitlines() if line.startswith(key + " ")]


def alive(pid: int) -> bool:
    """True while ``pid`` is a running process (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def poll_until(condition, within_s: float) -> bool:
    """Whether ``condition()`` comes true within ``within_s``, asking every 50 ms.

    For other processes (no Qt event loop of ours to wait in): qtbot.waitUntil
    cannot see them.
    """
    deadline = time.monotonic() + within_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def gone_soon(pid: int, within_s: float = 5.0) -> bool:
    """Whether ``pid`` is gone, allowing the OS a moment to reap it."""
    return poll_until(lambda: not alive(pid), within_s)


@pytest.fixture
def workdir(tmp_path):
    return str(tmp_path)


# A demo the way lecturers write them: no main guard, play, wait for points.
DEMO_PREFIX = """
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
from epochviz.app import MainWindow
w = MainWindow(dataset="spiral", samples=2000, batch_size=20, epochs=3)
w.show()
w.findChild(QtCore.QObject, "playButton").click()
def points():
    curve = w.findChild(QtCore.QObject, "lossPlot").getPlotItem().listDataItems()[0]
    x = curve.getOriginalDataset()[0]
    return 0 if x is None else len(x)
def run_until(done, ms=30000):
    loop = QtCore.QEventLoop()
    poll = QtCore.QTimer(interval=20)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    QtCore.QTimer.singleShot(ms, loop.quit)
    loop.exec()
run_until(lambda: points() >= 100)
print("POINTS", points(), flush=True)
print("CHILD", w.run.trainer_pid, flush=True)
"""
