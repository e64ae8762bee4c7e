"""Linux desktop integration: the entry and AppStream metadata pass their validators; icons exist at every size."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: make test installs it (desktop-file-utils, appstream)"
    return found


def test_desktop_entry_is_valid() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(LINUX / "org.wattprint.Wattprint.desktop")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_appstream_metadata_is_valid() -> None:
    metainfo = LINUX / "org.wattprint.Wattprint.metainfo.xml"
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icon_sizes(size: int) -> None:
    image = QImage(str(LINUX / "icons" / f"{size}x{size}" / "org.wattprint.Wattprint.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)


def test_desktop_entry_names_the_console_script_and_icon() -> None:
    entry = (LINUX / "org.wattprint.Wattprint.desktop").read_text()
    assert "\nExec=wattprint\n" in entry
    assert "\nIcon=org.wattprint.Wattprint\n" in entry
    assert (LINUX / "icons" / "org.wattprint.Wattprint.svg").exists()
