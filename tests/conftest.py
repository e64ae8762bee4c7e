"""Shared fixtures: every test gets its own data folder and home, so nothing touches the user's real history."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points WATTPRINT_DATA_DIR and HOME at a fresh folder for each test."""
    data = tmp_path / "data"
    home = tmp_path / "home"
    data.mkdir()
    home.mkdir()
    monkeypatch.setenv("WATTPRINT_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("WATTPRINT_PROFILE", raising=False)
    return data


# -- history and host fixtures (the pipe) -------------------------------------------------------------------------

CHROMIUM_ORIGIN = "chrome-extension://ggfcmjnhfijbkiopdachebogicdgfobd/"


def make_item(**fields: object) -> dict[str, object]:
    """A valid interaction as the extension sends it, with a fresh UUID; `fields` override."""
    import uuid

    item: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "ts": "2026-11-18T10:00:00Z",
        "kind": "chat",
        "service": "chatgpt",
        "model": None,
        "modes": [],
        "prompt": {"latin": 120},
        "response": {"latin": 900},
        "context": {},
        "browser": "chromium",
        "page": "https://chatgpt.com",
    }
    item.update(fields)
    return item


@pytest.fixture(scope="session")
def estimator():
    """The estimator with the installed model data (built once)."""
    from wattprint.core.model.estimator import Estimator
    from wattprint.core.model.modeldata import load

    return Estimator(load())


@pytest.fixture
def history_db(data_dir: Path):
    """A fresh history database in the test's data folder, at the latest schema."""
    from wattprint.core.store import history

    db = history.open_db()
    yield db
    db.conn.close()
