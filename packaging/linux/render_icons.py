"""Renders the SVG icon to the PNG sizes desktops look for (run again when the SVG changes)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).parent / "icons"


def main() -> int:
    """Writes icons/<size>x<size>/org.wattprint.Wattprint.png for each size."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - keeps Qt's image plugins alive
    renderer = QSvgRenderer(str(HERE / "org.wattprint.Wattprint.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = HERE / f"{size}x{size}" / "org.wattprint.Wattprint.png"
        target.parent.mkdir(exist_ok=True)
        image.save(str(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
