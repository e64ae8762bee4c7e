"""The banner shown while the demo profile is open: it says the history is made up, and leads back to the real one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# Okabe-Ito orange, light: a notice that reads in light and dark schemes alike (dark text on a light fill).
BANNER_STYLE = "QFrame#demoBanner { background: #ffe0b2; border-bottom: 2px solid #e69f00; } QLabel { color: #222222; }"


class DemoBanner(QFrame):
    """A strip across the top of the window: "Demo data" and a button back to the user's own history.

    Signals:
        back_requested: Emitted when the user asks to leave the demo.
    """

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName(self.tr("Demo data notice"))
        self.text = QLabel(
            self.tr("<b>Demo data.</b> You are looking at a made-up history, not your own; nothing here is real use.")
        )
        self.text.setWordWrap(True)
        self.back = QPushButton(self.tr("Back to my history"))
        self.back.setAccessibleName(self.tr("Leave the demo and show my history"))
        self.back.clicked.connect(self.back_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.back)
