"""The live feed as a lazy table model: keyset pages from `queries.feed`, fetched as the view scrolls."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
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

from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.store import queries, retention
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP

PAGE = 200  # rows per fetch: a few milliseconds of work
COLUMNS = (
    QT_TRANSLATE_NOOP("FeedModel", "Time"),
    QT_TRANSLATE_NOOP("FeedModel", "Service"),
    QT_TRANSLATE_NOOP("FeedModel", "Model"),
    QT_TRANSLATE_NOOP("FeedModel", "Kind"),
    QT_TRANSLATE_NOOP("FeedModel", "Energy"),
    QT_TRANSLATE_NOOP("FeedModel", "Carbon"),
    QT_TRANSLATE_NOOP("FeedModel", "Water"),
)
ENERGY_COLUMN = COLUMNS.index("Energy")
KIND_NAMES = {
    "chat": QT_TRANSLATE_NOOP("FeedModel", "Chat"),
    "search": QT_TRANSLATE_NOOP("FeedModel", "Search"),
    "image": QT_TRANSLATE_NOOP("FeedModel", "Image"),
    "video": QT_TRANSLATE_NOOP("FeedModel", "Video"),
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the interaction's id
ENERGY_ROLE = Qt.ItemDataRole.UserRole + 2  # central energy, Wh (float)

Index = QModelIndex | QPersistentModelIndex


SORT_KEYS = ("time", "service", "model", "kind", "energy", "carbon", "water")  # queries.SORT_KEYS, per column


@dataclass(frozen=True, slots=True)
class Filters:
    """What the feed shows: local days `since` to `until`, one service, kind and model, and a search (None: all)."""

    since: date | None = None
    until: date | None = None
    service: str | None = None
    kind: str | None = None
    model: str | None = None
    search: str | None = None


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One interaction, ready to display (kept compact: the feed may hold many thousands)."""

    id: str
    ts: str
    cells: tuple[str, ...]
    energy: float
    tooltip: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeedModel", text)


def make_row(item: dict[str, Any], data: ModelData) -> FeedRow:
    """A display row from a `queries.row_dict` item."""
    est = item["estimate"]
    e, c, w = est["energy_wh"], est["co2e_g"], est["water_ml"]
    service = data.services.get(item["service"])
    kind = item["kind"]
    if kind == "search" and "ai_overview" in item["modes"]:
        kind_text = QCoreApplication.translate("FeedModel", "AI answer on a results page")
    else:
        kind_text = _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind
    if "reasoning" in item["modes"]:
        kind_text = QCoreApplication.translate("FeedModel", "{kind} (reasoning)").format(kind=kind_text)
    cells = (
        fmt.local_time(item["ts"]),
        display.name(service.name) if service else item["service"],
        modelnames.friendly(item["model"]) or "—",
        kind_text,
        fmt.energy_range(e["central"], e["low"], e["high"]),
        fmt.with_range(c["central"], c["low"], c["high"], "g CO₂e"),
        fmt.with_range(w["central"], w["low"], w["high"], "mL"),
    )
    likes = "; ".join(eq["text"] for eq in est["equivalents"])
    tooltip = ""
    if likes:
        tooltip = QCoreApplication.translate("FeedModel", "About as much energy as {what}.").format(what=likes)
    if est["warnings"]:
        tooltip += "\n" + "\n".join(display.warnings(est["warnings"]))
    return FeedRow(item["id"], item["ts"], cells, float(e["central"]), tooltip)


class FeedModel(QAbstractTableModel):
    """Interactions, newest first or sorted by any column, fetched a page at a time (`canFetchMore`/`fetchMore`).

    Args:
        db: The history (the GUI thread's connection; a page takes a few milliseconds).
        data: The model data (service names, equivalents).
        parent: The owner.

    Signals:
        totals_changed: Emitted when the filtered totals may have changed (filters, new rows, a deletion).
    """

    totals_changed = Signal()

    def __init__(self, db: Database, data: ModelData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data_ = data
        self.filters = Filters()
        self.order = "time"
        self.descending = True
        self._rows: list[FeedRow] = []
        self._cursor: queries.Cursor | None = None
        self._more = True

    # -- Qt model API -----------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns of COLUMNS."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401 - Qt variant
        """A cell's text, tooltip (equivalents and warnings), alignment, id or central energy."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= ENERGY_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        if role == ENERGY_ROLE:
            return row.energy
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401 - Qt variant
        """Column titles."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        """Whether older rows remain."""
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        """Fetches the next page of older rows."""
        if parent.isValid() or not self._more:
            return
        page = self._page(self._cursor, PAGE)
        self._cursor = page.next
        self._more = page.next is not None
        if page.items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._rows.extend(make_row(item, self.data_) for item in page.items)
            self.endInsertRows()

    # -- feed API ---------------------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by a column (in the history, so every row takes part, not only those fetched)."""
        if not 0 <= column < len(SORT_KEYS):
            return
        self.order = SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def _filter_args(self) -> dict[str, Any]:
        f = self.filters
        return {"since": f.since, "until": f.until, "service": f.service, "kind": f.kind, "model": f.model,
                "search": f.search}  # fmt: skip

    def _page(self, after: queries.Cursor | None, limit: int) -> queries.Page:
        return queries.feed(
            self.db, self.data_, limit=limit, after=after, order=self.order, descending=self.descending,
            **self._filter_args(),
        )  # fmt: skip

    def totals(self) -> dict[str, Any]:
        """The count and ranges of every interaction the filters keep (not only the rows fetched)."""
        return queries.feed_totals(self.db, **self._filter_args())

    def models(self) -> list[tuple[str, int]]:
        """The model ids in the history with their counts, most used first (none once the history is closed)."""
        try:
            return queries.models(self.db)
        except sqlite3.ProgrammingError:  # closed with its window before a deferred call came
            return []

    def item(self, row: int) -> dict[str, Any] | None:
        """The full stored interaction of a row (for its detail), or None when it is gone."""
        return queries.interaction(self.db, self.data_, self._rows[row].id)

    def delete_row(self, row: int) -> bool:
        """Deletes a row's interaction from the history (the day's totals follow); returns whether it was there."""
        if not 0 <= row < len(self._rows):
            return False
        found = retention.delete_one(self.db, self._rows[row].id)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.totals_changed.emit()
        return found

    def set_filters(self, filters: Filters) -> None:
        """Shows only the interactions that match (refetches from the newest)."""
        self.filters = filters
        self.reload()
        self.totals_changed.emit()

    @Slot()
    def reload(self) -> None:
        """Drops every fetched row; the view fetches the first page again."""
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._more = True
        self.endResetModel()

    @Slot()
    def refresh(self) -> None:
        """Adds rows newer than the newest shown at the top (reloads when many arrived, or when sorted otherwise)."""
        self.totals_changed.emit()
        if not self._rows or (self.order, self.descending) != ("time", True):
            self.reload()
            return
        head = (self._rows[0].ts, self._rows[0].id)
        page = self._page(None, PAGE)
        if not page.items or (page.items[0]["ts"], page.items[0]["id"]) < head:
            self.reload()  # the newest rows shown were deleted
            return
        fresh = [item for item in page.items if (item["ts"], item["id"]) > head]
        if not fresh:
            return
        if len(fresh) == len(page.items) and page.next is not None:
            self.reload()
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[0:0] = [make_row(item, self.data_) for item in fresh]
        self.endInsertRows()

    def row_id(self, row: int) -> str:
        """The interaction id of a row."""
        return self._rows[row].id
