"""Encode a recording of the window, frame by frame, to an animated GIF or an MP4 (H.264), off the GUI thread.

The window hands over RGB frames (numpy arrays) as it grabs them; a worker
thread encodes each one as it comes and writes it out at once, so what is held
in memory stays bounded however long the recording: the frames not yet encoded
(at most ``BACKLOG_BYTES``) and, for a GIF, the frames of its first second
until its palette is chosen (at most ``PALETTE_BYTES``). ``check_fits`` refuses
up front a recording whose bounded needs exceed the memory available.

MP4 goes through ffmpeg (the binary that the imageio-ffmpeg wheel ships, fed
over a pipe; its exit status is checked). A GIF has one palette for every
frame (no dithering), so what did not change stays identical, and each frame
stores only the rectangle that changed since the one before (a frame where
nothing changed is a single unchanged pixel, so the GIF still has one frame per
grab). The file is written beside its target and renamed when complete: a
cancelled or failed recording (a full disk, a refused write) ends at once and
leaves nothing behind.
"""

from __future__ import annotations

import collections
import errno
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from fractions import Fraction
from pathlib import Path

import numpy as np

from epochviz.core.memory import format_bytes
from epochviz.core.run_log import ExportError, check_replaceable, remove_quietly, usual_permissions
from epochviz.core.run_memory import HEADROOM, available_bytes
from epochviz.core.words import QT_TRANSLATE_NOOP, worded

FORMATS = (".gif", ".mp4")
DEFAULT_FPS = {".gif": 20, ".mp4": 30}
MIN_FPS, MAX_FPS = 1.0, 60.0  # below 1 a frame a second nothing moves; a GIF's delays are whole 1/100 s
MAX_SECONDS = 600.0
PALETTE_AFTER_S = 1.0  # a GIF's palette comes from its first frame and the one this far in
PALETTE_BYTES = 200_000_000  # at most this much of the first second waits for the palette (60 frames of 1280x720)
BACKLOG_BYTES = 100_000_000  # frames grabbed but not yet encoded, at most
GIF_WORK_BYTES_PER_PIXEL = 16  # the encoder's own images: RGBX, indices, the ones before, the palette's sample
X264_HELD_FRAMES = 60  # what ffmpeg keeps of yuv420p frames (look-ahead, references), about
MP4_CRF = 15  # H.264 constant quality: 0 lossless .. 51 worst; 15 keeps the text sharp
CANCEL_WAIT_S = 5.0


def frame_count(seconds: float, fps: float) -> int:
    """The frames a recording of ``seconds`` at ``fps`` holds: seconds x fps rounded (halves up), at least 1."""
    return max(1, math.floor(seconds * fps + 0.5))


def check_timing(seconds: float, fps: float) -> None:
    """``ValueError`` for a length or a frame rate a recording does not take."""
    if not MIN_FPS <= fps <= MAX_FPS:
        raise ValueError(f"fps must be from {MIN_FPS:g} to {MAX_FPS:g} frames a second, got {fps!r}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be above 0 and at most {MAX_SECONDS:g}, got {seconds!r}")


def palette_frames(fps: float, frame_bytes: int) -> int:
    """How many frames a GIF gathers before choosing its palette: a second's, as many as ``PALETTE_BYTES`` holds."""
    return max(1, min(math.ceil(PALETTE_AFTER_S * fps), PALETTE_BYTES // max(1, frame_bytes)))


def backlog_frames(frame_bytes: int) -> int:
    """How many grabbed frames may wait for the encoder (``add`` waits beyond that)."""
    return max(2, BACKLOG_BYTES // max(1, frame_bytes))


def recording_memory(kind: str, width: int, height: int, fps: float, frames: int) -> int:
    """The most a recording of ``frames`` frames of ``width`` x ``height`` holds in memory, in bytes, about."""
    frame = width * height * 3
    held = backlog_frames(frame) * frame
    if kind == ".gif":
        return held + min(frames, palette_frames(fps, frame)) * frame + GIF_WORK_BYTES_PER_PIXEL * width * height
    return held + X264_HELD_FRAMES * width * height * 3 // 2 + frame


def check_fits(path: str | os.PathLike, width: int, height: int, fps: float, frames: int,
               available: int | None = None) -> None:
    """``ExportError`` with one line when the recording would not fit in the memory available (as training checks)."""
    available = available_bytes() if available is None else available
    if available is None:
        return
    need = recording_memory(Path(path).suffix.lower(), width, height, fps, frames)
    budget = int(available * HEADROOM)
    if need <= budget:
        return
    raise worded(
        ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: a recording of a {size} window needs about "
                                                 "{need} of memory, more than the {budget} that can be used of the "
                                                 "{available} available; record a smaller window"),
        path=path, size=f"{width}x{height}", need=format_bytes(need), budget=format_bytes(budget),
        available=format_bytes(available))


class EncoderFailed(Exception):
    """The encoder could not go on; the message is the reason, in one line."""


class FrameEncoder:
    """Takes RGB frames with ``add``; ``finish`` completes the file, ``cancel`` drops it."""

    def __init__(self, path: str | os.PathLike, fps: float) -> None:
        self.path = Path(path)
        self.kind = self.path.suffix.lower()
        if self.kind not in FORMATS:
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: the name must end in .gif or .mp4"),
                path=self.path)
        if not self.path.parent.is_dir():
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: the folder {folder} does not exist"),
                path=self.path, folder=self.path.parent)
        check_replaceable(self.path)  # up front: not after minutes of recording
        if not MIN_FPS <= fps <= MAX_FPS:
            raise ValueError(f"fps must be from {MIN_FPS:g} to {MAX_FPS:g}, got {fps!r}")
        self.fps = float(fps)
        try:  # the name's start only: a name near the 255-byte limit must not make its temporary one too long
            handle, self._temporary = tempfile.mkstemp(prefix=f".{self.path.stem[:32]}-", suffix=self.kind,
                                                       dir=self.path.parent)
        except OSError as exc:
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                path=self.path, reason=_reason(exc)) from None
        os.close(handle)
        usual_permissions(self._temporary)
        self.frames_added = 0
        self.frames_encoded = 0
        self.error: str | None = None
        self._pending: collections.deque[np.ndarray] = collections.deque()
        self._changed = threading.Condition()  # guards the state below; notified at every change
        self._shape: tuple[int, ...] | None = None
        self._backlog = 2
        self._closed = self._cancelled = self._ended = False
        self._ffmpeg: _Ffmpeg | None = None
        self._thread = threading.Thread(target=self._encode, name="epochviz-recording", daemon=True)
        self._thread.start()

    def add(self, frame: np.ndarray) -> bool:
        """Queue one frame, (height, width, 3) uint8 RGB, waiting while the backlog is full.

        Every frame is made the first one's size (cut, or padded with black).
        False, and the frame dropped, once the encoder has ended (it failed: see ``error``) or was cancelled.
        """
        if self._shape is None:
            self._shape, self._backlog = frame.shape, backlog_frames(frame.nbytes)
        frame = _fit(frame, self._shape)
        with self._changed:
            while len(self._pending) >= self._backlog and not (self._ended or self._cancelled):
                self._changed.wait()
            if self._ended or self._cancelled or self._closed:
                return False
            self._pending.append(frame)
            self.frames_added += 1
            self._changed.notify_all()
        return True

    @property
    def ready(self) -> bool:
        """True when ``add`` would not wait: the backlog has room, or the encoder has ended."""
        return self._ended or self._cancelled or len(self._pending) < self._backlog

    @property
    def failed(self) -> bool:
        """True once the encoder has stopped on an error (``error`` says which): stop adding frames."""
        return self.error is not None

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def finish(self, timeout_s: float | None = None) -> Path:
        """Wait for the encoder, then put the file in place; ``ExportError`` if it failed."""
        self.close_input()
        self._thread.join(timeout_s)
        return self.complete()

    def close_input(self) -> None:
        """No more frames: the encoder finishes on its own (poll ``done``, then call ``complete``)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def complete(self) -> Path:
        """Put the finished file in place (after ``done``)."""
        if self._thread.is_alive():
            raise RuntimeError("the encoder is still running")
        if self.error or self._cancelled:
            remove_quietly(self._temporary)
            if self.error:
                raise worded(
                    ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                    path=self.path, reason=self.error)
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: cancelled"),
                path=self.path)
        try:
            check_replaceable(self.path)
            os.replace(self._temporary, self.path)
        except ExportError:
            remove_quietly(self._temporary)
            raise
        except OSError as exc:
            remove_quietly(self._temporary)
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                path=self.path, reason=_reason(exc)) from None
        return self.path

    def cancel(self) -> None:
        """Stop encoding and leave no file."""
        with self._changed:
            self._cancelled = True
            self._pending.clear()
            self._changed.notify_all()
        ffmpeg = self._ffmpeg
        if ffmpeg is not None:
            ffmpeg.kill()  # it may be busy with frames already sent
        self._thread.join(CANCEL_WAIT_S)
        remove_quietly(self._temporary)

    # -- the worker thread --------------------------------------------------------------
    def _take(self) -> np.ndarray | None:
        """The next frame; None once the input is closed and drained, or cancelled."""
        with self._changed:
            while not (self._pending or self._closed or self._cancelled):
                self._changed.wait()
            if self._cancelled or not self._pending:
                return None
            frame = self._pending.popleft()
            self._changed.notify_all()
            return frame

    def _frames(self):
        while (frame := self._take()) is not None:
            yield frame

    def _encode(self) -> None:
        try:
            if self.kind == ".mp4":
                self._encode_mp4()
            else:
                self._encode_gif()
        except Exception as exc:  # noqa: BLE001 - reported as the recording's error, in words
            if not self._cancelled:
                self.error = _reason(exc)
            remove_quietly(self._temporary)
        finally:
            with self._changed:  # the producer stops waiting and adding: nothing more is taken
                self._ended = True
                self._pending.clear()
                self._changed.notify_all()

    def _encode_mp4(self) -> None:
        try:
            for frame in self._frames():
                if self._ffmpeg is None:
                    self._ffmpeg = _Ffmpeg(self._temporary, frame.shape, self.fps)
                self._ffmpeg.write(frame)
                self.frames_encoded += 1
            if self._cancelled:
                return
            if self._ffmpeg is None:
                raise EncoderFailed(QT_TRANSLATE_NOOP("errors", "no frame was recorded"))
            self._ffmpeg.finish()
        finally:
            if self._ffmpeg is not None:
                self._ffmpeg.kill()

    def _encode_gif(self) -> None:
        with open(self._temporary, "wb") as out:
            writer, waiting = None, []
            for frame in self._frames():
                if writer is None:
                    waiting.append(frame)
                    if len(waiting) < palette_frames(self.fps, frame.nbytes):
                        continue
                    writer = self._start_gif(out, waiting)
                    waiting = []
                else:
                    writer.add(frame)
                    self.frames_encoded += 1
            if self._cancelled:
                return
            if waiting:  # a recording shorter than the palette's wait
                writer = self._start_gif(out, waiting)
            if writer is None:
                raise EncoderFailed(QT_TRANSLATE_NOOP("errors", "no frame was recorded"))
            writer.close()
            out.flush()
            os.fsync(out.fileno())  # a full disk may only say so now: before the rename, not after

    def _start_gif(self, out, waiting: list[np.ndarray]) -> _GifWriter:
        """The GIF's writer, its palette from the first and the last frame waiting; the waiting frames written."""
        writer = _GifWriter(out, _shared_palette(waiting[0], waiting[-1]), self.fps)
        for frame in waiting:
            if self._cancelled:
                break
            writer.add(frame)
            self.frames_encoded += 1
        return writer


class _GifWriter:
    """An animated GIF written a frame at a time: one global palette, each frame only what changed."""

    def __init__(self, out, palette, fps: float) -> None:
        self._out, self._palette, self._fps = out, palette, fps
        self._previous: np.ndarray | None = None
        self._written = 0

    def add(self, frame: np.ndarray) -> None:
        from PIL import GifImagePlugin, Image

        image = Image.fromarray(frame).quantize(palette=self._palette, dither=Image.Dither.NONE)
        indices = np.asarray(image)
        whole = (0, 0, image.width, image.height)
        if self._previous is None:
            header, _ = GifImagePlugin.getheader(image, info={"loop": 0})
            self._write(header)
            box = whole
        else:
            box = _changed_box(self._previous, indices) or (0, 0, 1, 1)  # unchanged: one pixel, same colour
        part = image if box == whole else image.crop(box)
        self._write(GifImagePlugin.getdata(part, offset=box[:2], duration=10 * self._delay_cs()))
        self._previous = indices
        self._written += 1

    def close(self) -> None:
        self._out.write(b";")  # the GIF's trailer

    def _delay_cs(self) -> int:
        """This frame's delay in 1/100 s (a GIF's unit), so that the delays add up to the recording's length."""
        k = self._written
        return round((k + 1) * 100 / self._fps) - round(k * 100 / self._fps)

    def _write(self, chunks) -> None:
        for chunk in chunks:
            self._out.write(chunk)


class _Ffmpeg:
    """An ffmpeg process encoding raw RGB frames from its stdin into an H.264 MP4; its messages kept for an error."""

    def __init__(self, path: str, shape: tuple[int, ...], fps: float) -> None:
        import imageio_ffmpeg

        self._height, self._width = (shape[0] // 2) * 2, (shape[1] // 2) * 2  # H.264 wants even sizes
        self._log = tempfile.TemporaryFile()
        self._ending = threading.Lock()  # the encoder's thread and a Cancel may both end it at once
        command = [imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-v", "error",
                   "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{self._width}x{self._height}",
                   "-r", str(Fraction(fps).limit_denominator(1001)), "-i", "-",
                   "-an", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", str(MP4_CRF), path]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                        stderr=self._log, **_own_process_group())

    def write(self, frame: np.ndarray) -> None:
        try:
            self.process.stdin.write(np.ascontiguousarray(frame[: self._height, : self._width]))
        except OSError:  # ffmpeg has ended (a full disk, a bad file): its own words say why
            self.process.wait()
            raise EncoderFailed(self._last_words()) from None

    def finish(self) -> None:
        """Let ffmpeg complete the file; ``EncoderFailed`` with its last message if it could not."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        if self.process.wait() != 0:
            raise EncoderFailed(self._last_words())

    def kill(self) -> None:
        """End ffmpeg now if it still runs (safe to call twice, and from two threads at once)."""
        with self._ending:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            try:
                self.process.stdin.close()
            except (OSError, ValueError):
                pass
            self._log.close()

    def _last_words(self) -> str:
        """ffmpeg's last message, without its ``[component @ 0x...]`` prefix: one line."""
        try:
            self._log.seek(0)
            text = self._log.read()[-4096:].decode("utf-8", "replace")
        except (OSError, ValueError):
            text = ""
        lines = [re.sub(r"^\[[^\]]*\]\s*", "", line).strip() for line in text.splitlines()]
        lines = [line for line in lines if line and not line.startswith("Last message repeated")]
        if lines:
            return lines[-1][:200]
        code = self.process.returncode
        if code is not None and code < 0:
            try:
                return f"ffmpeg was ended by {signal.Signals(-code).name}"
            except ValueError:
                pass
        return f"ffmpeg stopped (status {code})"


def _own_process_group() -> dict:
    """Popen arguments that keep Ctrl+C in the terminal from reaching ffmpeg: the recorder ends it itself."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _changed_box(before: np.ndarray, after: np.ndarray) -> tuple[int, int, int, int] | None:
    """The smallest (left, top, right, bottom) rectangle holding every pixel that differs; None if none does."""
    changed = before != after
    rows = np.flatnonzero(changed.any(axis=1))
    if rows.size == 0:
        return None
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    columns = np.flatnonzero(changed[top:bottom].any(axis=0))
    return int(columns[0]), top, int(columns[-1]) + 1, bottom


def _fit(frame: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``frame`` at ``shape``: cut, or padded with black (a window resized while it is recorded)."""
    if frame.shape == shape:
        return frame
    fitted = np.zeros(shape, np.uint8)
    height, width = min(shape[0], frame.shape[0]), min(shape[1], frame.shape[1])
    fitted[:height, :width] = frame[:height, :width]
    return fitted


def _reason(exc: BaseException) -> str:
    """Why the recording failed, in one line."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return QT_TRANSLATE_NOOP("errors", "the disk is full")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _shared_palette(first: np.ndarray, later: np.ndarray):
    """One 256-colour palette for the whole GIF, from its first frame and one a second in.

    The same palette for every frame, without dithering, keeps what did not change
    identical, so each frame stores only the region that changed (a palette per
    frame made a 10 s GIF of the window 19 MB instead of 13). The later frame
    brings the colours that appear once training is under way.
    """
    from PIL import Image

    return Image.fromarray(np.concatenate([first, later])).quantize(colors=256, method=Image.Quantize.MEDIANCUT)
