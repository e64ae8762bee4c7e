"""Which browsers have Wattprint's native-messaging host registered, for the desktop app's settings.

The locations and checks are `install_host.registered`'s (what `wattprint install-host` writes and `wattprint doctor`
checks); this module only shapes them for display.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from wattprint.core import paths
from wattprint.core.pipe import install_host

NAMES = {
    "chrome": "Google Chrome",
    "chromium": "Chromium",
    "brave": "Brave",
    "edge": "Microsoft Edge",
    "vivaldi": "Vivaldi",
    "firefox": "Firefox",
}


@dataclass(frozen=True)
class Connection:
    """One browser's registration.

    Attributes:
        browser: Browser id ("chrome", "firefox", ...).
        name: Display name.
        manifest: Where the host manifest is (or would be).
        registered: Whether the manifest exists.
        problems: What is wrong with an existing manifest (empty when it is usable).
    """

    browser: str
    name: str
    manifest: Path
    registered: bool
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Registered and without problems."""
        return self.registered and not self.problems


def connections(home: Path | None = None, platform: str | None = None) -> list[Connection]:
    """Where each supported browser looks for Wattprint's host manifest, and whether a usable one is there.

    Args:
        home: The home folder (default: `$HOME`, else the user's home).
        platform: `sys.platform` to assume (default: this one).
    """
    home = home or Path(os.environ.get("HOME") or Path.home())
    report = install_host.registered(install_host.os_name(platform), home, paths.data_dir())
    found = []
    for browser, entry in report.items():
        name = NAMES.get(browser, browser)
        problems = tuple(entry["problems"])
        found.append(Connection(browser, name, Path(entry["manifest"]), bool(entry["installed"]), problems))
    return found


__all__ = ["NAMES", "Connection", "connections"]
