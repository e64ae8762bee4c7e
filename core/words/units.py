"""How a figure is written for people: no more significant figures than its range justifies, times in human units.

An estimate whose high end is three times its low end or more is known to about one significant figure; a narrower
range earns two. Amounts of time read in the unit a person would pick: "20 seconds", "12 minutes", "3 hours", "2 days",
never "0.33 minutes". Shared by the CLI, the week sentences, the equivalents and (through `desktop/format.py`) the app.
"""

from __future__ import annotations

import math

from wattprint.core.words.i18n import N_, _

WIDE_RANGE = 3.0  # high / low from which a range supports one significant figure only

# Seconds in each unit of time, and the sentence part for one and for many, in the order they are tried.
TIME_UNITS = (
    ("second", 1.0, N_("{n} second"), N_("{n} seconds")),
    ("minute", 60.0, N_("{n} minute"), N_("{n} minutes")),
    ("hour", 3600.0, N_("{n} hour"), N_("{n} hours")),
    ("day", 86400.0, N_("{n} day"), N_("{n} days")),
)
_SECONDS = {name: seconds for name, seconds, _one, _many in TIME_UNITS}
# From how many of a unit it reads better than the next smaller one (80 seconds, then 1.5 minutes from 90 s).
_SWITCH = 1.5


def significant(value: float, figures: int = 2) -> float:
    """`value` rounded to `figures` significant figures (13,053 -> 13,000; 0.1349 -> 0.13)."""
    if value == 0 or not math.isfinite(value):
        return value
    digits = figures - 1 - math.floor(math.log10(abs(value)))
    return float(round(value, digits))


def range_figures(low: float, high: float) -> int:
    """The significant figures a range supports: 1 when its high end is WIDE_RANGE times its low end or more, else 2."""
    if high <= 0:
        return 2
    if low <= 0 or high / low >= WIDE_RANGE:
        return 1
    return 2


def ratio_figures(low: float, high: float, other_low: float, other_high: float) -> int:
    """The significant figures a ratio of two ranged quantities supports: the fewer of theirs ("10", not "12.5")."""
    return min(range_figures(low, high), range_figures(other_low, other_high))


def plain(value: float, figures: int = 2) -> str:
    """A figure with a thousands separator and no trailing zeros: 0.34, 2.5, 14, 1,300 (to `figures` figures)."""
    if value == 0:
        return "0"
    rounded = significant(value, figures)
    if abs(rounded) >= 1:
        decimals = max(0, figures - 1 - math.floor(math.log10(abs(rounded))))
        text = f"{rounded:,.{decimals}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{rounded:.{figures}g}" if abs(rounded) >= 1e-4 else f"{rounded:.1e}"


def in_range(central: float, low: float, high: float) -> tuple[str, str, str]:
    """The central value and the ends of a range, each written with the figures the range supports."""
    figures = range_figures(low, high)
    return plain(central, figures), plain(low, figures), plain(high, figures)


def duration_unit(amount: float, unit: str) -> tuple[str, float]:
    """The time unit that reads best for `amount` of `unit` ("second", "minute", "hour" or "day"), and the amount in it.

    A unit is used from one and a half of it on (80 seconds, 1.5 minutes, 5 hours, 3 days), seconds below that.
    """
    seconds = amount * _SECONDS[unit]
    best, best_seconds = TIME_UNITS[0][0], 1.0
    for name, size, _one, _many in TIME_UNITS:
        if seconds >= _SWITCH * size:
            best, best_seconds = name, size
    return best, seconds / best_seconds


def duration(seconds: float, lang: str | None = None, figures: int = 2) -> str:
    """A time in the unit a person would pick: "20 seconds", "12 minutes", "3 hours", "2 days"."""
    name, amount = duration_unit(seconds, "second")
    rounded = significant(amount, figures)
    for unit, _size, one, many in TIME_UNITS:
        if unit == name:
            return _(one if rounded == 1 else many, lang).format(n=plain(rounded, figures))
    raise AssertionError(name)  # pragma: no cover - TIME_UNITS names every unit duration_unit returns


def is_time(unit: str) -> bool:
    """Whether `unit` (an equivalent's unit) is a unit of time."""
    return unit in _SECONDS


__all__ = ["TIME_UNITS", "WIDE_RANGE", "duration", "duration_unit", "in_range", "is_time", "plain", "range_figures",
           "ratio_figures", "significant"]  # fmt: skip
