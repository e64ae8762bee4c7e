"""The CSV form of the history: one row per interaction, written by `wattprint export` and read back by `import`.

The token columns always hold the tokens the estimate assumed; `reported_tokens` names the parts whose tokens the page
itself reported (from its traffic), so an import stores exactly what the export read and makes the same estimate.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any

from wattprint.core.schemas import SCRIPT_CLASSES

PARTS = ("prompt", "response", "context")
TOKEN_COLUMNS = ("prompt_tokens", "response_tokens", "context_tokens", "reasoning_tokens")
CSV_COLUMNS = (
    "id", "ts", "day", "kind", "service", "model", "modes",
    *(f"{part}_{script}" for part in PARTS for script in SCRIPT_CLASSES),
    *TOKEN_COLUMNS, "reported_tokens", "images", "video_seconds", "duration_ms", "browser", "page",
    *(f"{q}_{end}" for q in ("energy_wh", "co2e_g", "water_ml") for end in ("low", "central", "high")),
    "model_version",
)  # fmt: skip
_OPTIONAL = ("duration_ms", "browser", "page")


def csv_row(item: dict[str, Any]) -> list[Any]:
    """One exported interaction as a CSV row (in CSV_COLUMNS order)."""
    estimate = item["estimate"]
    row = [item["id"], item["ts"], item["day"], item["kind"], item["service"], item["model"] or "",
           ";".join(item["modes"])]  # fmt: skip
    for part in PARTS:
        row.extend(item[part].get(script, 0) for script in SCRIPT_CLASSES)
    assumed = estimate.get("tokens") or {}
    for part in (*PARTS, "reasoning"):
        reported = item.get(f"{part}_tokens")
        row.append(reported if reported is not None else assumed.get(part, ""))
    row.append(";".join(part for part in PARTS if item.get(f"{part}_tokens") is not None))
    row.extend(item[name] if item[name] is not None else "" for name in ("images", "video_seconds", *_OPTIONAL))
    for q in ("energy_wh", "co2e_g", "water_ml"):
        row.extend(estimate[q][end] for end in ("low", "central", "high"))
    row.append(estimate["model_version"])
    return row


# What a spreadsheet may read as the start of a formula; the full-width forms too, which some convert on input.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CONTROL_TO_SPACE = {code: " " for code in (*range(0x20), 0x7F)}


def cell(value: Any) -> Any:  # noqa: ANN401 - a CSV cell's value
    r"""A text cell a spreadsheet will show as text, never run as a formula (OWASP's advice on CSV injection).

    A text starting with = + - @, a tab or a carriage return gets a leading apostrophe, and line breaks and other
    control characters inside a text become spaces (a carriage return would otherwise start a new row that begins with a
    formula: the CSV module quotes only the line terminator it writes, "\n"). Numbers are left as they are.
    """
    if not isinstance(value, str):
        return value
    if not value.isprintable():
        value = value.translate(_CONTROL_TO_SPACE)
    return "'" + value if value.lstrip().startswith(_FORMULA_START) else value


def uncell(text: str) -> str:
    """The text `cell` neutralised, as it was (the apostrophe it added taken off again)."""
    return text[1:] if text.startswith("'") and text[1:].lstrip().startswith(_FORMULA_START) else text


def write(out: IO[str], items: Iterable[dict[str, Any]]) -> int:
    """Writes a header and one row per item; returns how many rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for item in items:
        writer.writerow([cell(value) for value in csv_row(item)])
        count += 1
    return count


def _number(text: str) -> int | float | str:
    """A cell as the number it holds (an int when it has no fraction), or the text itself when it is none."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def read(lines: Iterable[str]) -> Iterator[Any]:
    """The interactions of an exported CSV, as the JSON export would give them (derived columns left out).

    A row that does not fit is yielded as the raw row (a list), which the importer's checks then reject.
    """
    rows = csv.reader(lines)
    header = next(rows, None)
    if header is None:
        return
    for row in rows:
        if not row:
            continue
        if len(row) != len(header):
            yield row
            continue
        yield _item(dict(zip(header, (uncell(value) for value in row), strict=True)))


def _item(cells: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {name: cells.get(name, "") for name in ("id", "ts", "kind", "service")}
    item["model"] = cells.get("model") or None
    item["modes"] = [mode for mode in cells.get("modes", "").split(";") if mode]
    for part in PARTS:
        counts = {s: _number(cells.get(f"{part}_{s}", "0") or "0") for s in SCRIPT_CLASSES}
        item[part] = {script: count for script, count in counts.items() if count != 0}
    reported = [part for part in cells.get("reported_tokens", "").split(";") if part]
    for part in reported:
        item[f"{part}_tokens"] = _number(cells.get(f"{part}_tokens", ""))
    item["images"] = _number(cells.get("images") or "0")
    seconds = _number(cells.get("video_seconds") or "0")
    item["video_seconds"] = float(seconds) if isinstance(seconds, int | float) else seconds
    for name in _OPTIONAL:
        value = cells.get(name, "")
        item[name] = (_number(value) if name == "duration_ms" else value) if value != "" else None
    return item


__all__ = ["CSV_COLUMNS", "cell", "csv_row", "read", "write"]
