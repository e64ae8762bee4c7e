"""Fixtures of the language tests: the app speaking Simplified Chinese, and back to English afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import seeded, settle  # noqa: F401 - fixtures and helpers shared with the desktop tests


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    """Installs the Chinese translations for one test."""
    from wattprint.desktop import i18n

    i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.reset()
