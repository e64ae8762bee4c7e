"""The main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    """Wattprint's main window.

    Args:
        profile: The history profile shown (None for the user's real history).
    """

    def __init__(self, profile: str | None = None) -> None:
        super().__init__()
        self.profile = profile
        suffix = f" — {profile}" if profile else ""
        self.setWindowTitle(f"Wattprint{suffix}")
        self.resize(960, 640)
        empty = QLabel(
            "No queries yet.\n\nInstall the Wattprint browser extension and run 'wattprint install-host' "
            "to connect it.\nEach query you send to a chatbot or a search engine will appear here."
        )
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setAccessibleName("Empty history")
        self.setCentralWidget(empty)
