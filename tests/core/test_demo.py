"""Demo history: realistic, reproducible, stored through the normal path, only in the demo profile."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from wattprint.core import demo, history, paths
from wattprint.core.cli import main

NOW = datetime(2026, 11, 20, 18, 0).astimezone()


def test_same_seed_same_history() -> None:
    a = demo.interactions(14, seed=3, now=NOW)
    b = demo.interactions(14, seed=3, now=NOW)
    assert [i.id for i in a] == [i.id for i in b]
    assert [i.id for i in a] != [i.id for i in demo.interactions(14, seed=4, now=NOW)]


def test_history_looks_like_real_use() -> None:
    items = demo.interactions(28, seed=0, now=NOW)
    services = Counter(i.service for i in items)
    assert services.most_common(1)[0][0] == "chatgpt"
    assert services["google"] > 0
    assert services["claude"] > 0
    hours = Counter(i.ts.astimezone().hour for i in items)
    assert sum(hours[h] for h in range(9, 18)) > 3 * sum(hours[h] for h in range(0, 7))
    assert {i.kind.value for i in items} >= {"chat", "search", "image"}
    assert all(i.ts <= NOW for i in items)
    assert len({i.ts.date() for i in items}) == 28


def test_generate_stores_rows_with_estimates() -> None:
    db = history.open_db(profile="demo")
    n = demo.generate(db, days=7, seed=0, now=NOW)
    assert n == history.count(db) > 50
    assert demo.generate(db, days=7, seed=0, now=NOW) == 0  # same ids: nothing new
    low, central, high = db.conn.execute(
        "SELECT min(energy_low), avg(energy_central), max(energy_high) FROM interactions"
    ).fetchone()
    assert 0 < low < central < high
    warned = db.conn.execute("SELECT count(*) FROM interactions WHERE warnings LIKE '%not recognised%'").fetchone()
    assert warned[0] == 0


def test_days_out_of_range() -> None:
    with pytest.raises(ValueError, match="days"):
        demo.interactions(0)


def test_cli_writes_to_the_demo_profile_only(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--days", "3", "--seed", "2"]) == 0
    assert "demo" in capsys.readouterr().out
    assert paths.history_path("demo").exists()
    assert not (data_dir / "history.db").exists()
    assert main(["--profile", "other", "demo"]) == 2
    assert main(["demo", "--days", "0"]) == 2
