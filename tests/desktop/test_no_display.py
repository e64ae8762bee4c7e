"""Without a display, `wattprint` and `wattprint present` say so in one line; reports and exports still work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wattprint.core.cli.screen import has_display

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _run(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (*NO_DISPLAY, "LANGUAGE", "LC_ALL", "WATTPRINT_LANG")}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-c", "import sys; from wattprint.core.cli import main; sys.exit(main(sys.argv[1:]))", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"DISPLAY": ""}, "linux", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_has_display(env, platform, expected):
    assert has_display(env, platform) is expected


@pytest.mark.parametrize("args", [(), ("present",), ("present", "--window")])
def test_app_without_a_display_prints_one_line(args):
    done = _run(*args)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "no display found" in lines[0]
    assert "xcb" not in done.stderr


def test_the_line_is_chinese_in_a_chinese_locale():
    done = _run(lang="zh_CN.UTF-8")
    assert done.returncode == 1
    assert "没有找到显示器" in done.stderr


@pytest.mark.usefixtures("seeded")
def test_present_export_works_without_a_display(tmp_path: Path):
    done = _run("present", "--export", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "wattprint-classroom.pdf").is_file()
