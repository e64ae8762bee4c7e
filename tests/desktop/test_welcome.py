"""The "Get started" tab: where the extension is, connecting the browsers for real, and the first query arriving."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.conftest import make_item
from tests.desktop.conftest import open_window, screenshot
from wattprint.core.pipe import extension_files
from wattprint.core.schemas import Interaction
from wattprint.core.store import history
from wattprint.desktop import i18n
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.views import welcome


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built extension in a folder, as the wheel carries it."""
    root = tmp_path / "wattprint" / "extension"
    for browser, packed in extension_files.PACKED.items():
        (root / browser).mkdir(parents=True)
        (root / browser / "manifest.json").write_text("{}")
        (root / packed).write_bytes(b"PK")
    real = extension_files.find
    monkeypatch.setattr(welcome.extension_files, "find", lambda browser: real(browser, [root]))
    return root


@pytest.fixture
def fresh(qtbot: QtBot, built: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot)
    yield win
    win.close()


def test_empty_history_opens_on_get_started_with_the_tab_bar_visible(fresh: MainWindow, built: Path) -> None:
    assert fresh.current_view() is fresh.welcome
    assert fresh.tabs.tabBar().isVisible()
    page = fresh.welcome
    assert page.load_step.state == welcome.DONE
    assert str(built / "chromium") in page.chromium_path.text()
    assert str(built / "wattprint-firefox.xpi") in page.firefox_path.text()
    assert page.connect_step.state == welcome.WAITING
    assert page.query_step.state == welcome.WAITING
    copy = next(b for b in page.findChildren(welcome.QPushButton) if b.text() == "Copy the folder's path")
    copy.click()
    assert QGuiApplication.clipboard().text() == str(built / "chromium")
    screenshot(fresh, "welcome-steps")


def test_missing_extension_says_the_fix(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(welcome.extension_files, "find", lambda browser: None)
    win = open_window(qtbot)
    page = win.welcome
    assert page.load_step.state == welcome.FAILED
    assert "make run" in page.load_step.state_label.text()
    assert not page.load_details.isVisible()
    win.close()


def test_connect_runs_install_host_and_shows_the_result(qtbot: QtBot, fresh: MainWindow) -> None:
    page = fresh.welcome
    page.connect_button.click()
    assert page.connect_step.state == welcome.WAITING
    qtbot.waitUntil(lambda: not page.connecting, timeout=60_000)
    home = Path(os.environ["HOME"])
    manifests = list(home.rglob("org.wattprint.host.json"))
    if manifests:  # a browser is installed on this machine: it is registered
        assert page.connect_step.state == welcome.DONE, page.connect_step.state_label.text()
        assert "Connected:" in page.connect_step.state_label.text()
    else:  # none installed: the failure says the fix
        assert page.connect_step.state == welcome.FAILED
        assert "--browser" in page.connect_step.state_label.text()


def test_first_query_is_shown_arriving(qtbot: QtBot, fresh: MainWindow, estimator) -> None:
    db = history.open_db()
    try:
        item = Interaction.model_validate(make_item(ts="2026-11-18T10:00:00Z", service="claude"))
        history.store(db, history.Estimates(estimator).rows([item]))
    finally:
        db.conn.close()
    page = fresh.welcome
    qtbot.waitUntil(lambda: page.query_step.state == welcome.DONE, timeout=10_000)
    assert "Claude" in page.query_step.state_label.text()
    assert "Wh" in page.query_step.state_label.text()
    assert page.feed_button.isVisible()
    screenshot(fresh, "welcome-first-query")
    page.feed_button.click()
    assert fresh.current_view() is fresh.feed


def test_get_started_in_chinese(qtbot: QtBot, built: Path) -> None:
    i18n.install("zh_CN")
    try:
        win = open_window(qtbot)
        assert win.tabs.tabText(win.tabs.indexOf(win.welcome)) == "开始使用"
        assert "扩展" in win.welcome.load_step.findChildren(welcome.QLabel)[0].text()
        screenshot(win, "zh_CN-welcome-steps")
        win.close()
    finally:
        i18n.reset()
