"""Re-estimating the history when the model data changes.

Every row carries the model-data version of its estimate. `reestimate` recomputes the rows of other versions from
their stored inputs, in chunks by rowid, each chunk one transaction that also moves the `daily` rollup by the
difference. Figures are memoized on the tuple of stored inputs (every plain search of one engine shares one), and the
inputs are handed to the estimator as light objects rather than validated models: they come from the database, where
only validated interactions ever went.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlite_utils import Database

from wattprint.core.model.modeldata import load
from wattprint.core.schemas import SCRIPT_CLASSES, Interaction, Kind
from wattprint.core.store.history import ESTIMATE_COLUMNS, INPUT_COLUMNS, InputKey, transaction
from wattprint.core.store.migrations import AI_EXPR

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

CHUNK = 20_000  # rows per transaction
MEMO_LIMIT = 500_000  # memo entries kept before it is cleared

_RANGES = ESTIMATE_COLUMNS[:9]
_SELECT = (
    f"SELECT rowid, {', '.join(INPUT_COLUMNS)} FROM interactions"
    " WHERE rowid > ? AND rowid <= ? AND model_version != ? ORDER BY rowid LIMIT ?"
)
_UPDATE = f"UPDATE interactions SET {', '.join(f'{c} = ?' for c in ESTIMATE_COLUMNS)} WHERE rowid = ?"
_GROUP = f"day, service, kind, {AI_EXPR.format(p='interactions')}"
_SUMS = (
    f"SELECT {_GROUP}, {', '.join(f'sum({c})' for c in _RANGES)} FROM interactions"
    f" WHERE rowid > ? AND rowid <= ? GROUP BY {_GROUP}"
)
_ROLLUP = (
    "UPDATE daily SET "
    + ", ".join(f"{c} = {c} + ?" for c in _RANGES)
    + " WHERE day = ? AND service = ? AND kind = ? AND ai = ?"
)


@dataclass(slots=True)
class _Counts:
    latin: int = 0
    cjk: int = 0
    kana: int = 0
    hangul: int = 0
    cyrillic: int = 0
    arabic: int = 0
    devanagari: int = 0
    other: int = 0


@dataclass(slots=True)
class _Inputs:
    """The fields of an Interaction that an estimate reads."""

    kind: Kind
    service: str
    model: str | None
    modes: tuple[str, ...]
    prompt: _Counts
    response: _Counts
    context: _Counts
    prompt_tokens: int | None
    response_tokens: int | None
    context_tokens: int | None
    images: int
    video_seconds: float


class _Reestimator:
    def __init__(self, estimator: Estimator) -> None:
        self.estimator = estimator
        self.version = estimator.version
        self.memo: dict[InputKey, tuple[Any, ...]] = {}
        self.counts: dict[str, _Counts] = {}
        self.texts: dict[tuple[str, ...], str] = {}

    def _counts(self, text: str) -> _Counts:
        found = self.counts.get(text)
        if found is None:
            if len(self.counts) >= MEMO_LIMIT:
                self.counts.clear()
            parsed = json.loads(text)
            found = _Counts(**{k: v for k, v in parsed.items() if k in SCRIPT_CLASSES})
            self.counts[text] = found
        return found

    def _json(self, values: list[str]) -> str:
        key = tuple(values)
        found = self.texts.get(key)
        if found is None:
            found = self.texts[key] = json.dumps(values, separators=(",", ":"))
        return found

    def values(self, key: InputKey) -> tuple[Any, ...]:
        found = self.memo.get(key)
        if found is not None:
            return found
        kind, service, model, modes, prompt, response, context, p_tok, r_tok, c_tok, images, video = key
        inputs = _Inputs(
            Kind(kind),
            service,
            model,
            tuple(json.loads(modes)) if modes != "[]" else (),
            self._counts(prompt),
            self._counts(response),
            self._counts(context),
            p_tok,
            r_tok,
            c_tok,
            images,
            video,
        )
        f = self.estimator.figures(cast(Interaction, inputs))
        found = (*f.energy, *f.co2, *f.water, *f.tokens, self._json(f.sources), self._json(f.warnings), self.version)
        if len(self.memo) >= MEMO_LIMIT:
            self.memo.clear()
        self.memo[key] = found
        return found


def workers_for(rows: int) -> int:
    """Processes worth starting for a number of outdated rows: a second one pays off past about 200,000 rows."""
    import os

    return max(1, min(2, os.cpu_count() or 1)) if rows > 200_000 else 1


def outdated(db: Database, version: str) -> int:
    """How many rows carry an estimate of another model-data version."""
    return int(db.conn.execute("SELECT count(*) FROM interactions WHERE model_version != ?", (version,)).fetchone()[0])


def reestimate(
    db: Database,
    estimator: Estimator,
    *,
    chunk: int = CHUNK,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Recomputes every estimate made with other model data.

    Args:
        db: The history.
        estimator: The estimator with the current model data.
        chunk: Rows per transaction.
        workers: Processes to share the work (the history is split into rowid ranges; the other processes load the
            same model data). Used only for a history in a file estimated with the installed model data.
        progress: Called with the number of rows done so far (by this process) after each chunk.

    Returns:
        The number of rows updated.

    Raises:
        StorageError: The database could not be written; the chunks already done stay done.
    """
    bounds_sql = "SELECT coalesce(min(rowid), 0) - 1, coalesce(max(rowid), 0) FROM interactions"
    low, high = db.conn.execute(bounds_sql).fetchone()
    path = _file_of(db)
    if workers <= 1 or path is None or estimator.data is not load() or high - low < 2 * chunk:
        return _run(db, _Reestimator(estimator), low, high, chunk, progress)
    step = (high - low) // workers + 1
    bounds = [(low + i * step, min(low + (i + 1) * step, high)) for i in range(workers)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        others = [pool.submit(_worker, path, estimator.zone, lo, hi, chunk) for lo, hi in bounds[1:]]
        done = _run(db, _Reestimator(estimator), bounds[0][0], bounds[0][1], chunk, progress)
        return done + sum(future.result() for future in others)


def _file_of(db: Database) -> str | None:
    for _, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return str(file) or None
    return None


def _worker(path: str, zone: str | None, low: int, high: int, chunk: int) -> int:
    """One process's share of a parallel re-estimate."""
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.store.history import open_db

    db = open_db(Path(path))
    try:
        return _run(db, _Reestimator(Estimator(load(), zone=zone)), low, high, chunk, None)
    finally:
        db.conn.close()


def _run(
    db: Database, worker: _Reestimator, low: int, high: int, chunk: int, progress: Callable[[int], None] | None
) -> int:
    """Re-estimates the outdated rows with rowid in (low, high]."""
    version = worker.version
    values_of = worker.values
    done = 0
    last = low
    while True:
        rows = db.conn.execute(_SELECT, (last, high, version, chunk)).fetchall()
        if not rows:
            return done
        updates = [(*values_of(row[1:]), row[0]) for row in rows]
        first, end = last, rows[-1][0]
        with transaction(db) as conn:
            # The rollup moves by (sums after) - (sums before) over the chunk's rowid range.
            before = {tuple(r[:4]): r[4:] for r in conn.execute(_SUMS, (first, end))}
            conn.executemany(_UPDATE, updates)
            deltas = []
            for r in conn.execute(_SUMS, (first, end)).fetchall():
                old = before.get(tuple(r[:4]), (0.0,) * 9)
                deltas.append((*(new - was for new, was in zip(r[4:], old, strict=True)), *r[:4]))
            conn.executemany(_ROLLUP, deltas)
        done += len(rows)
        last = end
        if progress is not None:
            progress(done)


def rebuild_rollup(db: Database) -> None:
    """Recomputes the whole `daily` rollup from the interactions (a repair; never needed in normal use)."""
    ai = AI_EXPR.format(p="interactions")
    sums = ", ".join(f"sum({c})" for c in _RANGES)
    with transaction(db) as conn:
        conn.execute("DELETE FROM daily")
        conn.execute(
            f"INSERT INTO daily SELECT day, service, kind, {ai}, count(*), {sums}"
            f" FROM interactions GROUP BY day, service, kind, {ai}"
        )


__all__ = ["outdated", "rebuild_rollup", "reestimate"]
