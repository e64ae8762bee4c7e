"""Demo history: realistic, reproducible, stored through the normal path, only in the demo profile."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from wattprint.core import paths
from wattprint.core.cli import main
from wattprint.core.insight import demo
from wattprint.core.store import history

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


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_history_stays_within_its_documented_bounds(seed: int) -> None:
    """The bounds listed in core/insight/demo.py's docstring, over eight weeks."""
    import statistics

    items = demo.interactions(56, seed=seed, now=NOW)
    per_day = Counter(i.ts.date() for i in items)
    full_days = [day for day in per_day if day != NOW.date()]
    assert all(12 <= per_day[day] <= 40 for day in full_days if day.weekday() < 5)
    assert all(6 <= per_day[day] <= 20 for day in full_days if day.weekday() >= 5)
    searches = [i for i in items if i.kind.value == "search"]
    assert 0.20 <= len(searches) / len(items) <= 0.45
    assert 0.15 <= sum(1 for i in searches if i.modes) / len(searches) <= 0.50
    chats = [i for i in items if i.kind.value == "chat"]
    assert 200 <= statistics.median(i.prompt.latin for i in chats) <= 500
    assert 1500 <= statistics.median(i.response.latin for i in chats) <= 3000
    hours = Counter(i.ts.hour for i in items)
    assert sum(hours[h] for h in range(0, 6)) / len(items) < 0.05
    assert 0.55 <= sum(hours[h] for h in range(9, 18)) / len(items) <= 0.85
    assert 0.005 <= sum(1 for i in items if i.kind.value == "image") / len(items) <= 0.05
    assert 0.05 <= sum(1 for i in chats if "reasoning" in {m.value for m in i.modes}) / len(chats) <= 0.20
    assert {i.service for i in items} == {name for name, _ in demo.SERVICES}


def test_profile_flag_reaches_other_commands(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--days", "2"]) == 0
    capsys.readouterr()
    assert main(["--profile", "demo", "summary", "--week", "--json"]) == 0
    assert '"count"' in capsys.readouterr().out
    assert not (data_dir / "history.db").exists()


@pytest.mark.parametrize("hour", [8, 9, 14, 22])
def test_today_runs_up_to_the_current_hour(hour: int) -> None:
    """A morning class sees today's queries, the last one in the current hour, none in the future (issue 16)."""
    now = datetime(2026, 11, 23, hour, 10).astimezone()
    items = demo.interactions(3, seed=1, now=now)
    today = [i for i in items if i.ts.astimezone().date() == now.date()]
    assert len(today) >= demo.TODAY_AT_LEAST
    assert max(i.ts for i in items) <= now
    assert max(i.ts for i in items).astimezone().hour == hour


def test_ten_years_start_at_the_earliest_day_the_history_keeps() -> None:
    now = datetime(2026, 11, 23, 12).astimezone()
    assert demo.first_day(3650, now) == date(2020, 1, 2)
    assert demo.first_day(7, now) == date(2026, 11, 17)
