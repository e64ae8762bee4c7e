"""The app's charts (QtCharts): the week's days, the 12-week trend, and the log-scale comparison with ranges."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QLogValueAxis,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from wattprint.core.compare import Item
from wattprint.core.trend import Day, Week

AI_COLOR = QColor("#2f7d6d")
SEARCH_COLOR = QColor("#9fb8d6")
EVERYDAY_COLOR = QColor("#d9a441")
RANGE_COLOR = QColor("#333333")
GROUP_COLORS = {"ai": AI_COLOR, "search": SEARCH_COLOR, "everyday": EVERYDAY_COLOR}


def _nice_max(value: float) -> float:
    """A round axis maximum above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


class _ChartView(QChartView):
    """A chart view without animations (reports grab it at once), antialiased, with a plain theme."""

    def __init__(self, title: str, accessible: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(accessible)
        self.setMinimumHeight(220)

    def _clear(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart


class DayChart(_ChartView):
    """The week's energy per day, AI and plain searches stacked (Wh)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DayChart", "Energy per day (Wh)"),
            QCoreApplication.translate("DayChart", "Energy per day chart"),
            parent,
        )

    def set_days(self, days: Sequence[Day]) -> None:
        """Shows the days."""
        chart = self._clear()
        ai, search = QBarSet(self.tr("AI answers")), QBarSet(self.tr("Plain searches"))
        ai.setColor(AI_COLOR)
        search.setColor(SEARCH_COLOR)
        locale = QLocale()
        labels = []
        for day in days:
            ai.append(day.ai_wh)
            search.append(day.search_wh)
            labels.append(locale.dayName(day.day.isoweekday(), QLocale.FormatType.ShortFormat))
        series = QStackedBarSeries()
        series.append(ai)
        series.append(search)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels)
        y = QValueAxis()
        y.setRange(0, _nice_max(max((d.ai_wh + d.search_wh for d in days), default=0.0)))
        y.setLabelFormat("%.3g")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)


class TrendChart(_ChartView):
    """The last weeks' energy (Wh, central), with the high end of each week's range as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("TrendChart", "Last 12 weeks (Wh)"),
            QCoreApplication.translate("TrendChart", "Twelve-week trend chart"),
            parent,
        )

    def set_weeks(self, weeks: Sequence[Week]) -> None:
        """Shows the weeks, oldest first; the last one is the week shown."""
        chart = self._clear()
        central = QBarSet(self.tr("Energy"))
        central.setColor(AI_COLOR)
        labels = []
        locale = QLocale()
        # The week label is a translated QDate format: day/month ("d/M"), or "M/d" in Chinese.
        pattern = self.tr("d/M")
        for week in weeks:
            central.append(week.energy[1])
            labels.append(locale.toString(QDate(week.start), pattern))
        bars = QBarSeries()
        bars.append(central)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append(labels)
        x.setLabelsAngle(-90)
        x.setTruncateLabels(False)  # "16/11" fits standing up; Qt would otherwise cut it to "1…"
        y = QValueAxis()
        y.setRange(0, _nice_max(max((w.energy[1] for w in weeks), default=0.0)))
        y.setLabelFormat("%.3g")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        chart.legend().hide()


class CompareChart(_ChartView):
    """Horizontal bars on a log axis (Wh): each bar is the central estimate, the dark line its low–high range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("CompareChart", "Energy of one of each (Wh, log scale)"),
            QCoreApplication.translate("CompareChart", "Comparison chart"),
            parent,
        )
        self.setMinimumHeight(360)

    def set_items(self, items: Sequence[Item]) -> None:
        """Shows the items, first at the bottom."""
        chart = self._clear()
        chart.legend().hide()
        if not items:
            return
        lowest = min(min(i.low, i.central) for i in items if i.central > 0)
        highest = max(i.high for i in items)
        floor = 10 ** math.floor(math.log10(lowest))
        ceiling = 10 ** math.ceil(math.log10(highest))
        x = QLogValueAxis()
        x.setBase(10)
        x.setRange(floor, ceiling)
        x.setLabelFormat("%g")
        x.setMinorTickCount(-1)
        x.setTitleText("Wh")
        y = QCategoryAxis()
        y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        y.setRange(-0.7, len(items) - 0.3)
        y.setGridLineVisible(False)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bar_width = max(6, min(22, int(240 / len(items))))
        for row, item in enumerate(items):
            y.append(item.label, row)
            bar = QLineSeries()
            bar.append(QPointF(floor, row))
            bar.append(QPointF(max(item.central, floor), row))
            pen = QPen(GROUP_COLORS.get(item.group, AI_COLOR))
            pen.setWidth(bar_width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            bar.setPen(pen)
            self._add(chart, bar, x, y)
            if item.high > item.low:
                spread = QLineSeries()
                spread.append(QPointF(item.low, row))
                spread.append(QPointF(item.high, row))
                spread.setPen(QPen(RANGE_COLOR, 2))
                self._add(chart, spread, x, y)
                ends = QScatterSeries()
                ends.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
                ends.setMarkerSize(8)
                ends.setColor(RANGE_COLOR)
                ends.setBorderColor(RANGE_COLOR)
                ends.append(QPointF(item.low, row))
                ends.append(QPointF(item.high, row))
                self._add(chart, ends, x, y)

    @staticmethod
    def _add(chart: QChart, series: QLineSeries | QScatterSeries, x: QLogValueAxis, y: QCategoryAxis) -> None:
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
