"""The week view's data, computed off the GUI thread, and the per-service breakdown as a table model.

A week is its summary, its days, the last 12 weeks and its sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from sqlite_utils import Database

from wattprint.core import display, preferences, queries, trend, weektext
from wattprint.core.modeldata import ModelData
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.workers import Runner

TREND_WEEKS = 12
Index = QModelIndex | QPersistentModelIndex


@dataclass
class WeekData:
    """Everything the week view shows.

    Attributes:
        start: The week's first day.
        summary: `queries.week_summary`.
        days: The week's days (AI and plain-search energy apart).
        weeks: The last TREND_WEEKS weeks, oldest first.
        sentences: Plain sentences about the week.
    """

    start: date
    summary: dict[str, Any]
    days: list[trend.Day]
    weeks: list[trend.Week]
    sentences: list[str] = field(default_factory=list)


def week_data(db: Database, data: ModelData, day: date, first_weekday: int) -> WeekData:
    """Computes a week's data (any thread; `db` must belong to the calling thread).

    Args:
        db: The history.
        data: The model data.
        day: A day of the week.
        first_weekday: 0 (Monday) to 6 (Sunday).
    """
    start = queries.week_start(day, first_weekday)
    summary = queries.week_summary(db, data, day, first_weekday)
    days = trend.days(db, start)
    weeks = trend.weeks(db, day, TREND_WEEKS, first_weekday)
    region = preferences.read(db).region
    return WeekData(start, summary, days, weeks, weektext.sentences(summary, days, data, region))


class WeekModel(QObject):
    """The week shown, recomputed in the background when the week or the history changes.

    Args:
        open_db: Opens a connection for a worker thread.
        data: The model data.
        runner: Runs the computation off the GUI thread.
        first_weekday: 0 (Monday) to 6 (Sunday).
        parent: The owner.

    Signals:
        ready: Emitted with the WeekData once computed.
        failed: Emitted with a message when it could not be computed.
    """

    ready = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        open_db: Callable[[], Database],
        data: ModelData,
        runner: Runner,
        first_weekday: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_db = open_db
        self.data = data
        self.runner = runner
        self.first_weekday = first_weekday
        self.day = date.today()
        self.current: WeekData | None = None
        self._generation = 0

    @property
    def start(self) -> date:
        """The first day of the week shown."""
        return queries.week_start(self.day, self.first_weekday)

    def compute(self) -> WeekData:
        """Computes the week on the calling thread (for reports and benchmarks)."""
        db = self._open_db()
        try:
            return week_data(db, self.data, self.day, self.first_weekday)
        finally:
            db.conn.close()

    @Slot()
    def refresh(self) -> None:
        """Recomputes the week shown in the background; `ready` follows."""
        self._generation += 1
        generation = self._generation

        def done(result: object) -> None:
            if generation == self._generation and isinstance(result, WeekData):
                self.current = result
                self.ready.emit(result)

        self.runner.start(self.compute, done, self.failed.emit)

    def set_day(self, day: date) -> None:
        """Shows the week holding `day`."""
        self.day = day
        self.refresh()

    @Slot()
    def previous(self) -> None:
        """Shows the week before."""
        self.set_day(self.start - timedelta(days=7))

    @Slot()
    def next(self) -> None:
        """Shows the week after (not past the current week)."""
        later = self.start + timedelta(days=7)
        if later <= date.today():
            self.set_day(later)

    def is_current(self) -> bool:
        """Whether the week shown holds today."""
        return self.start == queries.week_start(date.today(), self.first_weekday)


SERVICE_COLUMNS = (
    QT_TRANSLATE_NOOP("ServiceModel", "Service"),
    QT_TRANSLATE_NOOP("ServiceModel", "Queries"),
    QT_TRANSLATE_NOOP("ServiceModel", "AI answers"),
    QT_TRANSLATE_NOOP("ServiceModel", "Energy"),
    QT_TRANSLATE_NOOP("ServiceModel", "Share"),
)


class ServiceModel(QAbstractTableModel):
    """The week's breakdown per service, most energy first.

    Args:
        data: The model data (service names).
        parent: The owner.
    """

    def __init__(self, data: ModelData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_ = data
        self._rows: list[dict[str, Any]] = []
        self._total = 0.0

    def set_services(self, services: list[dict[str, Any]]) -> None:
        """Replaces the rows with a summary's `services` list."""
        self.beginResetModel()
        self._rows = list(services)
        self._total = sum(float(s["energy_wh"]) for s in services)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per service used."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """SERVICE_COLUMNS."""
        return 0 if parent.isValid() else len(SERVICE_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401 - Qt variant
        """A cell's text or alignment."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            service = self.data_.services.get(row["service"])
            return display.name(service.name) if service else row["service"]
        if column == 1:
            return fmt.integer(row["count"])
        if column == 2:
            return fmt.integer(row["ai_count"])
        if column == 3:
            return fmt.energy(float(row["energy_wh"]))
        share = float(row["energy_wh"]) / self._total * 100 if self._total else 0.0
        return f"{share:.0f}%"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401 - Qt variant
        """Column titles."""
        horizontal = role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(SERVICE_COLUMNS):
            return QCoreApplication.translate("ServiceModel", SERVICE_COLUMNS[section])
        return None
