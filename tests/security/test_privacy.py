"""No prompt or answer text reaches the history: the wire carries counts only, and anything else is refused.

The browser-level check lives in the end-to-end tests (tests/e2e/test_chromium.py and test_firefox.py): they type
prompts and queries holding WATTPRINT-PRIVATE-MARKER into real pages with the real extension and host, then assert the
marker is in no file under the data folder. This suite adds the host-level half with the same marker and the same
file scan (tests.e2e.support.files_containing): a record whose item carries text in any extra or misplaced field is
rejected with code 10, and nothing of it (not the row, not the log) is written.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import make_item
from tests.e2e.support import MARKER, files_containing
from tests.security.support import Host, app_env

SECRET = f"please summarise my medical records {MARKER}"


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({"text": SECRET}, id="text-field"),
        pytest.param({"prompt_text": SECRET}, id="prompt_text-field"),
        pytest.param({"prompt": {"latin": 12, "text": SECRET}}, id="text-inside-counts"),
        pytest.param({"response": {SECRET: 4}}, id="text-as-a-count-name"),
        pytest.param({"prompt": SECRET}, id="text-instead-of-counts"),
        pytest.param({"page": f"https://chatgpt.com/c/123?q={MARKER}"}, id="text-in-the-page-url"),
        pytest.param({"modes": [SECRET]}, id="text-as-a-mode"),
    ],
)
def test_an_item_carrying_text_is_rejected_and_nothing_is_written(tmp_path, extra):
    data = tmp_path / "data"
    host = Host(app_env(data))
    try:
        good = make_item()
        bad = {**make_item(), **extra}
        reply = host.ask({"type": "record", "items": [good, bad]})
        assert reply["type"] == "ack", reply
        assert reply["stored"] == [good["id"]]
        assert [(r["id"], r["index"], r["code"]) for r in reply["rejected"]] == [(bad["id"], 1, 10)]
    finally:
        assert host.close() == 0
    conn = sqlite3.connect(str(data / "history.db"))
    try:
        assert [r[0] for r in conn.execute("SELECT id FROM interactions")] == [good["id"]]
    finally:
        conn.close()
    assert files_containing(data, MARKER) == []


def test_a_rejection_message_does_not_echo_text_used_as_a_key(tmp_path):
    host = Host(app_env(tmp_path / "data"))
    try:
        reply = host.ask({"type": "record", "items": [{**make_item(), "response": {SECRET: 4}}]})
    finally:
        host.close()
    assert reply["rejected"][0]["code"] == 10
    assert MARKER not in json.dumps(reply)
    assert files_containing(tmp_path / "data", MARKER) == []  # nor in host.log


def test_an_unknown_type_is_not_echoed(tmp_path):
    host = Host(app_env(tmp_path / "data"))
    try:
        reply = host.ask({"type": f"{MARKER} as a type"})
    finally:
        host.close()
    assert reply["code"] == 4
    assert MARKER not in json.dumps(reply)
    assert files_containing(tmp_path / "data", MARKER) == []


def test_stored_rows_hold_counts_only(tmp_path):
    """What the extension sends (counts per script class) is what is stored: numbers, never strings of the page."""
    data = tmp_path / "data"
    host = Host(app_env(data))
    items = [make_item(prompt={"latin": 120, "cjk": 8}, response={"latin": 900}, context={"hangul": 30}),
             make_item(kind="search", service="google", prompt={"latin": 24}, response={}, page="https://www.google.com"),
             make_item(prompt_tokens=40, response_tokens=300)]  # fmt: skip
    try:
        assert len(host.ask({"type": "record", "items": items})["stored"]) == 3
    finally:
        host.close()
    conn = sqlite3.connect(str(data / "history.db"))
    try:
        rows = conn.execute("SELECT prompt, response, context, page FROM interactions").fetchall()
    finally:
        conn.close()
    for prompt, response, context, page in rows:
        for counts in (prompt, response, context):
            assert all(isinstance(v, int) for v in json.loads(counts).values()), counts
        assert page in {"https://chatgpt.com", "https://www.google.com"}
