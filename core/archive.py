"""Export and import of the history as JSON Lines: one interaction object (the protocol's fields) per line.

An export line also carries the `day` and `estimate` it was stored with; an import ignores both and estimates each
interaction again with the current model, through the store's normal path (duplicates by id are skipped).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pydantic import ValidationError
from sqlite_utils import Database

from wattprint.core import history, queries
from wattprint.core.schemas import Interaction

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

BATCH = 2000  # rows per transaction on import
_DERIVED = ("day", "estimate")


@dataclass
class ImportResult:
    """What an import did: rows stored, already there, and lines that were not valid (with their line numbers)."""

    stored: int = 0
    duplicate: int = 0
    rejected: list[int] | None = None


def export(db: Database, estimator: Estimator, out: IO[str]) -> int:
    """Writes every interaction, oldest first, as JSON Lines; returns how many."""
    n = 0
    for item in queries.iter_rows(db, estimator.data):
        out.write(json.dumps(item, separators=(",", ":")) + "\n")
        n += 1
    return n


def export_file(db: Database, estimator: Estimator, path: Path) -> int:
    """Exports to a file (created readable by the user only); returns how many interactions."""
    path.touch(mode=0o600, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        return export(db, estimator, out)


def import_lines(db: Database, estimator: Estimator, lines: IO[str]) -> ImportResult:
    """Reads JSON Lines of interactions and stores the valid ones with fresh estimates."""
    result = ImportResult(rejected=[])
    assert result.rejected is not None
    estimates = history.Estimates(estimator)
    batch: list[Interaction] = []

    def flush() -> None:
        stored = history.store(db, estimates.rows(batch))
        result.stored += len(stored.stored)
        result.duplicate += len(stored.duplicate)
        batch.clear()

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise ValueError("not an object")
            batch.append(Interaction.model_validate({k: v for k, v in raw.items() if k not in _DERIVED}))
        except (ValueError, ValidationError):
            result.rejected.append(number)
            continue
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return result


def import_file(db: Database, estimator: Estimator, path: Path) -> ImportResult:
    """Imports a JSON Lines file (see `import_lines`)."""
    with path.open(encoding="utf-8") as lines:
        return import_lines(db, estimator, lines)


__all__ = ["ImportResult", "export", "export_file", "import_file", "import_lines"]
