"""The app starts and shows its main window (offscreen)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wattprint.desktop.mainwindow import MainWindow


def test_main_window_title_names_wattprint(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Wattprint" in window.windowTitle()


def test_profile_is_shown_in_the_title(qtbot: QtBot) -> None:
    window = MainWindow(profile="demo")
    qtbot.addWidget(window)
    assert window.windowTitle() == "Wattprint — demo"
