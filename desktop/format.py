"""How numbers and times read in the app: two significant figures, a range beside every estimate.

Numbers follow the app's locale (QLocale(): group and decimal separators); units (Wh, g CO₂e, mL) stay as they are.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from wattprint.core.insight import weektext
from wattprint.core.words import units


def locale() -> QLocale:
    """The app's locale for numbers and dates (US English rather than the bare "C" locale, for group separators)."""
    current = QLocale()
    if current.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return current


def number(value: float, figures: int = 2) -> str:
    """A quantity to `figures` significant figures (0.0034, 0.34, 1.1, 12, 1,200), in the locale's digits."""
    if value == 0:
        return "0"
    rounded = units.significant(value, figures)
    decimals = max(0, figures - 1 - math.floor(math.log10(abs(rounded))))
    if decimals > 6:
        return f"{rounded:.{figures}g}"
    text = locale().toString(float(rounded), "f", decimals)
    point = locale().decimalPoint()
    return text.rstrip("0").rstrip(point) if decimals and point in text else text


def integer(value: int) -> str:
    """A count with the locale's group separator (1,234)."""
    return locale().toString(int(value))


def energy(wh: float, figures: int = 2) -> str:
    """Energy with its unit, in kWh from 1,000 Wh, to `figures` significant figures."""
    if wh >= 1000:
        return f"{number(wh / 1000, figures)} kWh"
    return f"{number(wh, figures)} Wh"


def with_range(central: float, low: float, high: float, unit: str) -> str:
    """"0.34 Wh (0.18–1.1)": the central estimate, its unit, and the range, as precise as the range allows."""
    figures = units.range_figures(low, high)
    return f"{number(central, figures)} {unit} ({number(low, figures)}–{number(high, figures)})"


def energy_range(central: float, low: float, high: float) -> str:
    """An energy range, switching to kWh for large totals."""
    if central >= 1000:
        return with_range(central / 1000, low / 1000, high / 1000, "kWh")
    return with_range(central, low, high, "Wh")


def local_time(ts: str) -> str:
    """A stored UTC time ('2026-11-22T10:00:00.000000Z') as a short local date and time.

    Without a locale (C or POSIX), Qt's short format is '22 11 2026 21:23'; ISO 8601 ('2026-11-22 21:23') reads better.
    """
    moment = datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone()
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    if QLocale().language() == QLocale.Language.C:
        return stamp.toString("yyyy-MM-dd HH:mm")
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def clock(moment: datetime, with_day: bool = False) -> str:
    """A local time of day ('14:05'), with the short weekday first when asked ('Tue 14:05')."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(stamp, "ddd HH:mm" if with_day else "HH:mm")


def change(summary: dict[str, Any]) -> str:
    """How a summary compares with the period before, like for like while it is in progress (core's sentence)."""
    sentence = weektext.change_sentence(summary)
    if sentence is None:
        day = summary.get("period") == "day"
        until = summary.get("previous", {}).get("until")
        if until:
            # In progress, compared up to the same time: the period before may have had queries later on (the trend
            # shows them), just none by this time, which is named ("Wednesday 14:05").
            moment = datetime.fromisoformat(until)
            if day:
                return QCoreApplication.translate(
                    "format", "none yesterday by this time ({when}): nothing to compare"
                ).format(when=f"{moment:%H:%M}")
            when = f"{locale().dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)} {moment:%H:%M}"
            return QCoreApplication.translate(
                "format", "none last week by this time ({when}): nothing to compare"
            ).format(when=when)
        if day:
            return QCoreApplication.translate("format", "nothing to compare with yesterday")
        return QCoreApplication.translate("format", "nothing to compare with last week")
    return sentence
