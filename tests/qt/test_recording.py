"""Recording the window: the frames it promises, at the window's size, and nothing left when cancelled."""

import subprocess
import sys

import imageio.v3 as iio
import imageio_ffmpeg
import pytest

from tests.qt.test_app_cli import subprocess_env


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
        assert frames.shape[:3] == (fps, 600, 800)
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
