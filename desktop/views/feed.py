"""The feed view: every interaction as it arrives, sortable by any column and filtered.

Filters: dates, service, kind, model, and a search; the totals of what is shown sit below. A query opens in its detail
(double-click or Enter) or is deleted (Delete, confirmed).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.models.feedmodel import SORT_KEYS, FeedModel, Filters
from wattprint.desktop.views.querydetail import QueryDetail

KINDS = (
    (QT_TRANSLATE_NOOP("FeedView", "All kinds"), None),
    (QT_TRANSLATE_NOOP("FeedView", "Chat"), "chat"),
    (QT_TRANSLATE_NOOP("FeedView", "Search"), "search"),
    (QT_TRANSLATE_NOOP("FeedView", "Image"), "image"),
    (QT_TRANSLATE_NOOP("FeedView", "Video"), "video"),
)


class FeedView(QWidget):
    """The live feed with its filter bar, totals, detail and delete.

    Signals:
        deleted: Emitted after the user deleted a query (the week's totals changed).

    Args:
        model: The feed model.
        data: The model data (service names for the filter).
        parent: The owner.
    """

    deleted = Signal()

    def __init__(self, model: FeedModel, data: ModelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._fitted = False
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
        self.data = data
        self.model_filter = QComboBox()
        self.model_filter.setAccessibleName(self.tr("Model filter"))
        self.model_filter.setEditable(True)  # type to find a model among many
        self.model_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model_filter.addItem(self.tr("All models"), None)
        # The models in the history are listed right after the first paint: over a million rows the list takes a
        # tenth of a second, which the first sight of the feed need not wait for.
        QTimer.singleShot(0, self, self._fill_models)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setPlaceholderText(self.tr("Search model, service or page"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)

        bar = QHBoxLayout()
        bar.addWidget(self.dates)
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addSpacing(12)
        bar.addWidget(self.service)
        bar.addWidget(self.kind)
        bar.addWidget(self.model_filter)
        bar.addWidget(self.search, 1)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Feed of interactions"))
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Every column keeps the width of its text; the model's name also takes what width is left. A window too
        # narrow for all of them scrolls sideways: no name is cut to "…" and no figure short ("0.5 mL (0.02–1").
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first, before sorting is switched on
        header.setToolTip(display.range_help())
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = QAction(self.tr("Open detail"), self.table)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.delete_action = QAction(self.tr("Delete this query…"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.table.addAction(self.open_action)
        self.table.addAction(self.delete_action)
        self.table.doubleClicked.connect(self._open_index)

        self.totals = QLabel()
        self.totals.setAccessibleName(self.tr("Totals of the queries shown"))
        self.totals.setToolTip(display.range_help())
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected query"))
        self.delete_button.clicked.connect(self.delete_current)
        self.detail_button = QPushButton(self.tr("Detail…"))
        self.detail_button.setAccessibleName(self.tr("Open the selected query's detail"))
        self.detail_button.clicked.connect(self.open_current)
        foot = QHBoxLayout()
        foot.addWidget(self.totals, 1)
        foot.addWidget(self.detail_button)
        foot.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addLayout(foot)

        self.dates.toggled.connect(self._dates_toggled)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filters)
        self.service.currentIndexChanged.connect(self.apply_filters)
        self.kind.currentIndexChanged.connect(self.apply_filters)
        self.model_filter.activated.connect(self.apply_filters)
        typed = self.model_filter.lineEdit()
        assert typed is not None  # the combo box is editable
        typed.editingFinished.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        model.modelReset.connect(self._fill)
        model.totals_changed.connect(self.show_totals)
        model.rowsInserted.connect(self._fit_columns)
        self._fill()
        self.show_totals()

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
        return Filters(
            since=since,
            until=until,
            service=self.service.currentData(),
            kind=self.kind.currentData(),
            model=self._chosen_model(),
            search=self.search.text().strip() or None,
        )

    @Slot()
    def _fill_models(self) -> None:
        found_models = self.model.models()
        chosen = self.model_filter.currentText()
        self.model_filter.clear()
        self.model_filter.addItem(self.tr("All models"), None)
        for model, _count in found_models:
            self.model_filter.addItem(modelnames.friendly(model) or self.tr("Model not named"), model)
        found = self.model_filter.findText(chosen, Qt.MatchFlag.MatchFixedString)
        self.model_filter.setCurrentIndex(max(found, 0))  # a choice made meanwhile stays

    def _chosen_model(self) -> str | None:
        index = self.model_filter.findText(self.model_filter.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.model_filter.itemData(index) if index >= 0 else None

    @Slot()
    def show_totals(self) -> None:
        """The count and totals of every query the filters keep."""
        t = self.model.totals()
        e, c, w = t["energy_wh"], t["co2e_g"], t["water_ml"]
        self.totals.setText(
            self.tr("{count} queries shown: {energy} · {carbon} · {water}").format(
                count=fmt.integer(t["count"]),
                energy=fmt.energy_range(e["central"], e["low"], e["high"]),
                carbon=fmt.with_range(c["central"], c["low"], c["high"], "g CO₂e"),
                water=fmt.with_range(w["central"], w["low"], w["high"], "mL"),
            )
        )

    @Slot()
    def _fit_columns(self) -> None:
        """Columns wide enough for their text (no clipped text); done once, for the first page."""
        if self._fitted or self.model.rowCount() == 0:
            return
        self._fitted = True
        self.table.resizeColumnsToContents()
        self._spread_model_column()

    def _spread_model_column(self) -> None:
        """The model's column: its text's width, or more to fill the table's width when the others leave room."""
        header = self.table.horizontalHeader()
        column = SORT_KEYS.index("model")
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column)
        wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
        header.resizeSection(column, max(wanted, self.table.viewport().width() - others))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The model's column follows the table's width."""
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport() and self._fitted:
            self._spread_model_column()
        return super().eventFilter(watched, event)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    @Slot()
    def open_current(self) -> None:
        """Opens the detail of the selected query."""
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> QueryDetail | None:
        """Opens the detail of a row's query (returned, for tests); None when it is gone."""
        item = self.model.item(row)
        if item is None:
            return None
        dialog = QueryDetail(item, self.data, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def delete_current(self) -> None:
        """Deletes the selected query after asking."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        what = " · ".join(self.model.index(row, column).data() for column in range(3))
        answer = QMessageBox.question(
            self,
            self.tr("Delete this query?"),
            self.tr("Delete {what} from your history? The totals of its day and week will no longer count it.").format(
                what=what
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.delete_row(row)
            self.deleted.emit()

    @Slot()
    def apply_filters(self) -> None:
        """Refetches the feed with the bar's filters."""
        self.model.set_filters(self.filters())

    @Slot()
    def _fill(self) -> None:
        # An empty model gets no scroll events: fetch the first page ourselves.
        if self.model.rowCount() == 0 and self.model.canFetchMore():
            self.model.fetchMore()
