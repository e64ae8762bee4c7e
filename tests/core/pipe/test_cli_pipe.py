"""The CLI commands over the history: export, import, summary, doctor, and bad input."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import make_item
from wattprint.core import paths
from wattprint.core.cli import main
from wattprint.core.schemas import Interaction
from wattprint.core.store import history, migrations


def _fill(estimator, items):
    db = history.open_db()
    history.store(db, history.Estimates(estimator).rows([Interaction.model_validate(i) for i in items]))
    db.conn.close()


def _items():
    return [
        make_item(
            ts=f"2026-11-{day:02d}T10:00:00Z", service=s, kind=k, response={"latin": 100 * day} if k == "chat" else {}
        )
        for day in range(9, 16)
        for s, k in (("chatgpt", "chat"), ("google", "search"))
    ]


def test_export_import_round_trip_is_idempotent(estimator, tmp_path, capsys, monkeypatch):
    items = _items()
    _fill(estimator, items)
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {len(items)} interactions to {out}\n"
    exported = json.loads(out.read_text())
    assert {e["id"] for e in exported} == {i["id"] for i in items}
    assert all("estimate" in e and e["estimate"]["energy_wh"]["central"] > 0 for e in exported)
    # Into another profile: everything stored; a second import stores nothing new.
    monkeypatch.setenv("WATTPRINT_PROFILE", "copy")
    assert main(["import", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"stored": len(items), "duplicate": 0, "rejected": []}
    assert main(["import", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"stored": 0, "duplicate": len(items), "rejected": []}
    second = tmp_path / "second.json"
    assert main(["export", "-o", str(second)]) == 0
    assert json.loads(second.read_text()) == exported


def test_export_since_and_csv(estimator, capsys):
    _fill(estimator, _items())
    assert main(["export", "--format", "csv", "--since", "2026-11-14"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4
    assert {r["day"] for r in rows} <= {"2026-11-14", "2026-11-15"}
    assert float(rows[0]["energy_wh_central"]) > 0


def test_import_reports_rejected_items(tmp_path, capsys):
    good = make_item()
    path = tmp_path / "in.json"
    path.write_text(json.dumps([good, make_item(id="bad"), {**make_item(), "kind": "poem"}]))
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 stored, 0 already there, 2 rejected")


@pytest.mark.parametrize("content", [b"not json at all {", b"\xff\xfe", b'{"a": NaN}', b"42"])
def test_import_bad_file_changes_nothing(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wattprint: error:")
    assert "Traceback" not in err
    assert not paths.history_path(create=False).exists()


def test_import_missing_file(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_summary_numbers_equal_sums_of_rows(estimator, capsys):
    _fill(estimator, _items())
    assert main(["summary", "--week", "--date", "2026-11-12", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    conn = sqlite3.connect(paths.history_path())
    count, central, high = conn.execute(
        "SELECT count(*), sum(energy_central), sum(energy_high) FROM interactions"
        " WHERE day BETWEEN '2026-11-09' AND '2026-11-15'"
    ).fetchone()
    conn.close()
    assert result["count"] == count == 14
    assert result["search_count"] == 7
    assert result["energy_wh"]["central"] == pytest.approx(central)
    assert result["energy_wh"]["high"] == pytest.approx(high)
    assert main(["summary", "--day", "--date", "2026-11-12"]) == 0
    text = capsys.readouterr().out
    assert "2 queries (1 AI, 1 search)" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["summary", "--date", "2026-13-01"],
        ["export", "--since", "yesterday"],
        ["--profile", "Bad Name", "summary"],
    ],
)
def test_misuse_exits_2_without_traceback(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("wattprint: error:")
    assert "Traceback" not in err


def test_profile_option_selects_a_separate_history(estimator, capsys, data_dir):
    assert main(["--profile", "demo", "summary", "--json"]) == 0
    assert (data_dir / "profiles" / "demo" / "history.db").exists()


def test_doctor_reports_and_repairs(estimator, capsys, data_dir):
    _fill(estimator, _items())
    db = history.open_db()
    history.record_health(db, [{"service": "claude", "ok": False, "since": None, "detail": "unparsed"}], "chromium")
    db.conn.close()
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    database = report["database"]
    assert database["integrity"] == ["ok"]
    assert database["schema_version"] == migrations.LATEST
    assert database["rows"] == 14
    assert database["last_event"]["ts"].startswith("2026-11-15")
    assert database["adapters"][0]["service"] == "claude"
    assert set(report["browsers"]) == {"chrome", "chromium", "brave", "edge", "vivaldi", "firefox"}
    assert main(["doctor"]) == 0
    assert "NOT MATCHING" in capsys.readouterr().out


def test_doctor_on_a_damaged_history(capsys, data_dir):
    path = paths.history_path()
    path.write_bytes(b"\x00garbage" * 500)
    assert main(["summary"]) == 1
    assert "doctor --repair" in capsys.readouterr().err
    assert main(["doctor"]) == 1
    assert "damaged" in capsys.readouterr().out
    assert path.read_bytes() == b"\x00garbage" * 500
    assert main(["doctor", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    kept = list(Path(path.parent).glob("history.db.broken-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == b"\x00garbage" * 500
