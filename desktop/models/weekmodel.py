"""The week view's data, computed off the GUI thread, and the per-service and per-model breakdowns as table models.

A period (a week, a month, a year or any range of days) is its summary, its days (months for a year), the weekly
trend up to it, the energy per model, and its sentences.
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

from wattprint.core.insight import trend, weektext
from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.store import preferences, queries
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.workers import Runner

TREND_WEEKS = 12
TREND_CHOICES = (12, 26, 52, 104)  # weeks the trend can show
PERIODS = ("week", "month", "year", "range")
MONTHLY_FROM = 63  # days from which the chart shows months, not days
Index = QModelIndex | QPersistentModelIndex


def period_bounds(
    period: str, day: date, first_weekday: int, span: tuple[date, date] | None = None
) -> tuple[date, date]:
    """The first and last local day of the period of `day` ("week", "month", "year"), or of `span` for "range"."""
    if period == "month":
        start = day.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
        return start, following - timedelta(days=1)
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if period == "range" and span is not None:
        return min(span), max(span)
    start = queries.week_start(day, first_weekday)
    return start, start + timedelta(days=6)


def monthly(days: list[trend.Day]) -> list[trend.Day]:
    """Days summed per month (each dated with the month's first day), ranges end to end."""
    months: dict[date, list[float]] = {}
    for d in days:
        slot = months.setdefault(d.day.replace(day=1), [0.0] * 8)
        values = (d.ai_wh, d.search_wh, d.ai_count, d.search_count, d.ai_low_wh, d.ai_high_wh, d.search_low_wh,
                  d.search_high_wh)  # fmt: skip
        for i, value in enumerate(values):
            slot[i] += value
    return [trend.Day(m, v[0], v[1], int(v[2]), int(v[3]), v[4], v[5], v[6], v[7]) for m, v in months.items()]


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
    period: str = "week"
    end: date | None = None
    models: list[dict[str, Any]] = field(default_factory=list)
    by_month: bool = False


def week_data(
    db: Database,
    data: ModelData,
    day: date,
    first_weekday: int,
    *,
    period: str = "week",
    span: tuple[date, date] | None = None,
    trend_weeks: int = TREND_WEEKS,
) -> WeekData:
    """Computes a period's data (any thread; `db` must belong to the calling thread).

    Args:
        db: The history.
        data: The model data.
        day: A day of the period.
        first_weekday: 0 (Monday) to 6 (Sunday).
        period: One of PERIODS.
        span: The first and last day, for "range".
        trend_weeks: How many weeks the trend shows, up to the period's end (or today).
    """
    start, end = period_bounds(period, day, first_weekday, span)
    summary = queries.summary(db, data, start, end, period=period)
    days = trend.days(db, start, (end - start).days + 1)
    by_month = len(days) >= MONTHLY_FROM
    weeks = trend.weeks(db, min(end, date.today()), trend_weeks, first_weekday)
    region = preferences.read(db).region
    text = weektext.sentences(summary, days, data, region)
    models = queries.model_breakdown(db, start, end)
    return WeekData(start, summary, monthly(days) if by_month else days, weeks, text, period, end, models, by_month)


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
        self.period = "week"
        self.span: tuple[date, date] | None = None
        self.trend_weeks = TREND_WEEKS
        self.current: WeekData | None = None
        self._generation = 0

    @property
    def start(self) -> date:
        """The first day of the period shown."""
        return period_bounds(self.period, self.day, self.first_weekday, self.span)[0]

    @property
    def end(self) -> date:
        """The last day of the period shown."""
        return period_bounds(self.period, self.day, self.first_weekday, self.span)[1]

    def compute(self) -> WeekData:
        """Computes the period on the calling thread (for reports and benchmarks)."""
        db = self._open_db()
        try:
            return week_data(
                db, self.data, self.day, self.first_weekday, period=self.period, span=self.span,
                trend_weeks=self.trend_weeks,
            )  # fmt: skip
        finally:
            db.conn.close()

    def set_period(self, period: str, span: tuple[date, date] | None = None) -> None:
        """Shows a week, month or year (holding the day shown), or the days of `span` for "range"."""
        if period not in PERIODS:
            raise ValueError(f"unknown period {period!r}")
        self.period = period
        if span is not None:
            self.span = span
            self.day = max(span)
        elif period == "range" and self.span is None:
            self.span = (self.start, self.end)
        self.refresh()

    def set_trend_weeks(self, weeks: int) -> None:
        """How many weeks the trend shows."""
        self.trend_weeks = weeks
        self.refresh()

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

    def _shift(self, forward: bool) -> None:
        if self.period == "range" and self.span is not None:
            length = timedelta(days=(self.end - self.start).days + 1)
            start = self.start + length if forward else self.start - length
            self.span = (start, start + length - timedelta(days=1))
            self.day = self.span[1]
            self.refresh()
            return
        self.set_day(self.end + timedelta(days=1) if forward else self.start - timedelta(days=1))

    @Slot()
    def previous(self) -> None:
        """Shows the period before."""
        self._shift(False)

    @Slot()
    def next(self) -> None:
        """Shows the period after (not past the current one)."""
        if not self.is_current():
            self._shift(True)

    def is_current(self) -> bool:
        """Whether the period shown holds today (or later days)."""
        return self.end >= date.today()


SERVICE_COLUMNS = (
    QT_TRANSLATE_NOOP("ServiceModel", "Service"),
    QT_TRANSLATE_NOOP("ServiceModel", "Queries"),
    QT_TRANSLATE_NOOP("ServiceModel", "AI answers"),
    QT_TRANSLATE_NOOP("ServiceModel", "Energy"),
    QT_TRANSLATE_NOOP("ServiceModel", "Share"),
)


MODEL_HEADER = QT_TRANSLATE_NOOP("ServiceModel", "Model")


class ServiceModel(QAbstractTableModel):
    """The period's breakdown per service (or per model, with `key="model"`), most energy first.

    Args:
        data: The model data (service names).
        parent: The owner.
        key: "service" or "model": what each row is.
    """

    def __init__(self, data: ModelData, parent: QObject | None = None, key: str = "service") -> None:
        super().__init__(parent)
        self.data_ = data
        self.key = key
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
        if column == 0 and self.key == "model":
            return modelnames.friendly(row["model"]) or QCoreApplication.translate("ServiceModel", "Model not named")
        if column == 0:
            service = self.data_.services.get(row["service"])
            return display.name(service.name) if service else row["service"]
        if column == 1:
            return fmt.integer(row["count"])
        if column == 2:
            return fmt.integer(row["ai_count"])
        if column == 3:
            r = row.get("energy_wh_range")
            if r is None:
                return fmt.energy(float(row["energy_wh"]))
            return fmt.energy_range(float(r["central"]), float(r["low"]), float(r["high"]))
        share = float(row["energy_wh"]) / self._total * 100 if self._total else 0.0
        return f"{share:.0f}%"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401 - Qt variant
        """Column titles."""
        horizontal = role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(SERVICE_COLUMNS):
            title = MODEL_HEADER if section == 0 and self.key == "model" else SERVICE_COLUMNS[section]
            return QCoreApplication.translate("ServiceModel", title)
        return None
