"""How the CLI writes a figure: no more significant figures than the range supports (see `core/words/units.py`)."""

from wattprint.core.words import units


def figure(value: float, figures: int = 2) -> str:
    """A figure for people: 0.34, 2.5, 14, 1,300."""
    return units.plain(value, figures)


def figures(central: float, low: float, high: float) -> tuple[str, str, str]:
    """A central value and its range, with the significant figures the range supports."""
    return units.in_range(central, low, high)
