"""The settings view: region and grid, retention, pause, data folder, browsers, export / import, delete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot, settle
from wattprint.core.store import history, preferences, settings
from wattprint.desktop.mainwindow import MainWindow


def test_region_and_grid_are_saved(window: MainWindow) -> None:
    view = window.settings
    view.region.setCurrentIndex(view.region.findData("FR"))
    view.zone.setCurrentIndex(view.zone.findData("SWE"))
    view.weekly.setChecked(True)
    stored = preferences.read(window.session.db)  # type: ignore[union-attr]
    assert (stored.region, stored.zone, stored.weekly_notification) == ("FR", "SWE", True)
    assert window.compare_model.zone == "SWE"


def test_pause_and_resume(window: MainWindow) -> None:
    view = window.settings
    view.pause_hour.click()
    assert settings.is_paused(settings.read(window.session.db))  # type: ignore[union-attr]
    assert view.pause_status.text().startswith("Paused until")
    assert "paused" in window.status.text()
    view.resume.click()
    assert not settings.is_paused(settings.read(window.session.db))  # type: ignore[union-attr]
    view.pause_tomorrow.click()
    assert settings.is_paused(settings.read(window.session.db))  # type: ignore[union-attr]


def test_retention_deletes_older_rows(qtbot: QtBot, window: MainWindow, seeded: int) -> None:
    view = window.settings
    view.retention.setValue(7)
    with qtbot.waitSignal(window.settings_model.message, timeout=10_000):
        view.apply_retention.click()
    assert preferences.read(window.session.db).retention_days == 7  # type: ignore[union-attr]
    assert 0 < history.count(window.session.db) < seeded  # type: ignore[union-attr]
    assert "Deleted" in view.status.text()


def test_delete_everything_asks_first(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: next(answers))
    assert not window.settings.confirm_delete()
    assert history.count(window.session.db) > 0  # type: ignore[union-attr]
    window.settings.delete.click()
    assert history.count(window.session.db) == 0  # type: ignore[union-attr]
    assert window.feed_model.rowCount() == 0


def test_export_then_import(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path, window: MainWindow, seeded: int
) -> None:
    out = tmp_path / "history.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    with qtbot.waitSignal(window.settings_model.message, timeout=20_000):
        window.settings.export.click()
    lines = out.read_text().splitlines()
    assert len(lines) == seeded
    assert "estimate" in json.loads(lines[0])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.settings.delete.click()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(out), ""))
    with qtbot.waitSignal(window.settings_model.message, timeout=20_000):
        window.settings.import_.click()
    assert history.count(window.session.db) == seeded  # type: ignore[union-attr]
    assert "Imported" in window.settings.status.text()
    settle(qtbot, window)


def test_browser_connections_follow_the_manifests(data_dir: Path, window: MainWindow) -> None:
    view = window.settings
    assert "No browser is connected" in view.browsers.text()
    manifest = Path.home() / ".config/chromium/NativeMessagingHosts/org.wattprint.host.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("{}")
    view.refresh()
    assert "⚠ Chromium" in view.browsers.text()
    assert "Chromium: wrong host name" in view.browsers.text()


def test_connect_browsers_runs_install_host(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.settings_model.message, timeout=30_000) as blocker:
        window.settings.connect_browsers.click()
    assert "install-host" in blocker.args[0] or "connected" in blocker.args[0]
    process = window.settings_model.process
    assert process is not None
    process.waitForFinished(5000)


def test_open_folder_opens_the_data_folder(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    opened = []
    monkeypatch.setattr("wattprint.desktop.views.settings.QDesktopServices.openUrl", opened.append)
    window.settings.open_folder.click()
    assert opened[0].toLocalFile() == str(window.session.folder)  # type: ignore[union-attr]
    assert window.settings.folder.text() == str(window.session.folder)  # type: ignore[union-attr]
    window.show_view(3)
    screenshot(window, "settings")
