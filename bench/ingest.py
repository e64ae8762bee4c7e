"""The pipe's speed: ingestion through the real host, its first reply, a week summary and a re-estimate of 1M rows.

Run alone with `python -m bench.ingest [--rows N]`; `make bench` runs it with the others.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ORIGIN = "chrome-extension://ggfcmjnhfijbkiopdachebogicdgfobd/"
HOST = Path(sys.executable).with_name("wattprint-host")
CHATS = ("chatgpt", "claude", "gemini", "mistral", "copilot", "perplexity")
SEARCHES = ("google", "bing", "duckduckgo")


def _frame(message: object) -> bytes:
    payload = json.dumps(message).encode()
    return struct.pack("=I", len(payload)) + payload


def _item(rng: random.Random, ts: datetime) -> dict:
    if rng.random() < 0.4:
        return {"id": str(uuid.uuid4()), "ts": ts.isoformat(), "kind": "search", "service": rng.choice(SEARCHES),
                "prompt": {"latin": rng.randint(3, 60)}, "browser": "chromium", "page": "https://www.google.com"}
    return {"id": str(uuid.uuid4()), "ts": ts.isoformat(), "kind": "chat", "service": rng.choice(CHATS),
            "modes": ["reasoning"] if rng.random() < 0.2 else [],
            "prompt": {"latin": int(rng.lognormvariate(5, 1))},
            "response": {"latin": int(rng.lognormvariate(7.5, 0.8))},
            "context": {"latin": int(rng.lognormvariate(6, 2))} if rng.random() < 0.5 else {},
            "duration_ms": rng.randint(500, 30000), "browser": "chromium", "page": "https://chatgpt.com"}  # fmt: skip


class _Host:
    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([str(HOST), ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def recv(self) -> dict:
        assert self.proc.stdout is not None
        (size,) = struct.unpack("=I", self.proc.stdout.read(4))
        return json.loads(self.proc.stdout.read(size))

    def close(self) -> None:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(30)
        self.proc.stdout.close()


def first_reply(env: dict[str, str], rounds: int = 10) -> float:
    """Median seconds from spawning the host to its hello reply."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        host = _Host(env)
        assert host.proc.stdin is not None
        host.proc.stdin.write(_frame({"type": "hello", "protocol": 1}))
        host.proc.stdin.flush()
        host.recv()
        times.append(time.perf_counter() - start)
        host.close()
    return sorted(times)[len(times) // 2]


def ingest(env: dict[str, str], batch: int, total: int) -> float:
    """Interactions per second stored and acknowledged through one host, sending batches back to back."""
    rng = random.Random(batch)
    now = datetime.now(UTC) - timedelta(days=3)
    frames = [
        _frame({"type": "record", "items": [_item(rng, now + timedelta(seconds=n * batch + k)) for k in range(batch)]})
        for n in range(total // batch)
    ]
    host = _Host(env)
    assert host.proc.stdin is not None
    host.proc.stdin.write(_frame({"type": "hello", "protocol": 1}))
    host.proc.stdin.flush()
    host.recv()
    # Warm up the estimator and the database once, outside the timing.
    host.proc.stdin.write(_frame({"type": "record", "items": [_item(rng, now)]}))
    host.proc.stdin.flush()
    host.recv()
    stdin = host.proc.stdin

    def send() -> None:
        for f in frames:
            stdin.write(f)
        stdin.flush()

    start = time.perf_counter()
    writer = threading.Thread(target=send)
    writer.start()
    stored = 0
    for _ in frames:
        reply = host.recv()
        stored += len(reply["stored"])
    elapsed = time.perf_counter() - start
    writer.join()
    host.close()
    assert stored == len(frames) * batch, stored
    return stored / elapsed


def build_history(path: Path, rows: int) -> None:
    """A history of `rows` interactions over about three years, with placeholder estimates of an old version."""
    from wattprint.core import history

    rng = random.Random(1)
    db = history.open_db(path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    step = 3 * 365 * 86400 / rows
    received = history.now_text()
    sql = f"INSERT INTO interactions ({', '.join(history.COLUMNS)}) VALUES ({', '.join('?' * len(history.COLUMNS))})"
    chunk = []
    for n in range(rows):
        ts = start + timedelta(seconds=n * step + rng.random())
        day = ts.astimezone().date().isoformat()
        if rng.random() < 0.4:
            inputs = ("search", rng.choice(SEARCHES), None, "[]", json.dumps({"latin": rng.randint(3, 60)}), "{}", "{}")
        else:
            context = int(rng.lognormvariate(6, 2)) if rng.random() < 0.5 else 0
            inputs = ("chat", rng.choice(CHATS), None, '["reasoning"]' if rng.random() < 0.2 else "[]",
                      json.dumps({"latin": int(rng.lognormvariate(5, 1))}),
                      json.dumps({"latin": int(rng.lognormvariate(7.5, 0.8))}),
                      json.dumps({"latin": context}) if context else "{}")  # fmt: skip
        estimate = (0.1, 0.3, 0.9, 0.04, 0.1, 0.3, 0.1, 1.0, 3.0, 10, 100, 0, 0, "[]", "[]", "old")
        uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        chunk.append((uid, history.utc_text(ts), ts.timestamp(), day, *inputs, None, None, None, 0, 0.0, 1000,
                      "chromium", "https://chatgpt.com", *estimate, received))  # fmt: skip
        if len(chunk) == 50_000:
            with history.transaction(db) as conn:
                conn.executemany(sql, chunk)
            chunk = []
    with history.transaction(db) as conn:
        conn.executemany(sql, chunk)
    db.conn.close()


def week_summary(path: Path) -> float:
    """Best seconds for a week summary (a cold first call included in the rounds)."""
    from wattprint.core import history, queries
    from wattprint.core.modeldata import load

    db = history.open_db(path)
    data = load()
    best = float("inf")
    for offset in range(0, 70, 7):
        start = time.perf_counter()
        result = queries.week_summary(db, data, date(2025, 6, 4) + timedelta(days=offset))
        best = min(best, time.perf_counter() - start)
        assert result["count"] > 0
    db.conn.close()
    return best


def reestimate_all(path: Path, workers: int) -> float:
    """Seconds to re-estimate every row of the history."""
    from wattprint.core import history, reestimate
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.modeldata import load

    db = history.open_db(path)
    estimator = Estimator(load())
    start = time.perf_counter()
    done = reestimate.reestimate(db, estimator, workers=workers)
    elapsed = time.perf_counter() - start
    assert done == history.count(db), done
    db.conn.close()
    return elapsed


def run(rows: int = 1_000_000) -> list[dict[str, object]]:
    """Returns benchmark rows {name, value, unit, target}."""
    work = Path(tempfile.mkdtemp(prefix="wattprint-bench-"))
    try:
        env = {**os.environ, "WATTPRINT_DATA_DIR": str(work / "data")}
        results: list[dict[str, object]] = [
            {"name": "host first reply after spawn", "value": round(first_reply(env) * 1000, 1), "unit": "ms",
             "target": 300},
            {"name": "ingest through host, batches of 1", "value": round(ingest(env, 1, 2_000)), "unit": "items/s",
             "target": "-"},
            {"name": "ingest through host, batches of 100", "value": round(ingest(env, 100, 30_000)), "unit": "items/s",
             "target": 20000},
        ]  # fmt: skip
        path = work / "big.db"
        build_history(path, rows)
        results.append({"name": f"week summary over {rows:,} rows", "value": round(week_summary(path) * 1000, 2),
                        "unit": "ms", "target": 100})  # fmt: skip
        copy = work / "big-copy.db"
        shutil.copy(path, copy)
        results.append({"name": f"re-estimate {rows:,} rows, 1 process", "value": round(reestimate_all(path, 1), 2),
                        "unit": "s", "target": 10})  # fmt: skip
        results.append({"name": f"re-estimate {rows:,} rows, 2 processes",
                        "value": round(reestimate_all(copy, 2), 2), "unit": "s", "target": 10})  # fmt: skip
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    """Prints the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    for row in run(args.rows):
        print(f"{row['name']:<44} {row['value']:>12} {row['unit']:<8} (target {row['target']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
