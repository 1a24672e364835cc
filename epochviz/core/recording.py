"""Encode a recording of the window, frame by frame, to an animated GIF or an MP4 (H.264), off the GUI thread.

The window hands over RGB frames (numpy arrays) as it grabs them; a worker
thread encodes them as they come. MP4 goes through ffmpeg (the binary that the
imageio-ffmpeg wheel ships, fed over a pipe); GIF through Pillow, with one
palette for every frame (no dithering), so that what did not change stays
identical and Pillow stores of each frame only the region that changed: a
10 s GIF of a 1280x720 window stays small. The file is
written beside its target and renamed when complete: a cancelled or failed
recording leaves nothing behind.
"""

from __future__ import annotations

import os
import queue
import tempfile
import threading
from pathlib import Path

import numpy as np

from epochviz.core.run_log import ExportError, remove_quietly, usual_permissions
from epochviz.core.words import QT_TRANSLATE_NOOP, worded

FORMATS = (".gif", ".mp4")
DEFAULT_FPS = {".gif": 20, ".mp4": 30}
PALETTE_AFTER_S = 1.0  # a GIF's palette comes from its first frame and the one this far in
_DONE = None  # the end of the frames, in the queue


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
        if not fps > 0:
            raise ValueError(f"fps must be positive, got {fps!r}")
        self.fps = float(fps)
        try:
            handle, self._temporary = tempfile.mkstemp(prefix=f".{self.path.stem}-", suffix=self.kind,
                                                       dir=self.path.parent)
        except OSError as exc:
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                path=self.path, reason=exc.strerror or exc) from None
        os.close(handle)
        usual_permissions(self._temporary)
        self.frames_added = 0
        self.frames_encoded = 0
        self.error: str | None = None
        self._cancelled = threading.Event()
        self._frames: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._encode, name="epochviz-recording", daemon=True)
        self._thread.start()

    def add(self, frame: np.ndarray) -> None:
        """One frame, (height, width, 3) uint8 RGB; every frame must have the first one's size."""
        self.frames_added += 1
        self._frames.put(frame)

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def finish(self, timeout_s: float | None = None) -> Path:
        """Wait for the encoder, then put the file in place; ``ExportError`` if it failed."""
        self._frames.put(_DONE)
        self._thread.join(timeout_s)
        return self.complete()

    def close_input(self) -> None:
        """No more frames: the encoder finishes on its own (poll ``done``, then call ``complete``)."""
        self._frames.put(_DONE)

    def complete(self) -> Path:
        """Put the finished file in place (after ``done``)."""
        if self._thread.is_alive():
            raise RuntimeError("the encoder is still running")
        if self.error or self._cancelled.is_set():
            remove_quietly(self._temporary)
            if self.error:
                raise worded(
                    ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                    path=self.path, reason=self.error)
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: cancelled"),
                path=self.path)
        try:
            os.replace(self._temporary, self.path)
        except OSError as exc:
            remove_quietly(self._temporary)
            raise worded(
                ExportError, QT_TRANSLATE_NOOP("errors", "cannot record to {path}: {reason}"),
                path=self.path, reason=exc.strerror or exc) from None
        return self.path

    def cancel(self) -> None:
        """Stop encoding and leave no file."""
        self._cancelled.set()
        self._frames.put(_DONE)
        self._thread.join(5)
        remove_quietly(self._temporary)

    # -- the worker thread --------------------------------------------------------------
    def _next(self):
        while True:
            frame = self._frames.get()
            if frame is _DONE or self._cancelled.is_set():
                return
            yield frame

    def _encode(self) -> None:
        try:
            if self.kind == ".mp4":
                self._encode_mp4()
            else:
                self._encode_gif()
        except Exception as exc:  # noqa: BLE001 - reported as the recording's error, in words
            self.error = str(exc) or type(exc).__name__
            while self._frames.get() is not _DONE:  # let the producer finish without blocking
                pass

    def _encode_mp4(self) -> None:
        import imageio_ffmpeg

        writer = None
        for frame in self._next():
            height, width = (frame.shape[0] // 2) * 2, (frame.shape[1] // 2) * 2  # H.264 wants even sizes
            if writer is None:
                writer = imageio_ffmpeg.write_frames(
                    self._temporary, (width, height), fps=self.fps, codec="libx264", pix_fmt_in="rgb24",
                    pix_fmt_out="yuv420p", macro_block_size=2, quality=7, ffmpeg_log_level="error",
                )
                writer.send(None)
            writer.send(np.ascontiguousarray(frame[:height, :width]))
            self.frames_encoded += 1
        if writer is not None:
            writer.close()

    def _encode_gif(self) -> None:
        from PIL import Image

        images, waiting, palette = [], [], None

        def quantized(image):
            return image.quantize(palette=palette, dither=Image.Dither.NONE)

        for frame in self._next():
            image = Image.fromarray(frame, "RGB")
            if palette is None:
                waiting.append(image)
                if len(waiting) < PALETTE_AFTER_S * self.fps:
                    continue
                palette = _shared_palette(waiting[0], waiting[-1])
                images += [quantized(w) for w in waiting]
                waiting = []
            else:
                images.append(quantized(image))
            self.frames_encoded = len(images)
        if waiting:  # a recording shorter than PALETTE_AFTER_S
            palette = _shared_palette(waiting[0], waiting[-1])
            images += [quantized(w) for w in waiting]
            self.frames_encoded = len(images)
        if images and not self._cancelled.is_set():
            images[0].save(self._temporary, format="GIF", save_all=True, append_images=images[1:],
                           duration=round(1000 / self.fps), loop=0, optimize=False)


def _shared_palette(first, later):
    """One 256-colour palette for the whole GIF, from its first frame and one a second in.

    The same palette for every frame, without dithering, keeps what did not change
    identical, and Pillow stores of each frame only the region that changed (a
    palette per frame made a 10 s GIF of the window 19 MB instead of 13). The later
    frame brings the colours that appear once training is under way.
    """
    from PIL import Image

    both = Image.new("RGB", (first.width, first.height + later.height))
    both.paste(first, (0, 0))
    both.paste(later, (0, first.height))
    return both.quantize(colors=256, method=Image.Quantize.MEDIANCUT)

