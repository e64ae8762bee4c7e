"""The week summary in plain sentences, with everyday equivalents ("like 72 minutes of an LED bulb")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wattprint.core.insight.trend import Day
from wattprint.core.model.grid import carbon_intensity, known_zone
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display, units
from wattprint.core.words.i18n import _


def _n(value: float, figures: int = 2) -> str:
    return units.plain(value, figures)


def _wh(value: float, figures: int = 2) -> str:
    return f"{_n(value / 1000, figures)} kWh" if value >= 1000 else f"{_n(value, figures)} Wh"


def _ranged(central: str, low: str, high: str) -> str:
    """A figure and its range, "300 Wh (somewhere between 50 Wh and 1 kWh)"; the figure alone if the ends read alike."""
    if low == high:
        return central
    return _("{value} (somewhere between {low} and {high})").format(value=central, low=low, high=high)


def _energy(low: float, central: float, high: float, figures: int = 2) -> str:
    """An energy and its range, to no more figures than the range supports nor than `figures`."""
    figures = min(figures, units.range_figures(low, high))
    return _ranged(_wh(central, figures), _wh(low, figures), _wh(high, figures))


def _amount(r: dict[str, float], unit: str, central_unit: str | None = None) -> str:
    """A carbon or water range as "100 g CO₂e (somewhere between 20 g and 400 g)"."""
    figures = units.range_figures(r["low"], r["high"])
    return _ranged(
        f"{_n(r['central'], figures)} {central_unit or unit}",
        f"{_n(r['low'], figures)} {unit}",
        f"{_n(r['high'], figures)} {unit}",
    )


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
    ai = (sum(d.ai_low_wh for d in days), sum(d.ai_wh for d in days), sum(d.ai_high_wh for d in days))
    search = (sum(d.search_low_wh for d in days), sum(d.search_wh for d in days), sum(d.search_high_wh for d in days))
    energy = summary["energy_wh"]
    figures = units.range_figures(energy["low"], energy["high"])  # the parts as precise as the total, no more
    out = []
    if summary["ai_count"] and week:
        if summary["ai_count"] == 1:
            text = _("This week your AI use ({count} answer) took about {energy}.")
        else:
            text = _("This week your AI use ({count} answers) took about {energy}.")
        out.append(text.format(count=summary["ai_count"], energy=_energy(ai[0], ai[1], ai[2], figures)))
    if summary["search_count"]:
        if summary["search_count"] == 1:
            text = _("Your {count} plain search took about {energy}.")
        else:
            text = _("Your {count} plain searches took about {energy}.")
        out.append(text.format(count=summary["search_count"], energy=_energy(search[0], search[1], search[2], figures)))
    out.append(_("In all: {energy}.").format(energy=_energy(energy["low"], energy["central"], energy["high"])))
    out.append(_("Carbon: about {co2}.").format(co2=_amount(summary["co2e_g"], "g", "g CO₂e")))
    out.append(_("Water: about {water}.").format(water=_amount(summary["water_ml"], "mL")))
    if summary.get("equivalent"):  # the same equivalent `wattprint summary` prints for the week
        out.append(_("In all, about the same energy as {what}.").format(what=summary["equivalent"]["text"]))
    change = change_sentence(summary)
    if change is not None:
        out.append(change)
    if region is not None and region in data.regions:
        where = data.regions[region]
        if known_zone(where.zone, data):  # the energy's range through the home grid's intensity, as estimates use it
            ci = carbon_intensity(where.zone, data)[0]
            home = {k: energy[k] * g / 1000 for k, g in zip(("low", "central", "high"), ci, strict=True)}
            out.append(
                _("The same electricity at home in {place} would emit about {co2}.").format(
                    place=display.name(where.name), co2=_amount(home, "g", "g CO₂e")
                )
            )
    return out


__all__ = ["change_sentence", "sentences"]
