"""`wattprint install-host`: registers the native-messaging host with browsers (or removes it)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wattprint.core import paths
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.pipe import install_host
from wattprint.core.words.i18n import N_, _

# What each planned action prints (verb, dry run) -> message.
_ACTIONS = {
    ("write", False): N_("write {where}"),
    ("write", True): N_("would write {where}"),
    ("remove", False): N_("remove {where}"),
    ("remove", True): N_("would remove {where}"),
    ("set-key", False): N_("set-key {where}"),
    ("set-key", True): N_("would set-key {where}"),
    ("delete-key", False): N_("delete-key {where}"),
    ("delete-key", True): N_("would delete-key {where}"),
}


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "install-host",
        help="let browsers start the Wattprint host",
        description="Write the host manifest for each browser (the browsers found, or --browser) and a launcher.",
    )
    parser.add_argument(
        "--browser", choices=(*install_host.BROWSERS, "all"), action="append", help="a browser (repeatable), or all"
    )
    parser.add_argument(
        "--user-data-dir", type=Path, metavar="DIR", help="a Chromium started with --user-data-dir=DIR: install there"
    )
    parser.add_argument("--uninstall", action="store_true", help="remove the manifests instead")
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; change nothing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint install-host`."""
    system = install_host.os_name()
    home = Path.home()
    chosen = args.browser or []
    if "all" in chosen:
        browsers = list(install_host.BROWSERS)
    elif chosen:
        browsers = list(dict.fromkeys(chosen))
    elif args.user_data_dir is not None:
        browsers = ["chromium"]
    else:
        browsers = install_host.detected(system, home)
        if not browsers:
            raise UsageError(_("no browser found on this computer; name one with --browser (or --browser all)"))
    if args.user_data_dir is not None and "firefox" in browsers:
        raise UsageError(_("--user-data-dir is for Chromium-family browsers, not firefox"))
    if args.user_data_dir is not None and not args.user_data_dir.is_dir():
        raise UsageError(
            _("--user-data-dir {folder} does not exist: give the folder the browser was started with").format(
                folder=args.user_data_dir
            )
        )
    env = {k: os.environ[k] for k in (paths.DATA_DIR_ENV, paths.PROFILE_ENV) if os.environ.get(k)}
    try:
        data = paths.data_dir(create=not args.dry_run)
    except paths.ProfileError as error:
        raise UsageError(str(error)) from None
    actions = install_host.plan(
        browsers,
        system=system,
        home=home,
        data=data,
        uninstall=args.uninstall,
        user_data_dir=args.user_data_dir,
        env=env,
    )
    for action in actions:
        print(_(_ACTIONS[(action.verb, args.dry_run)]).format(where=action.where))
        if args.dry_run and action.content is not None and action.verb == "write":
            print("  " + action.content.rstrip("\n").replace("\n", "\n  "))
    if args.dry_run:
        return 0
    try:
        install_host.apply(actions)
    except OSError as error:
        raise UserError(
            _("cannot write {path}: {reason}").format(path=error.filename or "", reason=error.strerror or error)
        ) from None
    return 0


__all__ = ["register", "run"]
