"""Keyboard use and accessibility: Ctrl+1..4 switch views, Tab walks the controls, controls have names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from wattprint.desktop.mainwindow import MainWindow


def test_ctrl_number_switches_views(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    for number, view in ((2, window.week), (3, window.compare), (4, window.settings), (1, window.feed)):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() is view


def test_tab_moves_through_the_feed_controls(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.feed.dates.setFocus()
    qtbot.waitUntil(window.feed.dates.hasFocus)
    seen = []
    feed = window.feed
    wanted = [feed.service, feed.kind, feed.model_filter, feed.search, feed.table, feed.detail_button,
              feed.delete_button, window.tabs.tabBar()]  # fmt: skip
    for _ in wanted:
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    assert seen == wanted


def test_tab_walks_the_week_navigation(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view(1)
    window.activateWindow()
    with qtbot.waitSignal(window.week_model.ready, timeout=5000):
        QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # the previous week's shortcut
    window.week.previous.setFocus()
    qtbot.waitUntil(window.week.previous.hasFocus)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is window.week.this_week
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is window.week.next


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = []
    for view in (window.feed, window.week, window.compare, window.settings, window.welcome):
        for widget in view.findChildren(QWidget):
            if isinstance(widget, QAbstractButton | QComboBox | QSpinBox) and widget.parent() is not None:
                if type(widget).__name__ == "QToolButton" or widget.objectName().startswith("qt_"):
                    continue  # scroll arrows, table corners and the like, made by Qt
                if not widget.accessibleName():
                    unnamed.append(widget)
    assert unnamed == []
