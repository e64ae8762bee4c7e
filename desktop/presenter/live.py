"""Scene a, "Live": today's counter, rising as the class watches a chatbot being used, newest queries first."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from wattprint.core.insight import classroom
from wattprint.core.words import units
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import label, set_role

ROWS = 6  # recent queries listed


class LiveScene(Scene):
    """Today's total from the history, refreshed whenever the history changes (`on_history_changed`).

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Live: AI use today"))
        self.count = label("", "big")
        self.count.setAccessibleName(self.tr("Queries today"))
        self.energy = label("", "lead")
        self.equivalent = label("", "accent")
        self.hint = label("", "small")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(36)
        self.grid.setVerticalSpacing(10)
        self.rows: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []
        for i in range(ROWS):
            cells = (label("", "body"), label("", "body"), label("", "body"), label("", "body"))
            for column, cell in enumerate(cells):
                self.grid.addWidget(cell, i, column)
            self.rows.append(cells)
        self.grid.setColumnStretch(3, 1)
        for widget in (self.count, self.energy, self.equivalent):
            self.body.addWidget(widget)
        self.body.addSpacing(12)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)
        self.body.addWidget(self.hint)
        self.newest: str | None = None

    def refresh(self) -> None:
        """Reads today's totals and newest queries."""
        found = classroom.live(self.context.db, self.context.data, limit=ROWS)
        self.count.setText(self.tr("%n queries", "", found.count))
        low, central, high = found.energy_wh
        figures = units.range_figures(low, high)  # as precise as the range allows: "15 Wh (4–60)", not "4.1 Wh"
        self.energy.setText(
            self.tr("{central} of electricity (between {low} and {high})").format(
                central=classroom.energy_text(central, figures),
                low=classroom.energy_text(low, figures),
                high=classroom.energy_text(high, figures),
            )
            if found.count
            else classroom.energy_text(0.0)  # nothing yet: no range to give ("between 0 Wh and 0 Wh")
        )
        self.equivalent.setText(
            self.tr("About as much as {equivalent}").format(equivalent=found.equivalent) if found.equivalent else ""
        )
        # A row's energy is a central to two figures, as its "≈ 9.1 web searches" beside it and the ranking's
        # "0.12 Wh" are: one figure per thing across the presenter (a search is not "0.1 Wh" here, "0.12 Wh" there).
        for i, cells in enumerate(self.rows):
            item = found.queries[i] if i < len(found.queries) else None
            texts = (
                (item.time, item.service, classroom.energy_text(item.energy_wh),
                 self.tr("≈ {equivalent}").format(equivalent=item.equivalent) if item.equivalent else "")
                if item is not None
                else ("", "", "", "")
            )  # fmt: skip
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
                set_role(cell, "accent" if i == 0 and item is not None else "body")
        self.newest = found.queries[0].id if found.queries else None
        self.hint.setText(
            self.tr("Ask a chatbot something in the browser: each query appears here with its everyday equivalent.")
            if not found.count
            else self.tr("Each new query appears at the top as it is stored.")
        )

    @Slot(list)
    def on_history_changed(self, _ids: list[str]) -> None:
        """Refreshes when the history changed (the host's nudge or a data_version poll)."""
        self.refresh()
