"""Weekly trends: the energy, carbon and water of each of the last weeks, read from the `daily` rollup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from wattprint.core.store.queries import week_start

_SUMS = ", ".join(
    f"sum({c})" for c in ("energy_low", "energy_central", "energy_high", "co2_central", "water_central")
)


@dataclass(frozen=True)
class Week:
    """The totals of one week.

    Attributes:
        start: The week's first local day.
        count: Interactions.
        ai_count: Interactions an AI answered.
        energy: Energy low, central and high (Wh).
        co2e_g: Carbon, central (gCO2e).
        water_ml: Water, central (mL).
    """

    start: date
    count: int
    ai_count: int
    energy: tuple[float, float, float]
    co2e_g: float
    water_ml: float


def weeks(db: Database, day: date, count: int = 12, first_weekday: int = 0) -> list[Week]:
    """The `count` weeks ending with the week that holds `day`, oldest first (empty weeks included).

    Args:
        db: The history.
        day: A day of the last week shown.
        count: How many weeks (1 to 520).
        first_weekday: The first day of a week, 0 (Monday) to 6 (Sunday).

    Raises:
        ValueError: `count` or `first_weekday` is out of range.
    """
    if not 1 <= count <= 520:
        raise ValueError("count is 1 to 520 weeks")
    last = week_start(day, first_weekday)
    first = last - timedelta(weeks=count - 1)
    end = last + timedelta(days=6)
    totals: dict[int, list[float]] = {}
    rows = db.conn.execute(
        f"SELECT day, ai, sum(count), {_SUMS} FROM daily WHERE day BETWEEN ? AND ? GROUP BY day, ai",
        (first.isoformat(), end.isoformat()),
    )
    for text, ai, n, *sums in rows:
        index = (date.fromisoformat(text) - first).days // 7
        slot = totals.setdefault(index, [0.0] * 7)
        slot[0] += n or 0
        slot[1] += (n or 0) if ai else 0
        for i, value in enumerate(sums):
            slot[2 + i] += value or 0.0
    result = []
    for index in range(count):
        s = totals.get(index, [0.0] * 7)
        result.append(
            Week(first + timedelta(weeks=index), int(s[0]), int(s[1]), (s[2], s[3], s[4]), s[5], s[6])
        )
    return result


@dataclass(frozen=True)
class Day:
    """One day's energy, split between AI answers and plain searches, each with its range.

    Attributes:
        day: The local day.
        ai_wh: Energy of interactions an AI answered, central (Wh).
        search_wh: Energy of plain searches, central (Wh).
        ai_count: Interactions an AI answered.
        search_count: Plain searches.
        ai_low_wh: Low end of the AI energy's range (Wh).
        ai_high_wh: High end of the AI energy's range (Wh).
        search_low_wh: Low end of the plain searches' energy range (Wh).
        search_high_wh: High end of the plain searches' energy range (Wh).
    """

    day: date
    ai_wh: float
    search_wh: float
    ai_count: int
    search_count: int
    ai_low_wh: float
    ai_high_wh: float
    search_low_wh: float
    search_high_wh: float


def days(db: Database, start: date, count: int = 7) -> list[Day]:
    """Each of `count` local days from `start`, with AI and plain-search energy apart (empty days included)."""
    end = start + timedelta(days=count - 1)
    found: dict[tuple[str, int], tuple[int, float, float, float]] = {}
    rows = db.conn.execute(
        "SELECT day, ai, sum(count), sum(energy_low), sum(energy_central), sum(energy_high) FROM daily"
        " WHERE day BETWEEN ? AND ? GROUP BY day, ai",
        (start.isoformat(), end.isoformat()),
    )
    for text, ai, n, low, wh, high in rows:
        found[(text, 1 if ai else 0)] = (int(n or 0), float(low or 0.0), float(wh or 0.0), float(high or 0.0))
    result = []
    for offset in range(count):
        day = start + timedelta(days=offset)
        ai_n, ai_low, ai_wh, ai_high = found.get((day.isoformat(), 1), (0, 0.0, 0.0, 0.0))
        s_n, s_low, s_wh, s_high = found.get((day.isoformat(), 0), (0, 0.0, 0.0, 0.0))
        result.append(Day(day, ai_wh, s_wh, ai_n, s_n, ai_low, ai_high, s_low, s_high))
    return result


__all__ = ["Day", "Week", "days", "weeks"]
