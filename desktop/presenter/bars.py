"""Horizontal bars on a log scale with big labels, painted (a chart that reads from the back of a room)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from wattprint.desktop.presenter.theme import MUTED, TEXT, font_px


@dataclass(frozen=True)
class Bar:
    """One row: its label, its value (for the bar's length), the text at its end and its colour."""

    label: str
    value: float
    text: str
    colour: QColor


class Bars(QWidget):
    """Rows of label, bar and value; bar lengths on a log scale so a kettle and a search both show.

    Args:
        parent: The owner.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.text_colour, self.muted_colour = TEXT, MUTED  # the printable handout sets dark ones
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[Bar]) -> None:
        """Shows these rows, top to bottom."""
        self.bars = bars
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.text}" for bar in bars))
        self.update()

    def sizeHint(self) -> QSize:
        """Room for every row."""
        return QSize(800, 60 * max(1, len(self.bars)))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paints the rows."""
        del event
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(font_px(self, "body"))
        painter.setFont(font)
        row = self.height() / len(self.bars)
        label_width = self.width() * 0.34
        text_width = self.width() * 0.30
        track = self.width() - label_width - text_width - 24
        values = [bar.value for bar in self.bars if bar.value > 0]
        low = math.log10(min(values)) - 0.3 if values else 0.0
        high = math.log10(max(values)) if values else 1.0
        span = max(high - low, 1e-9)
        for i, bar in enumerate(self.bars):
            top = i * row
            painter.setPen(self.text_colour)
            painter.drawText(
                QRectF(0, top, label_width - 16, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                bar.label,
            )
            share = (math.log10(bar.value) - low) / span if bar.value > 0 else 0.0
            length = max(6.0, track * min(max(share, 0.0), 1.0))
            height = min(row * 0.6, 56)
            painter.fillRect(QRectF(label_width, top + (row - height) / 2, length, height), bar.colour)
            painter.setPen(self.muted_colour if bar.value <= 0 else self.text_colour)
            painter.drawText(
                QRectF(label_width + length + 16, top, text_width + track - length, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.text,
            )
        painter.end()
