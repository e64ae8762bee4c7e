"""The extension's cost in a real browser: main-thread script time it adds to a page streaming a 4,000-token answer,
and the time from the end of that answer to its row being committed (the host's ack, sent only after the commit).

Runs headless /usr/bin/chromium with the built extension and the real `wattprint-host` (registered with
`wattprint install-host` in a temporary profile and data folder), against the fixture server's imitation ChatGPT page
(`?long=4000`: 4,000 one-word deltas, about 4,000 tokens, rendered as they arrive). The same page without the extension
is the peer.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.e2e.support import drive, fixture_server, prepare_run, rows

TOKENS = 4000
RUNS = 5


def run() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="wattprint-bench-") as tmp:
        root = Path(tmp)
        data, profile, env = prepare_run(root, "chromium")
        bare = root / "bare"
        bare.mkdir()
        with fixture_server() as server:
            common = {"mode": "bench", "rules": server["hostResolverRules"], "runs": RUNS,
                      "url": f"https://chatgpt.com/?long={TOKENS}"}
            without = drive({**common, "withExtension": False, "userDataDir": str(bare)}, env, timeout=300)
            with_ext = drive({**common, "withExtension": True, "userDataDir": str(profile)}, env, timeout=300)
        stored = len(rows(data))
    if stored != RUNS + 1:
        raise AssertionError(f"expected {RUNS + 1} rows in history.db, found {stored}")
    base = statistics.median(without["script_ms"])
    added = statistics.median(with_ext["script_ms"]) - base
    task_added = statistics.median(with_ext["task_ms"]) - statistics.median(without["task_ms"])
    ack = statistics.median(with_ext["ack_ms"])
    return [
        {"name": "extension.script_added_ms", "value": round(added, 2), "unit": "ms main-thread script",
         "peer": "the same page without the extension (its own script time)", "peer_value": round(base, 2),
         "target": 5},
        {"name": "extension.task_added_ms", "value": round(task_added, 2), "unit": "ms main-thread tasks",
         "peer": "the same page without the extension", "peer_value": round(statistics.median(without["task_ms"]), 2),
         "target": None},
        {"name": "extension.answer_to_row_ms", "value": round(ack, 1), "unit": "ms", "peer": None, "peer_value": None,
         "target": 200},
    ]
