"""Scene e, "Small vs large": the same answer from small and large models, with AI Energy Score-style stars."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from wattprint.core.insight import classroom
from wattprint.core.words import units
from wattprint.desktop.presenter.bars import Bar, Bars
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import ACCENT, AI, label


class ModelsScene(Scene):
    """One typical prompt answered by GPT-4o mini, GPT-4o and Llama 3.1 8B/70B/405B; Up/Down change the answer length.

    The stars rate each model against every catalogue model of known size in its size class, estimated for the same
    answer (`classroom.small_vs_large`), not against the other four shown; the caption says how many models that is.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Small vs large"))
        self.task = label("", "lead")
        self.bars = Bars()
        self.explain = label("", "small")
        self.body.addWidget(self.task)
        self.body.addWidget(self.bars, 1)
        self.body.addWidget(self.explain)
        self.response_tokens: int | None = None

    def refresh(self) -> None:
        """Recomputes every model's energy at the current answer length."""
        estimator = self.context.estimator
        if self.response_tokens is None:
            self.response_tokens = estimator.data.llm.typical.response_tokens
        found = classroom.small_vs_large(estimator, self.response_tokens)
        self.task.setText(
            self.tr("The same question, an answer of about {words} words (↑ ↓ change it):").format(
                words=classroom.number(self.response_tokens * 0.75)
            )
        )
        bars = []
        for row in found.rows:
            name = self.tr("{model} *").format(model=row.label) if row.size_assumed else row.label
            stars = "★" * row.stars + "☆" * (classroom.STARS - row.stars)
            text = self.tr("{stars} among {size} models · {energy}").format(
                stars=stars,
                size=self._size_names()[row.size_class],
                energy=classroom.energy_text(row.energy_wh[1], units.range_figures(row.energy_wh[0], row.energy_wh[2])),
            )
            bars.append(Bar(name, row.energy_wh[1], text, ACCENT if row.stars >= 4 else AI))
        self.bars.set_bars(bars)
        counts = {name: group.count for name, group in found.classes.items()}
        self.explain.setText(
            self.tr(
                "Stars as in the AI Energy Score: each model is rated against the catalogue's entries of its size "
                "class whose size is published (small, up to 20B parameters: {small}; medium, up to 66B: {medium}; "
                "large: {large}), all estimated for this answer. Their range, from the most to the least efficient, is "
                "cut into five equal bands; the lowest gets ★★★★★. * size not published (assumed)."
            ).format(small=counts.get("A", 0), medium=counts.get("B", 0), large=counts.get("C", 0))
        )

    def _size_names(self) -> dict[str, str]:
        """AI Energy Score's size classes, as the caption names them."""
        return {"A": self.tr("small"), "B": self.tr("medium"), "C": self.tr("large")}

    def adjust(self, direction: int) -> bool:
        """Steps the answer length (100 ... 10,000 tokens)."""
        current = self.response_tokens or self.context.data.llm.typical.response_tokens
        self.response_tokens = classroom.step(classroom.ANSWER_STEPS, current, direction)
        self.refresh()
        return True

    def reset(self) -> None:
        """Nothing to hide."""
