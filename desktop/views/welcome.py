"""The "Get started" page: three steps from a fresh install to a first captured query, each with its state.

1. Load the extension: where the built extension is (open the folder, copy the path), the browser's extensions page
   and what to click there.
2. Connect the browsers: a button that runs `wattprint install-host`; the result (or the fix) shows beside it.
3. Send a question: waits for the first query and shows it arriving.
Demo data, to look around first, is offered below.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wattprint.core.pipe import extension_files
from wattprint.desktop.models.settingsmodel import SettingsModel

DONE, WAITING, FAILED = "done", "waiting", "failed"
_MARKS = {DONE: ("✓", "#1b7f3b"), WAITING: ("…", "#6b7580"), FAILED: ("✗", "#b3261e")}


def _row(layout: QVBoxLayout, *widgets: QWidget) -> None:
    """Adds the widgets side by side, left-aligned, to a layout."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    layout.addLayout(row)


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class Step(QFrame):
    """One numbered step: a title, a state line (done, waiting or failed, with the fix) and its body.

    Args:
        title: The step's title.
        parent: The owner.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.state_label = _text("")
        self.state_label.setAccessibleName(title)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.state_label)
        layout.addLayout(self.body)
        self.state = WAITING

    def set_state(self, state: str, text: str) -> None:
        """Shows the step's state: DONE, WAITING or FAILED, and a sentence (for FAILED: what went wrong and the fix)."""
        self.state = state
        mark, colour = _MARKS[state]
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.state_label.setText(f"{mark} {text}")


class WelcomeView(QWidget):
    """The first-run walk-through, shown while the history is empty (and kept as a tab for another browser later).

    Args:
        settings: The settings model (browser connections, and running `wattprint install-host`).
        parent: The owner.

    Signals:
        demo_requested: The user asked for demo data.
        feed_requested: The user asked to see the feed (after the first query arrived).
    """

    demo_requested = Signal()
    feed_requested = Signal()

    def __init__(self, settings: SettingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.connecting = False
        intro = _text(
            "<h2>" + self.tr("Welcome to Wattprint") + "</h2><p>"
            + self.tr("Wattprint shows the energy, carbon and water of your everyday AI use, privately, on this "
                      "computer. Three steps connect it to your browser:")
            + "</p>"
        )  # fmt: skip
        self.load_step = self._load_step()
        self.connect_step = self._connect_step()
        self.query_step = self._query_step()
        self.demo = QPushButton(self.tr("Try demo data"))
        self.demo.setAccessibleName(self.tr("Try demo data"))
        self.demo.clicked.connect(self.demo_requested)
        note = _text(
            self.tr("Only counts are kept: never the text of your prompts or answers.")
            + " "
            + self.tr("Demo data goes to a separate 'demo' profile; your own history stays empty until you connect.")
        )
        page = QWidget()
        page.setMaximumWidth(820)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        for step in (self.load_step, self.connect_step, self.query_step):
            layout.addWidget(step)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo)
        demo_row.addWidget(note, 1)
        layout.addLayout(demo_row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.addStretch(1)
        centre.addWidget(page, 20)
        centre.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        settings.message.connect(self._install_message)
        self.refresh()

    # -- building ---------------------------------------------------------------------------------------------------

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    def _load_step(self) -> Step:
        step = Step(self.tr("1. Load the extension into your browser"))
        self.chromium = extension_files.find("chromium")
        self.firefox = extension_files.find("firefox")
        chromium_path = str(self.chromium.folder) if self.chromium else ""
        firefox_file = (self.firefox.packed or self.firefox.folder / "manifest.json") if self.firefox else None
        firefox_path = str(firefox_file) if firefox_file is not None else ""
        self.chromium_path = _text(f"<code>{chromium_path}</code>")
        self.firefox_path = _text(f"<code>{firefox_path}</code>")
        for label in (self.chromium_path, self.firefox_path):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_details = QWidget()
        details = QVBoxLayout(self.load_details)
        details.setContentsMargins(0, 0, 0, 0)
        step.body.addWidget(self.load_details)
        details.addWidget(_text(self.tr(
            "<b>Chrome, Chromium, Edge, Brave or Vivaldi</b>: open <code>chrome://extensions</code> (Edge: "
            "<code>edge://extensions</code>), turn on <b>Developer mode</b>, click <b>Load unpacked</b> and choose "
            "this folder:"
        )))  # fmt: skip
        details.addWidget(self.chromium_path)
        _row(
            details,
            self._button(self.tr("Open the folder"), lambda: self._open(self.chromium_folder())),
            self._button(self.tr("Copy the folder's path"), lambda: self._copy(chromium_path)),
            self._button(self.tr("Copy chrome://extensions"), lambda: self._copy("chrome://extensions")),
        )
        details.addWidget(_text(self.tr(
            "<b>Firefox</b>: open <code>about:debugging</code>, click <b>This Firefox</b>, then <b>Load Temporary "
            "Add-on…</b> and choose this file (Firefox forgets it when it restarts):"
        )))  # fmt: skip
        details.addWidget(self.firefox_path)
        _row(
            details,
            self._button(self.tr("Open its folder"), lambda: self._open(Path(firefox_path).parent)),
            self._button(self.tr("Copy the file's path"), lambda: self._copy(firefox_path)),
            self._button(self.tr("Copy about:debugging"), lambda: self._copy("about:debugging")),
        )
        self.load_details.setVisible(bool(self.chromium and self.firefox))
        return step

    def chromium_folder(self) -> Path | None:
        """The unpacked Chromium extension, when it was built."""
        return self.chromium.folder if self.chromium else None

    def _connect_step(self) -> Step:
        step = Step(self.tr("2. Connect the browsers to this app"))
        step.body.addWidget(_text(self.tr(
            "This lets your browsers start Wattprint's small host program, which stores each query here (it runs "
            "<code>wattprint install-host</code>; nothing is sent anywhere)."
        )))  # fmt: skip
        self.connect_button = self._button(self.tr("Connect the browsers"), self.connect_browsers)
        _row(step.body, self.connect_button)
        return step

    def _query_step(self) -> Step:
        step = Step(self.tr("3. Ask a chatbot something"))
        step.body.addWidget(_text(self.tr(
            "Use ChatGPT, Claude, Gemini, Copilot or a search engine as usual. Each query appears here within a "
            "second or two."
        )))  # fmt: skip
        self.feed_button = self._button(self.tr("Open the Feed"), self.feed_requested.emit)
        self.feed_button.hide()
        _row(step.body, self.feed_button)
        return step

    # -- states -----------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-reads the state of the first two steps (the built extension, the browsers' registrations)."""
        if self.chromium and self.firefox:
            self.load_step.set_state(DONE, self.tr("The extension is ready to load: follow the clicks below."))
        else:
            self.load_step.set_state(FAILED, self.tr(
                "The built extension is missing. Fix: in Wattprint's source folder run 'make run' (or "
                "'npm --prefix extension run package'), then restart the app."
            ))  # fmt: skip
        if self.connecting:
            return
        connected = [c.name for c in self.settings.connections() if c.ok]
        broken = [c for c in self.settings.connections() if c.registered and not c.ok]
        if connected:
            self.connect_step.set_state(DONE, self.tr("Connected: {browsers}.").format(browsers=", ".join(connected)))
        elif broken:
            self.connect_step.set_state(FAILED, self.tr(
                "{browser}: {problem}. Fix: click Connect the browsers again."
            ).format(browser=broken[0].name, problem=broken[0].problems[0]))  # fmt: skip
        else:
            self.connect_step.set_state(WAITING, self.tr("Not connected yet."))
        if self.query_step.state != DONE:
            self.query_step.set_state(WAITING, self.tr("Waiting for your first query…"))

    @Slot()
    def connect_browsers(self) -> None:
        """Runs `wattprint install-host`; its outcome shows in step 2."""
        self.connecting = True
        self.connect_button.setEnabled(False)
        self.connect_step.set_state(WAITING, self.tr("Connecting…"))
        self.settings.install_host()

    @Slot(str)
    def _install_message(self, text: str) -> None:
        if not self.connecting:
            return
        self.connecting = False
        self.connect_button.setEnabled(True)
        self.refresh()
        if self.connect_step.state != DONE:
            self.connect_step.set_state(FAILED, self.tr(
                "{message} Fix: install Chrome, Chromium, Edge, Brave, Vivaldi or Firefox, or run "
                "'wattprint install-host --browser chrome' (or firefox) in a terminal."
            ).format(message=text))  # fmt: skip

    def first_query(self, service: str, energy: str) -> None:
        """Shows the first query arriving (step 3 done)."""
        self.query_step.set_state(
            DONE, self.tr("Your first query arrived: {service}, {energy}.").format(service=service, energy=energy)
        )
        self.feed_button.show()
        self.connect_step.set_state(DONE, self.tr("Connected: your browser sent its first query to Wattprint."))

    # -- actions ----------------------------------------------------------------------------------------------------

    @staticmethod
    def _open(folder: Path | None) -> None:
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)
