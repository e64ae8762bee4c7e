"""The `wattprint` command. With no subcommand it starts the desktop app.

Each subcommand lives in its own module with `register(subparsers)` and `run(args) -> int`. Misuse exits with 2 and
a one-line message; no traceback reaches a user.

The top room: it may import every other room of core/; none of them imports it.
"""

from __future__ import annotations

import argparse
import importlib
import keyword
import os
import sys
import typing
from collections.abc import Sequence
from types import ModuleType

from wattprint.core import paths
from wattprint.core.cli import screen
from wattprint.core.cli.errors import UsageError, UserError
from wattprint.core.version import __version__
from wattprint.core.words.i18n import N_, _, translate_filled

# Subcommand modules, in the order `wattprint --help` lists them.
SUBCOMMANDS = ("estimate", "sources", "demo", "report", "summary", "export", "import", "doctor", "install-host",
               "present", "share", "class")


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"wattprint.core.cli.{_module_name(name)}") for name in SUBCOMMANDS]


def _module_name(command: str) -> str:
    name = command.replace("-", "_")
    return name + "_" if name in keyword.kwlist else name  # `import` lives in import_.py


# Commands that may start a profile of their own: importing a history into it, or the demo profile.
CREATES_PROFILE = ("import", "demo")


def _apply_profile(profile: str | None, command: str | None = None) -> None:
    """Validates --profile and exports it, so every path (and any host or app started from here) uses it.

    A profile that does not exist yet is an error (a typo must not start an empty history), except for the default
    and demo profiles and the commands of CREATES_PROFILE.
    """
    if profile is None:
        return
    try:
        paths.check_profile(profile)
    except paths.ProfileError as error:
        raise UsageError(str(error)) from None
    if profile not in (paths.DEFAULT_PROFILE, "demo") and command not in CREATES_PROFILE:
        known = paths.profiles()
        if profile not in known:
            raise UsageError(
                _("there is no profile '{name}' (profiles: {names}); 'wattprint --profile {name} import FILE' "
                  "starts one").format(name=profile, names=", ".join(known))
            )
    os.environ[paths.PROFILE_ENV] = profile


# argparse's own errors (Python 3.11 wording), translated when shown; help texts stay English.
ARGPARSE_ERRORS = (
    N_("argument {argument}: invalid choice: {value} (choose from {choices})"),
    N_("argument {argument}: invalid {type} value: {value}"),
    N_("argument {argument}: expected one argument"),
    N_("argument {argument}: not allowed with argument {other}"),
    N_("argument {argument}: ignored explicit argument {value}"),
    N_("the following arguments are required: {arguments}"),
    N_("one of the arguments {arguments} is required"),
    N_("unrecognized arguments: {arguments}"),
    N_("ambiguous option: {option} could match {matches}"),
    N_("argument {argument}: {message}"),
)


class Parser(argparse.ArgumentParser):
    """An argument parser whose error messages follow the user's language (subcommands' parsers are Parsers too)."""

    def error(self, message: str) -> typing.NoReturn:
        """Prints the usage and the translated error, and exits with status 2."""
        self.print_usage(sys.stderr)
        text = translate_filled(message, ARGPARSE_ERRORS)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=text) + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `wattprint` command."""
    parser = Parser(
        prog="wattprint",
        description="See the energy, carbon and water of your everyday AI use. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"wattprint {__version__}")
    parser.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help="use the history of profile NAME (default: your real history; 'demo' holds demo data)",
    )
    parser.add_argument(
        "--background", action="store_true", help="start the app in the tray, without its window (for autostart)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _modules():
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `wattprint` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _apply_profile(args.profile, args.command)
        if args.command is None:
            screen.require_display()
            app = importlib.import_module("wattprint.desktop.app")
            launched: int = app.run(profile=args.profile, background=args.background)
            return launched
        status: int = args.handler(args)
    except UsageError as error:
        print(_("wattprint: error: {message}").format(message=error), file=sys.stderr)
        return 2
    except UserError as error:
        print(f"wattprint: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return status


def run() -> None:
    """Console-script wrapper: exits with main's status."""
    sys.exit(main())
