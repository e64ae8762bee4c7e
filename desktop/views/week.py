"""The week view.

The week's totals with ranges, AI against search, a chart per day, a breakdown per service, the change from last
week, the 12-week trend and plain sentences. Previous and next buttons move between weeks.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.models.weekmodel import TREND_CHOICES, ServiceModel, WeekData, WeekModel
from wattprint.desktop.widgets.charts import DayChart, TrendChart

PERIOD_NAMES = (
    (QT_TRANSLATE_NOOP("WeekView", "Week"), "week"),
    (QT_TRANSLATE_NOOP("WeekView", "Month"), "month"),
    (QT_TRANSLATE_NOOP("WeekView", "Year"), "year"),
    (QT_TRANSLATE_NOOP("WeekView", "Dates…"), "range"),
)


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Sizes a widget's font relative to the app's font (so it grows with the user's font size)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(bold)
    widget.setFont(font)


def _card(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    heading = QLabel(title)  # the window's text colour: readable in light and dark schemes, sized with the font
    heading.setToolTip(display.range_help())
    value = QLabel("—")
    value.setToolTip(display.range_help())
    _scaled(value, 1.4, bold=True)
    value.setAccessibleName(name)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setWordWrap(True)  # a narrow window wraps "59 AI · 80 Wh / 13 searches · 2 Wh", never cuts it
    layout.addWidget(heading)
    layout.addWidget(value)
    return frame, value


class WeekContent(QWidget):
    """Everything about one week, without navigation (the report renders this).

    Args:
        services: The per-service breakdown model.
        parent: The owner.
    """

    def __init__(self, services: ServiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("This week"))
        _scaled(self.title, 1.6, bold=True)
        self.title.setAccessibleName(self.tr("Week shown"))
        cards = QGridLayout()
        energy_card, self.energy = _card(self.tr("Energy (range)"), self.tr("Energy this week"))
        co2_card, self.co2 = _card(self.tr("Carbon (range)"), self.tr("Carbon this week"))
        water_card, self.water = _card(self.tr("Water (range)"), self.tr("Water this week"))
        split_card, self.split = _card(self.tr("AI answers / plain searches"), self.tr("AI answers and searches"))
        change_card, self.change = _card(self.tr("Against last week"), self.tr("Change from last week"))
        for column, card in enumerate((energy_card, co2_card, water_card)):
            cards.addWidget(card, 0, column)
        cards.addWidget(split_card, 1, 0)
        cards.addWidget(change_card, 1, 1, 1, 2)
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setAccessibleName(self.tr("Week in words"))
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _scaled(self.sentences, 1.1)
        self.range_help = QLabel(self.tr("<a href='#'>What does a range mean?</a>"))
        self.range_help.setAccessibleName(self.tr("What does a range mean?"))
        self.range_help.setToolTip(display.range_help())
        self.range_help.linkActivated.connect(self._explain_range)
        self.days = DayChart()
        self.trend = TrendChart()
        charts = QHBoxLayout()
        charts.addWidget(self.days, 1)
        charts.addWidget(self.trend, 1)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Energy per service"))
        self.table.setModel(services)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table.setTabKeyNavigation(False)
        self.models = ServiceModel(services.data_, self, key="model")
        self.model_table = QTableView()
        self.model_table.setAccessibleName(self.tr("Energy per model"))
        self.model_table.setModel(self.models)
        self.model_table.verticalHeader().hide()
        for table in (self.table, self.model_table):  # names get the room, numbers what they need: no clipped text
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setWordWrap(False)
        self.model_table.setMinimumHeight(160)
        self.model_table.setTabKeyNavigation(False)
        tables = QHBoxLayout()
        tables.addWidget(self.table, 1)
        tables.addWidget(self.model_table, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(cards)
        layout.addWidget(self.sentences)
        layout.addWidget(self.range_help)
        layout.addLayout(charts)
        layout.addLayout(tables)

    @Slot()
    def _explain_range(self) -> None:
        QMessageBox.information(self, self.tr("What does a range mean?"), display.range_help())

    def show_week(self, week: WeekData) -> None:
        """Fills every part with one week."""
        s = week.summary
        end = week.end or week.start + timedelta(days=6)
        locale = QLocale()
        # The QDate formats below are translated (d: day, MMMM: month name, yyyy: year); Chinese reads "M月d日".
        first = locale.toString(QDate(week.start), self.tr("d MMMM"))
        last = locale.toString(QDate(end), self.tr("d MMMM yyyy"))
        if week.period == "month":
            self.title.setText(locale.toString(QDate(week.start), self.tr("MMMM yyyy")))
        elif week.period == "year":
            self.title.setText(str(week.start.year))
        elif week.period == "range":
            self.title.setText(self.tr("{first} – {last}").format(first=first, last=last))
        else:
            self.title.setText(self.tr("Week of {first} – {last}").format(first=first, last=last))
        e, c, w = s["energy_wh"], s["co2e_g"], s["water_ml"]
        self.energy.setText(fmt.energy_range(e["central"], e["low"], e["high"]))
        self.co2.setText(fmt.with_range(c["central"], c["low"], c["high"], "g CO₂e"))
        self.water.setText(fmt.with_range(w["central"], w["low"], w["high"], "mL"))
        days = week.days
        ai = [sum(d.ai_low_wh for d in days), sum(d.ai_wh for d in days), sum(d.ai_high_wh for d in days)]
        search = [sum(d.search_low_wh for d in days), sum(d.search_wh for d in days)]
        search.append(sum(d.search_high_wh for d in days))
        text = self.tr("{ai} AI · {ai_energy}   /   {searches} searches · {search_energy}").format(
            ai=fmt.integer(s["ai_count"]),
            ai_energy=fmt.energy_range(ai[1], ai[0], ai[2]),  # each part keeps its range, as the total does
            searches=fmt.integer(s["search_count"]),
            search_energy=fmt.energy_range(search[1], search[0], search[2]),
        )
        # One half a line, each kept whole: a number never parted from its unit, a word never split (搜 / 索).
        halves = [half.strip().replace(" ", "\u00a0") for half in text.split("/")]
        self.split.setText("\n".join(halves))
        self.change.setText(fmt.change(s))
        self.sentences.setText("\n".join(week.sentences))
        self.days.set_days(week.days, monthly=week.by_month)
        self.trend.set_weeks(week.weeks)
        self.models.set_services(week.models)


class WeekView(QWidget):
    """The week view with previous / next navigation.

    Args:
        model: The week model.
        services: The per-service breakdown model.
        parent: The owner.
    """

    def __init__(self, model: WeekModel, services: ServiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.services = services
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.previous.setAccessibleName(self.tr("Previous week"))
        self.previous.setShortcut("Alt+Left")
        self.next = QPushButton(self.tr("Next week ▶"))
        self.next.setAccessibleName(self.tr("Next week"))
        self.next.setShortcut("Alt+Right")
        self.this_week = QPushButton(self.tr("This week"))
        self.this_week.setAccessibleName(self.tr("This week"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period shown"))
        for label, value in PERIOD_NAMES:
            self.period.addItem(QCoreApplication.translate("WeekView", label), value)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-29))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, self.tr("First day shown")), (self.until, self.tr("Last day shown"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(self._range_changed)
        self.trend_span = QComboBox()
        self.trend_span.setAccessibleName(self.tr("Weeks in the trend"))
        for weeks in TREND_CHOICES:
            self.trend_span.addItem(self.tr("Trend: {count} weeks").format(count=weeks), weeks)
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addWidget(self.this_week)
        nav.addWidget(self.next)
        nav.addSpacing(12)
        nav.addWidget(self.period)
        nav.addWidget(self.since)
        nav.addWidget(self.until)
        nav.addStretch(1)
        nav.addWidget(self.trend_span)
        self.content = WeekContent(services)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(scroll)
        self.previous.clicked.connect(model.previous)
        self.next.clicked.connect(model.next)
        self.this_week.clicked.connect(self._this_week)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.trend_span.currentIndexChanged.connect(lambda _i: model.set_trend_weeks(self.trend_span.currentData()))
        model.ready.connect(self.show_week)

    def _span(self) -> tuple[date, date]:
        return (
            date.fromisoformat(self.since.date().toString("yyyy-MM-dd")),
            date.fromisoformat(self.until.date().toString("yyyy-MM-dd")),
        )

    @Slot()
    def _period_changed(self) -> None:
        period = self.period.currentData()
        for edit in (self.since, self.until):
            edit.setVisible(period == "range")
        self.model.set_period(period, self._span() if period == "range" else None)

    @Slot()
    def _range_changed(self) -> None:
        if self.period.currentData() == "range":
            self.model.set_period("range", self._span())

    @Slot()
    def _this_week(self) -> None:
        if self.model.period == "range":
            length = (self.model.end - self.model.start).days
            self.model.set_period("range", (date.today() - timedelta(days=length), date.today()))
            return
        self.model.set_day(date.today())

    @Slot(object)
    def show_week(self, week: WeekData) -> None:
        """Shows a computed week."""
        self.services.set_services(week.summary["services"])
        self.content.show_week(week)
        current = self.model.is_current()
        self.next.setEnabled(not current)
        self.this_week.setEnabled(not current)
