"""Renders the extension's popup and options pages in headless Chromium and saves them under test-artifacts/, once with
the real host registered and once without (the popup then says how to install it). A person looks at these PNGs; the
test checks what a program can: the files are real PNGs, the text is there, nothing overflows sideways.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.e2e.support import ARTIFACTS, browser_env, drive, ensure_built, fixture_server, install_host

pytestmark = pytest.mark.e2e


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("with_host", [True, False], ids=["host", "no-host"])
def test_popup_and_options_render(tmp_path: Path, with_host: bool) -> None:
    ensure_built()
    data, home, profile = tmp_path / "d", tmp_path / "h", tmp_path / "p"
    for d in (data, home, profile):
        d.mkdir()
    env = browser_env(data, home)
    if with_host:
        install_host("chromium", env, profile)
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = "" if with_host else "no-host-"
    with fixture_server() as server:
        result = drive({"mode": "screenshots", "rules": server["hostResolverRules"], "userDataDir": str(profile),
                        "outDir": str(ARTIFACTS), "prefix": prefix}, env, timeout=90)
    shots = {Path(f["file"]).name: f for f in result["files"]}
    assert set(shots) == {f"{prefix}popup.png", f"{prefix}options.png"}
    for f in shots.values():
        width, height = _png_size(Path(f["file"]))
        assert width >= 200
        assert height >= 100
        assert f["overflow"] == [], f"{f['name']}: elements wider than their box: {f['overflow']}"
        assert "__MSG_" not in f["text"], f["text"]
        assert "undefined" not in f["text"], f["text"]
    popup = shots[f"{prefix}popup.png"]["text"]
    assert "Wattprint" in popup
    if with_host:
        assert "install-host" not in popup, popup
    else:
        assert "install-host" in popup, popup
