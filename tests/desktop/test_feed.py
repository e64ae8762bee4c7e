"""The feed: a lazy table model over keyset pages, filters, ranges in every row, live updates from other processes."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import textwrap
from datetime import date, timedelta

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot
from wattprint.core import paths
from wattprint.core.model.modeldata import load
from wattprint.core.store import history
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.models.feedmodel import ENERGY_COLUMN, ID_ROLE, PAGE, FeedModel, Filters

RANGE = re.compile(r"^[\d.,]+ k?Wh \([\d.,]+–[\d.,]+\)$")


def test_feed_model_passes_the_model_tester(qtmodeltester: ModelTester, seeded: int) -> None:
    db = history.open_db()
    model = FeedModel(db, load())
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == seeded
    # A row arriving at the top, checked by the tester as it is inserted.
    subprocess.run([sys.executable, "-c", INSERT, "11111111-2222-4333-8444-555555555555"], check=True, timeout=60)
    model.refresh()
    assert model.rowCount() == seeded + 1


def test_filtered_feed_passes_the_model_tester(qtmodeltester: ModelTester, seeded: int) -> None:
    model = FeedModel(history.open_db(), load())
    model.set_filters(Filters(service="chatgpt", kind="chat"))
    qtmodeltester.check(model, force_py=True)
    assert 0 < model.rowCount() < seeded


def test_rows_arrive_a_page_at_a_time(window: MainWindow, seeded: int) -> None:
    model = window.feed_model
    assert seeded > PAGE
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == min(2 * PAGE, seeded)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == seeded
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == seeded


def test_each_row_shows_service_model_kind_time_and_a_range(window: MainWindow) -> None:
    model = window.feed_model
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[1] in {s.name for s in window.session.data.services.values()}  # type: ignore[union-attr]
    assert RANGE.match(row[ENERGY_COLUMN]), row
    assert "CO₂e" in row[ENERGY_COLUMN + 1]
    screenshot(window, "feed")


def test_filters_by_service_kind_and_dates(qtbot: QtBot, window: MainWindow) -> None:
    view = window.feed
    view.service.setCurrentIndex(view.service.findData("google"))
    assert window.feed_model.rowCount() > 0
    names = {window.feed_model.data(window.feed_model.index(r, 1)) for r in range(window.feed_model.rowCount())}
    assert names == {"Google"}
    view.kind.setCurrentIndex(view.kind.findData("chat"))
    assert window.feed_model.rowCount() == 0
    view.service.setCurrentIndex(0)
    view.dates.setChecked(True)
    assert window.feed_model.filters.since is not None
    assert window.feed_model.filters.kind == "chat"


def test_dates_filter_limits_the_days(qtbot: QtBot, window: MainWindow) -> None:
    model = FeedModel(window.session.db, window.session.data)  # type: ignore[union-attr]
    today = date.today()
    model.set_filters(Filters(since=today - timedelta(days=1), until=today - timedelta(days=1)))
    model.fetchMore()
    assert model.rowCount() > 0
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() < 200


INSERT = textwrap.dedent(
    """
    import sys, uuid
    from datetime import datetime, timezone
    from wattprint.core.store import history
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.model.modeldata import load
    from wattprint.core.schemas import Interaction, ScriptCounts
    item = Interaction(id=uuid.UUID(sys.argv[1]), ts=datetime.now(timezone.utc), kind="chat", service="kimi",
                       prompt=ScriptCounts(latin=400), response=ScriptCounts(latin=3000))
    db = history.open_db()
    history.store(db, history.Estimates(Estimator(load())).rows([item]))
    """
)


def _ids(model: FeedModel) -> list[str]:
    return [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]


def test_a_row_added_by_another_process_appears(qtbot: QtBot, window: MainWindow) -> None:
    new_id = "7d0c5f1e-8d84-4a51-9f3e-2b1c8e1b7a01"
    subprocess.run([sys.executable, "-c", INSERT, new_id], check=True, timeout=60)
    qtbot.waitUntil(lambda: _ids(window.feed_model)[:1] == [new_id], timeout=6000)
    assert window.feed_model.data(window.feed_model.index(0, 1)) == "Kimi"


def test_the_hosts_nudge_refreshes_at_once(qtbot: QtBot, window: MainWindow) -> None:
    assert window.session.live is not None
    assert window.session.live.listening
    window.session.live.timer.stop()  # type: ignore[union-attr]
    new_id = "0a4f3c2e-1b2d-4c3e-8f5a-6b7c8d9e0f12"
    subprocess.run([sys.executable, "-c", INSERT, new_id], check=True, timeout=60)
    with qtbot.waitSignal(window.session.changed, timeout=5000) as blocker:  # type: ignore[union-attr]
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(str(paths.socket_path()))
        client.sendall(json.dumps({"type": "stored", "ids": [new_id]}).encode() + b"\n")
        client.close()
    assert blocker.args == [[new_id]]
    assert _ids(window.feed_model)[0] == new_id


def test_times_read_as_iso_without_a_locale_and_follow_a_real_one() -> None:
    from datetime import datetime

    from PySide6.QtCore import QLocale

    from wattprint.desktop import format as fmt

    ts = "2026-11-22T10:05:00.000000Z"
    local = datetime.fromisoformat("2026-11-22T10:05:00+00:00").astimezone()
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.C))
        assert fmt.local_time(ts) == local.strftime("%Y-%m-%d %H:%M")
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert fmt.local_time(ts) == local.strftime("%d.%m.%y %H:%M")
    finally:
        QLocale.setDefault(before)
