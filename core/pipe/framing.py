"""Native-messaging framing: a 4-byte length in the machine's byte order, then that many bytes of UTF-8 JSON."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

MAX_FRAME = 1024 * 1024  # bytes, both directions (Chromium's limit for host-to-browser messages)
HEADER = struct.Struct("=I")


class FrameError(Exception):
    """The stream cannot be trusted any more: a frame too large, or cut short by the end of input."""


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    chunks = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO, limit: int = MAX_FRAME) -> bytes | None:
    """Reads one frame's payload.

    Args:
        stream: A binary stream (the host's standard input).
        limit: The largest payload accepted, in bytes.

    Returns:
        The payload, or None at a clean end of input (between frames).

    Raises:
        FrameError: The length is over `limit`, or the input ended inside a frame.
    """
    header = _read_exact(stream, HEADER.size)
    if not header:
        return None
    if len(header) < HEADER.size:
        raise FrameError(f"input ended inside a length prefix ({len(header)} of 4 bytes)")
    (size,) = HEADER.unpack(header)
    if size > limit:
        raise FrameError(f"frame of {size:,} bytes is over the limit of {limit:,}")
    payload = _read_exact(stream, size)
    if len(payload) < size:
        raise FrameError(f"input ended inside a frame ({len(payload):,} of {size:,} bytes)")
    return payload


class Encoded(Mapping[str, Any]):
    """A JSON object whose values are kept as JSON text (in `encoded`) and spliced into frames as they are.

    The ack's estimates repeat from batch to batch; encoding each once and caching the text keeps a 100-item ack
    cheap. Callers in the same process read it as a mapping, decoded on access.
    """

    def __init__(self) -> None:
        self.encoded: dict[str, str] = {}

    def put(self, key: str, text: str) -> None:
        """Adds a value as its JSON text."""
        self.encoded[key] = text

    def __getitem__(self, key: str) -> Any:  # noqa: ANN401 - any JSON value
        return json.loads(self.encoded[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self.encoded)

    def __len__(self) -> int:
        return len(self.encoded)


_PLAIN_KEY = re.compile(r"[0-9A-Za-z_-]*\Z")  # keys JSON writes as they are, between quotes (ids)


def dumps(value: Any) -> str:  # noqa: ANN401 - any JSON value
    """Compact JSON text (NaN and Infinity are refused)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encode(message: dict[str, Any]) -> bytes:
    """One message as a frame (compact UTF-8 JSON); `Encoded` values are spliced in as already encoded."""
    spliced = {key: value for key, value in message.items() if isinstance(value, Encoded)}
    text = dumps({key: value for key, value in message.items() if key not in spliced})
    if spliced:
        parts = [text[:-1]]
        for key, value in spliced.items():
            body = ",".join(
                [f'"{k}":{v}' if _PLAIN_KEY.match(k) else f"{dumps(k)}:{v}" for k, v in value.encoded.items()]
            )
            parts.append(f"{',' if len(parts) > 1 or len(text) > 2 else ''}{dumps(key)}:{{{body}}}")
        text = "".join(parts) + "}"
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (valid in a JSON escape, not in UTF-8) can only sit inside a JSON string; written back as
        # its \\uXXXX escape, the frame stays valid UTF-8 and valid JSON with the same value.
        payload = text.encode("utf-8", "backslashreplace")
    return HEADER.pack(len(payload)) + payload


def write_frame(stream: BinaryIO, frame: bytes) -> None:
    """Writes an encoded frame and flushes it."""
    stream.write(frame)
    stream.flush()


__all__ = ["HEADER", "MAX_FRAME", "Encoded", "FrameError", "dumps", "encode", "read_frame", "write_frame"]
