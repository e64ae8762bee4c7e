"""Wattprint in the background: closing keeps it in the tray (said once), the tray quits it, shows today's count on its
icon, starts at login through XDG autostart, and shows the weekly summary while the window is closed."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wattprint.core.pipe import autostart
from wattprint.core.store import preferences, queries
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.tray import Tray
from wattprint.desktop.widgets.icon import app_icon, badge_text


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop that shows tray icons (the offscreen platform has none)."""
    monkeypatch.setattr(Tray, "available", lambda self: True)


@pytest.fixture
def no_quit(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    return quits


@pytest.mark.usefixtures("with_tray")
def test_closing_keeps_wattprint_in_the_tray_and_says_so_once(qtbot: QtBot, window: MainWindow) -> None:
    messages: list[str] = []
    window.tray.icon.showMessage = lambda title, *_args: messages.append(title)  # type: ignore[method-assign]
    window.close()
    assert not window.isVisible()
    assert window.session is not None  # still counting
    assert messages == ["Wattprint is still running"]
    assert preferences.read(window.session.db).tray_explained
    window.show()
    window.close()
    assert messages == ["Wattprint is still running"]  # once only


@pytest.mark.usefixtures("with_tray")
def test_weekly_summary_fires_from_the_tray_while_the_window_is_closed(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    assert window.session is not None
    preferences.write(window.session.db, weekly_notification=True)
    with qtbot.waitSignal(window.tray.notified):
        assert window.tray.check_weekly()


@pytest.mark.usefixtures("with_tray")
def test_the_tray_quits(qtbot: QtBot, window: MainWindow, no_quit: list[bool]) -> None:
    QApplication.instance().setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
    try:
        window.tray.quit_requested.emit()
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]
    assert window.session is None
    assert not window.isVisible()
    assert no_quit == [True]


def test_without_a_tray_closing_closes(window: MainWindow) -> None:
    window.close()
    assert window.session is None


def test_icon_shows_todays_count(window: MainWindow) -> None:
    assert window.session is not None
    count = queries.day_summary(window.session.db, window.session.data, date.today())["count"]
    assert window.tray.count_text == badge_text(count)
    plain = app_icon().pixmap(64, 64).toImage()
    drawn = window.tray.icon.icon().pixmap(64, 64).toImage()
    assert (drawn != plain) == bool(count)
    assert [badge_text(n) for n in (0, 7, 999, 1000, 12_345, 500_000)] == ["0", "7", "999", "1k", "12k", "99k"]


def test_autostart_entry_from_the_tray(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / autostart.ENTRY_NAME
    action = window.tray.autostart
    assert action.isEnabled()
    assert not action.isChecked()
    action.setChecked(True)
    assert entry.is_file()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
    text = entry.read_text()
    assert "[Desktop Entry]" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("--background")
    assert f"WATTPRINT_DATA_DIR={os.environ['WATTPRINT_DATA_DIR']}" in exec_line
    action.setChecked(False)
    assert not entry.exists()


def test_autostart_paths_and_platforms(tmp_path: Path) -> None:
    assert autostart.entry_path({"HOME": str(tmp_path)}) == tmp_path / ".config/autostart" / autostart.ENTRY_NAME
    assert autostart.entry_path({"XDG_CONFIG_HOME": "/x"}, tmp_path) == Path("/x/autostart") / autostart.ENTRY_NAME
    assert autostart.supported("linux")
    assert not autostart.supported("darwin")
    assert not autostart.supported("win32")
