"""A day or week in progress is compared like for like: the same days and hours before, never 2 days against 7."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.conftest import make_item
from wattprint.core.cli import main
from wattprint.core.insight import weektext
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction
from wattprint.core.store import history, queries


def _at(moment: datetime) -> dict[str, object]:
    return make_item(ts=moment.astimezone().isoformat())


def _store(db, estimator, moments: list[datetime]) -> None:
    rows = history.Estimates(estimator).rows([Interaction.model_validate(_at(m)) for m in moments])
    history.store(db, rows)


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


WEDNESDAY = date(2026, 11, 18)  # week of Monday 16 November


def test_week_so_far_against_the_same_days_of_last_week(history_db, estimator) -> None:
    last = WEDNESDAY - timedelta(days=7)
    # Last week: one query on Monday, one on Wednesday morning, five later (Wednesday evening, Friday).
    _store(history_db, estimator, [_local(last - timedelta(days=2), 10), _local(last, 9)]
           + [_local(last, 20)] + [_local(last + timedelta(days=2), 10 + h) for h in range(4)])  # fmt: skip
    # This week so far (Wednesday 12:00): Monday and Wednesday morning, the same as last week by this time.
    _store(history_db, estimator, [_local(WEDNESDAY - timedelta(days=2), 10), _local(WEDNESDAY, 9)])
    now = _local(WEDNESDAY, 12)
    week = queries.week_summary(history_db, load(), WEDNESDAY, now=now)
    assert week["previous"]["count"] == 2
    assert week["previous"]["until"].startswith("2026-11-11T12:00")
    assert week["change"]["count"] == 0.0
    assert weektext.change_sentence(week) == "About the same as last week by this time."
    finished = queries.week_summary(history_db, load(), WEDNESDAY, now=_local(WEDNESDAY + timedelta(days=7), 12))
    assert finished["previous"]["count"] == 7  # a finished week is compared whole
    assert "until" not in finished["previous"]


def test_just_after_midnight_is_not_minus_100_percent(history_db, estimator) -> None:
    yesterday = WEDNESDAY - timedelta(days=1)
    _store(history_db, estimator, [_local(yesterday, 10), _local(yesterday, 15)])
    day = queries.day_summary(history_db, load(), WEDNESDAY, now=_local(WEDNESDAY, 0, 30))
    assert day["previous"]["count"] == 0
    assert day["change"]["energy_wh"] is None
    assert weektext.change_sentence(day) is None
    later = queries.day_summary(history_db, load(), WEDNESDAY, now=_local(WEDNESDAY, 12))
    assert later["previous"]["count"] == 1
    assert weektext.change_sentence(later) == "100% less than yesterday by this time."


def test_cli_and_week_sentences_give_the_same_equivalent(history_db, estimator, capsys) -> None:
    _store(history_db, estimator, [_local(WEDNESDAY, h) for h in range(9, 17)])
    summary = queries.week_summary(history_db, load(), WEDNESDAY)
    like = summary["equivalent"]["text"]
    from wattprint.core.insight import trend

    text = weektext.sentences(summary, trend.days(history_db, queries.week_start(WEDNESDAY)), load())
    assert any(like in sentence for sentence in text)
    assert main(["summary", "--week", "--date", WEDNESDAY.isoformat()]) == 0
    assert like in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_summary_columns_line_up(history_db, estimator, capsys, monkeypatch, lang) -> None:
    monkeypatch.setenv("WATTPRINT_LANG", lang)
    items = [make_item(service=s, ts=_local(WEDNESDAY, 10).isoformat()) for s in ("bing", "chatgpt", "claude")]
    items += [make_item(service="chatgpt", ts=_local(WEDNESDAY, 11 + i).isoformat()) for i in range(11)]
    history.store(history_db, history.Estimates(estimator).rows([Interaction.model_validate(i) for i in items]))
    assert main(["summary", "--date", WEDNESDAY.isoformat()]) == 0
    from wattprint.core.words.i18n import width

    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert len(rows) == 3
    ends = {width(line[: line.rindex(" Wh")].rsplit(" ", 1)[0].rstrip()) for line in rows}  # end of the count column
    assert len(ends) == 1, rows
