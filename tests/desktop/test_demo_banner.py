"""Demo mode is obvious: a banner while the demo profile is open, with the way back (issue 16, item 16)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.desktop.conftest import settle
from wattprint.core.insight import demo
from wattprint.core.store import history
from wattprint.desktop.mainwindow import MainWindow


def test_banner_shows_in_the_demo_and_leads_back(qtbot: QtBot, seeded: int) -> None:
    db = history.open_db(profile=demo.DEMO_PROFILE)
    demo.generate(db, days=3)
    db.conn.close()
    win = MainWindow(demo.DEMO_PROFILE)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    assert win.demo_banner is not None
    assert win.demo_banner.isVisible()
    assert "Demo data" in win.demo_banner.text.text()
    win.demo_banner.back.click()
    settle(qtbot, win)
    assert win.profile is None
    assert win.demo_banner is None
    win.close()


def test_no_banner_on_the_real_history(window: MainWindow) -> None:
    assert window.demo_banner is None
