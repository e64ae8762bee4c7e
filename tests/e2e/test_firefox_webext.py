"""The built Firefox extension run by Mozilla's own tool, `web-ext run`, in headless Firefox ESR.

`web-ext run` installs the add-on from extension/dist/firefox as a temporary add-on over Firefox's remote debugging
protocol and opens the start pages: a DuckDuckGo and an Ecosia search, served by the fixture server on port 443 with a
certificate from a test CA the profile trusts. The real host, registered by `wattprint install-host --browser firefox`,
must store exactly one search row for each, and no query text anywhere.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.e2e.support import (
    DIST,
    EXTENSION,
    FIREFOX,
    FIREFOX_PREFS,
    MARKER,
    E2EError,
    files_containing,
    firefox_profile,
    fixture_server,
    host_log,
    prepare_run,
    require,
    rows,
    wait_for,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

WEB_EXT = EXTENSION / "node_modules" / ".bin" / "web-ext"
SEARCHES = {
    "duckduckgo": f"https://duckduckgo.com/?q=heat+pump+web-ext+{MARKER}",
    "ecosia": f"https://www.ecosia.org/search?q=heat+pump+web-ext+{MARKER}",
}


def _pref(name: str, value: object) -> str:
    return f"--pref={name}={str(value).lower() if isinstance(value, bool) else value}"


def test_web_ext_run_captures_searches_into_the_database(tmp_path: Path) -> None:
    require(WEB_EXT, "web-ext (npm --prefix extension install)")
    root, certs = tmp_path / "wx", tmp_path / "certs"
    root.mkdir()
    certs.mkdir()
    data, profile, env = prepare_run(root, "firefox")
    leaf, key = firefox_profile(profile, certs, ["duckduckgo.com", "www.ecosia.org"])
    command = [str(WEB_EXT), "run", "--source-dir", str(DIST / "firefox"), "--target", "firefox-desktop",
               "--firefox", str(FIREFOX), "--firefox-profile", str(profile), "--no-reload", "--no-input",
               "--arg=--headless", *(_pref(k, v) for k, v in FIREFOX_PREFS.items()),
               *(f"--start-url={url}" for url in SEARCHES.values())]  # fmt: skip
    log = tmp_path / "web-ext.log"
    with fixture_server(port=443, cert=leaf, key=key), log.open("w") as out:
        proc = subprocess.Popen(command, env={**env, "MOZ_HEADLESS": "1", "NO_UPDATE_NOTIFIER": "1"}, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        try:

            def arrived() -> list[dict[str, object]] | None:
                got = rows(data) if (data / "history.db").exists() else []
                return got if len(got) >= len(SEARCHES) else None

            got = wait_for(lambda: proc.poll() is not None or arrived(), 60, interval=0.5)
            if proc.poll() is not None:
                raise E2EError(f"web-ext run exited with {proc.returncode}:\n{log.read_text()}")
            assert got, f"rows: {rows(data) if (data / 'history.db').exists() else None}\nhost log:\n{host_log(data)}"
            wait_for(lambda: False, 2)  # nothing more arrives late
            got = rows(data)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)  # web-ext, Firefox and its content processes
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    assert sorted((r["service"], r["kind"], tuple(r["modes"])) for r in got) == [
        ("duckduckgo", "search", ()),
        ("ecosia", "search", ()),
    ], got
    assert {r["browser"] for r in got} == {"firefox"}
    assert {r["page"] for r in got} == {"https://duckduckgo.com", "https://www.ecosia.org"}
    assert files_containing(data, MARKER) == []
    assert files_containing(data, "heat pump") == []
