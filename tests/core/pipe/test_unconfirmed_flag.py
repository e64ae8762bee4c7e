"""The Interaction's `unconfirmed` flag (issue 15, finding 12): the extension marks a chat turn whose prompt the page
never showed, or whose counts it had to cap. The host accepts exactly a JSON boolean there."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from wattprint.core.pipe.protocol import Rejection, check_item
from wattprint.core.schemas import Interaction


def _item(**extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "ts": datetime.now(UTC).isoformat(),
        "kind": "chat",
        "service": "chatgpt",
        "prompt": {"latin": 12},
        **extra,
    }


def test_absent_means_confirmed() -> None:
    got = check_item(0, _item())
    assert isinstance(got, Interaction)
    assert got.unconfirmed is False


def test_true_is_kept() -> None:
    got = check_item(0, _item(unconfirmed=True))
    assert isinstance(got, Interaction)
    assert got.unconfirmed is True


@pytest.mark.parametrize("value", ["true", 1, 0, None, [], {}])
def test_anything_but_a_boolean_is_code_10(value: object) -> None:
    got = check_item(3, _item(unconfirmed=value))
    assert isinstance(got, Rejection)
    assert int(got.code) == 10
    assert got.index == 3


def test_the_host_keeps_how_a_turn_was_read_and_whether_the_page_confirmed_it(host: Any) -> None:
    """Both flags reach the history and come back with the stored interaction (the detail shows them, export carries
    them); a search and an older row have neither."""
    from tests.conftest import make_item
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history, queries

    capped = make_item(source="traffic", unconfirmed=True)
    read_from_page = make_item(source="page")
    search = make_item(kind="search", service="google", response={}, page="https://www.google.com")
    reply = host.ask({"type": "record", "items": [capped, read_from_page, search]})
    assert sorted(reply["stored"]) == sorted(i["id"] for i in (capped, read_from_page, search))
    db = history.open_db()
    try:
        data = load()
        got = {i["id"]: queries.interaction(db, data, str(i["id"])) for i in (capped, read_from_page, search)}
    finally:
        db.conn.close()
    assert got[capped["id"]]["source"] == "traffic"
    assert got[capped["id"]]["unconfirmed"] is True
    assert got[read_from_page["id"]]["source"] == "page"
    assert "unconfirmed" not in got[read_from_page["id"]]
    assert "source" not in got[search["id"]]
    assert "unconfirmed" not in got[search["id"]]
    for stored in got.values():  # what export writes is again a valid interaction, flags and all
        fields = {k: v for k, v in stored.items() if k not in ("day", "estimate")}
        again = check_item(0, fields)
        assert isinstance(again, Interaction)
        assert again.unconfirmed is bool(stored.get("unconfirmed"))
