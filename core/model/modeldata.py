"""Loads and validates the model data in core/data, with the sources every number cites."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wattprint.core.model.dataversion import DATA_FILES, read_data, version_of


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a number comes from."""

    title: str
    author: str
    year: int
    url: str
    licence: str
    tag: Literal["R", "S", "C", "U"]


class Bounds(_Strict):
    """A low and a high value of an input (PUE, WUE)."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.low > self.high:
            raise ValueError("low must not exceed high")
        return self

    @property
    def mid(self) -> float:
        """The midpoint."""
        return (self.low + self.high) / 2


class Triple(_Strict):
    """A low, central and high value of an input."""

    low: float = Field(ge=0)
    central: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Triple:
        if not self.low <= self.central <= self.high:
            raise ValueError("needs low <= central <= high")
        return self


class Service(_Strict):
    """One chatbot or search engine of the catalogue."""

    name: str
    kind: Literal["chat", "search"]
    operator: str
    zone: str
    pue: Bounds
    wue: Bounds
    source: str
    site: str
    datacentre: str
    wue_anchor: str | None = None
    wue_source: str | None = None
    model: str | None = None
    ai_model: str | None = None
    default_source: str | None = None
    modes: tuple[str, ...] = ()


class MinMax(_Strict):
    """An undisclosed parameter count, in billions."""

    min: float = Field(gt=0)
    max: float = Field(gt=0)


class LocalModel(_Strict):
    """A model EcoLogits does not have; parameters in billions."""

    total: float | MinMax
    active: float | MinMax
    source: str
    quant_bits: int = Field(default=16, ge=2, le=32)
    reasoning: bool = False
    undisclosed: bool = False
    assumed: bool = False
    note: str = ""


class Params(_Strict):
    """A model given by its size alone (a lab measurement of an open model)."""

    total: float = Field(gt=0)
    active: float = Field(gt=0)
    quant_bits: int = Field(default=16, ge=2, le=32)


class Anchor(_Strict):
    """A published per-query figure the model is checked against (and, for some disclosures, calibrated to)."""

    id: str
    label: str
    kind: Literal["disclosure", "independent"]
    value: float = Field(gt=0)
    scope: str
    source: str
    calibrates: bool = False
    operator: str | None = None
    service: str | None = None
    model: str | None = None
    params: Params | None = None
    prompt_tokens: int | None = None
    response_tokens: int | None = None
    modes: tuple[str, ...] = ()
    compare: Literal["energy", "onsite_water", "water", "co2e", "lab_gpu", "reasoning_ratio", "search"] = "energy"
    low: float | None = Field(default=None, ge=0)
    high: float | None = None
    per: str | None = None
    why: str = ""

    @model_validator(mode="after")
    def _calibration_complete(self) -> Anchor:
        if self.calibrates and (self.operator is None or self.service is None or self.model is None):
            raise ValueError(f"calibrating anchor {self.id} needs operator, service and model")
        if self.calibrates and self.compare != "energy":
            raise ValueError(f"anchor {self.id}: only an energy figure calibrates a serving factor")
        return self


class Alias(_Strict):
    """A name a page or a person sends, and the catalogue model it means."""

    model: str
    reasoning: bool = False


class ReasoningModels(_Strict):
    """Which models always reason, and which name endings mean a mode rather than a model."""

    models: tuple[str, ...]
    mode_suffixes: tuple[str, ...]
    plain_suffixes: tuple[str, ...]
    parallel: tuple[str, ...] = ()
    hidden_tokens: dict[str, Triple] = Field(default_factory=dict)
    quant_bits: dict[str, int] = Field(default_factory=dict)
    source: str = ""


class RangeMethod(_Strict):
    """The factors a range is made of (see llm.toml [range])."""

    spread: Bounds
    source: str
    borrowed_calibration: float = Field(ge=1)
    assumed_size: float = Field(ge=1)
    unresolved_model: float = Field(ge=1)
    tag: str
    note: str


class Typical(_Strict):
    """The typical chat turn the calibration compares with."""

    prompt_tokens: int
    context_tokens: int
    response_tokens: int
    source: str
    note: str


class Prefill(_Strict):
    """Energy of reading input tokens (IT energy)."""

    wh_per_token_per_billion: Triple
    knee_tokens: float = Field(gt=0)
    source: str
    tag: str
    note: str


class Reasoning(_Strict):
    """Hidden tokens of reasoning and deep-research modes."""

    hidden_tokens: Triple
    deep_research_tokens: Triple
    source: str
    tag: str
    note: str


class WebSearch(_Strict):
    """Extra input tokens when a chatbot searches the web."""

    extra_input_tokens: Triple
    source: str
    tag: str
    note: str


class LLMData(_Strict):
    """Everything llm.toml holds."""

    typical: Typical
    prefill: Prefill
    reasoning: Reasoning
    reasoning_models: ReasoningModels
    web_search: WebSearch
    range: RangeMethod
    models: dict[str, LocalModel]
    generic: LocalModel


class SearchData(_Strict):
    """Per-query energy of a classic web search, at the facility."""

    wh: Triple
    sources: tuple[str, ...]
    tag: str


class AIOverview(_Strict):
    """Token sizes assumed for an AI answer on a results page."""

    prompt_tokens: int
    response_tokens: int
    sources: tuple[str, ...]
    note: str


class PerItem(_Strict):
    """Energy per generated image."""

    wh: Triple
    sources: tuple[str, ...]
    tag: str
    note: str


class PerSecond(_Strict):
    """Energy per second of generated video."""

    wh_per_second: Triple
    sources: tuple[str, ...]
    tag: str
    note: str


class MediaData(_Strict):
    """Everything media.toml holds."""

    search: SearchData
    ai_overview: AIOverview
    image: PerItem
    video: PerSecond


class GridRow(_Strict):
    """Carbon intensity of one zone's electricity."""

    zone: str
    name: str
    g_per_kwh: float = Field(ge=0)
    year: int
    source: str


class EquivalentData(_Strict):
    """One everyday activity."""

    label: str
    unit: str
    one: str
    many: str
    one_zh: str
    many_zh: str
    label_zh: str
    wh: float = Field(gt=0)
    source: str
    tag: str
    co2e_g: float | None = None
    same_as: Literal["search"] | None = None


class TokenData(_Strict):
    """Characters per token per script class."""

    latin: float = Field(gt=0)
    cjk: float = Field(gt=0)
    kana: float = Field(gt=0)
    hangul: float = Field(gt=0)
    cyrillic: float = Field(gt=0)
    arabic: float = Field(gt=0)
    devanagari: float = Field(gt=0)
    other: float = Field(gt=0)
    source: str
    cross_check: tuple[str, ...]


class TrainingRun(_Strict):
    """A published training footprint."""

    name: str
    params_b: float
    energy_mwh: float
    year: int
    source: str
    tag: str
    co2e_t: float | None = None
    co2e_t_low: float | None = None
    co2e_t_high: float | None = None
    co2e_t_dynamic: float | None = None
    co2e_scope: Literal["dynamic", "full", "grid"] | None = None
    co2e_source: str | None = None
    co2e_t_other: float | None = None
    co2e_other_source: str | None = None
    energy_mwh_low: float | None = None
    energy_mwh_high: float | None = None
    article_energy_mwh_high: float | None = None
    article_co2e_t_high: float | None = None
    scope: str = ""
    note: str = ""


class TrainingCalculator(_Strict):
    """Defaults of the training calculator."""

    accelerator_kw: float
    pue: float
    source: str


class Household(_Strict):
    """Yearly electricity of one household."""

    name: str
    kwh_per_year: float
    source: str
    tag: str


class Country(_Strict):
    """Yearly electricity demand of a country."""

    name: str
    twh: float
    source: str


class ScalingData(_Strict):
    """Everything scaling.toml holds."""

    households: dict[str, Household]
    countries: dict[str, Country]


class Region(_Strict):
    """A user's region for everyday comparisons."""

    name: str
    zone: str
    households: str
    note: str = ""


class ModelData(_Strict):
    """All model data, validated, with its version."""

    version: str
    sources: dict[str, Source]
    services: dict[str, Service]
    llm: LLMData
    media: MediaData
    grid: dict[str, GridRow]
    equivalents: dict[str, EquivalentData]
    tokens: TokenData
    training: dict[str, TrainingRun]
    calculator: TrainingCalculator
    scaling: ScalingData
    regions: dict[str, Region]
    aliases: dict[str, Alias]
    anchors: tuple[Anchor, ...]

    @property
    def calibration(self) -> tuple[Anchor, ...]:
        """The disclosures that calibrate their operators' serving factors."""
        return tuple(anchor for anchor in self.anchors if anchor.calibrates)

    @model_validator(mode="after")
    def _sources_exist(self) -> ModelData:
        missing = sorted(cited for cited in _cited(self) if cited not in self.sources)
        if missing:
            raise ValueError(f"data cites unknown sources: {', '.join(missing)}")
        return self


def _cited(data: ModelData) -> set[str]:
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                item = getattr(value, name)
                if name.endswith("source") and isinstance(item, str):
                    found.add(item)
                elif name in ("sources", "cross_check") and isinstance(item, tuple):
                    found.update(item)
                elif name != "sources":
                    walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    walk(data)
    return found


@cache
def load() -> ModelData:
    """Reads and validates every data file. Cached: the data is read once per process."""
    raw = {name: read_data(name) for name in DATA_FILES}
    toml = {name: tomllib.loads(raw[name].decode()) for name in DATA_FILES if name.endswith(".toml")}
    grid_rows = csv.DictReader(raw["grid.csv"].decode().splitlines())
    training = dict(toml["training.toml"])
    calculator = training.pop("calculator")
    datacentres = toml["datacentres.toml"]
    anchors = {anchor["id"]: anchor for anchor in toml["anchors.toml"]["anchor"]}
    services = {}
    for key, entry in toml["services.toml"].items():  # each service takes its data-centre profile's figures
        profile = datacentres[entry["datacentre"]]
        if "pue_from" in profile:  # runs in another operator's data centres: their PUE, with its source
            host = datacentres[profile["pue_from"]]
            profile = {**profile, "pue": host["pue"], "source": host["source"]}
        wue, wue_anchor = _wue(entry["datacentre"], profile, anchors)
        services[key] = {**entry, "pue": profile["pue"], "wue": wue, "source": profile["source"]}
        if wue_anchor is not None:
            services[key] |= {"wue_anchor": wue_anchor, "wue_source": anchors[wue_anchor]["source"]}
    equivalents = toml["equivalents.toml"]
    search_wh = toml["media.toml"]["search"]["wh"]["central"]
    for item in equivalents.values():
        if item.get("same_as") == "search":  # one figure for a web search: media.toml's, never a second one
            if "wh" in item:
                raise ValueError("equivalents.toml: an entry with same_as = 'search' must not give its own wh")
            item["wh"] = search_wh
    return ModelData.model_validate(
        {
            "version": version_of(raw),
            "sources": toml["sources.toml"],
            "services": services,
            "llm": toml["llm.toml"],
            "media": toml["media.toml"],
            "grid": {row["zone"]: row for row in grid_rows},
            "equivalents": toml["equivalents.toml"],
            "tokens": toml["tokens.toml"],
            "training": training,
            "calculator": calculator,
            "scaling": toml["scaling.toml"],
            "regions": toml["regions.toml"],
            "aliases": {name_key(k): v for k, v in toml["aliases.toml"]["aliases"].items()},
            "anchors": toml["anchors.toml"]["anchor"],
        }
    )


def _wue(
    name: str, profile: dict[str, Any], anchors: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], str | None]:
    """A data-centre profile's on-site WUE (L/kWh of IT energy), and the disclosure it comes from, if any.

    A profile with `wue_from` takes its operator's own figure: the disclosed on-site water of a query (its low and
    high where the disclosure gives a range) over the IT energy of the same query (the disclosed energy, anchor `per`,
    divided by the profile's PUE). So the water of the operator's typical query is the operator's figure, as its
    energy is, and the WUE is written nowhere else.
    """
    source_id = profile.get("wue_from")
    if source_id is None:
        return profile["wue"], None
    if "wue" in profile:
        raise ValueError(f"datacentres.toml [{name}]: give wue or wue_from, not both")
    water = anchors.get(source_id)
    energy = anchors.get(water.get("per", "")) if water else None
    if water is None or water.get("compare") != "onsite_water" or energy is None:
        raise ValueError(f"datacentres.toml [{name}]: wue_from must name an on-site water anchor with `per`")
    low, high = water.get("low", water["value"]), water.get("high", water["value"])
    pue = profile["pue"]
    return {"low": low * pue["low"] / energy["value"], "high": high * pue["high"] / energy["value"]}, source_id


def name_key(name: str) -> str:
    """How a model name is compared: lower case, spaces and underscores as hyphens ("Claude Sonnet 4.5")."""
    return "-".join(name.strip().lower().replace("_", " ").split())


