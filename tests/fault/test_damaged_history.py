"""A damaged history.db: the real host refuses to acknowledge into it (error 9), and `doctor --repair` saves it.

Issue 15, finding 2: after 8 KiB of noise mid-file the host kept acknowledging records into the damaged file, and
`wattprint doctor --repair` reported "malformed" and exited 1 without setting the file aside.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_item
from tests.core.pipe.conftest import HostProcess, stores_one_item
from wattprint.core import paths
from wattprint.core.store import recover

ROWS = 5000
WATTPRINT = Path(sys.executable).with_name("wattprint")


def _fill(count: int) -> list[str]:
    host = HostProcess()
    ids = []
    try:
        for start in range(0, count, 500):
            items = [make_item(prompt={"latin": start + n + 1}) for n in range(500)]
            reply = host.ask({"type": "record", "items": items})
            assert len(reply["stored"]) == 500
            ids.extend(item["id"] for item in items)
    finally:
        host.close()
    return ids


def _damage(path: Path, where: float, seed: int) -> None:
    size = path.stat().st_size
    noise = random.Random(seed).randbytes(8192)
    with open(path, "r+b") as f:
        f.seek(int(size * where) // 4096 * 4096)
        f.write(noise)


@pytest.mark.parametrize(("where", "seed"), [(0.5, 1), (0.3, 2), (0.8, 3)])
def test_damage_mid_file_gets_error_9_and_repair_keeps_a_copy_and_the_readable_rows(data_dir, where, seed):
    ids = _fill(ROWS)
    path = paths.history_path()
    _damage(path, where, seed)

    host = HostProcess()
    try:
        item = make_item()
        reply = host.ask({"type": "record", "req": "r", "items": [item]})
        assert (reply["type"], reply["code"], reply["req"]) == ("error", 9, "r")
        assert "doctor --repair" in reply["message"]
        assert host.ask({"type": "hello", "protocol": 1})["type"] == "hello"  # still answered, default settings
        assert host.ask({"type": "record", "items": [item]})["code"] == 9  # and again: never acknowledged
    finally:
        assert host.close() == 0

    done = subprocess.run([str(WATTPRINT), "doctor", "--repair"], capture_output=True, text=True, env=os.environ,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    kept = [p for p in path.parent.glob("history.db.broken-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1, sorted(p.name for p in path.parent.iterdir())
    assert "kept as" in done.stdout
    with sqlite3.connect(path) as conn:
        assert recover.damage(conn) is None
        recovered = {row[0] for row in conn.execute("SELECT id FROM interactions")}
        rollup = conn.execute("SELECT coalesce(sum(count), 0) FROM daily").fetchone()[0]
    assert recovered <= set(ids)
    assert len(recovered) >= ROWS // 2  # 8 KiB is two pages; most rows are elsewhere
    assert rollup == len(recovered)

    stores_one_item()


def test_a_file_that_is_not_a_database_gets_error_9_and_repair_starts_afresh(data_dir):
    path = paths.history_path()
    path.write_bytes(random.Random(4).randbytes(64 * 1024))
    host = HostProcess()
    try:
        assert host.ask({"type": "record", "items": [make_item()]})["code"] == 9
    finally:
        host.close()
    done = subprocess.run([str(WATTPRINT), "doctor", "--repair"], capture_output=True, text=True, env=os.environ,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p.suffix for p in path.parent.glob("history.db.broken-*")] != []


def test_repair_of_a_history_from_an_older_schema_keeps_its_rows(data_dir):
    """A history damaged before its migration to the newest schema: the columns added since read as the values rows
    from before them have (no capture source, confirmed), instead of every read failing as if it were damage."""
    ids = _fill(500)
    path = paths.history_path()
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE interactions DROP COLUMN unconfirmed")  # as version 4 left it
        conn.execute("ALTER TABLE interactions DROP COLUMN source")  # as version 3 left it
        conn.execute("PRAGMA user_version = 3")
    result = recover.repair(path)
    assert result.recovered == len(ids)
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, source, unconfirmed FROM interactions").fetchall()
    assert {r[0] for r in rows} == set(ids)
    assert {(r[1], r[2]) for r in rows} == {(None, 0)}
