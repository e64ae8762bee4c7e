"""The estimate text the host puts in its acks: the stored estimate to 6 significant figures, valid as an Estimate."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_item
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Estimate, Interaction
from wattprint.core.store import history, queries

SERVICES = sorted(load().services)
RANGES = ("energy_wh", "co2e_g", "water_ml")


def _values(estimator, item):
    interaction = Interaction.model_validate(item)
    return history.Estimates(estimator).values(interaction)


@settings(max_examples=150, deadline=None)
@given(
    service=st.sampled_from(SERVICES),
    kind=st.sampled_from(["chat", "search", "image", "video"]),
    modes=st.lists(st.sampled_from(["reasoning", "web_search", "deep_research", "ai_overview"]), max_size=3),
    prompt=st.integers(0, 3_000_000),
    response=st.integers(0, 3_000_000),
    cjk=st.integers(0, 50_000),
    lang=st.sampled_from(["en", "zh_CN"]),
)
def test_ack_estimate_is_the_stored_estimate_to_six_figures(
    estimator, service, kind, modes, prompt, response, cjk, lang
):
    item = make_item(service=service, kind=kind, modes=modes, prompt={"latin": prompt, "cjk": cjk},
                     response={"latin": response})  # fmt: skip
    values = _values(estimator, item)
    data = estimator.data
    sent = json.loads(queries.estimate_json(values, data, lang))
    Estimate.model_validate(sent)  # ordered ranges, every field present
    exact = queries.estimate_dict(values, data)
    for name in RANGES:
        for end in ("low", "central", "high"):
            assert sent[name][end] == pytest.approx(exact[name][end], rel=5e-6, abs=0)
    assert sent["tokens"] == exact["tokens"]
    assert sent["sources"] == exact["sources"]
    assert sent["warnings"] == exact["warnings"]
    assert sent["model_version"] == exact["model_version"]
    assert sent["equivalents"] == queries._equivalent_dicts(values[1], data, lang)


def test_ack_equivalents_follow_the_language(estimator):
    values = _values(estimator, make_item())
    english = json.loads(queries.estimate_json(values, estimator.data, "en"))["equivalents"]
    chinese = json.loads(queries.estimate_json(values, estimator.data, "zh_CN"))["equivalents"]
    assert [e["id"] for e in english] == [e["id"] for e in chinese]
    assert english[0]["text"] != chinese[0]["text"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese[0]["text"])
