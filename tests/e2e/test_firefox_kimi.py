"""End to end in headless Firefox ESR for Kimi, whose page sends a prompt as a binary Connect-RPC call: the page posts
one Connect envelope (bytes) and the answer streams back as envelopes. The built Firefox extension reads both and the
real host stores one row with the model the scenario names, the web-search mode and the answer's counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support import (
    DIST,
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
from tests.e2e.test_firefox import _firefox

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_firefox_kimi_connect_call_reaches_the_database(tmp_path: Path) -> None:
    root, certs = tmp_path / "ff", tmp_path / "certs"  # tmp_path's own data and home belong to the test fixture
    root.mkdir()
    certs.mkdir()
    data, profile, env = prepare_run(root, "firefox")
    leaf, key = firefox_profile(profile, certs, ["www.kimi.com"])
    expected = expected_chat("kimi")

    with fixture_server(port=443, cert=leaf, key=key), _firefox(profile, env) as ff:
        assert ff.install_addon(str(DIST / "firefox")) == "wattprint@wattprint.org"
        ff.navigate("https://www.kimi.com/")
        ff.click(".send-button")
        assert wait_for(lambda: "answered" in ff.script("return document.getElementById('fixture-log').textContent"),
                        15), "the Kimi fixture page never answered"

        def arrived() -> list[dict[str, object]] | None:
            if not (data / "history.db").exists():
                return None
            got = rows(data)
            return got or None

        got = wait_for(arrived, 45, interval=0.5)
        assert got, f"rows: {rows(data) if (data / 'history.db').exists() else None}\nhost log:\n{host_log(data)}"
        ff.script("return new Promise((r) => setTimeout(r, 2000))")  # nothing more arrives late
        got = rows(data)

    assert len(got) == 1, got
    row = got[0]
    assert row["service"] == "kimi"
    assert row["kind"] == "chat"
    assert row["browser"] == "firefox"
    assert row["page"] == "https://www.kimi.com"
    assert row["model"] == expected["model"] == "k2.6"
    assert sorted(row["modes"]) == sorted(expected["modes"])
    assert sum(row["prompt"].values()) > 0
    assert sum(row["response"].values()) > 0
    assert files_containing(data, MARKER) == []
