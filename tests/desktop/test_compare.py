"""The compare view: typical queries against everyday activities on a log axis, with ranges."""

from __future__ import annotations

from PySide6.QtCharts import QLogValueAxis
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot
from wattprint.core.model.modeldata import load
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.models.comparemodel import CompareModel
from wattprint.desktop.workers import Runner


def test_compare_chart_is_log_scale_with_ranges(window: MainWindow) -> None:
    window.show_view(2)
    items = window.compare_model.items
    keys = {i.key for i in items}
    assert {"search", "chat", "reasoning", "image", "activity:kettle", "service:claude"} <= keys
    chart = window.compare.chart.chart()
    assert any(isinstance(axis, QLogValueAxis) for axis in chart.axes())
    ranged = [i for i in items if i.high > i.low]
    # one bar per item, plus a range line and its end marks for each item with a range
    assert len(chart.series()) == len(items) + 2 * len(ranged)
    assert "Claude (Claude Sonnet 4.6), typical query" in window.compare.answer.text()
    assert "–" in window.compare.answer.text()
    screenshot(window, "compare")


def test_choosing_a_model_shows_its_range(qtbot: QtBot, window: MainWindow) -> None:
    view = window.compare
    with qtbot.waitSignal(window.compare_model.ready, timeout=10_000):
        view.service.setCurrentIndex(view.service.findData("deepseek"))
    with qtbot.waitSignal(window.compare_model.ready, timeout=10_000):
        view.llm.setCurrentIndex(view.llm.findData("deepseek-r1"))
    chosen = window.compare_model.chosen()
    assert chosen is not None
    assert "DeepSeek R1" in chosen.label
    assert chosen.low < chosen.central < chosen.high
    with qtbot.waitSignal(window.compare_model.ready, timeout=10_000):
        view.service.setCurrentIndex(view.service.findData("google"))
    chosen = window.compare_model.chosen()
    assert chosen is not None
    assert chosen.label.startswith("Google")


def test_compare_model_passes_the_model_tester(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = CompareModel(load(), Runner())
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.ready, timeout=10_000):
        model.refresh()
    assert model.rowCount() > 8
    assert model.data(model.index(0, 4)) in ("1", "0.98", "1.4") or model.data(model.index(0, 4))
