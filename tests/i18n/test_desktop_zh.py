"""The app in Simplified Chinese: translated widgets, locale numbers and dates, and screenshots of every main view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.desktop.conftest import screenshot
from tests.i18n.conftest import settle
from wattprint.core.store import preferences
from wattprint.core.words import i18n as core_i18n
from wattprint.desktop import i18n
from wattprint.desktop.mainwindow import MainWindow


def _window(qtbot: QtBot, profile: str | None = None) -> MainWindow:
    win = MainWindow(profile=profile)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_a_cjk_font_is_installed(qtbot: QtBot) -> None:
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), "install fonts-noto-cjk"


def test_main_views_in_chinese(qtbot: QtBot, seeded: int, chinese: None) -> None:
    win = _window(qtbot)
    assert [win.tabs.tabText(i) for i in range(4)] == ["动态", "本周", "对比", "设置"]
    assert win.menuBar().actions()[0].text() == "文件(&F)"
    assert QLocale().language() == QLocale.Language.Chinese
    assert core_i18n.language() == "zh_CN"
    names = {"Feed": win.feed, "Week": win.week, "Compare": win.compare, "Settings": win.settings}
    for index, (name, view) in enumerate(names.items()):
        win.show_view(index)
        qtbot.wait(50)
        path = screenshot(win, f"zh_CN-{name.lower()}")
        assert path.stat().st_size > 10_000
        assert view.isVisible()
    content = win.week.content
    assert content.title.text().endswith("这一周")
    assert _has_cjk(content.sentences.text())
    assert _has_cjk(win.compare.answer.text())
    assert win.feed_model.headerData(0, Qt.Orientation.Horizontal) == "时间"
    assert _has_cjk(win.status.text())


def test_welcome_in_chinese(qtbot: QtBot, chinese: None) -> None:
    win = _window(qtbot)
    assert win.current_view() is win.welcome
    assert win.welcome.demo.text() == "试用演示数据"
    screenshot(win, "zh_CN-welcome")


def test_language_setting_switches_live(qtbot: QtBot, seeded: int) -> None:
    win = _window(qtbot)
    try:
        assert win.tabs.tabText(0) == "Feed"
        win.show_view(3)
        settings = win.settings
        settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
        qtbot.waitUntil(lambda: win.tabs.tabText(0) == "动态", timeout=5000)
        settle(qtbot, win)
        assert win.current_view() is win.settings
        assert preferences.read(win.session.db).language == "zh_CN"  # type: ignore[union-attr]
        win.settings.language.setCurrentIndex(win.settings.language.findData("en"))
        qtbot.waitUntil(lambda: win.tabs.tabText(0) == "Feed", timeout=5000)
        settle(qtbot, win)
    finally:
        i18n.reset()


def test_follow_system_by_default() -> None:
    assert i18n.resolve(None) == i18n.system_language()
    assert i18n.resolve("zh_CN") == "zh_CN"
    assert i18n.resolve("en") == "en"


def test_report_in_chinese(qtbot: QtBot, seeded: int, tmp_path: Path, monkeypatch) -> None:
    from datetime import date

    from wattprint.core.cli import main

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    out = tmp_path / "week.html"
    try:
        assert main(["report", "--week", "--date", date.today().isoformat(), "-o", str(out)]) == 0
    finally:
        i18n.reset()
    text = out.read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in text
    assert "您这一周的 AI 使用" in text
    assert "合计" in text  # the week's sentences


def test_query_detail_in_chinese_has_no_english_headings(qtbot: QtBot, seeded: int, chinese: None) -> None:
    """Every heading of the detail is translated: the ones built inside f-strings were missed by lupdate once."""
    from wattprint.core.model.modeldata import load
    from wattprint.core.store import history, queries
    from wattprint.desktop.views.querydetail import detail_html

    db = history.open_db()
    data = load()
    first = queries.feed(db, data, limit=1).items[0]
    text = detail_html(queries.interaction(db, data, first["id"]), data)
    assert "<h4>来源</h4>" in text
    for english in ("Sources", "Warnings", "How it was captured", "Energy"):
        assert f">{english}<" not in text, english


def test_feed_figures_are_never_cut_short_in_a_narrow_window(qtbot: QtBot, seeded: int, chinese: None) -> None:
    """In Chinese at 920 pixels the water column was cut ("0.5 mL (0.009..."): the model's name gives up width first."""
    from wattprint.desktop.models.feedmodel import SORT_KEYS

    win = _window(qtbot)
    table = win.feed.table
    for width in (1200, 920):
        win.resize(width, 640)
        qtbot.wait(100)
        for key in ("energy", "carbon", "water"):
            column = SORT_KEYS.index(key)
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), (width, key)
        screenshot(win, f"zh_CN-feed-{width}")


def test_chinese_handout_has_simplified_glyphs_and_keeps_its_text(
    qtbot: QtBot, seeded: int, tmp_path: Path, monkeypatch
) -> None:
    """Han characters fell back to the first CJK font fontconfig sorts (Japanese forms), and the PDF's text layer lost
    characters ("今天", "介于"); the Simplified Chinese font comes first now."""
    import shutil
    import subprocess

    from wattprint.core.cli import main

    monkeypatch.setenv("WATTPRINT_LANG", "zh_CN")  # Wattprint in Chinese on a system whose locale says nothing of it
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = tmp_path / "handout"
    try:
        assert main(["present", "--export", str(out), "--theme", "light"]) == 0
    finally:
        i18n.reset()
    pdf = out / "wattprint-classroom.pdf"
    fonts, text_tool = shutil.which("pdffonts"), shutil.which("pdftotext")
    assert fonts
    assert text_tool
    listed = subprocess.run([fonts, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJKsc" in listed, listed
    assert "CJKjp" not in listed, listed
    text = subprocess.run([text_tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Qt maps a glyph back to the lowest code point drawn with it, a radical ("⽇" for "日", "⻚" for "页"): the
    # text layer is mended to the characters themselves, so the handout can be searched and copied.
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF], "radicals in the text layer"
    for words in ("今天的 AI 使用", "介于", "次查询", "一次网页搜索", "日常活动", "汽油车"):
        assert words in text, words



def test_main_window_speaks_chinese_in_a_simplified_chinese_font(qtbot: QtBot, seeded: int, chinese: None) -> None:
    """The main window fell back to the first CJK font fontconfig sorts (Noto Sans CJK JP); drawn on screen, Qt's
    Chinese locale hid it, but a report painted by the same widgets embedded the Japanese font and its PDF text lost
    characters. The application's font names the Simplified Chinese fonts while Chinese is spoken."""
    win = _window(qtbot)
    for widget in (win.week.content.title, win.feed, win.tabs.tabBar()):
        assert "Noto Sans CJK SC" in widget.font().families(), widget
    i18n.install("en")
    try:
        assert "Noto Sans CJK SC" not in QApplication.font().families()  # English keeps the system's fonts
    finally:
        i18n.install("zh_CN")


def test_presenter_scenes_in_chinese(qtbot: QtBot, seeded: int, chinese: None) -> None:
    """The training notes, the scale sentences with their ranges and the stars' caption are Chinese, numbers kept."""
    from wattprint.desktop.presenter.window import PresenterWindow
    from wattprint.desktop.session import Session

    session = Session(listen=False)
    try:
        win = PresenterWindow(session)
        qtbot.addWidget(win)
        win.resize(1920, 1080)
        win.go(3)
        training = win.current()
        notes = training.notes.text()  # type: ignore[attr-defined]
        assert "按加州电网计" in notes
        assert "51,772,500–62,318,750 kWh" in notes
        assert "2,600 小时" in notes
        assert "仅计动态功耗" in notes
        cells = [[cell.text() for cell in row] for row in training.cells]  # type: ignore[attr-defined]
        assert any(row[2] == "25 吨\u00a0¹ · 50.5 吨\u00a0²" for row in cells), [row[2] for row in cells]
        assert all("（" in row[4] for row in cells)  # days of use with their range
        win.go(2)
        scale = win.current()
        scale.people.setValue(5_000_000_000)  # type: ignore[attr-defined]
        homes = scale.households_text.text()  # type: ignore[attr-defined]
        assert homes.startswith("一年下来：相当于"), homes
        assert "万）" in homes, homes
        country = scale.country.text()  # type: ignore[attr-defined]
        assert "全年用电量的" in country
        assert "%（" in country
        win.go(4)
        assert "已公布规模的条目" in win.current().explain.text()  # type: ignore[attr-defined]
        win.close()
    finally:
        session.close()
