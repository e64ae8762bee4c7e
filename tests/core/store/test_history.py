"""The history store: idempotent writes, the rollup, queries, settings, migrations, damaged files, re-estimation."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_item
from wattprint.core import paths
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction
from wattprint.core.store import history, migrations, queries, reestimate, settings


def _store(db, estimator, items):
    estimates = history.Estimates(estimator)
    return history.store(db, estimates.rows([Interaction.model_validate(i) for i in items]))


def _row_sums(db, start: str, end: str):
    return db.conn.execute(
        "SELECT count(*), coalesce(sum(energy_low), 0), coalesce(sum(energy_central), 0),"
        " coalesce(sum(energy_high), 0), coalesce(sum(water_central), 0) FROM interactions WHERE day BETWEEN ? AND ?",
        (start, end),
    ).fetchone()


def test_store_is_idempotent(history_db, estimator):
    items = [make_item() for _ in range(5)]
    first = _store(history_db, estimator, items)
    assert len(first.stored) == 5
    assert not first.duplicate
    again = _store(history_db, estimator, [*items, items[0]])
    assert not again.stored
    assert len(again.duplicate) == 6
    assert history.count(history_db) == 5


def test_repeated_id_in_one_batch_is_stored_once(history_db, estimator):
    item = make_item()
    result = _store(history_db, estimator, [item, item])
    assert result.stored == [item["id"]]
    assert result.duplicate == [item["id"]]
    assert history.count(history_db) == 1


def _rollup_matches_rows(db) -> None:
    """The `daily` rollup holds exactly the sums of the stored rows, group by group."""
    ai = migrations.AI_EXPR.format(p="interactions")
    from_rows = db.conn.execute(
        f"SELECT day, service, kind, {ai}, count(*), round(sum(energy_central), 9), round(sum(water_high), 9)"
        f" FROM interactions GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
    ).fetchall()
    rollup = db.conn.execute(
        "SELECT day, service, kind, ai, count, round(energy_central, 9), round(water_high, 9) FROM daily"
        " WHERE count != 0 ORDER BY 1, 2, 3, 4"
    ).fetchall()
    assert rollup == from_rows


def test_stored_and_duplicate_ids_and_the_rollup_in_a_mixed_batch(history_db, estimator):
    old = [make_item(service="claude"), make_item(kind="search", service="google", prompt={"latin": 9})]
    _store(history_db, estimator, old)
    fresh = [make_item(service="chatgpt"), make_item(kind="search", service="bing", modes=["ai_overview"])]
    batch = [fresh[0], old[1], fresh[1], fresh[0], old[0]]
    result = _store(history_db, estimator, batch)
    assert result.stored == [fresh[0]["id"], fresh[1]["id"]]
    assert result.duplicate == [old[1]["id"], fresh[0]["id"], old[0]["id"]]
    assert history.count(history_db) == 4
    _rollup_matches_rows(history_db)
    again = _store(history_db, estimator, batch)
    assert not again.stored
    _rollup_matches_rows(history_db)


def test_rows_reach_the_rollup_once_per_batch_not_by_trigger(history_db, estimator):
    triggers = {r[0] for r in history_db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {"daily_delete"}
    items = [make_item(ts=f"2026-11-{day:02d}T10:00:00Z", service=s) for day in (2, 3) for s in ("claude", "qwen")]
    for start in range(0, len(items), 3):
        _store(history_db, estimator, items[start : start + 3])
    _rollup_matches_rows(history_db)
    history_db.conn.execute("DELETE FROM interactions WHERE service = 'qwen'")
    _rollup_matches_rows(history_db)


def test_counts_json_is_compact_json_of_the_non_zero_counts():
    import json
    import random

    from wattprint.core.schemas import SCRIPT_CLASSES, ScriptCounts

    rng = random.Random(3)
    for _ in range(300):
        counts = {name: rng.choice([0, 0, rng.randint(1, 10**7)]) for name in SCRIPT_CLASSES}
        expected = json.dumps({k: v for k, v in counts.items() if v}, separators=(",", ":"))
        assert history.counts_json(ScriptCounts(**counts)) == expected
    assert history.counts_json(ScriptCounts()) == "{}"


def test_utc_text_and_local_day_match_the_slow_forms(monkeypatch):
    import time

    moments = [datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC) + timedelta(minutes=m) for m in range(0, 180, 7)]
    moments += [datetime(2026, 10, 25, 0, 30, tzinfo=UTC) + timedelta(seconds=s) for s in range(0, 7200, 599)]
    moments += [m.astimezone(tz) for m in moments[:5] for tz in (UTC, datetime(2026, 1, 1).astimezone().tzinfo)]
    for zone in ("Europe/Berlin", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "UTC"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        try:
            offset = datetime(2026, 1, 1, tzinfo=UTC).astimezone().utcoffset()
            assert (offset == timedelta(0)) == (zone == "UTC"), f"no time zone data for {zone}"
            for moment in moments:
                assert history.local_day(moment) == moment.astimezone().date().isoformat(), (zone, moment)
                assert history.utc_text(moment) == moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        finally:
            monkeypatch.undo()
            time.tzset()


def test_row_keeps_inputs_and_estimate(history_db, estimator):
    item = make_item(modes=["reasoning"], prompt={"latin": 10, "cjk": 5}, duration_ms=1200, prompt_tokens=40)
    _store(history_db, estimator, [item])
    row = queries.feed(history_db, load()).items[0]
    assert row["id"] == item["id"]
    assert row["modes"] == ["reasoning"]
    assert row["prompt"] == {"latin": 10, "cjk": 5}
    assert row["prompt_tokens"] == 40
    assert row["duration_ms"] == 1200
    expected = estimator.estimate(Interaction.model_validate(item))
    assert row["estimate"]["energy_wh"] == pytest.approx(expected.energy_wh.model_dump())
    assert row["estimate"]["model_version"] == load().version
    assert row["estimate"]["warnings"] == expected.warnings


def test_unknown_service_gets_generic_estimate_with_warning(history_db, estimator):
    _store(history_db, estimator, [make_item(service="newbot")])
    row = queries.feed(history_db, load()).items[0]
    assert any("unknown service" in w for w in row["estimate"]["warnings"])
    assert row["estimate"]["energy_wh"]["central"] > 0


def test_files_are_private(history_db, data_dir):
    path = paths.history_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    demo = paths.profile_dir("demo")
    assert stat.S_IMODE(demo.stat().st_mode) == 0o700
    assert stat.S_IMODE(demo.parent.stat().st_mode) == 0o700


def test_profiles_are_separate(estimator, monkeypatch):
    default = history.open_db()
    _store(default, estimator, [make_item()])
    monkeypatch.setenv("WATTPRINT_PROFILE", "demo")
    demo = history.open_db()
    assert history.count(demo) == 0
    assert paths.history_path() == paths.data_dir() / "profiles" / "demo" / "history.db"


@pytest.mark.parametrize("name", ["", "Demo", "a/b", "x" * 33, "..", "démo"])
def test_bad_profile_names(name):
    with pytest.raises(paths.ProfileError):
        paths.check_profile(name)


def test_socket_path_falls_back_when_too_long(monkeypatch, tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(deep))
    path = paths.socket_path()
    assert len(str(path).encode()) <= paths.SUN_PATH_MAX
    assert path == paths.socket_path()  # stable, so host and app agree
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(tmp_path / "short"))
    assert paths.socket_path() == tmp_path / "short" / "wattprint-default.sock"


# -- queries ---------------------------------------------------------------------------------------------------------


def _spread(history_db, estimator, days: int = 21):
    base = datetime(2026, 11, 2, 12, tzinfo=UTC)  # a Monday
    items = []
    for n in range(days * 3):
        ts = base + timedelta(hours=8 * n)
        kind = "search" if n % 3 == 0 else "chat"
        service = "google" if kind == "search" else ("claude" if n % 2 else "chatgpt")
        modes = ["ai_overview"] if (kind == "search" and n % 2) else []
        items.append(make_item(ts=ts.isoformat(), kind=kind, service=service, modes=modes, response={"latin": 50 * n}))
    _store(history_db, estimator, items)
    return items


def test_week_summary_equals_sums_of_rows(history_db, estimator):
    _spread(history_db, estimator)
    result = queries.week_summary(history_db, load(), date(2026, 11, 12))
    assert (result["start"], result["end"]) == ("2026-11-09", "2026-11-15")
    count, low, central, high, water = _row_sums(history_db, "2026-11-09", "2026-11-15")
    assert result["count"] == count
    assert result["energy_wh"]["low"] == pytest.approx(low)
    assert result["energy_wh"]["central"] == pytest.approx(central)
    assert result["energy_wh"]["high"] == pytest.approx(high)
    assert result["water_ml"]["central"] == pytest.approx(water)
    assert sum(s["count"] for s in result["services"]) == count
    assert sum(d["count"] for d in result["days"]) == count
    assert len(result["days"]) == 7
    ai = history_db.conn.execute(
        "SELECT count(*) FROM interactions WHERE day BETWEEN '2026-11-09' AND '2026-11-15'"
        " AND (kind != 'search' OR modes LIKE '%ai_overview%')"
    ).fetchone()[0]
    assert result["ai_count"] == ai
    assert result["search_count"] == count - ai
    prev_count = _row_sums(history_db, "2026-11-02", "2026-11-08")[0]
    assert result["previous"]["count"] == prev_count
    assert result["equivalent"] is not None


def test_week_can_start_on_sunday(history_db, estimator):
    result = queries.week_summary(history_db, load(), date(2026, 11, 12), first_weekday=6)
    assert (result["start"], result["end"]) == ("2026-11-08", "2026-11-14")
    with pytest.raises(ValueError, match="first_weekday"):
        queries.week_start(date(2026, 11, 12), 7)


def test_day_summary_of_empty_day(history_db):
    result = queries.day_summary(history_db, load(), date(2026, 1, 1))
    assert result["count"] == 0
    assert result["equivalent"] is None
    assert result["change"] == {"count": None, "energy_wh": None}


def test_feed_pages_without_gaps_or_repeats(history_db, estimator):
    items = _spread(history_db, estimator, days=10)
    seen = []
    cursor = None
    while True:
        page = queries.feed(history_db, load(), limit=7, after=cursor)
        seen.extend(i["id"] for i in page.items)
        if page.next is None:
            break
        cursor = page.next
    assert sorted(seen) == sorted(i["id"] for i in items)
    assert len(seen) == len(set(seen))
    times = [i["ts"] for i in queries.feed(history_db, load(), limit=1000).items]
    assert times == sorted(times, reverse=True)


def test_feed_filters(history_db, estimator):
    _spread(history_db, estimator, days=10)
    page = queries.feed(history_db, load(), limit=1000, service="google", since=date(2026, 11, 5))
    assert page.items
    assert all(i["service"] == "google" and i["day"] >= "2026-11-05" for i in page.items)
    page = queries.feed(history_db, load(), limit=1000, kind="search", until=date(2026, 11, 3))
    assert all(i["kind"] == "search" and i["day"] <= "2026-11-03" for i in page.items)
    assert queries.date_range(history_db) is not None


def test_settings_round_trip(history_db):
    assert settings.read(history_db) == settings.Settings()
    until = datetime(2030, 1, 1, tzinfo=UTC)
    settings.write(history_db, paused_until=until, excluded_sites=["claude", "claude"])
    stored = settings.read(history_db)
    assert stored.paused_until == until
    assert stored.excluded_sites == ("claude",)
    assert settings.is_paused(stored)
    assert stored.to_message() == {
        "paused_until": "2030-01-01T00:00:00Z",
        "excluded_sites": ["claude"],
        "private_windows": False,
    }
    with pytest.raises(ValueError, match="service id"):
        settings.write(history_db, excluded_sites=["Not A Site"])
    assert settings.read(history_db).excluded_sites == ("claude",)


def test_adapter_health(history_db):
    history.record_health(history_db, [{"service": "claude", "ok": False, "since": None, "detail": "x"}], "firefox")
    history.record_health(history_db, [{"service": "claude", "ok": True, "since": None, "detail": None}], "firefox")
    health = history.adapter_health(history_db)
    assert len(health) == 1
    assert health[0]["ok"] is True


# -- migrations, damage ----------------------------------------------------------------------------------------------

V1_SCHEMA = Path(__file__).with_name("history_v1.sql")


def test_version_1_database_is_upgraded_with_nothing_lost(data_dir, estimator):
    path = paths.history_path()
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA.read_text())
    conn.close()
    db = history.open_db(path)
    assert migrations.version(db.conn) == migrations.LATEST
    assert history.count(db) == 3
    # The rollup was backfilled from the old rows.
    result = queries.summary(db, load(), date(2026, 11, 1), date(2026, 11, 30), previous=False)
    assert result["count"] == 3
    assert result["energy_wh"]["central"] == pytest.approx(0.3 + 0.5 + 0.03)
    assert result["search_count"] == 1
    assert settings.read(db).excluded_sites == ("claude",)
    # And it takes new rows.
    _store(db, estimator, [make_item()])
    assert history.count(db) == 4


def test_version_2_database_is_upgraded_with_its_rollup_intact(data_dir, estimator):
    path = paths.history_path()
    conn = history.connect(path)
    for step, migration in enumerate(migrations.MIGRATIONS[:2], start=1):  # the schema as version 2 left it
        migration(conn)
        conn.execute(f"PRAGMA user_version = {step}")
    items = [make_item(service=s, ts=f"2026-11-{d:02d}T09:00:00Z") for s in ("claude", "gemini") for d in (3, 4)]
    rows = history.Estimates(estimator).rows([Interaction.model_validate(i) for i in items])
    v2_columns = history.COLUMNS[: history.COLUMNS.index("received") + 1]  # `source` came with version 4
    v2_insert = f"INSERT INTO interactions ({', '.join(v2_columns)}) VALUES ({', '.join('?' * len(v2_columns))})"
    conn.executemany(v2_insert, [row[: len(v2_columns)] for row in rows])  # through version 2's per-row trigger
    conn.close()
    db = history.open_db(path)
    assert migrations.version(db.conn) == migrations.LATEST
    assert history.count(db) == 4
    _rollup_matches_rows(db)
    result = _store(db, estimator, [make_item(service="claude", ts="2026-11-04T10:00:00Z"), items[0]])
    assert len(result.stored) == 1
    assert result.duplicate == [items[0]["id"]]
    _rollup_matches_rows(db)
    assert db.conn.execute("SELECT sum(count) FROM daily WHERE service = 'claude'").fetchone() == (3,)


def test_newer_schema_is_refused_and_left_alone(data_dir):
    path = paths.history_path()
    history.open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(history.StorageError, match="newer Wattprint"):
        history.open_db(path)


def test_damaged_database_is_kept_and_replaced_only_on_repair(data_dir):
    path = paths.history_path()
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(history.CorruptDatabaseError, match="doctor --repair"):
        history.open_db(path)
    assert path.read_bytes().startswith(b"this is not sqlite")
    db = history.open_db(path, repair=True)
    assert history.count(db) == 0
    kept = list(path.parent.glob("history.db.broken-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not sqlite")


# -- re-estimation ---------------------------------------------------------------------------------------------------


def test_reestimate_updates_old_rows_and_rollup(history_db, estimator):
    items = _spread(history_db, estimator, days=7)
    fresh = history_db.conn.execute("SELECT id, energy_central FROM interactions ORDER BY id").fetchall()
    history_db.conn.execute("UPDATE interactions SET energy_central = energy_central * 3, model_version = 'old'")
    reestimate.rebuild_rollup(history_db)
    assert reestimate.outdated(history_db, load().version) == len(items)
    done = reestimate.reestimate(history_db, estimator, chunk=5)
    assert done == len(items)
    assert reestimate.outdated(history_db, load().version) == 0
    again = history_db.conn.execute("SELECT id, energy_central FROM interactions ORDER BY id").fetchall()
    assert [r[0] for r in again] == [r[0] for r in fresh]
    assert [r[1] for r in again] == pytest.approx([r[1] for r in fresh])
    rollup = history_db.conn.execute("SELECT sum(energy_central), sum(count) FROM daily").fetchone()
    rows = history_db.conn.execute("SELECT sum(energy_central), count(*) FROM interactions").fetchone()
    assert rollup[0] == pytest.approx(rows[0])
    assert rollup[1] == rows[1]
    assert reestimate.reestimate(history_db, estimator) == 0


def test_rows_from_before_the_unconfirmed_column_read_as_confirmed(history_db, estimator) -> None:
    """Version 5 adds `unconfirmed`; rows stored before it made no such check and read as 0 (confirmed)."""
    from wattprint.core.store import migrations as mig

    _store(history_db, estimator, [make_item(source="traffic")])
    conn = history_db.conn
    conn.execute("DROP INDEX interactions_model")  # the table as version 4 left it
    conn.execute("ALTER TABLE interactions DROP COLUMN unconfirmed")
    conn.execute("PRAGMA user_version = 4")
    assert mig.migrate(conn) == [5, 6]
    assert conn.execute("SELECT unconfirmed, source FROM interactions").fetchall() == [(0, "traffic")]


def test_the_feed_totals_from_the_rollup_match_the_rows(history_db, estimator) -> None:
    """Without a model or a search the feed's totals come from the per-day rollup: the same as summing the rows."""
    from wattprint.core.store import queries

    _spread(history_db, estimator, days=10)
    days = sorted(r[0] for r in history_db.conn.execute("SELECT DISTINCT day FROM interactions"))
    cases = [{}, {"service": "claude"}, {"kind": "search"}, {"since": date.fromisoformat(days[2])},
             {"since": date.fromisoformat(days[1]), "until": date.fromisoformat(days[-2]), "kind": "chat"}]
    for filters in cases:
        fast = queries.feed_totals(history_db, **filters)
        where, params = queries._filters(filters.get("since"), filters.get("until"), filters.get("service"),
                                         filters.get("kind"))
        sums = ", ".join(f"coalesce(sum({c}), 0)" for c in queries._RANGE_COLUMNS)
        row = history_db.conn.execute(f"SELECT count(*), {sums} FROM interactions"
                                      + (" WHERE " + " AND ".join(where) if where else ""), params).fetchone()
        assert fast["count"] == row[0], filters
        assert fast["energy_wh"]["central"] == pytest.approx(row[2]), filters
        assert fast["water_ml"]["high"] == pytest.approx(row[9]), filters
    assert queries.feed_totals(history_db)["count"] > 0
