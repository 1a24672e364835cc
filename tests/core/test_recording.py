"""The encoder: every frame it is given ends up in the GIF or MP4, and a cancelled one leaves nothing."""

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np
import pytest

from epochviz.core.recording import FrameEncoder
from epochviz.core.run_log import ExportError


def frames(n, height=72, width=129):
    """Frames that each differ (a moving bar), as a run's would."""
    for k in range(n):
        frame = np.full((height, width, 3), 250, np.uint8)
        frame[:, (3 * k) % width] = (200, 60, 20)
        yield frame


@pytest.mark.parametrize("name, fps", [("run.gif", 20), ("run.mp4", 30)])
def test_every_frame_is_in_the_file_at_its_size(tmp_path, name, fps):
    encoder = FrameEncoder(tmp_path / name, fps)
    for frame in frames(25):
        encoder.add(frame)
    path = encoder.finish(60)
    if name.endswith(".gif"):
        images = iio.imread(path, index=None)
        assert images.shape[:3] == (25, 72, 129)
    else:
        count, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
        assert count == 25 and seconds == pytest.approx(25 / fps, abs=0.05)
        assert iio.imread(path, index=0).shape[:2] == (72, 128)  # H.264 wants an even width
    assert list(tmp_path.iterdir()) == [path]


def test_a_cancelled_recording_leaves_no_file(tmp_path):
    encoder = FrameEncoder(tmp_path / "run.mp4", 30)
    for frame in frames(10):
        encoder.add(frame)
    encoder.cancel()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, words", [("run.avi", "must end in .gif or .mp4"), ("no/run.gif", "does not exist")])
def test_an_impossible_target_is_one_line(tmp_path, name, words):
    with pytest.raises(ExportError, match=words):
        FrameEncoder(tmp_path / name, 20)
