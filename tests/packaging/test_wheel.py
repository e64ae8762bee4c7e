"""`python -m build` makes an sdist and, from it, a wheel that works in a fresh virtual environment.

The wheel goes into a new venv with `--no-deps`; the heavy dependencies (PySide6, ecologits, ...) are reused from the
development venv through a `.pth` line appended after the fresh venv's own site-packages. The development venv holds
Wattprint only as an editable finder, which a `.pth` path line does not activate, so every `wattprint` file the
commands load must come from the wheel: the tests check that too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ORIGIN

ROOT = Path(__file__).resolve().parents[2]
# What the sdist is built from: the source tree without caches, builds (extension/dist too: the build makes it), venvs.
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "test-artifacts", "build", "dist", "*.egg-info", "__pycache__",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".peers", ".work",
)

pytestmark = pytest.mark.slow


class Built:
    """The sdist, the wheel built from it, and a fresh venv with the wheel installed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dist = root / "dist"
        self.venv = root / "venv"
        self.home = root / "home"

    @property
    def wheel(self) -> Path:
        (wheel,) = self.dist.glob("wattprint-*.whl")
        return wheel

    @property
    def sdist(self) -> Path:
        (sdist,) = self.dist.glob("wattprint-*.tar.gz")
        return sdist

    def run(self, *command: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        """Runs a console script of the fresh venv, away from the source tree, with its own data folder."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "WATTPRINT_PROFILE")}
        env |= {"HOME": str(self.home), "WATTPRINT_DATA_DIR": str(self.home / "data"), "QT_QPA_PLATFORM": "offscreen"}
        exe = self.venv / "bin" / command[0]
        return subprocess.run([str(exe), *command[1:]], input=stdin, capture_output=True, cwd=self.home, env=env,
                              timeout=120, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    b = Built(tmp_path_factory.mktemp("wheel"))
    source = b.root / "source"
    shutil.copytree(ROOT, source, ignore=SKIP, symlinks=True)
    # No isolation: setuptools and wheel come from the dev extras, so the test needs no network. Without --sdist or
    # --wheel, build makes the sdist and then the wheel from the unpacked sdist, which proves the sdist complete.
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(b.dist), str(source)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(b.venv)], check=True, timeout=120)
    fresh_python = b.venv / "bin" / "python"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(fresh_python), "install", "--quiet", "--no-index", "--no-deps",
         str(b.wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    fresh_site = subprocess.run([str(fresh_python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                capture_output=True, text=True, check=True).stdout.strip()
    (Path(fresh_site) / "wattprint-test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    b.home.mkdir()
    return b


def _source_data() -> dict[str, Path]:
    """Every data file the wheel must carry, by its name in the wheel."""
    wanted: dict[str, Path] = {}
    for folder, package, patterns in (
        ("core/data", "wattprint/core/data", ("*.toml", "*.csv", "*.json")),
        ("core/words/locale", "wattprint/core/words/locale", ("*.json",)),
        ("desktop/translations", "wattprint/desktop/translations", ("*.qm",)),
        ("desktop/presenter", "wattprint/desktop/presenter", ("*.svg",)),
        ("packaging/linux/icons", "wattprint/desktop/icons", ("*.svg", "*/*.png")),
    ):
        for pattern in patterns:
            for path in (ROOT / folder).glob(pattern):
                wanted[f"{package}/{path.relative_to(ROOT / folder).as_posix()}"] = path
    return wanted


def test_wheel_carries_data_locale_translations_and_icons(built: Built) -> None:
    names = set(zipfile.ZipFile(built.wheel).namelist())
    wanted = _source_data()
    assert "wattprint/core/data/services.toml" in wanted
    assert "wattprint/desktop/icons/256x256/org.wattprint.Wattprint.png" in wanted
    missing = sorted(set(wanted) - names)
    assert not missing, f"left out of the wheel: {missing}"
    with zipfile.ZipFile(built.wheel) as wheel:
        for name, path in wanted.items():
            assert wheel.read(name) == path.read_bytes(), name
        entry_points = wheel.read("wattprint-0.1.0.dist-info/entry_points.txt").decode()
    assert "wattprint = wattprint.core.cli:main" in entry_points
    assert "wattprint-host = wattprint.core.pipe.host:main" in entry_points


def test_sdist_carries_what_the_wheel_is_built_from(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("pyproject.toml", "README.md", "core/cli/__init__.py", "desktop/app.py",
                   "packaging/linux/icons/org.wattprint.Wattprint.svg"):
        assert needed in names
    for path in _source_data().values():
        assert path.relative_to(ROOT).as_posix() in names


def test_version_in_the_fresh_venv(built: Built) -> None:
    done = built.run("wattprint", "--version")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "wattprint 0.1.0"


def test_wattprint_files_come_from_the_wheel(built: Built) -> None:
    code = (
        "import importlib.metadata as m, importlib.resources as r, json, wattprint.core.cli, wattprint.desktop.app;"
        "print(json.dumps([wattprint.core.cli.__file__, wattprint.desktop.app.__file__,"
        " str(m.distribution('wattprint').locate_file('')),"
        " str(r.files('wattprint.desktop.icons') / 'org.wattprint.Wattprint.svg')]))"
    )
    done = built.run("python", "-c", code)
    assert done.returncode == 0, done.stderr.decode()
    for path in json.loads(done.stdout):
        assert Path(path).resolve().is_relative_to(built.venv.resolve()), path


def test_app_icon_comes_from_the_wheel(built: Built) -> None:
    code = (
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from wattprint.desktop.widgets.icon import app_icon;"
        "print(sorted(s.width() for s in app_icon().availableSizes()))"
    )
    done = built.run("python", "-c", code)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == [16, 24, 32, 48, 64, 128, 256]


def test_estimate_json_in_the_fresh_venv(built: Built) -> None:
    done = built.run("wattprint", "estimate", "--service", "chatgpt", "--json")
    assert done.returncode == 0, done.stderr.decode()
    estimate = json.loads(done.stdout)
    for key in ("energy_wh", "co2e_g", "water_ml"):
        assert 0 < estimate[key]["low"] <= estimate[key]["central"] <= estimate[key]["high"]
    assert estimate["sources"]
    assert estimate["model_version"]


def test_sources_in_the_fresh_venv(built: Built) -> None:
    done = built.run("wattprint", "sources")
    assert done.returncode == 0, done.stderr.decode()
    assert "Model data" in done.stdout.decode()


def test_host_answers_hello_in_the_fresh_venv(built: Built) -> None:
    body = json.dumps({"type": "hello", "protocol": 1}).encode()
    done = built.run("wattprint-host", CHROMIUM_ORIGIN, stdin=len(body).to_bytes(4, sys.byteorder) + body)
    assert done.returncode == 0, done.stderr.decode()
    size = int.from_bytes(done.stdout[:4], sys.byteorder)
    reply = json.loads(done.stdout[4 : 4 + size])
    assert reply["type"] == "hello"
    assert reply["app_version"] == "0.1.0"


def test_wheel_and_sdist_carry_the_built_extension_packed_and_unpacked(built: Built) -> None:
    names = set(zipfile.ZipFile(built.wheel).namelist())
    for browser in ("chromium", "firefox"):
        assert f"wattprint/extension/{browser}/manifest.json" in names
        assert f"wattprint/extension/{browser}/background/service-worker.js" in names
    assert "wattprint/extension/wattprint-chromium.zip" in names
    assert "wattprint/extension/wattprint-firefox.xpi" in names
    with zipfile.ZipFile(built.wheel) as wheel:
        chromium = json.loads(wheel.read("wattprint/extension/chromium/manifest.json"))
        firefox = json.loads(wheel.read("wattprint/extension/firefox/manifest.json"))
    assert "key" in chromium
    assert firefox["browser_specific_settings"]["gecko"]["id"]
    with tarfile.open(built.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for part in ("extension/dist/chromium/manifest.json", "extension/dist/firefox/manifest.json",
                 "extension/dist/wattprint-chromium.zip", "extension/dist/wattprint-firefox.xpi"):
        assert part in in_sdist


def test_installed_app_finds_its_extension(built: Built) -> None:
    code = (
        "import json; from wattprint.core.pipe import extension_files as e;"
        "print(json.dumps({b: [str(e.find(b).folder), str(e.find(b).packed)] for b in ('chromium', 'firefox')}))"
    )
    done = built.run("python", "-c", code)
    assert done.returncode == 0, done.stderr.decode()
    for folder, packed in json.loads(done.stdout).values():
        assert Path(folder).resolve().is_relative_to(built.venv.resolve())
        assert (Path(folder) / "manifest.json").is_file()
        assert Path(packed).is_file()
