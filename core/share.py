"""Class totals without a server: anonymised week shares, and a teacher's store of imported shares.

A student runs `wattprint share --week -o FILE` and hands the file in; the teacher runs `wattprint class import DIR`.
A share holds, for one week, the number of queries and their estimates per local day and service, a random id, the
model-data version and a checksum. Nothing else: no text, no addresses, no page titles or origins, no models, no
times finer than a day. Services outside the catalogue are counted as "other", so no free text leaves the machine.

Imported shares are kept as `<profile folder>/class/<id>.json`; importing the same file again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from sqlite_utils import Database

from wattprint.core import paths
from wattprint.core.i18n import _
from wattprint.core.modeldata import ModelData
from wattprint.core.queries import week_start
from wattprint.core.schemas import Range

FORMAT = "wattprint-share"
VERSION = 1
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
    version: Literal[1]
    id: uuid.UUID = Field(strict=False)
    week_start: date = Field(strict=False)
    model_version: Annotated[str, StringConstraints(max_length=64)]
    rows: Annotated[list[ShareRow], Field(max_length=MAX_ROWS)]
    checksum: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

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


def _checksum(body: dict[str, Any]) -> str:
    text = json.dumps({k: v for k, v in body.items() if k != "checksum"}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _g(value: float) -> float:
    """Six significant figures, never negative (the rollup's subtractions can leave -1e-17)."""
    return max(0.0, float(f"{value:.6g}"))


def build(db: Database, data: ModelData, day: date, first_weekday: int = 0) -> dict[str, Any]:
    """The share of the week holding `day`, as the JSON object written to a file.

    Args:
        db: The history.
        data: Model data (the catalogue of services and the version).
        day: A local day of the week to share.
        first_weekday: 0 (Monday) to 6 (Sunday).
    """
    start = week_start(day, first_weekday)
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
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "id": str(uuid.uuid4()),
        "week_start": start.isoformat(),
        "model_version": data.version,
        "rows": out,
    }
    body["checksum"] = _checksum(body)
    return body


def write(path: Path, body: dict[str, Any]) -> None:
    """Writes a share (as `build` gives it) to a file."""
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


def parse(text: str | bytes) -> Share:
    """Validates a share's JSON text.

    Raises:
        ShareError: Not JSON, not a share, values out of range, or edited after it was written (checksum).
    """
    if len(text) > MAX_BYTES:
        raise ShareError(_("too large to be a share"))
    try:
        body = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise ShareError(_("not a JSON file")) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise ShareError(_("not a Wattprint share (made by 'wattprint share')"))
    try:
        share = Share.model_validate(body)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise ShareError(_("invalid {where}: {problem}").format(where=where, problem=first["msg"])) from None
    if share.checksum != _checksum(body):
        raise ShareError(_("the checksum does not match: the file was edited after it was shared"))
    return share


def read(path: Path) -> Share:
    """Reads and validates one share file.

    Raises:
        ShareError: See `parse`; also when the file cannot be read.
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ShareError(_("too large to be a share"))
        raw = path.read_bytes()
    except OSError as error:
        raise ShareError(_("cannot read it: {reason}").format(reason=error.strerror or error)) from None
    return parse(raw)


# -- the teacher's store --------------------------------------------------------------------------------------------


def store_dir(profile: str | None = None) -> Path:
    """The folder of imported shares of a profile."""
    return paths.ensure_dir(paths.profile_dir(profile) / FOLDER)


@dataclass
class ImportReport:
    """What one import did: new shares, shares already there, and files rejected with the reason."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def import_dir(folder: Path, profile: str | None = None) -> ImportReport:
    """Imports every `*.json` file of a folder into the profile's store; the same share twice is kept once.

    Args:
        folder: The folder of share files.
        profile: The profile (None: the current one).

    Raises:
        NotADirectoryError: `folder` is not a folder.
    """
    if not folder.is_dir():
        raise NotADirectoryError(str(folder))
    target = store_dir(profile)
    report = ImportReport()
    for path in sorted(folder.glob("*.json")):
        try:
            share = read(path)
        except ShareError as error:
            report.rejected.append((path.name, str(error)))
            continue
        stored = target / f"{share.id}.json"
        if stored.exists():
            report.already.append(path.name)
            continue
        stored.write_text(share.model_dump_json(indent=1) + "\n", encoding="utf-8")
        stored.chmod(0o600)
        report.added.append(path.name)
    return report


def stored(profile: str | None = None) -> list[Share]:
    """The shares imported into a profile (a stored file that no longer validates is skipped)."""
    shares = []
    for path in sorted(store_dir(profile).glob("*.json")):
        try:
            body = json.loads(path.read_bytes())
            shares.append(Share.model_validate(body))
        except (OSError, ValueError):
            continue
    return shares


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
    """One service's part of the class total: queries and central energy (Wh)."""

    service: str
    count: int
    energy_wh: float


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
        per_student_count: Queries per student: (min, median, max).
        services: Per service, most energy first.
        weeks: The weeks shared (first days).
    """

    students: int
    count: int
    ai_count: int
    energy_wh: tuple[float, float, float]
    co2e_g: tuple[float, float, float]
    water_ml: tuple[float, float, float]
    per_student_wh: tuple[float, float, float]
    per_student_count: tuple[float, float, float]
    services: list[ServiceShare]
    weeks: list[date]


def _spread(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (0.0, 0.0, 0.0)
    return (min(values), float(statistics.median(values)), max(values))


def totals(shares: list[Share]) -> ClassTotals:
    """Adds up shares (each counted once, by id)."""
    unique = list({share.id: share for share in shares}.values())
    rows = [row for share in unique for row in share.rows]

    def total(name: str) -> tuple[float, float, float]:
        ranges = [getattr(row, name) for row in rows]
        return (sum(r.low for r in ranges), sum(r.central for r in ranges), sum(r.high for r in ranges))

    services: dict[str, list[float]] = {}
    for row in rows:
        found = services.setdefault(row.service, [0, 0.0])
        found[0] += row.count
        found[1] += row.energy_wh.central
    return ClassTotals(
        students=len(unique),
        count=sum(row.count for row in rows),
        ai_count=sum(row.ai_count for row in rows),
        energy_wh=total("energy_wh"),
        co2e_g=total("co2e_g"),
        water_ml=total("water_ml"),
        per_student_wh=_spread([share.energy_central for share in unique]),
        per_student_count=_spread([float(share.count) for share in unique]),
        services=[
            ServiceShare(name, int(values[0]), values[1])
            for name, values in sorted(services.items(), key=lambda item: (-item[1][1], item[0]))
        ],
        weeks=sorted({share.week_start for share in unique}),
    )


__all__ = [
    "ClassTotals",
    "ImportReport",
    "ServiceShare",
    "Share",
    "ShareError",
    "build",
    "clear",
    "import_dir",
    "parse",
    "read",
    "store_dir",
    "stored",
    "totals",
    "write",
]
