"""Scene c, "Scale it up": people x queries a day x days, from one class to billions, in households and countries."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSpinBox, QWidget

from wattprint.core.insight import classroom
from wattprint.core.words import units
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import label

MAX_PEOPLE = 10_000_000_000


class ScaleScene(Scene):
    """The energy of many people's queries; Up/Down step the number of people from a class of 30 to billions.

    Args:
        context: The history and model data.
        households: Key of the household kind to compare with (us, uk, eu, cn).
        parent: The owner.
    """

    def __init__(self, context: Context, households: str = "us", parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.households = households
        self.title.setText(self.tr("Scale it up"))
        self.people = QDoubleSpinBox()
        self.people.setDecimals(0)
        self.people.setRange(1, MAX_PEOPLE)
        self.people.setGroupSeparatorShown(True)
        self.people.setValue(classroom.CLASS_SIZE)
        self.people.setAccessibleName(self.tr("People"))
        self.queries = QSpinBox()
        self.queries.setRange(1, 1000)
        self.queries.setValue(classroom.QUERIES_PER_DAY)
        self.queries.setAccessibleName(self.tr("Queries a day each"))
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(classroom.DAYS)
        self.days.setAccessibleName(self.tr("Days"))
        inputs = QHBoxLayout()
        inputs.setSpacing(16)
        for widget, text in (
            (self.people, self.tr("people ×")),
            (self.queries, self.tr("queries a day ×")),
            (self.days, self.tr("days")),
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            widget.setMinimumWidth(160)
            widget.valueChanged.connect(self._changed)
            inputs.addWidget(widget)
            caption = label(text, "lead")
            caption.setProperty("handout", False)  # the sentence below says the same in a handout
            inputs.addWidget(caption)
        inputs.addStretch(1)
        self.who = label("", "lead")
        self.total = label("", "big")
        self.total.setAccessibleName(self.tr("Total energy"))
        self.households_text = label("", "lead")
        self.country = label("", "accent")
        self.per_query = label("", "small")
        self.body.addLayout(inputs)
        self.body.addWidget(self.who)
        self.body.addWidget(self.total)
        self.body.addWidget(self.households_text)
        self.body.addWidget(self.country)
        self.body.addStretch(1)
        self.body.addWidget(self.per_query)
        self.wh_per_query: tuple[float, float, float] | None = None

    def refresh(self) -> None:
        """Recomputes the scenario from the inputs."""
        if self.wh_per_query is None:
            self.wh_per_query = classroom.typical_chat_range(self.context.estimator)
        found = classroom.scale_up(
            self.wh_per_query,
            round(self.people.value()),
            self.queries.value(),
            self.days.value(),
            self.context.data,
            households=self.households,
        )
        self.who.setText(
            self.tr("{people} people, {queries} chatbot queries a day each, for {days} days:").format(
                people=classroom.count_text(found.people),
                queries=found.queries_per_day,
                days=classroom.number(found.days),
            )
        )
        self.total.setText(classroom.energy_range_text(*found.total_range))
        homes, place = classroom.scale_lines(found, self.context.data)
        self.households_text.setText(homes)
        self.country.setText(place)
        self.per_query.setText(
            self.tr("One typical chatbot answer: {energy} (central estimate). ↑ ↓ change the number of people.").format(
                energy=classroom.energy_text(found.wh_per_query, units.range_figures(*found.total_range[::2]))
            )
        )

    @Slot()
    def _changed(self) -> None:
        self.refresh()

    def adjust(self, direction: int) -> bool:
        """Steps the number of people (30, 100, 1,000 ... 5 billion)."""
        self.people.setValue(classroom.step(classroom.PEOPLE_STEPS, self.people.value(), direction))
        return True

    def reset(self) -> None:
        """Nothing to hide: the numbers stay as the teacher left them."""
