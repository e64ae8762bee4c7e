"""A real `wattprint-host` process fed framed bytes."""

from __future__ import annotations

import contextlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ORIGIN

HOST = Path(sys.executable).with_name("wattprint-host")


def frame(message: object) -> bytes:
    payload = message if isinstance(message, bytes) else json.dumps(message).encode()
    return struct.pack("=I", len(payload)) + payload


class HostProcess:
    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [str(HOST), *(args or (CHROMIUM_ORIGIN,))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: object) -> None:
        self.send_raw(frame(message))

    def recv(self) -> dict:
        assert self.proc.stdout is not None
        header = self.proc.stdout.read(4)
        assert len(header) == 4, f"host closed its output; stderr: {self.stderr()}"
        (size,) = struct.unpack("=I", header)
        return json.loads(self.proc.stdout.read(size))

    def ask(self, message: object) -> dict:
        self.send(message)
        return self.recv()

    def close(self, timeout: float = 10) -> int:
        if self.proc.stdin and not self.proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()
        status = self.proc.wait(timeout)
        self._close_streams()
        return status

    def _close_streams(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None and not stream.closed:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()

    def stderr(self) -> str:
        return "(see host.log in the test's data folder)"

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._close_streams()

    def __del__(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        else:
            self._close_streams()


@pytest.fixture
def host():
    process = HostProcess()
    yield process
    if process.proc.poll() is None:
        process.kill()
    process._close_streams()


def stores_one_item(*args: str) -> None:
    """Starts a host, checks that it stores one fresh item, and closes it."""
    from tests.conftest import make_item

    process = HostProcess(*args)
    try:
        item = make_item()
        assert process.ask({"type": "record", "items": [item]})["stored"] == [item["id"]]
    finally:
        process.close()
