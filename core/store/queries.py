"""Reading the history: the live feed (keyset pages), day and week summaries, date ranges, export rows.

Summaries read the `daily` rollup (one row per local day, service, kind and AI-or-not, kept by triggers), so a week
costs a few dozen rows whatever the size of the history. Ranges are summed end to end (low with low, high with
high): a conservative range for a total, since the errors of one model are shared by all its estimates.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from wattprint.core.model import equivalents
from wattprint.core.model.modeldata import ModelData
from wattprint.core.schemas import SCRIPT_CLASSES
from wattprint.core.store.history import COLUMNS, ESTIMATE_COLUMNS
from wattprint.core.words.i18n import language

_RANGE_COLUMNS = ESTIMATE_COLUMNS[:9]  # energy, co2, water: low / central / high
_EST_INDEX = [COLUMNS.index(c) for c in ESTIMATE_COLUMNS]
_SELECT_ALL = f"SELECT {', '.join(COLUMNS)} FROM interactions"


def _range(values: Sequence[float]) -> dict[str, float]:
    return {"low": values[0], "central": values[1], "high": values[2]}


_JSON_LISTS: dict[str, list[Any]] = {}
_EQUIVALENTS: dict[tuple[str, float, str], list[dict[str, Any]]] = {}
_MEMO_LIMIT = 20_000


def _json_list(value: str | Sequence[Any]) -> list[Any]:
    """A stored JSON list (sources, warnings); the same few lists recur, so each text is parsed once."""
    if not isinstance(value, str):
        return list(value)
    found = _JSON_LISTS.get(value)
    if found is None:
        if len(_JSON_LISTS) >= _MEMO_LIMIT:
            _JSON_LISTS.clear()
        found = _JSON_LISTS[value] = json.loads(value)
    return list(found)


def _equivalent_dicts(energy_wh: float, data: ModelData, lang: str | None = None) -> list[dict[str, Any]]:
    energy_wh = float(f"{energy_wh:.3g}")  # choose() answers per three significant figures
    lang = lang or language()
    key = (data.version, energy_wh, lang)
    found = _EQUIVALENTS.get(key)
    if found is None:
        if len(_EQUIVALENTS) >= _MEMO_LIMIT:
            _EQUIVALENTS.clear()
        found = _EQUIVALENTS[key] = [e.model_dump() for e in equivalents.choose(energy_wh, data, lang=lang)]
    return [dict(e) for e in found]


def estimate_dict(values: Sequence[Any], data: ModelData) -> dict[str, Any]:
    """The protocol's Estimate object from the stored estimate columns (in `ESTIMATE_COLUMNS` order)."""
    sources, warnings, version = values[13], values[14], values[15]
    return {
        "energy_wh": _range(values[0:3]),
        "co2e_g": _range(values[3:6]),
        "water_ml": _range(values[6:9]),
        "tokens": {"prompt": values[9], "response": values[10], "context": values[11], "reasoning": values[12]},
        "equivalents": _equivalent_dicts(values[1], data),
        "sources": _json_list(sources),
        "warnings": _json_list(warnings),
        "model_version": version,
    }


_EQUIVALENTS_JSON: dict[tuple[str, float, str], str] = {}
# Quantities in the ack carry 6 significant figures: far beyond what the estimates can claim, and formatting them
# costs a quarter of writing each float's shortest exact form (the history keeps the exact values).
_ESTIMATE_TEMPLATE = (
    '{"energy_wh":{"low":%.6g,"central":%.6g,"high":%.6g},'
    '"co2e_g":{"low":%.6g,"central":%.6g,"high":%.6g},'
    '"water_ml":{"low":%.6g,"central":%.6g,"high":%.6g},'
    '"tokens":{"prompt":%d,"response":%d,"context":%d,"reasoning":%d},'
    '"equivalents":%s,"sources":%s,"warnings":%s,"model_version":%s}'
)


def estimate_json(values: Sequence[Any], data: ModelData, lang: str | None = None) -> str:
    """The JSON text of `estimate_dict(values, data)`, quantities to 6 significant figures (the ack's hot path).

    It is assembled from cached pieces. Floats are finite (the schema and the model guarantee it), so %g writes JSON
    numbers, and rounding keeps low <= central <= high. `lang` is the language of the equivalents' texts (default:
    `i18n.language()`; the host passes its own, read once).
    """
    energy = float(f"{values[1]:.3g}")
    lang = lang or language()
    key = (data.version, energy, lang)
    equivalents_text = _EQUIVALENTS_JSON.get(key)
    if equivalents_text is None:
        if len(_EQUIVALENTS_JSON) >= _MEMO_LIMIT:
            _EQUIVALENTS_JSON.clear()
        equivalents_text = _EQUIVALENTS_JSON[key] = json.dumps(
            _equivalent_dicts(energy, data, lang), ensure_ascii=False, separators=(",", ":")
        )
    sources, warnings = values[13], values[14]
    return _ESTIMATE_TEMPLATE % (
        *values[0:13],
        equivalents_text,
        sources if isinstance(sources, str) else json.dumps(list(sources), separators=(",", ":")),
        warnings if isinstance(warnings, str) else json.dumps(list(warnings), separators=(",", ":")),
        _version_json(values[15]),
    )


@lru_cache(maxsize=64)
def _version_json(version: str) -> str:
    return json.dumps(version)


def row_dict(row: Sequence[Any], data: ModelData) -> dict[str, Any]:
    """One stored row as an interaction object (the protocol's fields) plus its `day` and `estimate`."""
    r = dict(zip(COLUMNS, row, strict=True))
    item: dict[str, Any] = {
        "id": r["id"],
        "ts": r["ts"],
        "kind": r["kind"],
        "service": r["service"],
        "model": r["model"],
        "modes": json.loads(r["modes"]),
        "prompt": json.loads(r["prompt"]),
        "response": json.loads(r["response"]),
        "context": json.loads(r["context"]),
    }
    for name in ("prompt_tokens", "response_tokens", "context_tokens"):
        if r[name] is not None:
            item[name] = r[name]
    item.update(
        images=r["images"],
        video_seconds=r["video_seconds"],
        duration_ms=r["duration_ms"],
        browser=r["browser"],
        page=r["page"],
    )
    if r["source"] is not None:
        item["source"] = r["source"]  # how a chat turn's counts were read: the site's traffic or the page
    if r["unconfirmed"]:
        item["unconfirmed"] = True  # the page never confirmed them
    item["day"] = r["day"]
    item["estimate"] = estimate_dict([row[i] for i in _EST_INDEX], data)
    return item


# -- the feed --------------------------------------------------------------------------------------------------------

Cursor = tuple[Any, str]  # (sort value, id) of the last row of a page

# What the feed can be sorted by: the SQL of each key (ties are broken by id).
SORT_KEYS = {
    "time": "ts",
    "service": "service",
    "model": "coalesce(model, '')",
    "kind": "kind",
    "energy": "energy_central",
    "carbon": "co2_central",
    "water": "water_central",
}


@dataclass(frozen=True)
class Page:
    """One page of the feed, in the order asked; `next` is the cursor of the following page (None at the end)."""

    items: list[dict[str, Any]]
    next: Cursor | None


def _filters(
    since: date | None,
    until: date | None,
    service: str | None,
    kind: str | None,
    model: str | None = None,
    search: str | None = None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        where.append("day >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("day <= ?")
        params.append(until.isoformat())
    if service is not None:
        where.append("service = ?")
        params.append(service)
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if model is not None:
        where.append("coalesce(model, '') = ?")
        params.append(model)
    if search:
        where.append(
            "(instr(lower(coalesce(model, '')), ?) OR instr(lower(service), ?) OR instr(lower(coalesce(page, '')), ?))"
        )
        params.extend([search.lower()] * 3)
    return where, params


def feed(
    db: Database,
    data: ModelData,
    *,
    limit: int = 50,
    after: Cursor | None = None,
    since: date | None = None,
    until: date | None = None,
    service: str | None = None,
    kind: str | None = None,
    model: str | None = None,
    search: str | None = None,
    order: str = "time",
    descending: bool = True,
) -> Page:
    """A page of the live feed, newest first unless sorted otherwise (keyset pagination on `(sort key, id)`).

    Args:
        db: The history.
        data: Model data (for the equivalents of each estimate).
        limit: Rows per page (1 to 1,000).
        after: The `next` cursor of the previous page; None for the first rows.
        since: First local day to include.
        until: Last local day to include.
        service: Only this service.
        kind: Only this kind (chat, search, image, video).
        model: Only this model id ("" for interactions with no model named).
        search: Only rows whose model, service id or page contains this text (any case).
        order: One of SORT_KEYS.
        descending: Largest (newest) first.

    Raises:
        ValueError: `order` is not one of SORT_KEYS.
    """
    if order not in SORT_KEYS:
        raise ValueError(f"cannot sort by {order!r}")
    key = SORT_KEYS[order]
    limit = max(1, min(limit, 1000))
    where, params = _filters(since, until, service, kind, model, search)
    if after is not None:
        where.append(f"({key}, id) {'<' if descending else '>'} (?, ?)")
        params.extend(after)
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {', '.join(COLUMNS)}, {key} FROM interactions"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {key} {direction}, id {direction} LIMIT ?"
    )
    rows = db.conn.execute(sql, [*params, limit + 1]).fetchall()
    items = [row_dict(row[:-1], data) for row in rows[:limit]]
    cursor = (rows[limit - 1][-1], rows[limit - 1][0]) if len(rows) > limit else None
    return Page(items, cursor)


def feed_totals(
    db: Database,
    *,
    since: date | None = None,
    until: date | None = None,
    service: str | None = None,
    kind: str | None = None,
    model: str | None = None,
    search: str | None = None,
) -> dict[str, Any]:
    """The count and the energy, carbon and water ranges of every interaction the feed's filters keep.

    Filters by day, service and kind only are answered from the per-day rollup (the feed's first paint over a million
    rows: a scan of the interactions took over a second); a model or a search needs the interactions themselves.
    """
    where, params = _filters(since, until, service, kind, model, search)
    sums = ", ".join(f"coalesce(sum({c}), 0)" for c in _RANGE_COLUMNS)
    if model is None and not search:
        table, count = "daily", "coalesce(sum(count), 0)"
    else:
        table, count = "interactions", "count(*)"
    row = db.conn.execute(
        f"SELECT {count}, {sums} FROM {table}" + (" WHERE " + " AND ".join(where) if where else ""), params
    ).fetchone()
    return {
        "count": int(row[0]),
        "energy_wh": _range(row[1:4]),
        "co2e_g": _range(row[4:7]),
        "water_ml": _range(row[7:10]),
    }


def models(db: Database) -> list[tuple[str, int]]:
    """The model ids in the history ("" for none named) with how many interactions each, most used first."""
    rows = db.conn.execute(
        "SELECT coalesce(model, ''), count(*) FROM interactions GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return [(str(name), int(n)) for name, n in rows]


def interaction(db: Database, data: ModelData, interaction_id: str) -> dict[str, Any] | None:
    """One stored interaction as `row_dict` gives it, or None when there is none with that id."""
    row = db.conn.execute(_SELECT_ALL + " WHERE id = ?", (interaction_id,)).fetchone()
    return row_dict(row, data) if row is not None else None


def iter_rows(db: Database, data: ModelData, *, since: date | None = None) -> Iterator[dict[str, Any]]:
    """Every stored interaction from `since` (a local day) on, oldest first, as `row_dict` gives it."""
    where, params = _filters(since, None, None, None)
    sql = _SELECT_ALL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY ts, id"
    for row in db.conn.execute(sql, params):
        yield row_dict(row, data)


def date_range(db: Database) -> tuple[date, date] | None:
    """The first and last local day with an interaction, or None for an empty history."""
    row = db.conn.execute("SELECT min(day), max(day) FROM daily WHERE count > 0").fetchone()
    if row is None or row[0] is None:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


# -- summaries -------------------------------------------------------------------------------------------------------


def model_breakdown(db: Database, start: date, end: date) -> list[dict[str, Any]]:
    """Interactions and energy per model id ("" for none named) over local days `start` to `end`, most first.

    `energy_wh` is the central sum; `energy_wh_range` the low / central / high sums.
    """
    rows = db.conn.execute(
        "SELECT coalesce(model, ''), count(*), sum(kind != 'search' OR modes LIKE '%ai_overview%'),"
        " sum(energy_central), sum(energy_low), sum(energy_high)"
        " FROM interactions WHERE day BETWEEN ? AND ? GROUP BY 1 ORDER BY 4 DESC, 1",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    return [
        {"model": m, "count": int(n), "ai_count": int(ai or 0), "energy_wh": float(e or 0.0),
         "energy_wh_range": _range((float(lo or 0.0), float(e or 0.0), float(hi or 0.0)))}
        for m, n, ai, e, lo, hi in rows
    ]


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week that holds `day` (first_weekday: 0 Monday ... 6 Sunday)."""
    if not 0 <= first_weekday <= 6:
        raise ValueError("first_weekday is 0 (Monday) to 6 (Sunday)")
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


@dataclass
class _Totals:
    count: int = 0
    ai: int = 0
    sums: tuple[float, ...] = (0.0,) * 9

    def add(self, n: int, is_ai: bool, values: Sequence[float]) -> None:
        self.count += n
        self.ai += n if is_ai else 0
        self.sums = tuple(a + b for a, b in zip(self.sums, values, strict=True))


def _totals(db: Database, start: date, end: date) -> tuple[_Totals, dict[str, _Totals], dict[str, _Totals]]:
    sums = ", ".join(f"sum({c})" for c in _RANGE_COLUMNS)
    rows = db.conn.execute(
        f"SELECT day, service, ai, sum(count), {sums} FROM daily WHERE day BETWEEN ? AND ? GROUP BY day, service, ai",
        (start.isoformat(), end.isoformat()),
    )
    total = _Totals()
    by_service: dict[str, _Totals] = {}
    by_day: dict[str, _Totals] = {}
    for day, service, ai, n, *values in rows:
        if not n:
            continue
        total.add(n, bool(ai), values)
        by_service.setdefault(service, _Totals()).add(n, bool(ai), values)
        by_day.setdefault(day, _Totals()).add(n, bool(ai), values)
    return total, by_service, by_day


def _change(now: float, before: float) -> float | None:
    """Relative change in percent (None when there was nothing before)."""
    return round((now - before) / before * 100, 1) if before else None


def _so_far(db: Database, start: date, cut: datetime) -> dict[str, Any]:
    """Totals from local day `start` up to the moment `cut` (read from the interactions: the rollup has no hours)."""
    sums = ", ".join(f"sum({c})" for c in _RANGE_COLUMNS)
    row = db.conn.execute(
        f"SELECT count(*), {sums} FROM interactions WHERE day BETWEEN ? AND ? AND epoch < ?",
        (start.isoformat(), cut.date().isoformat(), cut.timestamp()),
    ).fetchone()
    values = [v or 0.0 for v in row[1:]]
    return {
        "start": start.isoformat(),
        "end": cut.date().isoformat(),
        "count": int(row[0] or 0),
        "energy_wh": _range(values[0:3]),
        "co2e_g": _range(values[3:6]),
        "water_ml": _range(values[6:9]),
    }


def days_earlier(moment: datetime, days: int) -> datetime:
    """The same local clock time `days` days earlier (across a change to or from summer time too)."""
    return (moment.replace(tzinfo=None) - timedelta(days=days)).astimezone()


def summary(
    db: Database,
    data: ModelData,
    start: date,
    end: date,
    *,
    period: str = "range",
    previous: bool = True,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Totals over local days `start` to `end` (inclusive), as the protocol's summary reply carries them.

    A period still in progress is compared like for like: this week so far with the same days and hours of the week
    before, today so far with yesterday up to the same time (`previous.until` says up to when).

    Args:
        db: The history.
        data: The model data (equivalents).
        start: First local day.
        end: Last local day.
        period: "day", "week" or "range", as the reply says.
        previous: Whether to compare with the same length of time just before.
        now: The present moment (default: now), which tells whether the period is in progress.

    Returns:
        `period`, `start`, `end`, `count`, `ai_count`, `search_count`, `energy_wh`/`co2e_g`/`water_ml` ranges,
        `equivalent` (or None), `services` (most energy first; `energy_wh` the central, `energy_wh_range` the
        range), `days` (every day of the period), and with
        `previous` the same length of time just before: `previous` totals and `change` in percent.
    """
    total, by_service, by_day = _totals(db, start, end)
    s = total.sums
    equivalent = equivalents.choose(s[1], data, limit=1)
    days = []
    day = start
    while day <= end:
        t = by_day.get(day.isoformat(), _Totals())
        days.append({"day": day.isoformat(), "count": t.count, "ai_count": t.ai, "energy_wh": _range(t.sums[0:3])})
        day += timedelta(days=1)
    result: dict[str, Any] = {
        "period": period,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "count": total.count,
        "ai_count": total.ai,
        "search_count": total.count - total.ai,
        "energy_wh": _range(s[0:3]),
        "co2e_g": _range(s[3:6]),
        "water_ml": _range(s[6:9]),
        "equivalent": equivalent[0].model_dump() if equivalent else None,
        "services": [
            {"service": name, "count": t.count, "ai_count": t.ai, "energy_wh": t.sums[1],
             "energy_wh_range": _range(t.sums[0:3])}  # energy_wh stays the central, as the protocol says
            for name, t in sorted(by_service.items(), key=lambda item: (-item[1].sums[1], item[0]))
        ],
        "days": days,
    }
    if previous:
        length = (end - start).days + 1
        moment = (now or datetime.now()).astimezone()
        if start <= moment.date() <= end:  # in progress: the same days and hours before, not the whole period
            cut = days_earlier(moment, length)
            before = _so_far(db, start - timedelta(days=length), cut)
            result["previous"] = {**before, "until": cut.isoformat(timespec="minutes")}
        else:
            before = summary(
                db, data, start - timedelta(days=length), start - timedelta(days=1), period=period, previous=False
            )
            result["previous"] = {k: before[k] for k in ("start", "end", "count", "energy_wh", "co2e_g", "water_ml")}
        result["change"] = {
            "count": _change(total.count, before["count"]),
            "energy_wh": _change(s[1], before["energy_wh"]["central"]),
        }
    return result


def day_summary(db: Database, data: ModelData, day: date, *, now: datetime | None = None) -> dict[str, Any]:
    """The summary of one local day, compared with the day before (up to the same time, for today)."""
    return summary(db, data, day, day, period="day", now=now)


def week_summary(
    db: Database, data: ModelData, day: date, first_weekday: int = 0, *, now: datetime | None = None
) -> dict[str, Any]:
    """The summary of the week holding `day` (weeks start on `first_weekday`, 0 = Monday), against the week before.

    The current week is compared with the same days and hours of the week before.
    """
    start = week_start(day, first_weekday)
    return summary(db, data, start, start + timedelta(days=6), period="week", now=now)


__all__ = [
    "SCRIPT_CLASSES",
    "Cursor",
    "Page",
    "date_range",
    "day_summary",
    "days_earlier",
    "estimate_dict",
    "estimate_json",
    "feed",
    "feed_totals",
    "interaction",
    "iter_rows",
    "model_breakdown",
    "models",
    "row_dict",
    "summary",
    "week_start",
    "week_summary",
]
