"""Properties every estimate must have, over the whole catalogue and over random sizes."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Estimate, Interaction

DATA = load()
ESTIMATOR = Estimator(DATA)
CHATBOTS = sorted(k for k, s in DATA.services.items() if s.kind == "chat")
ENGINES = sorted(k for k, s in DATA.services.items() if s.kind == "search")
MODES = ["reasoning", "web_search", "deep_research", "image_generation", "ai_overview"]


def run(**fields: object) -> Estimate:
    base: dict[str, object] = {"id": uuid.uuid4(), "ts": datetime.now(UTC), "kind": "chat"}
    base.update(fields)
    return ESTIMATOR.estimate(Interaction.model_validate(base))


def assert_well_formed(result: Estimate) -> None:
    for value in (result.energy_wh, result.co2e_g, result.water_ml):
        assert all(math.isfinite(v) for v in (value.low, value.central, value.high))
        assert 0 <= value.low <= value.central <= value.high
    assert result.model_version == DATA.version
    assert result.sources, "every estimate names its sources"
    assert all(source in DATA.sources for source in result.sources)


@pytest.mark.parametrize("service", CHATBOTS + ENGINES + ["someday-new-bot"])
@pytest.mark.parametrize("kind", ["chat", "search", "image", "video"])
def test_every_service_and_kind_is_well_formed(service: str, kind: str) -> None:
    assert_well_formed(run(service=service, kind=kind, prompt_tokens=50, response_tokens=300, images=1))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("service", CHATBOTS)
def test_modes_never_lower_the_estimate(service: str, mode: str) -> None:
    plain = run(service=service, prompt_tokens=100, response_tokens=400)
    moded = run(service=service, prompt_tokens=100, response_tokens=400, modes=[mode])
    assert_well_formed(moded)
    assert moded.energy_wh.central >= plain.energy_wh.central * (1 - 1e-12)
    assert moded.energy_wh.high >= plain.energy_wh.high * (1 - 1e-12)


sizes = st.integers(min_value=0, max_value=200_000)


@settings(max_examples=150, deadline=None)
@given(
    service=st.sampled_from(CHATBOTS),
    prompt=sizes,
    response=sizes,
    context=sizes,
    more=st.integers(min_value=1, max_value=50_000),
    which=st.sampled_from(["prompt_tokens", "response_tokens", "context_tokens"]),
)
def test_more_tokens_never_cost_less(
    service: str, prompt: int, response: int, context: int, more: int, which: str
) -> None:
    sizes_ = {"prompt_tokens": prompt, "response_tokens": response, "context_tokens": context}
    before = run(service=service, **sizes_)
    sizes_[which] += more
    after = run(service=service, **sizes_)
    for name in ("energy_wh", "co2e_g", "water_ml"):
        b, a = getattr(before, name), getattr(after, name)
        assert a.low >= b.low, name
        assert a.central >= b.central, name
        assert a.high >= b.high, name


@settings(max_examples=60, deadline=None)
@given(latin=st.integers(0, 100_000), cjk=st.integers(0, 100_000))
def test_more_characters_never_cost_less(latin: int, cjk: int) -> None:
    base = run(service="claude", prompt={"latin": latin, "cjk": cjk}, response={"latin": 1000})
    more = run(service="claude", prompt={"latin": latin + 10, "cjk": cjk + 10}, response={"latin": 1000})
    assert more.energy_wh.central >= base.energy_wh.central


def test_units_carbon_is_energy_times_grid_plus_embodied() -> None:
    """Carbon central = energy central x the mean of the two grid datasets + embodied (a small share)."""
    result = run(service="chatgpt", prompt_tokens=100, response_tokens=500)
    usa = (DATA.grid["USA"].g_per_kwh + 384.4) / 2  # Ember/OWID 2023 and EcoLogits' USA mix
    usage = result.energy_wh.central * usa / 1000
    assert usage <= result.co2e_g.central <= usage * 1.15


def test_grid_override_changes_carbon_not_energy() -> None:
    interaction = Interaction(id=uuid.uuid4(), ts=datetime.now(UTC), kind="chat", service="chatgpt",
                              prompt_tokens=100, response_tokens=500)
    usa = Estimator(DATA).estimate(interaction)
    france = Estimator(DATA, zone="FRA").estimate(interaction)
    assert france.energy_wh == usa.energy_wh
    assert france.co2e_g.central < usa.co2e_g.central / 4


def test_unknown_service_gets_a_generic_estimate_and_a_warning() -> None:
    result = run(service="brand-new-bot", prompt_tokens=100, response_tokens=500)
    assert_well_formed(result)
    assert any("unknown service" in w for w in result.warnings)


def test_unknown_model_of_a_known_service_falls_back_with_a_warning() -> None:
    result = run(service="chatgpt", model="gpt-99-ultra", prompt_tokens=100, response_tokens=500)
    default = run(service="chatgpt", prompt_tokens=100, response_tokens=500)
    assert result.energy_wh.central == default.energy_wh.central
    assert result.energy_wh.low < default.energy_wh.low
    assert result.energy_wh.high > default.energy_wh.high
    assert any(w.startswith("model-unresolved:") and "not recognised" in w for w in result.warnings)
    assert not any(w.startswith("model-unresolved") for w in default.warnings)


@pytest.mark.parametrize(
    ("service", "model", "expected"),
    [
        ("chatgpt", "gpt-4o", "openai/gpt-4o"),
        ("chatgpt", "gpt-5-thinking", "openai/gpt-5"),
        ("chatgpt", "GPT-4o-mini", "openai/gpt-4o-mini"),
        ("claude", "claude-sonnet-4-5", "anthropic/claude-sonnet-4-5"),
        ("claude", "claude-opus-4-5-20251101", "anthropic/claude-opus-4-5-20251101"),
        ("gemini", "gemini-2.5-pro", "google_genai/gemini-2.5-pro"),
        ("deepseek", "deepseek-r1", "deepseek-r1"),
        ("lechat", "mistral-large-latest", "mistralai/mistral-large-latest"),
    ],
)
def test_page_model_names_resolve(service: str, model: str, expected: str) -> None:
    profile = ESTIMATOR.profile(service, model)
    assert profile.spec is not None
    assert profile.spec.key == expected


def test_thinking_models_add_hidden_reasoning_tokens() -> None:
    result = run(service="chatgpt", model="gpt-5-thinking", prompt_tokens=100, response_tokens=500)
    assert result.tokens.reasoning > 0


def test_a_bigger_model_costs_more() -> None:
    small = run(service="chatgpt", model="gpt-4o-mini", prompt_tokens=100, response_tokens=500)
    large = run(service="chatgpt", model="gpt-4o", prompt_tokens=100, response_tokens=500)
    assert large.energy_wh.central > 5 * small.energy_wh.central


def test_equivalents_are_graspable() -> None:
    result = run(service="chatgpt", prompt_tokens=100, response_tokens=500)
    assert result.equivalents
    for equivalent in result.equivalents:
        assert 0.5 <= equivalent.amount <= 1000
        assert str(equivalent.amount).rstrip("0").rstrip(".") in equivalent.text.replace(",", "")
