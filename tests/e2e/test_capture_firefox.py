"""End to end in headless Firefox ESR with the real host: a search made inside the page (pushState), a Google country
domain, and a chatbot whose stream changed shape, counted from the page and reported unhealthy after two misses.
Set-up as in test_firefox.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.support import DIST, MARKER, firefox_setup, fixture_server, host_log, rows, wait_for
from tests.e2e.test_firefox import _firefox
from wattprint.core.store import history

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

HOSTS = ["chatgpt.com", "www.google.com", "www.google.de"]


def _letters(text: str) -> int:
    return len(text) - text.count(" ")


def test_firefox_in_page_search_country_domain_and_a_broken_stream(tmp_path: Path) -> None:
    data, env, profile, leaf, key = firefox_setup(tmp_path, HOSTS)

    def sleep(ms: int) -> None:
        ff.script(f"return new Promise((r) => setTimeout(r, {ms}))")

    page = "(window.wrappedJSObject || window)"
    with fixture_server(port=443, cert=leaf, key=key), _firefox(profile, env) as ff:
        assert ff.install_addon(str(DIST / "firefox")) == "wattprint@wattprint.org"
        ff.navigate(f"https://www.google.de/search?q=first+query+{MARKER}")
        sleep(2500)
        ff.script(f"{page}.searchInPage('second query {MARKER}')")
        sleep(2500)
        ff.navigate("https://chatgpt.com/?broken=1")
        for n in (1, 2):
            ff.click('[data-testid="send-button"]')
            assert wait_for(lambda n=n: ff.script(f"return {page}.__answered || 0") >= n, 15)
            sleep(4000)

        def arrived() -> list[dict[str, object]] | None:
            if not (data / "history.db").exists():
                return None
            db = history.open_db(data / "history.db")
            try:
                unhealthy = {a["service"]: a["detail"] for a in history.adapter_health(db) if not a["ok"]}
                sick = unhealthy.get("chatgpt")
            finally:
                db.conn.close()
            got = rows(data)
            chats = [r for r in got if r["service"] == "chatgpt"]
            return (got, unhealthy) if len(chats) == 2 and sick else None

        found = wait_for(arrived, 45, interval=0.5)
        assert found, f"rows: {rows(data) if (data / 'history.db').exists() else None}\nhost log:\n{host_log(data)}"
        got, unhealthy = found

    searches = sorted(sum(r["prompt"].values()) for r in got if r["service"] == "google" and r["kind"] == "search")
    assert searches == sorted(_letters(f"{q} query {MARKER}") for q in ("first", "second")), got
    assert {r["page"] for r in got if r["service"] == "google"} == {"https://www.google.de"}
    chats = [r for r in got if r["service"] == "chatgpt"]
    assert [r["source"] for r in chats] == ["page", "page"]
    assert all(sum(r["response"].values()) > 0 for r in chats)
    assert all(r["browser"] == "firefox" for r in chats)
    # Only the broken site is named: the sites whose access the add-on holds are not reported withdrawn.
    assert set(unhealthy) == {"chatgpt"}, unhealthy
    assert unhealthy["chatgpt"] in {"unparsed", "incomplete", "empty_answer"}
