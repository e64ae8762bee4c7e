"""What the settings view reads and changes, through core functions.

Preferences, capture pause, retention, browser connections, export / import and deleting the history.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal, Slot

from wattprint.core.pipe import browsers
from wattprint.core.store import archive, preferences, retention, settings
from wattprint.core.store.preferences import Preferences
from wattprint.desktop import format as fmt
from wattprint.desktop.session import Session


def wattprint_command(*args: str) -> tuple[str, list[str]]:
    """The program and arguments that run `wattprint ARGS` with this Python (the console script when present)."""
    script = Path(sys.executable).with_name("wattprint")
    if script.exists():
        return str(script), list(args)
    code = "import sys; from wattprint.core.cli import main; sys.exit(main(sys.argv[1:]))"
    return sys.executable, ["-c", code, *args]


class SettingsModel(QObject):
    """The settings of one session's history.

    Args:
        session: The open history.
        parent: The owner.

    Signals:
        changed: Emitted after any setting changed.
        message: Emitted with a sentence for the user (results of background work, errors).
    """

    changed = Signal()
    message = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.process: QProcess | None = None

    # -- preferences and capture ------------------------------------------------------------------------------------

    def preferences(self) -> Preferences:
        """The app's preferences."""
        return preferences.read(self.session.db)

    def set_preference(self, **changes: object) -> None:
        """Changes preferences; a new grid override re-estimates the stored history in the background."""
        before = preferences.read(self.session.db).zone
        preferences.write(self.session.db, **changes)
        if preferences.read(self.session.db).zone != before:
            self.session.refresh_estimates()
        self.changed.emit()

    def paused_until(self) -> datetime | None:
        """When capture resumes (None: not paused)."""
        current = settings.read(self.session.db)
        return current.paused_until if settings.is_paused(current) else None

    def pause(self, until: datetime | None) -> None:
        """Pauses capture until a time (None resumes)."""
        settings.write(self.session.db, paused_until=until)
        self.changed.emit()

    @Slot()
    def pause_hour(self) -> None:
        """Pauses capture for an hour."""
        self.pause(datetime.now(UTC) + timedelta(hours=1))

    @Slot()
    def pause_until_tomorrow(self) -> None:
        """Pauses capture until local midnight."""
        now = datetime.now().astimezone()
        midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        self.pause(midnight.astimezone(UTC))

    @Slot()
    def resume(self) -> None:
        """Resumes capture."""
        self.pause(None)

    # -- history ----------------------------------------------------------------------------------------------------

    def set_retention(self, days: int | None) -> None:
        """Keeps only the last `days` days (None: everything), deleting older rows in the background."""
        self.set_preference(retention_days=days)
        if days:
            session = self.session

            def work() -> int:
                db = session.open_db()
                try:
                    return retention.apply_retention(db, days)
                finally:
                    db.conn.close()

            self.session.runner.start(work, self._deleted, self.message.emit)

    def _deleted(self, n: object) -> None:
        if isinstance(n, int) and n:
            self.message.emit(self.tr("Deleted {count} older interactions.").format(count=fmt.integer(n)))
        else:
            self.message.emit(self.tr("Nothing to delete."))
        self.session.notify_changed()

    def delete_everything(self) -> int:
        """Deletes every interaction of this profile; returns how many."""
        n = retention.delete_all(self.session.db)
        self.session.notify_changed()
        self.message.emit(self.tr("Deleted all {count} interactions.").format(count=fmt.integer(n)))
        return n

    def export_to(self, path: Path) -> None:
        """Exports the history to a JSON Lines file in the background."""
        session = self.session

        def work() -> int:
            from wattprint.core.model.estimator import Estimator

            db = session.open_db()
            try:
                return archive.export_file(db, Estimator(session.data), path)
            finally:
                db.conn.close()

        self.session.runner.start(
            work,
            lambda n: self.message.emit(
                self.tr("Exported {count} interactions to {path}.").format(count=fmt.integer(n), path=path)
            ),
            self.message.emit,
        )

    def import_from(self, path: Path) -> None:
        """Imports a JSON Lines file in the background (estimated again; duplicates skipped)."""
        session = self.session

        def work() -> archive.ImportResult:
            from wattprint.core.model.estimator import Estimator

            db = session.open_db()
            try:
                return archive.import_file(db, Estimator(session.data), path)
            finally:
                db.conn.close()

        def done(result: object) -> None:
            if isinstance(result, archive.ImportResult):
                bad = len(result.rejected or [])
                self.message.emit(
                    self.tr("Imported {stored} interactions ({duplicate} already there, {bad} unreadable).").format(
                        stored=fmt.integer(result.stored), duplicate=fmt.integer(result.duplicate), bad=fmt.integer(bad)
                    )
                )
            session.notify_changed()

        self.session.runner.start(work, done, self.message.emit)

    # -- browsers ---------------------------------------------------------------------------------------------------

    def connections(self) -> list[browsers.Connection]:
        """Which browsers have the host registered."""
        return browsers.connections()

    def install_host(self) -> QProcess:
        """Runs `wattprint install-host`; `message` carries its outcome."""
        program, args = wattprint_command("install-host")
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(lambda code, _status: self._installed(process, code))
        failed = self.tr("Could not run {program}.").format(program=program)
        process.errorOccurred.connect(lambda _error: self.message.emit(failed))
        self.process = process
        process.start(program, args)
        return process

    def _installed(self, process: QProcess, code: int) -> None:
        output = bytes(process.readAll().data()).decode(errors="replace").strip()
        last = output.splitlines()[-1] if output else ""
        if code == 0:
            self.message.emit((self.tr("Browsers connected.") + " " + last).strip())
        else:
            self.message.emit(
                self.tr("'wattprint install-host' failed (status {code}): {output}").format(code=code, output=last)
            )
        self.changed.emit()
