"""Every total keeps its range: scale it up, training vs use."""

from __future__ import annotations

import pytest

from wattprint.core.insight import classroom
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load

DATA = load()


@pytest.fixture(scope="module")
def estimator() -> Estimator:
    return Estimator(DATA)


def test_scale_it_up_keeps_the_range_of_one_query(estimator: Estimator) -> None:
    per_query = classroom.typical_chat_range(estimator)
    found = classroom.scale_up(per_query, 5_000_000_000, 10, 365, DATA)
    low, central, high = found.total_range
    assert low < central < high
    assert central == pytest.approx(found.total_wh)
    assert low == pytest.approx(per_query[0] * 5e9 * 10 * 365)
    assert high == pytest.approx(per_query[2] * 5e9 * 10 * 365)
    text = classroom.energy_range_text(*found.total_range)
    assert "TWh" in text
    assert "(" in text


def test_training_vs_use_keeps_both_ranges(estimator: Estimator) -> None:
    scene = classroom.training_vs_use(DATA, classroom.typical_chat_range(estimator))
    gpt4 = next(row for row in scene.rows if row.key == "gpt4")
    low, central, high = gpt4.queries_range
    assert low < central < high
    assert central == gpt4.queries_to_pass
    assert "(" in classroom.count_range_text(*gpt4.queries_range)


def test_training_figures_at_their_own_scope() -> None:
    gpt4 = DATA.training["gpt4"]
    assert gpt4.energy_mwh_low == pytest.approx(51_772.5)  # 51,772,500 kWh, as the article gives it
    assert gpt4.article_energy_mwh_high == pytest.approx(62_318.75)  # the article's 100 days as 2,600 hours
    assert gpt4.energy_mwh_high == pytest.approx(57_525.0)  # 100 days as 2,400 hours
    assert gpt4.co2e_t_low == pytest.approx(12_456.0)
    assert gpt4.article_co2e_t_high == pytest.approx(14_994.0)
    assert "2,600 hours" in gpt4.scope
    gpt3 = DATA.training["gpt3"]
    assert gpt3.co2e_t == 502.0
    assert gpt3.co2e_source == "ai-index-2023"
    assert gpt3.co2e_scope == "dynamic"
    assert gpt3.co2e_t_other == 552.0  # Patterson et al.'s own figure, kept apart from the AI Index's
    assert gpt3.co2e_other_source == "patterson-2021"
    bloom = DATA.training["bloom"]
    assert bloom.co2e_t == 50.5
    assert bloom.co2e_t_dynamic == pytest.approx(24.7)
    assert bloom.co2e_scope == "full"
    assert {DATA.training[k].co2e_scope for k in ("opt", "gopher")} == {"dynamic"}
    assert "dynamic" in bloom.scope
    scene = classroom.training_vs_use(DATA, 0.34)
    row = next(row for row in scene.rows if row.key == "gpt4")
    assert row.co2e_t[0] < row.co2e_t[1] < row.co2e_t[2]
