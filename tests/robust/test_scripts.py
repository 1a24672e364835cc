"""The window in scripts as lecturers write them: no main guard, stdin, dropped or left open at exit."""

import pytest

from tests.robust.conftest import DEMO_PREFIX, gone_soon, run_python, values


def assert_trained_and_cleaned_up(result, code=0):
    assert result.returncode == code, result.stderr
    assert values(result.stdout, "POINTS")[0] >= 100
    (child,) = values(result.stdout, "CHILD")
    assert gone_soon(child), f"training process {child} outlived the script"


@pytest.mark.parametrize("stdin", [False, True], ids=["script-file", "piped-to-python-dash"])
def test_an_unguarded_demo_script_trains_and_exits_cleanly(workdir, stdin):
    result = run_python(DEMO_PREFIX, stdin=stdin, cwd=workdir)
    assert_trained_and_cleaned_up(result)
    assert result.stderr == ""


def test_a_script_that_raises_after_play_shows_its_own_traceback_and_exits_1(workdir):
    result = run_python(DEMO_PREFIX + "raise RuntimeError('the demo broke')\n", cwd=workdir)
    assert_trained_and_cleaned_up(result, code=1)
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeError: the demo broke"
    assert "QThread" not in result.stderr and "Timer" not in result.stderr


def test_sys_exit_after_play_keeps_the_scripts_exit_status(workdir):
    result = run_python(DEMO_PREFIX + "import sys\nsys.exit(3)\n", cwd=workdir)
    assert_trained_and_cleaned_up(result, code=3)
    assert result.stderr == ""


def test_deleting_an_open_window_stops_its_training_process(workdir):
    script = DEMO_PREFIX + """
import os
child = w.run.trainer_pid
del w
import gc; gc.collect()
print("AFTER_DEL", int(os.path.exists(f"/proc/{child}")), flush=True)
"""
    result = run_python(script, cwd=workdir)
    assert_trained_and_cleaned_up(result)
    assert values(result.stdout, "AFTER_DEL") == [0]
    assert result.stderr == ""


def test_a_window_built_in_a_helper_function_that_returns_does_not_abort(workdir):
    script = """
    from PySide6 import QtWidgets
    app = QtWidgets.QApplication([])
    from epochviz.app import MainWindow
    def build():
        MainWindow(samples=2000, batch_size=20, play=True)
    build()
    print("BUILT 1")
    """
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert values(result.stdout, "BUILT") == [1] and result.stderr == ""


def test_python_dash_c_trains_too(workdir):
    import subprocess
    import sys

    from tests.robust.conftest import env

    result = subprocess.run([sys.executable, "-c", DEMO_PREFIX], capture_output=True, text=True,
                            env=env(), timeout=90, cwd=workdir)
    assert_trained_and_cleaned_up(result)
    assert result.stderr == ""
