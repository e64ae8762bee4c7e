"""Build hook: the wheel and the sdist carry the built browser extension, so whoever installs them needs no Node.js.

`pyproject.toml` holds the project's metadata; this file only adds two steps to setuptools' commands:
- `sdist` puts extension/dist (the unpacked Chromium and Firefox builds and their .zip/.xpi packages) into the sdist;
- `build_py` copies them into the wheel as the package data folder `wattprint/extension`.
Both first (re)build extension/dist with Node.js when the extension's sources and `node` are there (the build needs
no npm packages); a wheel built from the sdist finds extension/dist already built. An editable install
(`pip install -e .`) copies nothing: the app reads extension/dist of the source tree, which `make run` builds.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
EXTENSION = ROOT / "extension"
BUILT = EXTENSION / "dist"
PARTS = ("chromium", "firefox", "wattprint-chromium.zip", "wattprint-firefox.xpi")


def built_extension() -> Path:
    """extension/dist, built now when the sources and Node.js are here; fails with one clear line when it cannot be."""
    node = shutil.which("node")
    if node and (EXTENSION / "scripts" / "package.mjs").is_file():
        for script in ("build.mjs", "package.mjs"):
            subprocess.run([node, str(EXTENSION / "scripts" / script)], cwd=EXTENSION, check=True,
                           stdout=subprocess.DEVNULL)
    missing = [part for part in PARTS if not (BUILT / part).exists()]
    if missing:
        raise SystemExit(
            f"the built extension is missing ({', '.join(missing)} in extension/dist): install Node.js "
            "and build again, or run: npm --prefix extension run package"
        )
    return BUILT


def _copy(target: Path) -> None:
    source = built_extension()
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        else:
            shutil.copy2(source / part, target / part)


class BuildPyWithExtension(build_py):
    """build_py that also puts the built extension into the wheel, at wattprint/extension."""

    def run(self) -> None:
        """Builds the Python packages, then adds the extension (not for editable installs)."""
        super().run()
        if not self.editable_mode:
            _copy(Path(self.build_lib) / "wattprint" / "extension")


class SdistWithExtension(sdist):
    """sdist that also carries extension/dist, so a wheel can be built from it without Node.js."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        """Lays out the sdist's files, then adds the built extension."""
        super().make_release_tree(base_dir, files)
        _copy(Path(base_dir) / "extension" / "dist")


setup(cmdclass={"build_py": BuildPyWithExtension, "sdist": SdistWithExtension})
