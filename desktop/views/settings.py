"""The settings view.

Region, grid override, what is stored, retention, pause, data folder, browser connections, export / import and
deleting everything.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wattprint.core.modeldata import ModelData
from wattprint.desktop.models.settingsmodel import SettingsModel

STORED_TEXT = (
    "For each query: when it happened, the site (such as ChatGPT or Google), the model and modes the page showed, "
    "how many characters the prompt and the answer had (counted per script, never the text itself), how many "
    "images, and the estimate made for it. Prompts, answers, page addresses beyond the site, and your identity are "
    "never stored or sent anywhere. Everything stays in the folder below."
)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class SettingsView(QWidget):
    """Every setting, grouped.

    Args:
        model: The settings model.
        data: The model data (regions, grid zones).
        parent: The owner.
    """

    def __init__(self, model: SettingsModel, data: ModelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        prefs = model.preferences()

        self.region = QComboBox()
        self.region.setAccessibleName("Region")
        self.region.addItem("Not chosen", None)
        for key, region in data.regions.items():
            self.region.addItem(region.name, key)
        self.region.setCurrentIndex(max(0, self.region.findData(prefs.region)))
        self.zone = QComboBox()
        self.zone.setAccessibleName("Data-centre grid")
        self.zone.addItem("Each service's own data centres", None)
        for key, row in sorted(data.grid.items(), key=lambda kv: kv[1].name):
            self.zone.addItem(f"{row.name} ({row.g_per_kwh:.0f} g/kWh)", key)
        self.zone.setCurrentIndex(max(0, self.zone.findData(prefs.zone)))
        self.weekly = QCheckBox("Show a summary notification once a week")
        self.weekly.setAccessibleName("Weekly summary notification")
        self.weekly.setChecked(prefs.weekly_notification)
        comparisons = QGroupBox("Comparisons")
        form = QFormLayout(comparisons)
        form.addRow("Your region:", self.region)
        form.addRow("Data-centre grid:", self.zone)
        form.addRow(self.weekly)

        stored = QLabel(STORED_TEXT)
        stored.setWordWrap(True)
        stored.setAccessibleName("What is stored")
        self.retention = QSpinBox()
        self.retention.setAccessibleName("Keep history for days")
        self.retention.setRange(0, 36_500)
        self.retention.setSpecialValueText("Forever")
        self.retention.setSuffix(" days")
        self.retention.setValue(prefs.retention_days or 0)
        self.apply_retention = QPushButton("Apply")
        self.apply_retention.setAccessibleName("Apply retention")
        self.pause_status = QLabel()
        self.pause_status.setAccessibleName("Capture status")
        self.pause_hour = QPushButton("Pause for an hour")
        self.pause_hour.setAccessibleName("Pause for an hour")
        self.pause_tomorrow = QPushButton("Pause until tomorrow")
        self.pause_tomorrow.setAccessibleName("Pause until tomorrow")
        self.resume = QPushButton("Resume")
        self.resume.setAccessibleName("Resume capture")
        self.folder = QLabel(str(model.session.folder))
        self.folder.setAccessibleName("Data folder")
        self.open_folder = QPushButton("Open folder")
        self.open_folder.setAccessibleName("Open data folder")
        privacy = QGroupBox("Your history")
        form = QFormLayout(privacy)
        form.addRow(stored)
        form.addRow("Keep history for:", _row(self.retention, self.apply_retention))
        form.addRow("Capture:", self.pause_status)
        form.addRow("", _row(self.pause_hour, self.pause_tomorrow, self.resume))
        form.addRow("Data folder:", _row(self.folder, self.open_folder))

        self.browsers = QLabel()
        self.browsers.setAccessibleName("Browser connections")
        self.browsers.setWordWrap(True)
        self.connect_browsers = QPushButton("Connect browsers (wattprint install-host)")
        self.connect_browsers.setAccessibleName("Connect browsers")
        connection = QGroupBox("Browser connection")
        box = QVBoxLayout(connection)
        box.addWidget(self.browsers)
        box.addLayout(_row(self.connect_browsers))

        self.export = QPushButton("Export…")
        self.export.setAccessibleName("Export history")
        self.import_ = QPushButton("Import…")
        self.import_.setAccessibleName("Import history")
        self.delete = QPushButton("Delete everything…")
        self.delete.setAccessibleName("Delete everything")
        self.status = QLabel()
        self.status.setAccessibleName("Settings status")
        self.status.setWordWrap(True)
        data_box = QGroupBox("Export, import, delete")
        box = QVBoxLayout(data_box)
        box.addLayout(_row(self.export, self.import_, self.delete))
        box.addWidget(self.status)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        for group in (comparisons, privacy, connection, data_box):
            layout.addWidget(group)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.region.currentIndexChanged.connect(lambda: model.set_preference(region=self.region.currentData()))
        self.zone.currentIndexChanged.connect(lambda: model.set_preference(zone=self.zone.currentData()))
        self.weekly.toggled.connect(lambda on: model.set_preference(weekly_notification=on))
        self.apply_retention.clicked.connect(self._apply_retention)
        self.pause_hour.clicked.connect(model.pause_hour)
        self.pause_tomorrow.clicked.connect(model.pause_until_tomorrow)
        self.resume.clicked.connect(model.resume)
        self.open_folder.clicked.connect(self._open_folder)
        self.connect_browsers.clicked.connect(self._connect_browsers)
        self.export.clicked.connect(self._export)
        self.import_.clicked.connect(self._import)
        self.delete.clicked.connect(self.confirm_delete)
        model.changed.connect(self.refresh)
        model.message.connect(self.status.setText)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Shows the current pause state and browser connections."""
        until = self.model.paused_until()
        if until is None:
            self.pause_status.setText("Recording")
        else:
            self.pause_status.setText(f"Paused until {until.astimezone():%a %H:%M}")
        self.resume.setEnabled(until is not None)
        found = self.model.connections()
        lines = [f"{'✔' if c.ok else '⚠' if c.registered else '✘'} {c.name}" for c in found]
        lines += [f"{c.name}: {problem}" for c in found for problem in c.problems]
        registered = any(c.ok for c in found)
        lead = "Connected." if registered else "No browser is connected yet: connect them, then install the extension."
        self.browsers.setText(lead + "\n" + "   ".join(lines))

    @Slot()
    def _apply_retention(self) -> None:
        self.model.set_retention(self.retention.value() or None)

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.model.session.folder)))

    @Slot()
    def _connect_browsers(self) -> None:
        self.status.setText("Running 'wattprint install-host'…")
        self.model.install_host()

    @Slot()
    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export history", "wattprint-history.jsonl", "JSON Lines (*.jsonl)")
        if path:
            self.model.export_to(Path(path))

    @Slot()
    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import history", "", "JSON Lines (*.jsonl);;All files (*)")
        if path:
            self.model.import_from(Path(path))

    @Slot()
    def confirm_delete(self) -> bool:
        """Asks, then deletes every interaction of this profile; returns whether it did."""
        answer = QMessageBox.question(
            self,
            "Delete everything?",
            "Delete every recorded interaction of this history? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.model.delete_everything()
        return True
