"""Helpers for the security suite: real host and app processes, and what sockets a process owns (from /proc)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CHROMIUM_ORIGIN

BIN = Path(sys.executable).parent
HOST = BIN / "wattprint-host"
APP = BIN / "wattprint"
TCP_STATES = {"01": "ESTABLISHED", "02": "SYN_SENT", "03": "SYN_RECV", "04": "FIN_WAIT1", "05": "FIN_WAIT2",
              "06": "TIME_WAIT", "07": "CLOSE", "08": "CLOSE_WAIT", "09": "LAST_ACK", "0A": "LISTEN",
              "0B": "CLOSING"}  # fmt: skip


def frame(message: object) -> bytes:
    payload = json.dumps(message).encode()
    return struct.pack("=I", len(payload)) + payload


class Host:
    """A real `wattprint-host` with framed pipes and a reply timeout."""

    def __init__(self, env: dict[str, str], *args: str, umask: int | None = None) -> None:
        self.proc = subprocess.Popen(
            [str(HOST), *(args or (CHROMIUM_ORIGIN,))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            preexec_fn=None if umask is None else (lambda: os.umask(umask)),  # type: ignore[arg-type]
        )

    def recv(self, timeout: float = 30) -> dict:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        data = b""
        need = 4
        while len(data) < need:
            left = deadline - time.monotonic()
            assert left > 0, "the host did not answer in time"
            assert select.select([fd], [], [], left)[0], "the host did not answer in time"
            chunk = os.read(fd, need - len(data))
            assert chunk, "the host closed its output"
            data += chunk
            if need == 4 and len(data) == 4:
                need = 4 + struct.unpack("=I", data)[0]
        return json.loads(data[4:])

    def ask(self, message: object) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()
        return self.recv()

    def close(self) -> int:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            return self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(15)


class App:
    """The desktop app (`wattprint` with no arguments), offscreen, as a subprocess."""

    def __init__(self, env: dict[str, str], log: Path, umask: int | None = None) -> None:
        self.socket = Path(env["WATTPRINT_SOCKET_EXPECTED"])
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [str(APP)],
                env={**env, "QT_QPA_PLATFORM": "offscreen"},
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=None if umask is None else (lambda: os.umask(umask)),  # type: ignore[arg-type]
            )
        self.log = log

    def wait_ready(self, timeout: float = 60) -> None:
        """Waits until the app listens on its local socket (its window is up by then)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the app exited ({self.proc.returncode}): {self.log.read_text()[-2000:]}"
            if self.socket.is_socket() and any(s.listening for s in unix_sockets(self.proc.pid)):
                return
            time.sleep(0.05)
        raise AssertionError(f"the app did not listen on {self.socket} within {timeout} s")

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(15)
        return self.proc.returncode


def app_env(data: Path) -> dict[str, str]:
    """The environment for the host and the app on data folder `data` (and where the app's socket will be)."""
    env = {**os.environ, "WATTPRINT_DATA_DIR": str(data)}
    env.pop("WATTPRINT_ALLOWED_ORIGINS", None)
    env.pop("WATTPRINT_PROFILE", None)
    saved = os.environ.get("WATTPRINT_DATA_DIR")
    os.environ["WATTPRINT_DATA_DIR"] = str(data)
    try:
        from wattprint.core import paths

        env["WATTPRINT_SOCKET_EXPECTED"] = str(paths.socket_path())
    finally:
        if saved is None:
            os.environ.pop("WATTPRINT_DATA_DIR", None)
        else:
            os.environ["WATTPRINT_DATA_DIR"] = saved
    return env


# -- sockets from /proc ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InetSocket:
    table: str  # tcp, tcp6, udp, udp6
    local: str
    remote: str
    state: str
    inode: int


@dataclass(frozen=True)
class UnixSocket:
    inode: int
    listening: bool  # __SO_ACCEPTCON in the flags
    path: str  # the address it was bound to (QLocalServer binds in a private folder, then renames the file)


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (from the ppid field of /proc/<n>/stat)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent]
        found.extend(children)
        frontier.extend(children)
    return found


def socket_inodes(pid: int) -> set[int]:
    """Inodes of the sockets process `pid` holds open (/proc/<pid>/fd -> 'socket:[N]')."""
    inodes = set()
    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(int(target[8:-1]))
    return inodes


def inet_sockets(pid: int) -> list[InetSocket]:
    """Every TCP and UDP socket (IPv4 and IPv6) of the network namespace `pid` lives in."""
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        with contextlib.suppress(FileNotFoundError):
            for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
                parts = line.split()
                state = TCP_STATES.get(parts[3], parts[3]) if table.startswith("tcp") else f"udp:{parts[3]}"
                found.append(InetSocket(table, parts[1], parts[2], state, int(parts[9])))
    return found


def unix_sockets(pid: int) -> list[UnixSocket]:
    """The Unix sockets of the namespace `pid` lives in that `pid` holds."""
    mine = socket_inodes(pid)
    found = []
    with contextlib.suppress(FileNotFoundError):
        for line in Path(f"/proc/{pid}/net/unix").read_text().splitlines()[1:]:
            parts = line.split()
            inode = int(parts[6])
            if inode in mine:
                listening = bool(int(parts[3], 16) & 0x10000)
                found.append(UnixSocket(inode, listening, parts[7] if len(parts) > 7 else ""))
    return found


def owned_inet_sockets(pid: int) -> list[InetSocket]:
    """The TCP/UDP sockets held by `pid` or any of its descendants."""
    inodes: set[int] = set()
    for p in descendants(pid):
        inodes |= socket_inodes(p)
    return [s for s in inet_sockets(pid) if s.inode in inodes]
