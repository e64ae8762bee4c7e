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
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from wattprint.core.insight.compare import Item
from wattprint.core.insight.trend import Day, Week
from wattprint.desktop import scheme

# Okabe-Ito colours, told apart with any common colour blindness: AI orange, plain search blue, everyday green.
AI_COLOR = QColor(scheme.OKABE_ORANGE)
SEARCH_COLOR = QColor(scheme.OKABE_BLUE)
EVERYDAY_COLOR = QColor(scheme.OKABE_GREEN)
HIGHLIGHT_COLOR = QColor(scheme.OKABE_PURPLE)  # the week shown, in the trend
TREND_COLOR = QColor("#8c96a0")  # the other weeks: a grey on light and dark, not the blue that means "searches"
GROUP_COLORS = {"ai": AI_COLOR, "search": SEARCH_COLOR, "everyday": EVERYDAY_COLOR}


def range_color() -> QColor:
    """The colour of range lines: the text colour, so it reads on light and dark backgrounds."""
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)


def _nice_max(value: float) -> float:
    """A round axis maximum above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _round_axis(axis: QValueAxis, highest: float) -> None:
    """A value axis from 0 to a round maximum with ticks at round numbers (0, 0.5, 1, 1.5 or 0, 20, 40...)."""
    top = _nice_max(highest)
    power = 10 ** math.floor(math.log10(top))
    steps = top / power  # 1, 2, 5 or 10
    interval = power * (0.2 if steps == 1 else 0.5 if steps == 2 else 1.0 if steps == 5 else 2.0)
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(interval)
    axis.setLabelFormat("%g")
    # Qt measures the room for these labels before the Chinese fallback fonts are resolved, and would cut "100" to
    # "…": the numbers are short, so they are never cut.
    axis.setTruncateLabels(False)


class _ChartView(QChartView):
    """A chart view without animations (reports grab it at once), antialiased, with a plain theme."""

    def __init__(self, title: str, accessible: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        if scheme.is_dark():  # the chart follows the app's scheme; the series keep their own colours
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
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

    def set_days(self, days: Sequence[Day], monthly: bool = False) -> None:
        """Shows the days (or months, each dated with its first day, when `monthly`)."""
        chart = self._clear()
        chart.setTitle(self.tr("Energy per month (Wh)") if monthly else self.tr("Energy per day (Wh)"))
        ai, search = QBarSet(self.tr("AI answers")), QBarSet(self.tr("Plain searches"))
        ai.setColor(AI_COLOR)
        search.setColor(SEARCH_COLOR)
        locale = QLocale()
        labels = []
        for day in days:
            ai.append(day.ai_wh)
            search.append(day.search_wh)
            if monthly:
                labels.append(locale.monthName(day.day.month, QLocale.FormatType.ShortFormat))
            elif len(days) > 31:  # day numbers repeat across months: day and month
                labels.append(locale.toString(QDate(day.day), self.tr("d/M")))
            elif len(days) > 7:
                labels.append(str(day.day.day))
            else:
                labels.append(locale.dayName(day.day.isoweekday(), QLocale.FormatType.ShortFormat))
        series = QStackedBarSeries()
        series.append(ai)
        series.append(search)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(labels)
        y = QValueAxis()
        _round_axis(y, max((d.ai_wh + d.search_wh for d in days), default=0.0))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)


class TrendChart(_ChartView):
    """The last weeks' energy (Wh, central), with the high end of each week's range as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("TrendChart", "Weekly trend (Wh)"),
            QCoreApplication.translate("TrendChart", "Twelve-week trend chart"),
            parent,
        )

    def set_weeks(self, weeks: Sequence[Week], shown: int | None = None) -> None:
        """Shows the weeks, oldest first, the week shown (default: the last) highlighted."""
        chart = self._clear()
        chart.setTitle(self.tr("Last {count} weeks (Wh)").format(count=len(weeks)))
        central = QBarSet(self.tr("Energy"))
        central.setColor(TREND_COLOR)
        central.setSelectedColor(HIGHLIGHT_COLOR)
        labels = []
        locale = QLocale()
        # The week label is a translated QDate format: day/month ("d/M"), or "M/d" in Chinese.
        pattern = self.tr("d/M")
        for week in weeks:
            central.append(week.energy[1])
            labels.append(locale.toString(QDate(week.start), pattern))
        if weeks:
            central.selectBar(len(weeks) - 1 if shown is None else shown)
        self.highlighted = central.selectedBars()
        bars = QBarSeries()
        bars.append(central)
        chart.addSeries(bars)
        x = QBarCategoryAxis()
        every = max(1, len(labels) // 13)  # at most about 13 labels: the others stay blank
        x.append([text if i % every == 0 or i == len(labels) - 1 else " " * (i + 1) for i, text in enumerate(labels)])
        x.setLabelsAngle(-90)
        x.setTruncateLabels(False)  # "16/11" fits standing up; Qt would otherwise cut it to "1…"
        y = QValueAxis()
        _round_axis(y, max((w.energy[1] for w in weeks), default=0.0))
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
        # A little room before the first decade, so its label ("0.01") shows beside the items' names.
        x.setRange(floor / 1.5, ceiling)
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
                spread.setPen(QPen(range_color(), 2))
                self._add(chart, spread, x, y)
                ends = QScatterSeries()
                ends.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
                ends.setMarkerSize(8)
                ends.setColor(range_color())
                ends.setBorderColor(range_color())
                ends.append(QPointF(item.low, row))
                ends.append(QPointF(item.high, row))
                self._add(chart, ends, x, y)

    @staticmethod
    def _add(chart: QChart, series: QLineSeries | QScatterSeries, x: QLogValueAxis, y: QCategoryAxis) -> None:
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
