"""Schema versions of the history database, applied in order, each in its own transaction.

The version lives in `PRAGMA user_version`. A migration is a function that takes the connection inside an open
transaction; `migrate` runs the missing ones and sets the version in the same transaction, so a crash leaves the
database at the old version or the new one, never between.

Version 1: interactions (one row per interaction, keyed by its UUID) with their estimates, settings, meta.
Version 2: a per-day rollup (fast day and week summaries), adapter health, the feed's index. Triggers keep the rollup
in step with inserts and deletes; `reestimate` applies its own changes to it (a per-row update trigger would double
the cost of re-estimating).
Version 3: new rows reach the rollup once per batch instead of through an insert trigger.
Version 4: `source` of a chat turn: counted from the site's traffic or from the page (PROTOCOL.md, the Interaction).
Version 5: `unconfirmed`: the page never confirmed a chat turn's counts (PROTOCOL.md, the Interaction).
Version 6: an index on the model, for the feed's list of models and its model filter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Wattprint."""


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE interactions (
            id TEXT PRIMARY KEY,          -- the interaction's UUID, lowercase canonical form
            ts TEXT NOT NULL,             -- UTC, ISO 8601 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (sorts as text)
            epoch REAL NOT NULL,          -- the same time in seconds since 1970
            day TEXT NOT NULL,            -- the local date it happened on, YYYY-MM-DD
            kind TEXT NOT NULL,
            service TEXT NOT NULL,
            model TEXT,
            modes TEXT NOT NULL DEFAULT '[]',      -- JSON list
            prompt TEXT NOT NULL DEFAULT '{}',     -- JSON: characters per script class (non-zero ones)
            response TEXT NOT NULL DEFAULT '{}',
            context TEXT NOT NULL DEFAULT '{}',
            prompt_tokens INTEGER,
            response_tokens INTEGER,
            context_tokens INTEGER,
            images INTEGER NOT NULL DEFAULT 0,
            video_seconds REAL NOT NULL DEFAULT 0,
            duration_ms INTEGER,
            browser TEXT,
            page TEXT,
            energy_low REAL NOT NULL, energy_central REAL NOT NULL, energy_high REAL NOT NULL,   -- Wh
            co2_low REAL NOT NULL, co2_central REAL NOT NULL, co2_high REAL NOT NULL,            -- gCO2e
            water_low REAL NOT NULL, water_central REAL NOT NULL, water_high REAL NOT NULL,      -- mL
            tok_prompt INTEGER NOT NULL, tok_response INTEGER NOT NULL,
            tok_context INTEGER NOT NULL, tok_reasoning INTEGER NOT NULL,
            sources TEXT NOT NULL DEFAULT '[]',    -- JSON list
            warnings TEXT NOT NULL DEFAULT '[]',   -- JSON list
            model_version TEXT NOT NULL,
            received TEXT NOT NULL                 -- UTC time it was stored
        )
        """
    )
    conn.execute("CREATE INDEX interactions_day ON interactions (day)")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")  # value: JSON
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


# The rollup: one row per local day, service, kind and whether an AI answered (a plain search is not AI).
_ROLLUP_ADD = """
    INSERT INTO daily (day, service, kind, ai, count, energy_low, energy_central, energy_high,
                       co2_low, co2_central, co2_high, water_low, water_central, water_high)
    VALUES ({p}.day, {p}.service, {p}.kind, {ai}, {sign},
            {sign} * {p}.energy_low, {sign} * {p}.energy_central, {sign} * {p}.energy_high,
            {sign} * {p}.co2_low, {sign} * {p}.co2_central, {sign} * {p}.co2_high,
            {sign} * {p}.water_low, {sign} * {p}.water_central, {sign} * {p}.water_high)
    {upsert};
"""
# Adds the counts and sums of a new rollup row to the row of the same day, service, kind and ai.
_ROLLUP_UPSERT = """ON CONFLICT (day, service, kind, ai) DO UPDATE SET
        count = count + excluded.count,
        energy_low = energy_low + excluded.energy_low,
        energy_central = energy_central + excluded.energy_central,
        energy_high = energy_high + excluded.energy_high,
        co2_low = co2_low + excluded.co2_low,
        co2_central = co2_central + excluded.co2_central,
        co2_high = co2_high + excluded.co2_high,
        water_low = water_low + excluded.water_low,
        water_central = water_central + excluded.water_central,
        water_high = water_high + excluded.water_high"""
AI_EXPR = "(CASE WHEN {p}.kind != 'search' OR {p}.modes LIKE '%\"ai_overview\"%' THEN 1 ELSE 0 END)"


def _rollup(p: str, sign: int) -> str:
    return _ROLLUP_ADD.format(p=p, sign=sign, ai=AI_EXPR.format(p=p), upsert=_ROLLUP_UPSERT)


def _v2(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE daily (
            day TEXT NOT NULL, service TEXT NOT NULL, kind TEXT NOT NULL, ai INTEGER NOT NULL,
            count INTEGER NOT NULL,
            energy_low REAL NOT NULL, energy_central REAL NOT NULL, energy_high REAL NOT NULL,
            co2_low REAL NOT NULL, co2_central REAL NOT NULL, co2_high REAL NOT NULL,
            water_low REAL NOT NULL, water_central REAL NOT NULL, water_high REAL NOT NULL,
            PRIMARY KEY (day, service, kind, ai)
        ) WITHOUT ROWID
        """
    )
    conn.execute(f"CREATE TRIGGER daily_insert AFTER INSERT ON interactions BEGIN {_rollup('new', 1)} END")
    conn.execute(f"CREATE TRIGGER daily_delete AFTER DELETE ON interactions BEGIN {_rollup('old', -1)} END")
    ai = AI_EXPR.format(p="interactions")
    conn.execute(
        f"""
        INSERT INTO daily
        SELECT day, service, kind, {ai}, count(*),
               sum(energy_low), sum(energy_central), sum(energy_high),
               sum(co2_low), sum(co2_central), sum(co2_high),
               sum(water_low), sum(water_central), sum(water_high)
        FROM interactions GROUP BY day, service, kind, {ai}
        """
    )
    conn.execute(
        """
        CREATE TABLE adapter_health (
            service TEXT NOT NULL,
            browser TEXT NOT NULL DEFAULT '',
            ok INTEGER NOT NULL,
            since TEXT,
            detail TEXT,
            reported TEXT NOT NULL,      -- UTC time the extension reported it
            PRIMARY KEY (service, browser)
        )
        """
    )
    conn.execute("CREATE INDEX interactions_ts ON interactions (ts, id)")


# The rows inserted after a given rowid, added to the rollup in one statement (see `history.insert_rows`).
ROLLUP_SINCE = """
    INSERT INTO daily (day, service, kind, ai, count, energy_low, energy_central, energy_high,
                       co2_low, co2_central, co2_high, water_low, water_central, water_high)
    SELECT day, service, kind, {ai}, count(*),
           sum(energy_low), sum(energy_central), sum(energy_high),
           sum(co2_low), sum(co2_central), sum(co2_high),
           sum(water_low), sum(water_central), sum(water_high)
    FROM interactions WHERE rowid > ? GROUP BY day, service, kind, {ai}
    {upsert}
""".format(ai=AI_EXPR.format(p="interactions"), upsert=_ROLLUP_UPSERT)


def _v3(conn: sqlite3.Connection) -> None:
    # New rows reach the rollup once per batch (ROLLUP_SINCE) instead of once per row through a trigger: a batch of
    # 100 usually touches a handful of rollup rows. Deletes keep their trigger.
    conn.execute("DROP TRIGGER daily_insert")


def _v4(conn: sqlite3.Connection) -> None:
    # How a chat turn's counts were read: 'traffic' (the site's own stream), 'page' (the page's text, when the
    # stream could not be read or the page was the only source), NULL for rows from before (and for searches).
    conn.execute("ALTER TABLE interactions ADD COLUMN source TEXT")


def _v5(conn: sqlite3.Connection) -> None:
    # 1 when the page never confirmed a chat turn's counts: it showed no user message for the submit the traffic hook
    # saw, or the counts were capped to what it shows. 0 for every row from before, which made no such check.
    conn.execute("ALTER TABLE interactions ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0")


def _v6(conn: sqlite3.Connection) -> None:
    # The feed lists the models in the history (GROUP BY model) and filters by one: over a million rows a scan of the
    # table took 0.8 s on the app's first paint; this index answers both from a narrow scan of its own (0.1 s).
    conn.execute("CREATE INDEX interactions_model ON interactions (coalesce(model, ''))")


# Columns a migration added after version 1, with the value a row from before them reads as.
ADDED_COLUMNS = {"source": "NULL", "unconfirmed": "0"}

MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6)
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of a database (0 for an empty one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Brings a database up to the latest schema.

    Args:
        conn: A connection in autocommit mode (`isolation_level=None`).

    Returns:
        The versions applied (empty when it was up to date).

    Raises:
        SchemaTooNewError: The database has a version this Wattprint does not know.
    """
    applied: list[int] = []
    current = version(conn)
    if current > LATEST:
        raise SchemaTooNewError(
            f"the history was written by a newer Wattprint (schema {current}; this one knows {LATEST}):"
            " upgrade Wattprint"
        )
    while current < LATEST:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = version(conn)  # another process may have migrated while we waited for the lock
            if current >= LATEST:
                conn.execute("COMMIT")
                break
            MIGRATIONS[current](conn)
            current += 1
            conn.execute(f"PRAGMA user_version = {current}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(current)
    return applied


__all__ = ["LATEST", "MIGRATIONS", "ROLLUP_SINCE", "SchemaTooNewError", "migrate", "version"]
