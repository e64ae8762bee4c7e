"""An exported CSV imports back, with the same estimates; its token columns are filled; export says what it wrote."""

from __future__ import annotations

import csv
import json

from tests.conftest import make_item
from tests.core.pipe.test_cli_pipe import _fill
from wattprint.core.cli import main


def _items():
    return [
        make_item(ts="2026-11-10T10:00:00Z", service="chatgpt", kind="chat", model="gpt-4o",
                  prompt={"latin": 120, "cjk": 30}, response={"latin": 900}, context={"latin": 2000}),
        make_item(ts="2026-11-11T10:00:00Z", service="chatgpt", kind="chat", prompt={"latin": 80},
                  response={"latin": 400}, prompt_tokens=25, response_tokens=110),
        make_item(ts="2026-11-12T10:00:00Z", service="google", kind="search", prompt={"latin": 30}),
    ]


def test_csv_export_imports_back_with_the_same_estimates(estimator, tmp_path, capsys, monkeypatch):
    items = _items()
    _fill(estimator, items)
    out = tmp_path / "history.csv"
    assert main(["export", "--format", "csv", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote 3 interactions to {out}"
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["kind"] == "chat":
            for column in ("prompt_tokens", "response_tokens", "context_tokens", "reasoning_tokens"):
                assert row[column] != "", column
            assert int(row["prompt_tokens"]) > 0
    reported = {row["id"]: row["reported_tokens"] for row in rows}
    assert reported[items[1]["id"]] == "prompt;response"
    assert reported[items[0]["id"]] == ""

    monkeypatch.setenv("WATTPRINT_PROFILE", "copy")
    assert main(["import", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"stored": 3, "duplicate": 0, "rejected": []}
    again = tmp_path / "again.csv"
    assert main(["export", "--format", "csv", "-o", str(again)]) == 0
    capsys.readouterr()
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    assert main(["import", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["duplicate"] == 3


def test_a_broken_csv_row_is_rejected_not_fatal(estimator, tmp_path, capsys, monkeypatch):
    _fill(estimator, _items()[:1])
    out = tmp_path / "history.csv"
    assert main(["export", "--format", "csv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = lines[1].replace(",chat,", ",poem,")
    capsys.readouterr()
    out.write_text("\n".join([*lines, broken.replace(lines[1][:36], "0190aaaa-0000-7000-8000-000000000001"),
                              "only,three,cells"]) + "\n", encoding="utf-8")
    monkeypatch.setenv("WATTPRINT_PROFILE", "copy")
    assert main(["import", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["stored"] == 1
    assert len(report["rejected"]) == 2


def test_export_to_standard_output_says_what_it_wrote_on_stderr(estimator, capsys):
    _fill(estimator, _items())
    assert main(["export"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 3
    assert captured.err.strip() == "wrote 3 interactions to standard output"
