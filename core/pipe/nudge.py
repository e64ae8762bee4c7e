"""Telling a running desktop app that rows were stored: one JSON line on its local socket, best effort."""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence
from pathlib import Path

TIMEOUT = 0.2  # seconds, for connecting and writing together


def send(path: Path, ids: Sequence[str], timeout: float = TIMEOUT) -> bool:
    """Writes `{"type": "stored", "ids": [...]}` and a newline to the app's socket.

    Args:
        path: The socket (`paths.socket_path`), where the app's QLocalServer listens.
        ids: The ids just stored.
        timeout: Seconds allowed in all.

    Returns:
        Whether the line was written. No app listening, a stale socket or a slow app is not an error.
    """
    family = getattr(socket, "AF_UNIX", None)
    if family is None or not ids:
        return False
    line = json.dumps({"type": "stored", "ids": list(ids)}, separators=(",", ":")).encode() + b"\n"
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(line)
    except OSError:
        return False
    return True


__all__ = ["TIMEOUT", "send"]
