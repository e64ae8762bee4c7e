"""The app and the tray say the like-for-like comparison the CLI says (issue 16, item 7)."""

from __future__ import annotations

from wattprint.desktop import format as fmt
from wattprint.desktop.mainwindow import MainWindow


def test_change_texts_follow_the_period() -> None:
    day = {"period": "day", "change": {"energy_wh": 25.0}, "previous": {"until": "2026-11-17T12:00+00:00"}}
    assert fmt.change(day) == "25% more than yesterday by this time."
    week = {"period": "week", "change": {"energy_wh": -40.0}, "previous": {"until": "2026-11-11T12:00+00:00"}}
    assert fmt.change(week) == "40% less than last week by this time."
    done = {"period": "week", "change": {"energy_wh": -40.0}, "previous": {}}
    assert fmt.change(done) == "That is 40% less than last week."
    assert fmt.change({"period": "day", "change": {"energy_wh": None}}) == "nothing to compare with yesterday"
    # In progress, with nothing before by this time: said so, since the trend may show queries later that week.
    so_far = {"period": "week", "change": {"energy_wh": None}, "previous": {"until": "2026-11-25T12:00+00:00"}}
    assert fmt.change(so_far) == "none last week by this time (Wednesday 12:00): nothing to compare"
    yesterday = {"period": "day", "change": {"energy_wh": None}, "previous": {"until": "2026-11-25T08:30+01:00"}}
    assert fmt.change(yesterday) == "none yesterday by this time (08:30): nothing to compare"


def test_week_card_and_tray_compare_like_for_like(window: MainWindow) -> None:
    current = window.week_model.current
    assert current is not None
    summary = current.summary
    assert "until" in summary["previous"]  # this week is in progress: compared with the same days and hours
    assert window.week.content.change.text() == fmt.change(summary)
    day = window.tray.today.text()
    assert day.startswith("Today:")
    if summary["previous"]["count"]:
        assert "by this time" in window.week.content.change.text()
