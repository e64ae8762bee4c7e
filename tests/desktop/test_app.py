"""The app starts and shows its main window (offscreen); an empty history shows the welcome page."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot, settle
from wattprint.desktop.mainwindow import MainWindow


def test_main_window_title_names_wattprint(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Wattprint" in window.windowTitle()
    assert window.menuBar().actions()
    assert window.statusBar().isVisible()


def test_profile_is_shown_in_the_title(qtbot: QtBot) -> None:
    window = MainWindow(profile="demo")
    qtbot.addWidget(window)
    assert window.windowTitle() == "Wattprint — demo"


def test_empty_history_shows_how_to_connect(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    assert window.current_view() is window.welcome
    screenshot(window, "welcome")


def test_try_demo_data_fills_the_demo_profile_and_switches_to_it(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.welcome.demo.click()
    qtbot.waitUntil(lambda: window.profile == "demo", timeout=20_000)
    settle(qtbot, window)
    assert window.windowTitle() == "Wattprint — demo"
    assert window.current_view() is window.feed
    assert window.feed_model.rowCount() > 0


def test_shown_window_with_history_opens_on_the_feed(window: MainWindow) -> None:
    assert window.current_view() is window.feed
