"""Horizontal bars on a log scale with big labels, painted (a chart that reads from the back of a room)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
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
        small = QFont(font)
        small.setPixelSize(font_px(self, "small"))
        scale_height = small.pixelSize() * 1.8  # under the rows: the decades the steps mark
        row = (self.height() - scale_height) / len(self.bars)
        label_width = self.width() * 0.34
        # The longest bar leaves room for its text: the track shrinks for long texts ("★☆☆☆☆ among large models").
        longest = max(QFontMetricsF(font).horizontalAdvance(bar.text) for bar in self.bars)
        text_width = max(self.width() * 0.30, longest + 24)
        track = max(self.width() * 0.15, self.width() - label_width - text_width - 24)
        values = [bar.value for bar in self.bars if bar.value > 0]
        low = math.log10(min(values)) - 0.3 if values else 0.0
        high = math.log10(max(values)) if values else 1.0
        span = max(high - low, 1e-9)
        self._paint_decades(painter, small, (label_width, track, low, span), row * len(self.bars), scale_height)
        painter.setFont(font)
        for i, bar in enumerate(self.bars):
            top = i * row
            painter.setPen(self.text_colour)
            painter.drawText(
                QRectF(0, top - row * 0.2, label_width - 16, row * 1.4),  # a label on two lines still fits
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

    def _paint_decades(
        self, painter: QPainter, font: QFont, scale: tuple[float, float, float, float], bottom: float, height: float
    ) -> None:
        """A faint line at each power of ten along the track, its value under the rows ("0.1", "1", "10", "100")."""
        left, track, low, span = scale
        lines = QColor(self.muted_colour)
        lines.setAlphaF(0.35)
        painter.setFont(font)
        for power in range(math.ceil(low), math.floor(low + span) + 1):
            x = left + track * (power - low) / span
            painter.setPen(lines)
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
            painter.setPen(self.muted_colour)
            value = f"{10.0**power:g}" if power < 0 else f"{10**power:,}"
            painter.drawText(QRectF(x - 60, bottom, 120, height), int(Qt.AlignmentFlag.AlignCenter), value)
