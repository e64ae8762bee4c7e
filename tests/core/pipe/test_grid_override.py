"""The user's data-centre grid override reaches stored estimates: through the host, and by re-estimation."""

from __future__ import annotations

from tests.conftest import make_item
from tests.core.pipe.conftest import HostProcess
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.store import history, preferences, reestimate


def _stored(item_id: str) -> tuple[float, str]:
    db = history.open_db()
    try:
        row = db.conn.execute("SELECT co2_central, model_version FROM interactions WHERE id = ?", (item_id,)).fetchone()
    finally:
        db.conn.close()
    return float(row[0]), str(row[1])


def test_host_estimates_with_the_chosen_grid(history_db) -> None:
    plain = make_item()
    host = HostProcess()
    assert host.ask({"type": "record", "items": [plain]})["stored"] == [plain["id"]]
    host.close()
    preferences.write(history_db, zone="FRA")
    french = make_item()
    host = HostProcess()
    assert host.ask({"type": "record", "items": [french]})["stored"] == [french["id"]]
    host.close()
    co2_usa, version_usa = _stored(plain["id"])
    co2_fra, version_fra = _stored(french["id"])
    assert version_usa == load().version
    assert version_fra == f"{load().version}@FRA"
    assert co2_fra < co2_usa / 4  # France's grid is far cleaner than the USA's


def test_changing_the_override_reestimates_the_history(history_db) -> None:
    host = HostProcess()
    items = [make_item() for _ in range(5)]
    assert len(host.ask({"type": "record", "items": items})["stored"]) == 5
    host.close()
    french = Estimator(load(), zone="FRA")
    assert reestimate.outdated(history_db, french.version) == 5
    assert reestimate.reestimate(history_db, french) == 5
    assert reestimate.outdated(history_db, french.version) == 0
    assert all(_stored(str(i["id"]))[1].endswith("@FRA") for i in items)
