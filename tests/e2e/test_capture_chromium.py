"""End to end in headless Chromium with the real host: searches made inside the page, a Google country domain and AI
Mode are counted as a user expects; a chatbot whose stream changed shape is still counted, from the page, and after
two misses in a row the popup and `wattprint doctor` name the site, the symptom and the date."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.support import MARKER, WATTPRINT, chromium_run, host_log

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MISSES = {"unparsed", "incomplete", "empty_answer"}  # what a stream of an unknown shape can be, per the adapter


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return chromium_run(tmp_path_factory.mktemp("capture-e2e"), {"mode": "capture", "marker": MARKER})


def _explain(run: dict[str, Any]) -> str:
    brief = [(r["kind"], r["service"], r["modes"], r["source"], r["prompt"]) for r in run["rows"]]
    return f"rows: {brief}\nstate: {run.get('state')}\nhost log:\n{host_log(run['data'])}\ndrive log:\n{run['log']}"


def _searches(run: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in run["rows"] if r["service"] == "google"]


def _letters(text: str) -> int:
    return len(text) - text.count(" ")


def test_searches_inside_the_page_count_once_each(run: dict[str, Any]) -> None:
    plain = [r for r in _searches(run) if r["kind"] == "search" and r["page"] == "https://www.google.com"]
    # first query (page load), second and third (pushState); the repeated third, its page 2 and "back" add nothing.
    got = sorted(sum(r["prompt"].values()) for r in plain)
    want = sorted(_letters(f"{q} query {MARKER}") for q in ("first", "second", "third"))
    assert got == want, _explain(run)


def test_a_country_domain_is_counted(run: dict[str, Any]) -> None:
    uk = [r for r in _searches(run) if r["page"] == "https://www.google.co.uk"]
    assert len(uk) == 1, _explain(run)
    assert uk[0]["kind"] == "search"
    assert sum(uk[0]["prompt"].values()) == _letters(f"country query {MARKER}")


def test_ai_mode_is_an_ai_answer_not_a_plain_search(run: dict[str, Any]) -> None:
    prompt = _letters(f"ai mode question about insulation {MARKER}")
    ai_mode = [r for r in _searches(run) if sum(r["prompt"].values()) == prompt]
    assert len(ai_mode) == 1, _explain(run)  # one AI answer, and no plain search row beside it
    assert ai_mode[0]["kind"] == "chat"
    assert ai_mode[0]["modes"] == ["ai_overview"]
    assert sum(ai_mode[0]["response"].values()) > 0  # the answer shown on the page


def test_a_broken_stream_is_still_counted_from_the_page(run: dict[str, Any]) -> None:
    chats = [r for r in run["rows"] if r["service"] == "chatgpt"]
    assert len(chats) == 2, _explain(run)
    for r in chats:
        assert r["source"] == "page"
        assert sum(r["response"].values()) > 0  # the answer the page showed, not 0 characters
        assert sum(r["prompt"].values()) > 0


def test_the_popup_names_the_site_the_symptom_and_the_date(run: dict[str, Any]) -> None:
    health = run["state"]["health"]["chatgpt"]
    assert health["ok"] is False
    assert health["detail"] in MISSES
    assert health["since"][:10] == dt.datetime.now(dt.UTC).date().isoformat()
    popup = run["popup"]
    assert popup["hidden"] is False
    [site] = [s for s in popup["sites"] if "chatgpt" in s["services"].split(",")]
    assert site["code"] == health["detail"]
    assert "ChatGPT" in site["text"]
    assert "counted from the page" in site["text"]


def test_doctor_names_the_site_the_symptom_and_the_date(run: dict[str, Any]) -> None:
    done = subprocess.run(
        [str(WATTPRINT), "doctor"], env=run["env"], capture_output=True, text=True, timeout=60, check=False
    )
    today = dt.datetime.now(dt.UTC).date().isoformat()
    warnings = [line for line in done.stdout.splitlines() if line.startswith("WARNING: chatgpt: ")]
    assert len(warnings) == 1, done.stdout + done.stderr
    assert f"(since {today})" in warnings[0]
    assert "counted from the page" in warnings[0]


def test_no_query_or_answer_text_reaches_the_data_folder(run: dict[str, Any]) -> None:
    data: Path = run["data"]
    for p in data.rglob("*"):
        if p.is_file():
            assert MARKER.encode() not in p.read_bytes(), p


def test_an_ai_block_left_from_the_last_query_is_not_counted_again(run: dict[str, Any]) -> None:
    # The fixture page keeps the first query's AI block when the page searches again (pushState): the first query
    # has an AI answer, the in-page ones do not; AI Mode is its own row.
    ai_mode = _letters(f"ai mode question about insulation {MARKER}")
    overviews = [
        r
        for r in _searches(run)
        if r["kind"] == "chat" and r["page"] == "https://www.google.com" and sum(r["prompt"].values()) != ai_mode
    ]
    assert [sum(r["prompt"].values()) for r in overviews] == [_letters(f"first query {MARKER}")], _explain(run)
