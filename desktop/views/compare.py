"""The compare view: typical queries beside everyday activities, on a log-scale chart with ranges.

A typical query to a chosen service or model stands beside a web search, a reasoning answer, an image and everyday
activities, drawn on a log axis and listed in a table.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wattprint.core.insight import compare
from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.words import display
from wattprint.desktop import format as fmt
from wattprint.desktop.models.comparemodel import CompareModel, times_search
from wattprint.desktop.widgets.charts import CompareChart


class CompareView(QWidget):
    """Comparisons, with a service and a model to pick.

    Args:
        model: The compare model.
        data: The model data (the service catalogue).
        parent: The owner.
    """

    def __init__(self, model: CompareModel, data: ModelData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.service = QComboBox()
        self.service.setAccessibleName(self.tr("Service to compare"))
        for key, entry in sorted(data.services.items(), key=lambda kv: (kv[1].kind != "chat", kv[1].name.lower())):
            label = self.tr("{name} (chatbot)") if entry.kind == "chat" else self.tr("{name} (search)")
            self.service.addItem(label.format(name=display.name(entry.name)), key)
        self.service.setCurrentIndex(max(0, self.service.findData(model.service)))
        self.data = data
        self.llm = QComboBox()
        self.llm.setAccessibleName(self.tr("Model to compare"))
        self.llm.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_models()
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Compare")))
        picker.addWidget(self.service)
        picker.addWidget(QLabel(self.tr("with")))
        picker.addWidget(self.llm)
        picker.addStretch(1)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setAccessibleName(self.tr("Chosen query's range"))
        self.answer.setStyleSheet("font-size: 14px;")
        self.chart = CompareChart()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Comparison table"))
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The names take the room; the figures sit beside them, not a screen's width away from them.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setTabKeyNavigation(False)
        note = QLabel(
            self.tr(
                "Bars show the central estimate; the thin line across a bar spans the low to high estimate. Everyday "
                "activities are one figure each. A typical query is a short prompt and a 500-token answer."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.answer)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(note)
        self.service.currentIndexChanged.connect(self._choose)
        self.llm.currentIndexChanged.connect(self._choose)
        model.ready.connect(self._show)

    def _fill_models(self) -> None:
        """The models the chosen service offers, after "its usual model (GPT-5)"; the choice is kept when offered."""
        service = self.service.currentData()
        kept = self.llm.currentData()
        self.llm.blockSignals(True)
        self.llm.clear()
        usual = modelnames.friendly(compare.usual_model(service, self.data))
        label = self.tr("Its usual model ({name})").format(name=usual) if usual else self.tr("Its usual model")
        self.llm.addItem(label, None)
        for name in compare.models_for(service, self.data):
            self.llm.addItem(modelnames.friendly(name), name)
        self.llm.setCurrentIndex(max(0, self.llm.findData(kept)))
        self.llm.setEnabled(self.llm.count() > 1)
        self.llm.blockSignals(False)

    @Slot()
    def _choose(self) -> None:
        if self.sender() is self.service:
            self._fill_models()
        self.model.choose(self.service.currentData(), self.llm.currentData())

    @Slot()
    def _show(self) -> None:
        self.chart.set_items(self.model.items)
        chosen = self.model.chosen()
        search = next((i for i in self.model.items if i.key == "search"), None)
        if chosen is None:
            self.answer.setText("")
            return
        energy = fmt.energy_range(chosen.central, chosen.low, chosen.high)
        if search is not None and search.central:
            text = self.tr("{what}: {energy}, about {times} times a web search.").format(
                what=chosen.label, energy=energy, times=times_search(chosen, search)
            )
        else:
            text = self.tr("{what}: {energy}.").format(what=chosen.label, energy=energy)
        self.answer.setText(text)
