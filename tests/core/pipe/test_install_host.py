"""install-host: manifests for each browser and OS, the launcher, --dry-run, --uninstall, the extension id."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest

from wattprint.core.cli import main
from wattprint.core.pipe import install_host

HOME = Path("/home/u")
DATA = Path("/data")
ORIGIN = "chrome-extension://ggfcmjnhfijbkiopdachebogicdgfobd/"

EXPECTED = {
    ("linux", "chrome"): HOME / ".config/google-chrome/NativeMessagingHosts/org.wattprint.host.json",
    ("linux", "chromium"): HOME / ".config/chromium/NativeMessagingHosts/org.wattprint.host.json",
    ("linux", "brave"): HOME / ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts/org.wattprint.host.json",
    ("linux", "edge"): HOME / ".config/microsoft-edge/NativeMessagingHosts/org.wattprint.host.json",
    ("linux", "vivaldi"): HOME / ".config/vivaldi/NativeMessagingHosts/org.wattprint.host.json",
    ("linux", "firefox"): HOME / ".mozilla/native-messaging-hosts/org.wattprint.host.json",
    ("macos", "chrome"): HOME
    / "Library/Application Support/Google/Chrome/NativeMessagingHosts/org.wattprint.host.json",
    ("macos", "chromium"): HOME / "Library/Application Support/Chromium/NativeMessagingHosts/org.wattprint.host.json",
    ("macos", "brave"): HOME
    / "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts/org.wattprint.host.json",
    ("macos", "edge"): HOME / "Library/Application Support/Microsoft Edge/NativeMessagingHosts/org.wattprint.host.json",
    ("macos", "vivaldi"): HOME / "Library/Application Support/Vivaldi/NativeMessagingHosts/org.wattprint.host.json",
    ("macos", "firefox"): HOME / "Library/Application Support/Mozilla/NativeMessagingHosts/org.wattprint.host.json",
}
WINDOWS_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts\org.wattprint.host",
    "chromium": r"Software\Chromium\NativeMessagingHosts\org.wattprint.host",
    "brave": r"Software\Google\Chrome\NativeMessagingHosts\org.wattprint.host",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts\org.wattprint.host",
    "vivaldi": r"Software\Google\Chrome\NativeMessagingHosts\org.wattprint.host",
    "firefox": r"Software\Mozilla\NativeMessagingHosts\org.wattprint.host",
}


@pytest.mark.parametrize(("system", "browser"), sorted(EXPECTED))
def test_manifest_location(system, browser, monkeypatch):
    for name in ("CHROME_CONFIG_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    assert install_host.target(browser, system, HOME, data=DATA).manifest == EXPECTED[(system, browser)]


@pytest.mark.parametrize(
    ("environ", "folder"),
    [
        ({}, HOME / ".config"),
        ({"XDG_CONFIG_HOME": "/x/conf"}, Path("/x/conf")),
        ({"CHROME_CONFIG_HOME": "/c", "XDG_CONFIG_HOME": "/x/conf"}, Path("/c")),
        ({"XDG_CONFIG_HOME": ""}, HOME / ".config"),
        ({"XDG_CONFIG_HOME": "relative/conf"}, HOME / ".config"),  # not absolute: passed over, as the spec says
    ],
)
def test_chromium_family_manifests_follow_the_browsers_config_home(environ, folder):
    """On Linux Chromium keeps its user data folder, and so NativeMessagingHosts, under $CHROME_CONFIG_HOME, else
    $XDG_CONFIG_HOME, else ~/.config (Chromium's default user data folder; native-messaging installers and Chrome
    tooling compute it in the same order). A manifest under ~/.config was never read where XDG_CONFIG_HOME is set.
    Firefox reads ~/.mozilla whatever the environment."""
    family = (("chromium", "chromium"), ("chrome", "google-chrome"), ("brave", "BraveSoftware/Brave-Browser"))
    for browser, relative in family:
        found = install_host.target(browser, "linux", HOME, data=DATA, environ=environ).manifest
        assert found == folder / relative / "NativeMessagingHosts" / "org.wattprint.host.json"
    firefox = install_host.target("firefox", "linux", HOME, data=DATA, environ=environ).manifest
    assert firefox == HOME / ".mozilla/native-messaging-hosts/org.wattprint.host.json"


def test_install_host_writes_where_the_browser_reads_with_xdg_config_home(tmp_path, monkeypatch, capsys):
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("CHROME_CONFIG_HOME", raising=False)
    assert main(["install-host", "--browser", "chromium"]) == 0
    manifest = config / "chromium/NativeMessagingHosts/org.wattprint.host.json"
    assert json.loads(manifest.read_text())["name"] == "org.wattprint.host"
    assert not (Path(os.environ["HOME"]) / ".config/chromium").exists()
    assert str(manifest) in capsys.readouterr().out


@pytest.mark.parametrize("browser", install_host.BROWSERS)
def test_windows_manifest_and_registry_key(browser):
    t = install_host.target(browser, "windows", HOME, data=DATA)
    assert t.registry_key == WINDOWS_KEYS[browser]
    assert t.manifest == DATA / "NativeMessagingHosts" / f"org.wattprint.host-{browser}.json"
    command = Path("C:/w/wattprint-host.exe")
    actions = install_host.plan([browser], system="windows", home=HOME, data=DATA, command=command)
    assert [a.verb for a in actions] == ["write", "write", "set-key"]
    assert actions[2].content == str(t.manifest)
    assert actions[0].where.endswith("wattprint-host.bat")


@pytest.mark.parametrize("browser", install_host.BROWSERS)
def test_manifest_content(browser):
    body = install_host.manifest(browser, Path("/data/wattprint-host"), "ggfcmjnhfijbkiopdachebogicdgfobd")
    assert body["name"] == "org.wattprint.host"
    assert body["type"] == "stdio"
    assert body["path"] == "/data/wattprint-host"
    if browser == "firefox":
        assert body["allowed_extensions"] == ["wattprint@wattprint.org"]
        assert "allowed_origins" not in body
    else:
        assert body["allowed_origins"] == [ORIGIN]
        assert "allowed_extensions" not in body


def test_extension_id_from_key(tmp_path):
    key = base64.b64encode(b"any public key bytes").decode()
    (tmp_path / "manifest.json").write_text(json.dumps({"key": key}))
    digest = hashlib.sha256(b"any public key bytes").hexdigest()[:32]
    expected = "".join("abcdefghijklmnop"[int(c, 16)] for c in digest)
    assert install_host.extension_id(tmp_path) == expected
    assert install_host.extension_id(tmp_path / "missing") == "ggfcmjnhfijbkiopdachebogicdgfobd"


def test_launcher_runs_the_installed_host_with_the_install_environment():
    text = install_host.launcher_text("linux", Path("/venv/bin/wattprint-host"), {"WATTPRINT_DATA_DIR": "/d it's"})
    assert text.startswith("#!/bin/sh\n")
    assert "export WATTPRINT_DATA_DIR='/d it'\"'\"'s'" in text
    assert text.rstrip().endswith("exec '/venv/bin/wattprint-host' \"$@\"")


def test_cli_installs_for_every_browser(data_dir, tmp_path):
    home = Path(os.environ["HOME"])
    assert main(["install-host", "--browser", "all"]) == 0
    for browser in install_host.BROWSERS:
        path = EXPECTED[("linux", browser)]
        written = home / path.relative_to(HOME)
        body = json.loads(written.read_text())
        launcher = Path(body["path"])
        assert launcher == data_dir / "wattprint-host"
    launcher_text = (data_dir / "wattprint-host").read_text()
    assert os.access(data_dir / "wattprint-host", os.X_OK)
    assert f"export WATTPRINT_DATA_DIR='{data_dir}'" in launcher_text
    assert "wattprint-host" in launcher_text.splitlines()[-1]
    report = install_host.registered("linux", home, data_dir)
    assert all(entry["installed"] and not entry["problems"] for entry in report.values())
    assert main(["install-host", "--browser", "all", "--uninstall"]) == 0
    assert not any(entry["installed"] for entry in install_host.registered("linux", home, data_dir).values())
    assert not (data_dir / "wattprint-host").exists()


def test_dry_run_writes_nothing(data_dir, capsys):
    home = Path(os.environ["HOME"])
    before = sorted(p for p in list(home.rglob("*")) + list(data_dir.rglob("*")))
    assert main(["install-host", "--browser", "chrome", "--browser", "firefox", "--dry-run"]) == 0
    after = sorted(p for p in list(home.rglob("*")) + list(data_dir.rglob("*")))
    assert before == after
    out = capsys.readouterr().out
    assert "would write" in out
    assert "google-chrome" in out
    assert "allowed_extensions" in out


def test_user_data_dir(tmp_path, data_dir):
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    assert main(["install-host", "--user-data-dir", str(profile)]) == 0
    body = json.loads((profile / "NativeMessagingHosts" / "org.wattprint.host.json").read_text())
    assert body["allowed_origins"] == [ORIGIN]


def test_user_data_dir_is_not_for_firefox(tmp_path, capsys):
    assert main(["install-host", "--user-data-dir", str(tmp_path), "--browser", "firefox"]) == 2
    assert "firefox" in capsys.readouterr().err


def test_no_browser_found_is_a_usage_error(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser installed either
    assert main(["install-host"]) == 2
    assert "--browser" in capsys.readouterr().err


def test_detected_browsers(tmp_path):
    (tmp_path / ".config" / "chromium").mkdir(parents=True)
    (tmp_path / ".mozilla").mkdir()
    assert install_host.detected("linux", tmp_path, path=str(tmp_path)) == ["chromium", "firefox"]


def _bundle(tmp_path, monkeypatch):
    """A one-folder bundle (the app and the host side by side) started through a symlink, as PyInstaller runs it."""
    bundle = tmp_path / "opt" / "wattprint"
    bundle.mkdir(parents=True)
    for name in ("wattprint", "wattprint-host"):
        (bundle / name).write_text("")
        (bundle / name).chmod(0o755)
    link = tmp_path / "bin" / "wattprint"
    link.parent.mkdir()
    link.symlink_to(bundle / "wattprint")
    (link.parent / "wattprint-host").write_text("")  # another install's host, on PATH: not this bundle's
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(link))
    monkeypatch.setenv("PATH", str(link.parent))
    return bundle


def test_bundled_app_registers_the_bundled_host(tmp_path, monkeypatch):
    bundle = _bundle(tmp_path, monkeypatch)
    assert install_host.host_command() == bundle / "wattprint-host"


def test_cli_in_a_bundle_writes_a_launcher_for_the_bundled_host(tmp_path, monkeypatch, data_dir):
    bundle = _bundle(tmp_path, monkeypatch)
    assert main(["install-host", "--browser", "chromium", "--browser", "firefox"]) == 0
    last = (data_dir / "wattprint-host").read_text().rstrip().splitlines()[-1]
    assert last == f"exec '{bundle / 'wattprint-host'}' \"$@\""
    assert install_host.registered("linux", Path(os.environ["HOME"]), data_dir)["firefox"]["problems"] == []
