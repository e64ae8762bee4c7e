"""Breakage is never silent, on the host's side: closed health codes, the model names the catalogue does not know,
page-counted rows, and `wattprint doctor` naming the site, the symptom and the date."""

from __future__ import annotations

import json

import pytest

from tests.conftest import make_item
from wattprint.core.cli import main
from wattprint.core.pipe import capture_health, protocol
from wattprint.core.store import history


@pytest.mark.parametrize("detail", ["no submit request matched for 3 prompts", "x", "NO_SUBMIT", "unparsed "])
def test_health_detail_outside_the_vocabulary_is_error_10(host, detail):
    adapters = [{"service": "claude", "ok": False, "detail": detail}]
    reply = host.ask({"type": "health", "req": "h", "adapters": adapters})
    assert reply["type"] == "error"
    assert reply["code"] == 10
    assert reply["req"] == "h"
    assert detail not in reply["message"]  # the text is neither echoed nor stored
    db = history.open_db()
    try:
        assert history.adapter_health(db) == []
    finally:
        db.conn.close()


@pytest.mark.parametrize("code", protocol.HEALTH_CODES)
def test_every_health_code_is_stored(host, code):
    adapters = [{"service": "claude", "ok": False, "since": "2026-12-01T09:00:00Z", "detail": code}]
    assert host.ask({"type": "health", "adapters": adapters}) == {"type": "ok"}
    assert host.ask({"type": "health", "adapters": [{"service": "claude", "ok": True, "detail": None}]})["type"] == "ok"


def test_ack_names_items_whose_model_does_not_resolve(host):
    known = make_item(service="chatgpt", model="gpt-4o")
    unknown = make_item(service="chatgpt", model="gpt-9-ultra-imaginary")
    absent = make_item(service="chatgpt", model=None)
    search = make_item(kind="search", service="google", model=None, response={}, page="https://www.google.com")
    reply = host.ask({"type": "record", "items": [known, unknown, absent, search]})
    assert reply["type"] == "ack"
    assert reply["unresolved"] == [unknown["id"]]
    assert set(reply["estimates"]) == {known["id"], unknown["id"], absent["id"], search["id"]}
    again = host.ask({"type": "record", "items": [known]})
    assert "unresolved" not in again  # only present when some model did not resolve


def test_page_counted_turns_are_stored_as_such(host):
    page = make_item(source="page")
    traffic = make_item(source="traffic")
    plain = make_item()
    assert len(host.ask({"type": "record", "items": [page, traffic, plain]})["stored"]) == 3
    bad = host.ask({"type": "record", "items": [make_item(source="dom")]})
    assert bad["rejected"][0]["code"] == 10
    db = history.open_db()
    try:
        rows = dict(db.conn.execute("SELECT id, source FROM interactions").fetchall())
    finally:
        db.conn.close()
    assert rows == {page["id"]: "page", traffic["id"]: "traffic", plain["id"]: None}


def test_doctor_names_the_site_the_symptom_and_the_date(data_dir, capsys):
    db = history.open_db()
    adapters = [
        {"service": "perplexity", "ok": False, "since": "2026-12-01T09:30:00+00:00", "detail": "incomplete"},
        {"service": "claude", "ok": True, "since": "2026-12-01T08:00:00+00:00", "detail": None},
    ]
    history.record_health(db, adapters, "chromium")
    db.conn.close()
    main(["doctor"])
    out = capsys.readouterr().out
    line = "perplexity: answers ended without their end marker; counted from the page (since 2026-12-01)"
    assert f"WARNING: {line}" in out
    assert "Claude" in out  # its adapter line, named as the app names it
    assert "WARNING: claude" not in out
    main(["doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["database"]["capture_warnings"] == [
        "perplexity: answers ended without their end marker; counted from the page (since 2026-12-01)"
    ]


def test_symptoms_in_chinese():
    assert capture_health.symptom("unparsed", "zh_CN") == "无法从网络流量读取回答；已改为按页面计数"
    assert capture_health.symptom("something-old") == "something-old"
    assert capture_health.symptom(None) == ""
