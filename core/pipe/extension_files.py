"""Where the built browser extension is: the unpacked folders to load and the packed files, per browser.

An installed wheel or bundle carries them in its `wattprint/extension` folder; a source checkout has them in
extension/dist once built (`make run` builds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import wattprint.core

PACKED = {"chromium": "wattprint-chromium.zip", "firefox": "wattprint-firefox.xpi"}


@dataclass(frozen=True)
class BuiltExtension:
    """The built extension for one browser family.

    Attributes:
        browser: "chromium" (Chrome, Chromium, Brave, Edge, Vivaldi) or "firefox".
        folder: The unpacked extension, the folder a browser loads ("Load unpacked", "Load Temporary Add-on").
        packed: The packed file (.zip for Chromium browsers, .xpi for Firefox), when it is there.
    """

    browser: str
    folder: Path
    packed: Path | None


def _candidates() -> list[Path]:
    package = Path(wattprint.core.__file__).resolve().parent.parent  # site-packages/wattprint, or the source tree
    return [package / "extension", package / "extension" / "dist"]


def find(browser: str, roots: list[Path] | None = None) -> BuiltExtension | None:
    """The built extension for a browser family, or None when it has not been built.

    Args:
        browser: "chromium" or "firefox".
        roots: Folders to look in, in order (default: the installed package's, then the source tree's dist).
    """
    for root in roots if roots is not None else _candidates():
        folder = root / browser
        if (folder / "manifest.json").is_file():
            packed = root / PACKED[browser]
            return BuiltExtension(browser, folder, packed if packed.is_file() else None)
    return None


__all__ = ["PACKED", "BuiltExtension", "find"]
