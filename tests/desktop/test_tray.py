"""The tray icon: today's total, and the weekly summary once a week when opted in."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wattprint.core.store import preferences
from wattprint.desktop.mainwindow import MainWindow


def test_tooltip_and_menu_show_today(window: MainWindow) -> None:
    tooltip = window.tray.tooltip()
    assert tooltip.startswith("Wattprint — Today:")
    assert "Wh" in tooltip
    assert window.tray.today.text().startswith("Today:")


def test_weekly_summary_is_opt_in_and_shown_once(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.tray.check_weekly()
    preferences.write(window.session.db, weekly_notification=True)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.tray.notified) as blocker:
        assert window.tray.check_weekly()
    assert blocker.args[0].startswith("Last week:")
    assert not window.tray.check_weekly()
