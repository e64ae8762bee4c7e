"""The app names a site whose capture broke: the site, the symptom and the date, from the extension's health report;
the warning goes away when the site is healthy again."""

from __future__ import annotations

from tests.desktop.conftest import screenshot
from wattprint.core.store import history
from wattprint.desktop.mainwindow import MainWindow


def _report(ok: bool) -> None:
    db = history.open_db()
    try:
        detail = None if ok else "unparsed"
        adapter = {"service": "claude", "ok": ok, "since": "2026-12-01T09:30:00+00:00", "detail": detail}
        history.record_health(db, [adapter], "firefox")
    finally:
        db.conn.close()


def test_the_status_bar_names_a_broken_site_until_it_recovers(window: MainWindow) -> None:
    assert window.capture_warning.isHidden()
    _report(ok=False)
    window._history_changed([])  # what the app's live updates call after another process commits
    assert window.capture_warning.isVisible()
    text = window.capture_warning.text()
    assert text == "claude: answers could not be read from the traffic; counted from the page (since 2026-12-01)"
    screenshot(window, "capture-warning")
    _report(ok=True)
    window._history_changed([])
    assert window.capture_warning.isHidden()
