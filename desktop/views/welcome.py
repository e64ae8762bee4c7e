"""The first-run page: how to connect the browser extension, and demo data to look around with."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME = """<h2>Welcome to Wattprint</h2>
<p>Wattprint shows the energy, carbon and water of your everyday AI use — privately, on this computer.</p>
<ol>
<li>Install the Wattprint extension in your browser (Chrome, Chromium, Edge, Brave or Firefox).</li>
<li>Connect it to this app: run <code>wattprint install-host</code> in a terminal,
    or use <b>Settings → Connect browsers</b>.</li>
<li>Use ChatGPT, Claude, Gemini or a search engine as usual. Each query appears here as it happens.</li>
</ol>"""


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
        text = QLabel(WELCOME)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAccessibleName("How to connect the extension")
        text.setFixedWidth(640)
        self.demo = QPushButton("Try demo data")
        self.demo.setAccessibleName("Try demo data")
        self.demo.setAutoDefault(True)
        note = QLabel(
            "Only counts are kept: never the text of your prompts or answers.\n"
            "Demo data goes to a separate 'demo' profile; your own history stays empty until you connect."
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
