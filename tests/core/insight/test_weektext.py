"""The week's sentences keep every total's range: AI use, plain searches, carbon, water and the home grid's carbon."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlite_utils import Database

from wattprint.core.insight import demo, trend, weektext
from wattprint.core.insight.trend import Day
from wattprint.core.model.modeldata import load
from wattprint.core.store import history, queries
from wattprint.core.words import units
from wattprint.core.words.i18n import use

NOW = datetime(2026, 11, 20, 18, 0).astimezone()
START = queries.week_start(NOW.date())
AI = "(kind != 'search' OR modes LIKE '%ai_overview%')"  # as queries.model_breakdown counts an AI answer


@pytest.fixture
def db() -> Database:
    store = history.open_db()
    demo.generate(store, days=21, seed=7, now=NOW)
    return store


def _sums(db: Database, where: str, prefix: str = "energy") -> tuple[float, float, float]:
    """Low, central and high summed straight from the interactions of the week (not from the rollup)."""
    row = db.conn.execute(
        f"SELECT sum({prefix}_low), sum({prefix}_central), sum({prefix}_high) FROM interactions"
        f" WHERE day BETWEEN ? AND ? AND {where}",
        (START.isoformat(), (START + timedelta(days=6)).isoformat()),
    ).fetchone()
    return float(row[0]), float(row[1]), float(row[2])


def _wh(value: float, figures: int) -> str:
    return f"{units.plain(value / 1000, figures)} kWh" if value >= 1000 else f"{units.plain(value, figures)} Wh"


def _energy(low: float, central: float, high: float, most: int = 2) -> str:
    f = min(most, units.range_figures(low, high))
    return f"{_wh(central, f)} (somewhere between {_wh(low, f)} and {_wh(high, f)})"


def _amount(low: float, central: float, high: float, unit: str, central_unit: str) -> str:
    f = units.range_figures(low, high)
    n = units.plain
    return f"{n(central, f)} {central_unit} (somewhere between {n(low, f)} {unit} and {n(high, f)} {unit})"


def _week(db: Database, region: str | None = "FR") -> tuple[dict, list[str]]:
    summary = queries.week_summary(db, load(), NOW.date(), now=NOW)
    return summary, weektext.sentences(summary, trend.days(db, START), load(), region=region)


def test_days_carry_the_ai_and_search_ranges(db: Database) -> None:
    days = trend.days(db, START)
    ai, search = _sums(db, AI), _sums(db, f"NOT {AI}")
    assert (sum(d.ai_low_wh for d in days), sum(d.ai_high_wh for d in days)) == pytest.approx((ai[0], ai[2]))
    assert (sum(d.search_low_wh for d in days), sum(d.search_high_wh for d in days)) == pytest.approx(
        (search[0], search[2])
    )
    assert all(d.ai_low_wh <= d.ai_wh <= d.ai_high_wh for d in days)


def test_ai_and_search_sentences_keep_their_ranges(db: Database) -> None:
    summary, lines = _week(db)
    total = summary["energy_wh"]
    most = units.range_figures(total["low"], total["high"])  # the parts no more precise than the total
    ai, search = _sums(db, AI), _sums(db, f"NOT {AI}")
    assert ai[2] > ai[0] > 0
    count = summary["ai_count"]
    assert lines[0] == f"This week your AI use ({count} answers) took about {_energy(*ai, most)}."
    count = summary["search_count"]
    assert lines[1] == f"Your {count} plain searches took about {_energy(*search, most)}."


def test_in_all_carbon_and_water_keep_their_ranges(db: Database) -> None:
    _summary, lines = _week(db)
    energy, co2, water = _sums(db, "1"), _sums(db, "1", "co2"), _sums(db, "1", "water")
    assert f"In all: {_energy(*energy)}." in lines
    assert f"Carbon: about {_amount(*co2, 'g', 'g CO₂e')}." in lines
    assert f"Water: about {_amount(*water, 'mL', 'mL')}." in lines
    assert water[2] / water[0] > units.WIDE_RANGE  # a wide range: one significant figure
    assert not any("mL of water" in line for line in lines)  # the old central-only sentence is gone


def test_home_grid_carbon_carries_the_energy_range(db: Database) -> None:
    data = load()
    grid = data.grid[data.regions["FR"].zone].g_per_kwh
    low, central, high = (wh * grid / 1000 for wh in _sums(db, "1"))
    _summary, lines = _week(db)
    home = _amount(low, central, high, "g", "g CO₂e")
    assert lines[-1] == f"The same electricity at home in France would emit about {home}."
    assert "somewhere between" in lines[-1]
    _summary, lines = _week(db, region=None)
    assert not any("at home" in line for line in lines)


def test_a_range_whose_ends_read_alike_is_not_repeated() -> None:
    """A range as narrow as its rounding ("2 Wh (somewhere between 2 Wh and 2 Wh)") shows its central alone."""
    flat = {"low": 2.0, "central": 2.0, "high": 2.0}
    summary = {"period": "week", "count": 1, "ai_count": 1, "search_count": 0, "energy_wh": flat, "co2e_g": flat,
               "water_ml": flat}  # fmt: skip
    day = Day(date(2026, 11, 16), 2.0, 0.0, 1, 0, 2.0, 2.0, 0.0, 0.0)
    lines = weektext.sentences(summary, [day], load())
    assert lines[:4] == [
        "This week your AI use (1 answer) took about 2 Wh.",
        "In all: 2 Wh.",
        "Carbon: about 2 g CO₂e.",
        "Water: about 2 mL.",
    ]


def test_sentences_keep_their_ranges_in_chinese(db: Database) -> None:
    use("zh_CN")
    try:
        _summary, lines = _week(db)
    finally:
        use(None)
    text = "\n".join(lines)
    assert text.count("介于") == 6  # AI use, plain searches, in all, carbon, water, at home
    assert "碳排放：约 " in text
    assert "用水：约 " in text
    assert "somewhere" not in text
