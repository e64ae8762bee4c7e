"""Desktop fixtures: a seeded history, a shown main window, and a folder for screenshots."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from wattprint.core.insight import demo
from wattprint.core.store import history
from wattprint.desktop.mainwindow import MainWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NOW = datetime.now().astimezone()


@pytest.fixture
def seeded(data_dir: Path) -> int:
    """The default profile holds 28 days of demo history; returns how many rows."""
    db = history.open_db()
    try:
        return demo.generate(db, days=28, seed=1, now=NOW)
    finally:
        db.conn.close()


@pytest.fixture
def window(qtbot: QtBot, seeded: int) -> MainWindow:
    """The main window over the seeded history, shown, with its first background work done."""
    return open_window(qtbot)


def open_window(qtbot: QtBot, profile: str | None = None) -> MainWindow:
    """A main window over a profile's history, shown, with its first background work done."""
    win = MainWindow(profile=profile)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def settle(qtbot: QtBot, win: MainWindow) -> None:
    """Waits for the window's background tasks and their results."""
    QThreadPool.globalInstance().waitForDone(10_000)
    assert win.session is not None
    qtbot.waitUntil(lambda: not win.session.runner.busy(), timeout=10_000)  # type: ignore[union-attr]


def screenshot(widget: object, name: str) -> Path:
    """Saves a widget's picture under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path
