"""`wattprint summary --week` gives every service its range, in its lines and in its JSON (without breaking
`services[].energy_wh`, the central value PROTOCOL.md documents)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from wattprint.core.cli import main
from wattprint.core.insight import demo
from wattprint.core.store import history, queries
from wattprint.core.words import units

LAST_WEEK = date.today() - timedelta(days=7)  # a whole week of the 14-day demo history, whatever the day today
DAY = LAST_WEEK.isoformat()


@pytest.fixture
def demo_week(capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[float, float, float]]:
    """The demo profile's history, and each service's energy this week summed straight from its interactions."""
    assert main(["demo", "--days", "14", "--seed", "3"]) == 0
    capsys.readouterr()
    db = history.open_db(profile=demo.DEMO_PROFILE)
    start = queries.week_start(LAST_WEEK)
    rows = db.conn.execute(
        "SELECT service, sum(energy_low), sum(energy_central), sum(energy_high) FROM interactions"
        " WHERE day BETWEEN ? AND ? GROUP BY service",
        (start.isoformat(), (start + timedelta(days=6)).isoformat()),
    ).fetchall()
    db.conn.close()
    return {service: (low, central, high) for service, low, central, high in rows}


def test_json_services_keep_energy_wh_and_add_its_range(demo_week, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "demo", "summary", "--week", "--date", DAY, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    services = result["services"]
    assert {s["service"] for s in services} == set(demo_week)
    for s in services:
        low, central, high = demo_week[s["service"]]
        assert isinstance(s["energy_wh"], float)  # unchanged: the central value, as consumers read it
        assert s["energy_wh"] == pytest.approx(central)
        assert s["energy_wh_range"] == pytest.approx({"low": low, "central": central, "high": high})
        assert low < central < high
    for end in ("low", "central", "high"):  # the services add up to the week, end with end
        assert sum(s["energy_wh_range"][end] for s in services) == pytest.approx(result["energy_wh"][end])


def test_service_lines_show_their_range(demo_week, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "demo", "summary", "--week", "--date", DAY]) == 0
    out = capsys.readouterr().out
    assert "ChatGPT" in out
    chatgpt = next(line for line in out.splitlines() if line.strip().startswith("ChatGPT"))
    central, low, high = units.in_range(*(demo_week["chatgpt"][i] for i in (1, 0, 2)))
    assert chatgpt.endswith(f"  {central} Wh (range {low} to {high})")
    service_lines = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(service_lines) == len(demo_week)
    assert all(line.endswith(")") and "(range " in line for line in service_lines)


def test_service_lines_in_chinese(demo_week, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("WATTPRINT_LANG", "zh_CN")
    assert main(["--profile", "demo", "summary", "--week", "--date", DAY]) == 0
    service_lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert len(service_lines) == len(demo_week)
    assert all("（范围 " in line and " 至 " in line for line in service_lines)
