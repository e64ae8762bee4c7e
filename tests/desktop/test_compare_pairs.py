"""Compare pairs a service only with the models it offers, and names the model "its usual model" stands for."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from wattprint.core.insight import compare
from wattprint.core.model.modeldata import load
from wattprint.desktop.mainwindow import MainWindow


def test_models_offered_follow_the_service() -> None:
    data = load()
    assert compare.models_for("claude", data) == ("claude-sonnet-4-6", "claude-sonnet-4-5", "claude-haiku-4-5")
    assert "deepseek-r1" not in compare.models_for("chatgpt", data)
    assert compare.models_for("google", data) == ()  # a search engine: only its usual AI answers
    assert set(compare.models_for(None, data)) == set(compare.MODEL_CHOICES)
    for service, offered in compare.OPERATOR_MODELS.items():
        assert set(offered) <= set(compare.MODEL_CHOICES), service


def test_the_view_offers_only_the_services_models(qtbot: QtBot, window: MainWindow) -> None:
    view = window.compare
    with qtbot.waitSignal(window.compare_model.ready, timeout=10_000):
        view.service.setCurrentIndex(view.service.findData("chatgpt"))
    shown = [view.llm.itemData(i) for i in range(view.llm.count())]
    assert shown == [None, "gpt-5.5", "gpt-5", "gpt-5-mini", "gpt-4o", "o3"]
    assert view.llm.itemText(0) == "Its usual model (GPT-5.5)"  # the default in core/data/services.toml
    assert view.llm.itemText(2) == "GPT-5"
    with qtbot.waitSignal(window.compare_model.ready, timeout=10_000):
        view.service.setCurrentIndex(view.service.findData("google"))
    assert view.llm.count() == 1
    assert view.llm.itemText(0) == "Its usual model (Gemini 2.5 Flash)"  # Google's AI answers (services.toml)
    assert not view.llm.isEnabled()
