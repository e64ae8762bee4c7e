"""A hostile page against the built extension in real headless Chromium, with the real host (issue 15, findings 11-15).

The page's own scripts flood ChatGPT's conversation endpoint (300 requests with an aborted signal, 30 real ones, each
after a synthetic click and Enter), sniff for the hook's channel by replacing `EventTarget.prototype.dispatchEvent` and
`CustomEvent`, poison `JSON.parse` so the user's prompt claims 3,000,000 characters, fingerprint the wrappers and look
for the in-page badge. The user does two things: one click on ChatGPT's send button, and one on Claude's, a site the
user switched off. The history must get exactly what the user did: one ChatGPT row of plausible size, nothing else.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.support import (
    E2E_JS,
    EXTENSION,
    E2EError,
    chromium_setup,
    fixture_server,
    host_log,
    rows,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

NATIVE = "function {}() {{ [native code] }}"


def _attack(config: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(["node", str(E2E_JS / "attack.mjs"), json.dumps(config)], env=env, capture_output=True,
                          text=True, timeout=240, cwd=EXTENSION)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    if done.returncode != 0 or "fatal" in result:
        raise E2EError(f"attack.mjs failed ({done.returncode}): {result.get('fatal')}\nstderr: {done.stderr[-4000:]}")
    result["log"] = done.stderr
    return result


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data, profile, env = chromium_setup(tmp_path_factory.mktemp("chromium-attack"))
    with fixture_server() as server:
        config = {"rules": server["hostResolverRules"], "userDataDir": str(profile)}
        if os.environ.get("WATTPRINT_ATTACK_EXTENSION"):  # another build, e.g. an older one, to see these tests fail
            config["extensionDir"] = os.environ["WATTPRINT_ATTACK_EXTENSION"]
        result = _attack(config, env)
    deadline = time.monotonic() + 10
    while not (data / "history.db").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    result["data"] = data
    result["rows"] = rows(data)
    return result


def _explain(run: dict[str, Any]) -> str:
    data: Path = run["data"]
    shown = {k: v for k, v in run.items() if k not in ("rows", "data", "log")}
    return f"result: {json.dumps(shown)[:3000]}\nrows: {run['rows']}\nhost log: {host_log(data)}\nlog: {run['log']}"


def test_the_history_holds_only_what_the_user_did(attacked: dict[str, Any]) -> None:
    got = attacked["rows"]
    assert [r["service"] for r in got] == ["chatgpt"], _explain(attacked)


def test_a_flood_without_user_action_queues_nothing(attacked: dict[str, Any]) -> None:
    # Finding 11: aborted requests, requests that reached the server, synthetic clicks and Enter: none is a query.
    assert attacked["queuedByFlood"] == 0, _explain(attacked)
    assert attacked["state"]["outbox"]["count"] == 0
    assert attacked["state"]["outbox"]["dropped"] == 0


def test_the_hook_channel_cannot_be_learned(attacked: dict[str, Any]) -> None:
    # Finding 12: the hook captured dispatchEvent and CustomEvent at start, and no longer answers pings.
    flood = attacked["flood"]
    assert flood["channels"] == [], flood
    assert flood["hellos"] == [], flood


def test_poisoned_counts_are_bounded_by_what_the_page_shows(attacked: dict[str, Any]) -> None:
    # Finding 12: the page's JSON.parse claimed a 3,000,000-character prompt; the page showed far less.
    (row,) = [r for r in attacked["rows"] if r["service"] == "chatgpt"]
    claimed = sum(row["prompt"].values()) + sum(row["response"].values()) + sum(row["context"].values())
    counts = {k: row[k] for k in ("prompt", "response", "context")}
    assert 0 < claimed <= 2 * attacked["visibleChars"] + 2000, (claimed, attacked["visibleChars"], counts)


def test_wrappers_look_native(attacked: dict[str, Any]) -> None:
    # Finding 13.
    fp = attacked["fingerprint"]
    assert fp["fetch"] == NATIVE.format("fetch")
    assert fp["toString"] == NATIVE.format("toString")
    assert fp["toStringString"] == NATIVE.format("toString")
    assert fp["xhrSend"] == NATIVE.format("send")
    assert fp["xhrOpen"] == NATIVE.format("open")
    assert fp["webSocket"] == NATIVE.format("WebSocket")
    assert fp["eventSource"] == NATIVE.format("EventSource")
    assert (fp["fetchLength"], fp["fetchName"], fp["fetchHasPrototype"], fp["xhrSendLength"]) == (1, "fetch", False, 0)
    assert fp["wsConstructor"]
    assert fp["esConstructor"]
    for stack in fp["stacks"]:
        assert "chrome-extension://" not in stack, stack
        assert "page-hook" not in stack, stack


def test_the_page_cannot_read_the_badge(attacked: dict[str, Any]) -> None:
    # Finding 14: the badge was shown (a host element on <html>), but in a closed shadow root.
    badge = attacked["badge"]
    assert badge["htmlChildren"].count("DIV") == 1, badge
    assert not badge["byId"]
    assert badge["textWithWh"] == []
    assert badge["openRoots"] == 0


def test_a_switched_off_site_gets_no_script(attacked: dict[str, Any]) -> None:
    # Finding 15: Wattprint's isolated world exists on ChatGPT's page, and on Claude's (switched off) there is none.
    assert "Wattprint" in attacked["chatgptWorlds"], attacked["chatgptWorlds"]
    assert "Wattprint" not in attacked["claudeWorlds"], attacked["claudeWorlds"]
    assert not [r for r in attacked["rows"] if r["service"] == "claude"]
