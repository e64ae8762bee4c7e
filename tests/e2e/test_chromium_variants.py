"""End to end in headless Chromium over variant fixtures (extension/tests/fixtures/<site>/variants/<name>/): the
shapes a site sends besides its main one, each served under the real host names with the real host storing the rows.
Meta AI's logged-out page posts to graph.meta.ai, its 2026 page talks over a binary gateway WebSocket; the others
are a follow-up, thinking, web search or router variant of their site. Each must give one row with the variant's
model and modes.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from tests.e2e.support import FIXTURES, MARKER, drive, files_containing, fixture_server, host_log, prepare_run, rows

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

VARIANTS = [
    ("metaai", "logged-out-graph"),
    ("metaai", "gateway-socket"),
    ("kimi", "thinking"),
    ("grok", "expert-thinking-search"),
    ("deepseek", "web-search"),
    ("qwen", "thinking-summary"),
    ("huggingchat", "inline-thinking"),
    ("copilot", "smart-logged-out"),
]


def _expected(service: str, variant: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / service / "variants" / variant / "expected.json").read_text())
    return data


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data, profile, env = prepare_run(tmp_path_factory.mktemp("chromium-variants"), "chromium")
    with fixture_server() as server:
        result = drive({
            "mode": "sites",
            "rules": server["hostResolverRules"],
            "userDataDir": str(profile),
            "chats": [{"service": s, "prompts": 1, "variant": v} for s, v in VARIANTS],
            "searches": [],
            "expectHost": True,
            "timeoutMs": 30000,
        }, env)
    result["data"] = data
    result["rows"] = rows(data)
    return result


def _explain(run: dict[str, Any]) -> str:
    got = Counter((r["service"], r["model"], tuple(r["modes"])) for r in run["rows"])
    return f"rows: {dict(got)}\nhost log:\n{host_log(run['data'])}\ndrive log:\n{run['log']}"


def test_every_variant_was_answered_and_delivered(run: dict[str, Any]) -> None:
    assert run["errors"] == [], _explain(run)
    assert run["state"]["outbox"]["count"] == 0
    assert run["state"]["outbox"]["rejected"] == 0
    assert len(run["rows"]) == len(VARIANTS), _explain(run)


@pytest.mark.parametrize(("service", "variant"), VARIANTS)
def test_a_row_with_the_variants_model_and_modes(run: dict[str, Any], service: str, variant: str) -> None:
    expected = _expected(service, variant)
    mine = [r for r in run["rows"] if r["service"] == service and r["model"] == expected["model"]
            and sorted(r["modes"]) == sorted(expected["modes"])]
    assert len(mine) == 1, _explain(run)
    row = mine[0]
    assert row["kind"] == "chat"
    assert row["browser"] == "chromium"
    assert sum(row["response"].values()) > 0, row
    assert sum(row["prompt"].values()) > 0, row


def test_no_prompt_or_answer_text_reaches_the_data_folder(run: dict[str, Any]) -> None:
    assert files_containing(run["data"], MARKER) == []
