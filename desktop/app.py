"""Starts the desktop app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from wattprint.desktop.mainwindow import MainWindow


def run(profile: str | None = None) -> int:
    """Runs the app until its window closes.

    Args:
        profile: The history profile to open (None for the user's real history).

    Returns:
        The Qt event loop's exit status.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Wattprint")
    app.setOrganizationName("Wattprint")
    app.setDesktopFileName("org.wattprint.Wattprint")
    window = MainWindow(profile=profile)
    window.show()
    return int(app.exec())
