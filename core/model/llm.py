"""LLM text generation: EcoLogits' bottom-up equations, reduced to affine coefficients per model.

EcoLogits' request energy and embodied emissions are affine in the number of output tokens (GPU energy per token,
plus server energy and hardware wear in proportion to a latency that is itself affine). So its DAG is run twice per
model and bound (at 0 and 1,000 output tokens), and every later estimate is a handful of multiplications.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from functools import cache

from ecologits.impacts.llm import compute_llm_impacts_dag
from ecologits.model_repository import ParametersMoE, models
from ecologits.utils.range_value import RangeValue

from wattprint.core.modeldata import LocalModel, MinMax, ModelData

_PROBE_TOKENS = 1000.0
# Names the chatbots use for a mode rather than a model; removed before matching.
_MODE_SUFFIXES = ("-thinking", "-reasoning", "-instant", "-auto", "-chat-latest", "-latest", "-preview")
_REASONING_HINTS = ("thinking", "reasoning", "-r1", "o1", "o3", "o4", "magistral", "qwq")
OPERATOR_PROVIDERS: dict[str, tuple[str, ...]] = {
    "openai": ("openai",),
    "microsoft": ("openai",),
    "anthropic": ("anthropic",),
    "google": ("google_genai",),
    "mistral": ("mistralai", "huggingface_hub"),
    "huggingface": ("huggingface_hub",),
    "cohere": ("cohere",),
}
ALL_PROVIDERS = ("openai", "anthropic", "google_genai", "mistralai", "cohere", "huggingface_hub")


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A model resolved to its parameters (billions), with where they come from."""

    key: str
    active: tuple[float, float]
    total: tuple[float, float]
    quant_bits: int
    tps: float | None
    ttft: float | None
    reasoning: bool
    undisclosed: bool
    source: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Affine:
    """IT energy (Wh) and embodied emissions (gCO2e) of one request: intercept plus slope per output token."""

    it_wh: float
    it_wh_per_token: float
    embodied_g: float
    embodied_g_per_token: float
    active_b: float

    @classmethod
    def between(cls, low: Affine, high: Affine) -> Affine:
        """The midpoint of two bounds (EcoLogits reports the mean of its range the same way)."""
        return cls(
            it_wh=(low.it_wh + high.it_wh) / 2,
            it_wh_per_token=(low.it_wh_per_token + high.it_wh_per_token) / 2,
            embodied_g=(low.embodied_g + high.embodied_g) / 2,
            embodied_g_per_token=(low.embodied_g_per_token + high.embodied_g_per_token) / 2,
            active_b=(low.active_b + high.active_b) / 2,
        )

    def it(self, output_tokens: float) -> float:
        """IT energy in Wh for a number of output tokens."""
        return self.it_wh + self.it_wh_per_token * output_tokens

    def embodied(self, output_tokens: float) -> float:
        """Embodied emissions in gCO2e for a number of output tokens."""
        return self.embodied_g + self.embodied_g_per_token * output_tokens


def _pair(value: float | MinMax | RangeValue) -> tuple[float, float]:
    if isinstance(value, MinMax | RangeValue):
        return float(value.min), float(value.max)
    return float(value), float(value)


def _from_ecologits(provider: str, name: str) -> ModelSpec | None:
    found = models.find_model(provider=provider, model_name=name)
    if found is None:
        return None
    params = found.architecture.parameters
    if isinstance(params, ParametersMoE):
        total, active = _pair(params.total), _pair(params.active)
    else:
        total = active = _pair(params)
    deployment = found.deployment
    warnings = tuple(str(w.code) for w in found.warnings)
    return ModelSpec(
        key=f"{provider}/{name}",
        active=active,
        total=total,
        quant_bits=16,
        tps=deployment.tps if deployment else None,
        ttft=deployment.ttft if deployment else None,
        reasoning=any(hint in name for hint in _REASONING_HINTS),
        undisclosed=active[0] != active[1] or "model-arch-not-released" in warnings,
        source="ecologits",
        warnings=warnings,
    )


def _from_local(key: str, local: LocalModel) -> ModelSpec:
    return ModelSpec(
        key=key,
        active=_pair(local.active),
        total=_pair(local.total),
        quant_bits=local.quant_bits,
        tps=None,
        ttft=None,
        reasoning=local.reasoning,
        undisclosed=local.undisclosed,
        source=local.source,
    )


def spec_from_params(total_b: float, active_b: float | None = None) -> ModelSpec:
    """A model given only by its size, for a model not in any catalogue.

    Args:
        total_b: Total parameters, in billions.
        active_b: Active parameters per token, in billions (a mixture-of-experts model); defaults to total_b.
    """
    active = active_b if active_b is not None else total_b
    return ModelSpec(
        key=f"params/{total_b:g}b" + (f"-a{active:g}b" if active_b is not None else ""),
        active=(active, active),
        total=(total_b, total_b),
        quant_bits=16,
        tps=None,
        ttft=None,
        reasoning=False,
        undisclosed=False,
        source="ecologits",
    )


def _normalise(name: str) -> str:
    name = name.strip().lower().replace(" ", "-").replace("_", "-")
    for suffix in _MODE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


@cache
def _provider_names(provider: str) -> tuple[str, ...]:
    return tuple(m.name for m in models.list_models() if m.provider.value == provider)


def resolve(name: str, data: ModelData, providers: tuple[str, ...] = ALL_PROVIDERS) -> ModelSpec | None:
    """Finds a model by the name a page or a user gave, among the given EcoLogits providers and Wattprint's own list.

    Args:
        name: "gpt-4o", "claude-sonnet-4-5", "openai/gpt-5", "deepseek-v3", "gpt-5-thinking", ...
        data: The model data (for models EcoLogits lacks).
        providers: EcoLogits providers to look in, most likely first.

    Returns:
        The model, or None when nothing matches.
    """
    raw = name.strip()
    if "/" in raw:
        provider, _, rest = raw.partition("/")
        if provider in ALL_PROVIDERS:
            return _from_ecologits(provider, rest)
    lowered = raw.lower()
    if lowered in data.llm.models:
        return _from_local(lowered, data.llm.models[lowered])
    for candidate in dict.fromkeys((raw, lowered, _normalise(raw))):
        for provider in providers:
            spec = _from_ecologits(provider, candidate)
            if spec is not None:
                return _mark_reasoning(spec, lowered)
        if candidate in data.llm.models:
            return _mark_reasoning(_from_local(candidate, data.llm.models[candidate]), lowered)
    # A dated or longer variant of a known name ("gpt-4o-2024-08-06-foo" -> "gpt-4o-2024-08-06").
    stem = _normalise(raw)
    for provider in providers:
        prefixes = [n for n in _provider_names(provider) if stem.startswith(n + "-")]
        if prefixes:
            spec = _from_ecologits(provider, max(prefixes, key=len))
            return _mark_reasoning(spec, lowered) if spec else None
    return None


def _mark_reasoning(spec: ModelSpec, asked: str) -> ModelSpec:
    if spec.reasoning or not any(hint in asked for hint in _REASONING_HINTS):
        return spec
    return ModelSpec(**{**{f: getattr(spec, f) for f in spec.__slots__}, "reasoning": True})


def close_matches(name: str, data: ModelData, limit: int = 4) -> list[str]:
    """Names of known models close to a name that matched nothing."""
    known = [n for p in ALL_PROVIDERS for n in _provider_names(p)] + list(data.llm.models)
    return difflib.get_close_matches(_normalise(name), known, n=limit, cutoff=0.6)


def generic_spec(data: ModelData) -> ModelSpec:
    """The stand-in for an unknown model of an unknown service."""
    return _from_local("generic", data.llm.generic)


@cache
def affine(spec: ModelSpec) -> tuple[Affine, Affine]:
    """EcoLogits' IT energy and embodied emissions at the low and high parameter bounds of a model.

    The DAG runs with PUE 1 and no water, so the result is IT energy; the service's PUE is applied by the caller.

    Returns:
        (low bound, high bound), each affine in output tokens.
    """
    bounds = []
    for active, total in zip(spec.active, spec.total, strict=True):
        at = [_run(spec, active, total, tokens) for tokens in (0.0, _PROBE_TOKENS)]
        bounds.append(
            Affine(
                it_wh=at[0][0],
                it_wh_per_token=(at[1][0] - at[0][0]) / _PROBE_TOKENS,
                embodied_g=at[0][1],
                embodied_g_per_token=(at[1][1] - at[0][1]) / _PROBE_TOKENS,
                active_b=active,
            )
        )
    return bounds[0], bounds[1]


def _run(spec: ModelSpec, active: float, total: float, tokens: float) -> tuple[float, float]:
    result = compute_llm_impacts_dag(
        model_active_parameter_count=active,
        model_total_parameter_count=total,
        output_token_count=tokens,
        request_latency=math.inf,
        if_electricity_mix_adpe=0.0,
        if_electricity_mix_pe=0.0,
        if_electricity_mix_gwp=0.0,
        if_electricity_mix_wue=0.0,
        datacenter_pue=1.0,
        datacenter_wue=0.0,
        model_quantization_bits=spec.quant_bits,
        tps=spec.tps,
        ttft=spec.ttft,
    )
    energy, embodied = result["request_energy"], result["request_embodied_gwp"]
    if isinstance(energy, RangeValue) or isinstance(embodied, RangeValue):  # pragma: no cover - scalar inputs only
        raise TypeError("EcoLogits returned a range for scalar inputs")
    return float(energy) * 1000.0, float(embodied) * 1000.0


def prefill_it_wh(coefficient: float, active_b: float, input_tokens: float, knee: float) -> float:
    """IT energy of reading the prompt and context, in Wh (quadratic past the knee, as attention is)."""
    return coefficient * active_b * input_tokens * (1.0 + input_tokens / knee)
