"""`wattprint import FILE`: stores interactions from a JSON or CSV export (ids already stored are skipped)."""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from wattprint.core.cli import csvrows
from wattprint.core.cli._history import open_history
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.pipe import protocol
from wattprint.core.store import archive, files, history
from wattprint.core.words.i18n import _

DERIVED = ("estimate", "day")  # fields an export adds, recomputed on import


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="store interactions from a JSON or CSV export",
        description="Store the interactions of a file written by 'wattprint export' (a JSON array, JSON Lines or CSV)."
        " Each is validated; ids already stored are left as they are. Estimates are made afresh. A file that is broken"
        " or not a regular file is refused whole: nothing of it is imported.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run)


def _values(stream: IO[bytes], path: Path) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array, JSON Lines or CSV file (as `wattprint export --format csv` writes it), streamed."""
    head = stream.read(len(CSV_HEAD) + 3)
    stream.seek(0)
    if head.removeprefix(b"\xef\xbb\xbf").startswith(CSV_HEAD):
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        try:
            yield from enumerate(csvrows.read(text))
        except (UnicodeDecodeError, csv.Error) as error:
            reason = _("{path} is not a readable CSV export: {reason}").format(path=path, reason=error)
            raise UsageError(reason) from None
        finally:
            text.detach()
        return
    yield from archive.iter_json(stream, path)


CSV_HEAD = b"id,ts,"


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint import`: all or nothing for the file; invalid items are listed and the valid ones stored."""
    rejected: list[dict[str, Any]] = []
    try:
        stream = files.open_regular(args.file, archive.MAX_FILE)
    except files.FileRefusedError as error:
        raise UsageError(_("{reason} (nothing was imported)").format(reason=error)) from None
    with stream:
        try:
            values = _values(stream, args.file)
            first = list(itertools.islice(values, 1))  # a file broken from its start leaves no history behind
            db = open_history()
            try:
                items = ((i, _without_derived(item)) for i, item in itertools.chain(first, values))
                result = archive.import_items(db, Estimator(load()), _checked(items, rejected))
            finally:
                db.conn.close()
        except files.FileRefusedError as error:
            raise UsageError(_("{reason} (nothing was imported)").format(reason=error)) from None
        except OSError as error:
            reason = error.strerror or error
            message = _("cannot read {path}: {reason}").format(path=args.file, reason=reason)
            raise UsageError(_("{reason} (nothing was imported)").format(reason=message)) from None
        except history.StorageError as error:
            raise UserError(
                _("{reason} (nothing was imported; importing again is safe)").format(reason=error)
            ) from None
    good = result.stored + result.duplicate
    report: dict[str, Any] = {"stored": result.stored, "duplicate": result.duplicate, "rejected": rejected}
    if len(rejected) > MAX_LISTED:
        report["rejected"] = rejected[:MAX_LISTED]
        report["rejected_count"] = len(rejected)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(_("{stored} stored, {duplicate} already there, {rejected} rejected").format(
            stored=result.stored, duplicate=result.duplicate, rejected=len(rejected)
        ))
        for r in rejected[:20]:
            print("  " + _("item {index}: {message}").format(index=r["index"], message=r["message"]))
        if len(rejected) > 20:
            print("  " + _("... and {count} more").format(count=len(rejected) - 20))
    return 1 if rejected and not good else 0


MAX_LISTED = 1000  # rejected items listed in the report (all are counted)


def _without_derived(item: Any) -> Any:  # noqa: ANN401 - any JSON value
    return {k: v for k, v in item.items() if k not in DERIVED} if isinstance(item, dict) else item


def _checked(values: Iterator[tuple[int, Any]], rejected: list[dict[str, Any]]) -> Iterator[tuple[int, Any]]:
    """The values that pass the protocol's item check; the others are added to `rejected` with the reason."""
    for index, item in values:
        checked = protocol.check_item(index, item)
        if isinstance(checked, protocol.Rejection):
            rejected.append(checked.to_message())
        else:
            yield index, item


__all__ = ["register", "run"]
