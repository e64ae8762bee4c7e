"""End to end in headless Firefox ESR: the built Firefox extension installed as a temporary add-on over Marionette, the
real host registered in $HOME/.mozilla/native-messaging-hosts by `wattprint install-host --browser firefox`, the fixture
server on port 443 behind `network.dns.forceResolve`, with a certificate from a test CA imported into the profile with
certutil. A ChatGPT prompt, a Copilot prompt (over the fixture's WebSocket) and a Google search must arrive in
history.db.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.marionette import Marionette
from tests.e2e.support import (
    DIST,
    FIREFOX,
    FIREFOX_PREFS,
    MARKER,
    expected_chat,
    files_containing,
    firefox_profile,
    fixture_server,
    host_log,
    prepare_run,
    rows,
    wait_for,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HOSTS = ["chatgpt.com", "copilot.microsoft.com", "www.google.com"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _user_js(prefs: dict[str, object]) -> str:
    import json

    return "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())


@contextlib.contextmanager
def _firefox(profile: Path, env: dict[str, str]) -> Iterator[Marionette]:
    port = _free_port()
    (profile / "user.js").write_text(_user_js({**FIREFOX_PREFS, "marionette.port": port}))
    # -remote-allow-system-access: Marionette's chrome context, where install_addon sees the content scripts registered.
    proc = subprocess.Popen([str(FIREFOX), "--headless", "--marionette", "-remote-allow-system-access", "--no-remote",
                             "--profile", str(profile), "about:blank"], env={**env, "MOZ_HEADLESS": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    client = None
    try:
        client = Marionette(port, timeout=60)
        client.start_session()
        yield client
    finally:
        if client is not None:
            client.quit()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # Firefox and its content processes, by the group of its id
            proc.wait()


def test_firefox_chatgpt_copilot_and_google_reach_the_database(tmp_path: Path) -> None:
    root, certs = tmp_path / "ff", tmp_path / "certs"  # tmp_path's own data and home belong to the test fixture
    root.mkdir()
    certs.mkdir()
    data, profile, env = prepare_run(root, "firefox")
    manifest = Path(env["HOME"]) / ".mozilla" / "native-messaging-hosts" / "org.wattprint.host.json"
    assert manifest.exists(), f"install-host wrote no {manifest}"

    leaf, key = firefox_profile(profile, certs, [*HOSTS, "claude.ai"])

    expected = expected_chat("chatgpt")
    expected_copilot = expected_chat("copilot")
    with fixture_server(port=443, cert=leaf, key=key), _firefox(profile, env) as ff:
        addon = ff.install_addon(str(DIST / "firefox"))
        assert addon == "wattprint@wattprint.org"
        ff.navigate("https://chatgpt.com/")
        ff.click('[data-testid="send-button"]')
        assert wait_for(lambda: "answered" in ff.script("return document.getElementById('fixture-log').textContent"),
                        15), "the ChatGPT fixture page never answered"
        ff.navigate("https://copilot.microsoft.com/")
        ff.click('button[aria-label="Submit message"]')
        assert wait_for(lambda: "answered" in ff.script("return document.getElementById('fixture-log').textContent"),
                        15), "the Copilot fixture page never answered"
        ff.navigate("https://www.google.com/search?q=heat+pump+firefox")
        ff.script("return new Promise((r) => setTimeout(r, 3000))")  # the AI overview appears and settles
        ff.refresh()
        ff.navigate("https://www.google.com/search?q=heat+pump+firefox&start=10")

        def arrived() -> list[dict[str, object]] | None:
            if not (data / "history.db").exists():
                return None
            got = rows(data)
            return got if len(got) >= 4 else None

        got = wait_for(arrived, 45, interval=0.5)
        assert got, f"rows: {rows(data) if (data / 'history.db').exists() else None}\nhost log:\n{host_log(data)}"
        ff.script("return new Promise((r) => setTimeout(r, 2000))")  # nothing more arrives late
        got = rows(data)

    chat = [r for r in got if r["service"] == "chatgpt"]
    assert len(chat) == 1, got
    assert chat[0]["kind"] == "chat"
    assert chat[0]["model"] == expected["model"]
    assert sorted(chat[0]["modes"]) == sorted(expected["modes"])
    assert chat[0]["browser"] == "firefox"
    assert chat[0]["page"] == "https://chatgpt.com"
    copilot = [r for r in got if r["service"] == "copilot"]
    assert len(copilot) == 1, got
    assert copilot[0]["kind"] == "chat"
    assert copilot[0]["model"] == expected_copilot["model"]
    assert sorted(copilot[0]["modes"]) == sorted(expected_copilot["modes"])  # only the WebSocket hook sees the mode
    assert copilot[0]["browser"] == "firefox"
    assert copilot[0]["page"] == "https://copilot.microsoft.com"
    assert sum(copilot[0]["response"].values()) > 0
    google = sorted((r["kind"], tuple(r["modes"])) for r in got if r["service"] == "google")
    assert google == [("chat", ("ai_overview",)), ("search", ())], got
    assert len(got) == 4
    assert files_containing(data, MARKER) == []
    assert files_containing(data, "heat pump") == []
