"""Classroom mode: the presenter view (six full-screen scenes driven by the keyboard) and its export.

`open_presenter` opens it from the app (sharing the app's session) or for a profile; `install` adds a "Classroom"
menu to the main window (presenter view, and back to the real history after the demo); `run` is `wattprint present`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from wattprint.desktop.presenter.window import SCENE_NAMES, PresenterWindow
from wattprint.desktop.session import Session

if TYPE_CHECKING:
    from wattprint.desktop.mainwindow import MainWindow


def open_presenter(
    session_or_profile: Session | str | None, parent: QWidget | None = None, *, full_screen: bool = True
) -> PresenterWindow:
    """Opens the presenter view and returns its window.

    Args:
        session_or_profile: The app's open Session (shared: the presenter neither listens again nor closes it), or a
            profile name (None: the current profile) for which the presenter opens, and later closes, its own.
        parent: The window it is opened from.
        full_screen: Full screen (True) or an ordinary window.
    """
    if isinstance(session_or_profile, Session):
        window = PresenterWindow(session_or_profile, parent=parent)
        session_or_profile.destroyed.connect(window.close)  # the app switched history: the scenes' db is gone
    else:
        session = Session(session_or_profile)
        window = PresenterWindow(session, owns_session=True, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    window.setFocus()
    return window


def install(window: MainWindow) -> None:
    """Adds a "Classroom" menu to the main window: the presenter view (F5) and a way back to the real history.

    Args:
        window: The main window (its `session`, `profile` and `switch_profile` are used).
    """
    menu = window.menuBar().addMenu(QCoreApplication.translate("Classroom", "&Classroom"))
    present = menu.addAction(QCoreApplication.translate("Classroom", "&Presenter view"))
    present.setShortcut(QKeySequence(Qt.Key.Key_F5))
    present.triggered.connect(lambda _checked=False: window.session and open_presenter(window.session, window))
    back = menu.addAction(QCoreApplication.translate("Classroom", "Back to &my history"))
    back.triggered.connect(lambda _checked=False: window.switch_profile(None))
    menu.aboutToShow.connect(lambda: back.setEnabled(window.profile is not None))


def run(profile: str | None = None, *, full_screen: bool = True) -> int:
    """`wattprint present`: the presenter view on its own until it is closed.

    Args:
        profile: The history profile (None: the current one).
        full_screen: Full screen (True) or an ordinary window.

    Returns:
        The Qt event loop's exit status.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Wattprint")
    app.setDesktopFileName("org.wattprint.Wattprint")
    open_presenter(profile, full_screen=full_screen)
    return int(app.exec())


__all__ = ["SCENE_NAMES", "PresenterWindow", "install", "open_presenter", "run"]
