"""`wattprint demo`: fill the "demo" profile with a realistic made-up history (never the real one)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from wattprint.core.cli.errors import UsageError
from wattprint.core.insight import demo
from wattprint.core.store import history
from wattprint.core.words.i18n import _


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "demo",
        help="generate demo history in the 'demo' profile",
        description="Generate a made-up history in the 'demo' profile (open it with 'wattprint --profile demo').",
    )
    parser.add_argument("--days", type=int, default=14, metavar="N", help="days of history, 1 to 3650 (default 14)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Generates the demo history and says where it went."""
    if not 1 <= args.days <= 3650:
        raise UsageError(_("--days must be between 1 and 3650"))
    if args.profile not in (None, demo.DEMO_PROFILE):
        raise UsageError(_("demo data only goes to the 'demo' profile"))
    db = history.open_db(profile=demo.DEMO_PROFILE)
    try:
        stored = demo.generate(db, days=args.days, seed=args.seed)
    finally:
        db.conn.close()
    first = demo.first_day(args.days)
    print(_("stored {count} demo interactions in the 'demo' profile; open it with: wattprint --profile demo").format(
        count=stored
    ))
    if (date.today() - first).days + 1 < args.days:
        print(_("the demo history starts on {day}: the history keeps nothing older").format(day=first.isoformat()))
    return 0
