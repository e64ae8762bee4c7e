"""Comparisons: typical queries with ranges, ordered, beside everyday activities."""

from __future__ import annotations

import pytest

from wattprint.core.insight import compare
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load


@pytest.fixture(scope="module")
def estimator() -> Estimator:
    return Estimator(load())


def test_typical_chatgpt_query_contains_openais_figure(estimator: Estimator) -> None:
    """OpenAI's 0.34 Wh (June 2025) describes ChatGPT with GPT-4o, the model of its era."""
    item = compare.typical_query(estimator, "chatgpt", "gpt-4o")
    assert item.low <= 0.34 <= item.high
    assert item.group == "ai"


def test_reasoning_costs_more_than_a_chat_which_costs_more_than_a_search(estimator: Estimator) -> None:
    items = {i.key: i for i in compare.reference_items(estimator)}
    assert items["search"].central < items["chat"].central < items["reasoning"].central


def test_comparison_is_sorted_and_has_activities(estimator: Estimator) -> None:
    items = compare.comparison(estimator, "claude", "claude-haiku-4-5")
    centrals = [i.central for i in items]
    assert centrals == sorted(centrals)
    assert any(i.key == "service:claude" and "Claude Haiku 4.5" in i.label for i in items)  # the name people know
    kettle = next(i for i in items if i.key == "activity:kettle")
    assert kettle.low == kettle.central == kettle.high == 100.0
    assert kettle.label == "Boiling 1 litre of water in a kettle"


def test_every_service_and_model_choice_estimates(estimator: Estimator) -> None:
    items = compare.service_items(estimator)
    assert len(items) == len(load().services)
    assert all(0 < i.low <= i.central <= i.high for i in items)
    for model in compare.MODEL_CHOICES:
        assert compare.typical_query(estimator, "chatgpt", model).central > 0


def test_zone_override_changes_nothing_but_carbon(estimator: Estimator) -> None:
    swedish = Estimator(load(), zone="SWE")
    assert compare.typical_query(swedish, "chatgpt").central == compare.typical_query(estimator, "chatgpt").central
