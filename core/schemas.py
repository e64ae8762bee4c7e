"""Pydantic schemas: one Interaction in, one Estimate out.

An Interaction carries counts only (characters per script class, or tokens); text never reaches Wattprint.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Self
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

SCRIPT_CLASSES = ("latin", "cjk", "kana", "hangul", "cyrillic", "arabic", "devanagari", "other")
MAX_COUNT = 10_000_000
SERVICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
ORIGIN = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#\s]+$")
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
_EARLIEST_TS = EARLIEST.timestamp()
_DAY_S = 86400.0

Count = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]


class Kind(StrEnum):
    """What sort of interaction it was."""

    CHAT = "chat"
    SEARCH = "search"
    IMAGE = "image"
    VIDEO = "video"


class Mode(StrEnum):
    """Modes a chatbot or search page can run in."""

    REASONING = "reasoning"
    WEB_SEARCH = "web_search"
    DEEP_RESEARCH = "deep_research"
    IMAGE_GENERATION = "image_generation"
    AI_OVERVIEW = "ai_overview"
    CANVAS = "canvas"
    VOICE = "voice"


class ScriptCounts(BaseModel):
    """Character counts of one text per script class."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    latin: Count = 0
    cjk: Count = 0
    kana: Count = 0
    hangul: Count = 0
    cyrillic: Count = 0
    arabic: Count = 0
    devanagari: Count = 0
    other: Count = 0

    def total(self) -> int:
        """Returns the number of characters over all script classes."""
        return (
            self.latin + self.cjk + self.kana + self.hangul + self.cyrillic + self.arabic + self.devanagari + self.other
        )


class Interaction(BaseModel):
    """One query a user sent to a chatbot or a search engine, as the extension saw it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: UUID
    ts: AwareDatetime
    kind: Kind
    service: Annotated[str, Field(min_length=1, max_length=40)]
    model: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    modes: Annotated[tuple[Mode, ...], Field(max_length=8)] = ()
    prompt: ScriptCounts = ScriptCounts()
    response: ScriptCounts = ScriptCounts()
    context: ScriptCounts = ScriptCounts()
    prompt_tokens: Count | None = None
    response_tokens: Count | None = None
    context_tokens: Count | None = None
    images: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    video_seconds: Annotated[float, Field(ge=0, le=3600, allow_inf_nan=False)] = 0.0
    duration_ms: Annotated[int, Field(ge=0, le=3_600_000, strict=True)] | None = None
    browser: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    page: Annotated[str, Field(max_length=200)] | None = None
    unconfirmed: Annotated[bool, Field(strict=True)] = False  # the page never showed what the counts claim

    @field_validator("service")
    @classmethod
    def _service_id(cls, value: str) -> str:
        if not SERVICE_ID.match(value):
            raise ValueError("a service id is lowercase letters, digits, '_' or '-', at most 40 characters")
        return value

    @field_validator("ts")
    @classmethod
    def _plausible_time(cls, value: datetime) -> datetime:
        moment = value.timestamp()  # compared as numbers: this runs for every interaction the host receives
        if moment < _EARLIEST_TS or moment > time.time() + _DAY_S:
            raise ValueError("the time must be after 2020-01-01 and not more than a day ahead")
        return value

    @field_validator("page")
    @classmethod
    def _origin_only(cls, value: str | None) -> str | None:
        if value is not None and not ORIGIN.match(value):
            raise ValueError("page must be an origin only, such as https://chatgpt.com")
        return value

    @field_validator("modes")
    @classmethod
    def _unique_modes(cls, value: tuple[Mode, ...]) -> tuple[Mode, ...]:
        return tuple(dict.fromkeys(value)) if len(value) > 1 else value


class Range(BaseModel):
    """A quantity with its low, central and high estimate."""

    model_config = ConfigDict(frozen=True)

    low: float
    central: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not 0 <= self.low <= self.central <= self.high:
            raise ValueError("a range needs 0 <= low <= central <= high")
        return self


class Tokens(BaseModel):
    """The tokens an estimate assumed."""

    model_config = ConfigDict(frozen=True)

    prompt: int
    response: int
    context: int
    reasoning: int = 0


class Equivalent(BaseModel):
    """An everyday activity that uses about as much energy."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    amount: float
    unit: str
    text: str


class Estimate(BaseModel):
    """Energy (Wh), carbon (gCO2e) and water (mL) of one interaction, each as a range."""

    model_config = ConfigDict(frozen=True)

    energy_wh: Range
    co2e_g: Range
    water_ml: Range
    tokens: Tokens
    equivalents: list[Equivalent]
    sources: list[str]
    warnings: list[str]
    model_version: str
