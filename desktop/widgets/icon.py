"""The app's icon: the PNGs shipped in `wattprint.desktop.icons` (the desktop entry's icon), else drawn."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

ICON_NAME = "org.wattprint.Wattprint.png"
SHIPPED_SIZES = (16, 24, 32, 48, 64, 128, 256)  # px


def app_icon() -> QIcon:
    """Wattprint's icon at the sizes trays and title bars use."""
    icon = shipped_icon()
    return icon if not icon.isNull() else drawn_icon()


def shipped_icon() -> QIcon:
    """The icon from the package's PNG files (null when they are missing)."""
    icon = QIcon()
    try:
        folder = resources.files("wattprint.desktop.icons")
    except ModuleNotFoundError:
        return icon
    for size in SHIPPED_SIZES:
        png = folder / f"{size}x{size}" / ICON_NAME
        pixmap = QPixmap()
        if png.is_file() and pixmap.loadFromData(png.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def drawn_icon() -> QIcon:
    """A drawn stand-in (a leaf-green disc with a lightning bolt), for a source tree without the icon files."""
    icon = QIcon()
    for size in (16, 22, 32, 48, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f7d6d"))
        painter.drawEllipse(0, 0, size, size)
        s = size / 16
        bolt = QPolygonF(
            [QPointF(x * s, y * s) for x, y in ((9, 2), (4, 9), (7.5, 9), (6.5, 14), (12, 6.5), (8.5, 6.5), (9, 2))]
        )
        painter.setBrush(QColor("#f4d35e"))
        painter.drawPolygon(bolt)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def badge_text(count: int) -> str:
    """A count short enough for a tray icon: "7", "42", "999", "1k", "12k"."""
    if count < 1000:
        return str(count)
    return f"{min(count // 1000, 99)}k"


def with_badge(icon: QIcon, text: str, size: int = 64) -> QIcon:
    """The icon with `text` drawn on a badge in its lower right corner (today's count, in the tray)."""
    pixmap = icon.pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
    if not text:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = painter.font()
    font.setPixelSize(round(size * 0.42))
    font.setBold(True)
    painter.setFont(font)
    width = max(painter.fontMetrics().horizontalAdvance(text) + size * 0.16, size * 0.5)
    height = size * 0.5
    badge = QRectF(size - width, size - height, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#b3261e"))
    painter.drawRoundedRect(badge, height / 2, height / 2)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return QIcon(pixmap)
