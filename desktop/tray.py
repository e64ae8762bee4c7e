"""The system tray icon: today's count on the icon, today's total in its tooltip, autostart, Quit, weekly summary.

The opt-in weekly summary notification is shown from here, so it comes while the window is closed too.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from wattprint.core import paths
from wattprint.core.pipe import autostart
from wattprint.core.store import preferences, queries
from wattprint.desktop import format as fmt
from wattprint.desktop.session import Session
from wattprint.desktop.widgets.icon import app_icon, badge_text, with_badge

CHECK_MS = 60 * 60 * 1000  # how often the weekly summary is reconsidered


class Tray(QObject):
    """The tray icon of one session.

    Args:
        session: The open history.
        first_weekday: 0 (Monday) to 6 (Sunday).
        parent: The owner.

    Signals:
        open_requested: The user asked to show the main window.
        quit_requested: The user chose Quit.
        notified: Emitted with the text of a weekly summary when it is shown.
    """

    open_requested = Signal()
    quit_requested = Signal()
    notified = Signal(str)

    def __init__(self, session: Session, first_weekday: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.first_weekday = first_weekday
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.menu = QMenu()
        self.today = QAction(self.tr("Today: —"), self.menu)
        self.today.setEnabled(False)
        self.menu.addAction(self.today)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Open Wattprint"), self.open_requested.emit)
        self.autostart = QAction(self.tr("Start Wattprint when I log in"), self.menu)
        self.autostart.setCheckable(True)
        self.autostart.setEnabled(autostart.supported())
        self.autostart.setChecked(autostart.supported() and autostart.enabled())
        self.autostart.toggled.connect(self.set_autostart)
        self.menu.addAction(self.autostart)
        self.menu.addAction(self.tr("Quit Wattprint"), self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check_weekly)
        self.timer.start()
        session.changed.connect(self.refresh)
        self.refresh()
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def available(self) -> bool:
        """Whether the desktop shows tray icons (then closing the window leaves Wattprint running there)."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    @Slot(bool)
    def set_autostart(self, on: bool) -> None:
        """Writes or removes the XDG autostart entry; a failure shows as a tray message."""
        try:
            if on:
                autostart.enable(env={k: os.environ[k] for k in (paths.DATA_DIR_ENV, paths.PROFILE_ENV)
                                      if os.environ.get(k)})  # fmt: skip
            else:
                autostart.disable()
        except OSError as error:
            self.icon.showMessage("Wattprint", self.tr("Could not change the autostart entry: {reason}").format(
                reason=error.strerror or error))  # fmt: skip

    def explain_once(self) -> bool:
        """Says, the first time the window is closed, that Wattprint keeps running in the tray; returns whether."""
        db = self.session.db
        if preferences.read(db).tray_explained:
            return False
        preferences.write(db, tray_explained=True)
        self.icon.showMessage(
            self.tr("Wattprint is still running"),
            self.tr("It keeps counting here in the tray. To leave, choose Quit Wattprint in this icon's menu."),
            app_icon(),
            10_000,
        )
        return True

    @Slot()
    def refresh(self) -> None:
        """Updates today's count on the icon and today's total in the tooltip and menu."""
        day = queries.day_summary(self.session.db, self.session.data, date.today())
        self.count_text = badge_text(int(day["count"]))
        self.icon.setIcon(with_badge(app_icon(), self.count_text if day["count"] else ""))
        e = day["energy_wh"]
        text = self.tr("Today: {count} queries, {energy}").format(
            count=fmt.integer(day["count"]), energy=fmt.energy_range(e["central"], e["low"], e["high"])
        )
        if day.get("change", {}).get("energy_wh") is not None:  # like for like: yesterday up to the same time
            text += " · " + fmt.change(day)
        self.today.setText(text)
        self.icon.setToolTip(f"Wattprint — {text}")

    def tooltip(self) -> str:
        """The icon's tooltip."""
        return self.icon.toolTip()

    @Slot()
    def check_weekly(self) -> bool:
        """Shows last week's summary once a week when the user opted in; returns whether it did."""
        if self.session.closed:  # the window closed before this queued check ran
            return False
        db = self.session.db
        prefs = preferences.read(db)
        this_week = queries.week_start(date.today(), self.first_weekday)
        if not preferences.weekly_due(prefs, this_week):
            return False
        last = queries.week_summary(db, self.session.data, this_week - timedelta(days=7), self.first_weekday)
        preferences.write(db, last_notified_week=this_week.isoformat())
        if not last["count"]:
            return False
        e = last["energy_wh"]
        count, energy = fmt.integer(last["count"]), fmt.energy(e["central"])
        if last["equivalent"]:
            text = self.tr("Last week: {count} queries, about {energy} — like {like}").format(
                count=count, energy=energy, like=last["equivalent"]["text"]
            )
        else:
            text = self.tr("Last week: {count} queries, about {energy}").format(count=count, energy=energy)
        self.icon.showMessage(self.tr("Your week with AI"), text + self.tr("."), app_icon(), 10_000)
        self.notified.emit(text)
        return True

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def hide(self) -> None:
        """Removes the icon."""
        self.timer.stop()
        self.icon.hide()
