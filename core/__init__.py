"""Wattprint's Qt-free core: schemas, the footprint model and its data, history, host and CLI."""

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
