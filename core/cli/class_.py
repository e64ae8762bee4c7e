"""`wattprint class import DIR`: the class totals of the share files students handed in (no server needed)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from wattprint.core import paths
from wattprint.core.cli.errors import UsageError
from wattprint.core.insight import share
from wattprint.core.insight.classroom import energy_range_text, energy_text, number
from wattprint.core.words import units
from wattprint.core.words.i18n import _

RANGE_KEYS = ("low", "central", "high")


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand and its actions (import, show, clear)."""
    parser = subparsers.add_parser(
        "class",
        help="add up the week shares of a class",
        description=_(
            "Add up the files made by 'wattprint share': the class total, the spread across students and the split per "
            "service. Imported shares are kept (once each) in the current profile."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    code = actions.add_parser("code", help=_("print the class code to give to students (made on first use)"))
    code.add_argument(
        "--new", action="store_true", help=_("make a new code (shares made with the old one are refused)")
    )
    code.set_defaults(handler=run_code)
    importer = actions.add_parser("import", help=_("import every share file of a folder and print the class totals"))
    importer.add_argument("folder", type=Path, metavar="DIR", help=_("the folder holding the share files (*.json)"))
    importer.add_argument("--json", action="store_true", help=_("print JSON"))
    importer.set_defaults(handler=run_import)
    show = actions.add_parser("show", help=_("print the totals of the shares imported so far"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=run_show)
    clear = actions.add_parser("clear", help=_("forget the imported shares"))
    clear.set_defaults(handler=run_clear)


def _profile() -> str:
    try:
        return paths.check_profile(None)
    except paths.ProfileError as error:
        raise UsageError(str(error)) from None


def totals_dict(totals: share.ClassTotals) -> dict[str, Any]:
    """The class totals as JSON-ready values."""
    found = asdict(totals)
    for key in ("energy_wh", "co2e_g", "water_ml"):
        found[key] = dict(zip(RANGE_KEYS, found[key], strict=True))
    for key in ("per_student_wh", "per_student_count"):
        found[key] = dict(zip(("min", "median", "max"), found[key], strict=True))
    found["per_student_ranges_wh"] = {
        rank: dict(zip(RANGE_KEYS, r, strict=True))
        for rank, r in zip(("min", "median", "max"), totals.per_student_ranges_wh, strict=True)
    }
    for item in found["services"]:
        item["energy_range_wh"] = dict(zip(RANGE_KEYS, item["energy_range_wh"], strict=True))
    found["weeks"] = [week.isoformat() for week in totals.weeks]
    found["week"] = totals.week.isoformat() if totals.week else None
    found["week_end"] = totals.week_end.isoformat() if totals.week_end else None
    return found


def all_weeks(shares: list[share.Share]) -> list[share.ClassTotals]:
    """The class totals of every week shared, the latest first."""
    latest = share.totals(shares)
    return [share.totals(shares, week) for week in reversed(latest.weeks)]


def render(totals: share.ClassTotals) -> str:
    """The class totals as a few readable lines; every energy with its range (query counts are exact)."""
    low, central, high = totals.energy_wh
    if totals.week is None or totals.week_end is None:
        return _("No shares imported yet")
    figures = units.range_figures(low, high)  # no more figures than the range supports
    least, median, most = totals.per_student_ranges_wh
    lines = [
        _("Week {start} to {end}").format(start=totals.week.isoformat(), end=totals.week_end.isoformat()),
        _("Class: {students} students, {count} queries ({ai} answered by AI)").format(
            students=totals.students, count=totals.count, ai=totals.ai_count
        ),
        _("Energy {central} (range {low} to {high})").format(
            central=energy_text(central, figures), low=energy_text(low, figures), high=energy_text(high, figures)
        ),
        _("Per student: least {low}, median {median}, most {high}").format(
            low=energy_range_text(*least), median=energy_range_text(*median), high=energy_range_text(*most)
        ),
        _("Queries per student: least {low}, median {median}, most {high}").format(
            low=number(totals.per_student_count[0]),
            median=number(totals.per_student_count[1]),
            high=number(totals.per_student_count[2]),
        ),
    ]
    for item in totals.services:
        lines.append(
            _("  {service:16} {count:6} queries  {energy}").format(
                service=item.service, count=item.count, energy=energy_range_text(*item.energy_range_wh)
            )
        )
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    """Imports a folder of shares and prints the class totals; exit 1 when some file was rejected."""
    profile = _profile()
    if not args.folder.is_dir():
        raise UsageError(_("{folder} is not a folder").format(folder=args.folder))
    if share.class_code(profile) is None:
        raise UsageError(_("no class code yet: run 'wattprint class code' and give the code to your students"))
    report = share.import_dir(args.folder, profile)
    weeks = all_weeks(share.stored(profile))
    totals = weeks[0] if weeks else share.totals([])
    if args.json:
        found = {
            "added": report.added,
            "already": report.already,
            "rejected": [{"file": name, "error": error} for name, error in report.rejected],
            "totals": totals_dict(totals),
            "weeks": [totals_dict(week) for week in weeks],
        }
        print(json.dumps(found, indent=2, ensure_ascii=False))
    else:
        for name, error in report.rejected:
            print(_("skipped {file}: {error}").format(file=name, error=error))
        print(
            _("{added} new shares, {already} already imported").format(
                added=len(report.added), already=len(report.already)
            )
        )
        print("\n\n".join(render(week) for week in weeks) if weeks else render(totals))
    return 1 if report.rejected else 0


def run_show(args: argparse.Namespace) -> int:
    """Prints the totals of the shares imported so far."""
    weeks = all_weeks(share.stored(_profile()))
    if args.json:
        latest = weeks[0] if weeks else share.totals([])
        print(json.dumps({**totals_dict(latest), "by_week": [totals_dict(w) for w in weeks]}, indent=2,
                         ensure_ascii=False))  # fmt: skip
    else:
        print("\n\n".join(render(week) for week in weeks) if weeks else render(share.totals([])))
    return 0


def run_code(args: argparse.Namespace) -> int:
    """Prints the class code (making one on first use, or a new one with --new)."""
    code = share.class_code(_profile(), create=True, renew=args.new)
    print(_("Class code: {code}").format(code=code))
    print(_("Students run: wattprint share --week --code {code} -o NAME.json").format(code=code))
    return 0


def run_clear(_args: argparse.Namespace) -> int:
    """Forgets the imported shares."""
    removed = share.clear(_profile())
    print(_("forgot {n} imported shares").format(n=removed))
    return 0


__all__ = ["all_weeks", "register", "render", "run_clear", "run_code", "run_import", "run_show", "totals_dict"]
