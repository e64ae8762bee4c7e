"""`wattprint export`: the history as JSON (one array of interactions with their estimates) or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from wattprint.core.cli import csvrows
from wattprint.core.cli._history import open_history, parse_date
from wattprint.core.cli.errors import UsageError
from wattprint.core.cli.files import check_output
from wattprint.core.model.modeldata import load
from wattprint.core.store import files, queries
from wattprint.core.words.i18n import _


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="write the history as JSON or CSV",
        description="Write every stored interaction with its estimate. Both JSON and CSV can be imported again.",
    )
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only from this local day on")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default, or -: standard output)"
    )
    parser.set_defaults(handler=run)


def json_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON array, written item by item (the history may be large)."""
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]\n"


def write(out: IO[str], items: Iterable[dict[str, Any]], fmt: str) -> int:
    """Writes the items in a format; returns how many."""
    if fmt == "csv":
        return csvrows.write(out, items)
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for item in items:
            count += 1
            yield item

    for chunk in json_chunks(counted()):
        out.write(chunk)
    return count


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint export`."""
    since = parse_date(args.since) if args.since else None
    if args.output is not None and str(args.output) == "-":  # the usual name for standard output
        args.output = None
    if args.output is not None and args.output.is_dir():
        raise UsageError(_("{path} is a folder; give a file name").format(path=args.output))
    if args.output is not None:
        check_output(args.output)
    db = open_history()
    items = (item for item in queries.iter_rows(db, load(), since=since))
    if args.output is None:
        count = write(sys.stdout, items, args.format)
        sys.stdout.flush()
        print(_("wrote {count} interactions to standard output").format(count=count), file=sys.stderr)
        return 0
    # Written next to the target (0600), then moved into place: a failed export leaves no half file behind.
    try:
        with files.private_output(args.output) as out:
            count = write(out, items, args.format)
    except OSError as error:
        raise UsageError(
            _("cannot write {path}: {reason}").format(path=args.output, reason=error.strerror or error)
        ) from None
    print(_("wrote {count} interactions to {path}").format(count=count, path=args.output))
    return 0


__all__ = ["json_chunks", "register", "run", "write"]
