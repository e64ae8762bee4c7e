"""10,000 interactions through the real `wattprint-host` while everything around it fails.

A sender that behaves like the extension's outbox (an item leaves it only when an ack settles it: stored, duplicate or
rejected) delivers 10,000 interactions in batches of 1 to 100, one request at a time, through real host processes
writing a real SQLite file on a size-limited filesystem. Meanwhile:

(a) a killer thread SIGKILLs the host at random moments (mid-read, mid-estimate, mid-commit, mid-ack); the sender
    starts a new host (as the browser does on the next connectNative) and sends everything not acknowledged again;
(b) a separate process holds `BEGIN EXCLUSIVE` on the database for a while, three times: the host must answer error 9
    and store nothing of that batch; the sender backs off and retries;
(c) the disk fills (a ballast file up to ENOSPC on a tmpfs, or RLIMIT_FSIZE where mounting is not allowed): error 9,
    nothing half-stored; once the space is freed, delivery resumes;
(d) the desktop app runs (offscreen, as a subprocess on the same data folder) and is killed and restarted three times.

At the end the history must hold exactly the 10,000 ids, once each, its per-day rollup must count 10,000, and SQLite's
integrity check must pass. The run prints its figures (and writes them to test-artifacts/fault-delivery.json).
The extension's backoff (1 minute and up) is scaled down to 20-400 ms so the run takes seconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ORIGIN

pytestmark = pytest.mark.fault

HOST = Path(sys.executable).with_name("wattprint-host")
APP = Path(sys.executable).with_name("wattprint")
TOTAL = 10_000
DEADLINE = 100.0  # seconds for the whole delivery; the run normally takes a fraction of it
REPLY_TIMEOUT = 30.0  # the extension's own limit for one reply
MAX_KILLS = 30
LOCK_AT = (0.12, 0.42, 0.72)  # share delivered when another writer takes the lock
LOCK_HOLD = (0.8, 8.0)  # seconds: at least, and at most while no error 9 was seen yet
APP_RESTART_AT = (0.2, 0.5, 0.8)
DISK_FULL_AT = 0.3
DISK_FULL_ERRORS = 3  # error-9 replies caused by the full disk before the space is freed ...
DISK_FULL_HOLD = (1.5, 20.0)  # ... and seconds: at least, and at most
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

SERVICES = ("chatgpt", "claude", "gemini", "mistral", "perplexity", "copilot")
SEARCHES = ("google", "bing", "duckduckgo")


def _items(rng: random.Random) -> list[dict]:
    now = datetime.now(UTC)
    items = []
    for _ in range(TOTAL):
        ts = (now - timedelta(minutes=rng.randint(1, 10 * 24 * 60))).isoformat()
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if rng.random() < 0.3:
            items.append({"id": uid, "ts": ts, "kind": "search", "service": rng.choice(SEARCHES),
                          "prompt": {"latin": rng.randint(3, 80)}, "browser": "chromium",
                          "page": "https://www.google.com"})  # fmt: skip
        else:
            items.append({"id": uid.upper() if rng.random() < 0.05 else uid, "ts": ts, "kind": "chat",
                          "service": rng.choice(SERVICES), "modes": ["reasoning"] if rng.random() < 0.2 else [],
                          "prompt": {"latin": rng.randint(5, 3000), "cjk": rng.choice((0, 0, 0, 40))},
                          "response": {"latin": rng.randint(50, 9000)}, "context": {},
                          "duration_ms": rng.randint(300, 60_000), "browser": "chromium",
                          "page": "https://chatgpt.com"})  # fmt: skip
    return items


def _frame(message: object) -> bytes:
    payload = json.dumps(message).encode()
    return struct.pack("=I", len(payload)) + payload


class Link:
    """One connection to a real host process: frames over its pipes, a reply timeout, EOF as None."""

    def __init__(self, env: dict[str, str], preexec: object = None) -> None:
        self.proc = subprocess.Popen(
            [str(HOST), CHROMIUM_ORIGIN],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            preexec_fn=preexec,  # only for the RLIMIT_FSIZE fallback
        )
        self.started = time.monotonic()

    def send(self, message: object) -> bool:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(_frame(message))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            return False
        return True

    def _read(self, size: int, deadline: float) -> bytes | None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        data = b""
        while len(data) < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, size - len(data))
            if not chunk:
                return None
            data += chunk
        return data

    def recv(self) -> dict | None:
        deadline = time.monotonic() + REPLY_TIMEOUT
        header = self._read(4, deadline)
        if header is None:
            return None
        (size,) = struct.unpack("=I", header)
        body = self._read(size, deadline)
        return None if body is None else json.loads(body)

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)


class App:
    """The desktop app as a subprocess (offscreen) on the same data folder."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = {**env, "QT_QPA_PLATFORM": "offscreen"}
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.died_on_its_own: list[int] = []

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([str(APP)], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.starts += 1

    def stop(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is not None:
            self.died_on_its_own.append(self.proc.returncode)
        else:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


class Reader:
    """Which ids the history holds, read by the test's own connection (WAL: a reader is never blocked by a writer).

    One connection for the whole run, opened once the file exists, so that closing it never checkpoints mid-run.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def present(self, ids: list[str]) -> set[str]:
        if self.conn is None:
            if not self.path.exists():
                return set()
            self.conn = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
        marks = ",".join("?" * len(ids))
        try:
            return {r[0] for r in self.conn.execute(f"SELECT id FROM interactions WHERE id IN ({marks})", ids)}
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return set()
            raise

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


# Another writer: holds BEGIN EXCLUSIVE until told to let go (a line on stdin), at most `argv[2]` seconds.
LOCKER = """
import select, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
conn.execute("ROLLBACK")
conn.close()
"""


def test_10000_interactions_survive_kills_locks_a_full_disk_and_app_restarts(limited_disk, monkeypatch, capsys):
    rng = random.Random(20261122)
    data = limited_disk.root / "data"
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(data))
    env = {**os.environ, "WATTPRINT_DATA_DIR": str(data), "WATTPRINT_BUSY_TIMEOUT_MS": "250"}
    db_path = data / "history.db"
    reader = Reader(db_path)
    items = _items(rng)
    outbox: dict[str, dict] = {item["id"]: item for item in items}  # insertion order = the extension's order
    figures = {"disk": limited_disk.mode, "host_spawns": 0, "kills": 0, "requests": 0, "retried_items": 0,
               "duplicate_replies": 0, "error9_locked": 0, "error9_full": 0, "error9_other": 0, "other_errors": 0,
               "lost_connections": 0, "lock_holds": 0, "app_starts": 0, "disk_full_seconds": 0.0}  # fmt: skip
    error9_messages: list[str] = []
    sent_once: set[str] = set()
    lock = threading.Lock()
    current: list[Link | None] = [None]
    done = threading.Event()
    app = App(env, limited_disk.root.parent / "app.log")

    def killer() -> None:
        krng = random.Random(7)
        while not done.wait(krng.uniform(0.2, 0.9)):
            with lock:
                link = current[0]
                if link is None or link.proc.poll() is not None or figures["kills"] >= MAX_KILLS:
                    continue
                link.proc.send_signal(signal.SIGKILL)
                figures["kills"] += 1

    def delivered_share() -> float:
        return 1 - len(outbox) / TOTAL

    # The faults that follow the delivery's progress: locks, the full disk, app restarts.
    def conductor() -> None:
        locks = list(LOCK_AT)
        restarts = list(APP_RESTART_AT)
        disk_full_at: float | None = None
        while not done.wait(0.02):
            share = delivered_share()
            if locks and share >= locks[0]:
                locks.pop(0)
                holder = subprocess.Popen([sys.executable, "-c", LOCKER, str(db_path), str(LOCK_HOLD[1])],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
                assert holder.stdout is not None
                assert holder.stdin is not None
                assert holder.stdout.readline().strip() == "locked"
                seen, since = figures["error9_locked"], time.monotonic()
                figures["lock_holds"] += 1
                while time.monotonic() - since < LOCK_HOLD[1] and (
                    time.monotonic() - since < LOCK_HOLD[0] or figures["error9_locked"] == seen
                ):
                    time.sleep(0.02)
                with contextlib.suppress(BrokenPipeError):
                    holder.stdin.write("release\n")
                    holder.stdin.close()
                holder.wait(10)
                holder.stdout.close()
            if restarts and share >= restarts[0]:
                restarts.pop(0)
                app.stop(signal.SIGKILL if len(restarts) % 2 else signal.SIGTERM)
                app.start()
            if disk_full_at is None and not limited_disk.full and share >= DISK_FULL_AT and DISK_FULL_ERRORS:
                limited_disk.fill()
                disk_full_at = time.monotonic()
                if limited_disk.mode == "rlimit":
                    with lock:  # the next host starts under the limit
                        if current[0] is not None:
                            current[0].proc.send_signal(signal.SIGKILL)
            held = time.monotonic() - disk_full_at if disk_full_at is not None else 0.0
            if limited_disk.full and disk_full_at is not None and (
                (figures["error9_full"] >= DISK_FULL_ERRORS and held >= DISK_FULL_HOLD[0]) or held > DISK_FULL_HOLD[1]
            ):
                limited_disk.free()
                figures["disk_full_seconds"] = round(time.monotonic() - disk_full_at, 2)

    app.start()
    threads = [threading.Thread(target=killer, daemon=True), threading.Thread(target=conductor, daemon=True)]
    for t in threads:
        t.start()
    start = time.monotonic()
    backoff = 0.02
    link: Link | None = None
    try:
        while outbox and time.monotonic() - start < DEADLINE:
            if link is None:
                link = Link(env, limited_disk.preexec(data))
                with lock:
                    current[0] = link
                figures["host_spawns"] += 1
                if not link.send({"type": "hello", "protocol": 1, "req": "h"}) or link.recv() is None:
                    figures["lost_connections"] += 1
                    with lock:
                        link.close()
                        current[0] = None
                    link = None
                    continue
            batch = list(outbox.values())[: rng.randint(1, 100)]
            ids = [item["id"] for item in batch]
            lower = [i.lower() for i in ids]
            before = reader.present(lower)
            figures["requests"] += 1
            figures["retried_items"] += sum(1 for i in ids if i in sent_once)
            sent_once.update(ids)
            reply = link.recv() if link.send({"type": "record", "req": str(figures["requests"]), "items": batch}) \
                else None  # fmt: skip
            if reply is None:  # killed (or silent for 30 s): everything stays in the outbox
                figures["lost_connections"] += 1
                with lock:
                    link.close()
                    current[0] = None
                link = None
                continue
            if reply["type"] == "ack":
                settled = reply["stored"] + reply["duplicate"] + [r["id"] for r in reply["rejected"]]
                assert not reply["rejected"], reply["rejected"]
                assert sorted(settled) == sorted(ids), "an ack must settle exactly the batch's items"
                figures["duplicate_replies"] += len(reply["duplicate"])
                assert reader.present(lower) == set(lower), "an acknowledged item is not in the history"
                for i in settled:
                    outbox.pop(i, None)
                backoff = 0.02
                continue
            assert reply["type"] == "error", reply
            if reply["code"] == 9:
                text = reply["message"].lower()
                full = "disk is full" in text or (limited_disk.mode == "rlimit" and "i/o error" in text)
                kind = "full" if full else "locked" if "locked" in text else "other"
                figures[f"error9_{kind}"] += 1
                if kind == "other":
                    error9_messages.append(reply["message"])
                # Nothing of that batch may have been written by this request.
                assert reader.present(lower) == before, "error 9, yet part of the batch was stored"
            else:
                figures["other_errors"] += 1
                error9_messages.append(json.dumps(reply))
            time.sleep(backoff)
            backoff = min(backoff * 2, 0.4)
    finally:
        done.set()
        for t in threads:
            t.join(30)
        with lock:
            if link is not None:
                link.close()
        app_alive_at_end = app.proc is not None and app.proc.poll() is None
        app.stop(signal.SIGTERM)
        limited_disk.free()
        reader.close()
    figures["elapsed_s"] = round(time.monotonic() - start, 1)
    figures["app_starts"] = app.starts
    figures["app_died_on_its_own"] = app.died_on_its_own
    figures["app_alive_at_end"] = app_alive_at_end
    figures["error9_other_messages"] = error9_messages[:5]

    conn = sqlite3.connect(str(db_path))
    try:
        rows = [r[0] for r in conn.execute("SELECT id FROM interactions")]
        rollup = conn.execute("SELECT sum(count) FROM daily").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    figures["rows"] = len(rows)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "fault-delivery.json").write_text(json.dumps(figures, indent=2) + "\n")
    with capsys.disabled():
        print("\nfault suite, 10,000 interactions through the real host:", json.dumps(figures))

    assert not outbox, f"{len(outbox)} items still undelivered after {DEADLINE} s; figures: {figures}"
    assert len(rows) == len(set(rows)) == TOTAL
    assert set(rows) == {item["id"].lower() for item in items}
    assert rollup == TOTAL, "the per-day rollup counts an interaction twice (or misses one)"
    assert integrity == "ok"
    # Every fault really happened.
    assert figures["kills"] >= 5
    assert figures["lock_holds"] == len(LOCK_AT)
    assert figures["error9_locked"] >= len(LOCK_AT)
    assert figures["error9_full"] >= 1, f"the full disk never gave error 9: {figures}"
    assert figures["other_errors"] == 0, error9_messages
    assert figures["app_starts"] == len(APP_RESTART_AT) + 1
    assert app.died_on_its_own == [], f"the app exited by itself (status {app.died_on_its_own}); see app.log"
