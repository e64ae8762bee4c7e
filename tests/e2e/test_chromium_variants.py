"""End to end in headless Chromium: the evidence variants of every chatbot (extension/tests/fixtures/<site>/<variant>/,
each described in that site's EVIDENCE.md; those marked "e2e" in their expected.json) served under the real host
names, with the built extension and the real `wattprint-host` writing history.db.

They are the shapes a site sends besides its main one: follow-ups, thinking, web search, research and stopped answers;
ChatGPT's handoff and resume and Le Chat's newChat then /api/chat (two requests, one turn); Kimi's binary Connect call;
Meta AI's logged-out page posting to graph.meta.ai and its 2026 page talking over a binary gateway WebSocket; Copilot
logged out. Each site's variant pages are visited one after another (sites in parallel), so a site's rows come back
in the order of its variants; each must carry the variant's model (the one that ran, not the request's alias) and
modes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.e2e.support import (
    FIXTURES,
    MARKER,
    chromium_sites_run,
    files_containing,
    host_log,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

SITES = ["chatgpt", "claude", "gemini", "perplexity", "lechat",
         "metaai", "kimi", "grok", "deepseek", "qwen", "huggingchat", "copilot"]


def _variants(service: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for d in sorted(p for p in (FIXTURES / service).iterdir() if (p / "expected.json").exists()):
        expected = json.loads((d / "expected.json").read_text())
        if expected.get("e2e"):
            out.append((d.name, expected))
    return out


VARIANTS = {s: _variants(s) for s in SITES}
CASES = [(s, i) for s in SITES for i in range(len(VARIANTS[s]))]


def test_every_site_has_an_end_to_end_variant() -> None:
    assert [s for s in SITES if not VARIANTS[s]] == []


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    chats = [{"service": s, "variants": [name for name, _ in VARIANTS[s]]} for s in SITES]
    return chromium_sites_run(tmp_path_factory.mktemp("chromium-variants"), chats, [], timeout=420)


def _explain(run: dict[str, Any]) -> str:
    got = [(r["service"], r["model"], r["modes"]) for r in run["rows"]]
    return f"rows: {got}\nhost log:\n{host_log(run['data'])}\ndrive log:\n{run['log']}"


def test_every_variant_was_answered_and_delivered(run: dict[str, Any]) -> None:
    assert run["errors"] == [], _explain(run)
    assert run["state"]["outbox"]["count"] == 0
    assert run["state"]["outbox"]["rejected"] == 0, "the host rejected items the extension built"
    for s in SITES:
        got = [r for r in run["rows"] if r["service"] == s]
        assert len(got) == len(VARIANTS[s]), f"{s}: {len(got)} rows for {len(VARIANTS[s])} variants\n{_explain(run)}"
    assert len(run["rows"]) == len(CASES), _explain(run)


@pytest.mark.parametrize(("service", "index"), CASES,
                         ids=[f"{s}-{VARIANTS[s][i][0]}" for s, i in CASES])
def test_variant_row_has_the_evidence_model_and_modes(run: dict[str, Any], service: str, index: int) -> None:
    name, expected = VARIANTS[service][index]
    got = [r for r in run["rows"] if r["service"] == service]
    assert len(got) > index, _explain(run)
    r = got[index]
    assert r["kind"] == "chat"
    assert r["browser"] == "chromium"
    assert r["model"] == expected["model"], f"{name}: {r['model']}"
    assert sorted(r["modes"]) == sorted(expected["modes"]), f"{name}: {r['modes']}"
    if expected.get("response_text"):
        assert sum(r["response"].values()) > 0, f"{name}: empty answer"
    else:  # a turn whose stream carries no answer (deep research: the report comes later)
        assert sum(r["response"].values()) == 0, f"{name}: an answer where the stream has none"
    if expected["prompt_text"]:
        assert sum(r["prompt"].values()) > 0, f"{name}: empty prompt"
    assert r["images"] == expected["images"], f"{name}: {r['images']} images"
    if expected.get("parsed") and expected.get("complete"):  # read from the site's own traffic, not the page's text
        assert r.get("source") == "traffic", f"{name}: counted from {r.get('source')}"


def test_no_prompt_or_answer_text_reaches_the_data_folder(run: dict[str, Any]) -> None:
    assert files_containing(run["data"], MARKER) == []
    assert MARKER not in json.dumps(run["storage"], ensure_ascii=False)
