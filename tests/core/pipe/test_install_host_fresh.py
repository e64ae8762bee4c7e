"""install-host on a fresh machine: a browser installed but never started, --dry-run, a missing --user-data-dir."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wattprint.core.cli import main
from wattprint.core.pipe import install_host


def _fake_program(folder: Path, name: str) -> None:
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)


def test_installed_browser_never_started_counts_as_present(tmp_path):
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "firefox-esr")
    _fake_program(bin_dir, "google-chrome-stable")
    home = tmp_path / "fresh-home"
    home.mkdir()
    assert install_host.detected("linux", home, path=str(bin_dir)) == ["chrome", "firefox"]
    assert not install_host.detected("linux", home, path=str(tmp_path / "empty"))


def test_fresh_home_gets_manifests_in_user_only_folders(monkeypatch, data_dir, tmp_path, capsys):
    home = Path(os.environ["HOME"])
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "chromium")
    _fake_program(bin_dir, "firefox")
    monkeypatch.setenv("PATH", str(bin_dir))
    assert not (home / ".config").exists()
    assert main(["install-host"]) == 0
    chromium = home / ".config/chromium/NativeMessagingHosts/org.wattprint.host.json"
    firefox = home / ".mozilla/native-messaging-hosts/org.wattprint.host.json"
    assert chromium.is_file()
    assert firefox.is_file()
    for folder in (home / ".config", home / ".config/chromium", chromium.parent, home / ".mozilla", firefox.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    out = capsys.readouterr().out
    assert str(chromium) in out
    assert str(firefox) in out


def test_existing_folders_keep_their_mode(data_dir):
    home = Path(os.environ["HOME"])
    (home / ".config").mkdir(mode=0o755)
    os.chmod(home / ".config", 0o755)
    assert main(["install-host", "--browser", "chromium"]) == 0
    assert stat.S_IMODE((home / ".config").stat().st_mode) == 0o755
    assert stat.S_IMODE((home / ".config/chromium").stat().st_mode) == 0o700


def test_dry_run_on_a_fresh_machine_shows_what_would_be_written(monkeypatch, data_dir, tmp_path, capsys):
    home = Path(os.environ["HOME"])
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "chromium")
    monkeypatch.setenv("PATH", str(bin_dir))
    assert main(["install-host", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would write" in out
    assert ".config/chromium/NativeMessagingHosts/org.wattprint.host.json" in out
    assert '"allowed_origins"' in out
    assert not list(home.iterdir())


@pytest.mark.parametrize("extra", [[], ["--dry-run"], ["--browser", "chrome"]])
def test_missing_user_data_dir_is_an_error(tmp_path, capsys, extra):
    missing = tmp_path / "no-such-profile"
    assert main(["install-host", "--user-data-dir", str(missing), *extra]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert str(missing) in err
    assert "does not exist" in err
    assert not missing.exists()
