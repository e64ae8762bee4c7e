"""The first-run page: how to connect the browser extension, and demo data to look around with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """The empty state of a history with nothing in it yet.

    Args:
        parent: The owner.

    Signals:
        demo_requested: The user asked for demo data.
    """

    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        welcome = (
            "<h2>" + self.tr("Welcome to Wattprint") + "</h2>\n<p>"
            + self.tr(
                "Wattprint shows the energy, carbon and water of your everyday AI use — privately, on this computer."
            )
            + "</p>\n<ol>\n<li>"
            + self.tr("Install the Wattprint extension in your browser (Chrome, Chromium, Edge, Brave or Firefox).")
            + "</li>\n<li>"
            + self.tr(
                "Connect it to this app: run <code>wattprint install-host</code> in a terminal, "
                "or use <b>Settings → Connect browsers</b>."
            )
            + "</li>\n<li>"
            + self.tr("Use ChatGPT, Claude, Gemini or a search engine as usual. Each query appears here as it happens.")
            + "</li>\n</ol>"
        )  # fmt: skip
        text = QLabel(welcome)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAccessibleName(self.tr("How to connect the extension"))
        text.setFixedWidth(640)
        self.demo = QPushButton(self.tr("Try demo data"))
        self.demo.setAccessibleName(self.tr("Try demo data"))
        self.demo.setAutoDefault(True)
        note = QLabel(
            self.tr("Only counts are kept: never the text of your prompts or answers.")
            + "\n"
            + self.tr("Demo data goes to a separate 'demo' profile; your own history stays empty until you connect.")
        )
        note.setWordWrap(True)
        note.setFixedWidth(640)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.demo.clicked.connect(self.demo_requested)
