"""Forgetting: delete interactions older than a number of days, one interaction, or the whole history.

Deletes go through the `daily_delete` trigger, so the summaries stay in step.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlite_utils import Database

from wattprint.core.store.history import transaction

CHUNK = 10_000  # rows deleted per transaction, so a writer never waits long


def delete_before(db: Database, day: date) -> int:
    """Deletes every interaction of a local day before `day`; returns how many were deleted."""
    deleted = 0
    while True:
        with transaction(db) as conn:
            cursor = conn.execute(
                "DELETE FROM interactions WHERE rowid IN (SELECT rowid FROM interactions WHERE day < ? LIMIT ?)",
                (day.isoformat(), CHUNK),
            )
            n = cursor.rowcount
        deleted += n
        if n < CHUNK:
            return deleted


def apply_retention(db: Database, days: int | None, today: date | None = None) -> int:
    """Keeps only the last `days` local days (None or 0: keep everything); returns how many rows were deleted.

    Raises:
        ValueError: `days` is negative.
    """
    if not days:
        return 0
    if days < 0:
        raise ValueError("retention is a positive number of days")
    return delete_before(db, (today or date.today()) - timedelta(days=days - 1))


def delete_one(db: Database, interaction_id: str) -> bool:
    """Deletes one interaction by its id (the rollup follows through the trigger); returns whether it was there."""
    with transaction(db) as conn:
        return bool(conn.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,)).rowcount)


def delete_all(db: Database) -> int:
    """Deletes every interaction and the adapter health reports (settings are kept); returns the rows deleted."""
    with transaction(db) as conn:
        n = conn.execute("DELETE FROM interactions").rowcount
        conn.execute("DELETE FROM daily")
        conn.execute("DELETE FROM adapter_health")
        conn.execute("DELETE FROM meta WHERE key = 'last_stored'")
    return int(n)


__all__ = ["apply_retention", "delete_all", "delete_before", "delete_one"]
