"""Peers measured beside Wattprint: ActivityWatch's aw-server, installed from PyPI into its own virtual environment.

`aw_server()` installs aw-server 0.12.0 into bench/.peers/aw on first use (gitignored) and reuses it afterwards. The
PyPI release is broken with today's dependencies (shared reference/capture-anchors.md 1.3): it needs `peewee<4`, and
then `flask<2.3` and `werkzeug<2.3`, which pip installs over aw-server's own `werkzeug>=2.3.3` pin with a warning (the
combination works: buckets, events, heartbeats, queries). The pins are installed in a second step for that reason.

`AwServer` starts it with `--testing --host 127.0.0.1 --port <free port>`, its data under a temporary XDG_DATA_HOME,
and stops it again. Only loopback traffic.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEERS = Path(__file__).with_name(".peers")
AW_VENV = PEERS / "aw"
AW_STAMP = AW_VENV / ".installed-aw-server-0.12.0"
AW_REQUIREMENTS = (["aw-server==0.12.0", "peewee<4"], ["flask<2.3", "werkzeug<2.3"])


class PeerUnavailableError(RuntimeError):
    """A peer could not be installed or started; the message says why (it goes into the benchmark row)."""


def aw_server() -> Path:
    """The aw-server executable, installed on first use.

    Raises:
        PeerUnavailableError: It could not be installed (no registry, resolver conflict, ...).
    """
    exe = AW_VENV / "bin" / "aw-server"
    if AW_STAMP.exists() and exe.exists():
        return exe
    print(f"installing the peer aw-server 0.12.0 into {AW_VENV} (first run only) ...", file=sys.stderr, flush=True)
    PEERS.mkdir(exist_ok=True)
    python = AW_VENV / "bin" / "python"
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(AW_VENV)], check=True, capture_output=True,
                           text=True, timeout=300)  # fmt: skip
        for requirements in AW_REQUIREMENTS:
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            *requirements], check=True, capture_output=True, text=True, timeout=600)  # fmt: skip
    except subprocess.CalledProcessError as error:
        tail = " ".join((error.stderr or error.stdout or "").strip().splitlines()[-2:])
        raise PeerUnavailableError(f"pip could not install aw-server 0.12.0: {tail[-300:]}") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PeerUnavailableError(f"could not install aw-server 0.12.0: {error}") from None
    if not exe.exists():
        raise PeerUnavailableError(f"aw-server installed but {exe} is missing")
    AW_STAMP.touch()
    return exe


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AwServer:
    """A running aw-server on 127.0.0.1 with its data in a temporary folder; a context manager."""

    def __init__(self) -> None:
        self.exe = aw_server()
        self.port = free_port()
        self.home = Path(tempfile.mkdtemp(prefix="wattprint-bench-aw-"))
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = self.home / "aw-server.log"

    def __enter__(self) -> AwServer:
        env = {**os.environ, "XDG_DATA_HOME": str(self.home / "data"), "XDG_CONFIG_HOME": str(self.home / "config"),
               "XDG_CACHE_HOME": str(self.home / "cache")}  # fmt: skip
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen([str(self.exe), "--testing", "--host", "127.0.0.1", "--port", str(self.port)],
                                         stdout=log, stderr=subprocess.STDOUT, env=env)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            with contextlib.suppress(OSError, http.client.HTTPException):
                status, _ = self.request("GET", "/api/0/info")
                if status == 200:
                    return self
            time.sleep(0.2)
        tail = self.log.read_text(errors="replace")[-300:]
        self.__exit__(None, None, None)
        raise PeerUnavailableError(f"aw-server did not start on 127.0.0.1:{self.port}: {tail}")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.home, ignore_errors=True)

    def connection(self) -> http.client.HTTPConnection:
        """A keep-alive HTTP connection to the server (the browser's fetch keeps its connection too)."""
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def request(self, method: str, path: str, body: object = None,
                conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:  # fmt: skip
        """One request; returns the status and the body."""
        own = conn is None
        conn = conn or self.connection()
        try:
            payload = None if body is None else json.dumps(body).encode()
            headers = {"Content-Type": "application/json"} if payload is not None else {}
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            if own:
                conn.close()

    def database(self) -> Path | None:
        """The server's SQLite file, once created."""
        found = sorted((self.home / "data").rglob("peewee-sqlite*.db"))
        return found[0] if found else None


__all__ = ["AwServer", "PeerUnavailableError", "aw_server", "free_port"]
