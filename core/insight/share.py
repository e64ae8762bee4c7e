"""Class totals without a server: anonymised week shares, and a teacher's store of imported shares.

The teacher runs `wattprint class code` once and gives the class code to the students. A student runs
`wattprint share --week --code CODE -o FILE` and hands the file in; the teacher runs `wattprint class import DIR`.

A share holds, for one past or current week that has queries, the number of queries and their estimates per local
day and service, the class it was made for (a public id derived from the code), the student's id in that class, the
model-data version, when it was made and an HMAC-SHA256 made with a key derived from the class code. Nothing else: no
text, no addresses, no page titles or origins, no models, no times of activity finer than a day. Services outside the
catalogue are counted as "other", so no free text leaves the machine.

Why a teacher can trust a class total:
- An edited share, or one made without the class code, fails the HMAC and is refused; so is a share made for
  another class.
- The student id is stable for one student and one class (an HMAC of the class id under a random key kept in the
  student's own data folder), so a second share of the same week replaces the first, and a copy given a new name
  is the same share. It tells nothing across classes.
- Shares of different weeks are kept apart: the class totals are per week, and each says its week. Shares of empty or
  future weeks are refused.
What it cannot stop: someone who holds the class code and writes a share by hand under an invented student id. The
code keeps outsiders out; it does not tell students apart from each other.

Imported shares are kept as `<profile folder>/class/<student>-<week start>.json`; importing the same file again
changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import statistics
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from sqlite_utils import Database

from wattprint.core import paths
from wattprint.core.model.modeldata import ModelData
from wattprint.core.schemas import Range
from wattprint.core.store import files
from wattprint.core.store.queries import week_start
from wattprint.core.words.i18n import _

FORMAT = "wattprint-share"
VERSION = 2
CODE_FILE = "class-code"  # the teacher's class code, in the profile folder (0600)
STUDENT_KEY_FILE = "student-key"  # the student's random key, in the profile folder (0600)
_CODE_CHARS = re.compile(r"[A-Z2-7]{24}")  # 120 bits in base32, shown in groups of four
MAX_BYTES = 1_000_000  # a week of shares is a few kB; anything larger is not a share
MAX_ROWS = 7 * 64  # days x services
OTHER = "other"
FOLDER = "class"
ServiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,40}$")]


class ShareError(ValueError):
    """A file that is not a valid share; the message says why, in one line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class ShareRow(_Strict):
    """One local day and service of a share: how many queries (and how many were AI) and their estimates."""

    day: date = Field(strict=False)
    service: ServiceId
    count: int = Field(ge=1, le=100_000)
    ai_count: int = Field(ge=0, le=100_000)
    energy_wh: Range = Field(strict=False)
    co2e_g: Range = Field(strict=False)
    water_ml: Range = Field(strict=False)

    @model_validator(mode="after")
    def _ai_within_count(self) -> ShareRow:
        if self.ai_count > self.count:
            raise ValueError("ai_count cannot be larger than count")
        return self


class Share(_Strict):
    """One student's week, anonymised."""

    format: Literal["wattprint-share"]
    version: Literal[2]
    class_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")] = Field(alias="class")
    student: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    week_start: date = Field(strict=False)
    made: datetime = Field(strict=False)
    model_version: Annotated[str, StringConstraints(max_length=64)]
    rows: Annotated[list[ShareRow], Field(min_length=1, max_length=MAX_ROWS)]
    mac: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

    @model_validator(mode="after")
    def _rows_in_week(self) -> Share:
        end = self.week_start + timedelta(days=6)
        if any(not self.week_start <= row.day <= end for row in self.rows):
            raise ValueError("a row lies outside the share's week")
        return self

    @property
    def count(self) -> int:
        """Queries of the week."""
        return sum(row.count for row in self.rows)

    @property
    def energy_central(self) -> float:
        """Central energy of the week, Wh."""
        return sum(row.energy_wh.central for row in self.rows)

    @property
    def energy_range(self) -> tuple[float, float, float]:
        """Energy of the week: low, central and high, Wh (low with low, high with high, as every total)."""
        ranges = [row.energy_wh for row in self.rows]
        return sum(r.low for r in ranges), sum(r.central for r in ranges), sum(r.high for r in ranges)

    def stored_name(self) -> str:
        """The file name of this student's share of this week in the teacher's store."""
        return f"{self.student}-{self.week_start.isoformat()}.json"


# -- the class code ---------------------------------------------------------------------------------------------------


def new_code() -> str:
    """A fresh class code: 120 random bits in base32, in groups of four (`ABCD-EFGH-...`)."""
    raw = base64.b32encode(secrets.token_bytes(15)).decode()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normal_code(text: str) -> str:
    """A class code as typed (any case, spaces or dashes) in its canonical form.

    Raises:
        ShareError: It is not a class code.
    """
    raw = re.sub(r"[\s-]", "", text).upper()
    if not _CODE_CHARS.fullmatch(raw):
        raise ShareError(_("not a class code (24 letters and digits 2-7, such as ABCD-EFGH-...)"))
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def class_id(code: str) -> str:
    """The public id of a class code (it does not reveal the code)."""
    return hashlib.sha256(b"wattprint-class-id\0" + normal_code(code).encode()).hexdigest()[:16]


def _key(code: str) -> bytes:
    return hashlib.sha256(b"wattprint-share-key\0" + normal_code(code).encode()).digest()


def _secret_file(path: Path, make: bool, fresh: str) -> str | None:
    """The text of a small secret file; created 0600 with `fresh` when missing and `make`."""
    try:
        return files.read_regular(path, 4096).decode("ascii").strip()
    except (files.FileRefusedError, UnicodeDecodeError):
        if not make or path.exists():
            return None
    paths.ensure_dir(path.parent)
    files.write_private(path, fresh + "\n")
    return fresh


def class_code(profile: str | None = None, *, create: bool = False, renew: bool = False) -> str | None:
    """The teacher's class code of a profile (made when `create` and there is none, or when `renew`)."""
    path = paths.profile_dir(profile) / CODE_FILE
    if renew:
        files.write_private(path, new_code() + "\n")
    found = _secret_file(path, create, new_code())
    return normal_code(found) if found else None


def student_id(code: str, profile: str | None = None) -> str:
    """This student's id in the class of `code`: stable for one student and class, unlinkable across classes."""
    key = _secret_file(paths.profile_dir(profile) / STUDENT_KEY_FILE, True, secrets.token_hex(32))
    if key is None:
        raise ShareError(_("cannot read or make the student key in the data folder"))
    return hmac.new(key.encode(), class_id(code).encode(), hashlib.sha256).hexdigest()[:32]


def _mac(body: dict[str, Any], code: str) -> str:
    text = json.dumps({k: v for k, v in body.items() if k != "mac"}, sort_keys=True, separators=(",", ":"))
    return hmac.new(_key(code), text.encode(), hashlib.sha256).hexdigest()


def _g(value: float) -> float:
    """Six significant figures, never negative (the rollup's subtractions can leave -1e-17)."""
    return max(0.0, float(f"{value:.6g}"))


def build(
    db: Database, data: ModelData, day: date, code: str, first_weekday: int = 0, profile: str | None = None
) -> dict[str, Any]:
    """The share of the week holding `day`, as the JSON object written to a file.

    Args:
        db: The history.
        data: Model data (the catalogue of services and the version).
        day: A local day of the week to share.
        code: The class code the teacher gave.
        first_weekday: 0 (Monday) to 6 (Sunday).
        profile: The profile whose student key names the student.

    Raises:
        ShareError: The code is not a class code, the week is in the future, or it has no queries.
    """
    code = normal_code(code)
    start = week_start(day, first_weekday)
    if start > date.today() + timedelta(days=1):
        raise ShareError(_("the week of {start} has not begun").format(start=start.isoformat()))
    end = start + timedelta(days=6)
    sums = ", ".join(f"sum({m}_{p})" for m in ("energy", "co2", "water") for p in ("low", "central", "high"))
    rows = db.conn.execute(
        f"SELECT day, service, sum(count), sum(CASE WHEN ai THEN count ELSE 0 END), {sums} FROM daily "
        "WHERE day BETWEEN ? AND ? GROUP BY day, service",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    merged: dict[tuple[str, str], list[float]] = {}
    for day_text, service, *values in rows:
        key = (day_text, service if service in data.services else OTHER)
        found = merged.setdefault(key, [0.0] * len(values))
        merged[key] = [a + b for a, b in zip(found, values, strict=True)]
    out = []
    for (day_text, service), values in sorted(merged.items()):
        if values[0] < 1:
            continue
        triple = [_g(v) for v in values[2:]]
        out.append(
            {
                "day": day_text,
                "service": service,
                "count": int(values[0]),
                "ai_count": int(values[1]),
                "energy_wh": dict(zip(("low", "central", "high"), triple[0:3], strict=True)),
                "co2e_g": dict(zip(("low", "central", "high"), triple[3:6], strict=True)),
                "water_ml": dict(zip(("low", "central", "high"), triple[6:9], strict=True)),
            }
        )
    if not out:
        raise ShareError(_("no queries in the week of {start}: nothing to share").format(start=start.isoformat()))
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "class": class_id(code),
        "student": student_id(code, profile),
        "week_start": start.isoformat(),
        "made": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "model_version": data.version,
        "rows": out,
    }
    body["mac"] = _mac(body, code)
    return body


def write(path: Path, body: dict[str, Any]) -> None:
    """Writes a share (as `build` gives it) to a file readable by the user only."""
    files.write_private(path, json.dumps(body, indent=1) + "\n")


def parse(text: str | bytes, code: str) -> Share:
    """Validates a share's JSON text against the class code.

    Raises:
        ShareError: Not JSON, not a share, values out of range, made for another class or without the code, edited
            after it was made (HMAC), of an empty week or of a week that has not begun.
    """
    if len(text) > MAX_BYTES:
        raise ShareError(_("too large to be a share"))
    try:
        body = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ShareError(_("not a JSON file")) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise ShareError(_("not a Wattprint share (made by 'wattprint share')"))
    if body.get("version") == 1:
        raise ShareError(_("made by an older Wattprint without a class code: ask for a new share"))
    if files.nesting(body) > 4:
        raise ShareError(_("not a Wattprint share (made by 'wattprint share')"))
    try:
        share = Share.model_validate(body)
    except ValidationError as error:
        first = error.errors(include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise ShareError(_("invalid {where}: {problem}").format(where=where, problem=first["msg"])) from None
    if share.class_id != class_id(code):
        raise ShareError(_("made for another class (another class code)"))
    if not hmac.compare_digest(share.mac, _mac(body, code)):
        raise ShareError(_("the class code's signature does not match: the file was edited after it was made"))
    if share.week_start > date.today() + timedelta(days=1):
        raise ShareError(_("the week of {start} has not begun").format(start=share.week_start.isoformat()))
    return share


def read(path: Path, code: str) -> Share:
    """Reads and validates one share file (a regular file of at most `MAX_BYTES`).

    Raises:
        ShareError: See `parse`; also when the file cannot be read or is not a regular file.
    """
    try:
        raw = files.read_regular(path, MAX_BYTES)
    except files.FileRefusedError as error:
        raise ShareError(str(error)) from None
    return parse(raw, code)


# -- the teacher's store --------------------------------------------------------------------------------------------


def store_dir(profile: str | None = None) -> Path:
    """The folder of imported shares of a profile."""
    return paths.ensure_dir(paths.profile_dir(profile) / FOLDER)


@dataclass
class ImportReport:
    """What one import did: new shares, shares already there, and files rejected with the reason.

    A newer share of a student's week replaces the older one and counts as added.
    """

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def import_dir(folder: Path, profile: str | None = None) -> ImportReport:
    """Imports every `*.json` file of a folder into the profile's store: one share per student and week, the newest.

    Args:
        folder: The folder of share files.
        profile: The profile (None: the current one).

    Raises:
        NotADirectoryError: `folder` is not a folder.
    """
    if not folder.is_dir():
        raise NotADirectoryError(str(folder))
    target = store_dir(profile)
    code = class_code(profile)
    report = ImportReport()
    for path in sorted(folder.glob("*.json")):
        if code is None:
            report.rejected.append((path.name, _("no class code yet: run 'wattprint class code' first")))
            continue
        try:
            raw = files.read_regular(path, MAX_BYTES)
            share = parse(raw, code)
        except files.FileRefusedError as error:
            report.rejected.append((path.name, str(error)))
            continue
        except ShareError as error:
            report.rejected.append((path.name, str(error)))
            continue
        stored_path = target / share.stored_name()
        known = _stored_share(stored_path, code)
        if known is not None and (known.made, known.count) >= (share.made, share.count):
            report.already.append(path.name)
            continue
        files.write_private(stored_path, raw)  # as signed
        report.added.append(path.name)
    return report


def _stored_share(path: Path, code: str) -> Share | None:
    try:
        return read(path, code)
    except ShareError:
        return None


def stored(profile: str | None = None) -> list[Share]:
    """The shares imported into a profile for its current class code (others, or damaged files, are skipped)."""
    code = class_code(profile)
    if code is None:
        return []
    return [found for path in sorted(store_dir(profile).glob("*.json")) if (found := _stored_share(path, code))]


def clear(profile: str | None = None) -> int:
    """Forgets every imported share of a profile; returns how many."""
    removed = 0
    for path in store_dir(profile).glob("*.json"):
        path.unlink()
        removed += 1
    return removed


# -- class totals ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceShare:
    """One service's part of the class total: queries, central energy and its range (low, central, high), Wh."""

    service: str
    count: int
    energy_wh: float
    energy_range_wh: tuple[float, float, float]


@dataclass(frozen=True)
class ClassTotals:
    """The class: how many shares (students), queries, energy/carbon/water ranges, the spread per student.

    Attributes:
        students: Number of shares (one per student and week).
        count: Queries.
        ai_count: Queries answered by AI.
        energy_wh: Energy, Wh (low, central, high).
        co2e_g: Carbon, gCO2e.
        water_ml: Water, mL.
        per_student_wh: Central energy per student: (min, median, max), Wh.
        per_student_count: Queries per student: (min, median, max); counts are exact, with no range.
        per_student_ranges_wh: The energy range (low, central, high) of the student who used least, of the median
            student (the mean of the middle two when their number is even) and of the one who used most, Wh; students
            are ranked by central energy.
        services: Per service, most energy first.
        weeks: Every week that shares were imported for (first days); the totals cover `week` only.
        week: The week these totals cover (its first day), None when there are no shares.
    """

    students: int
    count: int
    ai_count: int
    energy_wh: tuple[float, float, float]
    co2e_g: tuple[float, float, float]
    water_ml: tuple[float, float, float]
    per_student_wh: tuple[float, float, float]
    per_student_count: tuple[float, float, float]
    per_student_ranges_wh: tuple[tuple[float, float, float], ...]
    services: list[ServiceShare]
    weeks: list[date]
    week: date | None = None

    @property
    def week_end(self) -> date | None:
        """The last day of the week the totals cover."""
        return self.week + timedelta(days=6) if self.week else None


def _spread(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (0.0, 0.0, 0.0)
    return (min(values), float(statistics.median(values)), max(values))


def _student_ranges(shares: list[Share]) -> tuple[tuple[float, float, float], ...]:
    """The energy ranges of the least, median and most using students (ranked by central energy), Wh."""
    if not shares:
        return ((0.0, 0.0, 0.0),) * 3
    ranked = sorted((share.energy_range for share in shares), key=lambda r: r[1])
    middle = ranked[(len(ranked) - 1) // 2 : len(ranked) // 2 + 1]  # one student, or the middle two
    median = tuple(sum(r[i] for r in middle) / len(middle) for i in range(3))
    return ranked[0], (median[0], median[1], median[2]), ranked[-1]


def totals(shares: list[Share], week: date | None = None) -> ClassTotals:
    """Adds up the shares of one week (default: the latest week shared), one per student (the newest).

    Shares of different weeks are never added together; `weeks` lists them all.
    """
    weeks = sorted({share.week_start for share in shares})
    if week is None and weeks:
        week = weeks[-1]
    newest: dict[str, Share] = {}
    for share in shares:
        if share.week_start == week:
            known = newest.get(share.student)
            if known is None or (share.made, share.count) > (known.made, known.count):
                newest[share.student] = share
    unique = list(newest.values())
    rows = [row for share in unique for row in share.rows]

    def total(name: str) -> tuple[float, float, float]:
        ranges = [getattr(row, name) for row in rows]
        return (sum(r.low for r in ranges), sum(r.central for r in ranges), sum(r.high for r in ranges))

    services: dict[str, list[float]] = {}
    for row in rows:
        found = services.setdefault(row.service, [0, 0.0, 0.0, 0.0])
        found[0] += row.count
        found[1] += row.energy_wh.central
        found[2] += row.energy_wh.low
        found[3] += row.energy_wh.high
    return ClassTotals(
        students=len(unique),
        count=sum(row.count for row in rows),
        ai_count=sum(row.ai_count for row in rows),
        energy_wh=total("energy_wh"),
        co2e_g=total("co2e_g"),
        water_ml=total("water_ml"),
        per_student_wh=_spread([share.energy_central for share in unique]),
        per_student_count=_spread([float(share.count) for share in unique]),
        per_student_ranges_wh=_student_ranges(unique),
        services=[
            ServiceShare(name, int(values[0]), values[1], (values[2], values[1], values[3]))
            for name, values in sorted(services.items(), key=lambda item: (-item[1][1], item[0]))
        ],
        weeks=weeks,
        week=week,
    )


__all__ = [
    "ClassTotals",
    "ImportReport",
    "ServiceShare",
    "Share",
    "ShareError",
    "build",
    "class_code",
    "class_id",
    "clear",
    "import_dir",
    "new_code",
    "normal_code",
    "parse",
    "read",
    "store_dir",
    "stored",
    "student_id",
    "totals",
    "write",
]
