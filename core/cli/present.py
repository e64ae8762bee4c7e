"""`wattprint present`: the classroom presenter view, full screen; `--export DIR` writes its scenes as PNGs and a PDF.

Qt is imported lazily (core stays Qt-free); an export never shows a window and uses the offscreen platform.
"""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path
from typing import Any

from wattprint.core.cli import screen
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.cli.files import check_output
from wattprint.core.words.i18n import _


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "present",
        help="show the classroom presenter view",
        description=_(
            "Show the classroom scenes full screen: live counter, which uses more, scale it up, training vs use, small "
            "vs large, our class. Right/Left or Space/Backspace change scene, Up/Down change its number, Escape leaves."
        ),
    )
    parser.add_argument(
        "--export", type=Path, metavar="DIR", help=_("write every scene as a PNG and all of them as one PDF into DIR")
    )
    parser.add_argument(
        "--theme",
        choices=("dark", "light"),
        default="dark",
        help=_("with --export: dark (as on screen) or light (dark text on white, for printing)"),
    )
    parser.add_argument("--window", action="store_true", help=_("open in a window instead of full screen"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Opens the presenter view, or exports its scenes."""
    if args.export is None:
        screen.require_display()
        presenter = importlib.import_module("wattprint.desktop.presenter")
        status: int = presenter.run(profile=args.profile, full_screen=not args.window)
        return status
    if args.export.exists() and not args.export.is_dir():
        raise UsageError(_("{folder} is not a folder").format(folder=args.export))
    parent = args.export.absolute().parent
    if not parent.is_dir():  # as `report` does: DIR itself is made, but a typo in its path must not create folders
        raise UsageError(_("the folder {folder} does not exist").format(folder=parent))
    # An export never shows a window: render offscreen whether or not there is a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    exporter = importlib.import_module("wattprint.desktop.presenter.export")
    for path in exporter.targets(args.export):  # all refused before one is written
        check_output(path)
    try:
        args.export.mkdir(parents=True, exist_ok=True)
        written: list[Path] = exporter.export(args.export, profile=args.profile, printable=args.theme == "light")
    except OSError as error:
        raise UserError(_("cannot write {file}: {reason}").format(file=args.export, reason=error.strerror)) from None
    for path in written:
        print(_("wrote {file}").format(file=path))
    return 0


__all__ = ["register", "run"]
