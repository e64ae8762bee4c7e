"""The extension packages (Chromium zip, Firefox xpi) are reproducible and carry the fixed ids and few permissions."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from wattprint.core.pipe.protocol import CHROMIUM_EXTENSION_ID, FIREFOX_EXTENSION_ID

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
PACKAGES = {"chromium": "wattprint-chromium.zip", "firefox": "wattprint-firefox.xpi"}
PERMISSIONS = ["storage", "nativeMessaging", "alarms", "scripting"]  # scripting: content scripts only on sites left on

pytestmark = pytest.mark.slow


def _package(extension: Path) -> dict[str, bytes]:
    npm = shutil.which("npm")
    assert npm, "npm is missing: make test installs it (nodejs, npm)"
    done = subprocess.run([npm, "--prefix", str(extension), "run", "--silent", "package"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return {browser: (extension / "dist" / name).read_bytes() for browser, name in PACKAGES.items()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Packages the extension, then again from a copy in another folder whose files all have new times."""
    first = _package(EXTENSION)
    copy = tmp_path_factory.mktemp("extension") / "extension"
    time.sleep(1.1)  # zip times have a 2-second resolution: make sure the copy's differ
    shutil.copytree(EXTENSION, copy, ignore=shutil.ignore_patterns("dist", "node_modules"), copy_function=shutil.copy)
    (copy / "node_modules").symlink_to(EXTENSION / "node_modules")
    second = _package(copy)
    for browser in PACKAGES:
        assert hashlib.sha256(first[browser]).hexdigest() == hashlib.sha256(second[browser]).hexdigest(), browser
    return first


def _manifest(data: bytes) -> dict[str, object]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest: dict[str, object] = json.loads(archive.read("manifest.json"))
        return manifest


@pytest.mark.parametrize("browser", sorted(PACKAGES))
def test_package_is_reproducible_and_matches_the_build(packages: dict[str, bytes], browser: str) -> None:
    built = EXTENSION / "dist" / browser
    with zipfile.ZipFile(io.BytesIO(packages[browser])) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == sorted(names)
        on_disk = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
        assert names == on_disk
        for name in names:
            assert archive.read(name) == (built / name).read_bytes(), name


@pytest.mark.parametrize("browser", sorted(PACKAGES))
def test_packaged_manifest_permissions(packages: dict[str, bytes], browser: str) -> None:
    manifest = _manifest(packages[browser])
    assert manifest["manifest_version"] == 3
    assert manifest["permissions"] == PERMISSIONS
    assert "optional_permissions" not in manifest
    assert "optional_host_permissions" not in manifest
    hosts = manifest["host_permissions"]
    assert isinstance(hosts, list)
    assert hosts
    for pattern in hosts:
        assert pattern.startswith("https://"), pattern
        host = pattern.removeprefix("https://").split("/", 1)[0]
        assert host, pattern
        assert host != "*", pattern


def test_chromium_package_has_the_fixed_key(packages: dict[str, bytes]) -> None:
    manifest = _manifest(packages["chromium"])
    key = manifest["key"]
    assert isinstance(key, str)
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == CHROMIUM_EXTENSION_ID
    assert "browser_specific_settings" not in manifest


def test_firefox_package_has_the_gecko_id(packages: dict[str, bytes]) -> None:
    manifest = _manifest(packages["firefox"])
    settings = manifest["browser_specific_settings"]
    assert isinstance(settings, dict)
    assert settings["gecko"]["id"] == FIREFOX_EXTENSION_ID
    assert "key" not in manifest
