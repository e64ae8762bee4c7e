"""The week view.

The week's totals with ranges, AI against search, a chart per day, a breakdown per service, the change from last
week, the 12-week trend and plain sentences. Previous and next buttons move between weeks.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wattprint.desktop import format as fmt
from wattprint.desktop.models.weekmodel import ServiceModel, WeekData, WeekModel
from wattprint.desktop.widgets.charts import DayChart, TrendChart


def _card(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    heading = QLabel(title)
    heading.setStyleSheet("color: palette(mid); font-size: 11px;")
    value = QLabel("—")
    value.setStyleSheet("font-size: 18px; font-weight: 600;")
    value.setAccessibleName(name)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
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
        self.sentences.setStyleSheet("font-size: 14px;")
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(cards)
        layout.addWidget(self.sentences)
        layout.addLayout(charts)
        layout.addWidget(self.table)

    def show_week(self, week: WeekData) -> None:
        """Fills every part with one week."""
        s = week.summary
        end = week.start + timedelta(days=6)
        locale = QLocale()
        # The two QDate formats below are translated (d: day, MMMM: month name, yyyy: year); Chinese reads "M月d日".
        first = locale.toString(QDate(week.start), self.tr("d MMMM"))
        last = locale.toString(QDate(end), self.tr("d MMMM yyyy"))
        self.title.setText(self.tr("Week of {first} – {last}").format(first=first, last=last))
        e, c, w = s["energy_wh"], s["co2e_g"], s["water_ml"]
        self.energy.setText(fmt.energy_range(e["central"], e["low"], e["high"]))
        self.co2.setText(fmt.with_range(c["central"], c["low"], c["high"], "g CO₂e"))
        self.water.setText(fmt.with_range(w["central"], w["low"], w["high"], "mL"))
        ai_wh = sum(d.ai_wh for d in week.days)
        search_wh = sum(d.search_wh for d in week.days)
        self.split.setText(
            self.tr("{ai} AI · {ai_energy}   /   {searches} searches · {search_energy}").format(
                ai=fmt.integer(s["ai_count"]),
                ai_energy=fmt.energy(ai_wh),
                searches=fmt.integer(s["search_count"]),
                search_energy=fmt.energy(search_wh),
            )
        )
        self.change.setText(fmt.change(s))
        self.sentences.setText("\n".join(week.sentences))
        self.days.set_days(week.days)
        self.trend.set_weeks(week.weeks)


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
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addWidget(self.this_week)
        nav.addWidget(self.next)
        nav.addStretch(1)
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
        model.ready.connect(self.show_week)

    @Slot()
    def _this_week(self) -> None:
        from datetime import date

        self.model.set_day(date.today())

    @Slot(object)
    def show_week(self, week: WeekData) -> None:
        """Shows a computed week."""
        self.services.set_services(week.summary["services"])
        self.content.show_week(week)
        current = self.model.is_current()
        self.next.setEnabled(not current)
        self.this_week.setEnabled(not current)
