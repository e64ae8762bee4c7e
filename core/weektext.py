"""The week summary in plain sentences, with everyday equivalents ("like 72 minutes of an LED bulb")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wattprint.core import display
from wattprint.core.i18n import _
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
        return [_("Nothing recorded this week yet.")]
    ai_wh = sum(d.ai_wh for d in days)
    search_wh = sum(d.search_wh for d in days)
    energy = summary["energy_wh"]
    out = []
    if summary["ai_count"]:
        like = equivalents.choose(ai_wh, data, limit=1)
        if summary["ai_count"] == 1:
            text = _("This week your AI use ({count} answer) took about {energy} — like {like}.") if like else _(
                "This week your AI use ({count} answer) took about {energy}."
            )
        else:
            text = _("This week your AI use ({count} answers) took about {energy} — like {like}.") if like else _(
                "This week your AI use ({count} answers) took about {energy}."
            )
        out.append(text.format(count=summary["ai_count"], energy=_wh(ai_wh), like=like[0].text if like else ""))
    if summary["search_count"]:
        if summary["search_count"] == 1:
            text = _("Your {count} plain search took about {energy}.")
        else:
            text = _("Your {count} plain searches took about {energy}.")
        out.append(text.format(count=summary["search_count"], energy=_wh(search_wh)))
    out.append(
        _(
            "In all: {energy} (somewhere between {low} and {high}), {co2} g CO₂e and {water} mL of water."
        ).format(
            energy=_wh(energy["central"]),
            low=_wh(energy["low"]),
            high=_wh(energy["high"]),
            co2=_n(summary["co2e_g"]["central"]),
            water=_n(summary["water_ml"]["central"]),
        )
    )
    change = summary.get("change", {}).get("energy_wh")
    if change is not None:
        if abs(change) < 0.5:
            out.append(_("That is about the same as last week."))
        elif change > 0:
            out.append(_("That is {percent}% more than last week.").format(percent=f"{abs(change):.0f}"))
        else:
            out.append(_("That is {percent}% less than last week.").format(percent=f"{abs(change):.0f}"))
    if region is not None and region in data.regions:
        where = data.regions[region]
        grid = data.grid.get(where.zone)
        if grid is not None:
            home = energy["central"] * grid.g_per_kwh / 1000
            out.append(
                _("The same electricity at home in {place} would emit about {co2} g CO₂e.").format(
                    place=display.name(where.name), co2=_n(home)
                )
            )
    return out


__all__ = ["sentences"]
