"""`wattprint class import DIR`: the class totals of the share files students handed in (no server needed)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from wattprint.core import paths, share
from wattprint.core.classroom import energy_text, number
from wattprint.core.cli.errors import UsageError
from wattprint.core.i18n import _


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
        found[key] = dict(zip(("low", "central", "high"), found[key], strict=True))
    for key in ("per_student_wh", "per_student_count"):
        found[key] = dict(zip(("min", "median", "max"), found[key], strict=True))
    found["weeks"] = [week.isoformat() for week in totals.weeks]
    return found


def render(totals: share.ClassTotals) -> str:
    """The class totals as a few readable lines."""
    low, central, high = totals.energy_wh
    lines = [
        _("Class: {students} students, {count} queries ({ai} answered by AI)").format(
            students=totals.students, count=totals.count, ai=totals.ai_count
        ),
        _("Energy {central} (range {low} to {high})").format(
            central=energy_text(central), low=energy_text(low), high=energy_text(high)
        ),
        _("Per student: least {low}, median {median}, most {high}").format(
            low=energy_text(totals.per_student_wh[0]),
            median=energy_text(totals.per_student_wh[1]),
            high=energy_text(totals.per_student_wh[2]),
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
                service=item.service, count=item.count, energy=energy_text(item.energy_wh)
            )
        )
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    """Imports a folder of shares and prints the class totals; exit 1 when some file was rejected."""
    profile = _profile()
    if not args.folder.is_dir():
        raise UsageError(_("{folder} is not a folder").format(folder=args.folder))
    report = share.import_dir(args.folder, profile)
    totals = share.totals(share.stored(profile))
    if args.json:
        found = {
            "added": report.added,
            "already": report.already,
            "rejected": [{"file": name, "error": error} for name, error in report.rejected],
            "totals": totals_dict(totals),
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
        print(render(totals))
    return 1 if report.rejected else 0


def run_show(args: argparse.Namespace) -> int:
    """Prints the totals of the shares imported so far."""
    totals = share.totals(share.stored(_profile()))
    print(json.dumps(totals_dict(totals), indent=2, ensure_ascii=False) if args.json else render(totals))
    return 0


def run_clear(_args: argparse.Namespace) -> int:
    """Forgets the imported shares."""
    removed = share.clear(_profile())
    print(_("forgot {n} imported shares").format(n=removed))
    return 0


__all__ = ["register", "render", "run_clear", "run_import", "run_show", "totals_dict"]
