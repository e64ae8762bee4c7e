"""Exploring the feed (issue 16, item 9): sort by any column, filter by model, search, totals, delete, detail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from wattprint.core.model.modeldata import load
from wattprint.core.store import history, queries
from wattprint.desktop.mainwindow import MainWindow
from wattprint.desktop.models.feedmodel import ENERGY_ROLE, ID_ROLE, SORT_KEYS, Filters
from wattprint.desktop.views.querydetail import QueryDetail


def _all(model) -> None:
    while model.canFetchMore():
        model.fetchMore()


def test_sorting_by_energy_reaches_every_row(window: MainWindow, seeded: int) -> None:
    model = window.feed_model
    window.feed.table.sortByColumn(SORT_KEYS.index("energy"), Qt.SortOrder.AscendingOrder)
    _all(model)
    energies = [model.data(model.index(r, 0), ENERGY_ROLE) for r in range(model.rowCount())]
    assert len(energies) == seeded
    assert energies == sorted(energies)
    ids = {model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())}
    assert len(ids) == seeded  # keyset pages on (energy, id): none twice, none lost


def test_every_column_sorts(seeded: int) -> None:
    db = history.open_db()
    for key in queries.SORT_KEYS:
        for descending in (True, False):
            seen: list[str] = []
            after = None
            while True:
                page = queries.feed(db, load(), limit=97, after=after, order=key, descending=descending)
                seen.extend(item["id"] for item in page.items)
                if page.next is None:
                    break
                after = page.next
            assert len(seen) == len(set(seen)) == seeded, key


def test_model_filter_search_and_totals(window: MainWindow, seeded: int) -> None:
    view = window.feed
    names = [view.model_filter.itemText(i) for i in range(view.model_filter.count())]
    assert "GPT-5" in names
    assert "Claude Sonnet 4.5" in names
    assert not any("-" in name and name.islower() for name in names)  # friendly names, not raw ids
    view.model_filter.setCurrentIndex(view.model_filter.findData("claude-sonnet-4-5"))
    view.apply_filters()
    model = window.feed_model
    _all(model)
    assert model.rowCount() > 0
    assert {model.index(r, 2).data() for r in range(model.rowCount())} == {"Claude Sonnet 4.5"}
    assert view.totals.text().startswith(f"{model.rowCount()} queries shown")
    view.model_filter.setCurrentIndex(0)
    view.search.setText("sonar")
    view.apply_filters()
    _all(model)
    assert model.rowCount() > 0
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"Perplexity"}
    totals = queries.feed_totals(history.open_db(), search="sonar")
    assert totals["count"] == model.rowCount()


def test_delete_one_row_keeps_the_rollup_in_step(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:
    view = window.feed
    db = history.open_db()
    before = db.conn.execute("SELECT sum(count), sum(energy_central) FROM daily").fetchone()
    view.table.setCurrentIndex(window.feed_model.index(0, 0))
    gone = window.feed_model.data(window.feed_model.index(0, 0), ID_ROLE)
    energy = window.feed_model.data(window.feed_model.index(0, 0), ENERGY_ROLE)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    view.delete_current()
    assert asked
    assert queries.interaction(db, load(), gone) is not None  # cancelled: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.deleted):
        view.delete_current()
    assert queries.interaction(db, load(), gone) is None
    after = db.conn.execute("SELECT sum(count), sum(energy_central) FROM daily").fetchone()
    assert after[0] == before[0] - 1
    assert abs(after[1] - (before[1] - energy)) < 1e-6
    assert window.feed_model.data(window.feed_model.index(0, 0), ID_ROLE) != gone


def test_detail_shows_what_was_assumed(window: MainWindow) -> None:
    view = window.feed
    model = window.feed_model
    model.set_filters(Filters(service="chatgpt", kind="chat"))
    view._fill()
    dialog = view.open_row(0)
    assert isinstance(dialog, QueryDetail)
    text = dialog.text.toPlainText()
    for part in ("Tokens assumed", "Model assumed", "billion active parameters", "Modes", "How it was captured",
                 "Sources", "likely value for a query"):  # fmt: skip
        assert part in text, part
    assert "href='https://" in dialog.text.toHtml() or 'href="https://' in dialog.text.toHtml()
    dialog.close()


def test_enter_opens_the_detail(qtbot: QtBot, window: MainWindow) -> None:
    view = window.feed
    window.show_view(0)
    view.table.setFocus()
    view.table.setCurrentIndex(window.feed_model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialogs = view.findChildren(QueryDetail)
    assert dialogs
    dialogs[0].close()


def test_detail_says_how_the_turn_was_read_and_whether_the_page_confirmed_it(qtbot: QtBot, estimator) -> None:
    from tests.conftest import make_item
    from wattprint.core.schemas import Interaction
    from wattprint.desktop.views.querydetail import detail_html

    db = history.open_db()
    items = [make_item(source="page"), make_item(source="traffic", unconfirmed=True), make_item()]
    history.store(db, history.Estimates(estimator).rows([Interaction.model_validate(i) for i in items]))
    data = load()
    texts = []
    for item in items:
        dialog = QueryDetail(queries.interaction(db, data, str(item["id"])), data)
        qtbot.addWidget(dialog)
        texts.append(dialog.text.toPlainText())
    assert "from the page's text" in texts[0]
    assert "not confirmed by the page" not in texts[0]
    assert "from the page's traffic" in texts[1]
    assert "not confirmed by the page" in texts[1]
    assert "by the browser extension" in texts[2]  # a row that does not say how it was read
    assert detail_html(queries.interaction(db, data, str(items[0]["id"])), data)
