"""Export and import of the history as JSON Lines: one interaction object (the protocol's fields) per line.

An export line also carries the `day` and `estimate` it was stored with; an import ignores both and estimates each
interaction again with the current model, through the store's normal path (duplicates by id are skipped).
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlite_utils import Database

from wattprint.core.schemas import Interaction
from wattprint.core.store import files, history, queries
from wattprint.core.words.i18n import _

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
    with files.private_output(path) as out:
        return export(db, estimator, out)


MAX_FILE = 2 * 1024 * 1024 * 1024  # bytes: an import larger than this is refused before reading
MAX_ITEM = 1024 * 1024  # bytes of one interaction's JSON (a line, or an element of an array)
_CHUNK = 1024 * 1024  # bytes read at a time


class ImportFileError(files.FileRefusedError):
    """A file that is not JSON Lines or a JSON array of interactions; nothing of it was imported."""


class _Reader:
    """A UTF-8 text buffer over a byte stream, read a chunk at a time; `pos` is where parsing stands."""

    def __init__(self, stream: IO[bytes], name: object) -> None:
        self.stream = stream
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buffer = ""
        self.pos = 0
        self.ended = False

    def fill(self) -> bool:
        """Reads another chunk (keeping the text from `pos` on); False at the end of the stream."""
        if self.ended:
            return False
        try:
            chunk = self.stream.read(_CHUNK)
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise ImportFileError(_("{path} is not UTF-8 text").format(path=self.name)) from None
        self.buffer = self.buffer[self.pos :] + text
        self.pos = 0
        self.ended = not chunk
        return True

    def skip_space(self) -> str:
        """The next character that is not white space ('' at the end), reading more as needed; `pos` points at it."""
        while True:
            found = _SPACE.match(self.buffer, self.pos)
            self.pos = found.end() if found else self.pos
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.fill():
                return ""


_SPACE = re.compile(r"[ \t\r\n\ufeff]*")
_DECODER = json.JSONDecoder(parse_constant=lambda name: _no_constant(name))


def _checked(reader: _Reader, text: str | None, start: int, where: str) -> tuple[Any, int]:
    """Parses one JSON value of `text` (or of the reader's buffer) at `start`, bounded in nesting."""
    source = reader.buffer if text is None else text
    try:
        value, end = _DECODER.raw_decode(source, start)
    except RecursionError:
        value, end, depth = None, start, files.MAX_NESTING + 1
    else:
        depth = files.nesting(value)
    if depth > files.MAX_NESTING:
        raise ImportFileError(
            _("{path} nests JSON deeper than {depth} levels ({where})").format(
                path=reader.name, depth=files.MAX_NESTING, where=where
            )
        )
    return value, end


def _broken(reader: _Reader, where: str, reason: object) -> ImportFileError:
    return ImportFileError(
        _("{path} is neither a JSON array nor JSON Lines ({where}): {reason}").format(
            path=reader.name, where=where, reason=reason
        )
    )


def iter_json(stream: IO[bytes], name: object, *, broken_lines: bool = False) -> Iterator[tuple[int, Any]]:
    """The values of a JSON array or of JSON Lines, read as a stream (a file may be far larger than memory).

    Args:
        stream: The file.
        name: Its name, for messages.
        broken_lines: In JSON Lines, a line that is not a JSON object is yielded as None (for the caller to reject)
            instead of refusing the whole file.

    Yields:
        (position, value): the 0-based index (array) or the 1-based line (JSON Lines), and the parsed value.

    Raises:
        ImportFileError: Broken JSON, a value nested deeper than `files.MAX_NESTING` or larger than `MAX_ITEM`.
    """
    reader = _Reader(stream, name)
    if reader.skip_space() == "[":
        yield from _array(reader)
    else:
        yield from _lines(reader, broken_lines)


def _array(reader: _Reader) -> Iterator[tuple[int, Any]]:
    reader.pos += 1
    index = 0
    while True:
        head = reader.skip_space()
        if head == "]" and index == 0:
            break
        if index:
            if head == "]":
                break
            if head != ",":
                where = _("after item {index}").format(index=index - 1)
                raise _broken(reader, where, _("expected ',' or ']'") if head else _("the file ends"))
            reader.pos += 1
            reader.skip_space()
        where = _("item {index}").format(index=index)
        while True:
            try:
                value, end = _checked(reader, None, reader.pos, where)
            except ValueError as error:
                if isinstance(error, ImportFileError):
                    raise
                if reader.ended:
                    raise _broken(reader, where, error) from None
                if len(reader.buffer) - reader.pos > MAX_ITEM:
                    raise ImportFileError(
                        _("{path}: {where} is larger than {size}").format(
                            path=reader.name, where=where, size=files.size_text(MAX_ITEM)
                        )
                    ) from None
                reader.fill()
                continue
            if end == len(reader.buffer) and not reader.ended:  # a number may go on in the next chunk
                reader.fill()
                continue
            break
        reader.pos = end
        yield index, value
        index += 1
    reader.pos += 1
    if reader.skip_space():
        raise ImportFileError(_("{path} has more after its JSON array").format(path=reader.name))


def _lines(reader: _Reader, broken_lines: bool) -> Iterator[tuple[int, Any]]:
    number = 0
    while True:
        newline = reader.buffer.find("\n", reader.pos)
        while newline < 0 and not reader.ended:
            if len(reader.buffer) - reader.pos > MAX_ITEM:
                raise ImportFileError(
                    _("{path}: line {line} is larger than {size}").format(
                        path=reader.name, line=number + 1, size=files.size_text(MAX_ITEM)
                    )
                )
            reader.fill()
            newline = reader.buffer.find("\n", reader.pos)
        stop = newline if newline >= 0 else len(reader.buffer)
        line = reader.buffer[reader.pos : stop]
        reader.pos = stop + 1
        number += 1
        if line.strip():
            where = _("line {line}").format(line=number)
            try:
                value, end = _checked(reader, line, len(line) - len(line.lstrip()), where)
                if line[end:].strip():
                    raise ValueError(_("more than one JSON value on the line"))
                if not isinstance(value, dict):
                    raise ValueError(_("a line holds one JSON object"))
            except ValueError as error:
                if not broken_lines:
                    raise error if isinstance(error, ImportFileError) else _broken(reader, where, error) from None
                value = None
            yield number, value
        if newline < 0:
            return


def _no_constant(name: str) -> Any:  # noqa: ANN401 - never returns
    raise ValueError(f"{name} is not valid JSON")


def import_items(db: Database, estimator: Estimator, values: Iterable[tuple[int, Any]]) -> ImportResult:
    """Stores the valid interactions of `values` with fresh estimates, all in one transaction.

    A problem with the file itself (`ImportFileError`, an I/O error) rolls everything back: nothing is half-imported.
    Invalid items are counted in `rejected` (by position) and the valid ones are stored.

    Raises:
        ImportFileError: The file broke off or is not JSON; nothing was stored.
        StorageError: The history cannot be written; nothing was stored.
    """
    result = ImportResult(rejected=[])
    assert result.rejected is not None
    estimates = history.Estimates(estimator)
    received = history.now_text()
    batch: list[Interaction] = []
    with history.transaction(db) as conn:

        def flush() -> None:
            rows = estimates.rows(batch, received)
            _, added = history.insert_rows(conn, rows)
            result.stored += added
            result.duplicate += len(rows) - added
            batch.clear()

        for position, raw in values:
            if not isinstance(raw, dict):
                result.rejected.append(position)
                continue
            try:
                batch.append(Interaction.model_validate({k: v for k, v in raw.items() if k not in _DERIVED}))
            except ValidationError:
                result.rejected.append(position)
                continue
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    return result


def import_lines(db: Database, estimator: Estimator, lines: IO[str]) -> ImportResult:
    """Reads JSON Lines of interactions and stores the valid ones with fresh estimates (see `import_items`)."""
    stream = io.BytesIO(lines.read().encode("utf-8", "surrogatepass"))
    return import_items(db, estimator, iter_json(stream, "<input>", broken_lines=True))


def import_file(db: Database, estimator: Estimator, path: Path) -> ImportResult:
    """Imports a JSON Lines file or JSON array (a regular file of at most 2 GiB; see `import_items`).

    Raises:
        files.FileRefusedError: Not a regular file, too large, unreadable, or not JSON; nothing was stored.
    """
    with files.open_regular(path, MAX_FILE) as stream:
        try:
            return import_items(db, estimator, iter_json(stream, path, broken_lines=True))
        except OSError as error:
            reason = error.strerror or error
            raise files.FileRefusedError(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from None


__all__ = [
    "MAX_FILE",
    "ImportFileError",
    "ImportResult",
    "export",
    "export_file",
    "import_file",
    "import_items",
    "import_lines",
    "iter_json",
]
