"""The feed view: every interaction as it arrives, with filters by date range, service and kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wattprint.core import display
from wattprint.core.modeldata import ModelData
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.models.feedmodel import FeedModel, Filters

KINDS = (
    (QT_TRANSLATE_NOOP("FeedView", "All kinds"), None),
    (QT_TRANSLATE_NOOP("FeedView", "Chat"), "chat"),
    (QT_TRANSLATE_NOOP("FeedView", "Search"), "search"),
    (QT_TRANSLATE_NOOP("FeedView", "Image"), "image"),
    (QT_TRANSLATE_NOOP("FeedView", "Video"), "video"),
)


class FeedView(QWidget):
    """The live feed with its filter bar.

    Args:
        model: The feed model.
        data: The model data (service names for the filter).
        parent: The owner.
    """

    def __init__(self, model: FeedModel, data: ModelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        today = QDate.currentDate()

        self.dates = QCheckBox(self.tr("Dates"))
        self.dates.setAccessibleName(self.tr("Filter by dates"))
        self.since = QDateEdit(today.addDays(-6))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.setAccessibleName(name)
        self.service = QComboBox()
        self.service.setAccessibleName(self.tr("Service filter"))
        self.service.addItem(self.tr("All services"), None)
        for key, entry in sorted(data.services.items(), key=lambda kv: kv[1].name.lower()):
            self.service.addItem(display.name(entry.name), key)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind filter"))
        for label, value in KINDS:
            self.kind.addItem(QCoreApplication.translate("FeedView", label), value)

        bar = QHBoxLayout()
        bar.addWidget(self.dates)
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addSpacing(12)
        bar.addWidget(self.service)
        bar.addWidget(self.kind)
        bar.addStretch(1)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Feed of interactions"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 120, 150, 150, 170, 170)):
            self.table.setColumnWidth(column, width)
        self.table.setTabKeyNavigation(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self.dates.toggled.connect(self._dates_toggled)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filters)
        self.service.currentIndexChanged.connect(self.apply_filters)
        self.kind.currentIndexChanged.connect(self.apply_filters)
        model.modelReset.connect(self._fill)
        self._fill()

    @Slot(bool)
    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.apply_filters()

    def filters(self) -> Filters:
        """The filters the bar shows."""
        since: date | None = None
        until: date | None = None
        if self.dates.isChecked():
            since = date.fromisoformat(self.since.date().toString("yyyy-MM-dd"))
            until = date.fromisoformat(self.until.date().toString("yyyy-MM-dd"))
        return Filters(since=since, until=until, service=self.service.currentData(), kind=self.kind.currentData())

    @Slot()
    def apply_filters(self) -> None:
        """Refetches the feed with the bar's filters."""
        self.model.set_filters(self.filters())

    @Slot()
    def _fill(self) -> None:
        # An empty model gets no scroll events: fetch the first page ourselves.
        if self.model.rowCount() == 0 and self.model.canFetchMore():
            self.model.fetchMore()
