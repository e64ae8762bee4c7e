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
