"""One figure per thing: a web search (and every figure) has one value, defined once in core/data."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from wattprint.core.insight import classroom, compare
from wattprint.core.model import equivalents
from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "core" / "data"


@pytest.fixture(scope="module")
def estimator() -> Estimator:
    return Estimator(load())


def test_a_web_search_has_one_energy_everywhere(estimator: Estimator) -> None:
    data = estimator.data
    search = data.media.search.wh.central
    assert data.equivalents["web_search"].wh == search
    assert equivalents.amount_of("web_search", search, data).amount == 1
    for service, entry in data.services.items():
        if entry.kind == "search":
            assert compare.typical_query(estimator, service).central == search, service
    by_key = {item.key: item for item in compare.reference_items(estimator)}
    assert by_key["search"].central == search
    ranking = classroom.ranking(estimator)
    assert ranking.times_search["search"] == 1.0


def test_an_equivalent_that_copies_a_figure_may_not_repeat_it() -> None:
    raw = tomllib.loads((DATA / "equivalents.toml").read_text(encoding="utf-8"))
    for key, item in raw.items():
        if "same_as" in item:
            assert "wh" not in item, key
            assert "co2e_g" not in item, key


def _figures(value: object, source: str | None, where: str, out: dict[tuple[str, float], set[str]]) -> None:
    """Numeric values with the source of the table that holds them: (source, value) -> the tables defining it."""
    if isinstance(value, dict):
        source = value.get("source", source) if isinstance(value.get("source"), str) else source
        for key, item in value.items():
            if key in ("year", "tag", "quant_bits") or key.endswith("_tokens"):
                continue
            _figures(item, source, f"{where}.{key}" if isinstance(item, dict | list) else where, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _figures(item, source, f"{where}[{i}]", out)
    elif isinstance(value, float) and source is not None:
        out.setdefault((source, value), set()).add(where)


# Equal values that a source gives separately for different things (EcoLogits' PUE and WUE of Anthropic's and of
# Google's data centres) are not one figure written twice.
COINCIDENT = {("ecologits", 1.09), ("ecologits", 0.999)}


def test_no_figure_of_a_source_is_defined_twice() -> None:
    """A figure (a source's value) is written in one table of core/data only; other places read it from there."""
    found: dict[tuple[str, float], set[str]] = {}
    for path in sorted(DATA.glob("*.toml")):
        _figures(tomllib.loads(path.read_text(encoding="utf-8")), None, path.stem, found)
    twice = {
        f"{source} {value:g}": sorted(places)
        for (source, value), places in found.items()
        if len(places) > 1 and (source, value) not in COINCIDENT
    }
    assert not twice, f"defined more than once in core/data: {twice}"


def _numbers(text: str) -> list[str]:
    return re.findall(r"(?<![\w.\-])\d+\.\d+(?![\w.])", text)


def test_no_published_figure_is_a_literal_in_code() -> None:
    """The published per-query figures and the web-search figure appear in core/data only, never in the code."""
    data = load()
    figures = {f"{anchor.value:g}" for anchor in data.anchors if anchor.value != int(anchor.value)}
    figures |= {f"{v:g}" for v in (data.media.search.wh.low, data.media.search.wh.central, data.media.search.wh.high)}
    for path in sorted((ROOT / "core").rglob("*.py")):
        if path.name == "demo.py":  # the demo's hour-of-day weights are not figures
            continue
        code = "\n".join(
            line.split("#")[0] for line in path.read_text(encoding="utf-8").splitlines() if '"""' not in line
        )
        found = {f"{float(n):g}" for n in _numbers(code)} & figures
        assert not found, f"{path.name} repeats a figure of core/data: {found}"


def test_an_ai_answer_on_a_results_page_is_not_a_fraction_of_its_search(estimator: Estimator) -> None:
    """Only a small model (GPT-4o mini, stated in docs/methodology.md) may come out below the search it sits on."""
    import uuid
    from datetime import UTC, datetime

    from wattprint.core.schemas import Interaction

    search = estimator.data.media.search.wh.central
    for service, entry in estimator.data.services.items():
        if entry.kind != "search":
            continue
        item = Interaction.model_validate(
            {"id": uuid.uuid4(), "ts": datetime.now(UTC), "kind": "chat", "service": service, "modes": ["ai_overview"]}
        )
        answer = estimator.estimate(item).energy_wh.central
        floor = 0.5 if entry.ai_model == "openai/gpt-4o-mini" else 1.0
        assert answer >= floor * search, service
    assert estimator.data.services["baidu"].ai_model == "ernie-4.5"  # Baidu's AI answers come from ERNIE
