"""Builds the Linux one-folder bundle: dist/wattprint/ with the `wattprint` and `wattprint-host` executables.

    .venv/bin/python packaging/build_bundle.py [--dist DIR] [--work DIR]

It builds the wheel (from a copy of the source, so the tree stays clean), installs it without dependencies into a
staging folder, and runs PyInstaller on packaging/pyinstaller/wattprint.spec with that folder, so the bundle carries
exactly the wheel's files. The dependencies come from the environment running this script.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "wattprint.spec"
SOURCES = ("core", "desktop", "packaging/linux/icons", "extension", "pyproject.toml", "setup.py", "README.md")


def _run(*command: str | Path) -> None:
    subprocess.run([str(part) for part in command], check=True)


def stage(work: Path) -> Path:
    """Builds the wheel and installs it (no dependencies) into work/staging; returns that folder."""
    source, wheels, staging = work / "source", work / "wheel", work / "staging"
    for folder in (source, wheels, staging):
        shutil.rmtree(folder, ignore_errors=True)
    for name in SOURCES:
        if (ROOT / name).is_dir():
            skip = shutil.ignore_patterns("__pycache__", "node_modules", "dist")  # the wheel build makes extension/dist
            shutil.copytree(ROOT / name, source / name, ignore=skip)
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", wheels, source)
    (wheel,) = wheels.glob("wattprint-*.whl")
    _run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", staging, wheel)
    return staging


def build(dist: Path, work: Path) -> Path:
    """Builds the bundle into dist/wattprint and returns that folder."""
    work.mkdir(parents=True, exist_ok=True)
    staging = stage(work)
    _run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", dist,
         "--workpath", work / "pyinstaller", SPEC, "--", "--staging", staging)
    return dist / "wattprint"


def main(argv: list[str] | None = None) -> int:
    """Command line: builds the bundle and prints where it is, its size and how long it took."""
    parser = argparse.ArgumentParser(description="Build the Linux one-folder bundle with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wattprint-bundle-") as temporary:
        folder = build(args.dist.resolve(), (args.work or Path(temporary)).resolve())
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"built {folder} ({size / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
