"""A damaged history: noticing it (SQLite's quick check) and saving what can still be read into a new one.

The host runs `damage` when it opens the history and after any storage error, and answers error 9 while the file is
damaged, so nothing is acknowledged into a file that may lose it. `wattprint doctor --repair` keeps the damaged file
aside (`history.set_aside`), starts a new history and copies into it every row that can still be read.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from wattprint.core.store import history, migrations

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TABLES_KEPT = ("settings", "meta")  # small key-value tables copied when readable
_BATCH = 1000  # rows per read


def damage(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick check of a database: None when it is sound, else the first problem found.

    The quick check reads every page once (not the slower full integrity check of each index against its table).
    """
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.DatabaseError as error:
        return " ".join(str(error).split()) or "unreadable"
    found = [" ".join(str(row[0]).split()) for row in rows]  # one line, for logs and error messages
    return None if found == ["ok"] else "; ".join(found)[:300]


@dataclass
class Recovery:
    """What a repair saved: rows copied into the new history, and stretches of rowids that could not be read."""

    kept: Path
    recovered: int = 0
    unreadable: int = 0  # read attempts that failed (each skipped a stretch of rows)


def _columns(conn: sqlite3.Connection) -> str:
    """The columns to read from a damaged history, which may be of an older schema.

    A column a later migration added reads as the value rows from before it have.
    """
    try:
        present = {row[1] for row in conn.execute("PRAGMA table_info(interactions)")}
    except sqlite3.DatabaseError:
        present = set()
    if not present:
        return ", ".join(history.COLUMNS)
    return ", ".join(
        c if c in present or c not in migrations.ADDED_COLUMNS else migrations.ADDED_COLUMNS[c] for c in history.COLUMNS
    )


def _rows_from(conn: sqlite3.Connection, after: int, columns: str) -> list[tuple[object, ...]]:
    return conn.execute(
        f"SELECT rowid, {columns} FROM interactions WHERE rowid > ? ORDER BY rowid LIMIT ?", (after, _BATCH)
    ).fetchall()


def _readable_rows(conn: sqlite3.Connection) -> tuple[list[tuple[object, ...]], int]:
    """Every `interactions` row that can be read, in rowid order, stepping over damaged stretches."""
    try:
        top = int(conn.execute("SELECT max(rowid) FROM interactions").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        top = 1 << 40
    columns = _columns(conn)
    found: list[tuple[object, ...]] = []
    failures = 0
    after = 0
    step = 1
    while after < top and step < 1 << 40:
        try:
            rows = _rows_from(conn, after, columns)
        except sqlite3.DatabaseError:
            failures += 1
            after += step  # skip ahead past the damage, further each time it persists
            step *= 2
            continue
        step = 1
        if not rows:
            break
        found.extend(row[1:] for row in rows if isinstance(row[1], str) and _UUID.fullmatch(row[1]))
        after = int(str(rows[-1][0]))
    return found, failures


def repair(path: Path) -> Recovery:
    """Keeps a damaged history aside, starts a new one at `path` and copies every readable row into it.

    Returns:
        Where the damaged copy is kept, how many rows were recovered, how many read attempts failed.

    Raises:
        StorageError: The new history cannot be written.
    """
    kept = history.set_aside(path)
    result = Recovery(kept)
    rows: list[tuple[object, ...]] = []
    kept_values: dict[str, list[tuple[object, ...]]] = {}
    try:
        old = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    except sqlite3.Error:
        old = None
    if old is not None:
        try:
            rows, result.unreadable = _readable_rows(old)
            for table in _TABLES_KEPT:
                try:
                    kept_values[table] = old.execute(f"SELECT key, value FROM {table}").fetchall()
                except sqlite3.DatabaseError:
                    result.unreadable += 1
        finally:
            old.close()
    db: Database = history.open_db(path)
    try:
        with history.transaction(db) as conn:
            for start in range(0, len(rows), _BATCH):
                result.recovered += history.insert_rows(conn, rows[start : start + _BATCH])[1]
            for table, values in kept_values.items():
                conn.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", values)
    finally:
        db.conn.close()
    return result


__all__ = ["Recovery", "damage", "repair"]
