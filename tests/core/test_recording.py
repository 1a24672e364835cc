"""The encoder: every frame it is given ends up in the GIF or MP4, and a cancelled or failed one leaves nothing."""

import errno
import weakref

import imageio.v3 as iio
import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from epochviz.core import recording
from epochviz.core.recording import FrameEncoder, check_fits, check_timing, frame_count, recording_memory
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


def test_a_gif_has_one_frame_per_grab_even_where_nothing_changed(tmp_path):
    still = next(frames(1))
    encoder = FrameEncoder(tmp_path / "still.gif", 20)
    for _ in range(5):
        encoder.add(still)
    assert len(iio.imread(encoder.finish(60), index=None)) == 5


def test_a_gif_plays_for_as_long_as_it_was_recorded(tmp_path):
    encoder = FrameEncoder(tmp_path / "run.gif", 60)  # 1/60 s is not a whole number of 1/100 s
    for frame in frames(30):
        encoder.add(frame)
    path = encoder.finish(60)
    with Image.open(path) as gif:
        delays = []
        for k in range(gif.n_frames):
            gif.seek(k)
            delays.append(gif.info["duration"])
    assert sum(delays) == 500 and set(delays) <= {10, 20}


def test_a_gif_is_written_as_the_frames_come_keeping_few_of_them(tmp_path, monkeypatch):
    monkeypatch.setattr(recording, "BACKLOG_BYTES", 1)  # two frames may wait for the encoder
    monkeypatch.setattr(recording, "PALETTE_BYTES", 1)  # the palette from the first frame alone
    encoder = FrameEncoder(tmp_path / "long.gif", 20)
    kept = []
    for frame in frames(200):
        kept.append(weakref.ref(frame))
        encoder.add(frame)
        del frame
        assert sum(ref() is not None for ref in kept) <= 5  # two waiting, one in the works, the loops' last
    assert len(iio.imread(encoder.finish(60), index=None)) == 200


def test_a_final_write_that_fails_ends_the_encoder_with_one_line_and_no_file(tmp_path, monkeypatch):
    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recording._GifWriter, "close", full)  # the trailer: the very last write
    encoder = FrameEncoder(tmp_path / "run.gif", 20)
    for frame in frames(5):
        encoder.add(frame)
    with pytest.raises(ExportError, match="the disk is full") as failure:
        encoder.finish(10)
    assert encoder.done and "\n" not in str(failure.value)
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_midway_turns_the_next_frames_away(tmp_path, monkeypatch):
    monkeypatch.setattr(recording, "BACKLOG_BYTES", 1)

    def full(self, frame):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recording._GifWriter, "add", full)
    encoder = FrameEncoder(tmp_path / "run.gif", 20)
    taken = [encoder.add(frame) for frame in frames(100)]
    assert False in taken and encoder.failed
    with pytest.raises(ExportError, match="the disk is full"):
        encoder.finish(10)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("seconds, fps, count", [(0.05, 20, 1), (0.001, 20, 1), (0.25, 10, 3), (1, 10, 10),
                                                 (600, 60, 36000), (0.15, 10, 2)])
def test_a_recording_has_seconds_times_fps_frames_halves_up_at_least_one(seconds, fps, count):
    assert frame_count(seconds, fps) == count


@pytest.mark.parametrize("seconds, fps", [(1, 0.001), (1, 1e-9), (1, 61), (0, 20), (601, 20), (1, float("nan"))])
def test_timing_out_of_range_is_refused(seconds, fps):
    with pytest.raises(ValueError):
        check_timing(seconds, fps)


def test_what_a_recording_holds_does_not_grow_with_its_length():
    ten_seconds = recording_memory(".gif", 1280, 720, 60, 600)
    assert recording_memory(".gif", 1280, 720, 60, 36_000) == ten_seconds < 400_000_000
    assert recording_memory(".mp4", 1280, 720, 60, 36_000) == recording_memory(".mp4", 1280, 720, 60, 600)


def test_a_recording_that_would_not_fit_in_memory_is_refused_up_front(tmp_path):
    check_fits(tmp_path / "run.gif", 1280, 720, 60, 600, available=8_000_000_000)
    with pytest.raises(ExportError, match="needs about .* of memory") as refusal:
        check_fits(tmp_path / "run.gif", 1280, 720, 60, 600, available=200_000_000)
    assert "1280x720" in str(refusal.value) and "\n" not in str(refusal.value)


def test_a_recording_onto_a_fifo_is_refused_before_it_starts(tmp_path):
    import os

    fifo = tmp_path / "run.gif"
    os.mkfifo(fifo)
    with pytest.raises(recording.ExportError, match="not a regular file"):
        recording.FrameEncoder(fifo, 10)
    assert os.listdir(tmp_path) == ["run.gif"]


def test_ffmpeg_ended_by_the_encoder_and_a_cancel_at_once_is_ended_once_at_a_time(tmp_path):
    """The encoder's thread and the GUI's Cancel both end ffmpeg; the second closed its log under the first."""
    import threading
    import time

    ffmpeg = recording._Ffmpeg(str(tmp_path / "out.mp4"), (32, 32, 3), 10)
    inside, most = [0], [0]

    class SlowLog:
        def close(self):
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            inside[0] -= 1

    real_log, ffmpeg._log = ffmpeg._log, SlowLog()
    start = threading.Barrier(2)
    enders = [threading.Thread(target=lambda: (start.wait(), ffmpeg.kill())) for _ in range(2)]
    for ender in enders:
        ender.start()
    for ender in enders:
        ender.join()
    real_log.close()
    assert most[0] == 1 and ffmpeg.process.poll() is not None
