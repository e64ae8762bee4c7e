"""Weekly trends, day splits, sentences, preferences, retention, archive and browser connections."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from wattprint.core.insight import demo, trend, weektext
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.pipe import browsers
from wattprint.core.store import archive, history, preferences, queries, retention

NOW = datetime(2026, 11, 20, 18, 0).astimezone()
TODAY = NOW.date()


@pytest.fixture
def db() -> Database:
    store = history.open_db()
    demo.generate(store, days=35, seed=5, now=NOW)
    return store


def test_weeks_add_up_to_the_summaries(db: Database) -> None:
    weeks = trend.weeks(db, TODAY, 12)
    assert len(weeks) == 12
    assert weeks[-1].start == queries.week_start(TODAY)
    assert [w.start for w in weeks] == sorted(w.start for w in weeks)
    for week in weeks[-5:]:
        summary = queries.week_summary(db, load(), week.start)
        assert week.count == summary["count"]
        assert week.energy[1] == pytest.approx(summary["energy_wh"]["central"])
    assert weeks[0].count == 0
    with pytest.raises(ValueError, match="count"):
        trend.weeks(db, TODAY, 0)


def test_days_split_ai_from_search(db: Database) -> None:
    start = queries.week_start(TODAY)
    days = trend.days(db, start)
    summary = queries.week_summary(db, load(), TODAY)
    assert len(days) == 7
    assert sum(d.ai_count for d in days) == summary["ai_count"]
    assert sum(d.search_count for d in days) == summary["search_count"]
    assert sum(d.ai_wh + d.search_wh for d in days) == pytest.approx(summary["energy_wh"]["central"])


def test_sentences_name_an_everyday_equivalent(db: Database) -> None:
    summary = queries.week_summary(db, load(), TODAY)
    lines = weektext.sentences(summary, trend.days(db, queries.week_start(TODAY)), load(), region="FR")
    assert lines[0].startswith("This week your AI use")
    assert any(line.startswith("In all, about the same energy as ") for line in lines)  # the CLI's equivalent
    assert any("France" in line for line in lines)
    empty = queries.week_summary(db, load(), TODAY + timedelta(days=70))
    assert weektext.sentences(empty, [], load()) == ["Nothing recorded this week yet."]


def test_preferences_round_trip_and_weekly_due(db: Database) -> None:
    assert preferences.read(db) == preferences.Preferences()
    prefs = preferences.write(db, region="GB", weekly_notification=True)
    assert preferences.read(db).region == "GB"
    week = queries.week_start(TODAY)
    assert preferences.weekly_due(prefs, week)
    prefs = preferences.write(db, last_notified_week=week.isoformat())
    assert not preferences.weekly_due(prefs, week)
    with pytest.raises(ValueError, match="zone"):
        preferences.write(db, zone="france")


def test_retention_and_delete_all(db: Database) -> None:
    before = history.count(db)
    deleted = retention.apply_retention(db, 7, today=TODAY)
    assert 0 < deleted < before
    assert queries.date_range(db) == (TODAY - timedelta(days=6), TODAY)
    assert retention.apply_retention(db, None) == 0
    with pytest.raises(ValueError, match="positive"):
        retention.apply_retention(db, -1)
    assert retention.delete_all(db) == before - deleted
    assert queries.date_range(db) is None


def test_export_import_round_trip(db: Database) -> None:
    out = io.StringIO()
    n = archive.export(db, Estimator(load()), out)
    assert n == history.count(db)
    retention.delete_all(db)
    lines = out.getvalue().splitlines()
    lines.insert(3, "not json")
    lines.insert(5, json.dumps({"id": "x"}))
    result = archive.import_lines(db, Estimator(load()), io.StringIO("\n".join(lines)))
    assert (result.stored, result.duplicate, result.rejected) == (n, 0, [4, 6])
    assert history.count(db) == n


def test_browser_connections(tmp_path: Path) -> None:
    found = browsers.connections(home=tmp_path, platform="linux")
    assert {c.browser for c in found} >= {"chrome", "chromium", "firefox"}
    assert not any(c.registered for c in found)
    firefox = next(c for c in found if c.browser == "firefox")
    firefox.manifest.parent.mkdir(parents=True)
    firefox.manifest.write_text("{}")
    firefox = next(c for c in browsers.connections(home=tmp_path, platform="linux") if c.browser == "firefox")
    assert firefox.registered
    assert not firefox.ok
    assert firefox.problems
    mac = browsers.connections(home=tmp_path, platform="darwin")
    assert "Library" in str(mac[0].manifest)
