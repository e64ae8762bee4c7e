"""Hostile messages: every field of every message type, fuzzed with values an attacker would send.

The host must answer every frame with an encodable reply (strict UTF-8 JSON), reject each bad item of a `record` with
its own code while keeping the good items of the same batch, and answer a bad request with error 5 (never echoing a
`req` it cannot trust). Issue 15, findings 1, 8 and 9.
"""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_item
from tests.core.pipe.conftest import HostProcess
from wattprint.core.pipe import framing
from wattprint.core.pipe.host import Host
from wattprint.core.pipe.protocol import UUID_TEXT
from wattprint.core.schemas import BROWSER_ID, MODEL_SLUG, SERVICE_ID
from wattprint.core.store import history

SURROGATES = st.sampled_from(["\ud800", "\udfff", "a\udc00b", "\ud83d"])  # lone halves: valid JSON, not Unicode
NASTY_TEXT = st.one_of(
    SURROGATES,
    st.sampled_from(["", " ", "\n", "\x00", "\x1b[31m", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0",
                     "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\tx", "\rx", "<script>", "'quote'", '"dq"', "a" * 101,
                     "60", "1e3", "true", "null", "chatgpt\n", "https://user:secret@chatgpt.com"]),
    st.text(max_size=120),
)
NOT_STRINGS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)  # fmt: skip
ANYTHING = st.one_of(NASTY_TEXT, NOT_STRINGS)
BAD_COUNTS = st.one_of(
    st.sampled_from(["60", -1, 1.5, 10**7 + 1, True, None, [1], {"latin": 1}]), NASTY_TEXT
)  # fmt: skip
BAD_SCRIPTS = st.one_of(
    st.sampled_from([{"latin": "60"}, {"latin": -1}, {"latin": 1.5}, {"latin": True}, {"evil": 1}, {"\ud800": 1},
                     "latin", [1], 7]),
    NASTY_TEXT,
)


def _not(pattern, values=ANYTHING):
    return values.filter(lambda v: not (isinstance(v, str) and pattern.fullmatch(v)))


# Values each Interaction field must refuse (code 11 for `id`, code 10 for the others).
BAD_FIELDS = {
    "id": _not(UUID_TEXT, st.one_of(ANYTHING, st.builds(lambda: str(uuid.uuid4()) + "\n"))),
    "ts": st.one_of(
        st.sampled_from([1767225600, 1767225600.5, "1767225600", "2026-11-18", "2026-11-18T10:00:00",
                         "2026-11-18T10:00:00Z\n", "2019-01-01T00:00:00Z", "9999-01-01T00:00:00Z", True]),
        NOT_STRINGS.filter(lambda v: v is not None), SURROGATES,
    ),
    "kind": _not(__import__("re").compile("chat|search|image|video")).filter(lambda v: v is not None),
    "service": _not(SERVICE_ID).filter(lambda v: v is not None),
    "model": _not(MODEL_SLUG).filter(lambda v: v is not None),
    "modes": st.one_of(st.sampled_from([["nope"], ["reasoning"] * 9, "reasoning", [1], [None]]), NASTY_TEXT),
    "prompt": BAD_SCRIPTS,
    "response": BAD_SCRIPTS,
    "context": BAD_SCRIPTS,
    "prompt_tokens": BAD_COUNTS.filter(lambda v: v is not None),
    "response_tokens": BAD_COUNTS.filter(lambda v: v is not None),
    "context_tokens": BAD_COUNTS.filter(lambda v: v is not None),
    "images": st.sampled_from(["1", 101, -1, 1.0, True, [1]]),
    "video_seconds": st.sampled_from(["60", -1, 3601, True, "1e3", [60], {"s": 60}]),
    "duration_ms": st.sampled_from(["5", -1, 1.5, 3_600_001, True]),
    "browser": _not(BROWSER_ID).filter(lambda v: v is not None),
    "page": st.one_of(
        st.sampled_from(["https://user:secret@chatgpt.com", "https://user@chatgpt.com", "https://chatgpt.com/c/1",
                         "https://chatgpt.com?q=1", "https://chatgpt.com#x", "javascript:alert(1)",
                         "https://chatgpt.com\n", "HTTPS://CHATGPT.COM", "https://chat gpt.com", ""]),
        NOT_STRINGS.filter(lambda v: v is not None), SURROGATES,
    ),
    "extra": ANYTHING,  # an unknown field
}
GOOD_MODELS = ["gpt-5-thinking", "Claude Sonnet 4.5", "gemini-3-flash", "pplx_reasoning", "claude-sonnet-4-5@20250929",
               "o3 (high)", "gpt-4o", "Kimi K2", "通义千问 Max", None]  # fmt: skip


@st.composite
def good_item(draw):
    return make_item(
        model=draw(st.one_of(st.sampled_from(GOOD_MODELS), st.from_regex(MODEL_SLUG, fullmatch=True))),
        browser=draw(st.sampled_from(["chromium", "chrome", "edge", "brave", "vivaldi", "opera", "firefox"])),
        prompt={"latin": draw(st.integers(0, 10_000)), "cjk": draw(st.integers(0, 500))},
        video_seconds=draw(st.sampled_from([0, 0.0, 12, 7.5])),
    )


@st.composite
def bad_item(draw):
    name = draw(st.sampled_from(sorted(BAD_FIELDS)))
    item = make_item()
    if name == "id":
        item["id"] = draw(BAD_FIELDS["id"])
    else:
        item[name] = draw(BAD_FIELDS[name])
    return name, item


def _reply(host: Host, message: object) -> dict:
    """The host's reply to a message, through the real framing; it must be strict UTF-8 JSON."""
    text = json.dumps(message)  # lone surrogates become \\udXXX escapes, as a hostile page would send them
    reply = host.handle(text.encode())
    frame = framing.encode(reply)
    return json.loads(frame[framing.HEADER.size :].decode("utf-8", "strict"))


@pytest.fixture
def host(data_dir):
    found = Host()
    yield found
    found.close()


def test_every_bad_item_is_rejected_with_its_code_and_the_good_ones_are_kept(host):
    @given(
        goods=st.lists(good_item(), min_size=0, max_size=4),
        bads=st.lists(bad_item(), min_size=1, max_size=4),
        order=st.randoms(use_true_random=False),
    )
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    def run(goods, bads, order):
        items = [("good", item) for item in goods] + list(bads)
        order.shuffle(items)
        before = history.count(host.db())
        reply = _reply(host, {"type": "record", "req": "r-1", "items": [item for _, item in items]})
        assert reply["type"] == "ack", reply
        assert reply["req"] == "r-1"
        rejected = {r["index"]: r for r in reply["rejected"]}
        for index, (name, item) in enumerate(items):
            if name == "good":
                assert item["id"] in reply["stored"], (item, reply)
                assert index not in rejected
            else:
                assert index in rejected, (name, item, reply)
                assert rejected[index]["code"] == (11 if name == "id" else 10), (name, item, rejected[index])
        assert history.count(host.db()) == before + len(goods)

    run()


REQUESTS = {
    "hello": {"type": "hello", "protocol": 1, "extension_version": "0.1.0", "browser": "chromium"},
    "summary": {"type": "summary", "period": "week", "date": "2026-11-18", "first_weekday": 0},
    "settings": {"type": "settings"},
    "health": {"type": "health", "adapters": [{"service": "claude", "ok": False, "since": "2026-11-18T10:00:00Z"}]},
    "record": {"type": "record", "items": []},
}
# Values each request field must refuse with error 5 (6 for a wrong protocol number).
BAD_REQUEST_FIELDS = {
    ("hello", "protocol"): st.sampled_from(["1", 1.0, True, None, [1]]),
    ("hello", "extension_version"): st.sampled_from(["0.1.0\n", "<b>", "\ud800", "x" * 41, "=1+1", 1, "v1"]),
    ("hello", "browser"): _not(BROWSER_ID).filter(lambda v: v is not None),
    ("summary", "period"): st.sampled_from(["month", "\ud800", 1, None]),
    ("summary", "date"): st.sampled_from(["9999-12-31", "0001-01-01", "2026-11-18\n", "2026-02-30", 20261118,
                                          "\ud800", "2026-11-18T00:00:00Z"]),
    ("summary", "first_weekday"): st.sampled_from([7, -1, "0", 0.0, True]),
    ("health", "adapters"): st.sampled_from([[{"service": "Claude", "ok": False}], [{"service": "claude\n", "ok": 1}],
                                             [{"service": "\ud800", "ok": True}],
                                             [{"service": "claude", "ok": True, "since": 1767225600}], "x"]),
    ("record", "items"): st.sampled_from(["x", {"a": 1}, None, 5]),
}


@given(
    case=st.sampled_from(sorted(BAD_REQUEST_FIELDS)).flatmap(
        lambda key: st.tuples(st.just(key), BAD_REQUEST_FIELDS[key])
    ),
)
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_bad_request_field_gets_error_5_and_a_bad_req_is_never_echoed(data_dir, case):
    (kind, name), value = case
    host = Host()
    try:
        message = {**REQUESTS[kind], name: value, "req": "ok-1"}
        reply = _reply(host, message)
        assert reply["type"] == "error", (message, reply)
        assert reply["code"] == 5, (message, reply)
    finally:
        host.close()


@given(kind=st.sampled_from(sorted(REQUESTS)), req=st.one_of(NASTY_TEXT, NOT_STRINGS))
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_req_gets_an_encodable_reply_that_echoes_only_a_plain_req(data_dir, kind, req):
    host = Host()
    try:
        reply = _reply(host, {**REQUESTS[kind], "req": req})
        if "req" in reply:
            assert reply["req"] == req
            assert req.isascii()
            assert req.isprintable()
            assert 0 < len(req) <= 64
        elif req is not None:
            assert (reply["type"], reply["code"]) == ("error", 5), reply
    finally:
        host.close()


def test_the_real_host_survives_a_lone_surrogate_in_every_message_type(data_dir):
    """The audit's crash: `"req": "\\ud800"` (valid JSON) killed the process whatever the message type."""
    process = HostProcess()
    try:
        for kind, message in REQUESTS.items():
            for where in ("req", "type", "extra"):
                body = {**message, where: "\ud800"}
                reply = process.ask(json.dumps(body).encode())
                assert reply["type"] == "error", (kind, where, reply)
                assert reply["code"] in (4, 5), (kind, where, reply)
                assert "req" not in reply
        item = make_item(model="\ud800", browser="a\udfff")
        good = make_item()
        reply = process.ask({"type": "record", "req": "r", "items": [item, good]})
        assert reply["stored"] == [good["id"]]
        assert reply["rejected"][0]["code"] == 10
        assert process.ask({"type": "hello", "protocol": 1, "req": "h"})["type"] == "hello"
    finally:
        assert process.close() == 0


def test_same_id_in_two_cases_is_echoed_as_each_item_sent_it(host):
    lower = str(uuid.uuid4())
    first, second = make_item(id=lower.upper()), make_item(id=lower)
    reply = _reply(host, {"type": "record", "req": "r", "items": [first, second]})
    assert reply["stored"] == [lower.upper()]
    assert reply["duplicate"] == [lower]


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_summary_at_the_ends_of_the_calendar_is_error_5(host, date):
    for period in ("day", "week"):
        reply = _reply(host, {"type": "summary", "period": period, "date": date, "req": "s"})
        assert (reply["type"], reply["code"]) == ("error", 5)


def test_unknown_browser_ids_are_stored_as_other(host):
    item = make_item(browser="librewolf")
    assert _reply(host, {"type": "record", "items": [item]})["stored"] == [item["id"]]
    row = host.db().conn.execute("SELECT browser FROM interactions WHERE id = ?", (item["id"],)).fetchone()
    assert row == ("other",)
