"""The base of every presenter scene: a title, a body the scene fills, and the hooks the window's keys call."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel, QVBoxLayout, QWidget
from sqlite_utils import Database

from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import ModelData
from wattprint.desktop.presenter.theme import label

# A key hint in a scene's sentence: "(↑ ↓ change it)" inside it, or "↑ ↓ change the number of people." at its end.
_KEY_HINT = re.compile(r"\s*(?:[(（]↑ ↓[^)）]*[)）]|↑ ↓[^.。]*[.。]?)")


def without_key_hints(text: str) -> str:
    """A scene's sentence for paper: its key hints taken out."""
    return _KEY_HINT.sub("", text).strip()


@dataclass
class Context:
    """What scenes read: the history, model data, one estimator, and the profile (for class shares).

    Attributes:
        db: The history shown (the scenes only read it through core functions).
        data: Model data.
        profile: The profile name (imported class shares live in it).
    """

    db: Database
    data: ModelData
    profile: str
    _estimator: Estimator | None = field(default=None, repr=False)

    @property
    def estimator(self) -> Estimator:
        """One estimator over the model data, built on first use."""
        if self._estimator is None:
            self._estimator = Estimator(self.data)
        return self._estimator


class Scene(QWidget):
    """One full-screen scene. Subclasses fill `body` and override the hooks they need.

    Args:
        context: The history and model data.
        parent: The owner.
    """

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scene")
        self.context = context
        self.title = label("", "title")
        self.body = QVBoxLayout()
        self.body.setSpacing(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(72, 48, 72, 24)
        layout.setSpacing(24)
        layout.addWidget(self.title)
        layout.addLayout(self.body, 1)

    def refresh(self) -> None:
        """Recomputes and shows the scene's numbers (called when the scene is shown)."""

    def adjust(self, direction: int) -> bool:
        """Moves the scene's main number up (+1) or down (-1); False when the scene has none."""
        del direction
        return False

    def advance(self) -> bool:
        """A step inside the scene (a reveal) before moving on; False when there is none left."""
        return False

    def reset(self) -> None:
        """Back to the scene's first step (called when the presenter leaves it)."""

    def prepare_export(self) -> None:
        """Puts the scene in the state a handout shows: everything revealed, and no controls (paper has no buttons).

        Spin boxes, buttons and any widget marked with the `handout` property False are hidden; `end_export`
        shows them again.
        """
        while self.advance():
            pass
        for widget in self.findChildren(QWidget):
            control = isinstance(widget, QAbstractSpinBox | QAbstractButton) or widget.property("handout") is False
            if control and widget.isVisibleTo(self):
                widget.setProperty("hidden_for_handout", True)
                widget.hide()
        for text in self.findChildren(QLabel):  # "↑ ↓ change the number of people." means nothing on paper
            if "↑ ↓" in text.text():
                text.setProperty("text_before_handout", text.text())
                text.setText(without_key_hints(text.text()))

    def end_export(self) -> None:
        """Shows again what `prepare_export` hid."""
        for widget in self.findChildren(QWidget):
            if widget.property("hidden_for_handout"):
                widget.setProperty("hidden_for_handout", None)
                widget.show()
        for text in self.findChildren(QLabel):
            before = text.property("text_before_handout")
            if before:
                text.setProperty("text_before_handout", None)
                text.setText(before)
