"""Data files are the user's alone, and only Wattprint's own extension may start the host.

The host and the app are started with umask 022 (a usual login default), on a data folder that does not exist yet, so
every folder and file under it is created by them: folders must be 0700, files 0600 (sockets: no group or other bits).
"""

from __future__ import annotations

import stat

import pytest

from tests.conftest import make_item
from tests.security.support import App, Host, app_env

FIREFOX_MANIFEST = "/home/u/.mozilla/native-messaging-hosts/org.wattprint.host.json"


def _modes(root):
    yield root, root.lstat().st_mode
    for path in sorted(root.rglob("*")):
        yield path, path.lstat().st_mode


def test_data_files_are_user_only(tmp_path):
    data = tmp_path / "new" / "wattprint"  # neither folder exists: the host and the app create them
    env = app_env(data)
    host = Host(env, umask=0o022)
    assert host.ask({"type": "hello", "protocol": 1})["type"] == "hello"
    assert len(host.ask({"type": "record", "items": [make_item() for _ in range(10)]})["stored"]) == 10
    app = App(env, tmp_path / "app.log", umask=0o022)
    try:
        app.wait_ready()
        # more writes while the app is open (the host nudges it; -wal and -shm exist now)
        assert len(host.ask({"type": "record", "items": [make_item() for _ in range(10)]})["stored"]) == 10
        assert host.ask({"type": "summary", "period": "week"})["type"] == "summary"
        seen = dict(_modes(tmp_path / "new"))
    finally:
        host.close()
        app.stop()
    seen.update(_modes(tmp_path / "new"))  # and after both closed (rotated logs, checkpointed WAL)
    wrong = []
    kinds = set()
    for path, mode in seen.items():
        perms = stat.S_IMODE(mode)
        if stat.S_ISDIR(mode):
            kinds.add("dir")
            ok = perms == 0o700
        elif stat.S_ISREG(mode):
            kinds.add("file")
            ok = perms == 0o600
        elif stat.S_ISSOCK(mode):
            kinds.add("socket")
            ok = perms & 0o077 == 0
        else:
            ok = False
        if not ok:
            wrong.append(f"{path.relative_to(tmp_path)} {oct(perms)}")
    assert {p.name for p in seen} >= {"history.db", "host.log"}, sorted(seen)
    assert wrong == [], wrong


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/",), id="foreign-chromium-extension"),
        pytest.param(("chrome-extension://ggfcmjnhfijbkiopdachebogicdgfobd.evil/",), id="lookalike-origin"),
        pytest.param((FIREFOX_MANIFEST, "evil@example.org"), id="foreign-firefox-addon"),
        pytest.param((FIREFOX_MANIFEST, "wattprint@wattprint.org.evil"), id="lookalike-firefox-addon"),
        pytest.param((FIREFOX_MANIFEST,), id="firefox-without-addon-id"),
        pytest.param(("https://evil.example",), id="web-origin"),
    ],
)  # fmt: skip
def test_foreign_caller_gets_error_12_and_the_host_exits(tmp_path, args):
    env = app_env(tmp_path / "data")
    host = Host(env, *args)
    reply = host.recv()
    assert (reply["type"], reply["code"]) == ("error", 12)
    assert host.close() == 1  # it exits without reading anything
    assert not (tmp_path / "data" / "history.db").exists()


def test_foreign_caller_cannot_sneak_records_in_before_the_refusal(tmp_path):
    env = app_env(tmp_path / "data")
    host = Host(env, "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")
    assert host.proc.stdin is not None
    from tests.security.support import frame

    try:
        host.proc.stdin.write(frame({"type": "record", "items": [make_item()]}))
        host.proc.stdin.flush()
    except BrokenPipeError:
        pass  # already gone
    assert host.recv()["code"] == 12
    assert host.close() == 1
    assert not (tmp_path / "data" / "history.db").exists()
