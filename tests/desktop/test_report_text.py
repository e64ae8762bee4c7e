"""Reports are text, not pictures: pdftotext finds the title, the dates and the figures; --format and the name agree."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from wattprint.core.cli import main
from wattprint.core.model.modeldata import load
from wattprint.core.store import history, queries
from wattprint.desktop import i18n

DAY = date.today()


def _pdftotext(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: make test installs it (poppler-utils)"
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _images(path: Path) -> list[str]:
    tool = shutil.which("pdfimages")
    assert tool, "pdfimages is missing: make test installs it (poppler-utils)"
    listed = subprocess.run([tool, "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return listed.splitlines()[2:]


@pytest.mark.usefixtures("seeded", "qapp")
def test_week_pdf_has_selectable_title_dates_and_figures(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    assert main(["report", "--week", "--date", DAY.isoformat(), "-o", str(out)]) == 0
    text = _pdftotext(out)
    start = queries.week_start(DAY, _first_weekday())
    assert f"Wattprint report: the week of {start.isoformat()} to {(start + timedelta(days=6)).isoformat()}" in text
    db = history.open_db()
    try:
        summary = queries.week_summary(db, load(), start, _first_weekday())
    finally:
        db.conn.close()
    assert f"{summary['ai_count']} AI" in text
    assert "Wh" in text
    assert "ChatGPT" in text  # the per-service table is text too
    assert _images(out) == []  # charts are vectors: no picture in the file


def _first_weekday() -> int:
    from PySide6.QtCore import QLocale

    return QLocale().firstDayOfWeek().value - 1


@pytest.mark.usefixtures("seeded", "qapp")
def test_chinese_week_pdf_is_chinese_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATTPRINT_LANG", "zh_CN")
    out = tmp_path / "week.pdf"
    try:
        assert main(["report", "--week", "--date", DAY.isoformat(), "-o", str(out)]) == 0
    finally:
        i18n.reset()
    text = _pdftotext(out)
    assert "Wattprint 报告" in text
    assert "Week of" not in text
    # Every character reads back as written: none lost to a Japanese fallback font, none turned into its radical.
    for words in ("能耗（范围）", "碳排放（范围）", "用水（范围）", "每日能耗（Wh）", "范围是什么意思？"):
        assert words in text, words
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF], "radicals in the text layer"
    fonts = shutil.which("pdffonts")
    assert fonts
    listed = subprocess.run([fonts, str(out)], capture_output=True, text=True, check=True).stdout
    assert "CJKsc" in listed, listed
    assert "CJKjp" not in listed, listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf", "-o", "week.png"], "--format pdf does not match the file name week.png: name it week.pdf"),
        (["--format", "html", "-o", "week.pdf"], "does not match"),
        (["--format", "png", "-o", "week.txt"], "does not match"),
    ],
)
def test_format_and_extension_must_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str], args, message) -> None:
    args = [a if not a.startswith("week.") else str(tmp_path / a) for a in args]
    assert main(["report", "--week", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("week.*"))


@pytest.mark.usefixtures("seeded", "qapp")
def test_format_with_a_name_without_extension_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "week"
    assert main(["report", "--week", "--format", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
