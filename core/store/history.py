"""The history store: one SQLite row per interaction, keyed by its UUID, with the estimate made when it was stored.

Every function takes a `Database` (sqlite-utils). Writes run in explicit `BEGIN IMMEDIATE` transactions on a
connection in autocommit mode, so a writer waits for the lock up front (busy timeout) instead of failing halfway;
`INSERT OR IGNORE` semantics on the UUID make re-sending harmless. Queries live in `queries.py`, re-estimation in
`reestimate.py`, settings in `settings.py`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from wattprint.core import paths
from wattprint.core.schemas import Interaction, ScriptCounts
from wattprint.core.store import migrations
from wattprint.core.store.memo import SizedLRU
from wattprint.core.words.i18n import _

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator, Figures

MEMO_BYTES = 32 * 1024 * 1024  # what an `Estimates` memo may hold, in bytes
MEMO_ENTRY_BYTES = 1000  # what one input key and its estimate values weigh (measured, CPython 3.11)
BUSY_TIMEOUT_MS = 3000  # how long a writer waits for another writer's lock before giving up (error 9)

# Columns of `interactions`, in the order rows are built and inserted.
INPUT_COLUMNS = (
    "kind",
    "service",
    "model",
    "modes",
    "prompt",
    "response",
    "context",
    "prompt_tokens",
    "response_tokens",
    "context_tokens",
    "images",
    "video_seconds",
)
ESTIMATE_COLUMNS = (
    "energy_low",
    "energy_central",
    "energy_high",
    "co2_low",
    "co2_central",
    "co2_high",
    "water_low",
    "water_central",
    "water_high",
    "tok_prompt",
    "tok_response",
    "tok_context",
    "tok_reasoning",
    "sources",
    "warnings",
    "model_version",
)
COLUMNS = (
    "id",
    "ts",
    "epoch",
    "day",
    *INPUT_COLUMNS,
    "duration_ms",
    "browser",
    "page",
    *ESTIMATE_COLUMNS,
    "received",
    "source",
    "unconfirmed",
)
_INSERT = f"INSERT OR IGNORE INTO interactions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_INSERT_CHUNK = 100  # rows per INSERT statement: 4,100 parameters, far below SQLite's limit of 32,766


@lru_cache(maxsize=8)
def _insert_many(count: int) -> str:
    """One INSERT OR IGNORE of `count` rows: cheaper than `executemany` of one row at a time, same result."""
    return _INSERT + (", (" + ", ".join("?" * len(COLUMNS)) + ")") * (count - 1)

InputKey = tuple[Any, ...]
EstimateValues = tuple[Any, ...]


class StorageError(Exception):
    """The history cannot be read or written now (locked, disk full, cannot be opened); retry later."""


class CorruptDatabaseError(StorageError):
    """The history file is not a usable SQLite database.

    Args:
        path: The damaged file.
        detail: SQLite's message.
    """

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"the history database {path} is damaged ({detail}); run 'wattprint doctor --repair' to keep a copy of it"
            " and start a new one"
        )
        self.path = path
        self.detail = detail


# -- opening ---------------------------------------------------------------------------------------------------------


def _create_private(path: Path) -> None:
    """Creates an empty file readable by the user only, unless it exists."""
    paths.ensure_dir(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Opens a connection in autocommit mode with WAL, a busy timeout and full sync (an ack survives power loss)."""
    _create_private(path)
    conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def open_db(
    path: Path | None = None,
    *,
    profile: str | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    repair: bool = False,
) -> Database:
    """Opens (creating or upgrading) a history database.

    Args:
        path: The file; default: the profile's history.
        profile: The profile whose history to open when `path` is None.
        busy_timeout_ms: How long to wait for another writer, in ms.
        repair: When the file is damaged, move it aside (kept as `<name>.broken-<UTC time>`) and start a new one.
            Only for callers that a person is watching: the host never repairs, it answers error 9.

    Raises:
        CorruptDatabaseError: The file is damaged (and `repair` is False).
        StorageError: It cannot be opened or upgraded now (locked, read-only, disk full, newer schema).
    """
    path = path if path is not None else paths.history_path(profile)
    try:
        conn = _open_retrying(path, busy_timeout_ms)
    except migrations.SchemaTooNewError as error:
        raise StorageError(str(error)) from None
    except sqlite3.DatabaseError as error:
        if not _is_corrupt(error):
            raise StorageError(_("cannot open the history {path}: {error}").format(path=path, error=error)) from None
        if not repair:
            raise CorruptDatabaseError(path, str(error)) from None
        set_aside(path)
        return open_db(path, busy_timeout_ms=busy_timeout_ms, repair=False)
    except OSError as error:
        detail = error.strerror or error
        raise StorageError(_("cannot open the history {path}: {error}").format(path=path, error=detail)) from None
    return Database(conn, execute_plugins=False)


def _open_retrying(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """Connects and migrates, retrying "locked" until the busy timeout runs out.

    Switching to WAL and the first read can fail at once with "locked" while another process creates or upgrades the
    same file (SQLite skips the busy handler there).
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        conn = None
        try:
            conn = connect(path, busy_timeout_ms=busy_timeout_ms)
            migrations.migrate(conn)
            return conn
        except sqlite3.OperationalError as error:
            if conn is not None:
                conn.close()
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)
        except BaseException:
            if conn is not None:
                conn.close()
            raise


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return not isinstance(error, sqlite3.OperationalError) or "malformed" in text or "not a database" in text


def set_aside(path: Path) -> Path:
    """Moves a damaged history (and its WAL files) aside as `<name>.broken-<UTC time>`; returns the kept copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    path.replace(kept)
    return kept


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """A write transaction (`BEGIN IMMEDIATE`); rolled back on any error.

    Raises:
        StorageError: The lock could not be taken in time, or the disk is full or failing.
    """
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise StorageError(_("the history is busy or unavailable: {error}").format(error=error)) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error):
            raise StorageError(_("cannot write the history: {error}").format(error=error)) from None
        raise


# -- rows ------------------------------------------------------------------------------------------------------------


def counts_json(counts: ScriptCounts) -> str:
    """Compact JSON of the non-zero character counts ('{}' when there are none)."""
    # Built by hand: the same text json.dumps(..., separators=(",", ":")) gives, at a fraction of the cost. A model's
    # __dict__ holds its fields in their declared order (SCRIPT_CLASSES).
    return "{" + ",".join([f'"{name}":{value}' for name, value in counts.__dict__.items() if value]) + "}"


def input_key(interaction: Interaction) -> InputKey:
    """Everything an estimate depends on, as stored; equal keys give equal estimates (the memo key)."""
    return (
        interaction.kind.value,
        interaction.service,
        interaction.model,
        "[" + ",".join([f'"{m.value}"' for m in interaction.modes]) + "]" if interaction.modes else "[]",
        counts_json(interaction.prompt),
        counts_json(interaction.response),
        counts_json(interaction.context),
        interaction.prompt_tokens,
        interaction.response_tokens,
        interaction.context_tokens,
        interaction.images,
        float(interaction.video_seconds),
    )


_LIST_JSON: dict[tuple[str, ...], str] = {}  # the few source and warning lists there are, as stored JSON
_LIST_JSON_LIMIT = 10_000


def list_json(values: Sequence[str]) -> str:
    """Compact JSON of a list of strings, memoized (the same few lists of sources and warnings recur)."""
    key = tuple(values)
    found = _LIST_JSON.get(key)
    if found is None:
        if len(_LIST_JSON) >= _LIST_JSON_LIMIT:
            _LIST_JSON.clear()
        found = _LIST_JSON[key] = json.dumps(list(key), separators=(",", ":"))
    return found


def estimate_values(figures: Figures, model_version: str) -> EstimateValues:
    """The estimate columns of a row, from an estimator's figures."""
    return (
        *figures.energy,
        *figures.co2,
        *figures.water,
        *figures.tokens,
        list_json(figures.sources),
        list_json(figures.warnings),
        model_version,
    )


def utc_text(moment: datetime) -> str:
    """A time as the fixed-width UTC text stored in `ts` (sorts like the time itself)."""
    if moment.utcoffset() != _ZERO:  # another zone, or naive (local time)
        moment = moment.astimezone(UTC)
    # The text of strftime("%Y-%m-%dT%H:%M:%S.%fZ") at a fraction of its cost: at offset zero isoformat ends "+00:00".
    return moment.isoformat(timespec="microseconds")[:-6] + "Z"


_ZERO = timedelta(0)
_LOCAL_DAYS: dict[int, str] = {}  # UTC minute -> the local date then
_LOCAL_ZONE: list[object] = [time.tzname]  # the zone names _LOCAL_DAYS was filled under


def local_day(moment: datetime, epoch: float | None = None) -> str:
    """The date on this machine's clock at an aware time, as YYYY-MM-DD.

    Memoized per UTC minute: time zones change their offset only on whole minutes (since 1970), so every instant of a
    minute falls on the same local date.
    """
    if _LOCAL_ZONE[0] is not time.tzname:  # time.tzset() ran: another zone
        _LOCAL_DAYS.clear()
        _LOCAL_ZONE[0] = time.tzname
    minute = int((moment.timestamp() if epoch is None else epoch) // 60)
    found = _LOCAL_DAYS.get(minute)
    if found is None:
        if len(_LOCAL_DAYS) >= 100_000:
            _LOCAL_DAYS.clear()
        found = _LOCAL_DAYS[minute] = moment.astimezone().date().isoformat()
    return found


def now_text() -> str:
    """The current UTC time, as stored."""
    return utc_text(datetime.now(UTC))


def build_row(
    interaction: Interaction, key: InputKey, values: EstimateValues, received: str, id_text: str | None = None
) -> tuple[Any, ...]:
    """The `interactions` row of a validated interaction and its estimate values.

    `id_text` is the id in its lowercase 8-4-4-4-12 form when the caller has it already (str(interaction.id)).
    """
    ts = interaction.ts
    epoch = ts.timestamp()
    return (
        id_text or str(interaction.id),
        utc_text(ts),
        epoch,
        local_day(ts, epoch),  # the local day on this machine
        *key,
        interaction.duration_ms,
        interaction.browser,
        interaction.page,
        *values,
        received,
        interaction.source,
        1 if interaction.unconfirmed else 0,
    )


@dataclass
class Estimates:
    """Estimates interactions with a memo on their inputs, so equal inputs are computed once.

    Args:
        estimator: The estimator to use.
        max_bytes: What the memo may hold, in bytes (least recently used entries go first).
    """

    estimator: Estimator
    max_bytes: int = MEMO_BYTES
    memo: SizedLRU[InputKey, EstimateValues] = field(init=False)

    def __post_init__(self) -> None:
        self.memo = SizedLRU(self.max_bytes)

    @property
    def version(self) -> str:
        """The model-data version of the estimates."""
        return self.estimator.version

    def values(self, interaction: Interaction, key: InputKey | None = None) -> EstimateValues:
        """The estimate columns of an interaction."""
        key = key if key is not None else input_key(interaction)
        found = self.memo.get(key)
        if found is None:
            found = estimate_values(self.estimator.figures(interaction), self.version)
            self.memo.put(key, found, MEMO_ENTRY_BYTES)
        return found

    def rows(self, interactions: Iterable[Interaction], received: str | None = None) -> list[tuple[Any, ...]]:
        """The rows of interactions, ready for `store`."""
        received = received or now_text()
        rows = []
        for interaction in interactions:
            key = input_key(interaction)
            rows.append(build_row(interaction, key, self.values(interaction, key), received))
        return rows


# -- writing ---------------------------------------------------------------------------------------------------------


@dataclass
class StoreResult:
    """What `store` did with each row: newly stored, or already there (nothing changed)."""

    stored: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)


def insert_rows(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> tuple[int, int]:
    """Inserts rows (a row whose id is stored already is skipped) and adds the new ones to the `daily` rollup.

    The only way rows enter `interactions`; call it inside a write transaction (`transaction`).

    Returns:
        (the largest rowid before, how many rows were inserted): the new rows are those with a larger rowid, since
        SQLite gives a new row the largest rowid plus one and the transaction keeps other writers out.
    """
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM interactions").fetchone()[0]
    added = 0
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[start : start + _INSERT_CHUNK]
        added += conn.execute(_insert_many(len(chunk)), [value for row in chunk for value in row]).rowcount
    if added:
        conn.execute(migrations.ROLLUP_SINCE, (top,))
    return top, added


def store(db: Database, rows: Sequence[tuple[Any, ...]]) -> StoreResult:
    """Stores rows in one transaction; a row whose id is already stored (or repeated in `rows`) is a duplicate.

    Raises:
        StorageError: Nothing was stored (locked too long, disk full, I/O error).
    """
    result = StoreResult()
    if not rows:
        return result
    with transaction(db) as conn:
        top, added = insert_rows(conn, rows)
        if added == len(rows):
            result.stored = [row[0] for row in rows]
        else:
            new = {r[0] for r in conn.execute("SELECT id FROM interactions WHERE rowid > ?", (top,))}
            for row in rows:
                if row[0] in new:
                    new.discard(row[0])  # a second copy of it in `rows` is a duplicate
                    result.stored.append(row[0])
                else:
                    result.duplicate.append(row[0])
        if added:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('last_stored', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps(rows[-1][-1]),),
            )
    return result


def record_health(db: Database, adapters: Sequence[dict[str, Any]], browser: str | None) -> None:
    """Saves the extension's report of which site adapters match (one row per service and browser)."""
    reported = now_text()
    with transaction(db) as conn:
        conn.executemany(
            "INSERT INTO adapter_health (service, browser, ok, since, detail, reported) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (service, browser) DO UPDATE SET ok = excluded.ok, since = excluded.since,"
            " detail = excluded.detail, reported = excluded.reported",
            [
                (a["service"], browser or "", int(bool(a["ok"])), a.get("since"), a.get("detail"), reported)
                for a in adapters
            ],
        )


def adapter_health(db: Database) -> list[dict[str, Any]]:
    """The last health report of each site adapter, unhealthy ones first."""
    rows = db.conn.execute(
        "SELECT service, browser, ok, since, detail, reported FROM adapter_health ORDER BY ok, service, browser"
    )
    return [
        {"service": s, "browser": b or None, "ok": bool(ok), "since": since, "detail": detail, "reported": reported}
        for s, b, ok, since, detail, reported in rows
    ]


def meta(db: Database, key: str) -> Any:  # noqa: ANN401 - a JSON value
    """A value of the meta table (None when unset)."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def count(db: Database) -> int:
    """How many interactions are stored."""
    return int(db.conn.execute("SELECT count(*) FROM interactions").fetchone()[0])


def last_event(db: Database) -> dict[str, Any] | None:
    """The latest interaction (by its time) and when the last one was stored, or None for an empty history."""
    row = db.conn.execute("SELECT id, ts, service, kind FROM interactions ORDER BY ts DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return {"id": row[0], "ts": row[1], "service": row[2], "kind": row[3], "stored": meta(db, "last_stored")}


__all__ = [
    "BUSY_TIMEOUT_MS",
    "COLUMNS",
    "CorruptDatabaseError",
    "Estimates",
    "StorageError",
    "StoreResult",
    "adapter_health",
    "build_row",
    "connect",
    "count",
    "input_key",
    "insert_rows",
    "last_event",
    "list_json",
    "local_day",
    "meta",
    "open_db",
    "record_health",
    "set_aside",
    "store",
    "transaction",
]
