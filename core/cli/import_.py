"""`wattprint import FILE`: stores interactions from a JSON or CSV export (ids already stored are skipped)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from wattprint.core import history, protocol
from wattprint.core.cli import csvrows
from wattprint.core.cli._history import open_history
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.cli.files import read_text
from wattprint.core.i18n import _
from wattprint.core.model.estimator import Estimator
from wattprint.core.modeldata import load

MAX_FILE = 2 * 1024 * 1024 * 1024  # bytes
BATCH = 5000  # interactions per transaction
DERIVED = ("estimate", "day")  # fields an export adds, recomputed on import


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="store interactions from a JSON or CSV export",
        description="Store the interactions of a file written by 'wattprint export' (a JSON array, JSON Lines or CSV)."
        " Each is validated; ids already stored are left as they are. Estimates are made afresh.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run)


def read_items(path: Path) -> list[Any]:
    """The items of a JSON array, JSON Lines or CSV file (as `wattprint export --format csv` writes it).

    Raises:
        UsageError: The file cannot be read or holds none of these.
    """
    text = read_text(path, MAX_FILE, _("{path} is larger than 2 GiB"))
    if csvrows.looks_like_csv(text.lstrip("\ufeff")):
        return list(csvrows.read(text.lstrip("\ufeff")))
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except ValueError:
        try:
            data = [json.loads(line, parse_constant=_no_constant) for line in text.splitlines() if line.strip()]
        except ValueError as error:
            raise UsageError(
                _("{path} is neither a JSON array nor JSON Lines: {reason}").format(path=path, reason=error)
            ) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise UsageError(_("{path} holds no list of interactions").format(path=path))
    return data


def _no_constant(name: str) -> Any:  # noqa: ANN401 - never returns
    raise ValueError(f"{name} is not valid JSON")


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint import`."""
    items = read_items(args.file)
    good = []
    rejected = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            item = {k: v for k, v in item.items() if k not in DERIVED}
        checked = protocol.check_item(index, item)
        if isinstance(checked, protocol.Rejection):
            rejected.append(checked.to_message())
        else:
            good.append(checked)
    db = open_history()
    estimates = history.Estimates(Estimator(load()))
    stored = duplicate = 0
    try:
        for start in range(0, len(good), BATCH):
            result = history.store(db, estimates.rows(good[start : start + BATCH]))
            stored += len(result.stored)
            duplicate += len(result.duplicate)
    except history.StorageError as error:
        raise UserError(
            _("{reason} ({count} stored before the failure; importing again is safe)").format(
                reason=error, count=stored
            )
        ) from None
    report = {"stored": stored, "duplicate": duplicate, "rejected": rejected}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(_("{stored} stored, {duplicate} already there, {rejected} rejected").format(
            stored=stored, duplicate=duplicate, rejected=len(rejected)
        ))
        for r in rejected[:20]:
            print("  " + _("item {index}: {message}").format(index=r["index"], message=r["message"]))
        if len(rejected) > 20:
            print("  " + _("... and {count} more").format(count=len(rejected) - 20))
    return 1 if rejected and not good else 0


__all__ = ["read_items", "register", "run"]
