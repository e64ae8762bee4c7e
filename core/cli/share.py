"""`wattprint share --week -o FILE`: an anonymised summary of one week, for a teacher's class totals."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from wattprint.core.cli._history import open_history, parse_date
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.cli.files import check_output
from wattprint.core.insight import share
from wattprint.core.model.modeldata import load
from wattprint.core.words.i18n import _


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "share",
        help="write an anonymised summary of a week for your class",
        description=_(
            "Write one week's counts and estimates per service and day to a JSON file for your teacher, signed with "
            "the class code your teacher gave. It holds no text, no addresses, no page titles and no times of use "
            "finer than a day. Sharing the same week again replaces the earlier share."
        ),
    )
    parser.add_argument("--week", action="store_true", required=True, help=_("share one week (the only period)"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=_("a day of the week to share (default: today)"))
    parser.add_argument("--code", required=True, metavar="CODE", help=_("the class code your teacher gave"))
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=_("the file to write"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the share file."""
    day = parse_date(args.date) if args.date else date.today()
    parent = args.output.parent if str(args.output.parent) else Path()
    if not parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist").format(folder=parent))
    check_output(args.output)
    try:
        code = share.normal_code(args.code)
    except share.ShareError as error:
        raise UsageError(str(error)) from None
    db = open_history()
    try:
        body = share.build(db, load(), day, code)
    except share.ShareError as error:
        raise UsageError(str(error)) from None
    finally:
        db.conn.close()
    try:
        share.write(args.output, body)
    except OSError as error:
        raise UserError(_("cannot write {file}: {reason}").format(file=args.output, reason=error.strerror)) from None
    count = sum(row["count"] for row in body["rows"])
    print(
        _("wrote {file}: {count} queries in the week of {start}, with no text or addresses").format(
            file=args.output, count=count, start=body["week_start"]
        )
    )
    return 0


__all__ = ["register", "run"]
