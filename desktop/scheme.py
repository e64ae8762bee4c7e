"""Light or dark, as the system says (Qt 6's `QStyleHints.colorScheme`), and the colours that read in both.

On platforms whose style already follows the scheme nothing changes. Elsewhere (Fusion on Linux without a platform
theme) a dark scheme gets a dark Fusion palette, so the app does not stay white on a dark desktop. The chart colours are
Okabe and Ito's palette for colour-blind readers: AI orange against search blue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

# Okabe & Ito (2008), "Color Universal Design": safe for the common forms of colour blindness.
OKABE_ORANGE = QColor("#E69F00")
OKABE_BLUE = QColor("#0072B2")
OKABE_SKY = QColor("#56B4E9")
OKABE_GREEN = QColor("#009E73")
OKABE_PURPLE = QColor("#CC79A7")

_DARK = {
    QPalette.ColorRole.Window: "#202326",
    QPalette.ColorRole.WindowText: "#eef0f2",
    QPalette.ColorRole.Base: "#2a2e33",  # lighter than the window, so check boxes and fields stand out
    QPalette.ColorRole.AlternateBase: "#31363c",
    QPalette.ColorRole.ToolTipBase: "#2b2f33",
    QPalette.ColorRole.ToolTipText: "#eef0f2",
    QPalette.ColorRole.PlaceholderText: "#9aa3ab",
    QPalette.ColorRole.Text: "#eef0f2",
    QPalette.ColorRole.Button: "#2b2f33",
    QPalette.ColorRole.ButtonText: "#eef0f2",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d7fc1",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7cc4ff",
    QPalette.ColorRole.LinkVisited: "#c8a2ff",
    QPalette.ColorRole.Mid: "#9aa3ab",
    QPalette.ColorRole.Dark: "#6b737b",  # Fusion draws frames and check-box outlines from these
    QPalette.ColorRole.Light: "#4a5057",
    QPalette.ColorRole.Midlight: "#33373b",
    QPalette.ColorRole.Shadow: "#000000",
}
_state: dict[str, object] = {}


class OutlinedStyle(QProxyStyle):
    """Fusion with check boxes and radio buttons outlined in the palette's Mid colour.

    Fusion outlines them a little darker than the window: on a dark window an unchecked box all but disappears.
    """

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        """Fusion's drawing, then a readable outline around an indicator."""
        super().drawPrimitive(element, option, painter, widget)
        indicators = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element not in indicators:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.adjusted(1, 1, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


def system_scheme() -> Qt.ColorScheme:
    """The scheme the system asks for (Unknown when it says nothing)."""
    return QGuiApplication.styleHints().colorScheme()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the app's colours are dark (its window is darker than mid-grey)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for Fusion, with readable disabled text."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d858c"))
    return palette


def apply(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Uses `scheme` (default: the system's), now and whenever the system changes it (when not forced)."""
    wanted = scheme if scheme is not None else system_scheme()
    if "light" not in _state:
        _state["light"] = QPalette(app.palette())
        _state["style"] = app.style().name()
    if wanted == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setStyle(OutlinedStyle("Fusion"))
        app.setPalette(dark_palette())
    elif wanted == Qt.ColorScheme.Light and is_dark(app.palette()) and "light" in _state:
        app.setStyle(str(_state["style"]))
        light = _state["light"]
        assert isinstance(light, QPalette)
        app.setPalette(light)
    if scheme is None and not _state.get("following"):
        _state["following"] = True
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))


__all__ = ["OKABE_BLUE", "OKABE_GREEN", "OKABE_ORANGE", "OKABE_PURPLE", "OKABE_SKY", "apply", "dark_palette",
           "is_dark", "system_scheme"]  # fmt: skip
