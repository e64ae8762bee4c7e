"""`wattprint export`: the history as JSON (one array of interactions with their estimates) or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from wattprint.core import files, queries
from wattprint.core.cli._history import open_history, parse_date
from wattprint.core.cli.errors import UsageError
from wattprint.core.i18n import _
from wattprint.core.modeldata import load
from wattprint.core.schemas import SCRIPT_CLASSES

CSV_COLUMNS = (
    "id", "ts", "day", "kind", "service", "model", "modes",
    *(f"{part}_{script}" for part in ("prompt", "response", "context") for script in SCRIPT_CLASSES),
    "prompt_tokens", "response_tokens", "context_tokens", "images", "video_seconds", "duration_ms", "browser", "page",
    *(f"{q}_{end}" for q in ("energy_wh", "co2e_g", "water_ml") for end in ("low", "central", "high")),
    "model_version",
)  # fmt: skip


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="write the history as JSON or CSV",
        description="Write every stored interaction with its estimate. JSON can be imported again.",
    )
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only from this local day on")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
    parser.set_defaults(handler=run)


def json_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON array, written item by item (the history may be large)."""
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]\n"


def csv_row(item: dict[str, Any]) -> list[Any]:
    """One exported interaction as a CSV row (in CSV_COLUMNS order)."""
    row = [item["id"], item["ts"], item["day"], item["kind"], item["service"], item["model"] or "",
           ";".join(item["modes"])]  # fmt: skip
    for part in ("prompt", "response", "context"):
        row.extend(item[part].get(script, 0) for script in SCRIPT_CLASSES)
    row.extend(item.get(name, "") for name in ("prompt_tokens", "response_tokens", "context_tokens"))
    row.extend(item[name] if item[name] is not None else "" for name in
               ("images", "video_seconds", "duration_ms", "browser", "page"))  # fmt: skip
    estimate = item["estimate"]
    for q in ("energy_wh", "co2e_g", "water_ml"):
        row.extend(estimate[q][end] for end in ("low", "central", "high"))
    row.append(estimate["model_version"])
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as the start of a formula


def cell(value: Any) -> Any:  # noqa: ANN401 - a CSV cell's value
    r"""A text cell a spreadsheet will show as text, never run as a formula (OWASP's advice on CSV injection).

    A text starting with = + - @, a tab or a carriage return gets a leading apostrophe, and line breaks and other
    control characters inside a text become spaces (a carriage return would otherwise start a new row that begins with a
    formula: the CSV module quotes only the line terminator it writes, "\n"). Numbers are left as they are.
    """
    if not isinstance(value, str):
        return value
    if not value.isprintable():
        value = value.translate(_CONTROL_TO_SPACE)
    return "'" + value if value.lstrip(" ").startswith(_FORMULA_START) else value


_CONTROL_TO_SPACE = {code: " " for code in (*range(0x20), 0x7F)}


def write(out: IO[str], items: Iterable[dict[str, Any]], fmt: str) -> None:
    """Writes the items in a format."""
    if fmt == "json":
        for chunk in json_chunks(items):
            out.write(chunk)
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow([cell(value) for value in csv_row(item)])


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint export`."""
    since = parse_date(args.since) if args.since else None
    if args.output is not None and args.output.is_dir():
        raise UsageError(_("{path} is a folder; give a file name").format(path=args.output))
    db = open_history()
    items = (item for item in queries.iter_rows(db, load(), since=since))
    if args.output is None:
        write(sys.stdout, items, args.format)
        return 0
    # Written next to the target (0600), then moved into place: a failed export leaves no half file behind.
    try:
        with files.private_output(args.output) as out:
            write(out, items, args.format)
    except OSError as error:
        raise UsageError(
            _("cannot write {path}: {reason}").format(path=args.output, reason=error.strerror or error)
        ) from None
    return 0


__all__ = ["CSV_COLUMNS", "csv_row", "io", "register", "run", "write"]
