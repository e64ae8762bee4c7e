"""`wattprint summary`: the totals of a local day or week."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from wattprint.core.cli._history import open_history, parse_date
from wattprint.core.cli.numbers import figures
from wattprint.core.insight.weektext import change_sentence
from wattprint.core.model.modeldata import load
from wattprint.core.store import queries
from wattprint.core.words import display
from wattprint.core.words.i18n import _, pad, width

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "summary",
        help="totals of a day or a week",
        description="Show the energy, carbon and water of one local day or week, with the change from the one before.",
        epilog=display.range_help(),  # what the ranges printed mean
    )
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--day", action="store_const", const="day", dest="period", help="one day (the default)")
    period.add_argument("--week", action="store_const", const="week", dest="period", help="the week holding the date")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day, or a day of the week (default: today)")
    parser.add_argument(
        "--first-weekday", choices=WEEKDAYS, default="monday", help="the day a week starts on (default: monday)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run, period="day")


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint summary`."""
    day = parse_date(args.date) if args.date else date.today()
    db = open_history()
    data = load()
    if args.period == "week":
        result = queries.week_summary(db, data, day, WEEKDAYS.index(args.first_weekday))
    else:
        result = queries.day_summary(db, data, day)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(render(result))
    return 0


def _service_energy(service: dict[str, Any]) -> str:
    """A service's energy with its range, to the figures the range supports: "70 Wh (range 20 to 200)"."""
    r = service["energy_wh_range"]
    central, low, high = figures(r["central"], r["low"], r["high"])
    return _("{central} {unit} (range {low} to {high})").format(central=central, unit="Wh", low=low, high=high)


def render(result: dict[str, Any]) -> str:
    """A short readable summary."""
    if result["start"] == result["end"]:
        span = result["start"]
    else:
        span = _("{start} to {end}").format(start=result["start"], end=result["end"])
    week = result["period"] == "week"
    head = _("Week {span}: {count} queries ({ai} AI, {search} search)") if week else _(
        "Day {span}: {count} queries ({ai} AI, {search} search)"
    )
    lines = [head.format(span=span, count=result["count"], ai=result["ai_count"], search=result["search_count"])]
    if not result["count"]:
        # Said in words first, so the zeros below are not read as a measurement (the popup says it the same way).
        lines.append(_("Nothing counted in this period."))
    for key, unit, label in (
        ("energy_wh", "Wh", _("Energy")),
        ("co2e_g", "gCO2e", _("Carbon")),
        ("water_ml", "mL", _("Water")),
    ):
        r = result[key]
        central, low, high = figures(r["central"], r["low"], r["high"])
        lines.append(
            pad(label, 7)
            + " "
            + _("{central} {unit} (range {low} to {high})").format(central=central, unit=unit, low=low, high=high)
        )
    if result.get("equivalent"):
        lines.append(_("About the same energy as {what}").format(what=result["equivalent"]["text"]))
    change = change_sentence(result)  # like for like while the day or week is in progress
    if change is not None:
        lines.append(change)
    services = load().services
    names = []
    for service in result["services"]:
        known = services.get(service["service"])
        names.append(display.name(known.name) if known else service["service"])
    column = max((width(name) for name in names), default=0) + 2
    counts = max((len(f"{s['count']:,}") for s in result["services"]), default=0)
    for name, service in zip(names, result["services"], strict=True):
        lines.append(f"  {pad(name, column)}{service['count']:>{counts},}  {_service_energy(service)}")
    return "\n".join(lines)


__all__ = ["register", "render", "run"]
