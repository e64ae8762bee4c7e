"""The presenter's look: white on near-black, one warm accent, type sized for the back of a room.

Sizes are for a 1080-pixel-high screen and scale with the window's height.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from wattprint.desktop import i18n

BACKGROUND = QColor("#0b0f14")
# The spin boxes' arrows, drawn in TEXT: a style sheet draws borders as bars, never as the triangles of CSS.
ARROWS = {way: (Path(__file__).parent / f"spin-{way}.svg").as_posix() for way in ("up", "down")}
TEXT = QColor("#f4f6f8")
MUTED = QColor("#c4ccd4")  # secondary text: still 11:1 against the background
ACCENT = QColor("#ffd23f")  # the scene's main number; 13:1 against the background
# Okabe-Ito colours, safe for colour-blind viewers: AI orange against search sky blue (not orange against green).
AI = QColor("#E69F00")
SEARCH = QColor("#56B4E9")
EVERYDAY = QColor("#CC79A7")
GROUP_COLOURS = {"ai": AI, "search": SEARCH, "everyday": EVERYDAY}
# The printable handout: dark text on white, the same accent darkened so it reads on paper (5:1 and more on white).
PRINT_BACKGROUND = QColor("#ffffff")
PRINT_TEXT = QColor("#111418")
PRINT_MUTED = QColor("#4a5561")
PRINT_ACCENT = QColor("#8a5a00")
BASE_HEIGHT = 1080  # px: the height the sizes below are for

# Pixel sizes of each text role at BASE_HEIGHT.
SIZES = {"title": 64, "big": 150, "lead": 48, "body": 38, "small": 30}


def colours(printable: bool = False) -> tuple[QColor, QColor, QColor, QColor]:
    """Background, text, muted text and accent: of the screen (dark) or of the printable handout (light)."""
    if printable:
        return PRINT_BACKGROUND, PRINT_TEXT, PRINT_MUTED, PRINT_ACCENT
    return BACKGROUND, TEXT, MUTED, ACCENT


def style_sheet(height: int, printable: bool = False) -> str:
    """The presenter's style sheet for a window `height` pixels high (light on white when `printable`)."""
    scale = max(0.5, height / BASE_HEIGHT)
    size = {role: round(px * scale) for role, px in SIZES.items()}
    background, text, muted, accent = colours(printable)
    # A style sheet's font replaces the widget's list of fallback families: the Chinese ones go in here too.
    han = i18n.HAN_FONTS.get(i18n.current(), ())
    families = ", ".join(f'"{f}"' for f in [QGuiApplication.font().family(), *han])
    return (f"QWidget {{ font-family: {families}; }}" if han else "") + f"""
        QWidget#presenter, QWidget#scene {{ background: {background.name()}; color: {text.name()}; }}
        QLabel {{ color: {text.name()}; font-size: {size["body"]}px; }}
        QLabel#title {{ font-size: {size["title"]}px; font-weight: bold; }}
        QLabel#big {{ font-size: {size["big"]}px; font-weight: bold; color: {accent.name()}; }}
        QLabel#lead {{ font-size: {size["lead"]}px; }}
        QLabel#small {{ font-size: {size["small"]}px; color: {muted.name()}; }}
        QLabel#accent {{ font-size: {size["lead"]}px; color: {accent.name()}; font-weight: bold; }}
        QLabel#strong {{ font-size: {size["body"]}px; color: {accent.name()}; font-weight: bold; }}
        QAbstractSpinBox, QPushButton {{
            font-size: {size["body"]}px; color: {TEXT.name()}; background: #1d2630;
            border: 2px solid {MUTED.name()}; border-radius: 6px; padding: 4px 12px;
        }}
        QAbstractSpinBox:focus, QPushButton:focus {{ border-color: {ACCENT.name()}; }}
        QAbstractSpinBox {{ padding-right: {size["small"] + 12}px; }}
        QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
            subcontrol-origin: border; width: {size["small"] + 8}px; background: #2c3744; border: none;
        }}
        QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
        QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
        QAbstractSpinBox::up-arrow, QAbstractSpinBox::down-arrow {{
            width: {size["small"] // 2}px; height: {size["small"] // 3}px;
        }}
        QAbstractSpinBox::up-arrow {{ image: url({ARROWS["up"]}); }}
        QAbstractSpinBox::down-arrow {{ image: url({ARROWS["down"]}); }}
    """


def label(text: str = "", role: str = "body", parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label of one role (title, big, lead, body, small, accent, strong: body-sized accent)."""
    found = QLabel(text, parent)
    found.setObjectName(role)
    found.setWordWrap(True)
    return found


def set_role(widget: QLabel, role: str) -> None:
    """Gives a label another role and re-applies the style sheet to it."""
    if widget.objectName() != role:
        widget.setObjectName(role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def font_px(widget: QWidget, role: str) -> int:
    """The pixel size of a role in a widget as tall as its window (for painted text)."""
    window = widget.window()
    scale = max(0.5, window.height() / BASE_HEIGHT)
    return round(SIZES[role] * scale)
