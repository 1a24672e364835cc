"""The window from the command line: presets, --play, --screenshot and a clean exit."""

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from epochviz.app import MainWindow, _presets
from epochviz.cli.main import build_parser, main
from tests.qt.conftest import readout


def subprocess_env():
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def test_command_line_presets_reach_the_window(make_window):
    args = build_parser().parse_args(
        ["--dataset", "circles", "--samples", "5000", "--batch-size", "50", "--epochs", "7", "--lr", "0.03"]
    )
    window = make_window(**_presets(args))
    config = window.controls.config()
    assert (config.dataset, config.samples, config.batch_size, config.epochs) == ("circles", 5000, 50, 7)
    assert config.lr == pytest.approx(0.03)
    assert readout(window).startswith("iterations per epoch = ceil(5,000 / 50) = 100")


def test_play_preset_starts_training(make_window, qtbot):
    window = make_window(samples=500, batch_size=5, play=True)
    assert window.playing
    qtbot.waitUntil(lambda: window.last_iteration > 0, timeout=15_000)


@pytest.mark.parametrize(
    "argv, flag",
    [
        (["--batch-size", "0"], "--batch-size"), (["--epochs", "1000"], "--epochs"), (["--dataset", "x"], "--dataset"),
        (["--samples", "500000"], "--samples"), (["--samples", "5"], "--samples"), (["--phase", "loss"], "--phase"),
        (["--screenshot", ""], "empty path"), (["--screenshot", "x.txt"], "must end in .png"),
        (["--screenshot", "/"], "is a folder"), (["--screenshot", "/no/such/folder/x.png"], "does not exist"),
    ],
)
def test_bad_window_presets_exit_2_with_one_line(capsys, argv, flag):
    with pytest.raises(SystemExit) as info:
        main(argv)
    err = capsys.readouterr().err.strip()
    assert info.value.code == 2 and len(err.splitlines()) == 1 and flag in err


def test_screenshot_trains_and_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "epochviz", "--screenshot", str(out), "--samples", "500",
         "--batch-size", "25", "--epochs", "3", "--iterations", "40"],
        capture_output=True, text=True, env=subprocess_env(), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert result.stderr == ""


def test_a_screenshot_whose_path_has_nowhere_to_go_ends_quietly_or_in_one_line(tmp_path):
    from tests.cli.test_cli import has_full_device, plain_shell_env

    command = [sys.executable, "-m", "epochviz", "--screenshot", str(tmp_path / "shot.png"), "--samples", "100",
               "--iterations", "1"]
    closed = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=dict(plain_shell_env(), QT_QPA_PLATFORM="offscreen"))
    closed.stdout.close()  # `| head -n 0`: the printed path has no reader
    err = closed.stderr.read()
    assert closed.wait(timeout=120) == 0 and err == b""
    if not has_full_device():
        return
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                env=dict(plain_shell_env(), QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 1 and result.stderr == "epochviz: error: cannot write the output: the disk is full\n"


_CLOSE_MID_RUN = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from epochviz.app import MainWindow, make_application
    app = make_application()
    window = MainWindow(samples=100_000, batch_size=1, epochs=10, play=True)
    window.show()
    closed = []
    def close_when_running():
        if window.last_iteration < 100:
            return
        closed.append(time.perf_counter())
        window.close()
    poll = QTimer(interval=20)
    poll.timeout.connect(close_when_running)
    poll.start()
    code = app.exec()
    print(window.last_iteration, time.perf_counter() - closed[0])
    sys.exit(code)
""")


def test_closing_mid_run_exits_0_quickly_and_quietly():
    result = subprocess.run(
        [sys.executable, "-c", _CLOSE_MID_RUN], capture_output=True, text=True,
        env=subprocess_env(), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    iterations, seconds = result.stdout.split()
    assert int(iterations) >= 100
    assert float(seconds) < 5.0  # a guard against a hang; the design stops within about 0.6 s
    assert result.stderr == ""


def test_the_application_carries_the_epochviz_icon():
    from epochviz.app import make_application

    app = make_application()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "epochviz"


def test_f11_toggles_full_screen_for_the_projector(make_window):
    window = make_window()
    f11 = next(a for a in window.projector.menu.actions() if a.shortcut() == QKeySequence(Qt.Key.Key_F11))
    f11.trigger()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    f11.trigger()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_presets_outside_the_window_s_ranges_are_refused_with_the_reason():
    with pytest.raises(ValueError, match="samples must be from 10 to 100,000, got 500,000"):
        MainWindow(samples=500_000)


def test_a_screenshot_that_cannot_finish_in_time_saves_what_ran_and_says_so(make_window, tmp_path, capsys,
                                                                           monkeypatch, qtbot):
    from epochviz import app as app_module

    window = make_window(samples=100_000, batch_size=1, epochs=100)
    window.run_iterations(5)  # the trainer under way first: starting it may take longer than 1 s on a busy machine
    qtbot.waitUntil(lambda: window.last_iteration >= 5, timeout=15_000)
    monkeypatch.setattr(app_module, "SCREENSHOT_TIMEOUT_S", 1)
    out = tmp_path / "partial.png"
    assert app_module.save_screenshot(window, str(out), 10_000_000) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    err = capsys.readouterr().err
    assert "of 10,000,000 iterations ran within 1 s" in err and 0 < window.last_iteration < 10_000_000
