"""Messages between the window and its training process: length-prefixed pickles on a byte stream.

Why not ``multiprocessing``: its spawn start method re-runs the user's main
module in the child, which breaks demo scripts without a main guard and
scripts read from stdin. The training process is started as its own entry
point (``python -m epochviz.core.engine.remote``) and speaks over its stdin and
stdout, which works the same on every platform.
"""

from __future__ import annotations

import pickle
import struct
import threading
from typing import BinaryIO

_HEADER = struct.Struct("<Q")  # payload length in bytes


class Channel:
    """Writes and reads whole messages on a pair of binary streams (thread-safe writes)."""

    def __init__(self, reader: BinaryIO | None, writer: BinaryIO | None) -> None:
        self._reader = reader
        self._writer = writer
        self._write_lock = threading.Lock()

    def send(self, message: object) -> None:
        """Write one message; ``BrokenPipeError``/``OSError`` when the other side is gone."""
        payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with self._write_lock:
            self._writer.write(_HEADER.pack(len(payload)))
            self._writer.write(payload)
            self._writer.flush()

    def receive(self) -> object:
        """Block until one whole message has arrived; ``EOFError`` when the stream ends."""
        header = self._read_exactly(_HEADER.size)
        (size,) = _HEADER.unpack(header)
        return pickle.loads(self._read_exactly(size))

    def _read_exactly(self, size: int) -> bytes:
        data = self._reader.read(size)
        while data is not None and len(data) < size:
            more = self._reader.read(size - len(data))
            if not more:
                break
            data += more
        if data is None or len(data) < size:
            raise EOFError("the stream ended")
        return data
