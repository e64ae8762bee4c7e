"""The week summary in plain sentences, with everyday equivalents ("like 72 minutes of an LED bulb")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wattprint.core.insight.trend import Day
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display, units
from wattprint.core.words.i18n import _


def _n(value: float, figures: int = 2) -> str:
    return units.plain(value, figures)


def _wh(value: float, figures: int = 2) -> str:
    return f"{_n(value / 1000, figures)} kWh" if value >= 1000 else f"{_n(value, figures)} Wh"


def _central(r: dict[str, float]) -> str:
    return _n(r["central"], units.range_figures(r["low"], r["high"]))


def change_sentence(summary: dict[str, Any]) -> str | None:
    """How the period compares with the one before, like for like while it is in progress (None: nothing before)."""
    change = summary.get("change", {}).get("energy_wh")
    if change is None:
        return None
    so_far = "until" in summary.get("previous", {})
    day = summary.get("period") == "day"
    percent = f"{abs(change):.0f}"
    if abs(change) < 0.5:
        if so_far:
            return _("About the same as yesterday by this time.") if day else _(
                "About the same as last week by this time."
            )
        return _("About the same as the day before.") if day else _("That is about the same as last week.")
    if change > 0:
        if so_far:
            text = _("{percent}% more than yesterday by this time.") if day else _(
                "{percent}% more than last week by this time."
            )
        else:
            text = _("{percent}% more than the day before.") if day else _("That is {percent}% more than last week.")
    elif so_far:
        text = _("{percent}% less than yesterday by this time.") if day else _(
            "{percent}% less than last week by this time."
        )
    else:
        text = _("{percent}% less than the day before.") if day else _("That is {percent}% less than last week.")
    return text.format(percent=percent)


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
    week = summary.get("period", "week") == "week"
    if not summary["count"]:
        return [_("Nothing recorded this week yet.") if week else _("Nothing recorded in this period.")]
    ai_wh = sum(d.ai_wh for d in days)
    search_wh = sum(d.search_wh for d in days)
    energy = summary["energy_wh"]
    figures = units.range_figures(energy["low"], energy["high"])  # the parts as precise as the total, no more
    out = []
    if summary["ai_count"] and week:
        if summary["ai_count"] == 1:
            text = _("This week your AI use ({count} answer) took about {energy}.")
        else:
            text = _("This week your AI use ({count} answers) took about {energy}.")
        out.append(text.format(count=summary["ai_count"], energy=_wh(ai_wh, figures)))
    if summary["search_count"]:
        if summary["search_count"] == 1:
            text = _("Your {count} plain search took about {energy}.")
        else:
            text = _("Your {count} plain searches took about {energy}.")
        out.append(text.format(count=summary["search_count"], energy=_wh(search_wh, figures)))
    out.append(
        _(
            "In all: {energy} (somewhere between {low} and {high}), {co2} g CO₂e and {water} mL of water."
        ).format(
            energy=_wh(energy["central"], figures),
            low=_wh(energy["low"], figures),
            high=_wh(energy["high"], figures),
            co2=_central(summary["co2e_g"]),
            water=_central(summary["water_ml"]),
        )
    )
    if summary.get("equivalent"):  # the same equivalent `wattprint summary` prints for the week
        out.append(_("In all, about the same energy as {what}.").format(what=summary["equivalent"]["text"]))
    change = change_sentence(summary)
    if change is not None:
        out.append(change)
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


__all__ = ["change_sentence", "sentences"]
