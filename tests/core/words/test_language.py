"""The language follows the environment at every call, however it is read fast (an estimate asks for it each time)."""

from __future__ import annotations

import pytest

from wattprint.core.words import i18n

VARIABLES = ("WATTPRINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    i18n.use(None)


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "zh_CN"),  # C says nothing: the next variable speaks
    ({"LANG": "zh_TW"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8", "WATTPRINT_LANG": "en"}, "en"),
    ({"LANGUAGE": "de:zh_CN", "LANG": "zh_CN"}, "en"),
])
def test_each_change_of_the_environment_is_heard_at_once(
    monkeypatch: pytest.MonkeyPatch, changes: dict[str, str], expected: str
) -> None:
    assert i18n.language() == "en"
    for name, value in changes.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected
    for name in changes:
        monkeypatch.delenv(name)
    assert i18n.language() == "en", "the language goes back with the environment"


def test_the_app_choice_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.use("en")
    try:
        assert i18n.language() == "en"
    finally:
        i18n.use(None)
    assert i18n.language() == "zh_CN"
