"""A long-lived host stays small: the estimate memo is bounded by the bytes it holds (issue 15, finding 10)."""

from __future__ import annotations

import uuid
from pathlib import Path

from tests.core.pipe.conftest import HostProcess
from wattprint.core.store.memo import SizedLRU

DISTINCT = 100_000
BATCH = 500
RSS_LIMIT = 100 * 1024 * 1024  # bytes


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def test_a_host_fed_100000_distinct_inputs_stays_under_100_mib(data_dir):
    process = HostProcess()
    try:
        assert process.ask({"type": "hello", "protocol": 1})["type"] == "hello"
        peak = 0
        for start in range(0, DISTINCT, BATCH):
            items = [
                {"id": str(uuid.uuid4()), "ts": "2026-11-18T10:00:00Z", "kind": "chat", "service": "chatgpt",
                 "prompt": {"latin": n % 5000 + 1}, "response": {"latin": n // 5000 + 1}}
                for n in range(start, start + BATCH)
            ]  # fmt: skip
            reply = process.ask({"type": "record", "items": items})
            assert len(reply["stored"]) == BATCH, reply.get("rejected")
            peak = max(peak, _rss(process.proc.pid))
        assert peak < RSS_LIMIT, f"peak RSS {peak / 2**20:.0f} MiB"
    finally:
        assert process.close() == 0


def test_the_memo_evicts_the_least_recently_used_to_stay_within_its_bytes():
    memo: SizedLRU[int, str] = SizedLRU(1000)
    for key in range(100):
        memo.put(key, "x", 100)
        memo.get(0)  # kept in use: never evicted
        assert memo.bytes <= 1000
    assert len(memo) == 10
    assert memo.get(0) == "x"
    assert memo.get(1) is None
    assert memo.get(99) == "x"
    memo.put(7, "huge", 5000)  # larger than the whole memo: not kept
    assert memo.get(7) is None
    assert memo.bytes <= 1000
