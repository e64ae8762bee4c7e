"""The main window's size and place: clamped to the screen it opens on, remembered between runs.

Kept as a small JSON file in the data folder (user-only), one per data folder: {"x", "y", "width", "height"}.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from wattprint.core import paths
from wattprint.core.store import files

FILE_NAME = "window.json"
DEFAULT = (1100, 760)  # px, logical: the size the views are laid out for


def _file() -> Path:
    return paths.data_dir() / FILE_NAME


def clamp(rect: QRect, screen: QRect) -> QRect:
    """`rect` made to fit inside `screen` (smaller if it must, moved onto it if it was off it)."""
    width = min(rect.width(), screen.width())
    height = min(rect.height(), screen.height())
    x = min(max(rect.x(), screen.x()), screen.x() + screen.width() - width)
    y = min(max(rect.y(), screen.y()), screen.y() + screen.height() - height)
    return QRect(x, y, width, height)


def restore(window: QWidget) -> None:
    """Gives the window its remembered geometry (or the default size), clamped to the available screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT)
    wanted = QRect(available.x() + 40, available.y() + 40, *DEFAULT)
    try:
        saved = json.loads(_file().read_text(encoding="utf-8"))
        wanted = QRect(int(saved["x"]), int(saved["y"]), int(saved["width"]), int(saved["height"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    window.setGeometry(clamp(wanted, available))


def save(window: QWidget) -> None:
    """Remembers the window's geometry (best effort: a read-only data folder is not an error)."""
    if window.isMaximized() or window.isFullScreen():
        return
    rect = window.geometry()
    text = json.dumps({"x": rect.x(), "y": rect.y(), "width": rect.width(), "height": rect.height()})
    with contextlib.suppress(OSError):
        files.write_private(_file(), text)
