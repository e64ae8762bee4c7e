"""A screenshot of every view in English and Chinese, light and dark, under test-artifacts/ for a person to look at.

The test checks what a program can: each picture is real and not blank, each view is shown, no text is cut to "…".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot, settle
from wattprint.core.insight import demo
from wattprint.core.store import history
from wattprint.desktop import i18n, scheme
from wattprint.desktop.mainwindow import MainWindow

VIEWS = ("feed", "week", "compare", "settings")


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    i18n.install(request.param)
    try:
        yield request.param
    finally:
        i18n.reset()


@pytest.fixture(params=["light", "dark"])
def colours(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    scheme.apply(app, Qt.ColorScheme.Dark if request.param == "dark" else Qt.ColorScheme.Light)
    try:
        yield request.param
    finally:
        scheme.apply(app, Qt.ColorScheme.Light)


def _not_blank(path) -> None:
    image = QImage(str(path))
    assert image.width() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 8, f"{path} looks blank"


def _no_elided_cells(view: QAbstractItemView) -> None:
    model = view.model()
    metrics = view.fontMetrics()
    for column in range(model.columnCount()):
        for row in range(min(model.rowCount(), 20)):
            text = str(model.index(row, column).data() or "")
            if column < model.columnCount() - 1:  # the last column stretches
                assert metrics.horizontalAdvance(text) <= view.columnWidth(column), (column, text)


def test_every_view(qtbot: QtBot, seeded: int, lang: str, colours: str) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    for index, name in enumerate(VIEWS):
        win.show_view(index)
        qtbot.wait(50)
        _not_blank(screenshot(win, f"view-{lang}-{colours}-{name}"))
    _no_elided_cells(win.feed.table)
    dialog = win.feed.open_row(0)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    _not_blank(screenshot(dialog, f"view-{lang}-{colours}-detail"))
    dialog.close()
    win.close()


def test_demo_banner(qtbot: QtBot, seeded: int, lang: str, colours: str) -> None:
    db = history.open_db(profile=demo.DEMO_PROFILE)
    demo.generate(db, days=7)
    db.conn.close()
    win = MainWindow(demo.DEMO_PROFILE)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    win.show_view(1)
    qtbot.wait(50)
    _not_blank(screenshot(win, f"view-{lang}-{colours}-demo-week"))
    win.close()
