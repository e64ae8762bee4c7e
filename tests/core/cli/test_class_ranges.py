"""`wattprint class`: the per-service and per-student energies keep their ranges, from real shares of demo histories.

A share carries each day and service's energy, carbon and water as low / central / high, so every energy the class
totals print has its range; query counts are exact and have none.
"""

from __future__ import annotations

import json
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from wattprint.core.cli import main
from wattprint.core.insight import demo, share
from wattprint.core.insight.classroom import energy_range_text
from wattprint.core.model.modeldata import load
from wattprint.core.store import queries

LAST_WEEK = date.today() - timedelta(days=7)  # a whole week of a 14-day demo history
START = queries.week_start(LAST_WEEK)
STUDENTS = ("ana", "ben", "cleo", "dev")  # an even number: the median is the mean of the middle two
Triple = tuple[float, float, float]


def _energy(db, where: str = "1") -> list[tuple[str, float, float, float]]:
    return db.conn.execute(
        "SELECT service, sum(energy_low), sum(energy_central), sum(energy_high) FROM interactions"
        f" WHERE day BETWEEN ? AND ? AND {where} GROUP BY service",
        (START.isoformat(), (START + timedelta(days=6)).isoformat()),
    ).fetchall()


@pytest.fixture
def handed_in(tmp_path: Path) -> tuple[Path, list[dict[str, Triple]]]:
    """Four students' shares of last week (each a demo history in a profile of its own), and each student's energy
    per service summed straight from the interactions."""
    from wattprint.core.store import history

    code = share.class_code(create=True)
    assert code is not None
    folder = tmp_path / "handed-in"
    folder.mkdir()
    truth = []
    for seed, name in enumerate(STUDENTS):
        db = history.open_db(profile=name)
        demo.generate(db, days=14 - seed, seed=seed)  # students who used it on fewer days too
        truth.append({service: (low, central, high) for service, low, central, high in _energy(db)})
        share.write(folder / f"{name}.json", share.build(db, load(), LAST_WEEK, code, profile=name))
        db.conn.close()
    return folder, truth


def _sum(triples: list[Triple]) -> Triple:
    return (sum(t[0] for t in triples), sum(t[1] for t in triples), sum(t[2] for t in triples))


def test_class_json_has_service_and_student_ranges(handed_in, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["class", "show", "--json"]) == 0  # nothing imported yet: zeros, never an error
    empty = json.loads(capsys.readouterr().out)
    assert empty["per_student_ranges_wh"]["median"] == {"low": 0.0, "central": 0.0, "high": 0.0}
    folder, truth = handed_in
    assert main(["class", "import", str(folder), "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert totals["students"] == len(STUDENTS)
    services = {s["service"]: s for s in totals["services"]}
    assert set(services) == {name for student in truth for name in student}
    for name, item in services.items():
        low, central, high = _sum([student[name] for student in truth if name in student])
        assert item["energy_wh"] == pytest.approx(central, rel=1e-5)  # unchanged: the central value
        assert item["energy_range_wh"] == pytest.approx({"low": low, "central": central, "high": high}, rel=1e-5)
        assert low < central < high
    per_student = sorted((_sum(list(student.values())) for student in truth), key=lambda t: t[1])
    ranges = totals["per_student_ranges_wh"]
    assert tuple(ranges["min"].values()) == pytest.approx(per_student[0], rel=1e-5)
    assert tuple(ranges["max"].values()) == pytest.approx(per_student[-1], rel=1e-5)
    middle = [(a + b) / 2 for a, b in zip(per_student[1], per_student[2], strict=True)]
    assert tuple(ranges["median"].values()) == pytest.approx(middle, rel=1e-5)
    assert ranges["median"]["central"] == pytest.approx(statistics.median(t[1] for t in per_student), rel=1e-5)
    assert [ranges[k]["central"] for k in ("min", "median", "max")] == pytest.approx(
        list(totals["per_student_wh"].values())  # the same students as the central spread
    )


def test_class_lines_show_service_and_student_ranges(handed_in, capsys: pytest.CaptureFixture[str]) -> None:
    folder, truth = handed_in
    assert main(["class", "import", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    totals = share.totals(share.stored())
    least, median, most = totals.per_student_ranges_wh
    spread = f"Per student: least {energy_range_text(*least)}, median {energy_range_text(*median)}, most "
    assert f"{spread}{energy_range_text(*most)}" in lines
    assert energy_range_text(*least).endswith(")")  # a real range: "100 Wh (40–500)"
    chatgpt = _sum([student["chatgpt"] for student in truth])
    row = next(line for line in lines if line.strip().startswith("chatgpt"))
    assert row.endswith(f"  {energy_range_text(*chatgpt)}")  # shares keep 6 figures; the line shows 1 or 2
    service_rows = [line for line in lines if " queries  " in line]
    assert len(service_rows) == len(totals.services)
    assert all(line.endswith(")") and "–" in line for line in service_rows)
    assert any(line.startswith("Queries per student: least ") and "(" not in line for line in lines)  # exact counts


def test_class_lines_in_chinese(handed_in, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    folder, _truth = handed_in
    monkeypatch.setenv("WATTPRINT_LANG", "zh_CN")
    assert main(["class", "import", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    student = next(line for line in lines if line.startswith("每名学生："))
    assert student.count("（") == 3  # least, median and most, each with its range
    assert all(line.endswith("）") for line in lines if "次查询  " in line)
