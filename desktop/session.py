"""One open history: its profile, database connection, model data, background runner and live updates."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from sqlite_utils import Database

from wattprint.core import paths
from wattprint.core.model.modeldata import ModelData, load
from wattprint.core.store import history
from wattprint.desktop.live import LiveUpdates
from wattprint.desktop.workers import Runner

log = logging.getLogger(__name__)


class Session(QObject):
    """The history the app shows. Widgets reach it through Qt models; only models and workers query it.

    Args:
        profile: The profile (None: the user's real history).
        listen: Whether to listen for the host's nudges and poll for changes.
        parent: The owner.

    Signals:
        changed: Emitted with new ids (possibly empty) whenever the history changed, from any process.
        rewritten: Emitted when the app deleted or imported rows: every view must reload, not just add.
    """

    changed = Signal(list)
    rewritten = Signal()

    def __init__(self, profile: str | None = None, *, listen: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = paths.check_profile(profile)
        self.path: Path = paths.history_path(self.profile)
        self.db: Database = history.open_db(self.path)
        self.data: ModelData = load()
        self.runner = Runner(self)
        self.closed = False  # set by close(); timers already queued check it
        self.live: LiveUpdates | None = None
        if listen:
            try:
                socket: str | None = str(paths.socket_path(self.profile))
            except paths.UnsafeFolderError:
                socket = None  # no safe place to listen: the data_version poll still notices new rows
            self.live = LiveUpdates(socket, self.data_version, self)
            self.live.changed.connect(self.changed)

    def refresh_estimates(self) -> None:
        """Brings the history up to the user's choices, off the GUI thread; views reload when anything changed.

        Forgets rows past the chosen retention, and re-estimates rows made with older model data or another grid
        override. Runs at start and whenever those choices change.
        """

        def work() -> int:
            from wattprint.core.model.estimator import Estimator
            from wattprint.core.store import preferences, reestimate, retention

            db = self.open_db()
            try:
                prefs = preferences.read(db)
                forgotten = retention.apply_retention(db, prefs.retention_days) if prefs.retention_days else 0
                estimator = Estimator(self.data, zone=prefs.zone)
                stale = reestimate.outdated(db, estimator.version)
                if not stale:
                    return forgotten
                return forgotten + reestimate.reestimate(db, estimator, workers=reestimate.workers_for(stale))
            finally:
                db.conn.close()

        def done(count: object) -> None:
            if count and not self.closed:  # the window may have closed while the work ran
                self.rewritten.emit()

        self.runner.start(work, done, lambda message: log.warning("re-estimating failed: %s", message))

    def data_version(self) -> int:
        """SQLite's data version of the app's connection (changes when another connection commits)."""
        return int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])

    def open_db(self) -> Database:
        """A new connection to the same history, for a worker thread (the caller closes it)."""
        return history.open_db(self.path)

    @property
    def folder(self) -> Path:
        """The folder holding this profile's history."""
        return self.path.parent

    def is_empty(self) -> bool:
        """Whether the history has no interactions yet."""
        return history.last_event(self.db) is None

    def capture_warnings(self) -> list[str]:
        """One line per site whose capture the extension reported broken: the site, the symptom and the date."""
        from wattprint.core.pipe import capture_health

        return capture_health.warning_lines(history.adapter_health(self.db))

    @Slot()
    def notify_changed(self) -> None:
        """Tells every model that the app itself rewrote the history (delete, import)."""
        if self.live is not None:
            self.live.mark_seen()
        self.rewritten.emit()
        self.changed.emit([])

    def close(self) -> None:
        """Stops live updates, waits for background work, closes the connection."""
        self.closed = True
        if self.live is not None:
            self.live.close()
        self.runner.wait()
        self.db.conn.close()
