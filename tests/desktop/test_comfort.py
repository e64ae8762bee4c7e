"""Comfort (issue 16, item 15): dark scheme, window clamped and remembered, colour-blind-safe colours, readable text."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import settle
from wattprint.desktop import geometry, scheme
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.presenter import theme
from wattprint.desktop.widgets import charts


def test_clamp_keeps_the_window_on_the_screen() -> None:
    screen = QRect(0, 0, 1280, 720)
    assert geometry.clamp(QRect(100, 100, 1100, 760), screen) == QRect(100, 0, 1100, 720)
    assert geometry.clamp(QRect(3000, -50, 800, 600), screen) == QRect(480, 0, 800, 600)


def test_geometry_is_remembered(qtbot: QtBot, seeded: int) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win)
    win.setGeometry(QRect(60, 70, 700, 500))  # the offscreen screen is small: a size that fits it
    left = (win.width(), win.height())  # as the window's minimum size allowed
    win.close()
    again = MainWindow()
    qtbot.addWidget(again)
    available = again.screen().availableGeometry()
    assert (again.width(), again.height()) == (min(left[0], available.width()), left[1])
    assert available.contains(again.geometry())
    again.close()


def test_dark_scheme_gives_a_dark_palette(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        scheme.apply(app, Qt.ColorScheme.Dark)
        assert scheme.is_dark()
        assert charts.range_color().lightness() > 128  # range lines drawn in light ink on dark
    finally:
        scheme.apply(app, Qt.ColorScheme.Light)
    assert not scheme.is_dark()


def _distinct_for_colour_blind(a: QColor, b: QColor) -> bool:
    """Told apart by lightness or by blue against yellow: the axis deuteranopes and protanopes keep."""
    return abs(a.lightness() - b.lightness()) > 40 or abs((a.blue() - a.red()) - (b.blue() - b.red())) > 150


def test_ai_and_search_colours_are_colour_blind_safe() -> None:
    for ai, search in ((theme.AI, theme.SEARCH), (charts.AI_COLOR, charts.SEARCH_COLOR)):
        assert _distinct_for_colour_blind(ai, search)
    assert theme.AI.name().lower() == "#e69f00"  # Okabe-Ito orange, not orange against green


def test_spin_box_arrows_are_styled_visible() -> None:
    sheet = theme.style_sheet(1080)
    assert "::up-arrow" in sheet
    assert "::down-arrow" in sheet
