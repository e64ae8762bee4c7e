"""Starts the desktop app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from wattprint.core.store import history, preferences
from wattprint.desktop import i18n, scheme
from wattprint.desktop.mainwindow import MainWindow


def chosen_language(profile: str | None) -> str | None:
    """The language set in the profile's preferences (None: follow the system, or the history cannot be read)."""
    try:
        db = history.open_db(profile=profile)
    except (history.StorageError, OSError, ValueError):
        return None
    try:
        return preferences.read(db).language
    finally:
        db.conn.close()


def run(profile: str | None = None, *, background: bool = False) -> int:
    """Runs the app until the user quits it (closing the window leaves it in the tray, when there is one).

    Args:
        profile: The history profile to open (None for the user's real history).
        background: Start in the tray without showing the window (the window shows when there is no tray).

    Returns:
        The Qt event loop's exit status.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Wattprint")
    app.setOrganizationName("Wattprint")
    app.setDesktopFileName("org.wattprint.Wattprint")
    i18n.install(i18n.resolve(chosen_language(profile)))
    scheme.apply(app)  # follow the system's light or dark scheme
    window = MainWindow(profile=profile)
    app.setQuitOnLastWindowClosed(not window.tray.available())
    if not (background and window.tray.available()):
        window.show()
    return int(app.exec())
