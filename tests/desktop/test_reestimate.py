"""When the model data changes, the app re-estimates the stored history in the background."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import settle
from wattprint.core.model.modeldata import load
from wattprint.core.store import history, preferences, reestimate
from wattprint.desktop.mainwindow import MainWindow


def test_rows_of_older_model_data_are_reestimated_at_start(qtbot: QtBot, seeded: int, data_dir: Path) -> None:
    db = history.open_db()
    with history.transaction(db) as conn:
        conn.execute("UPDATE interactions SET model_version = '2020.01+old', energy_central = energy_central * 3")
    reestimate.rebuild_rollup(db)  # as if the rows had been stored with the older data
    stale = db.conn.execute("SELECT sum(energy_central) FROM interactions").fetchone()[0]
    db.conn.close()

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)

    db = history.open_db()
    try:
        versions = {v for (v,) in db.conn.execute("SELECT DISTINCT model_version FROM interactions")}
        fresh = db.conn.execute("SELECT sum(energy_central) FROM interactions").fetchone()[0]
        rollup = db.conn.execute("SELECT sum(energy_central) FROM daily").fetchone()[0]
    finally:
        db.conn.close()
    assert versions == {load().version}
    assert fresh == pytest.approx(stale / 3, rel=1e-6)
    assert rollup == pytest.approx(fresh, rel=1e-6)


def test_choosing_a_grid_reestimates_the_history(qtbot: QtBot, window: MainWindow) -> None:
    before = _energy_and_co2()
    window.settings_model.set_preference(zone="FRA")
    settle(qtbot, window)
    after = _energy_and_co2()
    assert after[0] == pytest.approx(before[0])  # the same energy...
    assert after[1] < before[1] / 3  # ...from a much cleaner grid
    db = history.open_db()
    try:
        versions = {v for (v,) in db.conn.execute("SELECT DISTINCT model_version FROM interactions")}
    finally:
        db.conn.close()
    assert versions == {f"{load().version}@FRA"}


def test_retention_is_applied_at_start(qtbot: QtBot, seeded: int) -> None:
    db = history.open_db()
    preferences.write(db, retention_days=7)
    db.conn.close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    db = history.open_db()
    try:
        oldest = db.conn.execute("SELECT min(day) FROM interactions").fetchone()[0]
        remaining = history.count(db)
    finally:
        db.conn.close()
    assert remaining < seeded
    assert oldest >= (date.today() - timedelta(days=7)).isoformat()


def _energy_and_co2() -> tuple[float, float]:
    db = history.open_db()
    try:
        energy, co2 = db.conn.execute("SELECT sum(energy_central), sum(co2_central) FROM interactions").fetchone()
    finally:
        db.conn.close()
    return float(energy), float(co2)
