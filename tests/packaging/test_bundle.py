"""The PyInstaller one-folder bundle: built once, then its two executables run from the folder (offscreen).

The build takes about half a minute here (packaging/build_bundle.py prints its time and size).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ORIGIN

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bundle, pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert shutil.which("objdump"), "objdump is missing: PyInstaller needs it on Linux (Debian package binutils)"
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_bundle.py"), "--dist", str(out / "dist"), "--work",
         str(out / "work")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    folder = out / "dist" / "wattprint"
    assert (folder / "wattprint").is_file()
    return folder


def _run(command: list[str], home: Path, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Runs a bundled executable with a bare environment, as a browser or a desktop launcher would."""
    base = {"PATH": "/usr/bin:/bin", "HOME": str(home), "WATTPRINT_DATA_DIR": str(home / "data"),
            "QT_QPA_PLATFORM": "offscreen", "LANG": os.environ.get("LANG", "C.UTF-8")}
    return subprocess.run(command, input=stdin, capture_output=True, cwd=home, env=base | env, timeout=120,
                          check=False)


def _hello(command: list[str], home: Path) -> dict[str, object]:
    body = json.dumps({"type": "hello", "protocol": 1}).encode()
    done = _run([*command, CHROMIUM_ORIGIN], home, stdin=len(body).to_bytes(4, sys.byteorder) + body)
    assert done.returncode == 0, done.stderr.decode()
    size = int.from_bytes(done.stdout[:4], sys.byteorder)
    assert len(done.stdout) == 4 + size
    reply: dict[str, object] = json.loads(done.stdout[4:])
    return reply


def test_version(bundle: Path, tmp_path: Path) -> None:
    done = _run([str(bundle / "wattprint"), "--version"], tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "wattprint 0.1.0"


def test_estimate_uses_the_bundled_model_data(bundle: Path, tmp_path: Path) -> None:
    done = _run([str(bundle / "wattprint"), "estimate", "--service", "chatgpt", "--json"], tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    estimate = json.loads(done.stdout)
    assert estimate["energy_wh"]["low"] <= estimate["energy_wh"]["central"] <= estimate["energy_wh"]["high"]


def test_host_answers_hello(bundle: Path, tmp_path: Path) -> None:
    reply = _hello([str(bundle / "wattprint-host")], tmp_path)
    assert reply["type"] == "hello"
    assert reply["app_version"] == "0.1.0"


def test_install_host_registers_the_bundled_host(bundle: Path, tmp_path: Path) -> None:
    done = _run([str(bundle / "wattprint"), "install-host", "--browser", "chromium"], tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    manifest = json.loads((tmp_path / ".config/chromium/NativeMessagingHosts/org.wattprint.host.json").read_text())
    launcher = Path(manifest["path"])
    assert launcher.read_text().rstrip().splitlines()[-1] == f"exec '{bundle / 'wattprint-host'}' \"$@\""
    assert _hello([str(launcher)], tmp_path)["type"] == "hello"  # the browser's way in: the launcher


def test_app_starts_offscreen_and_closes(bundle: Path, tmp_path: Path) -> None:
    done = _run([str(bundle / "wattprint")], tmp_path, WATTPRINT_SMOKE_TEST="1")
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    ready = json.loads(done.stdout.decode().strip().splitlines()[-1])
    assert ready["ready"]
    assert ready["title"] == "Wattprint"
    assert 256 in ready["icon_sizes"]  # the shipped PNGs, not the drawn stand-in
    assert (tmp_path / "data").is_dir()


def test_bundle_holds_data_and_leaves_out_unused_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / "wattprint-host").is_file()
    package = internal / "wattprint"
    assert (package / "core" / "data" / "services.toml").is_file()
    for json_file in (ROOT / "core" / "words" / "locale").glob("*.json"):
        assert (package / "core" / "words" / "locale" / json_file.name).is_file()
    for qm in (ROOT / "desktop" / "translations").glob("*.qm"):
        assert (package / "desktop" / "translations" / qm.name).is_file()
    assert (package / "desktop" / "icons" / "512x512" / "org.wattprint.Wattprint.png").is_file()
    assert list(internal.glob("wattprint-*.dist-info"))
    assert (internal / "ecologits" / "data" / "models.json").is_file()
    libraries = {p.name for p in internal.rglob("*.so*")}
    for unused in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6WebEngineCore.so.6", "libqgtk3.so", "libgtk-3.so.0"):
        assert unused not in libraries
