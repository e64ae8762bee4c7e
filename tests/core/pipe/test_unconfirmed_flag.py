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
