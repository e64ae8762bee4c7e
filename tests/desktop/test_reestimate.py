"""When the model data changes, the app re-estimates the stored history in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import settle
from wattprint.core import history, reestimate
from wattprint.core.modeldata import load
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
