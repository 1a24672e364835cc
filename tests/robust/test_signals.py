"""Ctrl+C and SIGTERM end the app through its normal shutdown, and no training process survives."""

import os
import signal
import subprocess
import sys

import pytest

from tests.robust.conftest import alive, env, gone_soon, poll_until, with_ctrl_c_live

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")


def children(pid: int) -> list[int]:
    """Child processes of ``pid``, whichever of its threads started them."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(p) for p in f.read().split()]
    except OSError:
        pass
    return found


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until(condition, timeout_s=30.0):
    assert poll_until(condition, timeout_s), "timed out"


@pytest.fixture
def training_window():
    """``epochviz --play`` in its own process group, once its trainer is busy; killed whatever happens."""
    app = subprocess.Popen(
        [sys.executable, "-m", "epochviz", "--play", "--samples", "100000", "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), start_new_session=True,
    )
    try:
        wait_until(lambda: children(app.pid))
        (trainer,) = children(app.pid)
        wait_until(lambda: cpu_seconds(trainer) > 0.2)  # started, configured and playing
        yield app, trainer
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()


def test_ctrl_c_to_the_process_group_closes_the_window_quietly_with_status_130(training_window):
    app, trainer = training_window
    os.killpg(app.pid, signal.SIGINT)  # what a terminal sends on Ctrl+C
    out, err = app.communicate(timeout=15)
    assert app.returncode == 130
    assert err == ""
    assert gone_soon(trainer)


def test_sigterm_mid_run_closes_the_window_and_leaves_no_training_process(training_window):
    app, trainer = training_window
    app.terminate()
    out, err = app.communicate(timeout=15)
    assert app.returncode == 143  # closed through the window's shutdown, not killed by the signal
    assert err == ""
    assert gone_soon(trainer)


def test_ctrl_c_in_epochviz_train_prints_one_line_and_exits_130():
    run = subprocess.Popen(
        with_ctrl_c_live([sys.executable, "-u", "-m", "epochviz", "train", "--samples", "100000", "--batch-size", "1",
                          "--epochs", "50"]),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), start_new_session=True,
    )
    try:
        assert run.stdout.readline().startswith("Epoch 1/50")
        wait_until(lambda: cpu_seconds(run.pid) > 0.3)
        os.killpg(run.pid, signal.SIGINT)
        out, err = run.communicate(timeout=15)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert run.returncode == 130
    (line,) = err.strip().splitlines()
    assert line.startswith("Interrupted at epoch 1, iteration ") and line.endswith(".")
    assert not alive(run.pid)


def test_ctrl_c_during_a_compare_screenshot_exits_130_without_a_traceback(tmp_path):
    app = subprocess.Popen(
        [sys.executable, "-m", "epochviz", "--compare", "1,32", "--samples", "50000", "--screenshot",
         str(tmp_path / "c.png")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), start_new_session=True,
    )
    try:
        wait_until(lambda: children(app.pid))
        (trainer,) = children(app.pid)
        wait_until(lambda: cpu_seconds(trainer) > 0.2)  # the runs are training towards their end
        os.killpg(app.pid, signal.SIGINT)
        out, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
    assert app.returncode == 130
    assert err == ""
    assert not (tmp_path / "c.png").exists()
