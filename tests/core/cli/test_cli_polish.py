"""CLI polish (issue 16): a mistyped profile is an error, an export into a missing folder is one, one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from wattprint.core import paths
from wattprint.core.cli import main


def test_a_mistyped_profile_is_an_error_and_creates_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "demoo", "summary"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no profile 'demoo'" in err
    assert "default" in err
    assert "demoo" not in paths.profiles()
    assert not (paths.data_dir() / "profiles" / "demoo").exists()


def test_known_profiles_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", "demo", "summary"]) == 0
    assert main(["--profile", "default", "summary"]) == 0
    (paths.data_dir() / "profiles" / "class").mkdir(parents=True)
    assert "class" in paths.profiles()
    assert main(["--profile", "class", "summary"]) == 0


def test_present_export_into_a_missing_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "handout"
    assert main(["present", "--export", str(target)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err
    assert err.count("\n") == 1
    assert not target.parent.exists()


def test_doctor_speaks_plainly(capsys: pytest.CaptureFixture[str], history_db, estimator) -> None:
    from tests.conftest import make_item
    from wattprint.core.schemas import Interaction
    from wattprint.core.store import history

    item = Interaction.model_validate(make_item(service="claude", ts="2026-11-18T10:00:00Z"))
    history.store(history_db, history.Estimates(estimator).rows([item]))
    assert main(["doctor", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Nothing to repair." in out
    from datetime import UTC, datetime

    local = datetime(2026, 11, 18, 10, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"last event seen: {local} (Claude, stored " in out
    assert "T10:00:00" not in out
    assert main(["doctor"]) == 0
    assert "Nothing to repair." not in capsys.readouterr().out


@pytest.mark.parametrize("command", ["summary", "estimate"])
def test_help_says_what_a_range_means(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "likely value for a query like this one" in " ".join(capsys.readouterr().out.split())  # argparse wraps lines


def test_an_empty_day_says_so_in_words(capsys) -> None:
    """A first run's summary showed only "Energy 0 Wh (range 0 to 0)"; it says first that nothing was counted."""
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == "Nothing counted in this period."


def test_export_to_dash_is_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    """`-o -` is the usual name for standard output: no file called '-' is created."""
    import json

    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "json", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "standard output" in captured.err
    assert not (tmp_path / "-").exists()
