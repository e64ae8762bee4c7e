"""Classroom scenes' numbers, share files and class totals (no Qt)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import make_item
from wattprint.core.cli import main
from wattprint.core.insight import classroom, compare, energyscore, share
from wattprint.core.model import equivalents
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction
from wattprint.core.store import history
from wattprint.core.words import units

DATA = load()
DAY = date(2026, 11, 18)  # a Wednesday; its week starts on Monday 2026-11-16


def _store(db, estimator, *items: dict[str, object]) -> None:
    rows = history.Estimates(estimator).rows([Interaction.model_validate(item) for item in items])
    history.store(db, rows)


# -- formatting -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wh", "text"),
    [(0.34, "0.34 Wh"), (37_230, "37 kWh"), (1.2e6, "1.2 MWh"), (1.241e9, "1.2 GWh"), (6.205e12, "6.2 TWh")],
)
def test_energy_text_picks_the_unit(wh: float, text: str) -> None:
    assert classroom.energy_text(wh) == text


def test_counts_and_steps() -> None:
    assert classroom.count_text(30) == "30"
    assert classroom.count_text(1_500_000) == "1.5 million"
    assert classroom.count_text(5e9) == "5 billion"
    assert classroom.number(0.000062) == "0.000062"
    assert classroom.step(classroom.PEOPLE_STEPS, 30, +1) == 100
    assert classroom.step(classroom.PEOPLE_STEPS, 30, -1) == 30
    assert classroom.step(classroom.PEOPLE_STEPS, 5_000_000_000, +1) == 5_000_000_000
    assert classroom.step(classroom.PEOPLE_STEPS, 42, -1) == 30
    assert classroom.energy_range_text(51_772e6, 54_648e6, 57_525e6) == "55 GWh (52–58)"


# -- a. live ----------------------------------------------------------------------------------------------------------


def test_live_counts_the_day_newest_first(history_db, estimator) -> None:
    _store(
        history_db,
        estimator,
        make_item(ts="2026-11-18T09:00:00Z", service="google", kind="search", prompt={"latin": 20}, response={}),
        make_item(ts="2026-11-18T11:30:00Z"),
        make_item(ts="2026-11-18T12:15:00Z", service="claude"),
        make_item(ts="2026-11-17T12:00:00Z"),  # the day before
    )
    found = classroom.live(history_db, DATA, DAY)
    assert found.count == 3
    centrals = [q.energy_wh for q in found.queries]
    assert found.energy_wh[1] == pytest.approx(sum(centrals))
    assert found.energy_wh[0] < found.energy_wh[1] < found.energy_wh[2]
    assert [q.service for q in found.queries] == ["Claude", "ChatGPT", "Google"]
    local = datetime.fromisoformat("2026-11-18T12:15:00+00:00").astimezone()
    assert found.queries[0].time == f"{local:%H:%M}"
    assert all(q.equivalent for q in found.queries)
    assert found.equivalent
    assert classroom.live(history_db, DATA, date(2026, 11, 19)).count == 0


# -- b. which uses more? ----------------------------------------------------------------------------------------------


def test_ranking_reveals_smallest_first(estimator) -> None:
    found = classroom.ranking(estimator)
    assert [item.key for item in found.cards] == list(classroom.QUIZ_ORDER)
    assert [item.key for item in found.ranked] == [
        "search",
        "activity:led_bulb",
        "activity:laptop",
        "chat",
        "activity:streaming",
        "image",
        "reasoning",
        "activity:phone_charge",
        "activity:kettle",
    ]
    by_key = {item.key: item for item in found.cards}
    # A typical answer of ChatGPT's current default model: the same figure Compare shows for ChatGPT.
    assert by_key["chat"].central == compare.typical_query(estimator, "chatgpt").central
    assert by_key["activity:kettle"].central == 100.0
    assert found.times_search["search"] == 1.0
    assert found.times_search["activity:kettle"] == equivalents.amount_of("web_search", 100.0, DATA).amount


def test_ranking_figures_agree_with_each_other_and_the_equivalents(estimator) -> None:
    """The audit found "0.1 Wh · 1×" beside "2 Wh · 10×" (2/0.1 is 20) and "10 Wh · 100×" against "120 web searches"."""
    found = classroom.ranking(estimator)
    search = DATA.media.search.wh.central
    assert classroom.ranking_text(found, "search") == (classroom.energy_text(search), "1")
    assert classroom.ranking_text(found, "search")[0] == f"{search:g} Wh"  # the data's figure, not a rounder one
    for item in found.cards:
        energy, times = classroom.ranking_text(found, item.key)
        counted = equivalents.amount_of("web_search", item.central, DATA)
        assert times == units.plain(counted.amount), item.key  # the count every other screen gives
        assert energy == classroom.energy_text(units.significant(item.central, 2)), item.key
        shown = float(energy.split()[0])
        # The shown ratio is the shown energy over the shown search, within the rounding of two figures.
        assert float(times) == pytest.approx(shown / search, rel=0.06), item.key
    assert classroom.ranking_text(found, "activity:kettle") == ("100 Wh", "830")
    assert classroom.ranking_text(found, "activity:phone_charge") == ("22 Wh", "180")


# -- c. scale it up ---------------------------------------------------------------------------------------------------


def test_scale_one_class() -> None:
    found = classroom.scale_up(0.34, 30, 10, 365, DATA)
    assert found.total_wh == pytest.approx(37_230)
    assert found.households == pytest.approx(37.23 / 10_500)
    assert found.household_name == "US households"
    assert (found.country, found.country_share) == ("Iceland", pytest.approx(37.23e3 / 20e12))
    homes, place = classroom.scale_lines(found, DATA)
    assert homes == "Over a year: 0.35 % of what one home uses (US households)"
    assert place.startswith("As much as ")


def test_scale_billions() -> None:
    found = classroom.scale_up(0.34, 5_000_000_000, 10, 365, DATA, households="eu")
    assert classroom.energy_text(found.total_wh) == "6.2 TWh"
    assert found.households == pytest.approx(6.205e9 / 3600)
    assert found.country == "Iceland"
    assert found.country_share == pytest.approx(6.205 / 20)
    assert classroom.scale_lines(found, DATA) == (
        "Over a year: the electricity of 1.7 million EU households",
        "31 % of the yearly electricity of Iceland",
    )
    bigger = classroom.scale_up(3.0, 8_000_000_000, 100, 365, DATA)  # 876 TWh a year: more than France
    assert bigger.country == "Japan"


def test_scale_lines_keep_the_range_of_the_total() -> None:
    """Under "20 TWh (5–40)" the households and the country were written from the central only."""
    per_query = (0.2, 0.34, 0.6)  # Wh: 3x wide, so one significant figure
    found = classroom.scale_up(per_query, 5_000_000_000, 10, 365, DATA, households="eu")
    low, central, high = found.total_range
    homes_kwh = DATA.scaling.households["eu"].kwh_per_year
    assert (low / 1e3 / homes_kwh, high / 1e3 / homes_kwh) == pytest.approx((1.014e6, 3.042e6), rel=1e-3)
    iceland = DATA.scaling.countries["ISL"].twh * 1e12
    assert (low / iceland, central / iceland, high / iceland) == pytest.approx((0.1825, 0.31025, 0.5475))
    assert classroom.scale_lines(found, DATA) == (
        "Over a year: the electricity of 2 million EU households (1–3 million)",
        "30 % (20–50 %) of the yearly electricity of Iceland",
    )
    one_class = classroom.scale_up(per_query, 30, 10, 365, DATA)
    homes, place = classroom.scale_lines(one_class, DATA)
    assert homes == "Over a year: 0.4 % (0.2–0.6 %) of what one home uses (US households)"  # 22-66 kWh of 10,500
    chosen = equivalents.choose(one_class.total_wh, DATA, limit=1)[0]
    assert place.startswith("As much as ")
    assert place.endswith(")")
    key = DATA.equivalents[chosen.id]
    amounts = [wh / key.wh for wh in one_class.total_range]
    assert place.endswith(f"({units.plain(amounts[0], 1)}–{units.plain(amounts[2], 1)})")
    huge = classroom.scale_up((1.5, 3.0, 6.0), 8_000_000_000, 100, 365, DATA)  # about Japan's electricity
    assert huge.country == "Japan"
    assert re.fullmatch(r"\d+ % \(\d+–\d+ %\) of the yearly electricity of Japan", classroom.scale_lines(huge, DATA)[1])


def test_count_spans_name_their_unit_once() -> None:
    assert classroom.count_span(0.9e6, 1.9e6, 4.2e6) == "2 million (0.9–4 million)"
    assert classroom.count_span(1.5e6, 1.9e6, 2.4e6) == "1.9 million (1.5–2.4 million)"
    assert classroom.count_span(50_000, 150_000, 2e6) == "200,000 (50,000–2 million)"
    assert classroom.count_span(3, 5, 8) == "5 (3–8)"
    assert classroom.count_span(5, 5, 5) == "5"


# -- d. training vs use -----------------------------------------------------------------------------------------------


def test_training_vs_use() -> None:
    found = classroom.training_vs_use(DATA, 0.34, 1_000_000_000)
    assert [row.key for row in found.rows] == ["opt", "bloom", "gopher", "gpt3", "gpt4"]
    gpt3 = found.rows[3]
    assert gpt3.energy_mwh == (1287.0, 1287.0, 1287.0)
    assert gpt3.queries_to_pass == pytest.approx(1287e6 / 0.34)
    assert gpt3.days_to_pass == pytest.approx(1287e6 / 0.34 / 1e9)
    gpt4 = found.rows[4]
    assert gpt4.energy_mwh[0] < gpt4.energy_mwh[1] < gpt4.energy_mwh[2]
    for row in found.rows:  # days of use have the range of the query counts beside them
        assert row.days_range == pytest.approx(tuple(q / 1e9 for q in row.queries_range))
    assert gpt4.days_range[0] < gpt4.days_range[1] < gpt4.days_range[2]


def test_training_emissions_compare_like_with_like() -> None:
    """BLOOM's 50.5 t (full scope) sat beside GPT-3's, OPT's and Gopher's dynamic-power figures; GPT-4's article
    figures were replaced by corrected ones without saying so."""
    rows = {row.key: row for row in classroom.training_vs_use(DATA, 0.34).rows}
    runs = DATA.training
    assert rows["bloom"].co2e_dynamic_t == runs["bloom"].co2e_t_dynamic
    assert rows["bloom"].co2e_t[1] == runs["bloom"].co2e_t  # the full scope, kept beside it
    assert classroom.number(rows["bloom"].co2e_dynamic_t) == "25"  # as the AI Index tabulates it
    for key in ("opt", "gopher", "gpt3"):
        assert rows[key].co2e_dynamic_t == runs[key].co2e_t, key
    assert rows["gpt3"].co2e_source == "ai-index-2023"
    assert rows["gpt4"].co2e_dynamic_t == 0.0  # another scope: whole servers on California's grid
    assert rows["gpt4"].article_high == (runs["gpt4"].article_energy_mwh_high, runs["gpt4"].article_co2e_t_high)
    assert rows["gpt4"].co2e_t == (runs["gpt4"].co2e_t_low, runs["gpt4"].co2e_t, runs["gpt4"].co2e_t_high)
    assert all(rows[key].article_high is None for key in ("opt", "bloom", "gopher", "gpt3"))
    with pytest.raises(ValueError, match="positive"):
        classroom.training_vs_use(DATA, 0.34, 0)


# -- e. small vs large ------------------------------------------------------------------------------------------------


def test_stars_split_the_range_in_five_bands() -> None:
    assert classroom.stars([0, 1, 2, 3, 4, 5]) == [5, 4, 3, 2, 1, 1]
    assert classroom.stars([0.9, 1.0]) == [5, 1]
    assert classroom.stars([2, 2]) == [5, 5]
    assert classroom.stars([]) == []


def test_small_vs_large(estimator) -> None:
    found = classroom.small_vs_large(estimator)
    rows = found.rows
    assert [row.label for row in rows] == [label for label, _, _ in classroom.MODELS]
    energy = {row.label: row.energy_wh[1] for row in rows}
    assert energy["GPT-4o mini"] < energy["GPT-4o"]
    assert energy["Llama 3.1 8B"] < energy["Llama 3.1 70B"] < energy["Llama 3.1 405B"]
    assert [row.size_class for row in rows] == ["B", "C", "A", "C", "C"]
    assert [row.size_assumed for row in rows] == [True, True, False, False, False]
    longer = classroom.small_vs_large(estimator, response_tokens=3000)
    assert all(a.energy_wh[1] < b.energy_wh[1] for a, b in zip(rows, longer.rows, strict=True))


def test_stars_rate_against_the_catalogue_of_a_size_class(estimator) -> None:
    """Rated among the five models shown, the only small and the only medium model got 5 stars by construction."""
    typical = DATA.llm.typical
    sizes = (typical.prompt_tokens, typical.response_tokens, typical.context_tokens)
    found = classroom.small_vs_large(estimator)
    for name in ("A", "B", "C"):
        assert found.classes[name].count >= 10, name  # a population, not the one or two models on the screen
        assert found.classes[name].low < found.classes[name].high
    for (_label, _service, model), row in zip(classroom.MODELS, found.rows, strict=True):
        group = found.classes[row.size_class]
        rated = energyscore.rated_energy(estimator, model, *sizes)
        assert row.stars == energyscore.rate(rated, group.low, group.high), model
    # Llama 3.1 8B is among the larger small models: no longer 5 stars for being alone in its class.
    llama8 = found.rows[2]
    assert llama8.stars < classroom.STARS
    assert found.classes["C"].high == pytest.approx(energyscore.rated_energy(estimator, classroom.MODELS[4][2], *sizes))


def test_the_population_counts_known_sizes_only(estimator) -> None:
    typical = DATA.llm.typical
    classes = energyscore.population(estimator, typical.prompt_tokens, typical.response_tokens, typical.context_tokens)
    counted = sum(group.count for group in classes.values())
    names = energyscore.catalogue_names(estimator)
    assert "qwen3-max" in names
    assert "o3" in names
    known = 0
    for name in names:
        spec = estimator.strict_profile(None, name).spec
        if spec is None or spec.undisclosed or spec.assumed or spec.reasoning or spec.total[0] != spec.total[1]:
            continue
        known += not energyscore.REPACKAGED.search(name)
    assert counted == known
    assert energyscore.rate(0.5, 1.0, 2.0) == 5  # below the class's best: the best band
    assert energyscore.rate(3.0, 1.0, 2.0) == 1


# -- f. shares and class totals ---------------------------------------------------------------------------------------

MARKER = "zzsecretmarkerzz"


def _week(db, estimator) -> None:
    _store(
        db,
        estimator,
        make_item(ts="2026-11-16T12:00:00Z", page=f"https://{MARKER}.example", model=f"gpt-5-{MARKER}"),
        make_item(ts="2026-11-16T12:05:00Z"),
        make_item(
            ts="2026-11-18T12:00:00Z", service="google", kind="search", response={}, page=f"https://www.{MARKER}.com"
        ),
        make_item(ts="2026-11-18T12:30:00Z", service=MARKER),  # a service outside the catalogue
        make_item(ts="2026-11-15T12:00:00Z"),  # the week before: not shared
    )


CODE = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX"


def test_share_holds_counts_only(history_db, estimator) -> None:
    _week(history_db, estimator)
    body = share.build(history_db, DATA, DAY, CODE)
    text = json.dumps(body)
    assert MARKER not in text
    assert "http" not in text
    assert not re.search(r"\d{2}:\d{2}", json.dumps({k: v for k, v in body.items() if k != "made"}))  # no times of use
    assert set(body) == {"format", "version", "class", "student", "week_start", "made", "model_version", "rows", "mac"}
    assert all(
        set(row) == {"day", "service", "count", "ai_count", "energy_wh", "co2e_g", "water_ml"} for row in body["rows"]
    )
    assert body["week_start"] == "2026-11-16"
    assert [(r["day"], r["service"], r["count"]) for r in body["rows"]] == [
        ("2026-11-16", "chatgpt", 2),
        ("2026-11-18", "google", 1),
        ("2026-11-18", "other", 1),
    ]
    assert share.parse(text, CODE).count == 4
    again = share.build(history_db, DATA, DAY, CODE)
    assert again["student"] == body["student"]  # the same student each time, in this class
    assert share.build(history_db, DATA, DAY, share.new_code())["student"] != body["student"]  # not across classes


def _share_file(folder: Path, name: str, rows: list[tuple[str, str, int, float]], *, student: str = "",
                made: str = "2026-11-22T10:00:00Z", code: str = CODE) -> Path:  # fmt: skip
    body = {
        "format": "wattprint-share",
        "version": 2,
        "class": share.class_id(code),
        "student": student or f"{abs(hash(name)) % 16**32:032x}",
        "week_start": "2026-11-16",
        "made": made,
        "model_version": DATA.version,
        "rows": [
            {
                "day": day,
                "service": service,
                "count": count,
                "ai_count": count,
                "energy_wh": {"low": wh / 2, "central": wh, "high": wh * 3},
                "co2e_g": {"low": 0.0, "central": 0.0, "high": 0.0},
                "water_ml": {"low": 0.0, "central": 0.0, "high": 0.0},
            }
            for day, service, count, wh in rows
        ],
    }
    body["mac"] = share._mac(body, code)
    path = folder / name
    share.write(path, body)
    return path


@pytest.fixture
def class_dir(tmp_path: Path) -> Path:
    assert share.normal_code(share.class_code(create=True, renew=False) or "") is not None
    share.files.write_private(share.paths.profile_dir() / share.CODE_FILE, CODE + "\n")
    folder = tmp_path / "class"
    folder.mkdir()
    _share_file(folder, "ana.json", [("2026-11-16", "chatgpt", 10, 3.0), ("2026-11-17", "google", 5, 0.5)])
    _share_file(folder, "ben.json", [("2026-11-16", "claude", 4, 2.0)])
    _share_file(folder, "cleo.json", [("2026-11-20", "chatgpt", 20, 10.0)])
    return folder


def test_class_totals_and_spread(class_dir: Path) -> None:
    report = share.import_dir(class_dir)
    assert sorted(report.added) == ["ana.json", "ben.json", "cleo.json"]
    totals = share.totals(share.stored())
    assert totals.students == 3
    assert totals.count == 39
    assert totals.energy_wh == pytest.approx((7.75, 15.5, 46.5))
    assert totals.per_student_wh == pytest.approx((2.0, 3.5, 10.0))
    assert totals.per_student_count == (4, 15, 20)
    assert [(s.service, s.count, s.energy_wh) for s in totals.services] == [
        ("chatgpt", 30, 13.0),
        ("claude", 4, 2.0),
        ("google", 5, 0.5),
    ]
    assert totals.weeks == [date(2026, 11, 16)]
    assert (totals.week, totals.week_end) == (date(2026, 11, 16), date(2026, 11, 22))


def test_import_is_idempotent_and_rejects_bad_files(class_dir: Path) -> None:
    share.import_dir(class_dir)
    first = share.totals(share.stored())
    shutil.copy(class_dir / "ana.json", class_dir / "ana-again.json")  # the same share handed in twice
    tampered = json.loads((class_dir / "ben.json").read_text())
    tampered["student"] = "9" * 32
    tampered["rows"][0]["count"] = 400
    (class_dir / "tampered.json").write_text(json.dumps(tampered))
    (class_dir / "broken.json").write_text("{not json")
    (class_dir / "other.json").write_text('{"hello": 1}')
    report = share.import_dir(class_dir)
    assert report.added == []
    assert sorted(report.already) == ["ana-again.json", "ana.json", "ben.json", "cleo.json"]
    assert dict(report.rejected) == {
        "broken.json": "not a JSON file",
        "other.json": "not a Wattprint share (made by 'wattprint share')",
        "tampered.json": "the class code's signature does not match: the file was edited after it was made",
    }
    assert share.totals(share.stored()) == first


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.update(extra="x"), "invalid extra"),
        (lambda b: b["rows"][0].update(count=-1), "invalid rows.0.count"),
        (lambda b: b["rows"][0].update(page="https://x"), "invalid rows.0.page"),
        (lambda b: b["rows"][0].update(day="2026-12-01"), "outside the share's week"),
        (lambda b: b["rows"][0]["energy_wh"].update(low=9.0), "low <= central"),
        (lambda b: b.update(rows=[]), "invalid rows"),
    ],
)
def test_invalid_shares_say_why(tmp_path: Path, change, message: str) -> None:
    path = _share_file(tmp_path, "a.json", [("2026-11-16", "chatgpt", 1, 1.0)])
    body = json.loads(path.read_text())
    change(body)
    body["mac"] = share._mac(body, CODE)
    with pytest.raises(share.ShareError, match=re.escape(message)):
        share.parse(json.dumps(body), CODE)


# -- CLI --------------------------------------------------------------------------------------------------------------


def test_cli_share_then_class_import(history_db, estimator, tmp_path: Path, capsys) -> None:
    _week(history_db, estimator)
    folder = tmp_path / "handed-in"
    folder.mkdir()
    assert main(["class", "code"]) == 0
    code = share.class_code()
    assert code is not None
    assert code in capsys.readouterr().out
    assert main(["share", "--week", "--date", "2026-11-18", "--code", code, "-o", str(folder / "me.json")]) == 0
    assert "4 queries" in capsys.readouterr().out
    assert MARKER not in (folder / "me.json").read_text()
    (folder / "bad.json").write_text("[]")
    assert main(["class", "import", str(folder), "--json"]) == 1
    first = json.loads(capsys.readouterr().out)
    assert first["added"] == ["me.json"]
    assert first["rejected"][0]["file"] == "bad.json"
    assert first["totals"]["count"] == 4
    assert (first["totals"]["week"], first["totals"]["week_end"]) == ("2026-11-16", "2026-11-22")
    assert main(["class", "import", str(folder), "--json"]) == 1
    again = json.loads(capsys.readouterr().out)
    assert again["already"] == ["me.json"]
    assert again["totals"] == first["totals"]
    (folder / "bad.json").unlink()
    assert main(["class", "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "0 new shares, 1 already imported" in out
    assert "Week 2026-11-16 to 2026-11-22" in out
    assert "Class: 1 students, 4 queries" in out
    assert main(["class", "show"]) == 0
    assert "Class: 1 students" in capsys.readouterr().out
    assert main(["class", "clear"]) == 0
    assert "forgot 1" in capsys.readouterr().out


def test_cli_misuse_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["class", "import", str(tmp_path / "missing")]) == 2
    assert main(["share", "--week", "--code", CODE, "--date", "18/11/2026", "-o", str(tmp_path / "a.json")]) == 2
    assert main(["share", "--week", "--code", CODE, "-o", str(tmp_path / "no" / "a.json")]) == 2
    assert main(["share", "--week", "--code", "not-a-code", "-o", str(tmp_path / "a.json")]) == 2
    assert main(["share", "--week", "--code", CODE, "-o", str(tmp_path / "a.json")]) == 2  # an empty week
    for argv in (["class"], ["share", "-o", "x.json"], ["class", "import"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    capsys.readouterr()


def test_a_room_sees_no_more_figures_than_a_range_supports() -> None:
    """The presenter's totals follow the rule of every other screen (units.range_figures): a range three times wide or
    more is written to one significant figure, a narrower one to two."""
    assert classroom.energy_range_text(2.1e12, 6.2e12, 1.9e13) == "6 TWh (2–20)"
    assert classroom.energy_range_text(52e9, 55e9, 58e9) == "55 GWh (52–58)"
    assert classroom.count_range_text(20e9, 55e9, 110e9) == "60 billion (20 billion–100 billion)"
    assert classroom.count_range_text(52e9, 55e9, 58e9) == "55 billion (52 billion–58 billion)"
    assert classroom.number(0.00034, 1) == "0.0003"
    assert classroom.number(1234, 1) == "1,000"


def test_a_count_rounded_up_to_the_next_unit_is_written_in_it() -> None:
    """Gopher's 'use passes training' count read "1,000 million (500 million–2 billion)" on the presenter."""
    assert classroom.count_range_text(5.2e8, 9.9e8, 2.1e9) == "1 billion (500 million–2 billion)"
    assert classroom.count_text(999_600_000) == "1 billion"
    assert classroom.count_text(99_990) == "100,000"
