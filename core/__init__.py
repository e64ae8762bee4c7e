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
core/ruff.toml keeps Qt out).
"""

from wattprint.core.schemas import Equivalent, Estimate, Interaction, Kind, Mode, Range, ScriptCounts, Tokens
from wattprint.core.version import __version__

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
