"""Scene b, "Which uses more?": cards to put in order, then the ranking revealed with a key press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from wattprint.core.insight import classroom
from wattprint.core.words.i18n import _
from wattprint.desktop.presenter.bars import Bar, Bars
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import GROUP_COLOURS, label

COLUMNS = 3


class RankingScene(Scene):
    """A web search, a chat answer, a reasoning answer, an image and everyday activities; smallest first on reveal.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title.setText(self.tr("Which uses more?"))
        self.question = label(self.tr("Put these in order, from the least electricity to the most."), "lead")
        self.cards = QFrame()
        self.card_grid = QGridLayout(self.cards)
        self.card_grid.setSpacing(24)
        self.bars = Bars()
        self.hint = label("", "small")
        self.body.addWidget(self.question)
        self.body.addWidget(self.cards, 1)
        self.body.addWidget(self.bars, 1)
        self.body.addWidget(self.hint)
        self.revealed = False
        self.ranking: classroom.Ranking | None = None

    def refresh(self) -> None:
        """Computes the items once and shows cards or ranking."""
        if self.ranking is None:
            self.ranking = classroom.ranking(self.context.estimator)
            for i, item in enumerate(self.ranking.cards):
                card = QFrame()
                card.setStyleSheet(
                    f"QFrame {{ border: 3px solid {GROUP_COLOURS[item.group].name()}; border-radius: 12px; }}"
                    "QLabel { border: none; }"
                )
                box = QVBoxLayout(card)
                text = label(_(item.label), "lead")
                text.setAlignment(Qt.AlignmentFlag.AlignCenter)
                box.addWidget(text)
                self.card_grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            ranking = self.ranking
            bars = []
            for item in ranking.ranked:
                # Central estimates to two figures, and "× a search" counted as web searches are everywhere
                # (classroom.ranking_text): "0.12 Wh · 1×", "100 Wh · 830×", never "0.1 Wh" beside "830".
                energy, times = classroom.ranking_text(ranking, item.key)
                caption = self.tr("{energy} · {times}× a search").format(energy=energy, times=times)
                bars.append(Bar(_(item.label), item.central, caption, GROUP_COLOURS[item.group]))
            self.bars.set_bars(bars)
        self._show()

    def _show(self) -> None:
        self.cards.setVisible(not self.revealed)
        self.bars.setVisible(self.revealed)
        self.question.setText(
            self.tr("From the least electricity to the most (central estimates; AI figures have wide ranges).")
            if self.revealed
            else self.tr("Put these in order, from the least electricity to the most.")
        )
        self.hint.setText(
            self.tr("Bars on a log scale: each step is ten times more. Orange: AI · blue: search · pink: everyday.")
            if self.revealed
            else self.tr("Press Space or Enter to reveal the answer.")
        )

    def advance(self) -> bool:
        """Reveals the ranking (once)."""
        if self.revealed:
            return False
        self.revealed = True
        self.refresh()
        return True

    def reset(self) -> None:
        """Hides the ranking again."""
        self.revealed = False
        if self.ranking is not None:
            self._show()
