"""The README documents every command and every flag of `wattprint estimate` (as sqlite-utils checks its CLI)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from wattprint.core.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


SUBCOMMANDS = _subparsers(build_parser())


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_subcommand_is_in_the_readme(name: str) -> None:
    assert f"wattprint {name}" in README


@pytest.mark.parametrize(
    "flag",
    sorted({o for a in SUBCOMMANDS["estimate"]._actions for o in a.option_strings if o.startswith("--")} - {"--help"}),
)
def test_every_estimate_flag_is_in_the_readme(flag: str) -> None:
    assert f"`{flag}" in README
