"""Training footprints and scenario scaling."""

from __future__ import annotations

import pytest

from wattprint.core.model import scaling, training
from wattprint.core.model.modeldata import load

DATA = load()


def test_reference_table_has_the_published_runs() -> None:
    assert {"bloom", "gpt3", "gopher", "opt", "gpt4"} <= set(DATA.training)
    assert DATA.training["gpt3"].energy_mwh == 1287.0
    gpt4 = DATA.training["gpt4"]
    assert gpt4.energy_mwh_low is not None
    assert gpt4.energy_mwh_high is not None
    assert gpt4.energy_mwh_low <= gpt4.energy_mwh <= gpt4.energy_mwh_high


def test_calculator_reproduces_the_gpt4_estimate() -> None:
    """25,000 A100 x 90 days, 6.5 kW per 8 GPUs, PUE 1.18 -> 51,772 MWh (the published method)."""
    result = training.calculate(25_000, 90 * 24, DATA, accelerator_kw=6.5 / 8, pue=1.18)
    assert result.energy_mwh == pytest.approx(51_772, rel=0.001)
    assert result.co2e_t is None


def test_calculator_emissions_follow_the_grid() -> None:
    result = training.calculate(1000, 100, DATA, grid_g_per_kwh=400)
    assert result.co2e_t == pytest.approx(1000 * 100 * 0.7 * 1.2 * 400 / 1e6)


def test_amortisation_and_break_even() -> None:
    assert training.amortised_wh_per_query(1287, 1e9) == pytest.approx(1.287)
    assert training.queries_to_pass_training(1287, 0.34) == pytest.approx(1287e6 / 0.34)
    with pytest.raises(ValueError, match="positive"):
        training.amortised_wh_per_query(1, 0)
    with pytest.raises(ValueError, match="negative"):
        training.calculate(-1, 1, DATA)


def test_scaling_a_class_and_the_world() -> None:
    one_class = scaling.scale(0.34, 30, 10, 365, DATA)
    assert one_class.total_wh == pytest.approx(0.34 * 30 * 10 * 365)
    assert one_class.households < 1
    billions = scaling.scale(0.34, 1e9, 10, 365, DATA)
    assert billions.per_year_kwh == pytest.approx(0.34 * 1e10 * 365 / 1000)
    assert billions.country is not None
    name, share = billions.country
    assert name in {c.name for c in DATA.scaling.countries.values()}
    assert 0 < share <= 1
    assert billions.households > 100_000
    with pytest.raises(ValueError, match="negative"):
        scaling.scale(-1, 1, 1, 1, DATA)
