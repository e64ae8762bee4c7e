"""Scene d, "Training vs use": published training footprints, and how soon everyday use passes them."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from wattprint.core.insight import classroom
from wattprint.core.words import display, units
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import label


class TrainingScene(Scene):
    """The training reference table; Up/Down change how many queries a day the model answers.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Training vs use"))
        self.use = label("", "lead")
        self.per_day = label("", "big")
        self.per_day.setAccessibleName(self.tr("Queries a day"))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(40)
        self.grid.setVerticalSpacing(8)
        headers = (
            self.tr("Model (year)"), self.tr("Training"), self.tr("Use equals training after"), self.tr("That is"),
        )  # fmt: skip
        for column, text in enumerate(headers):
            self.grid.addWidget(label(text, "small"), 0, column)
        self.cells: list[list[QLabel]] = []
        self.note = label("", "small")
        self.body.addWidget(self.use)
        self.body.addWidget(self.per_day)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)
        self.body.addWidget(self.note)
        self.queries_per_day = classroom.USE_PER_DAY
        self.wh_per_query: tuple[float, float, float] | None = None

    def refresh(self) -> None:
        """Recomputes the table at the current queries a day."""
        if self.wh_per_query is None:
            self.wh_per_query = classroom.typical_chat_range(self.context.estimator)
        found = classroom.training_vs_use(self.context.data, self.wh_per_query, self.queries_per_day)
        self.use.setText(self.tr("If one model answered this many queries a day:"))
        self.per_day.setText(classroom.count_text(found.queries_per_day))
        for i, row in enumerate(found.rows, start=1):
            low, central, high = row.energy_mwh  # MWh
            training = classroom.energy_range_text(low * 1e6, central * 1e6, high * 1e6)
            texts = (
                self._name_and_year(display.name(row.name), row.year),
                training,
                self.tr("{n} queries").format(n=classroom.count_range_text(*row.queries_range)),
                self._days(row.days_to_pass, units.range_figures(row.queries_range[0], row.queries_range[2])),
            )
            if len(self.cells) < i:
                self.cells.append([label("", "accent" if column == 3 else "body") for column in range(len(texts))])
                for column, cell in enumerate(self.cells[-1]):
                    self.grid.addWidget(cell, i, column)
            for cell, text in zip(self.cells[i - 1], texts, strict=True):
                cell.setText(text)
        self.note.setText(
            self.tr(
                "Each query: a typical chatbot answer, {energy}. Training figures are published estimates (GPT-4's "
                "rests on leaked hardware counts). ↑ ↓ change the queries a day."
            ).format(energy=classroom.energy_text(found.wh_per_query, units.range_figures(*self.wh_per_query[::2])))
        )

    def _name_and_year(self, name: str, year: int) -> str:
        """"OPT 175B (2022)"; a name that ends in brackets takes its year after a comma: "GPT-4 (estimate), 2023"."""
        if name.endswith((")", "）")):
            return self.tr("{name}, {year}").format(name=name, year=year)
        return self.tr("{name} ({year})").format(name=name, year=year)

    def _days(self, days: float, figures: int) -> str:
        """A time as precise as the query counts it comes from ("20 hours" for "1 billion (500 million–2 billion)")."""
        if days < 2:  # never "1 days": hours up to two days, days up to two years
            return self.tr("{n} hours").format(n=classroom.number(days * 24, figures))
        if days < 730:
            return self.tr("{n} days").format(n=classroom.number(days, figures))
        return self.tr("{n} years").format(n=classroom.number(days / 365, figures))

    def adjust(self, direction: int) -> bool:
        """Steps the queries a day (a million ... ten billion)."""
        self.queries_per_day = classroom.step(classroom.USE_STEPS, self.queries_per_day, direction)
        self.refresh()
        return True

    def reset(self) -> None:
        """Nothing to hide."""
