"""The pyproject layout keeps up with the source tree."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_python_package_is_listed_in_pyproject() -> None:
    """setuptools maps core/ and desktop/ by hand; a subpackage missing from the list would be left out of the wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    for top, name in (("core", "wattprint.core"), ("desktop", "wattprint.desktop")):
        for init in (ROOT / top).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / top)
            package = ".".join([name, *relative.parts])
            assert package in listed, f"{package} is not in [tool.setuptools] packages"
