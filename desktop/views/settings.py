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

from wattprint.core.model.grid import carbon_intensity
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.i18n import QT_TRANSLATE_NOOP
from wattprint.desktop.models.settingsmodel import SettingsModel

STORED_TEXT = QT_TRANSLATE_NOOP(
    "SettingsView",
    "For each query: when it happened, the site (such as ChatGPT or Google), the model and modes the page showed, "
    "how many characters the prompt and the answer had (counted per script, never the text itself), how many "
    "images, and the estimate made for it. Prompts, answers, page addresses beyond the site, and your identity are "
    "never stored or sent anywhere. Everything stays in the folder below.",
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
        self.region.setAccessibleName(self.tr("Region"))
        self.region.addItem(self.tr("Not chosen"), None)
        for key, region in data.regions.items():
            self.region.addItem(display.name(region.name), key)
        self.region.setCurrentIndex(max(0, self.region.findData(prefs.region)))
        self.zone = QComboBox()
        self.zone.setAccessibleName(self.tr("Data-centre grid"))
        self.zone.addItem(self.tr("Each service's own data centres"), None)
        for key, row in sorted(data.grid.items(), key=lambda kv: kv[1].name):
            intensity = carbon_intensity(key, data)[0][1]  # the figure estimates use for this grid
            self.zone.addItem(f"{display.name(row.name)} ({fmt.number(intensity)} g/kWh)", key)
        self.zone.setCurrentIndex(max(0, self.zone.findData(prefs.zone)))
        self.weekly = QCheckBox(self.tr("Show a summary notification once a week"))
        self.weekly.setAccessibleName(self.tr("Weekly summary notification"))
        self.weekly.setChecked(prefs.weekly_notification)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        # Each language is named in itself, so anyone can find their own.
        self.language.addItem(self.tr("Follow the system"), None)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        comparisons = QGroupBox(self.tr("Comparisons"))
        form = QFormLayout(comparisons)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Your region:"), self.region)
        form.addRow(self.tr("Data-centre grid:"), self.zone)
        form.addRow(self.weekly)

        stored = QLabel(self.tr(STORED_TEXT))
        stored.setWordWrap(True)
        stored.setAccessibleName(self.tr("What is stored"))
        self.retention = QSpinBox()
        self.retention.setAccessibleName(self.tr("Keep history for days"))
        self.retention.setRange(0, 36_500)
        self.retention.setSpecialValueText(self.tr("Forever"))
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(prefs.retention_days or 0)
        self.apply_retention = QPushButton(self.tr("Apply"))
        self.apply_retention.setAccessibleName(self.tr("Apply retention"))
        self.pause_status = QLabel()
        self.pause_status.setAccessibleName(self.tr("Capture status"))
        self.pause_hour = QPushButton(self.tr("Pause for an hour"))
        self.pause_hour.setAccessibleName(self.tr("Pause for an hour"))
        self.pause_tomorrow = QPushButton(self.tr("Pause until tomorrow"))
        self.pause_tomorrow.setAccessibleName(self.tr("Pause until tomorrow"))
        self.resume = QPushButton(self.tr("Resume"))
        self.resume.setAccessibleName(self.tr("Resume capture"))
        self.folder = QLabel(str(model.session.folder))
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setAccessibleName(self.tr("Open data folder"))
        privacy = QGroupBox(self.tr("Your history"))
        form = QFormLayout(privacy)
        form.addRow(stored)
        form.addRow(self.tr("Keep history for:"), _row(self.retention, self.apply_retention))
        form.addRow(self.tr("Capture:"), self.pause_status)
        form.addRow("", _row(self.pause_hour, self.pause_tomorrow, self.resume))
        form.addRow(self.tr("Data folder:"), _row(self.folder, self.open_folder))

        self.browsers = QLabel()
        self.browsers.setAccessibleName(self.tr("Browser connections"))
        self.browsers.setWordWrap(True)
        self.connect_browsers = QPushButton(self.tr("Connect browsers (wattprint install-host)"))
        self.connect_browsers.setAccessibleName(self.tr("Connect browsers"))
        connection = QGroupBox(self.tr("Browser connection"))
        box = QVBoxLayout(connection)
        box.addWidget(self.browsers)
        box.addLayout(_row(self.connect_browsers))

        self.export = QPushButton(self.tr("Export…"))
        self.export.setAccessibleName(self.tr("Export history"))
        self.import_ = QPushButton(self.tr("Import…"))
        self.import_.setAccessibleName(self.tr("Import history"))
        self.delete = QPushButton(self.tr("Delete everything…"))
        self.delete.setAccessibleName(self.tr("Delete everything"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Settings status"))
        self.status.setWordWrap(True)
        data_box = QGroupBox(self.tr("Export, import, delete"))
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
        self.language.currentIndexChanged.connect(lambda: model.set_preference(language=self.language.currentData()))
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
            self.pause_status.setText(self.tr("Recording"))
        else:
            self.pause_status.setText(self.tr("Paused until {time}").format(time=fmt.clock(until.astimezone(), True)))
        self.resume.setEnabled(until is not None)
        found = self.model.connections()
        lines = [f"{'✔' if c.ok else '⚠' if c.registered else '✘'} {c.name}" for c in found]
        lines += [f"{c.name}: {problem}" for c in found for problem in c.problems]
        registered = any(c.ok for c in found)
        if registered:
            lead = self.tr("Connected.")
        else:
            lead = self.tr(
                "No browser is connected yet: load the extension, then connect the browsers with the button below."
            )
        self.browsers.setText(lead + "\n" + "   ".join(lines))

    @Slot()
    def _apply_retention(self) -> None:
        self.model.set_retention(self.retention.value() or None)

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.model.session.folder)))

    @Slot()
    def _connect_browsers(self) -> None:
        self.status.setText(self.tr("Running 'wattprint install-host'…"))
        self.model.install_host()

    @Slot()
    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export history"), "wattprint-history.jsonl", self.tr("JSON Lines (*.jsonl)")
        )
        if path:
            self.model.export_to(Path(path))

    @Slot()
    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import history"), "", self.tr("JSON Lines (*.jsonl);;All files (*)")
        )
        if path:
            self.model.import_from(Path(path))

    @Slot()
    def confirm_delete(self) -> bool:
        """Asks, then deletes every interaction of this profile; returns whether it did."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete everything?"),
            self.tr("Delete every recorded interaction of this history? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.model.delete_everything()
        return True
