"""Starting Wattprint when the user logs in: an XDG autostart entry on Linux.

`wattprint --background` is what the entry runs: the app starts in the tray, without its window. On Linux the
freedesktop.org Desktop Application Autostart Specification reads `*.desktop` files in `$XDG_CONFIG_HOME/autostart`
(default ~/.config/autostart). macOS offers Login Items (System Settings > General > Login Items, or a LaunchAgent
plist in ~/Library/LaunchAgents) and Windows the Startup folder (shell:startup) or the HKCU Run registry key; Wattprint
writes neither yet, and `supported` says so.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from wattprint.core.store import files

ENTRY_NAME = "org.wattprint.Wattprint.desktop"


def supported(platform: str | None = None) -> bool:
    """Whether Wattprint can register itself to start at login on this OS (Linux and the BSDs: XDG autostart)."""
    platform = platform or sys.platform
    return not (platform.startswith("win") or platform == "darwin")


def entry_path(env: dict[str, str] | None = None, home: Path | None = None) -> Path:
    """Where the autostart entry goes: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart."""
    env = dict(os.environ) if env is None else env
    home = home or Path(env.get("HOME") or Path.home())
    config = env.get("XDG_CONFIG_HOME") or str(home / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def app_command() -> list[str]:
    """The command that starts this installation of the app (the bundle's executable, the venv's script, or Python)."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / "wattprint"
    if script.exists():
        return [str(script)]
    found = shutil.which("wattprint")
    return [found] if found else [sys.executable, "-m", "wattprint.core.cli"]


def entry_text(command: list[str], env: dict[str, str] | None = None) -> str:
    """The .desktop file: runs the command with --background (and the data folder or profile chosen, when set)."""
    prefix = ["env", *(f"{k}={v}" for k, v in sorted((env or {}).items()))] if env else []
    exec_line = " ".join(shlex.quote(part) for part in [*prefix, *command, "--background"])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Wattprint\n"
        "Comment=Keeps counting the energy of your AI queries, in the tray\n"
        f"Exec={exec_line}\n"
        "Icon=org.wattprint.Wattprint\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enabled(path: Path | None = None) -> bool:
    """Whether the autostart entry is there."""
    return (path or entry_path()).is_file()


def enable(path: Path | None = None, command: list[str] | None = None, env: dict[str, str] | None = None) -> Path:
    """Writes the autostart entry (user-only, 0600; its folder 0700 when created); returns its path.

    Raises:
        OSError: It cannot be written.
    """
    path = path or entry_path()
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    files.write_private(path, entry_text(command or app_command(), env))
    return path


def disable(path: Path | None = None) -> None:
    """Removes the autostart entry (nothing happens when there is none).

    Raises:
        OSError: It cannot be removed.
    """
    (path or entry_path()).unlink(missing_ok=True)


__all__ = ["ENTRY_NAME", "app_command", "disable", "enable", "enabled", "entry_path", "entry_text", "supported"]
