"""Scenario scaling: people x queries a day x days, compared with households and countries."""

from __future__ import annotations

from dataclasses import dataclass

from wattprint.core.model.modeldata import ModelData


@dataclass(frozen=True, slots=True)
class Scenario:
    """A scaled-up use and what it compares with.

    Attributes:
        total_wh: Energy of all the queries, Wh.
        per_year_kwh: The same use over a year, kWh.
        households: How many households of the chosen kind use that much electricity in a year.
        country: The country whose yearly electricity is nearest at or above the yearly use, as (name, share of it).
    """

    total_wh: float
    per_year_kwh: float
    households: float
    country: tuple[str, float] | None


def scale(
    wh_per_query: float, people: float, queries_per_day: float, days: float, data: ModelData, households: str = "us"
) -> Scenario:
    """Scales one query's energy up to a population.

    Args:
        wh_per_query: Energy of one query, Wh.
        people: Number of people.
        queries_per_day: Queries each person makes a day.
        days: Number of days.
        data: Model data with households and countries.
        households: Key of the household kind to compare with (us, uk, eu, cn).
    """
    if min(wh_per_query, people, queries_per_day, days) < 0:
        raise ValueError("scenario inputs cannot be negative")
    total = wh_per_query * people * queries_per_day * days
    per_year_kwh = wh_per_query * people * queries_per_day * 365 / 1000.0
    household = data.scaling.households[households]
    twh = per_year_kwh / 1e9
    country = None
    for item in sorted(data.scaling.countries.values(), key=lambda c: c.twh):
        if item.twh >= twh:
            country = (item.name, twh / item.twh)
            break
    if country is None and data.scaling.countries:
        largest = max(data.scaling.countries.values(), key=lambda c: c.twh)
        country = (largest.name, twh / largest.twh)
    return Scenario(total, per_year_kwh, per_year_kwh / household.kwh_per_year, country)
