"""Recording the window: the frames it promises, at the window's size, and nothing left when cancelled or failed."""

import signal
import subprocess
import sys

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from epochviz.core import recording
from epochviz.core.run_log import ExportError
from tests.qt.test_app_cli import subprocess_env
from tests.robust.conftest import poll_until

SMALL = ["--window-size", "640x480", "--samples", "200", "--batch-size", "10"]

# ``epochviz`` with its files limited to FILE_LIMIT bytes: a write beyond fails (EFBIG), as a full disk's would.
LIMITED_FILES = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
sys.argv[0] = "epochviz"
runpy.run_module("epochviz", run_name="__main__")
"""


def epochviz(*args, driver=None, **kwargs):
    """Run ``epochviz args`` (through ``driver``, a Python script, if given) in a new process."""
    command = [sys.executable, "-c", driver, *args] if driver else [sys.executable, "-m", "epochviz", *args]
    return subprocess.run(command, capture_output=True, text=True, env=subprocess_env(), timeout=60, **kwargs)


@pytest.mark.parametrize("name, fps", [("run.gif", 10), ("run.mp4", 15)])
def test_record_from_the_command_line_has_seconds_times_fps_frames(tmp_path, name, fps):
    out = tmp_path / name
    result = subprocess.run(
        [sys.executable, "-m", "epochviz", "--record", str(out), "--seconds", "1", "--fps", str(fps), "--play",
         "--samples", "500", "--batch-size", "10", "--window-size", "800x600"],
        capture_output=True, text=True, env=subprocess_env(), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if name.endswith(".gif"):
        frames = iio.imread(out, index=None)
        assert frames.shape[0] == fps and frames.shape[2] == 800
        assert 480 < frames.shape[1] < 600  # the window's contents: no menu bar, no status bar
        assert len({frame.tobytes() for frame in frames}) > fps // 2  # the run moves: different moments
    else:
        count, _ = imageio_ffmpeg.count_frames_and_secs(str(out))
        assert count == fps


def test_cancelling_while_encoding_leaves_no_file(make_window, qtbot, tmp_path):
    window = make_window(samples=500, batch_size=10)
    recorder = window.exports.recorder
    out = tmp_path / "cancelled.mp4"
    recorder.start(str(out), seconds=0.2, fps=20)
    qtbot.waitUntil(lambda: not recorder.recording, timeout=10_000)  # all frames grabbed, encoding
    with qtbot.waitSignal(recorder.failed, timeout=10_000):
        recorder.cancel()
    assert list(tmp_path.iterdir()) == []


def test_the_indicator_shows_while_recording_and_stop_keeps_what_was_recorded(make_window, qtbot, tmp_path):
    window = make_window(samples=500, batch_size=10)
    recorder = window.exports.recorder
    out = tmp_path / "stopped.gif"
    recorder.start(str(out), seconds=30, fps=10)
    assert recorder.indicator.isVisible() and "Recording" in recorder._label.text()
    qtbot.waitUntil(lambda: recorder.encoder is not None and recorder.encoder.frames_added >= 3, timeout=10_000)
    with qtbot.waitSignal(recorder.finished, timeout=20_000) as finished:
        recorder.stop()
    assert finished.args == [str(out)] and not recorder.indicator.isVisible()
    assert 3 <= len(iio.imread(out, index=None)) < 300


@pytest.mark.skipif(sys.platform == "win32", reason="limits file sizes with setrlimit")
@pytest.mark.parametrize("name", ["run.gif", "run.mp4"])
def test_a_recording_whose_writes_fail_ends_with_one_line_and_no_file(tmp_path, name):
    result = epochviz("--record", str(tmp_path / name), "--seconds", "1", "--fps", "2", "--play", *SMALL,
                      driver=LIMITED_FILES)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and name in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_while_recording_cancels_it_leaves_no_file_and_exits_130(tmp_path):
    app = subprocess.Popen(
        [sys.executable, "-m", "epochviz", "--record", str(tmp_path / "run.gif"), "--seconds", "30", "--fps", "2",
         "--play", *SMALL],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(),
    )
    try:
        assert poll_until(lambda: any(tmp_path.iterdir()), 30), "the recording did not start"  # its temporary file
        app.send_signal(signal.SIGINT)
        out, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 130
    assert out == "" and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_recording_shorter_than_a_frame_has_exactly_one(tmp_path):
    out = tmp_path / "one.gif"
    result = epochviz("--record", str(out), "--seconds", "0.05", "--fps", "20", *SMALL)
    assert result.returncode == 0, result.stderr
    frames = iio.imread(out, index=None)
    assert frames.shape[0] == 1 and frames.shape[2] == 640 and 380 < frames.shape[1] < 480


@pytest.mark.parametrize("flag, value", [("--fps", "0.001"), ("--fps", "1e-9"), ("--fps", "61"),
                                         ("--seconds", "601")])
def test_a_frame_rate_or_length_out_of_range_is_one_line_naming_its_flag(tmp_path, flag, value):
    result = epochviz("--record", str(tmp_path / "run.gif"), flag, value, *SMALL)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and flag in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_closing_the_window_cancels_its_recording(make_window, qtbot, tmp_path):
    window = make_window(samples=500, batch_size=10)
    recorder = window.exports.recorder
    recorder.start(str(tmp_path / "closed.mp4"), seconds=30, fps=10)
    qtbot.waitUntil(lambda: recorder.encoder.frames_added >= 2, timeout=10_000)
    with qtbot.waitSignal(recorder.failed, timeout=10_000):
        window.close()
    assert recorder.encoder is None and not recorder.recording
    assert list(tmp_path.iterdir()) == []


def test_a_recording_that_would_not_fit_in_memory_is_refused_before_it_starts(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(recording, "available_bytes", lambda: 50_000_000)
    recorder = make_window(samples=500, batch_size=10).exports.recorder
    with pytest.raises(ExportError, match="of memory"):
        recorder.start(str(tmp_path / "long.gif"), seconds=600, fps=60)
    assert recorder.encoder is None and not recorder.recording
    assert list(tmp_path.iterdir()) == []


def test_a_recording_shows_the_window_contents_and_leaves_the_indicator_out(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QPoint, QRect

    from epochviz.qt.window.recording import recorded_area

    window = make_window(samples=500, batch_size=10)
    recorder = window.exports.recorder
    out = tmp_path / "contents.gif"
    recorder.start(str(out), seconds=0.3, fps=10)
    assert recorder.indicator.isVisible()
    area = recorded_area(window)
    indicator = recorder.indicator
    on_window = QRect(indicator.mapTo(window, QPoint(0, 0)), indicator.size())
    assert on_window.isValid() and not area.intersects(on_window) and not area.intersects(window.statusBar().geometry())
    assert area.size() == window.centralWidget().size()
    with qtbot.waitSignal(recorder.finished, timeout=20_000):
        pass
    frames = iio.imread(out, index=None)
    assert frames.shape[1:3] == (area.height(), area.width())


def test_a_recording_starts_at_the_first_fully_drawn_frame(make_window, qtbot, tmp_path, monkeypatch):
    """The window has just opened: its views have neither the data nor the weights yet; frames wait for them."""
    from epochviz.qt.window import recording as window_recording

    window = make_window(samples=500, batch_size=10)
    first = []

    class Watched(recording.FrameEncoder):
        def add(self, frame):
            if not first:
                first.append((frame.copy(), window.views.weights is not None, window.views.drawn_complete()))
            return super().add(frame)

    monkeypatch.setattr(window_recording, "FrameEncoder", Watched)
    recorder = window.exports.recorder
    with qtbot.waitSignal(recorder.finished, timeout=20_000):
        recorder.start(str(tmp_path / "first.gif"), seconds=0.2, fps=10)
    (frame, had_weights, had_data), = first
    assert had_weights and had_data
    assert len(np.unique(frame.reshape(-1, 3), axis=0)) > 50  # not one colour, nor a blank canvas


def test_the_recording_buttons_say_stop_and_cancel_from_the_start(make_window, tmp_path):
    recorder = make_window(samples=500, batch_size=10).exports.recorder
    buttons = recorder.indicator.findChildren(QPushButton)
    assert sorted(button.text() for button in buttons) == ["Cancel", "Stop"]  # they were blank in English


def test_the_first_frame_waits_while_a_dialog_is_open_over_the_window(make_window, qtbot, tmp_path, monkeypatch):
    from epochviz.qt.window import recording as window_recording

    window = make_window(samples=500, batch_size=10)
    window.views.finish_loading()
    recorder = window.exports.recorder
    qtbot.waitUntil(recorder._ready, timeout=10_000)  # fully drawn: only the dialog holds the first frame back
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    monkeypatch.setattr(window_recording, "READY_WAIT_S", 60.0)
    recorder.start(str(tmp_path / "later.gif"), seconds=0.2, fps=10)
    for _ in range(3):
        recorder._take_frame()  # the grab timer's ticks, with the dialog open: no frame
    assert recorder.encoder.frames_added == 0
    dialog.close()
    with qtbot.waitSignal(recorder.finished, timeout=20_000):
        pass
