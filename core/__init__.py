"""Wattprint's Qt-free core, one room per concern.

One interaction flows through the rooms in this order:

    pipe/      the browser's message arrives through the native-messaging host
    store/     it is kept in the private history (SQLite)
    model/     its energy, carbon and water are estimated from sourced data (data/)
    insight/   the history is read back as weeks, comparisons and classroom figures
    words/     and written in the user's language, with honest significant figures
    cli/       the `wattprint` command over all of them

The shared kernel sits at the top: `schemas` (the interfaces), `paths` (where files live), `version`.

Imports flow one way: cli -> pipe, insight -> store -> model -> kernel -> words (tests/test_layout.py enforces it;
core/ruff.toml keeps Qt out). The old flat names (`wattprint.core.history`, `python -m wattprint.core.host`) still
import the moved modules: hosts installed before the move run `-m wattprint.core.host`.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import CodeType, ModuleType

from wattprint.core.schemas import Equivalent, Estimate, Interaction, Kind, Mode, Range, ScriptCounts, Tokens
from wattprint.core.version import __version__

# Each module that lived flat in core/ before the rooms, and its room now.
MOVED = {
    **dict.fromkeys(("i18n", "units", "display", "locale"), "words"),
    **dict.fromkeys(("modeldata", "modelnames"), "model"),
    **dict.fromkeys(("history", "migrations", "queries", "retention", "reestimate", "archive", "recover",
                     "preferences", "settings", "files", "memo"), "store"),
    **dict.fromkeys(("host", "protocol", "framing", "nudge", "install_host", "browsers", "extension_files", "autostart",
                     "capture_health"), "pipe"),
    **dict.fromkeys(("weektext", "trend", "detail", "compare", "classroom", "share", "demo"), "insight"),
}


class _OldNames(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports `wattprint.core.<old>` as the very module `wattprint.core.<room>.<old>` (one module, two names)."""

    def __init__(self) -> None:
        self._specs: dict[str, importlib.machinery.ModuleSpec | None] = {}

    @staticmethod
    def _target(fullname: str) -> str | None:
        prefix, _, name = fullname.rpartition(".")
        return f"{__name__}.{MOVED[name]}.{name}" if prefix == __name__ and name in MOVED else None

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = self._target(fullname)
        real = importlib.util.find_spec(new) if new else None
        if real is None:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin=real.origin,
                                               is_package=real.submodule_search_locations is not None)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(str(self._target(spec.name)))
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self._specs.pop(module.__spec__.name if module.__spec__ else "", module.__spec__)

    def get_code(self, fullname: str) -> CodeType | None:
        """The moved module's code, for `python -m wattprint.core.<old>`."""
        real = importlib.util.find_spec(str(self._target(fullname)))
        loader = real.loader if real else None
        return loader.get_code(real.name) if real and isinstance(loader, importlib.abc.InspectLoader) else None


if not any(isinstance(f, _OldNames) for f in sys.meta_path):
    sys.meta_path.append(_OldNames())

__all__ = [
    "Equivalent",
    "Estimate",
    "Interaction",
    "Kind",
    "Mode",
    "Range",
    "ScriptCounts",
    "Tokens",
    "__version__",
]
