"""Week, month, year and any dates; per-model breakdown; longer trends with the week shown highlighted; round ticks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QValueAxis
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import settle
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.models.weekmodel import monthly, period_bounds


def test_period_bounds() -> None:
    day = date(2026, 2, 11)
    assert period_bounds("week", day, 0) == (date(2026, 2, 9), date(2026, 2, 15))
    assert period_bounds("month", day, 0) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_bounds("year", day, 0) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_bounds("range", day, 0, (date(2026, 3, 5), date(2026, 1, 2))) == (date(2026, 1, 2), date(2026, 3, 5))


def _show(qtbot: QtBot, win: MainWindow, period: str) -> None:
    view = win.week
    with qtbot.waitSignal(win.week_model.ready, timeout=10_000):
        view.period.setCurrentIndex(view.period.findData(period))
    settle(qtbot, win)


def test_month_year_and_dates(qtbot: QtBot, window: MainWindow, seeded: int) -> None:
    window.show_view(1)
    _show(qtbot, window, "month")
    current = window.week_model.current
    assert current is not None
    assert current.period == "month"
    assert current.start == date.today().replace(day=1)
    assert len(current.days) == (current.end - current.start).days + 1
    _show(qtbot, window, "year")
    current = window.week_model.current
    assert current is not None
    assert current.by_month
    assert sum(d.ai_count + d.search_count for d in current.days) == current.summary["count"] > 0  # the whole year
    assert window.week.content.title.text() == str(date.today().year)
    view = window.week
    _show(qtbot, window, "range")
    assert view.since.isVisible()
    with qtbot.waitSignal(window.week_model.ready, timeout=10_000):
        view.since.setDate(view.until.date().addDays(-9))
    current = window.week_model.current
    assert current is not None
    assert (current.end - current.start).days == 9
    assert current.summary["count"] > 0


def test_models_breakdown_and_trend(qtbot: QtBot, window: MainWindow) -> None:
    content = window.week.content
    models = [content.models.index(r, 0).data() for r in range(content.models.rowCount())]
    assert models
    assert "GPT-5" in models
    assert not any(name and name.islower() and "-" in name for name in models)
    assert content.trend.highlighted == [11]  # the week shown: the last of 12
    with qtbot.waitSignal(window.week_model.ready, timeout=10_000):
        window.week.trend_span.setCurrentIndex(window.week.trend_span.findData(52))
    current = window.week_model.current
    assert current is not None
    assert len(current.weeks) == 52
    assert "52" in content.trend.chart().title()


def test_ticks_are_round_numbers(window: MainWindow) -> None:
    for chart in (window.week.content.days.chart(), window.week.content.trend.chart()):
        y = next(a for a in chart.axes() if isinstance(a, QValueAxis))
        top, interval = y.max(), y.tickInterval()
        for value in (top, interval):
            mantissa = f"{value:e}".split("e")[0].rstrip("0").rstrip(".")
            assert mantissa in ("1", "2", "5"), value  # 1, 2 or 5 times a power of ten
        assert round(top / interval, 6).is_integer()
        assert y.tickType() == QValueAxis.TickType.TicksDynamic


def test_monthly_sums_days() -> None:
    from wattprint.core.insight.trend import Day

    days = [Day(date(2026, 1, 30) + timedelta(days=i), 1.0, 0.5, 1, 1, 0.25, 3.0, 0.2, 1.5) for i in range(4)]
    months = monthly(days)
    assert [m.day for m in months] == [date(2026, 1, 1), date(2026, 2, 1)]
    assert months[0].ai_wh == 2.0
    assert months[1].search_count == 2
    # the ranges are summed too, low with low and high with high (the sentences show them)
    assert (months[0].ai_low_wh, months[0].ai_high_wh) == (0.5, 6.0)
    assert (months[1].search_low_wh, months[1].search_high_wh) == (0.4, 3.0)
