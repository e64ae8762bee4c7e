"""Helpers for the end-to-end tests and the extension benchmark: build the extension, serve the fixture sites, register
the real `wattprint-host`, drive a real browser (extension/tests/e2e/drive.mjs) and read the history database.

Nothing here imitates the host or the browser: the tests run the built extension in /usr/bin/chromium (or Firefox ESR),
which starts the installed `wattprint-host`, which writes `history.db` in a temporary data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "extension"
DIST = EXTENSION / "dist"
E2E_JS = EXTENSION / "tests" / "e2e"
FIXTURES = EXTENSION / "tests" / "fixtures"
VENV_BIN = REPO / ".venv" / "bin"
WATTPRINT = Path(os.environ.get("WATTPRINT_CLI", VENV_BIN / "wattprint"))  # the `wattprint` command under test
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path(os.environ.get("WATTPRINT_CHROMIUM", "/usr/bin/chromium"))
FIREFOX = Path(os.environ.get("WATTPRINT_FIREFOX", "/usr/bin/firefox-esr"))
MARKER = "WATTPRINT-PRIVATE-MARKER"
EXTENSION_ID = "ggfcmjnhfijbkiopdachebogicdgfobd"

# What the built extension is made from: a newer file here than dist/ means dist is stale.
_SOURCES = ("manifest.json", "package.json", "_locales", "background", "content", "lib", "options", "popup", "scripts")


class E2EError(AssertionError):
    """Something the end-to-end run needs is missing or broke; the message says what."""


def require(path: Path, what: str) -> None:
    """Fails (never skips) with a clear message when a needed program is missing."""
    if not path.exists() and not shutil.which(str(path)):
        raise E2EError(f"{what} not found at {path}: run `make test` (it installs the Debian packages) first")


def _newest(paths: list[Path]) -> float:
    newest = 0.0
    for p in paths:
        if p.is_file():
            newest = max(newest, p.stat().st_mtime)
        elif p.is_dir():
            for f in p.rglob("*"):
                if f.is_file():
                    newest = max(newest, f.stat().st_mtime)
    return newest


def ensure_built() -> Path:
    """Builds dist/chromium and dist/firefox when missing or older than the extension's sources."""
    require(Path("node"), "Node.js")
    if not (EXTENSION / "node_modules" / "playwright-core").is_dir():
        raise E2EError("extension/node_modules is missing: run `make npm` (npm --prefix extension ci)")
    marker = DIST / "chromium" / "manifest.json"
    firefox = DIST / "firefox" / "manifest.json"
    stale = not marker.exists() or not firefox.exists()
    if not stale:
        stale = _newest([EXTENSION / s for s in _SOURCES]) > min(marker.stat().st_mtime, firefox.stat().st_mtime)
    if stale:
        subprocess.run(["npm", "--prefix", str(EXTENSION), "run", "--silent", "build"], check=True,
                       capture_output=True, timeout=120)
    return DIST


def browser_env(data_dir: Path, home: Path) -> dict[str, str]:
    """The environment for the browser (and so for the host it starts): a private data folder and home."""
    env = {k: v for k, v in os.environ.items() if k not in ("WATTPRINT_PROFILE",)}
    env.update(WATTPRINT_DATA_DIR=str(data_dir), HOME=str(home), NODE_NO_WARNINGS="1")
    return env


def folders(root: Path, *names: str) -> list[Path]:
    """New empty folders `names` under `root` (data, home, profile...), in that order."""
    made = [root / n for n in names]
    for d in made:
        d.mkdir()
    return made


def chromium_run(root: Path, config: dict[str, Any]) -> dict[str, Any]:
    """Drives Chromium (drive.mjs `config`, plus the fixture server's rules and a fresh profile) with the real host
    registered; returns drive's result with `data`, `env` and the stored `rows`."""
    data, home, profile = folders(root, "data", "home", "profile")
    ensure_built()
    env = browser_env(data, home)
    install_host("chromium", env, profile)
    with fixture_server() as server:
        result = drive({**config, "rules": server["hostResolverRules"], "userDataDir": str(profile)}, env)
    result.update(data=data, env=env, rows=rows(data))
    return result


def firefox_setup(root: Path, hosts: list[str]) -> tuple[Path, dict[str, str], Path, Path, Path]:
    """Everything a Firefox end-to-end test needs before the browser starts: the real host registered for Firefox,
    a profile trusting a test CA, a certificate for `hosts`. Returns (data, env, profile, leaf.pem, leaf.key)."""
    require(FIREFOX, "Firefox ESR")
    require(Path("certutil"), "certutil (libnss3-tools)")
    if os.geteuid() != 0:
        raise E2EError("the Firefox test serves the fixture sites on port 443, which needs root")
    ensure_built()
    data, home, profile, certs = folders(root, "ff-data", "ff-home", "ff-profile", "certs")
    env = browser_env(data, home)
    install_host("firefox", env)
    leaf, key = firefox_profile(profile, certs, hosts)
    return data, env, profile, leaf, key


def install_host(browser: str, env: dict[str, str], user_data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Registers the real host with `wattprint install-host` (the same command a user runs)."""
    cmd = [str(WATTPRINT), "install-host", "--browser", browser]
    if user_data_dir is not None:
        cmd += ["--user-data-dir", str(user_data_dir)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise E2EError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def chromium_setup(root: Path) -> tuple[Path, Path, dict[str, str]]:
    """A built extension, a data folder, home and Chromium profile under `root`, and the real host registered for that
    profile: returns (data folder, profile, environment for the browser)."""
    data, home, profile = root / "data", root / "home", root / "profile"
    for d in (data, home, profile):
        d.mkdir()
    ensure_built()
    env = browser_env(data, home)
    install_host("chromium", env, profile)
    return data, profile, env


@contextmanager
def fixture_server(port: int = 0, cert: Path | None = None, key: Path | None = None) -> Iterator[dict[str, Any]]:
    """Runs extension/tests/e2e/fixture-server.mjs; yields {port, hostResolverRules, hosts}."""
    env = dict(os.environ, PORT=str(port), NODE_NO_WARNINGS="1")
    if cert is not None and key is not None:
        env.update(TLS_CERT=str(cert), TLS_KEY=str(key))
    proc = subprocess.Popen(["node", str(E2E_JS / "fixture-server.mjs")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise E2EError(f"the fixture server did not start: {proc.stderr.read() if proc.stderr else ''}")
        yield json.loads(line)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def drive(config: dict[str, Any], env: dict[str, str], timeout: float = 170) -> dict[str, Any]:
    """Runs drive.mjs with `config`; returns its JSON result (raises with its log when it fails)."""
    require(CHROMIUM, "Chromium")
    done = subprocess.run(["node", str(E2E_JS / "drive.mjs"), json.dumps(config)], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=EXTENSION)
    lines = done.stdout.strip().splitlines()
    try:
        result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        result = {}
    if done.returncode != 0 or "fatal" in result:
        raise E2EError(f"drive.mjs {config.get('mode')} failed ({done.returncode}): {result.get('fatal')}\n"
                       f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-4000:]}")
    result["log"] = done.stderr
    return result


def chromium_sites_run(root: Path, chats: list[dict[str, Any]], searches: list[dict[str, Any]],
                       timeout: float = 170) -> dict[str, Any]:
    """One headless Chromium session over the fixture sites with the real host; the drive result plus `seconds`,
    `data` (the data folder) and `rows` (history.db)."""
    data, profile, env = prepare_run(root, "chromium")
    started = time.monotonic()
    with fixture_server() as server:
        result = drive({"mode": "sites", "rules": server["hostResolverRules"], "userDataDir": str(profile),
                        "chats": chats, "searches": searches, "expectHost": True, "timeoutMs": 30000}, env, timeout)
    result["seconds"] = time.monotonic() - started
    result["data"] = data
    result["rows"] = rows(data)
    return result


def rows(data_dir: Path) -> list[dict[str, Any]]:
    """Every row of `interactions` in the data folder's history.db, JSON columns decoded."""
    db = data_dir / "history.db"
    if not db.exists():
        raise E2EError(f"no history database at {db}; files there: {sorted(p.name for p in data_dir.iterdir())}")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        out = [dict(r) for r in conn.execute("SELECT * FROM interactions ORDER BY epoch")]
    finally:
        conn.close()
    for r in out:
        for col in ("modes", "prompt", "response", "context", "sources", "warnings"):
            r[col] = json.loads(r[col])
    return out


def files_containing(root: Path, needle: str) -> list[Path]:
    """Files under `root` whose bytes contain `needle` (UTF-8 or UTF-16)."""
    forms = [needle.encode(), needle.encode("utf-16-le")]
    found = []
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if any(f in data for f in forms):
                found.append(p)
    return found


def expected_chat(service: str) -> dict[str, Any]:
    """The fixture's expected.json for a chatbot."""
    data: dict[str, Any] = json.loads((FIXTURES / service / "expected.json").read_text())
    return data


def host_log(data_dir: Path) -> str:
    """The host's log, for failure messages."""
    logs = sorted(data_dir.rglob("host.log*"))
    return "\n".join(p.read_text(errors="replace")[-3000:] for p in logs) or "(no host.log)"


def make_ca(folder: Path, hosts: list[str]) -> tuple[Path, Path, Path]:
    """A test CA and a leaf certificate for `hosts` signed by it: (ca.pem, leaf.pem, leaf.key)."""
    ca_key, ca = folder / "ca.key", folder / "ca.pem"
    key, csr, leaf = folder / "leaf.key", folder / "leaf.csr", folder / "leaf.pem"
    ext = folder / "leaf.ext"

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Wattprint test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout", str(ca_key), "-out", str(ca))
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=wattprint-fixture", "-keyout", str(key), "-out", str(csr))
    ext.write_text("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName="
                   + ",".join(f"DNS:{h}" for h in hosts) + "\n")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial", "-days", "2",
        "-extfile", str(ext), "-out", str(leaf))
    return ca, leaf, key


# Preferences of the test Firefox profiles: the fixture sites resolve to this machine, and nothing phones home.
FIREFOX_PREFS: dict[str, object] = {
    "network.dns.forceResolve": "127.0.0.1",
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "extensions.update.enabled": False,
    "security.OCSP.enabled": 0,
}


def firefox_profile(profile: Path, certs: Path, hosts: list[str]) -> tuple[Path, Path]:
    """Makes `profile` trust a new test CA (imported with certutil); returns the (leaf.pem, leaf.key) it signed for
    `hosts`, for the fixture server."""
    require(Path("certutil"), "certutil (libnss3-tools)")
    ca, leaf, key = make_ca(certs, hosts)
    subprocess.run(["certutil", "-N", "-d", f"sql:{profile}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{profile}", "-n", "Wattprint test CA", "-t", "C,,", "-i", str(ca)],
                   check=True, capture_output=True)  # fmt: skip
    return leaf, key


def wait_for(fn: Any, timeout: float, interval: float = 0.2) -> Any:
    """Polls `fn` until it returns something truthy; returns it, or the last value after `timeout` seconds."""
    end = time.monotonic() + timeout
    value = fn()
    while not value and time.monotonic() < end:
        time.sleep(interval)
        value = fn()
    return value


def prepare_run(root: Path, browser: str) -> tuple[Path, Path, dict[str, str]]:
    """Data, home and profile folders under `root`, the built extension and the real host registered for `browser`
    ("chromium" or "firefox"); returns (data dir, profile dir, environment)."""
    if browser == "firefox":
        require(FIREFOX, "Firefox ESR")
        require(Path("certutil"), "certutil (libnss3-tools)")
        if os.geteuid() != 0:
            raise E2EError("the Firefox test serves the fixture sites on port 443, which needs root")
    data, home, profile = root / "data", root / "home", root / "profile"
    for d in (data, home, profile):
        d.mkdir()
    ensure_built()
    env = browser_env(data, home)
    if browser == "chromium":
        install_host("chromium", env, profile)
    else:
        install_host("firefox", env)
    return data, profile, env
