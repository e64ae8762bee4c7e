"""The compare view's items (typical queries and everyday activities, each a range) as a table model."""

from __future__ import annotations

from collections.abc import Callable
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

from wattprint.core.insight import compare
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display, units
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.workers import Runner

COLUMNS = (
    QT_TRANSLATE_NOOP("CompareModel", "What"),
    QT_TRANSLATE_NOOP("CompareModel", "Energy"),
    QT_TRANSLATE_NOOP("CompareModel", "Low"),
    QT_TRANSLATE_NOOP("CompareModel", "High"),
    QT_TRANSLATE_NOOP("CompareModel", "Web searches"),
)
Index = QModelIndex | QPersistentModelIndex
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


def build_items(data: ModelData, zone: str | None, service: str | None, model: str | None) -> list[compare.Item]:
    """The comparison (any thread): reference queries, the chosen service or model, everyday activities."""
    from wattprint.core.model.estimator import Estimator

    return compare.comparison(Estimator(data, zone=zone), service, model)


def times_search(item: compare.Item, search: compare.Item) -> str:
    """How many web searches `item` is, as precise as both ranges allow ("10", not "12" for 1.5 Wh against 0.12 Wh)."""
    figures = units.ratio_figures(item.low, item.high, search.low, search.high)
    return fmt.number(item.central / search.central, figures)


class CompareModel(QAbstractTableModel):
    """Items to compare, smallest first, recomputed in the background when the choice changes.

    Args:
        data: The model data.
        runner: Runs the estimates off the GUI thread.
        parent: The owner.

    Signals:
        ready: Emitted when new items are in.
    """

    ready = Signal()

    def __init__(self, data: ModelData, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_ = data
        self.runner = runner
        self.items: list[compare.Item] = []
        self.service: str | None = "claude"
        self.model: str | None = None
        self.zone: str | None = None
        self._generation = 0
        self._search: compare.Item | None = None
        self.build: Callable[[ModelData, str | None, str | None, str | None], list[compare.Item]] = build_items

    @Slot()
    def refresh(self) -> None:
        """Recomputes the items for the current service, model and zone; `ready` follows."""
        self._generation += 1
        generation = self._generation
        data, zone, service, model = self.data_, self.zone, self.service, self.model

        def done(result: object) -> None:
            if generation == self._generation and isinstance(result, list):
                self.set_items(result)

        self.runner.start(lambda: self.build(data, zone, service, model), done)

    def choose(self, service: str | None, model: str | None) -> None:
        """Compares a service (its usual model, or `model`)."""
        self.service, self.model = service, model
        self.refresh()

    def set_items(self, items: list[compare.Item]) -> None:
        """Replaces the items."""
        self.beginResetModel()
        self.items = list(items)
        search = next((i for i in items if i.key == "search"), None)
        self._search = search if search is not None and search.central else None
        self.endResetModel()
        self.ready.emit()

    def chosen(self) -> compare.Item | None:
        """The item of the chosen service, if any."""
        return next((i for i in self.items if i.key.startswith("service:")), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per item."""
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """COLUMNS."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401 - Qt variant
        """A cell's text, alignment or group."""
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, column = self.items[index.row()], index.column()
        if role == GROUP_ROLE:
            return item.group
        if role == Qt.ItemDataRole.ToolTipRole and 1 <= column <= 3:
            return display.range_help()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            return item.label
        if 1 <= column <= 3:  # as precise as the item's range allows, no more
            figures = units.range_figures(item.low, item.high)
            return fmt.energy((item.central, item.low, item.high)[column - 1], figures)
        return times_search(item, self._search) if self._search is not None else "—"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: ANN401 - Qt variant
        """Column titles."""
        horizontal = role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("CompareModel", COLUMNS[section])
        return None
