"""Runs every benchmark and writes bench/results.json: a list of {name, value, unit, peer, peer_value, ratio, target,
better, meets_target, ...}. Every peer is measured in the same run on the same machine; a peer that could not be
measured has peer_value null and a `note` saying why. A module that fails is reported as a row with its error and the
others still run."""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

# Benchmark modules, each with run() -> list of rows.
MODULES = ("bench.model", "bench.ingest", "bench.desktop", "bench.extension")


def _meets(row: dict[str, object]) -> bool | None:
    """Whether the value meets its target (None when there is no numeric target or value)."""
    value, target = row.get("value"), row.get("target")
    if not isinstance(value, float | int) or not isinstance(target, float | int):
        return None
    return value >= target if row.get("better") == "higher" else value <= target


def _fmt(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float | int) else "-"


def main() -> int:
    """Runs the benchmarks, prints a table, writes the JSON."""
    rows: list[dict[str, object]] = []
    started = time.monotonic()
    for name in MODULES:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        t0 = time.monotonic()
        try:
            module = importlib.import_module(name)
            found = module.run()
        except Exception as error:
            traceback.print_exc()
            rows.append({"name": f"{name} failed", "value": None, "unit": "", "peer": None, "peer_value": None,
                         "note": f"{type(error).__name__}: {error}"[:400]})  # fmt: skip
            continue
        for row in found:
            row.setdefault("better", "lower")
        rows.extend(found)
        print(f"  {name}: {time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)
    for row in rows:
        value, peer = row.get("value"), row.get("peer_value")
        row["ratio"] = round(float(value) / float(peer), 4) if isinstance(value, float | int) and peer else None
        row["meets_target"] = _meets(row)
    width = max(len(str(r["name"])) for r in rows)
    print(f"\n{'benchmark':<{width}}  {'value':>10}  {'peer':>10}  {'ratio':>8}  {'target':>7}  met  unit / peer")
    for row in rows:
        met = {True: "yes", False: "NO", None: "-"}[row["meets_target"]]  # type: ignore[index]
        print(f"{row['name']!s:<{width}}  {_fmt(row.get('value')):>10}  {_fmt(row.get('peer_value')):>10}  "
              f"{_fmt(row['ratio']):>8}  {row.get('target') if row.get('target') is not None else '-'!s:>7}  "
              f"{met:>3}  {row['unit']} / {row.get('peer') or '-'}")
        if row.get("note"):
            print(f"{'':<{width}}  note: {row['note']}")
    out = Path(__file__).with_name("results.json")
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for row in rows:
        row["machine"] = platform.platform()
        row["run_at"] = stamp
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"wrote {out} ({time.monotonic() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
