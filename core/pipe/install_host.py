"""Registering `wattprint-host` with browsers: host manifests, a launcher, and on Windows registry keys.

Every location is computed from a browser, an operating system and a home folder, so the computation is tested on
any OS. The manifest's `path` points to a small launcher in the data folder that runs the installed `wattprint-host`
of this Python environment, or the bundled one of a one-folder bundle (browsers start hosts with a bare environment,
so the launcher also carries `WATTPRINT_DATA_DIR` and `WATTPRINT_PROFILE` when they were set at install time).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import json
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wattprint.core.pipe.protocol import CHROMIUM_EXTENSION_ID, FIREFOX_EXTENSION_ID, HOST_NAME
from wattprint.core.words.i18n import _

CHROMIUM_FAMILY = ("chrome", "chromium", "brave", "edge", "vivaldi")
BROWSERS = (*CHROMIUM_FAMILY, "firefox")
DESCRIPTION = "Wattprint: stores the energy estimates of your AI and search queries on this computer"

# Folders of the host manifests, per OS (KeePassXC's NativeMessageInstaller uses the same). On Linux a Chromium-family
# browser keeps its user data, and so its NativeMessagingHosts folder, under $CHROME_CONFIG_HOME, else
# $XDG_CONFIG_HOME, else ~/.config (`chromium_config_home`); Firefox reads ~/.mozilla whatever the environment.
_LINUX_CHROMIUM = {
    "chrome": "google-chrome/NativeMessagingHosts",
    "chromium": "chromium/NativeMessagingHosts",
    "brave": "BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "edge": "microsoft-edge/NativeMessagingHosts",
    "vivaldi": "vivaldi/NativeMessagingHosts",
}
_LINUX_FIREFOX = ".mozilla/native-messaging-hosts"
_MACOS = {
    "chrome": "Library/Application Support/Google/Chrome/NativeMessagingHosts",
    "chromium": "Library/Application Support/Chromium/NativeMessagingHosts",
    "brave": "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "edge": "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
    "vivaldi": "Library/Application Support/Vivaldi/NativeMessagingHosts",
    "firefox": "Library/Application Support/Mozilla/NativeMessagingHosts",
}
# Windows: HKCU registry keys whose default value is the manifest's path. Brave and Vivaldi read Chrome's key.
_WINDOWS_KEYS = {
    "chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"Software\Chromium\NativeMessagingHosts",
    "brave": r"Software\Google\Chrome\NativeMessagingHosts",
    "edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "vivaldi": r"Software\Google\Chrome\NativeMessagingHosts",
    "firefox": r"Software\Mozilla\NativeMessagingHosts",
}


def os_name(platform: str | None = None) -> str:
    """'linux', 'macos' or 'windows' for a `sys.platform` value (default: this one)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


@dataclass(frozen=True)
class Target:
    """Where one browser's registration goes.

    Attributes:
        browser: The browser.
        manifest: The manifest file.
        registry_key: On Windows, the HKCU key whose default value is the manifest's path.
    """

    browser: str
    manifest: Path
    registry_key: str | None = None


def chromium_config_home(home: Path, environ: Mapping[str, str] | None = None) -> Path:
    """Where Chromium-family browsers keep their user data on Linux: $CHROME_CONFIG_HOME, $XDG_CONFIG_HOME, ~/.config.

    The order is Chromium's own (its default user data folder on Linux); a variable that is empty or not an absolute
    path is passed over, as the XDG Base Directory specification says.
    """
    environ = os.environ if environ is None else environ
    for name in ("CHROME_CONFIG_HOME", "XDG_CONFIG_HOME"):
        value = environ.get(name, "")
        if value and os.path.isabs(value):
            return Path(value)
    return home / ".config"


def manifest_folder(browser: str, system: str, home: Path, environ: Mapping[str, str] | None = None) -> Path:
    """The folder a browser reads its user-level host manifests from, on Linux or macOS."""
    if system == "macos":
        return home / _MACOS[browser]
    if browser == "firefox":
        return home / _LINUX_FIREFOX
    return chromium_config_home(home, environ) / _LINUX_CHROMIUM[browser]


def target(
    browser: str,
    system: str,
    home: Path,
    *,
    user_data_dir: Path | None = None,
    data: Path,
    environ: Mapping[str, str] | None = None,
) -> Target:
    """The registration of one browser on one OS.

    Args:
        browser: One of BROWSERS.
        system: 'linux', 'macos' or 'windows'.
        home: The user's home folder.
        user_data_dir: A Chromium `--user-data-dir`: the manifest goes to its NativeMessagingHosts folder.
        data: Wattprint's data folder (where Windows manifests live).
        environ: The environment the browsers start in (default: this process's), for their configuration folder.
    """
    name = f"{HOST_NAME}.json"
    if user_data_dir is not None:
        return Target(browser, user_data_dir / "NativeMessagingHosts" / name)
    if system == "windows":
        return Target(browser, data / "NativeMessagingHosts" / f"{HOST_NAME}-{browser}.json", _windows_key(browser))
    return Target(browser, manifest_folder(browser, system, home, environ) / name)


def _windows_key(browser: str) -> str:
    return _WINDOWS_KEYS[browser] + "\\" + HOST_NAME


# Commands that start each browser on Linux (Debian, Fedora and the vendors' own packages name them so), and the
# application bundles on macOS: a browser installed but never started has no configuration folder yet, and it reads
# the host manifest on its first start, so an installed browser counts as present too.
_LINUX_COMMANDS = {
    "chrome": ("google-chrome", "google-chrome-stable"),
    "chromium": ("chromium", "chromium-browser"),
    "brave": ("brave-browser", "brave"),
    "edge": ("microsoft-edge", "microsoft-edge-stable"),
    "vivaldi": ("vivaldi", "vivaldi-stable"),
    "firefox": ("firefox", "firefox-esr"),
}
_MACOS_APPS = {
    "chrome": "Google Chrome.app",
    "chromium": "Chromium.app",
    "brave": "Brave Browser.app",
    "edge": "Microsoft Edge.app",
    "vivaldi": "Vivaldi.app",
    "firefox": "Firefox.app",
}


def installed(browser: str, system: str, home: Path, path: str | None = None) -> bool:
    """Whether a browser's program is installed (on PATH on Linux, an application bundle on macOS).

    Args:
        browser: One of BROWSERS.
        system: 'linux' or 'macos' ('windows' always answers False: every browser is registered there).
        home: The user's home folder (for ~/Applications on macOS).
        path: The PATH to search (default: this process's).
    """
    if system == "macos":
        app = _MACOS_APPS[browser]
        return (Path("/Applications") / app).is_dir() or (home / "Applications" / app).is_dir()
    if system == "linux":
        return any(shutil.which(command, path=path) for command in _LINUX_COMMANDS[browser])
    return False


def detected(system: str, home: Path, path: str | None = None) -> list[str]:
    """The browsers that are installed or whose configuration folder exists (where their manifest folder goes).

    Args:
        system: 'linux', 'macos' or 'windows' (on Windows: every browser, since registry keys cost nothing).
        home: The user's home folder.
        path: The PATH to search for browsers' programs (default: this process's).
    """
    if system == "windows":
        return list(BROWSERS)
    return [
        b for b in BROWSERS if manifest_folder(b, system, home).parent.is_dir() or installed(b, system, home, path)
    ]


def extension_id(source: Path | None = None) -> str:
    """The Chromium extension id: from the `key` of the extension's source manifest when there is one.

    The id is the first 32 hex digits of the SHA-256 of the decoded key, with 0-f written as a-p.
    """
    root = source or Path(__file__).resolve().parents[2] / "extension"  # the source tree's extension/
    for name in ("manifest.json", "manifest.src.json", "manifest.base.json", "src/manifest.json"):
        path = root / name
        try:
            key = json.loads(path.read_text(encoding="utf-8")).get("key")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(key, str) and key:
            try:
                digest = hashlib.sha256(base64.b64decode(key, validate=True)).hexdigest()[:32]
            except ValueError:
                continue
            return "".join(chr(ord("a") + int(c, 16)) for c in digest)
    return CHROMIUM_EXTENSION_ID


def manifest(browser: str, launcher: Path, chromium_id: str) -> dict[str, Any]:
    """The host manifest for one browser."""
    body: dict[str, Any] = {"name": HOST_NAME, "description": DESCRIPTION, "path": str(launcher), "type": "stdio"}
    if browser == "firefox":
        body["allowed_extensions"] = [FIREFOX_EXTENSION_ID]
    else:
        body["allowed_origins"] = [f"chrome-extension://{chromium_id}/"]
    return body


def host_command() -> Path:
    """The `wattprint-host` to register.

    In a one-folder bundle (PyInstaller sets `sys.frozen`) it is the bundled executable beside the app's, never
    another install's found on PATH. Otherwise it is the installed `wattprint-host` of this Python environment (the
    module run by this Python as a fallback).
    """
    if getattr(sys, "frozen", False):
        # The real path: the app may be started through a symlink (say ~/.local/bin/wattprint) to the bundle.
        folder = Path(sys.executable).resolve().parent
        return folder / ("wattprint-host.exe" if os_name() == "windows" else "wattprint-host")
    folder = Path(sys.executable).parent
    for name in ("wattprint-host", "wattprint-host.exe"):
        if (folder / name).exists():
            return folder / name
    found = shutil.which("wattprint-host")
    return Path(found) if found else Path(sys.executable)


def launcher_text(system: str, command: Path, env: dict[str, str]) -> str:
    """The launcher script: sets the environment chosen at install time and runs the host with its arguments."""
    runs_python = command.name.startswith("python")
    if system == "windows":
        lines = ["@echo off"]
        lines += [f'set "{k}={v}"' for k, v in sorted(env.items())]
        lines.append(f'"{command}"' + (" -m wattprint.core.pipe.host" if runs_python else "") + " %*")
        return "\r\n".join(lines) + "\r\n"
    lines = ["#!/bin/sh", "# Written by 'wattprint install-host'; browsers run it to start the Wattprint host."]
    lines += [f"export {k}={_sh_quote(v)}" for k, v in sorted(env.items())]
    lines.append(f"exec {_sh_quote(str(command))}" + (" -m wattprint.core.pipe.host" if runs_python else "") + ' "$@"')
    return "\n".join(lines) + "\n"


def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


@dataclass(frozen=True)
class Action:
    """One thing install-host does (or would do, with --dry-run)."""

    verb: str  # "write", "remove", "set-key", "delete-key"
    where: str
    content: str | None = None


def plan(
    browsers: list[str],
    *,
    system: str,
    home: Path,
    data: Path,
    uninstall: bool = False,
    user_data_dir: Path | None = None,
    chromium_id: str | None = None,
    env: dict[str, str] | None = None,
    command: Path | None = None,
) -> list[Action]:
    """What installing (or removing) the host for some browsers consists of."""
    launcher = data / ("wattprint-host.bat" if system == "windows" else "wattprint-host")
    actions: list[Action] = []
    if not uninstall:
        text = launcher_text(system, command or host_command(), env or {})
        actions.append(Action("write", str(launcher), text))
    seen: set[str] = set()
    for browser in browsers:
        t = target(browser, system, home, user_data_dir=user_data_dir, data=data)
        if str(t.manifest) not in seen:
            seen.add(str(t.manifest))
            if uninstall:
                actions.append(Action("remove", str(t.manifest)))
            else:
                body = manifest(browser, launcher, chromium_id or extension_id())
                actions.append(Action("write", str(t.manifest), json.dumps(body, indent=2) + "\n"))
        if t.registry_key is not None:
            if uninstall:
                actions.append(Action("delete-key", "HKCU\\" + t.registry_key))
            else:
                actions.append(Action("set-key", "HKCU\\" + t.registry_key, str(t.manifest)))
    if uninstall and set(browsers) == set(BROWSERS) and user_data_dir is None:
        actions.append(Action("remove", str(launcher)))
    return actions


def apply(actions: list[Action]) -> None:
    """Carries out a plan.

    Raises:
        OSError: A file or registry key could not be written.
    """
    for action in actions:
        if action.verb == "write":
            path = Path(action.where)
            _make_folders(path.parent)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(action.content or "", encoding="utf-8", newline="")
            os.chmod(tmp, 0o644 if path.suffix == ".json" else 0o700)
            tmp.replace(path)
        elif action.verb == "remove":
            Path(action.where).unlink(missing_ok=True)
        else:  # pragma: no cover - Windows only
            _registry(action)


def _make_folders(folder: Path) -> None:
    """Creates a folder and its missing parents, each user-only (0700); existing folders are left as they are."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)
        os.chmod(each, 0o700)  # mkdir's mode is masked by the umask


def _registry(action: Action) -> None:  # pragma: no cover - Windows only
    winreg: Any = importlib.import_module("winreg")  # Windows only; imported by name so type checks pass elsewhere

    key = action.where.removeprefix("HKCU\\")
    if action.verb == "set-key":
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as handle:
            winreg.SetValueEx(handle, "", 0, winreg.REG_SZ, action.content or "")
    else:
        with contextlib.suppress(FileNotFoundError):
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key)


def registered(system: str, home: Path, data: Path) -> dict[str, dict[str, Any]]:
    """For each browser: its manifest path, whether it exists, and what is wrong with it (for `wattprint doctor`)."""
    report: dict[str, dict[str, Any]] = {}
    for browser in BROWSERS:
        t = target(browser, system, home, data=data)
        entry: dict[str, Any] = {"manifest": str(t.manifest), "installed": t.manifest.exists(), "problems": []}
        if entry["installed"]:
            try:
                body = json.loads(t.manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                entry["problems"].append(_("unreadable manifest: {error}").format(error=error))
            else:
                if body.get("name") != HOST_NAME:
                    entry["problems"].append(_("wrong host name"))
                launcher = Path(str(body.get("path", "")))
                if not launcher.exists():
                    entry["problems"].append(_("launcher missing: {path}").format(path=launcher))
                key = "allowed_extensions" if browser == "firefox" else "allowed_origins"
                if not body.get(key):
                    entry["problems"].append(_("no {key} in the manifest").format(key=key))
        report[browser] = entry
    return report


__all__ = [
    "BROWSERS",
    "CHROMIUM_FAMILY",
    "Action",
    "Target",
    "apply",
    "detected",
    "extension_id",
    "host_command",
    "installed",
    "launcher_text",
    "manifest",
    "os_name",
    "plan",
    "registered",
    "target",
]
