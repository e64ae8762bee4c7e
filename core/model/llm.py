"""LLM text generation: EcoLogits' bottom-up equations, reduced to affine coefficients per model.

EcoLogits' request energy and embodied emissions are affine in the number of output tokens (GPU energy per token,
plus server energy and hardware wear in proportion to a latency that is itself affine). So its DAG is run twice per
model and bound (at 0 and 1,000 output tokens), and every later estimate is a handful of multiplications.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from functools import cache

from ecologits.impacts.llm import compute_llm_impacts_dag
from ecologits.model_repository import ParametersMoE, models
from ecologits.utils.range_value import RangeValue

from wattprint.core.model.modeldata import LocalModel, MinMax, ModelData, name_key
from wattprint.core.model.modelnames import spelled_out

_PROBE_TOKENS = 1000.0
_DATE = re.compile(r"-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$")  # gpt-4o-2024-08-06, claude-haiku-4-5-20251001, -2507
_HYPHEN_VERSION = re.compile(r"(?<=\d)-(?=\d(?:$|-|[a-z]))")  # gpt-5-2 -> gpt-5.2
_DOT_VERSION = re.compile(r"(?<=\d)\.(?=\d)")  # claude-sonnet-4.5 -> claude-sonnet-4-5
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
    assumed: bool = False
    parallel: float = 1.0  # the base model's answers run at once (a "pro" model): its energy counted this many times
    hidden: tuple[float, float, float] | None = None  # hidden reasoning tokens measured for this model itself


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
        reasoning=False,
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
        assumed=local.assumed,
    )


def spec_from_params(total_b: float, active_b: float | None = None, quant_bits: int = 16) -> ModelSpec:
    """A model given only by its size, for a model not in any catalogue.

    Args:
        total_b: Total parameters, in billions.
        active_b: Active parameters per token, in billions (a mixture-of-experts model); defaults to total_b.
        quant_bits: Bits per weight as served.
    """
    active = active_b if active_b is not None else total_b
    return ModelSpec(
        key=f"params/{total_b:g}b" + (f"-a{active:g}b" if active_b is not None else ""),
        active=(active, active),
        total=(total_b, total_b),
        quant_bits=quant_bits,
        tps=None,
        ttft=None,
        reasoning=False,
        undisclosed=False,
        source="ecologits",
    )


@cache
def _provider_names(provider: str) -> tuple[str, ...]:
    return tuple(m.name for m in models.list_models() if m.provider.value == provider)


@cache
def _by_key(provider: str) -> dict[str, str]:
    """A provider's model names by their comparison key (lower case, hyphens)."""
    return {name_key(n): n for n in _provider_names(provider)}


def _ecologits(provider: str, key: str) -> ModelSpec | None:
    name = _by_key(provider).get(key)
    return _from_ecologits(provider, name) if name is not None else None


def _lookup(name: str, data: ModelData, providers: tuple[str, ...]) -> ModelSpec | None:
    """One exact name: "provider/name", a model of llm.toml [models], or a name of one of the providers."""
    if name in data.llm.models:
        return _from_local(name, data.llm.models[name])
    if "/" in name:
        provider, _, rest = name.partition("/")
        provider = provider.replace("-", "_")
        if provider in ALL_PROVIDERS:
            found = _ecologits(provider, rest)
            if found is not None:
                return found
        return _ecologits("huggingface_hub", name)  # "openai/gpt-oss-120b", "meta-llama/..."
    for provider in providers:
        found = _ecologits(provider, name)
        if found is not None:
            return found
    return None


def _variants(key: str) -> list[str]:
    """The spellings of one name to try: as given, minor versions dotted or hyphenated, a date suffix removed."""
    out = [key, _HYPHEN_VERSION.sub(".", key), _DOT_VERSION.sub("-", key)]
    undated = _DATE.sub("", key)
    if undated != key:
        out += [undated, _HYPHEN_VERSION.sub(".", undated), _DOT_VERSION.sub("-", undated)]
    return list(dict.fromkeys(out))


def _strip(key: str, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return None


def resolve(name: str, data: ModelData, providers: tuple[str, ...] = ALL_PROVIDERS) -> ModelSpec | None:
    """Finds a model by the name a page or a user gave: an alias (aliases.toml), a catalogue name, or a spelling of one.

    A name ending in a mode ("-thinking") is that model in its reasoning mode; a name ending in "-instant", "-latest"
    and the like is the model itself. There is no prefix matching: a name that is none of these resolves to nothing.

    Args:
        name: "gpt-4o", "Claude Sonnet 4.5", "openai/gpt-oss-120b", "gpt-5-5-thinking", "deepseek-reasoner", ...
        data: The model data (aliases, models EcoLogits lacks, which models always reason).
        providers: EcoLogits providers to look in, most likely first.

    Returns:
        The model, with `reasoning` set by the catalogue or the mode the name names; None when nothing matches.
    """
    key = name_key(name)
    if not key:
        return None
    attrs = data.llm.reasoning_models
    bases = [(key, False)]
    stripped = _strip(key, attrs.mode_suffixes)
    if stripped is not None:
        bases.append((stripped, True))
    plain = _strip(key, attrs.plain_suffixes)
    if plain is not None:
        bases.append((plain, False))
    for base, mode in bases:
        for candidate in _variants(base):
            alias = data.aliases.get(candidate)
            spec = _lookup(alias.model, data, ALL_PROVIDERS) if alias else _lookup(candidate, data, providers)
            if spec is not None:
                reasoning = mode or spec.reasoning or spec.key in attrs.models or bool(alias and alias.reasoning)
                spec = spec if reasoning == spec.reasoning else _with(spec, reasoning=reasoning)
                return _catalogued(spec, data)
    if "/" in key:  # a Hugging Face id ("deepseek-ai/DeepSeek-V3.1"): the model's own name, without its organisation
        found = resolve(key.rsplit("/", 1)[1], data, providers)
        if found is not None:
            return found
    spelled = spelled_out(key)
    if spelled != key:
        return resolve(spelled, data, providers)
    return _named_size(key, attrs.mode_suffixes)


def _catalogued(spec: ModelSpec, data: ModelData) -> ModelSpec:
    """A model with what the catalogue knows of it beyond EcoLogits (llm.toml [reasoning_models]).

    That is: published bits per weight, hidden tokens measured for it, and for a "pro" model its base model answering
    in parallel.
    """
    attrs = data.llm.reasoning_models
    changes: dict[str, object] = {}
    if spec.key in attrs.quant_bits:
        changes["quant_bits"] = attrs.quant_bits[spec.key]
    hidden = attrs.hidden_tokens.get(spec.key)
    if hidden is not None:
        changes["hidden"] = (hidden.low, hidden.central, hidden.high)
    if spec.key in attrs.parallel:
        base = _lookup(spec.key.removesuffix("-pro"), data, ALL_PROVIDERS)
        if base is not None:
            ratio = sum(spec.active) / sum(base.active)
            changes |= {"active": base.active, "total": base.total, "parallel": ratio, "reasoning": True}
            changes |= {"tps": base.tps, "ttft": base.ttft, "undisclosed": base.undisclosed}
    return _with(spec, **changes) if changes else spec


# A size the name states, as open-weights models are named: "llama-3.3-70b-instruct" (dense), "qwen3-30b-a3b" (a
# mixture of experts: 30B in all, 3B active). One size only; "8x7b" and "e4b" are not read as sizes.
_NAMED_SIZE = re.compile(r"(?:^|[-/])(\d+(?:\.\d+)?)b(?:-a(\d+(?:\.\d+)?)b)?(?=$|-)")
_EIGHT_BITS = re.compile(r"(?:^|-)(?:fp8|int8|8bit)(?:$|-)")
# An experts count ("llama-4-scout-17b-16e"): the size named is then the active part only, not the whole model.
_EXPERTS = re.compile(r"(?:^|-)\d+e(?:$|-)")
# Families whose makers publish no size: a number with a "b" in such a name is a build tag ("grok-4-1-...-1111b"),
# never a parameter count.
# Open families that always reason, whatever their size: DeepSeek-R1's distillations ("deepseek-r1-distill-llama-70b")
# and QwQ; a "-thinking" ending ("...-Thinking-2507") is that model's reasoning mode.
_REASONING_FAMILY = re.compile(r"(?:^|[-/])(?:r1-distill|qwq)(?:$|-)")
_UNDISCLOSED_FAMILY = re.compile(r"^(?:gpt-(?!oss)|chatgpt|o\d|claude|gemini-|grok-(?!1\b)|muse|sonar|copilot|ernie)")


def _named_size(key: str, mode_suffixes: tuple[str, ...]) -> ModelSpec | None:
    """An open-weights model no catalogue lists, sized by what its name states (its model card's size); else None."""
    sizes = _NAMED_SIZE.findall(key)
    if len(sizes) != 1 or _EXPERTS.search(key) or _UNDISCLOSED_FAMILY.match(key):
        return None
    total = float(sizes[0][0])
    active = float(sizes[0][1]) if sizes[0][1] else total
    if not 0.1 <= active <= total <= 5000:
        return None
    return ModelSpec(
        key=f"named/{key}",
        active=(active, active),
        total=(total, total),
        quant_bits=8 if _EIGHT_BITS.search(key) else 16,
        tps=None,
        ttft=None,
        reasoning=_DATE.sub("", key).endswith(mode_suffixes) or bool(_REASONING_FAMILY.search(key)),
        undisclosed=False,
        source="model-cards",
    )


# What an unresolved name still says of its mode: "gemini-3-deep-think", "gpt-6-thinking", "o1-pro" (every o-series
# model reasons), "sonar-deep-research". A fallback to the service's usual model keeps that mode.
_REASONING_WORD = re.compile(r"(?:^|-)(?:thinking|think|reasoning|reasoner|deep-think|r1|qwq)(?:$|-)|^o\d")
_DEEP_RESEARCH_WORD = re.compile(r"(?:^|-)deep-research(?:$|-)")


def modes_in_name(name: str) -> frozenset[str]:
    """The modes a model name states ("reasoning", "deep_research"), for a name that resolved to nothing."""
    key = name_key(name)
    found = set()
    if _REASONING_WORD.search(key):
        found.add("reasoning")
    if _DEEP_RESEARCH_WORD.search(key):
        found.add("deep_research")
    return frozenset(found)


def reasoning_mode(spec: ModelSpec) -> ModelSpec:
    """The same model in its reasoning mode."""
    return _with(spec, reasoning=True)


def _with(spec: ModelSpec, **changes: object) -> ModelSpec:
    return ModelSpec(**{**{f: getattr(spec, f) for f in spec.__slots__}, **changes})


def close_matches(name: str, data: ModelData, limit: int = 4) -> list[str]:
    """Names of known models close to a name that matched nothing (never the name itself)."""
    known = [n for p in ALL_PROVIDERS for n in _by_key(p)] + list(data.llm.models) + list(data.aliases)
    key = name_key(name)
    return [n for n in difflib.get_close_matches(key, known, n=limit + 1, cutoff=0.6) if n != key][:limit]


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


def _dag(spec: ModelSpec, active: float, total: float, tokens: float) -> dict[str, float | RangeValue]:
    """EcoLogits' DAG for one request, at a PUE of 1 and with no grid: IT energy and embodied emissions only."""
    return compute_llm_impacts_dag(
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


def _run(spec: ModelSpec, active: float, total: float, tokens: float) -> tuple[float, float]:
    result = _dag(spec, active, total, tokens)
    energy, embodied = result["request_energy"], result["request_embodied_gwp"]
    if isinstance(energy, RangeValue) or isinstance(embodied, RangeValue):  # pragma: no cover - scalar inputs only
        raise TypeError("EcoLogits returned a range for scalar inputs")
    return float(energy) * 1000.0, float(embodied) * 1000.0


def gpu_share(spec: ModelSpec, output_tokens: float) -> float:
    """The share of EcoLogits' IT energy that its GPUs use (the rest is the host server), at the middle of the range.

    For comparing with GPU-only measurements (ML.ENERGY, AI Energy Score); not used on the estimating path.
    """
    result = _dag(spec, sum(spec.active) / 2, sum(spec.total) / 2, max(output_tokens, 1.0))
    server, it = result["server_energy"], result["request_it_energy"]
    if isinstance(server, RangeValue) or isinstance(it, RangeValue):  # pragma: no cover - scalar inputs only
        raise TypeError("EcoLogits returned a range for scalar inputs")
    return 1.0 - float(server) / float(it) if it else 1.0


def prefill_it_wh(coefficient: float, active_b: float, input_tokens: float, knee: float) -> float:
    """IT energy of reading the prompt and context, in Wh (quadratic past the knee, as attention is)."""
    return coefficient * active_b * input_tokens * (1.0 + input_tokens / knee)
