"""Every name a page sends resolves to a catalogue model, or says it did not (aliases.toml, llm.resolve)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from wattprint.core.model import llm
from wattprint.core.model.estimator import UNRESOLVED, Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Estimate, Interaction

DATA = load()


@pytest.mark.parametrize(
    ("name", "key", "reasoning"),
    [
        ("gpt-5-2", "openai/gpt-5.2", False),
        ("gpt-5-5", "openai/gpt-5.5", False),
        ("gpt-5-5-thinking", "openai/gpt-5.5", True),
        ("gpt-5.5-thinking", "openai/gpt-5.5", True),
        ("gpt-5-t-mini", "openai/gpt-5-mini", True),
        ("deepseek-reasoner", "deepseek-r1", True),
        ("pplx_reasoning", "deepseek-r1", True),
        ("k2", "kimi-k2", False),
        ("Claude Sonnet 4.5", "anthropic/claude-sonnet-4-5", False),
        ("Gemini 3 Pro", "google_genai/gemini-3.1-pro-preview", True),
        ("gemini-3-flash", "google_genai/gemini-3-flash-preview", False),
        ("grok-4.1", "grok-4", False),
        ("llama-4-scout", "llama-4-scout", False),
        ("magistral-medium", "mistralai/magistral-medium-latest", True),
        ("o3-pro", "o3", True),
        ("openai/gpt-oss-120b", "huggingface_hub/openai/gpt-oss-120b", True),  # always reasons
        ("gpt-oss-120b", "huggingface_hub/openai/gpt-oss-120b", True),
        ("claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5-20251001", False),
        ("claude-sonnet-4-5-thinking", "anthropic/claude-sonnet-4-5", True),
    ],
)
def test_page_slugs_resolve(name: str, key: str, reasoning: bool) -> None:
    spec = llm.resolve(name, DATA)
    assert spec is not None, name
    assert spec.key == key
    assert spec.reasoning is reasoning


@pytest.mark.parametrize(
    ("name", "key", "reasoning"),
    [
        # Perplexity's model_preference values (extension/tests/fixtures/perplexity/EVIDENCE.md, D1 and D4).
        ("gpt51_thinking", "openai/gpt-5.1", True),
        ("gpt52", "openai/gpt-5.2", False),
        ("gpt4o", "openai/gpt-4o", False),
        ("claude45sonnet", "anthropic/claude-sonnet-4-5", False),
        ("claude45sonnetthinking", "anthropic/claude-sonnet-4-5", True),
        ("claude45opusthinking", "anthropic/claude-opus-4-5", True),
        ("gemini25pro", "google_genai/gemini-2.5-pro", True),
        ("gemini30flash", "google_genai/gemini-3-flash-preview", False),
        ("gemini30flash_high", "google_genai/gemini-3-flash-preview", True),
        ("gemini31pro_low", "google_genai/gemini-3.1-pro-preview", True),
        ("grok4nonthinking", "grok-4", False),
        ("grok41reasoning", "grok-4", True),
        ("o4mini", "openai/o4-mini", True),
        ("kimik2thinking", "kimi-k2", True),
        ("turbo", "sonar", False),
        ("r1", "deepseek-r1", True),
        # Claude written version first, as some pages do.
        ("Claude 4.5 Sonnet", "anthropic/claude-sonnet-4-5", False),
        # Hugging Face ids (HuggingChat's router names the model that ran so): the organisation dropped, then the
        # catalogue; a model no catalogue lists is sized by what its name states, as its model card names it.
        ("deepseek-ai/DeepSeek-V3.1", "deepseek-v3", False),
        ("moonshotai/Kimi-K2-Instruct", "kimi-k2", False),
        ("meta-llama/Llama-3.3-70B-Instruct", "named/llama-3.3-70b-instruct", False),
        ("Qwen/Qwen3-30B-A3B-Thinking-2507", "named/qwen3-30b-a3b-thinking-2507", True),
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama-4-scout", False),  # 17B active of 109B: the catalogue's
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick", False),
        ("deepseek-v3.2", "deepseek-v3", False),
        ("deepseek-v3.2-speciale", "deepseek-v3", True),
        # grok.com's internal names of Grok 4.1's modes, and Meta AI's third mode (their EVIDENCE.md files).
        ("grok-4-1-thinking-1129", "grok-4", True),
        ("grok-4-1-non-thinking-no-tool-1111b", "grok-4", False),
        ("muse-spark-contemplating", "muse-spark", True),
        # Perplexity's Nemotron 3 Super, sized by NVIDIA's model card.
        ("nv_nemotron_3_super", "nemotron-3-super", False),
        # Perplexity's 2026 catalogue, with its own reasoning flags (the Perplexity EVIDENCE.md).
        ("grok45medium", "grok-4", True),
        ("grok46low", "grok-4", False),
        ("glm_5_2", "mistralai/zai-glm-5-2", True),
        ("kimik3thinking", "kimi-k3", True),
        ("nv_nemotron_3_ultra", "nemotron-3-ultra", True),
        ("claude41opus", "anthropic/claude-opus-4-5", False),
        ("claude37sonnetthinking", "anthropic/claude-sonnet-4-5", True),
        # The 2026 sites' own names (their EVIDENCE.md files).
        ("deepseek-v4-flash", "deepseek-v4-flash", False),
        ("deepseek-ai/DeepSeek-V4-Pro", "deepseek-v4-pro", False),
        ("qwen3.7-plus", "qwen3-plus", False),
        ("k2.6", "kimi-k2", False),
        ("mistral-small-4", "mistralai/mistral-small-2603", False),
        ("fbb127bbb056c959", "google_genai/gemini-3.6-flash", False),
    ],
)
def test_names_pages_send_in_other_spellings_resolve(name: str, key: str, reasoning: bool) -> None:
    spec = llm.resolve(name, DATA)
    assert spec is not None, name
    assert (spec.key, spec.reasoning) == (key, reasoning)


def test_a_size_in_the_name_is_read_as_the_model_card_gives_it() -> None:
    dense = llm.resolve("meta-llama/Llama-3.3-70B-Instruct", DATA)
    moe = llm.resolve("Qwen/Qwen3-30B-A3B-Thinking-2507", DATA)
    fp8 = llm.resolve("someone/New-Model-120B-FP8", DATA)
    assert dense is not None
    assert (dense.total, dense.active) == ((70, 70), (70, 70))
    assert moe is not None
    assert (moe.total, moe.active) == ((30, 30), (3, 3))
    assert fp8 is not None
    assert fp8.quant_bits == 8
    assert not dense.undisclosed  # a stated size: not calibrated on any operator's disclosure
    # No single, sane size: two sizes, a mixture written NxM, an effective size, zero, or an experts count (the size
    # named is then only the active part).
    for name in ("mixtral-8x7b-foo", "model-7b-13b", "gemma-3n-e4b-x", "model-0b", "model-17b-16e-instruct"):
        assert llm.resolve(name, DATA) is None, name
    # A maker that publishes no size: a number with a "b" in its names is a build tag, not 1,111B parameters.
    for name in ("grok-4-2-new-1111b", "gpt-6-preview-70b", "claude-next-400b", "gemini-4-900b"):
        assert llm.resolve(name, DATA) is None, name
    assert llm.resolve("gpt-oss-new-120b", DATA) is not None  # gpt-oss is open weights: its size is its name's


@pytest.mark.parametrize("name", ["gemini-2.5-pro", "gpt-5-pro", "o4-mini", "deepseek-r1"])
def test_reasoning_is_a_catalogue_attribute_not_a_substring(name: str) -> None:
    spec = llm.resolve(name, DATA)
    assert spec is not None
    assert spec.reasoning


@pytest.mark.parametrize("name", ["gpt-4o-mini-plus-foo", "gpt-5-ultra", "claude-7"])
def test_no_silent_prefix_match(name: str) -> None:
    assert llm.resolve(name, DATA) is None


def test_hyphenated_and_dotted_versions_give_the_same_estimate() -> None:
    estimator = Estimator(DATA)

    def energy(model: str) -> float:
        item = Interaction.model_validate(
            {"id": uuid.uuid4(), "ts": datetime.now(UTC), "kind": "chat", "service": "chatgpt", "model": model,
             "prompt_tokens": 100, "response_tokens": 500}
        )
        return estimator.estimate(item).energy_wh.central

    assert energy("gpt-5-5-thinking") == energy("gpt-5.5-thinking")
    assert energy("gpt-5-5-thinking") > 5 * energy("gpt-5-5")


def test_an_unresolved_name_carries_the_warning_code() -> None:
    estimator = Estimator(DATA)
    item = Interaction.model_validate(
        {"id": uuid.uuid4(), "ts": datetime.now(UTC), "kind": "chat", "service": "claude", "model": "claude-zz-9",
         "prompt_tokens": 100, "response_tokens": 500}
    )
    warnings = estimator.estimate(item).warnings
    assert any(w.startswith(f"{UNRESOLVED}:") for w in warnings)


def test_every_alias_points_at_a_known_model() -> None:
    for name, alias in DATA.aliases.items():
        assert llm.resolve(alias.model, DATA) is not None, name


def test_assumed_sizes_are_never_credited_to_ecologits() -> None:
    for key, model in DATA.llm.models.items():
        if model.assumed:
            assert model.source != "ecologits", key
    for name in ("grok-4", "o3", "qwen3-max"):
        spec = llm.resolve(name, DATA)
        assert spec is not None
        assert spec.assumed
        assert spec.source != "ecologits"


def test_close_matches_never_suggest_the_name_typed() -> None:
    assert "gpt-4o-mini" not in llm.close_matches("gpt-4o-mini", DATA)


def _page(service: str, model: str) -> Estimate:
    item = Interaction.model_validate(
        {"id": uuid.uuid4(), "ts": datetime.now(UTC), "kind": "chat", "service": service, "model": model,
         "prompt_tokens": 100, "response_tokens": 500}
    )
    return Estimator(DATA).estimate(item)


@pytest.mark.parametrize(
    ("service", "name", "reasoning", "deep_research"),
    [
        ("gemini", "gemini-3-deep-think", True, False),
        ("chatgpt", "gpt-6-thinking", True, False),
        ("chatgpt", "o1-pro", True, False),
        ("perplexity", "sonar-deep-research", False, True),
        ("claude", "claude-zz-9", False, False),
    ],
)
def test_an_unresolved_name_keeps_the_mode_it_states(
    service: str, name: str, reasoning: bool, deep_research: bool
) -> None:
    """A fallback to the usual model must not turn the costliest mode into the cheapest."""
    found = _page(service, name)
    assert any(w.startswith(f"{UNRESOLVED}:") for w in found.warnings)
    assert (found.tokens.reasoning >= DATA.llm.reasoning.hidden_tokens.central) == (reasoning or deep_research)
    assert any("deep research" in w for w in found.warnings) == deep_research


@pytest.mark.parametrize(
    "name", ["deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "DeepSeek-R1-Distill-Qwen-32B", "Qwen/QwQ-32B"]
)
def test_open_families_that_always_reason_are_read_as_reasoning(name: str) -> None:
    spec = llm.resolve(name, DATA)
    assert spec is not None
    assert spec.reasoning


def test_a_pro_model_is_its_base_model_answering_in_parallel() -> None:
    """EcoLogits sizes gpt-5-pro at its price ratio to gpt-5; the energy is the base's reasoning answer that many
    times, not that of a model twelve times the size, and the hidden tokens are not added on top of the size."""
    pro = llm.resolve("gpt-5-pro", DATA)
    base = llm.resolve("gpt-5", DATA)
    assert pro is not None
    assert base is not None
    assert pro.active == base.active
    assert pro.reasoning
    assert pro.parallel == pytest.approx(12.0)
    thinking = _page("chatgpt", "gpt-5-thinking").energy_wh.central
    assert _page("chatgpt", "gpt-5-pro").energy_wh.central == pytest.approx(12 * thinking, rel=0.02)
    assert any(w.startswith("parallel answers:") for w in _page("chatgpt", "gpt-5.5-pro").warnings)


def test_gpt_oss_is_served_as_published_and_thinks_as_measured() -> None:
    """MXFP4 weights and ML.ENERGY's measured output length, not 16 bits and the general 6,500 hidden tokens."""
    for name in ("openai/gpt-oss-120b", "gpt-oss-20b"):
        spec = llm.resolve(name, DATA)
        assert spec is not None
        assert spec.quant_bits == 4
        assert spec.reasoning
        assert spec.hidden is not None
        assert spec.hidden[1] < DATA.llm.reasoning.hidden_tokens.central
