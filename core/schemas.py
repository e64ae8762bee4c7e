"""Pydantic schemas: one Interaction in, one Estimate out.

An Interaction carries counts only (characters per script class, or tokens); text never reaches Wattprint.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

SCRIPT_CLASSES = ("latin", "cjk", "kana", "hangul", "cyrillic", "arabic", "devanagari", "other")
MAX_COUNT = 10_000_000
# Patterns are used with fullmatch: `$` would also match before a final newline.
SERVICE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
# An origin as `location.origin` gives it: http(s), a lowercase ASCII host (IDNs in punycode) or an IPv6 address in
# brackets, an optional port. No userinfo (`user:secret@`), path, query or fragment.
ORIGIN = re.compile(r"https?://(?:[a-z0-9](?:[a-z0-9.-]{0,252})|\[[0-9a-f:.]{2,45}\])(?::[0-9]{1,5})?")
# A model as a page names it ("gpt-5-thinking", "Claude Sonnet 4.5", "gemini-3-flash", "pplx_reasoning",
# "claude-sonnet-4-5@20250929", "通义千问 Max"): it starts with a letter or digit (so never with = + - @, which a
# spreadsheet would read as a formula), then letters, digits, spaces and . _ - : / ( ) + @ , only. No control
# characters, quotes, angle brackets or other punctuation.
MODEL_SLUG = re.compile(r"[^\W_][\w .:/()+@,-]{0,99}")
# The browsers the extension names; a well-formed id outside this list (a Firefox fork's own name) is stored as
# "other", and anything else is rejected.
BROWSERS = frozenset({"chromium", "chrome", "edge", "brave", "vivaldi", "opera", "firefox", "other"})
BROWSER_ID = re.compile(r"[a-z][a-z0-9_-]{0,39}")
# ISO 8601 with a date, a time and an offset or Z, as `Date.prototype.toISOString` and Python write it.
ISO_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:Z|z|[+-][0-9]{2}:?[0-9]{2})"
)
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
_EARLIEST_TS = EARLIEST.timestamp()
_DAY_S = 86400.0

Count = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]


def typed_text(value: object, allowed: type, pattern: re.Pattern[str], message: str) -> object:
    """`value` when it is a text matching `pattern` (or already an `allowed` object, from Python callers).

    A before-validator's check: pydantic's lax mode would also take numbers for times and dates.

    Raises:
        ValueError: Anything else, with `message`.
    """
    if value is None or isinstance(value, allowed) or (isinstance(value, str) and pattern.fullmatch(value)):
        return value
    raise ValueError(message)


def browser_id(value: str | None) -> str | None:
    """A browser id of BROWSERS; another well-formed id becomes "other".

    Raises:
        ValueError: It is not a browser id at all.
    """
    if value is None or value in BROWSERS:
        return value
    if not BROWSER_ID.fullmatch(value):
        raise ValueError("browser must be a browser id such as chromium or firefox")
    return "other"


def service_id(value: str) -> str:
    """A well-formed service id (SERVICE_ID).

    Raises:
        ValueError: It is not one.
    """
    if not SERVICE_ID.fullmatch(value):
        raise ValueError("a service id is lowercase letters, digits, '_' or '-', at most 40 characters")
    return value


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
    model: Annotated[str, Field(min_length=1, max_length=100)] | None = None  # MODEL_SLUG
    modes: Annotated[tuple[Mode, ...], Field(max_length=8)] = ()
    prompt: ScriptCounts = ScriptCounts()
    response: ScriptCounts = ScriptCounts()
    context: ScriptCounts = ScriptCounts()
    prompt_tokens: Count | None = None
    response_tokens: Count | None = None
    context_tokens: Count | None = None
    images: Annotated[int, Field(ge=0, le=100, strict=True)] = 0
    video_seconds: Annotated[float, Field(ge=0, le=3600, allow_inf_nan=False, strict=True)] = 0.0
    duration_ms: Annotated[int, Field(ge=0, le=3_600_000, strict=True)] | None = None
    browser: Annotated[str, Field(min_length=1, max_length=40)] | None = None  # BROWSERS
    page: Annotated[str, Field(max_length=200)] | None = None
    source: Literal["traffic", "page"] | None = None
    unconfirmed: Annotated[bool, Field(strict=True)] = False  # the page never showed what the counts claim

    @field_validator("service")
    @classmethod
    def _service_id(cls, value: str) -> str:
        return service_id(value)

    @field_validator("ts", mode="before")
    @classmethod
    def _time_text(cls, value: object) -> object:
        message = "ts must be an ISO 8601 text with a time and an offset, such as 2026-11-22T10:00:00Z"
        return typed_text(value, datetime, ISO_TIME, message)

    @field_validator("model")
    @classmethod
    def _model_slug(cls, value: str | None) -> str | None:
        if value is not None and not MODEL_SLUG.fullmatch(value):
            raise ValueError(
                "model must start with a letter or digit and hold only letters, digits, spaces and . _ - : / ( ) + @ ,"
            )
        return value

    @field_validator("browser")
    @classmethod
    def _browser_id(cls, value: str | None) -> str | None:
        return browser_id(value)

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
        if value is not None and not ORIGIN.fullmatch(value):
            raise ValueError("page must be an origin only (no user name or password), such as https://chatgpt.com")
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
