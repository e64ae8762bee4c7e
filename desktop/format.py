"""How numbers and times read in the app: two significant figures, a range beside every estimate."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale


def number(value: float) -> str:
    """A quantity to about two significant figures (0.0034, 0.34, 1.1, 12, 1,200)."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}"
    return f"{value:.2g}"


def energy(wh: float) -> str:
    """Energy with its unit, in kWh from 1,000 Wh."""
    if wh >= 1000:
        return f"{number(wh / 1000)} kWh"
    return f"{number(wh)} Wh"


def with_range(central: float, low: float, high: float, unit: str) -> str:
    """"0.34 Wh (0.18–1.1)": the central estimate, its unit, and the range."""
    return f"{number(central)} {unit} ({number(low)}–{number(high)})"


def energy_range(central: float, low: float, high: float) -> str:
    """An energy range, switching to kWh for large totals."""
    if central >= 1000:
        return with_range(central / 1000, low / 1000, high / 1000, "kWh")
    return with_range(central, low, high, "Wh")


def local_time(ts: str) -> str:
    """A stored UTC time ('2026-11-22T10:00:00.000000Z') as a short local date and time."""
    moment = datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone()
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def percent_change(change: float | None) -> str:
    """'12% more than last week', '5% less than last week', or a note when last week was empty."""
    if change is None:
        return "nothing to compare with last week"
    if abs(change) < 0.5:
        return "about the same as last week"
    word = "more" if change > 0 else "less"
    return f"{abs(change):.0f}% {word} than last week"
