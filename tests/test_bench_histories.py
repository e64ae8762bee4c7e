"""The histories `make bench` builds for its 1,000,000-row runs are written as the host writes rows: a bench that
builds its own rows must follow the schema, or `make bench` fails long after the schema changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import ingest
from wattprint.core.store import history


def test_the_bench_history_has_every_column_of_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "bench.db"
    ingest.build_history(path, 240)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM interactions").fetchone()[0] == 240
        names = [row[1] for row in conn.execute("PRAGMA table_info(interactions)")]
    assert set(history.COLUMNS) <= set(names)
