"""`wattprint-host` as the browser runs it: a real process, framed bytes in and out, every error code."""

from __future__ import annotations

import json
import socket
import sqlite3
import struct
import threading
import time
import uuid

import pytest

from tests.conftest import CHROMIUM_ORIGIN, make_item
from tests.core.pipe.conftest import HostProcess, frame
from wattprint.core import paths
from wattprint.core.pipe.host import Host
from wattprint.core.store import history


def _stored_ids() -> set[str]:
    db = history.open_db()
    try:
        return {r[0] for r in db.conn.execute("SELECT id FROM interactions")}
    finally:
        db.conn.close()


def test_hello(host):
    reply = host.ask({"type": "hello", "protocol": 1, "extension_version": "0.1.0", "browser": "chromium", "req": "1"})
    assert reply["type"] == "hello"
    assert reply["req"] == "1"
    assert reply["protocol"] == 1
    assert reply["model_version"]
    assert reply["settings"] == {"paused_until": None, "excluded_sites": [], "private_windows": False}
    assert host.close() == 0


def test_first_reply_is_fast():
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        process = HostProcess()
        process.ask({"type": "hello", "protocol": 1})
        best = min(best, time.perf_counter() - start)
        process.close()
    assert best < 1.0  # the benchmark holds the real target (300 ms); a loaded CI machine gets slack here


def test_record_acks_after_commit_with_estimates(host):
    items = [make_item(), make_item(kind="search", service="google", prompt={"latin": 12}, response={})]
    reply = host.ask({"type": "record", "req": "r", "items": items})
    assert reply["type"] == "ack"
    assert reply["req"] == "r"
    assert reply["stored"] == [items[0]["id"], items[1]["id"]]
    assert reply["duplicate"] == []
    assert reply["rejected"] == []
    assert set(reply["estimates"]) == {items[0]["id"], items[1]["id"]}
    est = reply["estimates"][items[0]["id"]]
    assert 0 <= est["energy_wh"]["low"] <= est["energy_wh"]["central"] <= est["energy_wh"]["high"]
    assert _stored_ids() == {items[0]["id"], items[1]["id"]}  # committed before the ack
    again = host.ask({"type": "record", "items": items})
    assert again["stored"] == []
    assert again["duplicate"] == [items[0]["id"], items[1]["id"]]
    assert set(again["estimates"]) == {items[0]["id"], items[1]["id"]}


def test_good_items_are_stored_beside_rejected_ones(host):
    good = make_item()
    unknown = make_item(service="brandnewbot")
    bad_id = make_item(id="not-a-uuid")
    braces = make_item(id="{" + str(uuid.uuid4()) + "}")
    extra = make_item(prompt_text="secret")
    bad_count = make_item(prompt={"latin": -1})
    future = make_item(ts="2099-01-01T00:00:00Z")
    path_page = make_item(page="https://chatgpt.com/c/123")
    reply = host.ask(
        {"type": "record", "items": [good, bad_id, extra, unknown, 7, bad_count, future, path_page, braces]}
    )
    assert reply["stored"] == [good["id"], unknown["id"]]
    codes = {r["index"]: (r["code"], r["id"]) for r in reply["rejected"]}
    assert codes == {
        1: (11, None),
        2: (10, extra["id"]),
        4: (10, None),
        5: (10, bad_count["id"]),
        6: (10, future["id"]),
        7: (10, path_page["id"]),
        8: (11, None),
    }
    assert any("unknown service" in w for w in reply["estimates"][unknown["id"]]["warnings"])
    assert _stored_ids() == {good["id"], unknown["id"]}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"\xff\xfe{}", 1),
        (b'{"type": "hello", "protocol": 1', 2),
        (b'{"type": "record", "items": [{"video_seconds": NaN}]}', 2),
        (b'{"type": "hello", "protocol": Infinity}', 2),
        (b"[1, 2]", 3),
        (b'"hello"', 3),
        (b'{"type": "launch-missiles"}', 4),
        (b'{"protocol": 1}', 5),
        (b'{"type": "hello"}', 5),
        (b'{"type": "hello", "protocol": 1, "extra": true}', 5),
        (b'{"type": "summary", "period": "year"}', 5),
        (b'{"type": "record", "items": {}}', 5),
        (b'{"type": "hello", "protocol": 1, "req": 5}', 5),
        (b'{"type": "hello", "protocol": 2}', 6),
    ],
)
def test_error_codes_keep_the_host_serving(host, raw, code):
    reply = host.ask(raw)
    assert reply["type"] == "error"
    assert reply["code"] == code
    assert reply["message"]
    assert host.ask({"type": "hello", "protocol": 1})["type"] == "hello"


def test_error_echoes_req_when_readable(host):
    reply = host.ask({"type": "nope", "req": "abc"})
    assert (reply["code"], reply["req"]) == (4, "abc")
    reply = host.ask({"type": "hello", "req": "x" * 65, "protocol": 1})
    assert reply["code"] == 5
    assert "req" not in reply


def test_too_many_items(host):
    items = [make_item() for _ in range(501)]
    reply = host.ask({"type": "record", "req": "big", "items": items})
    assert (reply["code"], reply["req"]) == (8, "big")
    assert _stored_ids() == set()
    assert host.ask({"type": "record", "items": items[:500]})["stored"] == [i["id"] for i in items[:500]]


def test_frame_over_limit_ends_the_host(host):
    host.send_raw(struct.pack("=I", 1024 * 1024 + 1) + b"{}")
    reply = host.recv()
    assert reply["code"] == 7
    assert host.close() == 0


def test_frame_at_limit_is_read(host):
    payload = b'{"type": "settings", "pad": "' + b"x" * (1024 * 1024 - 31) + b'"}'
    assert len(payload) == 1024 * 1024
    assert host.ask(payload)["code"] == 5  # read whole, then refused for its extra field
    assert host.ask({"type": "settings"})["type"] == "settings"


def test_truncated_frame_ends_the_host(host):
    host.send_raw(struct.pack("=I", 100) + b'{"type":')
    host.proc.stdin.close()
    reply = host.recv()
    assert reply["code"] == 7
    assert host.proc.wait(10) == 0


def test_truncated_length_prefix_ends_the_host(host):
    host.send_raw(b"\x05\x00")
    host.proc.stdin.close()
    assert host.recv()["code"] == 7
    assert host.proc.wait(10) == 0


def test_end_of_input_between_frames_is_a_clean_exit(host):
    assert host.close() == 0


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/",),
        ("/home/u/.mozilla/native-messaging-hosts/org.wattprint.host.json", "evil@example.org"),
        ("https://evil.example",),
    ],
)
def test_foreign_caller_is_refused(args):
    process = HostProcess(*args) if args else HostProcess("")
    reply = process.recv()
    assert reply["code"] == 12
    assert process.close() == 1
    assert _stored_ids() == set()


def test_firefox_caller_is_served():
    process = HostProcess("/home/u/.mozilla/native-messaging-hosts/org.wattprint.host.json", "wattprint@wattprint.org")
    assert process.ask({"type": "hello", "protocol": 1})["type"] == "hello"
    process.close()


def test_extra_origin_from_environment():
    other = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/"
    process = HostProcess(other, env={"WATTPRINT_ALLOWED_ORIGINS": other})
    assert process.ask({"type": "hello", "protocol": 1})["type"] == "hello"
    process.close()


def test_locked_database_gives_error_9_and_nothing_acked():
    db = history.open_db()
    process = HostProcess(env={"WATTPRINT_BUSY_TIMEOUT_MS": "200"})
    assert process.ask({"type": "hello", "protocol": 1})["type"] == "hello"
    db.conn.execute("BEGIN EXCLUSIVE")
    item = make_item()
    reply = process.ask({"type": "record", "req": "9", "items": [item]})
    assert (reply["type"], reply["code"], reply["req"]) == ("error", 9, "9")
    db.conn.execute("ROLLBACK")
    db.conn.close()
    assert _stored_ids() == set()
    assert process.ask({"type": "record", "items": [item]})["stored"] == [item["id"]]
    process.close()


def test_damaged_database_gives_error_9_and_is_left_alone(data_dir):
    path = paths.history_path()
    path.write_bytes(b"garbage" * 1000)
    process = HostProcess()
    hello = process.ask({"type": "hello", "protocol": 1})
    assert hello["type"] == "hello"  # the extension still learns the settings' defaults and the model version
    reply = process.ask({"type": "record", "items": [make_item()]})
    assert reply["code"] == 9
    assert "doctor --repair" in reply["message"]
    process.close()
    assert path.read_bytes() == b"garbage" * 1000
    assert (data_dir / "host.log").read_text().count("damaged") >= 1


def test_internal_error_is_13_and_the_host_goes_on(monkeypatch):
    host = Host()

    def boom(*args, **kwargs):
        raise RuntimeError("model bug")

    monkeypatch.setattr(Host, "estimator", boom)
    reply = host.handle(json.dumps({"type": "record", "req": "x", "items": [make_item()]}).encode())
    assert (reply["code"], reply["req"]) == (13, "x")
    assert host.handle(b'{"type": "settings"}')["type"] == "settings"
    host.close()


def test_summary_and_settings_and_health(host):
    items = [make_item(ts=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())) for _ in range(3)]
    host.ask({"type": "record", "items": items})
    day = host.ask({"type": "summary", "period": "day", "req": "s"})
    assert (day["type"], day["req"], day["period"], day["count"]) == ("summary", "s", "day", 3)
    week = host.ask({"type": "summary", "period": "week"})
    assert week["count"] >= 3
    assert host.ask({"type": "settings", "req": "4"}) == {
        "type": "settings",
        "req": "4",
        "paused_until": None,
        "excluded_sites": [],
        "private_windows": False,
    }
    adapters = [{"service": "claude", "ok": False, "since": "2026-11-22T10:00:00Z", "detail": "no_submit"}]
    assert host.ask({"type": "health", "req": "5", "adapters": adapters}) == {"type": "ok", "req": "5"}
    assert host.ask({"type": "health", "adapters": [{"service": "claude"}]})["code"] == 5
    db = history.open_db()
    assert history.adapter_health(db)[0]["detail"] == "no_submit"
    db.conn.close()


def test_nudge_reaches_a_listening_app(host):
    path = paths.socket_path()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    server.settimeout(10)
    lines = []

    def accept():
        conn, _ = server.accept()
        with conn:
            lines.append(conn.makefile("rb").readline())

    thread = threading.Thread(target=accept)
    thread.start()
    item = make_item()
    host.ask({"type": "record", "items": [item]})
    thread.join(10)
    server.close()
    assert json.loads(lines[0]) == {"type": "stored", "ids": [item["id"]]}


def test_nothing_listening_is_not_a_failure(host, data_dir):
    (data_dir / "wattprint-default.sock").write_text("stale")  # not a socket at all
    assert host.ask({"type": "record", "items": [make_item()]})["type"] == "ack"


def test_log_goes_to_file_never_stdout(host, data_dir):
    host.ask(b"[]")
    host.close()
    assert "error 3" in (data_dir / "host.log").read_text()


def test_profile_from_environment(data_dir):
    process = HostProcess(CHROMIUM_ORIGIN, env={"WATTPRINT_PROFILE": "demo"})
    item = make_item()
    assert process.ask({"type": "record", "items": [item]})["stored"] == [item["id"]]
    process.close()
    assert (data_dir / "profiles" / "demo" / "history.db").exists()
    assert _stored_ids() == set()
    conn = sqlite3.connect(data_dir / "profiles" / "demo" / "history.db")
    assert conn.execute("SELECT count(*) FROM interactions").fetchone()[0] == 1
    conn.close()


def test_frame_helper_roundtrip():
    assert frame({"a": 1})[4:] == b'{"a": 1}'
