"""core/ is laid out by concern, and imports flow one way through its rooms (issue 17).

The rooms, lowest first: words/ (language, figures) <- the kernel (schemas, paths, version) <- model/ <- store/ <-
pipe/ and insight/ (siblings that never import each other) <- cli/. A room may import its own modules and any room
below it; an import against that flow fails here, as an import of Qt in core/ fails core/ruff.toml.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ORIGIN

CORE = Path(__file__).resolve().parents[1] / "core"
KERNEL = ("schemas", "paths", "version")
# Each room's rank: a module may import rooms of a lower rank, and its own.
RANK = {"words": 0, **dict.fromkeys(KERNEL, 1), "model": 2, "data": 2, "store": 3, "pipe": 4, "insight": 4, "cli": 5}
ROOMS = ("words", "model", "store", "pipe", "insight", "cli")
DATA_FOLDERS = ("data",)


def _room_of(path: Path) -> str:
    first = path.relative_to(CORE).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, room) of every import of wattprint.core in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "wattprint.core":
                found += [(node.lineno, a.name) for a in node.names]
            elif node.module.startswith("wattprint.core."):
                found.append((node.lineno, node.module.split(".")[2]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[2]) for a in node.names if a.name.startswith("wattprint.core.")]
    return found


def test_core_lists_as_its_rooms() -> None:
    entries = sorted(p.name for p in CORE.iterdir()
                     if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file())
    rooms = [e for e in entries if e.removesuffix(".py") not in DATA_FOLDERS]
    assert len(rooms) <= 10, rooms
    assert rooms == sorted([*ROOMS, *(f"{k}.py" for k in KERNEL)]), "a new room or kernel module goes in RANK too"


@pytest.mark.parametrize("room", ROOMS)
def test_each_room_says_what_it_is_for_and_what_it_may_import(room: str) -> None:
    doc = ast.get_docstring(ast.parse((CORE / room / "__init__.py").read_text(encoding="utf-8")))
    assert doc, f"core/{room}/__init__.py needs a docstring: purpose and imports"
    assert len(doc.splitlines()) >= 3, f"core/{room}/__init__.py: say what the room is for and what it may import"
    assert "import" in doc.lower(), f"core/{room}/__init__.py does not say what it may import"


def test_imports_flow_one_way() -> None:
    against = []
    for path in sorted(CORE.rglob("*.py")):
        if path == CORE / "__init__.py":
            continue  # the package itself: the kernel's names and the old import names
        source = _room_of(path)
        for line, target in _imports(path):
            if target == source or target not in RANK:
                continue
            lower = RANK[target] < RANK[source] or (RANK[target] == RANK[source] == RANK["schemas"])
            if not lower:
                against.append(f"{path.relative_to(CORE.parent)}:{line} ({source}) imports {target}")
    assert not against, "imports against the flow cli -> pipe, insight -> store -> model -> kernel -> words:\n" + \
        "\n".join(against)


def test_the_flow_check_catches_an_import_against_it(tmp_path: Path) -> None:
    """The rule above is no rule that cannot fail: a model module importing the store is caught."""
    bad = CORE / "model" / "_layout_probe.py"
    bad.write_text("from wattprint.core.store import history\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match=r"\(model\) imports store"):
            test_imports_flow_one_way()
    finally:
        bad.unlink()


def test_old_flat_names_import_the_moved_modules() -> None:
    moved = importlib.import_module("wattprint.core").MOVED
    for name, room in moved.items():
        old = importlib.import_module(f"wattprint.core.{name}")
        assert old is importlib.import_module(f"wattprint.core.{room}.{name}")
        assert old.__spec__ is not None
        assert old.__spec__.name == f"wattprint.core.{room}.{name}"


def test_a_host_installed_before_the_move_still_runs(tmp_path: Path) -> None:
    """A launcher without a wattprint-host beside it runs the host as a module, by its new name or its old one."""
    hello = json.dumps({"type": "hello", "protocol": 1, "extension_version": "0.1.0", "browser": "chromium",
                        "req": "1"}).encode()
    replies = []
    for module in ("wattprint.core.host", "wattprint.core.pipe.host"):
        data = tmp_path / module
        data.mkdir()
        framed = struct.pack("=I", len(hello)) + hello
        out = subprocess.run([sys.executable, "-m", module, CHROMIUM_ORIGIN], input=framed, capture_output=True,
                             timeout=60, env={**os.environ, "WATTPRINT_DATA_DIR": str(data)})
        assert len(out.stdout) > 4, out.stderr.decode(errors="replace")[-500:]
        reply = json.loads(out.stdout[4:4 + struct.unpack("=I", out.stdout[:4])[0]])
        replies.append({k: reply.get(k) for k in ("type", "protocol", "req")})
    assert replies[0] == replies[1] == {"type": "hello", "protocol": 1, "req": "1"}
