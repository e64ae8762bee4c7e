"""The week view: totals with ranges, AI against search, charts, per-service breakdown, change, navigation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QStackedBarSeries
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot, settle
from wattprint.core.model.modeldata import load
from wattprint.core.store import queries
from wattprint.desktop.mainwindow import MainWindow, first_weekday
from wattprint.desktop.models.weekmodel import ServiceModel


def test_week_shows_totals_ranges_and_sentences(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view(1)
    week = window.week_model.current
    assert week is not None
    assert week.start == queries.week_start(date.today(), first_weekday())
    content = window.week.content
    assert "Wh (" in content.energy.text()
    assert "–" in content.energy.text()
    assert "g CO₂e" in content.co2.text()
    assert "mL" in content.water.text()
    assert "AI" in content.split.text()
    assert "searches" in content.split.text()
    assert "last week" in content.change.text()
    assert "This week your AI use" in content.sentences.text()
    assert "In all, about the same energy as " in content.sentences.text()  # the CLI's equivalent
    assert window.service_model.rowCount() == len(week.summary["services"]) > 0
    assert window.service_model.data(window.service_model.index(0, 0)) == "ChatGPT" or week.summary["services"]
    screenshot(window, "week")


def test_day_chart_has_seven_stacked_days_and_the_trend_twelve_weeks(window: MainWindow) -> None:
    chart = window.week.content.days.chart()
    series = chart.series()[0]
    assert isinstance(series, QStackedBarSeries)
    assert [s.label() for s in series.barSets()] == ["AI answers", "Plain searches"]
    assert series.barSets()[0].count() == 7
    x = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert x.count() == 7
    trend = window.week.content.trend.chart().series()[0]
    assert trend.barSets()[0].count() == 12
    assert window.week_model.current is not None
    # the trend and the week sum the same rows in different orders: equal up to rounding
    assert trend.barSets()[0].at(11) == pytest.approx(window.week_model.current.summary["energy_wh"]["central"])


def test_previous_and_next_week(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view(1)
    start = window.week_model.start
    assert not window.week.next.isEnabled()
    with qtbot.waitSignal(window.week_model.ready, timeout=5000):
        window.week.previous.click()
    assert window.week_model.start == start - timedelta(days=7)
    assert window.week.next.isEnabled()
    assert window.week_model.current is not None
    assert window.week_model.current.start == start - timedelta(days=7)
    with qtbot.waitSignal(window.week_model.ready, timeout=5000):
        window.week.next.click()
    assert window.week_model.start == start
    settle(qtbot, window)


def test_weeks_start_on_the_locales_first_day(window: MainWindow) -> None:
    assert window.week_model.first_weekday == first_weekday()
    assert window.week_model.start.weekday() == first_weekday()


def test_service_model_passes_the_model_tester(qtmodeltester: ModelTester, window: MainWindow) -> None:
    assert window.week_model.current is not None
    model = ServiceModel(load())
    qtmodeltester.check(model)
    model.set_services(window.week_model.current.summary["services"])
    assert model.rowCount() > 0
    shares = [model.data(model.index(r, 4)) for r in range(model.rowCount())]
    assert all(s.endswith("%") for s in shares)


def test_each_part_of_the_week_keeps_its_range(window: MainWindow) -> None:
    """The AI and search parts of the total, and each service's and model's line, show their ranges."""
    from wattprint.desktop import format as fmt

    window.show_view(1)
    week = window.week_model.current
    assert week is not None
    split = window.week.content.split.text()
    ai = [sum(d.ai_low_wh for d in week.days), sum(d.ai_wh for d in week.days), sum(d.ai_high_wh for d in week.days)]
    assert fmt.energy_range(ai[1], ai[0], ai[2]).replace(" ", "\u00a0") in split
    model = window.service_model
    for row, service in enumerate(week.summary["services"]):
        r = service["energy_wh_range"]
        assert model.data(model.index(row, 3)) == fmt.energy_range(r["central"], r["low"], r["high"])
    assert week.models
    for item in week.models:
        r = item["energy_wh_range"]
        assert r["low"] <= r["central"] == item["energy_wh"] <= r["high"]
