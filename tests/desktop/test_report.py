"""`wattprint report --week`: PNG, PDF and HTML files rendered by the week view's widgets."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from wattprint.core.cli import main


@pytest.mark.usefixtures("seeded", "qapp")
@pytest.mark.parametrize("fmt", ["png", "pdf", "html"])
def test_report_formats(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"week.{fmt}"
    assert main(["report", "--week", "--date", date.today().isoformat(), "--format", fmt, "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    if fmt == "png":
        image = QImage(str(out))
        assert not image.isNull()
        assert image.width() >= 900
    elif fmt == "pdf":
        assert out.read_bytes().startswith(b"%PDF")
    else:
        text = out.read_text()
        assert "data:image/png;base64," in text
        assert "This week your AI use" in text
        assert "Energy (Wh)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-02-30", "-o", "x.png"], "--date must be a day"),
        (["-o", "x.txt"], "give --format"),
        (["-o", "/no/such/folder/x.png"], "does not exist"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--week", *args]) == 2
    assert message in capsys.readouterr().err


def test_report_runs_in_a_fresh_process_without_a_display(tmp_path: Path, seeded: int) -> None:
    out = tmp_path / "week.png"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from wattprint.core.cli import main; sys.exit(main(sys.argv[1:]))",
         "report", "--week", "-o", str(out)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
