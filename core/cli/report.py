"""`wattprint report --week`: the week's summary rendered to a PNG, PDF or HTML file by the desktop app's widgets.

Qt is imported lazily (core stays Qt-free); without a display the offscreen platform is used.
"""

from __future__ import annotations

import argparse
import importlib
import os
from datetime import date
from pathlib import Path
from typing import Any

from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.cli.files import check_output
from wattprint.core.words.i18n import _

FORMATS = ("png", "pdf", "html")


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "report",
        help="render the week's summary to a PNG, PDF or HTML file",
        description="Render a summary of your history to a file, with the same charts the app shows.",
    )
    parser.add_argument("--week", action="store_true", required=True, help="report one week (the only period)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="a day of the week to report (default: today)")
    parser.add_argument("--format", choices=FORMATS, default=None, help="default: from the file's extension")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write")
    parser.set_defaults(handler=run)


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(_("--date must be a day as YYYY-MM-DD, not {text}").format(text=repr(text))) from None


def _format(args: argparse.Namespace) -> str:
    """The format: --format and the file name's extension must agree (a file with no extension takes --format)."""
    suffix = args.output.suffix.lower().lstrip(".")
    suffix = "html" if suffix == "htm" else suffix
    if args.format:
        if suffix and suffix != args.format:
            message = _("--format {format} does not match the file name {file}: name it {name}, or leave out --format")
            name = args.output.with_suffix("." + args.format).name
            raise UsageError(message.format(format=args.format, file=args.output.name, name=name))
        return str(args.format)
    if suffix in FORMATS:
        return str(suffix)
    raise UsageError(_("give --format png|pdf|html, or an output file ending in .png, .pdf or .html"))


def run(args: argparse.Namespace) -> int:
    """Renders the report."""
    day = _day(args.date)
    fmt = _format(args)
    parent = args.output.parent if str(args.output.parent) else Path()
    if not parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist").format(folder=parent))
    check_output(args.output)
    # A report never shows a window: render offscreen whether or not there is a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = importlib.import_module("wattprint.desktop.report")
    try:
        report.render_week(args.output, day=day, fmt=fmt, profile=args.profile)
    except OSError as error:
        raise UserError(
            _("cannot write {path}: {reason}").format(path=args.output, reason=error.strerror or error)
        ) from None
    print(_("wrote {path}").format(path=args.output))
    return 0
