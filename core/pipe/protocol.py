"""The messages of PROTOCOL.md: parsing a frame, validating requests and interactions, error codes.

This module knows nothing of storage; `host.py` wires it to the history.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
)

from wattprint.core.schemas import ISO_TIME, Interaction, browser_id, service_id, typed_text

PROTOCOL = 1
MAX_ITEMS = 500
MAX_REQ = 64
MAX_MESSAGE_TEXT = 300  # characters of an error message
# Patterns are used with fullmatch: `$` would also match before a final newline ("<uuid>\\n").
UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REQ_TEXT = re.compile(r"[A-Za-z0-9_.:-]{1,64}")  # the extension sends "<random>-<n>"
VERSION_TEXT = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,3}(?:[-+][0-9A-Za-z.]{1,20})?")
FIRST_DAY = dt.date(1900, 1, 1)  # summary dates outside these give error 5 (a week's arithmetic needs room)
LAST_DAY = dt.date(9000, 12, 31)
CHROMIUM_EXTENSION_ID = "ggfcmjnhfijbkiopdachebogicdgfobd"
CHROMIUM_ORIGIN = f"chrome-extension://{CHROMIUM_EXTENSION_ID}/"
FIREFOX_EXTENSION_ID = "wattprint@wattprint.org"
HOST_NAME = "org.wattprint.host"


class Code(IntEnum):
    """Error codes of PROTOCOL.md."""

    NOT_UTF8 = 1
    NOT_JSON = 2
    NOT_OBJECT = 3
    UNKNOWN_TYPE = 4
    BAD_FIELDS = 5
    BAD_PROTOCOL = 6
    BAD_FRAME = 7
    TOO_MANY_ITEMS = 8
    STORAGE = 9
    INVALID_ITEM = 10
    BAD_ID = 11
    FOREIGN_CALLER = 12
    INTERNAL = 13


class ProtocolError(Exception):
    """A message that gets an error reply.

    Args:
        code: The error code.
        message: What was wrong, for a developer.
        req: The request's `req`, when it could be read.
    """

    def __init__(self, code: Code, message: str, req: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.req = req

    def reply(self) -> dict[str, Any]:
        """The error message to send."""
        return error_reply(self.code, self.message, self.req)


def error_reply(code: Code, message: str, req: str | None = None) -> dict[str, Any]:
    """An error message."""
    reply: dict[str, Any] = {"type": "error", "code": int(code), "message": message[:MAX_MESSAGE_TEXT]}
    if req is not None:
        reply["req"] = req
    return reply


def _no_constants(name: str) -> Any:  # noqa: ANN401 - never returns
    raise ValueError(f"{name} is not valid JSON")


def parse(frame: bytes) -> dict[str, Any]:
    """The JSON object of a frame.

    Raises:
        ProtocolError: Code 1 (not UTF-8), 2 (not JSON, or NaN/Infinity), or 3 (not an object).
    """
    try:
        text = frame.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(Code.NOT_UTF8, f"the frame is not valid UTF-8 (byte {error.start})") from None
    try:
        message = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise ProtocolError(Code.NOT_JSON, "the frame's JSON is nested too deeply") from None
    except ValueError as error:
        raise ProtocolError(Code.NOT_JSON, f"the frame is not valid JSON: {error}") from None
    if not isinstance(message, dict):
        raise ProtocolError(Code.NOT_OBJECT, f"a message is a JSON object, not {type(message).__name__}")
    return message


# -- requests --------------------------------------------------------------------------------------------------------


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    req: Annotated[str, Field(max_length=MAX_REQ)] | None = None  # checked by `request` (REQ_TEXT)


class Hello(_Request):
    """`hello`: the extension introduces itself."""

    type: Literal["hello"]
    protocol: StrictInt
    extension_version: Annotated[str, Field(max_length=40)] | None = None
    browser: Annotated[str, Field(max_length=40)] | None = None

    @field_validator("extension_version")
    @classmethod
    def _version(cls, value: str | None) -> str | None:
        if value is not None and not VERSION_TEXT.fullmatch(value):
            raise ValueError("extension_version must be a version such as 0.1.0")
        return value

    @field_validator("browser")
    @classmethod
    def _browser(cls, value: str | None) -> str | None:
        return browser_id(value)


class Record(_Request):
    """`record`: interactions to store (validated one by one, see `check_item`)."""

    type: Literal["record"]
    items: list[Any]


class Summary(_Request):
    """`summary`: totals of the current local day or week (or of the day or week holding `date`)."""

    type: Literal["summary"]
    period: Literal["day", "week"]
    date: Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)] | None = None
    first_weekday: Annotated[StrictInt, Field(ge=0, le=6)] = 0

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: object) -> object:
        return typed_text(value, dt.date, _DATE_TEXT, "date must be a YYYY-MM-DD text")


class Settings(_Request):
    """`settings`: the settings the desktop app chose."""

    type: Literal["settings"]


_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


HEALTH_CODES = (
    "no_submit",  # the page showed prompts but no submit request matched
    "no_page_match",  # the message selectors matched none of the prompts
    "silent",  # sends that neither the traffic nor the page recognised
    "unparsed",  # a matched request whose answer held no recognisable data
    "incomplete",  # a stream that ended without the site's end marker
    "empty_answer",  # an answer of 0 characters while the page showed text
    "model_unresolved",  # a model name the catalogue does not know
    "access_withdrawn",  # the user withdrew the extension's access to the site
)
"""The closed vocabulary of a health report's `detail` (PROTOCOL.md); other text is error 10."""


class Adapter(BaseModel):
    """One site adapter's health."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    service: Annotated[str, Field(max_length=40)]
    ok: StrictBool
    since: AwareDatetime | None = None
    detail: Annotated[str, Field(max_length=40)] | None = None

    @field_validator("service")
    @classmethod
    def _service(cls, value: str) -> str:
        return service_id(value)

    @field_validator("since", mode="before")
    @classmethod
    def _since_text(cls, value: object) -> object:
        return typed_text(value, dt.datetime, ISO_TIME, "since must be an ISO 8601 text with a time and an offset")


class Health(_Request):
    """`health`: which site adapters stopped matching."""

    type: Literal["health"]
    adapters: Annotated[list[Adapter], Field(max_length=100)]


REQUESTS: dict[str, type[_Request]] = {
    "hello": Hello,
    "record": Record,
    "summary": Summary,
    "settings": Settings,
    "health": Health,
}


_NAME = re.compile(r"[a-z_]{1,40}")


def safe_name(value: object) -> str:
    """A field or type name as sent when it looks like one, otherwise a placeholder.

    An unexpected name could carry page text, and error messages are logged.
    """
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and _NAME.fullmatch(value) else "<unexpected name>"


def describe(error: ValidationError, limit: int = 3) -> str:
    """A short account of validation errors, without the input values or unexpected key names."""
    parts = []
    for item in error.errors(include_url=False, include_input=False)[:limit]:
        where = ".".join(safe_name(part) for part in item["loc"]) or "message"
        parts.append(f"{where}: {item['msg']}")
    more = error.error_count() - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def echoable_req(message: dict[str, Any]) -> str | None:
    """The message's `req` when it is one the reply may echo (REQ_TEXT), else None."""
    req = message.get("req")
    return req if isinstance(req, str) and REQ_TEXT.fullmatch(req) else None


def request(message: dict[str, Any]) -> _Request:
    """The validated request a message carries.

    Raises:
        ProtocolError: Code 5 (wrong fields), 4 (unknown type), 6 (protocol version) or 8 (too many items).
    """
    req = message.get("req")
    if req is not None and not (isinstance(req, str) and REQ_TEXT.fullmatch(req)):
        raise ProtocolError(Code.BAD_FIELDS, f"req must be 1 to {MAX_REQ} of A-Z, a-z, 0-9, '_', '.', ':' or '-'")
    kind = message.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(Code.BAD_FIELDS, "a message needs a string 'type'", req)
    model = REQUESTS.get(kind)
    if model is None:
        raise ProtocolError(Code.UNKNOWN_TYPE, f"unknown message type '{safe_name(kind)}'", req)
    if kind == "record" and isinstance(message.get("items"), list) and len(message["items"]) > MAX_ITEMS:
        raise ProtocolError(Code.TOO_MANY_ITEMS, f"a record carries at most {MAX_ITEMS} items", req)
    try:
        parsed = model.model_validate(message)
    except ValidationError as error:
        raise ProtocolError(Code.BAD_FIELDS, describe(error), req) from None
    if isinstance(parsed, Health):
        for index, adapter in enumerate(parsed.adapters):
            if adapter.detail is not None and adapter.detail not in HEALTH_CODES:
                raise ProtocolError(
                    Code.INVALID_ITEM, f"adapters.{index}.detail: not a health code (see PROTOCOL.md)", req
                )
    if isinstance(parsed, Hello) and parsed.protocol != PROTOCOL:
        raise ProtocolError(Code.BAD_PROTOCOL, f"this host speaks protocol {PROTOCOL}, not {parsed.protocol}", req)
    return parsed


# -- items -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    """An item of a record that was not stored."""

    index: int
    id: str | None
    code: Code
    message: str

    def to_message(self) -> dict[str, Any]:
        """As the ack's `rejected` lists it."""
        return {"id": self.id, "index": self.index, "code": int(self.code), "message": self.message}


def check_item(index: int, item: Any) -> Interaction | Rejection:  # noqa: ANN401 - anything the extension sent
    """Validates one item of a record: code 11 when its id is not a UUID, 10 for any other schema error."""
    if not isinstance(item, dict):
        return Rejection(index, None, Code.INVALID_ITEM, f"an interaction is a JSON object, not {type(item).__name__}")
    raw_id = item.get("id")
    if not isinstance(raw_id, str) or not UUID_TEXT.fullmatch(raw_id):
        return Rejection(index, None, Code.BAD_ID, "id must be a UUID in its 8-4-4-4-12 form")
    try:
        return Interaction.model_validate(item)
    except ValidationError as error:
        return Rejection(index, raw_id, Code.INVALID_ITEM, describe(error))


def caller_allowed(argv: list[str], extra: str | None = None) -> bool:
    """Whether the browser started the host for Wattprint's own extension.

    Chromium passes the caller's origin as the first argument; Firefox passes the host manifest's path and then the
    add-on id. `extra` is a comma-separated list of more origins or add-on ids (`$WATTPRINT_ALLOWED_ORIGINS`, for
    development builds with another id).
    """
    allowed = {CHROMIUM_ORIGIN, FIREFOX_EXTENSION_ID}
    if extra:
        allowed.update(part.strip() for part in extra.split(",") if part.strip())
    if not argv:
        return False
    if argv[0].startswith("chrome-extension://"):
        return argv[0] in allowed or argv[0].rstrip("/") + "/" in allowed
    return len(argv) >= 2 and argv[1] in allowed and not argv[1].startswith("chrome-extension://")


__all__ = [
    "CHROMIUM_EXTENSION_ID",
    "CHROMIUM_ORIGIN",
    "FIREFOX_EXTENSION_ID",
    "HEALTH_CODES",
    "HOST_NAME",
    "MAX_ITEMS",
    "PROTOCOL",
    "Code",
    "Health",
    "Hello",
    "ProtocolError",
    "Record",
    "Rejection",
    "Settings",
    "Summary",
    "caller_allowed",
    "check_item",
    "echoable_req",
    "error_reply",
    "parse",
    "request",
]
