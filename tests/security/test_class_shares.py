"""Forged and double-counted shares (issue 15, finding 4): a teacher can trust a class total.

An attacker edits a share (and recomputes any checksum), hands the same week in twice, renames a copy, mixes weeks,
sends an empty or future week, a share of another class, or an old unsigned one. None of it changes the class total.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_item
from wattprint.core.insight import share
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction
from wattprint.core.store import history

DATA = load()


@pytest.fixture
def code(data_dir) -> str:
    found = share.class_code(create=True)
    assert found is not None
    return found


def _student_share(folder: Path, name: str, code: str, profile: str, day: str, count: int, estimator) -> Path:
    """A real share made by the CLI's own code path, in a student's own profile (own key, own history)."""
    db = history.open_db(profile=profile)
    items = [Interaction.model_validate(make_item(ts=f"{day}T10:00:00Z")) for _ in range(count)]
    history.store(db, history.Estimates(estimator).rows(items))
    body = share.build(db, DATA, date.fromisoformat(day), code, profile=profile)
    db.conn.close()
    path = folder / name
    share.write(path, body)
    return path


def test_edits_are_refused_even_with_a_recomputed_checksum(tmp_path, code, estimator):
    folder = tmp_path / "in"
    folder.mkdir()
    path = _student_share(folder, "ana.json", code, "ana", "2026-11-16", 3, estimator)
    body = json.loads(path.read_text())
    body["rows"][0]["count"] = 300
    for field in ("mac", "checksum"):  # what an attacker without the code can compute: plain hashes
        text = json.dumps({k: v for k, v in body.items() if k != field}, sort_keys=True, separators=(",", ":"))
        body[field] = hashlib.sha256(text.encode()).hexdigest()
    body.pop("checksum")
    path.write_text(json.dumps(body))
    report = share.import_dir(folder)
    assert report.added == []
    assert "signature does not match" in dict(report.rejected)["ana.json"]
    assert share.totals(share.stored()).students == 0


def test_a_share_made_with_another_code_or_without_one_is_refused(tmp_path, code, estimator):
    folder = tmp_path / "in"
    folder.mkdir()
    _student_share(folder, "other.json", share.new_code(), "ana", "2026-11-16", 3, estimator)
    old = {"format": "wattprint-share", "version": 1, "id": "00000000-0000-4000-8000-000000000001",
           "week_start": "2026-11-16", "model_version": DATA.version, "rows": [], "checksum": "0" * 64}  # fmt: skip
    (folder / "old.json").write_text(json.dumps(old))
    report = share.import_dir(folder)
    assert report.added == []
    rejected = dict(report.rejected)
    assert "another class" in rejected["other.json"]
    assert "older Wattprint" in rejected["old.json"]


def test_one_student_counts_once_per_week_whatever_they_hand_in(tmp_path, code, estimator):
    folder = tmp_path / "in"
    folder.mkdir()
    first = _student_share(folder, "ana-monday.json", code, "ana", "2026-11-16", 3, estimator)
    shutil.copy(first, folder / "ana-copy.json")  # a copy under another name
    _student_share(folder, "ana-friday.json", code, "ana", "2026-11-20", 2, estimator)  # the same week, shared again
    _student_share(folder, "ben.json", code, "ben", "2026-11-17", 4, estimator)
    report = share.import_dir(folder)
    assert not report.rejected
    totals = share.totals(share.stored())
    assert totals.students == 2
    assert totals.count == 3 + 2 + 4  # Ana's newer share of the week (all 5 of her queries), Ben's 4
    assert share.import_dir(folder).added == []  # importing again changes nothing
    assert share.totals(share.stored()) == totals


def test_weeks_are_kept_apart_and_each_total_says_its_week(tmp_path, code, estimator):
    folder = tmp_path / "in"
    folder.mkdir()
    _student_share(folder, "ana-w1.json", code, "ana", "2026-11-09", 7, estimator)
    _student_share(folder, "ana-w2.json", code, "ana", "2026-11-16", 3, estimator)
    _student_share(folder, "ben-w2.json", code, "ben", "2026-11-17", 4, estimator)
    share.import_dir(folder)
    shares = share.stored()
    latest = share.totals(shares)
    assert (latest.week, latest.week_end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert (latest.students, latest.count) == (2, 7)
    earlier = share.totals(shares, date(2026, 11, 9))
    assert (earlier.students, earlier.count) == (1, 7)
    assert latest.weeks == [date(2026, 11, 9), date(2026, 11, 16)]


def test_empty_and_future_weeks_are_refused(tmp_path, code, estimator, data_dir):
    db = history.open_db()
    with pytest.raises(share.ShareError, match="nothing to share"):
        share.build(db, DATA, date(2026, 11, 18), code)
    with pytest.raises(share.ShareError, match="has not begun"):
        share.build(db, DATA, date.today() + timedelta(days=14), code)
    db.conn.close()
    folder = tmp_path / "in"
    folder.mkdir()
    path = _student_share(folder, "ana.json", code, "ana", "2026-11-16", 1, estimator)
    body = json.loads(path.read_text())
    future = (date.today() + timedelta(days=21)).isoformat()
    body["week_start"] = future
    body["rows"][0]["day"] = future
    body["mac"] = share._mac(body, code)  # even signed with the right code
    (folder / "future.json").write_text(json.dumps(body))
    empty = {**json.loads(path.read_text()), "rows": []}
    empty["mac"] = share._mac(empty, code)
    (folder / "empty.json").write_text(json.dumps(empty))
    report = share.import_dir(folder)
    rejected = dict(report.rejected)
    assert "has not begun" in rejected["future.json"]
    assert "rows" in rejected["empty.json"]
    assert report.added == ["ana.json"]
