"""Settings shared by the desktop app (which owns them) and the host (which hands them to the extension).

They live in the history database's `settings` table, one JSON value per key, so host and app read the same thing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator
from sqlite_utils import Database

from wattprint.core.schemas import SERVICE_ID
from wattprint.core.store.history import transaction

SiteId = Annotated[str, Field(min_length=1, max_length=40)]


class Settings(BaseModel):
    """What the user chose about capturing.

    Attributes:
        paused_until: Capture is paused until this UTC time (None: not paused).
        excluded_sites: Service ids the extension must not record.
        private_windows: Whether to record in private (incognito) windows.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    paused_until: AwareDatetime | None = None
    excluded_sites: Annotated[tuple[SiteId, ...], Field(max_length=200)] = ()
    private_windows: bool = False

    @field_validator("excluded_sites")
    @classmethod
    def _service_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for site in value:
            if not SERVICE_ID.fullmatch(site):
                raise ValueError(f"not a service id: {site!r}")
        return tuple(dict.fromkeys(value))

    def to_message(self) -> dict[str, Any]:
        """The settings as the protocol sends them (`paused_until` as ISO 8601 UTC with Z, or null)."""
        paused = None
        if self.paused_until is not None:
            paused = self.paused_until.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return {
            "paused_until": paused,
            "excluded_sites": list(self.excluded_sites),
            "private_windows": self.private_windows,
        }


def read(db: Database) -> Settings:
    """The stored settings; defaults for anything unset or unreadable."""
    stored: dict[str, Any] = {}
    for key, value in db.conn.execute("SELECT key, value FROM settings"):
        if key in Settings.model_fields:
            try:
                stored[key] = json.loads(value)
            except ValueError:
                continue
    try:
        return Settings.model_validate(stored)
    except ValueError:
        # One bad value must not hide the others: keep the ones that validate on their own.
        good = {}
        for key, value in stored.items():
            try:
                Settings.model_validate({key: value})
            except ValueError:
                continue
            good[key] = value
        return Settings.model_validate(good)


def write(db: Database, **changes: Any) -> Settings:  # noqa: ANN401 - validated against Settings
    """Changes some settings and returns them all.

    Raises:
        pydantic.ValidationError: A value is not valid (nothing is changed).
        StorageError: The database cannot be written now.
    """
    merged = read(db).model_copy(update={})
    updated = Settings.model_validate({**merged.model_dump(), **changes})
    message = updated.to_message()
    with transaction(db) as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(message[key])) for key in changes],
        )
    return updated


def is_paused(settings: Settings, now: datetime | None = None) -> bool:
    """Whether capture is paused at `now` (default: now)."""
    if settings.paused_until is None:
        return False
    return (now or datetime.now(UTC)) < settings.paused_until


__all__ = ["Settings", "is_paused", "read", "write"]
