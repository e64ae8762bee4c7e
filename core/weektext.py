"""The week summary in plain sentences, with everyday equivalents ("like 72 minutes of an LED bulb")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wattprint.core.model import equivalents
from wattprint.core.modeldata import ModelData
from wattprint.core.trend import Day


def _n(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.2g}"


def _wh(value: float) -> str:
    return f"{_n(value / 1000)} kWh" if value >= 1000 else f"{_n(value)} Wh"


def sentences(
    summary: dict[str, Any], days: Sequence[Day], data: ModelData, region: str | None = None
) -> list[str]:
    """Plain sentences about one week.

    Args:
        summary: `queries.week_summary` of the week.
        days: `trend.days` of the same week (AI and plain-search energy apart).
        data: The model data (equivalents, regions, grid).
        region: The user's region id (regions.toml), for what the same energy would emit at home.
    """
    if not summary["count"]:
        return ["Nothing recorded this week yet."]
    ai_wh = sum(d.ai_wh for d in days)
    search_wh = sum(d.search_wh for d in days)
    energy = summary["energy_wh"]
    out = []
    if summary["ai_count"]:
        like = equivalents.choose(ai_wh, data, limit=1)
        tail = f" — like {like[0].text}." if like else "."
        answers = "answer" if summary["ai_count"] == 1 else "answers"
        out.append(f"This week your AI use ({summary['ai_count']} {answers}) took about {_wh(ai_wh)}{tail}")
    if summary["search_count"]:
        searches = "search" if summary["search_count"] == 1 else "searches"
        out.append(f"Your {summary['search_count']} plain {searches} took about {_wh(search_wh)}.")
    out.append(
        f"In all: {_wh(energy['central'])} (somewhere between {_wh(energy['low'])} and {_wh(energy['high'])}), "
        f"{_n(summary['co2e_g']['central'])} g CO₂e and {_n(summary['water_ml']['central'])} mL of water."
    )
    change = summary.get("change", {}).get("energy_wh")
    if change is not None:
        if abs(change) < 0.5:
            out.append("That is about the same as last week.")
        else:
            out.append(f"That is {abs(change):.0f}% {'more' if change > 0 else 'less'} than last week.")
    if region is not None and region in data.regions:
        where = data.regions[region]
        grid = data.grid.get(where.zone)
        if grid is not None:
            home = energy["central"] * grid.g_per_kwh / 1000
            out.append(f"The same electricity at home in {where.name} would emit about {_n(home)} g CO₂e.")
    return out


__all__ = ["sentences"]
