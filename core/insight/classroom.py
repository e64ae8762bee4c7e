"""Classroom scenes: the numbers the presenter view shows, computed without Qt so they are tested on their own.

One function per scene: `live` (today's counter), `ranking` (which uses more?), `scale_up` (people x queries x
days), `training_vs_use`, `small_vs_large` (with energy-score stars). The class totals of shared weeks live in
`share.py`. Widgets only display what these return; `energy_text` and `count_text` format numbers for a room.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlite_utils import Database

from wattprint.core.insight import compare, energyscore
from wattprint.core.insight.energyscore import SIZE_CLASSES, STARS, size_class, stars
from wattprint.core.model import equivalents, scaling, training
from wattprint.core.model.modeldata import ModelData
from wattprint.core.schemas import Equivalent
from wattprint.core.store import queries
from wattprint.core.words import display, units
from wattprint.core.words.i18n import _, language

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

Triple = tuple[float, float, float]

# Energy units for scaled-up totals, smallest first: (unit, Wh in one unit).
ENERGY_UNITS = (("Wh", 1.0), ("kWh", 1e3), ("MWh", 1e6), ("GWh", 1e9), ("TWh", 1e12))
# Steps of the "Scale it up" scene's main number: from one class to billions of people.
PEOPLE_STEPS = (30, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 5_000_000_000)
CLASS_SIZE = 30
QUERIES_PER_DAY = 10  # each person's queries a day, default of the scale scene
DAYS = 365
# Steps of the "Training vs use" scene's main number: queries a day, worldwide, for one model.
USE_STEPS = (1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 2_500_000_000, 10_000_000_000)
USE_PER_DAY = 1_000_000_000
# Steps of the "Small vs large" scene's main number: answer length in tokens (the typical turn's by default).
ANSWER_STEPS = (100, 300, 1_000, 3_000, 10_000)
# Everyday activities of the "Which uses more?" quiz, and the order the cards are shown in before the answer.
RANKING_ACTIVITIES = ("led_bulb", "laptop", "streaming", "phone_charge", "kettle")
QUIZ_ORDER = (
    "activity:kettle",
    "chat",
    "activity:led_bulb",
    "image",
    "search",
    "activity:phone_charge",
    "reasoning",
    "activity:streaming",
    "activity:laptop",
)
# The same task on small and large models: (label, service, model).
MODELS: tuple[tuple[str, str | None, str], ...] = (
    ("GPT-4o mini", "chatgpt", "gpt-4o-mini"),
    ("GPT-4o", "chatgpt", "gpt-4o"),
    ("Llama 3.1 8B", None, "meta-llama/Meta-Llama-3.1-8B-Instruct"),
    ("Llama 3.1 70B", None, "meta-llama/Meta-Llama-3.1-70B-Instruct"),
    ("Llama 3.1 405B", None, "meta-llama/Meta-Llama-3.1-405B-Instruct"),
)


# -- formatting -----------------------------------------------------------------------------------------------------


def number(value: float, figures: int = 2) -> str:
    """A quantity to about two significant figures (0.0034, 0.34, 1.1, 12, 1,200).

    With `figures=1`, for a range three times wide or more (`units.range_figures`): 0.007, 0.07, 7, 70, 7,000.
    """
    if value == 0:
        return "0"
    if figures == 1:
        if abs(value) >= 1e-4:
            return units.plain(value, 1)
        return f"{units.significant(value, 1):.{-math.floor(math.log10(abs(value)))}f}"  # 0.00006, not 6e-05
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.0f}"
    if abs(value) >= 0.001:
        return f"{value:.2g}"
    return f"{value:.{1 - math.floor(math.log10(abs(value)))}f}"  # 0.000062, not 6.2e-05


def energy_amount(wh: float) -> tuple[float, str]:
    """An energy in the largest unit (Wh, kWh, MWh, GWh, TWh) that keeps the amount at 1 or more."""
    chosen = ENERGY_UNITS[0]
    for unit in ENERGY_UNITS:
        if abs(wh) >= unit[1]:
            chosen = unit
    return wh / chosen[1], chosen[0]


def energy_text(wh: float, figures: int = 2) -> str:
    """An energy for a room, in the unit `energy_amount` picks: "340 Wh", "1.2 MWh", "4,400 TWh"."""
    value, unit = energy_amount(wh)
    return _("{value} {unit}").format(value=number(value, figures), unit=unit)


def energy_range_text(low: float, central: float, high: float) -> str:
    """The central energy and, when it is a range, its ends in the same unit: "55 GWh (52–58)".

    A range three times wide or more supports one significant figure: "6 TWh (2–20)".
    """
    value, _unit = energy_amount(central)
    if high <= low:
        return energy_text(central)
    figures = units.range_figures(low, high)
    factor = central / value if value else 1.0
    return _("{central} ({low}–{high})").format(
        central=energy_text(central, figures), low=number(low / factor, figures), high=number(high / factor, figures)
    )


def count_text(n: float, figures: int = 2) -> str:
    """A count for a room, in the language spoken: "30", "10,000", "1.2 million", "5 billion".

    Chinese counts by 万 (10^4) and 亿 (10^8), not by thousands: "3,000", "3万", "9.5亿", "50亿".
    """
    if abs(n) >= 1e4:
        # Rounded before its unit is chosen: 990 million at one figure is "1 billion", not "1,000 million".
        n = units.significant(n, figures)
    if language() == "zh_CN":
        if abs(n) >= 1e8:
            return number(n / 1e8, figures) + "亿"
        if abs(n) >= 1e4:
            return number(n / 1e4, figures) + "万"
        return number(round(n), figures) if abs(n) >= 10 else number(n, figures)
    if abs(n) >= 1e9:
        return _("{n} billion").format(n=number(n / 1e9, figures))
    if abs(n) >= 1e6:
        return _("{n} million").format(n=number(n / 1e6, figures))
    return number(round(n), figures) if abs(n) >= 10 else number(n, figures)


def count_range_text(low: float, central: float, high: float) -> str:
    """A count and, when it is a range, its ends, with the figures the range supports.

    "55 billion (52 billion–58 billion)"; a wide range: "60 billion (20 billion–100 billion)".
    """
    if high <= low:
        return count_text(central)
    f = units.range_figures(low, high)
    return _("{central} ({low}–{high})").format(central=count_text(central, f), low=count_text(low, f),
                                               high=count_text(high, f))


def count_ends(low: float, high: float, figures: int = 2) -> str:
    """The ends of a count's range, the unit named once: "0.9–4 million", "200,000–4 million", "90–400万", "3–8"."""
    size, template = _count_unit(units.significant(high, figures) if abs(high) >= 1e4 else high)
    if size == 1.0:
        return _("{low}–{high}").format(low=count_text(low, figures), high=count_text(high, figures))
    low_text = number(low / size, figures) if abs(low) >= size / 10 else count_text(low, figures)
    return template.format(n=_("{low}–{high}").format(low=low_text, high=number(high / size, figures)))


def _count_unit(n: float) -> tuple[float, str]:
    """The size and sentence of the unit `count_text` writes `n` in: (1e6, "{n} million"), (1e4, "{n}万")."""
    if language() == "zh_CN":
        return next(((size, "{n}" + word) for size, word in ((1e8, "亿"), (1e4, "万")) if abs(n) >= size), (1.0, "{n}"))
    return next(((size, _(text)) for size, text in ((1e9, "{n} billion"), (1e6, "{n} million")) if abs(n) >= size),
                (1.0, "{n}"))  # fmt: skip


def count_span(low: float, central: float, high: float) -> str:
    """A count and its range, short enough for a projector: "2 million (0.9–4 million)", "200万（90–400万）"."""
    if high <= low:
        return count_text(central)
    figures = units.range_figures(low, high)
    return _("{central} ({range})").format(central=count_text(central, figures), range=count_ends(low, high, figures))


def step(steps: tuple[int, ...], current: float, direction: int) -> int:
    """The next value of `steps` above (direction > 0) or below the current one, staying at the ends."""
    if direction > 0:
        return next((s for s in steps if s > current), steps[-1])
    return next((s for s in reversed(steps) if s < current), steps[0])


def _service_name(data: ModelData, service: str) -> str:
    entry = data.services.get(service)
    return entry.name if entry is not None else service


# -- a. live --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveQuery:
    """One of today's queries.

    Attributes:
        id: The interaction's id.
        time: Local time, "HH:MM".
        service: The service's display name.
        kind: chat, search, image or video.
        energy_wh: Central energy, Wh.
        equivalent: Its everyday equivalent ("2 minutes of an LED bulb"), or "".
        figures: The significant figures its range supports (`units.range_figures`), as the feed writes it.
    """

    id: str
    time: str
    service: str
    kind: str
    energy_wh: float
    equivalent: str
    figures: int = 2


@dataclass(frozen=True)
class Live:
    """Today's counter: how many queries, their energy (Wh, low/central/high), the newest queries first."""

    day: date
    count: int
    energy_wh: Triple
    equivalent: str
    queries: list[LiveQuery]


def live(db: Database, data: ModelData, day: date | None = None, limit: int = 6) -> Live:
    """The "Live" scene: the total of one local day and its newest queries, each with its everyday equivalent.

    Args:
        db: The history.
        data: Model data.
        day: The local day (default: today).
        limit: How many recent queries to list.
    """
    day = day or date.today()
    summary = queries.day_summary(db, data, day)
    energy = summary["energy_wh"]
    page = queries.feed(db, data, limit=limit, since=day, until=day)
    items = []
    for row in page.items:
        estimate = row["estimate"]
        moment = datetime.fromisoformat(row["ts"].replace("Z", "+00:00")).astimezone()
        found = estimate["equivalents"]
        items.append(
            LiveQuery(
                id=row["id"],
                time=f"{moment:%H:%M}",
                service=_service_name(data, row["service"]),
                kind=row["kind"],
                energy_wh=estimate["energy_wh"]["central"],
                equivalent=found[0]["text"] if found else "",
                figures=units.range_figures(estimate["energy_wh"]["low"], estimate["energy_wh"]["high"]),
            )
        )
    equivalent = summary["equivalent"]["text"] if summary["equivalent"] else ""
    return Live(day, summary["count"], (energy["low"], energy["central"], energy["high"]), equivalent, items)


# -- b. which uses more? --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranking:
    """The quiz: the cards, and per key its central energy (Wh) and how many web searches it equals.

    `cards` are in the order shown, `ranked` smallest energy first; energies and counts are to two significant
    figures, as `ranking_text` writes them.
    """

    cards: list[compare.Item]
    ranked: list[compare.Item]
    times_search: dict[str, float]
    energy_wh: dict[str, float]


def ranking(estimator: Estimator) -> Ranking:
    """The "Which uses more?" scene: a web search, a chat answer, a reasoning answer, an image, everyday activities.

    Every figure is a central estimate to two significant figures: a web search has the energy the data gives it, and
    "N× a search" counts web searches as every other screen does (`equivalents.amount_of("web_search", ...)`), so a
    kettle's 100 Wh reads 830×, as its equivalent "830 web searches". Written to the one figure their wide ranges
    support, a search read "0.1 Wh" and an image "2 Wh · 10×" beside "12 web searches" elsewhere.
    """
    data = estimator.data
    items = compare.reference_items(estimator) + compare.activity_items(data, RANKING_ACTIVITIES)
    by_key = {item.key: item for item in items}
    cards = [by_key[key] for key in QUIZ_ORDER]
    return Ranking(
        cards=cards,
        ranked=sorted(cards, key=lambda item: item.central),
        times_search={item.key: equivalents.amount_of("web_search", item.central, data).amount for item in cards},
        energy_wh={item.key: units.significant(item.central, 2) for item in cards},
    )


def ranking_text(found: Ranking, key: str) -> tuple[str, str]:
    """The energy and the "× a search" of one card, as the revealed ranking writes them.

    For example ("100 Wh", "830"): a kettle, and as many web searches as its everyday equivalent says.
    """
    return energy_text(found.energy_wh[key]), units.plain(found.times_search[key])


# -- c. scale it up -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """A scaled-up use.

    Attributes:
        people: Number of people.
        queries_per_day: Queries each makes a day.
        days: Number of days.
        wh_per_query: Energy of one query, Wh.
        total_wh: Energy of all the queries, Wh.
        households: Households (of `household_name`) whose yearly electricity equals the use over a year.
        household_name: "US households", ...
        country: The country whose yearly electricity is nearest at or above the yearly use, or "".
        country_share: The yearly use as a share of that country's electricity (0.02 = 2 %).
        total_range: Energy of all the queries, Wh, low / central / high (the ends of one query's range).
    """

    people: int
    queries_per_day: int
    days: int
    wh_per_query: float
    total_wh: float
    households: float
    household_name: str
    country: str
    country_share: float
    total_range: Triple = (0.0, 0.0, 0.0)


def typical_chat_range(estimator: Estimator) -> Triple:
    """The energy of a typical chatbot answer, Wh, low / central / high (the default query of the scale scenes)."""
    item = next(item for item in compare.reference_items(estimator) if item.key == "chat")
    return item.low, item.central, item.high


def typical_chat_wh(estimator: Estimator) -> float:
    """The central energy of a typical chatbot answer, Wh (the default query of the scale and training scenes)."""
    return next(item.central for item in compare.reference_items(estimator) if item.key == "chat")


def scale_up(
    wh_per_query: float | Triple,
    people: int,
    queries_per_day: int,
    days: int,
    data: ModelData,
    households: str = "us",
) -> Scale:
    """The "Scale it up" scene: people x queries a day x days, in households and a country's electricity.

    Args:
        wh_per_query: One query's energy, Wh: a central value, or low / central / high to keep the range.
        people: Number of people.
        queries_per_day: Queries each makes a day.
        days: Number of days.
        data: Model data.
        households: Key of the household kind to compare with.
    """
    per_query = wh_per_query if isinstance(wh_per_query, tuple) else (wh_per_query,) * 3
    scenario = scaling.scale(per_query[1], people, queries_per_day, days, data, households=households)
    times = people * queries_per_day * days
    name, share = scenario.country or ("", 0.0)
    return Scale(
        people=people,
        queries_per_day=queries_per_day,
        days=days,
        wh_per_query=per_query[1],
        total_wh=scenario.total_wh,
        households=scenario.households,
        household_name=display.name(data.scaling.households[households].name),
        country=display.name(name) if name else "",
        country_share=share,
        total_range=(per_query[0] * times, scenario.total_wh, per_query[2] * times),
    )


COUNTRY_SHARE_SHOWN = 0.001  # a share of a country's electricity below 0.1 % gives way to an everyday equivalent
EQUIVALENT_MAX = 100_000  # ... when that equivalent is at most this many of its unit


def scale_lines(found: Scale, data: ModelData) -> tuple[str, str]:
    """The two sentences under a scaled-up total: households over a year, then a country (or an everyday thing).

    Each keeps the total's range (`Scale.total_range`), written to the figures the range supports, as the total is:
    "the electricity of 2 million US households (0.9–4 million)". The comparison itself (which country, which
    everyday thing) is chosen by the central.

    Args:
        found: The scenario.
        data: Model data (everyday equivalents for small totals).
    """
    low, central, high = found.total_range
    ranged = high > low and central > 0
    figures = units.range_figures(low, high) if ranged else 2
    down, up = (low / central, high / central) if ranged else (1.0, 1.0)

    def ends(value: float, scale: float = 1.0) -> tuple[str, str]:
        return number(value * down * scale, figures), number(value * up * scale, figures)

    if found.households >= 1:
        homes = (
            _("Over a year: the electricity of {n} {households} ({range})").format(
                n=count_text(found.households, figures), households=found.household_name,
                range=count_ends(found.households * down, found.households * up, figures))
            if ranged
            else _("Over a year: the electricity of {n} {households}").format(
                n=count_text(found.households), households=found.household_name)
        )  # fmt: skip
    elif ranged:
        homes = _("Over a year: {share} % ({low}–{high} %) of what one home uses ({households})").format(
            share=number(found.households * 100, figures), low=ends(found.households, 100)[0],
            high=ends(found.households, 100)[1], households=found.household_name)  # fmt: skip
    else:
        homes = _("Over a year: {share} % of what one home uses ({households})").format(
            share=number(found.households * 100), households=found.household_name
        )
    return homes, _place(found, data, figures, ends if ranged else None)


def _place(found: Scale, data: ModelData, figures: int, ends: Callable[[float, float], tuple[str, str]] | None) -> str:
    """The second sentence: times a country's electricity, an everyday equivalent, or a share of a country's."""
    share = found.country_share
    if found.country and share > 1:
        if ends is None:
            return _("{n} times the yearly electricity of {country}").format(n=number(share), country=found.country)
        low, high = ends(share, 1.0)
        return _("{n} times the yearly electricity of {country} ({low}–{high} times)").format(
            n=number(share, figures), country=found.country, low=low, high=high)  # fmt: skip
    chosen = equivalents.choose(found.total_wh, data, limit=1)
    if chosen and chosen[0].amount <= EQUIVALENT_MAX and share < COUNTRY_SHARE_SHOWN:
        if ends is None:
            return _("As much as {equivalent}").format(equivalent=chosen[0].text)
        amount = _exact_amount(chosen[0], found.total_wh, data)
        low, high = ends(amount, 1.0)
        # The equivalent's sentence with its amount to the range's figures: "driving a petrol car 100 km (50–300)".
        text = chosen[0].text.replace(units.plain(chosen[0].amount), units.plain(amount, figures), 1)
        return _("As much as {equivalent} ({low}–{high})").format(equivalent=text, low=low, high=high)
    if not found.country:
        return ""
    if ends is None:
        return _("{share} % of the yearly electricity of {country}").format(
            share=number(share * 100), country=found.country
        )
    low, high = ends(share, 100.0)
    return _("{share} % ({low}–{high} %) of the yearly electricity of {country}").format(
        share=number(share * 100, figures), low=low, high=high, country=found.country)  # fmt: skip


def _exact_amount(chosen: Equivalent, total_wh: float, data: ModelData) -> float:
    """The unrounded amount of an equivalent (in the unit it was written in: minutes may have become hours)."""
    item = data.equivalents[chosen.id]
    amount = total_wh / item.wh
    if units.is_time(item.unit):
        unit, converted = units.duration_unit(amount, item.unit)
        if unit == chosen.unit:
            return converted
    return amount


# -- d. training vs use ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TrainingRow:
    """One published training run and when use passes it.

    Attributes:
        key: Its id in training.toml.
        name: "GPT-3 175B".
        year: Year published.
        energy_mwh: Training energy, MWh (low and high where published).
        queries_to_pass: Queries whose energy equals the training energy.
        days_to_pass: Days of use at the scene's queries a day to get there.
        queries_range: The same, low / central / high (training's ends against a query's ends).
        co2e_t: Training emissions, tCO2e, low / central / high at the source's own scope (0 where unpublished).
        scope: What the published figures cover (the data's own words, in English).
        days_range: Days of use to pass training, low / central / high (`queries_range` over the queries a day).
        co2e_dynamic_t: Emissions of the training run's dynamic power only, tCO2e, as the BLOOM paper's table gives
            them for OPT, Gopher, GPT-3 and BLOOM (so those rows compare like with like); 0 for another scope.
        co2e_source: The source id of the emissions figure.
        article_high: The upper ends of energy (MWh) and emissions (tCO2e) as the source gives them, where Wattprint
            corrects its arithmetic (GPT-4: 100 days counted as 2,600 hours); None where it takes them as published.
    """

    key: str
    name: str
    year: int
    energy_mwh: Triple
    queries_to_pass: float
    days_to_pass: float
    queries_range: Triple = (0.0, 0.0, 0.0)
    co2e_t: Triple = (0.0, 0.0, 0.0)
    scope: str = ""
    days_range: Triple = (0.0, 0.0, 0.0)
    co2e_dynamic_t: float = 0.0
    co2e_source: str = ""
    article_high: tuple[float, float] | None = None


@dataclass(frozen=True)
class TrainingScene:
    """The "Training vs use" scene: the reference table at a given energy per query and daily use."""

    wh_per_query: float
    queries_per_day: int
    rows: list[TrainingRow]


def training_vs_use(
    data: ModelData, wh_per_query: float | Triple, queries_per_day: int = USE_PER_DAY
) -> TrainingScene:
    """Each published training run, and how many queries (and days of use) it takes for use to pass it.

    Args:
        data: Model data.
        wh_per_query: One query's energy, Wh: a central value, or low / central / high to keep the range.
        queries_per_day: Queries a day, worldwide, for one model.
    """
    if queries_per_day <= 0:
        raise ValueError("queries a day must be positive")
    per_query = wh_per_query if isinstance(wh_per_query, tuple) else (wh_per_query,) * 3
    rows = []
    for key, run in sorted(data.training.items(), key=lambda item: item[1].energy_mwh):
        low = run.energy_mwh_low if run.energy_mwh_low is not None else run.energy_mwh
        high = run.energy_mwh_high if run.energy_mwh_high is not None else run.energy_mwh
        passes = training.queries_to_pass_training(run.energy_mwh, per_query[1])
        queries = (
            training.queries_to_pass_training(low, per_query[2]),
            passes,
            training.queries_to_pass_training(high, per_query[0]),
        )
        central_t = run.co2e_t or 0.0
        co2 = (run.co2e_t_low or central_t, central_t, run.co2e_t_high or central_t)
        source = run.co2e_source or run.source
        dynamic = run.co2e_t_dynamic or (central_t if run.co2e_scope == "dynamic" else 0.0)  # training.toml
        article = None
        if run.article_energy_mwh_high is not None or run.article_co2e_t_high is not None:
            article = (run.article_energy_mwh_high or high, run.article_co2e_t_high or co2[2])
        rows.append(
            TrainingRow(
                key, run.name, run.year, (low, run.energy_mwh, high), passes, passes / queries_per_day, queries, co2,
                run.scope, (queries[0] / queries_per_day, passes / queries_per_day, queries[2] / queries_per_day),
                dynamic, source, article,
            )
        )
    return TrainingScene(per_query[1], queries_per_day, rows)


# -- e. small vs large ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelRow:
    """One model doing the same task, rated within its AI Energy Score size class.

    Its energy (Wh, low/central/high), its stars (1-5 against the catalogue's models of its size class), whether its
    size is assumed, and the class (A: up to 20B parameters, B: up to 66B, C: larger).
    """

    label: str
    energy_wh: Triple
    stars: int
    size_assumed: bool
    size_class: str = "C"


@dataclass(frozen=True)
class ModelComparison:
    """The "Small vs large" scene: its models, and the population each size class is rated against."""

    rows: list[ModelRow]
    classes: dict[str, energyscore.SizeClass]


def small_vs_large(estimator: Estimator, response_tokens: int | None = None) -> ModelComparison:
    """The "Small vs large" scene: a typical prompt answered by each of `MODELS`, with energy-score stars.

    The stars compare each model with every catalogue model of known size in its AI Energy Score size class
    (`energyscore.population`), all estimated for the same answer, not with the other models shown: among these five,
    the only small and the only medium model got 5 stars by construction. A model is rated by its energy estimated as
    that population is (with no service); the bar shows its estimate through its service (GPT-4o's through ChatGPT).

    Args:
        estimator: The estimator.
        response_tokens: Length of the answer in tokens (default: the typical turn's).
    """
    typical = estimator.data.llm.typical
    response = typical.response_tokens if response_tokens is None else response_tokens
    sizes = (typical.prompt_tokens, response, typical.context_tokens)
    classes = energyscore.population(estimator, *sizes)
    rows = []
    for label, service, model in MODELS:
        profile = estimator.strict_profile(service, model)
        figures = estimator.text(profile, sizes[0], sizes[1], sizes[2], frozenset())
        spec = profile.spec
        cls = size_class(spec.total[1] if spec is not None else math.inf)
        rated = energyscore.rated_energy(estimator, model, *sizes)
        group = classes.get(cls)
        score = energyscore.rate(rated, group.low, group.high) if group is not None else STARS
        rows.append(ModelRow(label, figures.energy, score, spec is not None and spec.undisclosed, cls))
    return ModelComparison(rows, classes)


__all__ = [
    "CLASS_SIZE",
    "MODELS",
    "PEOPLE_STEPS",
    "SIZE_CLASSES",
    "STARS",
    "USE_STEPS",
    "Live",
    "LiveQuery",
    "ModelComparison",
    "ModelRow",
    "Ranking",
    "Scale",
    "TrainingRow",
    "TrainingScene",
    "count_ends",
    "count_range_text",
    "count_span",
    "count_text",
    "energy_amount",
    "energy_range_text",
    "energy_text",
    "live",
    "number",
    "ranking",
    "ranking_text",
    "scale_lines",
    "scale_up",
    "size_class",
    "small_vs_large",
    "stars",
    "step",
    "training_vs_use",
    "typical_chat_range",
    "typical_chat_wh",
]
