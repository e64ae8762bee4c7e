"""The presenter view: every scene renders readably offscreen, the keyboard drives it, and its export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import make_item
from tests.desktop.conftest import ARTIFACTS, settle
from wattprint.core.cli import main
from wattprint.core.insight import share
from wattprint.core.model.estimator import Estimator
from wattprint.core.schemas import Interaction
from wattprint.core.store import history
from wattprint.desktop import presenter
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.presenter.ourclass import ClassScene
from wattprint.desktop.presenter.ranking import RankingScene
from wattprint.desktop.presenter.scale import ScaleScene
from wattprint.desktop.presenter.scene import Scene
from wattprint.desktop.presenter.training import TrainingScene
from wattprint.desktop.presenter.window import SCENE_NAMES, PresenterWindow
from wattprint.desktop.session import Session


@pytest.fixture
def session(seeded: int) -> Iterator[Session]:
    found = Session(listen=False)
    yield found
    found.close()


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> PresenterWindow:
    win = PresenterWindow(session)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_scene_renders(window: PresenterWindow, qtbot: QtBot) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for index, name in enumerate(SCENE_NAMES):
        window.go(index)
        window.current().prepare_export()
        qtbot.wait(10)
        image = window.grab().toImage()
        path = ARTIFACTS / f"presenter-{name}.png"
        assert image.save(str(path))
        assert (image.width(), image.height()) == (1920, 1080)
        assert _ink(image) > 0.01, name  # something is drawn on the dark background
    assert window.scenes[0].count.text().endswith("queries")  # type: ignore[attr-defined]


def _ink(image: QImage) -> float:
    """Share of sampled pixels that are not the background."""
    background = image.pixelColor(2, 2)
    samples = [(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)]
    return sum(image.pixelColor(x, y) != background for x, y in samples) / len(samples)


def test_keyboard_drives_the_scenes(window: PresenterWindow) -> None:
    assert window.index == 0
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.index == 1
    ranking = window.current()
    assert isinstance(ranking, RankingScene)
    assert not ranking.revealed
    QTest.keyClick(window, Qt.Key.Key_Space)  # the first press reveals the ranking
    assert (window.index, ranking.revealed) == (1, True)
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert window.index == 2
    assert not ranking.revealed  # back to the question for next time
    scale = window.current()
    assert isinstance(scale, ScaleScene)
    total = scale.total.text()
    QTest.keyClick(window, Qt.Key.Key_Up)
    assert scale.people.value() == 100
    assert scale.total.text() != total
    QTest.keyClick(window, Qt.Key.Key_Plus)
    assert scale.people.value() == 1000
    QTest.keyClick(window, Qt.Key.Key_Down)
    QTest.keyClick(window, Qt.Key.Key_Minus)
    assert scale.people.value() == 30
    assert scale.total.text() == total
    QTest.keyClick(window, Qt.Key.Key_Backspace)
    assert window.index == 1
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert window.index == 0
    QTest.keyClick(window, Qt.Key.Key_End)
    assert isinstance(window.current(), ClassScene)
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.index == len(SCENE_NAMES) - 1
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_training_and_models_scenes_step_their_number(window: PresenterWindow) -> None:
    window.go(3)
    before = window.current().per_day.text()  # type: ignore[attr-defined]
    QTest.keyClick(window, Qt.Key.Key_Up)
    assert window.current().per_day.text() != before  # type: ignore[attr-defined]
    window.go(4)
    models = window.current()
    QTest.keyClick(window, Qt.Key.Key_Up)
    assert models.response_tokens == 1000  # type: ignore[attr-defined]


def test_live_scene_follows_the_history(window: PresenterWindow, session: Session, estimator: Estimator) -> None:
    live = window.live
    before = live.count.text()
    item = Interaction.model_validate(make_item(ts=history.utc_text(datetime.now(UTC))))
    history.store(session.db, history.Estimates(estimator).rows([item]))
    session.changed.emit([str(item.id)])  # what the host's nudge or the data_version poll does
    assert live.count.text() != before
    assert live.newest == str(item.id)
    assert live.rows[0][3].text().startswith("≈ ")


def test_class_scene_imports_a_folder(
    window: PresenterWindow, tmp_path: Path, session: Session, estimator: Estimator
) -> None:
    folder = tmp_path / "shares"
    folder.mkdir()
    code = share.class_code(create=True)
    assert code is not None
    history.store(session.db, history.Estimates(estimator).rows([Interaction.model_validate(make_item(
        ts=history.utc_text(datetime.now(UTC))))]))  # fmt: skip
    body = share.build(session.db, session.data, date.today(), code)
    share.write(folder / "a.json", body)
    (folder / "bad.json").write_text("nope")
    window.go(5)
    scene = window.current()
    assert isinstance(scene, ClassScene)
    assert scene.total.text() == "No shares yet"
    report = scene.import_folder(folder)
    assert report.added == ["a.json"]
    assert "skipped bad.json: not a JSON file" in scene.message.text()
    assert f"Wh · {share.totals(share.stored()).week}" in scene.total.text()  # with the week it covers
    scene.import_folder(folder)
    assert len(share.stored()) == 1


def test_open_presenter_and_the_menu_hookup(qtbot: QtBot, seeded: int) -> None:
    own = presenter.open_presenter(None, full_screen=False)
    qtbot.addWidget(own)
    assert own.owns_session
    own.close()
    win = MainWindow(listen=False)
    qtbot.addWidget(win)
    presenter.install(win)
    settle(qtbot, win)
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Classroom")
    actions = {a.text(): a for a in menu.actions()}  # type: ignore[union-attr]
    actions["&Presenter view"].trigger()
    shown = win.findChildren(PresenterWindow)
    assert len(shown) == 1
    assert shown[0].session is win.session
    shown[0].close()
    win.switch_profile("demo")
    settle(qtbot, win)
    assert win.profile == "demo"
    actions["Back to &my history"].trigger()
    settle(qtbot, win)
    assert win.profile is None
    win.close()


def test_present_export_writes_pngs_and_a_pdf(seeded: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handout"
    assert main(["present", "--export", str(out)]) == 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == [f"{i:02d}-{name}.png" for i, name in enumerate(SCENE_NAMES, start=1)]
    assert all(QImage(str(out / name)).width() == 1920 for name in pngs)
    pdf = (out / "wattprint-classroom.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == len(SCENE_NAMES)  # one scene per page
    assert len(capsys.readouterr().out.splitlines()) == len(SCENE_NAMES) + 1
    (tmp_path / "file").write_text("")
    assert main(["present", "--export", str(tmp_path / "file")]) == 2


def test_spin_box_arrows_are_triangles_not_bars(qtbot: QtBot) -> None:
    """The style sheet drew the arrows as CSS border triangles, which Qt paints as bars; they are pictures now."""
    from PySide6.QtWidgets import QSpinBox

    from wattprint.desktop.presenter import theme

    box = QSpinBox()
    qtbot.addWidget(box)
    box.setStyleSheet(theme.style_sheet(1080))
    box.setValue(30)
    box.resize(240, 70)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    text = theme.TEXT
    widths = []
    for y in range(image.height() // 2):  # the up arrow, in the upper half of the button column at the right
        row = [image.pixelColor(x, y) for x in range(image.width() - 40, image.width())]
        widths.append(sum(1 for c in row if abs(c.red() - text.red()) + abs(c.green() - text.green()) < 60))
    drawn = [w for w in widths if w > 0]
    assert drawn, "no arrow drawn"
    assert drawn[-1] > drawn[0], f"a bar, not a triangle pointing up: {drawn}"
    for way in ("up", "down"):
        assert Path(theme.ARROWS[way]).is_file()


def test_live_scene_of_an_empty_day_gives_no_range_of_zeros(qtbot: QtBot, estimator: Estimator) -> None:
    """A morning class before any query saw "0 Wh of electricity (between 0 Wh and 0 Wh)"."""
    found = Session(listen=False, profile="empty-live")
    try:
        win = PresenterWindow(found)
        qtbot.addWidget(win)
        live = win.live
        assert live.count.text() == "0 queries"
        assert live.energy.text() == "0 Wh"
        item = Interaction.model_validate(make_item(ts=history.utc_text(datetime.now(UTC))))
        history.store(found.db, history.Estimates(estimator).rows([item]))
        found.changed.emit([str(item.id)])
        assert "between" in live.energy.text()
    finally:
        found.close()


def test_footer_offers_the_arrow_keys_only_where_there_is_a_number(window: PresenterWindow) -> None:
    """Live, the ranking and Our class have no number to change: their footer does not promise one."""
    for index in range(len(SCENE_NAMES)):
        window.go(index)
        has_number = type(window.current()).adjust is not Scene.adjust
        assert ("↑ ↓" in window.footer.text()) is has_number, SCENE_NAMES[index]
    assert [n for i, n in enumerate(SCENE_NAMES) if (window.go(i) or "↑ ↓" in window.footer.text())] == [
        "scale", "training", "models"]


def test_ranking_scene_writes_one_figure_per_thing(window: PresenterWindow, estimator: Estimator) -> None:
    """"0.1 Wh · 1×" beside "2 Wh · 10×" and "100 Wh · 800×": now the search's 0.12 Wh and counts of web searches."""
    from wattprint.core.model import equivalents

    window.go(1)
    window.current().advance()
    bars = {bar.label: bar.text for bar in window.current().bars.bars}  # type: ignore[attr-defined]
    data = estimator.data
    search = data.media.search.wh.central
    assert bars["A web search"] == f"{search:g} Wh · 1× a search"
    kettle = equivalents.amount_of("web_search", data.equivalents["kettle"].wh, data).text.split()[0]
    assert bars["Boiling 1 litre of water in a kettle"] == f"100 Wh · {kettle}× a search"
    assert kettle == "830"


def test_scale_scene_keeps_the_range_under_the_total(window: PresenterWindow) -> None:
    window.go(2)
    scale = window.current()
    assert isinstance(scale, ScaleScene)
    scale.people.setValue(5_000_000_000)
    homes = scale.households_text.text()
    assert re.search(r"households \([\d.]+–[\d.]+ million\)$", homes), homes
    assert re.search(r"\(\d+–\d+ %\) of the yearly electricity of", scale.country.text()), scale.country.text()
    scale.people.setValue(30)
    assert re.search(r"% \([\d.]+–[\d.]+ %\) of what one home uses", scale.households_text.text())
    assert re.search(r"\(\d[\d,]*–\d[\d,]*\)$", scale.country.text()), scale.country.text()


def test_training_scene_shows_emissions_scope_and_the_articles_figures(window: PresenterWindow) -> None:
    window.go(3)
    scene = window.current()
    assert isinstance(scene, TrainingScene)
    rows = [[cell.text() for cell in cells] for cells in scene.cells]
    by_name = {row[0].split(" (")[0].split(",")[0]: row for row in rows}
    assert by_name["BLOOM 176B"][2] == "25 t\u00a0¹ · 50.5 t\u00a0²"  # dynamic power like its neighbours, then full
    assert by_name["GPT-3 175B"][2] == "502 t\u00a0¹"
    assert by_name["OPT 175B"][2] == "70 t\u00a0¹"
    assert by_name["GPT-4"][2] == "12,456–13,840 t\u00a0³"
    assert all(re.search(r"\(\d+–\d+\)$", row[4]) for row in rows), [row[4] for row in rows]  # days with a range
    notes = scene.notes.text()
    for figure in ("51,772,500–62,318,750 kWh", "12,456–14,994 t", "2,600 hours", "57,525,000 kWh", "13,840 t"):
        assert figure in notes, figure
    assert "¹ Dynamic power only" in notes
    assert "² BLOOM in full scope" in notes
    QTest.keyClick(window, Qt.Key.Key_Down)  # a tenth of the queries a day: ten times the days, with their range
    assert scene.cells[4][4].text() != rows[4][4]
    assert re.search(r"\(\d[\d,]*–\d[\d,]*\)$", scene.cells[4][4].text())


def test_models_scene_says_what_the_stars_compare_against(window: PresenterWindow, estimator: Estimator) -> None:
    from wattprint.core.insight import classroom

    window.go(4)
    explain = window.current().explain.text()  # type: ignore[attr-defined]
    classes = classroom.small_vs_large(estimator).classes
    assert f"small, up to 20B parameters: {classes['A'].count}" in explain
    assert f"large: {classes['C'].count}" in explain
