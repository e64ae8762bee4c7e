"""Runs every benchmark and writes bench/results.json: a list of {name, value, unit, peer, peer_value, ratio}."""

from __future__ import annotations

import importlib
import json
import platform
import sys
from pathlib import Path

# Benchmark modules, each with run() -> list of rows.
MODULES = ("bench.model", "bench.ingest", "bench.desktop", "bench.extension")


def main() -> int:
    """Runs the benchmarks, prints a table, writes the JSON."""
    rows: list[dict[str, object]] = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            print(f"skipping {name}: {error}", file=sys.stderr)
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(module.run())
    for row in rows:
        value, peer = row.get("value"), row.get("peer_value")
        row["ratio"] = round(float(value) / float(peer), 4) if isinstance(value, float | int) and peer else None
    width = max(len(str(r["name"])) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>12}  {'peer':>12}  ratio   target  peer measured")
    for row in rows:
        peer_value = row.get("peer_value")
        peer_text = f"{peer_value:12.4g}" if isinstance(peer_value, float | int) else f"{'-':>12}"
        print(f"{row['name']!s:<{width}}  {row['value']:12.4g}  {peer_text}  {row['ratio']!s:>6}  "
              f"{row.get('target', '-')!s:>6} {row['unit']}  {row.get('peer') or ''}")
    out = Path(__file__).with_name("results.json")
    for row in rows:
        row["machine"] = platform.platform()
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
