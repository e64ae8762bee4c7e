"""Demo history: a realistic, reproducible fortnight of AI and search use, for first runs and classrooms.

The generator draws services by how much people use them (ChatGPT most), models per service, hours of the day
(daytime-heavy, a little at night), prompt and answer lengths (log-normal), reasoning and web-search modes, images and
plain searches with or without an AI answer. Rows go through the history store's normal path (`Estimates.rows` then
`store`) with real estimates, so the demo shows exactly what real use would.

Bounds the generated history keeps (tested over several seeds in tests/core/insight/test_demo.py):
- queries a day: 12 to 40 on weekdays, 6 to 20 at weekends (`PER_DAY`);
- plain and AI-overview searches: 20 % to 45 % of all queries; AI overviews: 15 % to 50 % of searches;
- chat prompts: median 200 to 500 characters; answers: median 1,500 to 3,000 characters;
- hours: under 5 % between midnight and 6:00, 55 % to 85 % between 9:00 and 18:00 (`HOURS`);
- images: 0.5 % to 5 % of queries; reasoning: 5 % to 20 % of chats; every service of `SERVICES` appears in 8 weeks.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlite_utils import Database

from wattprint.core.model.modeldata import load
from wattprint.core.schemas import EARLIEST, Interaction, Kind, Mode, ScriptCounts
from wattprint.core.store import history

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

DEMO_PROFILE = "demo"
PER_DAY = (12, 40)  # interactions on a day, fewest and most

# (service, weight): how often each is used; chats and searches are drawn from one pool.
SERVICES: tuple[tuple[str, float], ...] = (
    ("chatgpt", 34),
    ("google", 22),
    ("gemini", 9),
    ("claude", 8),
    ("copilot", 5),
    ("perplexity", 4),
    ("bing", 4),
    ("duckduckgo", 3),
    ("deepseek", 3),
    ("lechat", 2),
    ("ecosia", 1),
    ("grok", 1),
)
MODELS: dict[str, tuple[tuple[str | None, float], ...]] = {
    "chatgpt": (("gpt-5", 6), ("gpt-4o", 2), ("gpt-5-mini", 1), ("o3", 1)),
    "claude": (("claude-sonnet-4-5", 4), ("claude-haiku-4-5", 1)),
    "gemini": (("gemini-2.5-flash", 4), ("gemini-2.5-pro", 1)),
    "copilot": (("gpt-5", 1),),
    "perplexity": (("sonar", 1),),
    "deepseek": (("deepseek-v3", 3), ("deepseek-r1", 1)),
    "lechat": (("mistral-medium-latest", 1),),
    "grok": (("grok-4", 1),),
}
# Relative use per local hour 0..23: quiet nights, a morning peak, an afternoon plateau, a small evening bump.
HOURS = (0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.4, 2.6, 2.5, 1.8, 2.0, 2.4, 2.4, 2.2, 1.8, 1.2,
         1.1, 1.3, 1.1, 0.7, 0.4)  # fmt: skip
PLAUSIBLE = 0.3  # an hour this busy (HOURS) or busier is one when people plausibly use a chatbot: 6:00 to 23:59
TODAY_AT_LEAST = 3  # queries so far today when the current hour is plausible, the last of them in this hour
SEARCH_SERVICES = frozenset({"google", "bing", "duckduckgo", "ecosia"})


def _pick(rng: random.Random, choices: Sequence[tuple[str | None, float]]) -> str | None:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _chars(rng: random.Random, median: float, sigma: float, cap: int) -> int:
    return max(1, min(cap, int(math.exp(rng.gauss(math.log(median), sigma)))))


def _interaction(rng: random.Random, moment: datetime) -> Interaction:
    service = _pick(rng, SERVICES)
    assert service is not None
    ident = uuid.UUID(int=rng.getrandbits(128), version=4)
    if service in SEARCH_SERVICES:
        overview = service == "google" and rng.random() < 0.45
        return Interaction(
            id=ident,
            ts=moment,
            kind=Kind.SEARCH,
            service=service,
            modes=(Mode.AI_OVERVIEW,) if overview else (),
            prompt=ScriptCounts(latin=_chars(rng, 28, 0.5, 400)),
            duration_ms=int(rng.uniform(300, 1500)),
            browser="chromium",
            page=f"https://{'www.' if service != 'duckduckgo' else ''}{service}.com",
        )
    model = _pick(rng, MODELS.get(service, ((None, 1),)))
    draw = rng.random()
    if draw < 0.03:
        return Interaction(
            id=ident,
            ts=moment,
            kind=Kind.IMAGE,
            service=service,
            model=model,
            modes=(Mode.IMAGE_GENERATION,),
            prompt=ScriptCounts(latin=_chars(rng, 160, 0.6, 2000)),
            images=rng.choice((1, 1, 1, 2, 4)),
            browser="chromium",
        )
    modes: list[Mode] = []
    if draw < 0.13:
        modes.append(Mode.REASONING)
    if rng.random() < 0.08:
        modes.append(Mode.WEB_SEARCH)
    turns = rng.choice((0, 0, 0, 1, 2, 4))
    return Interaction(
        id=ident,
        ts=moment,
        kind=Kind.CHAT,
        service=service,
        model=model,
        modes=tuple(modes),
        prompt=ScriptCounts(latin=_chars(rng, 320, 0.9, 40_000)),
        response=ScriptCounts(latin=_chars(rng, 2200, 0.7, 60_000)),
        context=ScriptCounts(latin=sum(_chars(rng, 2500, 0.6, 40_000) for _ in range(turns))),
        duration_ms=int(rng.uniform(2000, 40_000)),
        browser="chromium",
        page=f"https://{service}.example" if service not in ("chatgpt", "claude") else None,
    )


def interactions(days: int = 14, seed: int = 0, *, now: datetime | None = None) -> list[Interaction]:
    """The demo interactions of the last `days` local days up to `now`, oldest first.

    Args:
        days: How many days of history, today included (1 to 3,650).
        seed: The random seed; the same seed and `now` give the same history.
        now: The end of the history (default: now, local time).

    Raises:
        ValueError: `days` is out of range.
    """
    if not 1 <= days <= 3650:
        raise ValueError("days must be between 1 and 3,650")
    rng = random.Random(seed)
    now = (now or datetime.now()).astimezone()
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    found: list[Interaction] = []
    for back in range((today.date() - first_day(days, now)).days, 0, -1):
        start = today - timedelta(days=back)
        weekend = start.weekday() >= 5
        low, high = PER_DAY
        n = rng.randint(low // 2, high // 2) if weekend else rng.randint(low, high)
        hours = rng.choices(range(24), weights=HOURS, k=n)
        for hour in sorted(hours):
            found.append(_interaction(rng, start + timedelta(hours=hour, seconds=rng.uniform(0, 3599))))
    found.extend(_today(rng, today, now))
    found.sort(key=lambda item: item.ts)
    return found


def first_day(days: int, now: datetime | None = None) -> date:
    """The first day of a demo history of `days` days up to `now`: never before the earliest day the history takes."""
    today = (now or datetime.now()).astimezone().date()
    return max(today - timedelta(days=days - 1), (EARLIEST + timedelta(days=1)).date())


def _today(rng: random.Random, today: datetime, now: datetime) -> list[Interaction]:
    """Today up to `now`: a share of a day's use as large as the share of its use (HOURS) gone.

    When the current hour is plausible, today has at least TODAY_AT_LEAST queries and the current hour one of them, so
    a class at 9:00 sees today's total move from the start.
    """
    hour = now.hour
    weights = [w if h <= hour else 0.0 for h, w in enumerate(HOURS)]
    gone = sum(weights) / sum(HOURS)
    low, high = PER_DAY
    n = round(rng.randint(low, high) * gone) + 1
    if HOURS[hour] >= PLAUSIBLE:
        n = max(TODAY_AT_LEAST, n)
    hours = [*sorted(rng.choices(range(24), weights=weights, k=n - 1)), hour if HOURS[hour] >= PLAUSIBLE else -1]
    found = []
    for h in hours:
        if h < 0:
            continue
        start = today + timedelta(hours=h)
        latest = min(3599.0, (now - start).total_seconds())
        found.append(_interaction(rng, start + timedelta(seconds=rng.uniform(0, max(latest, 0.0)))))
    return found


def generate(
    db: Database, days: int = 14, seed: int = 0, *, estimator: Estimator | None = None, now: datetime | None = None
) -> int:
    """Stores a demo history (see `interactions`) with real estimates; returns how many rows were new.

    Args:
        db: The history to fill (use the "demo" profile, never the user's real history).
        days: How many days of history.
        seed: The random seed.
        estimator: The estimator (default: one over the packaged model data).
        now: The end of the history (default: now).
    """
    if estimator is None:
        from wattprint.core.model.estimator import Estimator

        estimator = Estimator(load())
    rows = history.Estimates(estimator).rows(interactions(days, seed, now=now))
    return len(history.store(db, rows).stored)


__all__ = ["DEMO_PROFILE", "first_day", "generate", "interactions"]
