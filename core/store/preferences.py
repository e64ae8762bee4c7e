"""The desktop app's own preferences: region, grid override, retention, weekly summary.

They are kept in the history's `meta` table as one JSON object, so the CLI's report reads the same choices as the app.

Capture settings that the host hands to the extension (pause, excluded sites) live in `settings.py` instead.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlite_utils import Database

from wattprint.core.store.history import transaction

KEY = "preferences"


class Preferences(BaseModel):
    """What the user chose in the app.

    Attributes:
        region: Region id of regions.toml for everyday comparisons (None: not chosen).
        zone: Grid zone (ISO 3166-1 alpha-3) that overrides the data centres' grids in comparisons (None: per service).
        retention_days: Keep only this many days of history (None: keep everything).
        weekly_notification: Show a summary notification once a week.
        last_notified_week: The first day (ISO date) of the last week a summary was shown for.
        language: The app's language, "en" or "zh_CN" (None: follow the system locale).
        tray_explained: Whether the user was told once that closing the window leaves Wattprint in the tray.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    region: str | None = None
    zone: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    retention_days: int | None = Field(default=None, ge=1, le=36_500)
    weekly_notification: bool = False
    last_notified_week: str | None = None
    language: str | None = Field(default=None, pattern=r"^(en|zh_CN)$")
    tray_explained: bool = False


def read(db: Database) -> Preferences:
    """The stored preferences; defaults for anything unset or unreadable."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return Preferences()
    try:
        stored = json.loads(row[0])
        return Preferences.model_validate(stored if isinstance(stored, dict) else {})
    except (ValueError, ValidationError):
        return Preferences()


def write(db: Database, **changes: Any) -> Preferences:  # noqa: ANN401 - validated against Preferences
    """Changes some preferences and returns them all.

    Raises:
        pydantic.ValidationError: A value is not valid (nothing is changed).
        StorageError: The database cannot be written now.
    """
    updated = Preferences.model_validate({**read(db).model_dump(), **changes})
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (KEY, updated.model_dump_json()),
        )
    return updated





def weekly_due(prefs: Preferences, week_start: date) -> bool:
    """Whether the weekly summary should be shown now: opted in, and not yet shown in the week starting `week_start`."""
    return prefs.weekly_notification and prefs.last_notified_week != week_start.isoformat()

__all__ = ["Preferences", "read", "weekly_due", "write"]
