"""The pipe's speed: ingestion through the real host, its first reply, a week summary, the feed's first page and a
re-estimate of 1M rows, each beside a peer measured in the same run:

- ingestion: ActivityWatch's aw-server 0.12.0 (PyPI, its own venv in bench/.peers/aw) receiving the same interactions
  as events over HTTP on 127.0.0.1, and plain sqlite3 `executemany` of the same rows (estimated beforehand) into a
  file database with the host's schema and settings (WAL, synchronous=FULL, one `BEGIN IMMEDIATE` transaction per
  batch);
- first reply: a bare Python process that reads one frame and answers it (the interpreter's start-up floor);
- week summary and feed page: the same SQL the query runs, executed directly with sqlite3 on the same file;
- re-estimate: EcoLogits' `llm_impacts`, one call per row (extrapolated from a few hundred calls).

Interaction ids are UUID version 7 (time-ordered), as the extension makes them; one more run sends random version-4
ids, as older extension versions did, whose inserts land on random pages of the key index.

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
import traceback
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


def _uuid(rng: random.Random, ts: datetime, version: int) -> str:
    """An interaction id as the extension makes it: version 7 (time-ordered, RFC 9562), or 4 as older ones did."""
    if version == 4:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    ms = int(ts.timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _item(rng: random.Random, ts: datetime, ids: int = 7) -> dict:
    uid = _uuid(rng, ts, ids)
    if rng.random() < 0.4:
        return {"id": uid, "ts": ts.isoformat(), "kind": "search", "service": rng.choice(SEARCHES),
                "prompt": {"latin": rng.randint(3, 60)}, "browser": "chromium", "page": "https://www.google.com"}
    return {"id": uid, "ts": ts.isoformat(), "kind": "chat", "service": rng.choice(CHATS),
            "modes": ["reasoning"] if rng.random() < 0.2 else [],
            "prompt": {"latin": int(rng.lognormvariate(5, 1))},
            "response": {"latin": int(rng.lognormvariate(7.5, 0.8))},
            "context": {"latin": int(rng.lognormvariate(6, 2))} if rng.random() < 0.5 else {},
            "duration_ms": rng.randint(500, 30000), "browser": "chromium", "page": "https://chatgpt.com"}  # fmt: skip


class _Host:
    def __init__(self, env: dict[str, str], argv: list[str] | None = None) -> None:
        self.proc = subprocess.Popen(argv or [str(HOST), ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=env)  # fmt: skip

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


BARE_ECHO = (
    "import json, struct, sys\n"
    "n, = struct.unpack('=I', sys.stdin.buffer.read(4)); json.loads(sys.stdin.buffer.read(n))\n"
    "out = json.dumps({'type': 'hello', 'protocol': 1}).encode()\n"
    "sys.stdout.buffer.write(struct.pack('=I', len(out)) + out); sys.stdout.buffer.flush(); sys.stdin.read()\n"
)


def first_reply(env: dict[str, str], rounds: int = 10, bare: bool = False) -> float:
    """Median seconds from spawning the host (or, with `bare`, a bare Python echo of one frame) to its hello reply."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        host = _Host(env, [sys.executable, "-c", BARE_ECHO] if bare else None)
        assert host.proc.stdin is not None
        host.proc.stdin.write(_frame({"type": "hello", "protocol": 1}))
        host.proc.stdin.flush()
        host.recv()
        times.append(time.perf_counter() - start)
        host.close()
    return sorted(times)[len(times) // 2]


def batches(batch: int, total: int, ids: int = 7) -> list[list[dict]]:
    """`total` interactions in batches of `batch`, the same for the host and its peers (seeded), with ids of UUID
    version `ids` (7 as the extension makes them; 4 as older versions did)."""
    rng = random.Random(batch)
    now = datetime.now(UTC) - timedelta(days=3)
    return [[_item(rng, now + timedelta(seconds=n * batch + k), ids) for k in range(batch)]
            for n in range(total // batch)]  # fmt: skip


def ingest(env: dict[str, str], groups: list[list[dict]]) -> float:
    """Interactions per second stored and acknowledged through one host, sending batches back to back."""
    rng = random.Random(0)
    now = datetime.now(UTC) - timedelta(days=3)
    frames = [_frame({"type": "record", "items": items}) for items in groups]
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
    total = sum(len(g) for g in groups)
    assert stored == total, stored
    return stored / elapsed


def _aw_event(item: dict) -> dict:
    data = {k: v for k, v in item.items() if k not in ("ts", "duration_ms")}
    return {"timestamp": item["ts"], "duration": (item.get("duration_ms") or 0) / 1000, "data": data}


def ingest_aw(server: object, groups: list[list[dict]]) -> float:
    """Events per second that aw-server stores, POSTing the same interactions as events in the same batches."""
    from bench.peers import AwServer

    assert isinstance(server, AwServer)
    bucket = f"wattprint-bench-{len(groups[0])}"
    status, body = server.request("POST", f"/api/0/buckets/{bucket}",
                                  {"client": "wattprint-bench", "type": "wattprint.interaction", "hostname": "bench"})
    if status not in (200, 304):
        raise RuntimeError(f"aw-server refused the bucket: {status} {body[:200]!r}")
    conn = server.connection()
    bodies = [[_aw_event(item) for item in items] for items in groups]
    # Warm up once, outside the timing (as for the host).
    server.request("POST", f"/api/0/buckets/{bucket}/events", [_aw_event(groups[0][0])], conn)
    start = time.perf_counter()
    for events in bodies:
        status, body = server.request("POST", f"/api/0/buckets/{bucket}/events", events, conn)
        if status != 200:
            raise RuntimeError(f"aw-server answered {status}: {body[:200]!r}")
    elapsed = time.perf_counter() - start
    status, body = server.request("GET", f"/api/0/buckets/{bucket}/events/count", None, conn)
    conn.close()
    total = sum(len(g) for g in groups)
    assert int(json.loads(body)) == total + 1, body  # every event stored (and the warm-up one)
    return total / elapsed


def ingest_sqlite(path: Path, groups: list[list[dict]]) -> float:
    """Rows per second of plain sqlite3 `executemany`: the host's rows (estimated before the timing), schema and
    settings (WAL, synchronous=FULL), one `BEGIN IMMEDIATE` ... `COMMIT` per batch, on a file database."""
    import sqlite3

    from wattprint.core.model.estimator import Estimator
    from wattprint.core.model.modeldata import load
    from wattprint.core.pipe import protocol
    from wattprint.core.store import history, migrations

    estimates = history.Estimates(Estimator(load()))
    row_groups = []
    for items in groups:
        checked = [protocol.check_item(n, item) for n, item in enumerate(items)]
        row_groups.append(estimates.rows(c for c in checked if not isinstance(c, protocol.Rejection)))
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    migrations.migrate(conn)
    sql = f"INSERT OR IGNORE INTO interactions ({', '.join(history.COLUMNS)}) VALUES " \
          f"({', '.join('?' * len(history.COLUMNS))})"  # fmt: skip
    start = time.perf_counter()
    for rows in row_groups:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    stored = conn.execute("SELECT count(*) FROM interactions").fetchone()[0]
    conn.close()
    total = sum(len(g) for g in groups)
    assert stored == total, stored
    return total / elapsed


def build_history(path: Path, rows: int) -> None:
    """A history of `rows` interactions over about three years, with placeholder estimates of an old version."""
    from wattprint.core.store import history

    rng = random.Random(1)
    db = history.open_db(path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    step = 3 * 365 * 86400 / rows
    received = history.now_text()
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
                      "chromium", "https://chatgpt.com", *estimate, received, None, 0))  # fmt: skip
        if len(chunk) == 50_000:
            with history.transaction(db) as conn:
                history.insert_rows(conn, chunk)
            chunk = []
    with history.transaction(db) as conn:
        history.insert_rows(conn, chunk)
    db.conn.close()


WEEKS = [date(2025, 6, 4) + timedelta(days=offset) for offset in range(0, 70, 7)]


def week_summary(path: Path) -> float:
    """Best seconds for a week summary (a cold first call included in the rounds)."""
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history, queries

    db = history.open_db(path)
    data = load()
    best = float("inf")
    for day in WEEKS:
        start = time.perf_counter()
        result = queries.week_summary(db, data, day)
        best = min(best, time.perf_counter() - start)
        assert result["count"] > 0
    db.conn.close()
    return best


def week_summary_sql(path: Path) -> float:
    """Best seconds for the same aggregation in bare SQL: the rollup query the summary runs, for the week and the
    week before, straight from sqlite3 on the same file."""
    import sqlite3

    from wattprint.core.store import queries

    sums = ", ".join(f"sum({c})" for c in queries._RANGE_COLUMNS)
    sql = f"SELECT day, service, ai, sum(count), {sums} FROM daily WHERE day BETWEEN ? AND ? GROUP BY day, service, ai"
    conn = sqlite3.connect(str(path))
    best = float("inf")
    for day in WEEKS:
        monday = day - timedelta(days=day.weekday())
        start = time.perf_counter()
        rows = conn.execute(sql, (monday.isoformat(), (monday + timedelta(days=6)).isoformat())).fetchall()
        before = monday - timedelta(days=7)
        conn.execute(sql, (before.isoformat(), (before + timedelta(days=6)).isoformat())).fetchall()
        best = min(best, time.perf_counter() - start)
        assert rows
    conn.close()
    return best


def feed_page(path: Path, rounds: int = 20) -> float:
    """Best seconds for the feed's first page (50 rows, newest first, as dictionaries with their estimates)."""
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history, queries

    db = history.open_db(path)
    data = load()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        page = queries.feed(db, data, limit=50)
        best = min(best, time.perf_counter() - start)
        assert len(page.items) == 50
    db.conn.close()
    return best


def feed_page_sql(path: Path, rounds: int = 20) -> float:
    """Best seconds for the same page query in bare SQL (51 rows, to know whether a next page exists), fetched."""
    import sqlite3

    from wattprint.core.store import history

    sql = f"SELECT {', '.join(history.COLUMNS)} FROM interactions ORDER BY ts DESC, id DESC LIMIT ?"
    conn = sqlite3.connect(str(path))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        rows = conn.execute(sql, (51,)).fetchall()
        best = min(best, time.perf_counter() - start)
        assert len(rows) == 51
    conn.close()
    return best


def reestimate_all(path: Path, workers: int) -> float:
    """Seconds to re-estimate every row of the history."""
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history, reestimate

    db = history.open_db(path)
    estimator = Estimator(load())
    start = time.perf_counter()
    done = reestimate.reestimate(db, estimator, workers=workers)
    elapsed = time.perf_counter() - start
    assert done == history.count(db), done
    db.conn.close()
    return elapsed


def _row(name: str, value: float, unit: str, target: object, peer: str | None, peer_value: float | None,
         better: str = "lower", note: str | None = None) -> dict[str, object]:  # fmt: skip
    row: dict[str, object] = {"name": name, "value": value, "unit": unit, "target": target, "peer": peer,
                              "peer_value": peer_value, "better": better}  # fmt: skip
    if note:
        row["note"] = note
    return row


def _aw_rates(groups_1: list[list[dict]], groups_100: list[list[dict]]) -> tuple[float | None, float | None, str]:
    """aw-server's events per second for both batch sizes, or None and the reason it could not be measured."""
    from bench.peers import AwServer, PeerUnavailableError

    try:
        with AwServer() as server:
            return ingest_aw(server, groups_1), ingest_aw(server, groups_100), ""
    except Exception as error:  # any failure of the peer is reported in its rows, never fatal
        print(f"aw-server peer unavailable: {error}", file=sys.stderr)
        if not isinstance(error, PeerUnavailableError):
            traceback.print_exc()
        return None, None, f"aw-server not measured: {error}"[:400]


def _failed(name: str, unit: str, error: BaseException) -> dict[str, object]:
    traceback.print_exc()
    return {"name": name, "value": None, "unit": unit, "target": None, "peer": None, "peer_value": None,
            "note": f"failed: {type(error).__name__}: {error}"[:400]}  # fmt: skip


def run(rows: int = 1_000_000) -> list[dict[str, object]]:
    """Returns benchmark rows {name, value, unit, target, peer, peer_value, better}; a measurement that fails gives a
    row with value null and the error, and the others still run."""
    from bench.model import ecologits_per_call

    work = Path(tempfile.mkdtemp(prefix="wattprint-bench-"))
    results: list[dict[str, object]] = []
    try:
        env = {**os.environ, "WATTPRINT_DATA_DIR": str(work / "data")}
        name = "host first reply after spawn"
        try:
            results.append(_row(name, round(first_reply(env) * 1000, 1), "ms", 300,
                                "bare Python process answering one frame",
                                round(first_reply(env, bare=True) * 1000, 1)))  # fmt: skip
        except Exception as error:
            results.append(_failed(name, "ms", error))
        groups = {1: batches(1, 2_000), 100: batches(100, 30_000)}
        aw_1, aw_100, why = _aw_rates(groups[1], groups[100])
        aw_value = {1: aw_1, 100: aw_100}
        aw_name = "aw-server 0.12.0 POST /api/0/buckets/<id>/events, 127.0.0.1 keep-alive"
        raw_name = "sqlite3 executemany, same rows and schema, WAL + synchronous=FULL, 1 txn per batch"
        for size, total in ((1, 2_000), (100, 30_000)):
            target = 20000 if size == 100 else "-"
            try:
                host_rate = round(ingest(env, groups[size]))
            except Exception as error:
                results.append(_failed(f"ingest through host, batches of {size}", "items/s", error))
                continue
            aw_rate = round(aw_value[size]) if aw_value[size] else None
            results.append(_row(f"ingest through host, batches of {size} (vs aw-server)", host_rate, "items/s",
                                target, f"{aw_name} ({total:,} events)", aw_rate, "higher", why or None))  # fmt: skip
            try:
                raw_rate: float | None = round(ingest_sqlite(work / f"raw-{size}.db", groups[size]))
                note = None
            except Exception as error:
                traceback.print_exc()
                raw_rate, note = None, f"raw SQLite not measured: {error}"
            results.append(_row(f"ingest through host, batches of {size} (vs raw SQLite)", host_rate, "items/s",
                                target, f"{raw_name} ({total:,} rows)", raw_rate, "higher", note))  # fmt: skip
        name = "ingest through host, batches of 100, random (version-4) ids as older extensions sent"
        try:
            v4 = batches(100, 30_000, ids=4)
            env_v4 = {**env, "WATTPRINT_DATA_DIR": str(work / "data-v4")}
            results.append(_row(name, round(ingest(env_v4, v4)), "items/s", "-", f"{raw_name} (30,000 rows)",
                                round(ingest_sqlite(work / "raw-v4.db", v4)), "higher"))  # fmt: skip
        except Exception as error:
            results.append(_failed(name, "items/s", error))
        path = work / "big.db"
        print(f"building a {rows:,}-row history ...", file=sys.stderr, flush=True)
        build_history(path, rows)
        name = f"week summary over {rows:,} rows"
        try:
            results.append(_row(name, round(week_summary(path) * 1000, 3), "ms", 100,
                                "bare SQL: the same rollup query (week + week before) via sqlite3, same file",
                                round(week_summary_sql(path) * 1000, 3)))  # fmt: skip
        except Exception as error:
            results.append(_failed(name, "ms", error))
        name = f"feed first page (50 rows) over {rows:,} rows"
        try:
            results.append(_row(name, round(feed_page(path) * 1000, 3), "ms", "-",
                                "bare SQL: the same keyset page query via sqlite3, same file, rows fetched",
                                round(feed_page_sql(path) * 1000, 3)))  # fmt: skip
        except Exception as error:
            results.append(_failed(name, "ms", error))
        copy = work / "big-copy.db"
        shutil.copy(path, copy)
        per_call, calls = ecologits_per_call()
        ecologits = round(per_call * rows, 1)
        peer = f"EcoLogits llm_impacts x {rows:,} (extrapolated from {calls} calls)"
        for workers, db in ((1, path), (2, copy)):
            name = f"re-estimate {rows:,} rows, {workers} process{'es' if workers > 1 else ''}"
            try:
                results.append(_row(name, round(reestimate_all(db, workers), 2), "s", 10, peer, ecologits))
            except Exception as error:
                results.append(_failed(name, "s", error))
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    """Prints the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    for row in run(args.rows):
        print(f"{row['name']:<52} {row['value']:>12} {row['unit']:<8} peer {row['peer_value']} ({row['peer']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
