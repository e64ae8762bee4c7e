"""Scene d, "Training vs use": published training footprints, and how soon everyday use passes them."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from wattprint.core.insight import classroom
from wattprint.core.words import display, units
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import label

# Marks of the emissions column, explained under the table: the same scope, another scope, corrected arithmetic.
# Each column's share of the table's width: the widths do not follow the texts, so a long name wraps in its own column
# instead of squeezing the others (GPT-4's row once ran to three clipped lines).
COLUMN_SHARES = (21, 15, 20, 23, 21)
DYNAMIC, FULL, OTHER = "\u00a0¹", "\u00a0²", "\u00a0³"  # after a no-break space: never alone on a line


class TrainingScene(Scene):
    """The training reference table; Up/Down change how many queries a day the model answers.

    Each run shows its energy and emissions with a mark for their scope; the notes under the table say what each scope
    covers and, for GPT-4, the article's own figures beside the corrected ones.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Training vs use"))
        self.use = label("", "lead")
        self.per_day = label("", "accent")  # in the lead's line: the table and its scope notes need the room
        self.per_day.setAccessibleName(self.tr("Queries a day"))
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(36)
        self.grid.setVerticalSpacing(6)
        headers = (
            self.tr("Model (year)"), self.tr("Training energy"), self.tr("Training emissions (t CO₂e)"),
            self.tr("Use equals training after (queries)"), self.tr("That is"),
        )  # fmt: skip
        for column, text in enumerate(headers):
            self.grid.addWidget(label(text, "small"), 0, column)
            self.grid.setColumnStretch(column, COLUMN_SHARES[column])
        self.cells: list[list[QLabel]] = []
        self.notes = label("", "small")
        self.note = label("", "small")
        top = QHBoxLayout()
        top.setSpacing(24)
        self.use.setWordWrap(False)
        top.addWidget(self.use)
        top.addWidget(self.per_day)
        top.addStretch(1)
        self.body.addLayout(top)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)
        self.body.addWidget(self.notes)
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
            texts = (
                self._name_and_year(display.name(row.name), row.year),
                classroom.energy_range_text(low * 1e6, central * 1e6, high * 1e6),
                self.emissions(row),
                classroom.count_span(*row.queries_range),
                self.days(row.days_range),
            )
            if len(self.cells) < i:
                self.cells.append([label("", "strong" if column == 4 else "body") for column in range(len(texts))])
                for column, cell in enumerate(self.cells[-1]):
                    cell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # COLUMN_SHARES
                    self.grid.addWidget(cell, i, column)
            for cell, text in zip(self.cells[i - 1], texts, strict=True):
                cell.setText(text)
        self.notes.setText("\n".join(self.scope_notes(found.rows)))
        self.note.setText(
            self.tr(
                "Each query: a typical chatbot answer, {energy}. GPT-4's figures rest on leaked hardware counts. "
                "↑ ↓ change the queries a day."
            ).format(energy=classroom.energy_text(found.wh_per_query, units.range_figures(*self.wh_per_query[::2])))
        )

    def emissions(self, row: classroom.TrainingRow) -> str:
        """The emissions cell, tCO2e with its scope's mark: "70 t ¹", "25 t ¹ · 50.5 t ²", "12,456–13,840 t ³"."""
        low, central, high = row.co2e_t
        if row.co2e_dynamic_t:
            text = self.tr("{t} t").format(t=classroom.number(row.co2e_dynamic_t)) + DYNAMIC
            if central and central != row.co2e_dynamic_t:  # BLOOM: the same run in full scope beside it
                text += " · " + self.tr("{t} t").format(t=units.plain(central, 3)) + FULL
            return text
        if not central:
            return "–"
        tonnes = f"{classroom.number(low)}–{classroom.number(high)}" if high > low else classroom.number(central)
        return self.tr("{t} t").format(t=tonnes) + OTHER

    def scope_notes(self, rows: list[classroom.TrainingRow]) -> list[str]:
        """The notes under the table: what each mark's figures cover, and what was corrected in GPT-4's."""
        notes = []
        if any(row.co2e_dynamic_t for row in rows):
            notes.append(DYNAMIC.strip() + " " + self.tr(
                "Dynamic power only, as in the BLOOM paper's table (Luccioni et al.); GPT-3's and BLOOM's as the AI "
                "Index 2023 quotes it."))  # fmt: skip
        if any(row.co2e_dynamic_t and row.co2e_t[1] != row.co2e_dynamic_t for row in rows):
            full = self.tr("BLOOM in full scope: with idle power and the hardware's manufacturing.")
            notes.append(FULL.strip() + " " + full)
        for row in rows:
            if row.article_high is None:
                continue
            article_mwh, article_t = row.article_high
            notes.append(OTHER.strip() + " " + self.tr(
                "{name} on California's grid: the article gives {low_kwh}–{high_kwh} kWh and {low_t}–{high_t} t CO₂e, "
                "but counts 100 days as 2,600 hours; at 2,400 hours its upper end is {kwh} kWh and {t} t, the "
                "figures above.").format(
                    name=display.name(row.name).split(" (")[0].split("（")[0],
                    low_kwh=f"{row.energy_mwh[0] * 1000:,.0f}", high_kwh=f"{article_mwh * 1000:,.0f}",
                    low_t=f"{row.co2e_t[0]:,.0f}", high_t=f"{article_t:,.0f}",
                    kwh=f"{row.energy_mwh[2] * 1000:,.0f}", t=f"{row.co2e_t[2]:,.0f}",
                )
            )
        return notes

    def _name_and_year(self, name: str, year: int) -> str:
        """"OPT 175B (2022)"; a name that ends in brackets takes its year after a comma: "GPT-4 (estimate), 2023"."""
        if name.endswith((")", "）")):
            return self.tr("{name}, {year}").format(name=name, year=year)
        return self.tr("{name} ({year})").format(name=name, year=year)

    def days(self, days: tuple[float, float, float]) -> str:
        """The time use takes to pass training, with its range in the central's unit: "7 hours (3–30)"."""
        low, central, high = days
        figures = units.range_figures(low, high)
        if central < 2:  # never "1 days": hours up to two days, days up to two years
            text, size = self.tr("{n} hours ({low}–{high})"), 1 / 24
        elif central < 730:
            text, size = self.tr("{n} days ({low}–{high})"), 1.0
        else:
            text, size = self.tr("{n} years ({low}–{high})"), 365.0
        return text.format(n=classroom.number(central / size, figures), low=classroom.number(low / size, figures),
                           high=classroom.number(high / size, figures))  # fmt: skip

    def adjust(self, direction: int) -> bool:
        """Steps the queries a day (a million ... ten billion)."""
        self.queries_per_day = classroom.step(classroom.USE_STEPS, self.queries_per_day, direction)
        self.refresh()
        return True

    def reset(self) -> None:
        """Nothing to hide."""
