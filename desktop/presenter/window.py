"""The presenter window: the classroom scenes one at a time, full screen, driven by the keyboard.

Keys: Right, Space or Page Down for the next scene (a scene with a reveal reveals first); Left, Backspace or Page Up
for the previous one; Up/Down or +/- change the scene's main number; Enter reveals; I imports class shares on "Our
class"; F11 toggles full screen; Escape leaves full screen, then closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from wattprint.core.store import preferences
from wattprint.desktop import i18n
from wattprint.desktop.presenter.bars import Bars
from wattprint.desktop.presenter.live import LiveScene
from wattprint.desktop.presenter.models import ModelsScene
from wattprint.desktop.presenter.ourclass import ClassScene
from wattprint.desktop.presenter.ranking import RankingScene
from wattprint.desktop.presenter.scale import ScaleScene
from wattprint.desktop.presenter.scene import Context, Scene
from wattprint.desktop.presenter.theme import colours, label, style_sheet
from wattprint.desktop.presenter.training import TrainingScene
from wattprint.desktop.session import Session

SCENE_NAMES = ("live", "ranking", "scale", "training", "models", "class")
NEXT = frozenset({Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown})
PREVIOUS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp})
UP = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Plus, Qt.Key.Key_Equal})
DOWN = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Minus})


def _households(session: Session) -> str:
    """The household kind of the user's region (US households when none is chosen)."""
    region = preferences.read(session.db).region
    found = session.data.regions.get(region) if region else None
    return found.households if found is not None else "us"


class PresenterWindow(QWidget):
    """Six scenes in a stack, with a footer saying where the presenter is and which keys do what.

    Args:
        session: The history shown; its `changed` signal refreshes the live scene.
        owns_session: Whether closing the window closes the session (True when the presenter opened it).
        parent: The window it was opened from (it stays a window of its own).

    Signals:
        scene_changed: Emitted with the index of the scene shown.
    """

    scene_changed = Signal(int)

    def __init__(self, session: Session, *, owns_session: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.setWindowTitle(self.tr("Wattprint — classroom"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFont(i18n.with_han_fonts(self.font()))  # Chinese scenes and handout in Simplified Chinese forms
        self.session = session
        self.owns_session = owns_session
        context = Context(session.db, session.data, session.profile)
        self.live = LiveScene(context)
        self.scenes: list[Scene] = [
            self.live,
            RankingScene(context),
            ScaleScene(context, _households(session)),
            TrainingScene(context),
            ModelsScene(context),
            ClassScene(context),
        ]
        self.stack = QStackedWidget()
        for scene in self.scenes:
            self.stack.addWidget(scene)
        self.footer = label("", "small")
        self.footer.setContentsMargins(72, 0, 72, 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        session.changed.connect(self.live.on_history_changed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.printable = False
        self.setStyleSheet(style_sheet(1080))
        self.resize(1280, 720)
        self.go(0)

    def set_printable(self, printable: bool) -> None:
        """Dark text on white, for a handout (True), or the screen's light on dark (False)."""
        self.printable = printable
        _background, text, muted, _accent = colours(printable)
        for bars in self.findChildren(Bars):
            bars.text_colour, bars.muted_colour = text, muted
        self.setStyleSheet(style_sheet(self.height(), printable))

    @property
    def index(self) -> int:
        """The index of the scene shown."""
        return self.stack.currentIndex()

    def current(self) -> Scene:
        """The scene shown."""
        return self.scenes[self.index]

    @Slot(int)
    def go(self, index: int) -> None:
        """Shows one scene (0 to 5), refreshed, leaving the previous one at its first step."""
        index = max(0, min(index, len(self.scenes) - 1))
        if index != self.index:
            self.current().reset()
        self.stack.setCurrentIndex(index)
        self.current().refresh()
        # The arrow keys' hint only where the scene has a number to change (scale, training, models).
        footer = (
            self.tr("{n} / {total} · → next · ← back · ↑ ↓ change the number · Esc leaves")
            if type(self.current()).adjust is not Scene.adjust
            else self.tr("{n} / {total} · → next · ← back · Esc leaves")
        )
        self.footer.setText(footer.format(n=index + 1, total=len(self.scenes)))
        self.setFocus()
        self.scene_changed.emit(index)

    def next(self) -> None:
        """The scene's next step (a reveal), else the next scene."""
        if not self.current().advance():
            self.go(self.index + 1)

    def previous(self) -> None:
        """The previous scene."""
        self.go(self.index - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Drives the presentation from the keyboard."""
        key = event.key()
        scene = self.current()
        if self.focusWidget() not in (None, self) and key == Qt.Key.Key_Escape:
            self.setFocus()  # out of a spin box, back to the keys of the presentation
        elif key in NEXT:
            self.next()
        elif key in PREVIOUS:
            self.previous()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            scene.advance()
        elif key in UP:
            scene.adjust(+1)
        elif key in DOWN:
            scene.adjust(-1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.scenes) - 1)
        elif key == Qt.Key.Key_I and isinstance(scene, ClassScene):
            scene.choose_folder()
        elif key == Qt.Key.Key_F11 and not self.isFullScreen():
            self.showFullScreen()
        elif key in (Qt.Key.Key_F11, Qt.Key.Key_Escape) and self.isFullScreen():
            self.showNormal()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scales the type with the window's height."""
        self.setStyleSheet(style_sheet(event.size().height(), self.printable))
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closes the session when the presenter opened it."""
        if self.owns_session:
            self.session.close()
            self.owns_session = False
        super().closeEvent(event)
