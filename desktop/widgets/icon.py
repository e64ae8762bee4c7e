"""The app's icon, drawn (a leaf-green disc with a lightning bolt), so it needs no file at run time."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF


def app_icon() -> QIcon:
    """Wattprint's icon at the sizes trays and title bars use."""
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
