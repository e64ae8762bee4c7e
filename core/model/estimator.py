"""The Estimator: one Interaction in, energy, carbon and water out, each as low / central / high.

How the numbers are made (README "How the numbers are made" and docs/methodology.md say the same at length):
- Text answers: EcoLogits' bottom-up model at the middle of the model's parameter range, plus the prefill of the prompt
  and context (fitted to Epoch AI), hidden reasoning tokens and web-search context that EcoLogits leaves out.
- Calibration only where it belongs: an operator's own per-prompt disclosure (anchors.toml) fixes a serving factor,
  disclosed / bottom-up decode energy on the model it measured. The factor scales the decode part of that operator's
  closed models; the prefill term is never scaled. Closed models of operators that disclosed nothing borrow the
  geometric mean of the factors (with a wider range). Open-weights models of known size are not calibrated.
- The range combines independent factors in log space (root sum of squares): the serving spread of production prompts,
  the model-size range, the token ranges, the prefill coefficient's range, and, where they apply, a borrowed
  calibration, a size that is Wattprint's assumption, and a model name that did not resolve.
- Carbon: energy times the grid's intensity (location-based), plus EcoLogits' embodied hardware emissions. Water: the
  low end counts on-site cooling only; central and high add the water used to generate the electricity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from wattprint.core.model import equivalents, llm
from wattprint.core.model.grid import GENERIC_PUE, GENERIC_WUE, Site, site
from wattprint.core.model.modeldata import Anchor, ModelData, Service
from wattprint.core.model.tokens import tokens_from_counts
from wattprint.core.schemas import Estimate, Interaction, Kind, Mode

Triple = tuple[float, float, float]
_TextParts = tuple[Triple, Triple, tuple[str, ...], tuple[str, ...]]  # hidden, extra input, sources, warnings
GENERIC_ZONE = "WOR"
UNRESOLVED = "model-unresolved"  # the code that starts the warning of a model name that matched nothing (see PROTOCOL)
DEFAULT_VIDEO_SECONDS = 8.0


class UnknownModelError(LookupError):
    """A model name matched nothing; carries close matches."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.suggestions = suggestions


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything about a (service, model) pair that does not depend on the sizes of one interaction."""

    service: str
    operator: str
    site: Site
    spec: llm.ModelSpec | None
    bounds: tuple[llm.Affine, llm.Affine, llm.Affine] | None
    k_energy: float
    low_sq: float  # squared logarithms of the range factors that do not depend on the sizes of an interaction
    high_sq: float
    coef: tuple[float, ...]  # the text equations folded into a few constants (see `_coefficients`)
    modes: frozenset[str]
    sources: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(slots=True)
class Figures:
    """The numbers of one estimate, before they are dressed as an Estimate."""

    energy: Triple
    co2: Triple
    water: Triple
    tokens: tuple[int, int, int, int]
    sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _add(a: Triple, b: Triple) -> Triple:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def _ordered(values: Triple) -> Triple:
    low, central, high = values
    return min(low, central), central, max(high, central)




class Estimator:
    """Turns interactions into estimates with one set of model data.

    Args:
        data: The validated model data.
        zone: A grid zone (ISO 3166-1 alpha-3) that overrides every service's data-centre location.
    """

    def __init__(self, data: ModelData, zone: str | None = None) -> None:
        self.data = data
        self.zone = zone
        self._profiles: dict[tuple[str, str | None, bool], Profile] = {}
        self._parts: dict[tuple[int, frozenset[str], bool], tuple[Profile, _TextParts]] = {}
        self._calibration = self._calibrate()

    # -- public API -------------------------------------------------------------------------------------------------

    @property
    def version(self) -> str:
        """What stored estimates are stamped with: the model-data version, and the grid override when there is one.

        A history estimated under another version (new data, or another override) is re-estimated.
        """
        return self.data.version if self.zone is None else f"{self.data.version}@{self.zone}"

    def estimate(self, interaction: Interaction) -> Estimate:
        """Estimates one interaction.

        Args:
            interaction: A validated interaction.

        Returns:
            The estimate, with equivalents for its central energy.
        """
        return self.dress(self.figures(interaction))

    def figures(self, interaction: Interaction, profile: Profile | None = None) -> Figures:
        """The bare numbers of an estimate (the fast path used for re-estimating a whole history).

        Args:
            interaction: A validated interaction.
            profile: A profile to use instead of the one its service and model give (see `strict_profile`).
        """
        modes = frozenset(interaction.modes)
        ai_answer = Mode.AI_OVERVIEW in modes
        if profile is None:
            profile = self.profile(interaction.service, interaction.model, ai_answer=ai_answer)
        kind = interaction.kind
        if kind is Kind.SEARCH and not ai_answer:
            return self._search(profile)  # the same for any query: its length does not change a search's cost
        if kind is Kind.IMAGE:
            return self._media(profile, images=max(interaction.images, 1), seconds=interaction.video_seconds)
        if kind is Kind.VIDEO:
            seconds = interaction.video_seconds or DEFAULT_VIDEO_SECONDS
            figures = self._media(profile, images=interaction.images, seconds=seconds)
            if not interaction.video_seconds:
                figures.warnings.append(f"video length unknown: assumed {DEFAULT_VIDEO_SECONDS:g} s")
            return figures
        ratios = self.data.tokens
        prompt = (
            interaction.prompt_tokens
            if interaction.prompt_tokens is not None
            else tokens_from_counts(interaction.prompt, ratios)
        )
        response = (
            interaction.response_tokens
            if interaction.response_tokens is not None
            else tokens_from_counts(interaction.response, ratios)
        )
        context = (
            interaction.context_tokens
            if interaction.context_tokens is not None
            else tokens_from_counts(interaction.context, ratios)
        )
        if ai_answer:
            overview = self.data.media.ai_overview
            prompt = max(prompt, overview.prompt_tokens)
            response = response or overview.response_tokens
        figures = self.text(profile, prompt, response, context, modes | profile.modes)
        images = interaction.images or (1 if Mode.IMAGE_GENERATION in modes else 0)
        if images or interaction.video_seconds:
            extra = self._media(profile, images=images, seconds=interaction.video_seconds)
            figures.energy = _add(figures.energy, extra.energy)
            figures.co2 = _add(figures.co2, extra.co2)
            figures.water = _add(figures.water, extra.water)
            figures.sources.extend(s for s in extra.sources if s not in figures.sources)
        return figures

    def dress(self, figures: Figures) -> Estimate:
        """Builds the (validated) Estimate of a set of figures, with equivalents."""
        prompt, response, context, reasoning = figures.tokens
        energy, co2, water = figures.energy, figures.co2, figures.water
        return Estimate.model_validate(
            {
                "energy_wh": {"low": energy[0], "central": energy[1], "high": energy[2]},
                "co2e_g": {"low": co2[0], "central": co2[1], "high": co2[2]},
                "water_ml": {"low": water[0], "central": water[1], "high": water[2]},
                "tokens": {"prompt": prompt, "response": response, "context": context, "reasoning": reasoning},
                "equivalents": equivalents.choose(energy[1], self.data),
                "sources": figures.sources,
                "warnings": figures.warnings,
                "model_version": self.version,
            }
        )

    def profile(self, service_id: str, model: str | None, *, ai_answer: bool = False) -> Profile:
        """The cached profile of a service and model. Unknown models fall back to the service's default, with a warning.

        Raises:
            UnknownModelError: Never for a page-reported model; see `strict_profile` for user input.
        """
        key = (service_id, model, ai_answer)
        found = self._profiles.get(key)
        if found is None:
            found = self._build_profile(service_id, model, ai_answer=ai_answer, strict=False)
            self._profiles[key] = found
        return found

    def strict_profile(
        self,
        service_id: str | None,
        model: str | None,
        params: tuple[float, float | None] | None = None,
        *,
        quant_bits: int = 16,
    ) -> Profile:
        """A profile for user input: an unknown model is an error, not a fallback.

        Args:
            service_id: A catalogue id, or None for a model used through no particular service.
            model: A model name, or None for the service's default.
            params: (total, active) parameters in billions, for a model not in any catalogue.
            quant_bits: Bits per weight of such a model (8 for FP8, 4 for MXFP4).

        Raises:
            KeyError: The service is not in the catalogue.
            UnknownModelError: The model matched nothing.
        """
        if service_id is not None and service_id not in self.data.services:
            raise KeyError(service_id)
        if params is not None:
            spec = llm.spec_from_params(params[0], params[1], quant_bits)
            return self._build_profile(service_id, None, ai_answer=False, strict=True, spec=spec)
        return self._build_profile(service_id, model, ai_answer=False, strict=True)

    def text(self, profile: Profile, prompt: int, response: int, context: int, modes: frozenset[str]) -> Figures:
        """Energy, carbon and water of a text answer of the given sizes (tokens)."""
        base_in = prompt + context
        hidden, extra_in, sources, warnings = self._text_parts(profile, modes, bool(base_in))
        c0, c1, l0, l1, h0, h1, p_c, p_sl, p_sh, p_tl, p_th, e0, e1 = profile.coef
        knee = self.data.llm.prefill.knee_tokens
        out_c = response + hidden[1]
        in_c = base_in + extra_in[1]
        in_lo, in_hi = base_in + extra_in[0], base_in + extra_in[2]
        q_c = in_c * (1.0 + in_c / knee)  # prefill grows faster than linearly, as attention does
        central = c0 + c1 * out_c + p_c * q_c
        size_lo = l0 + l1 * out_c + p_sl * q_c
        size_hi = h0 + h1 * out_c + p_sh * q_c
        tok_lo = c0 + c1 * (response + hidden[0]) + p_tl * in_lo * (1.0 + in_lo / knee)
        tok_hi = c0 + c1 * (response + hidden[2]) + p_th * in_hi * (1.0 + in_hi / knee)
        low_sq, high_sq = profile.low_sq, profile.high_sq
        if central > 0.0:
            log = math.log
            if size_lo > 0.0:
                low_sq += log(central / size_lo) ** 2
            if tok_lo > 0.0:
                low_sq += log(central / tok_lo) ** 2
            high_sq += log(size_hi / central) ** 2 + log(tok_hi / central) ** 2
        down, up = math.exp(-math.sqrt(low_sq)), math.exp(math.sqrt(high_sq))
        energy = (central * down, central, central * up)
        embodied_c = e0 + e1 * out_c
        co2, water = self._carbon_water(profile, energy, (embodied_c * down, embodied_c, embodied_c * up))
        return Figures(
            energy=energy,
            co2=co2,
            water=water,
            tokens=(prompt, response, context, round(hidden[1])),
            sources=list(sources),
            warnings=list(warnings),
        )

    def _text_parts(
        self, profile: Profile, modes: frozenset[str], has_input: bool
    ) -> _TextParts:
        """What a text answer's estimate takes from its profile and modes alone, computed once for each of them.

        Returns hidden tokens and extra input tokens (low, central, high), sources and warnings.
        """
        key = (id(profile), modes, has_input)
        found = self._parts.get(key)
        if found is not None and found[0] is profile:
            return found[1]
        data = self.data.llm
        sources = list(profile.sources)
        warnings = list(profile.warnings)
        hidden: Triple = (0.0, 0.0, 0.0)
        if Mode.REASONING in modes or (profile.spec is not None and profile.spec.reasoning):
            sources.append("mlenergy-2026")
            own = profile.spec.hidden if profile.spec is not None else None
            hidden = _add(hidden, own or _t(data.reasoning.hidden_tokens))
            sources.append(data.reasoning.source)
            warnings.append(f"reasoning tokens are hidden: {hidden[0]:,.0f} to {hidden[2]:,.0f} assumed")
        if Mode.DEEP_RESEARCH in modes:
            hidden = _add(hidden, _t(data.reasoning.deep_research_tokens))
            warnings.append("deep research runs many hidden steps; its range is very wide")
        extra_in: Triple = (0.0, 0.0, 0.0)
        if Mode.WEB_SEARCH in modes or Mode.DEEP_RESEARCH in modes:
            extra_in = _t(data.web_search.extra_input_tokens)
        if has_input or extra_in[2]:
            sources.append(data.prefill.source)
        parts = (hidden, extra_in, tuple(dict.fromkeys(sources)), tuple(warnings))
        if len(self._parts) >= 10_000:  # one-off profiles (strict_profile) are not cached elsewhere
            self._parts.clear()
        self._parts[key] = (profile, parts)  # the profile is kept, so its id cannot be reused by another one
        return parts

    # -- kinds other than text --------------------------------------------------------------------------------------

    def _search(self, profile: Profile) -> Figures:
        search = self.data.media.search
        energy = _t(search.wh)  # one figure for a web search, whatever the engine
        co2, water = self._carbon_water(profile, energy, (0.0, 0.0, 0.0))
        sources = [*search.sources, *profile.site.sources]
        return Figures(energy, co2, water, (0, 0, 0, 0), list(dict.fromkeys(sources)), [])

    def _media(self, profile: Profile, *, images: int, seconds: float) -> Figures:
        media = self.data.media
        energy = (0.0, 0.0, 0.0)
        sources: list[str] = []
        if images:
            energy = _add(energy, tuple(v * images for v in _t(media.image.wh)))  # type: ignore[arg-type]
            sources.extend(media.image.sources)
        if seconds:
            energy = _add(energy, tuple(v * seconds for v in _t(media.video.wh_per_second)))  # type: ignore[arg-type]
            sources.extend(media.video.sources)
        co2, water = self._carbon_water(profile, energy, (0.0, 0.0, 0.0))
        sources.extend(profile.site.sources)
        warnings = ["closed image and video services publish no figures; the range spans open models"]
        return Figures(energy, co2, water, (0, 0, 0, 0), list(dict.fromkeys(sources)), warnings)

    def _carbon_water(self, profile: Profile, energy: Triple, embodied: Triple) -> tuple[Triple, Triple]:
        s = profile.site
        co2 = (
            energy[0] * s.ci[0] / 1000.0 + embodied[0],
            energy[1] * s.ci[1] / 1000.0 + embodied[1],
            energy[2] * s.ci[2] / 1000.0 + embodied[2],
        )
        water = (
            energy[0] / s.pue[0] * s.wue[0],
            energy[1] / s.pue[1] * (s.wue[1] + s.pue[1] * s.wue_offsite),
            energy[2] / s.pue[2] * (s.wue[2] + s.pue[2] * s.wue_offsite),
        )
        return _ordered(co2), _ordered(water)

    # -- profiles and calibration -----------------------------------------------------------------------------------

    def _service(self, service_id: str | None) -> tuple[Service | None, list[str]]:
        if service_id is None:
            return None, []
        found = self.data.services.get(service_id)
        if found is None:
            return None, [f"unknown service '{service_id}': generic estimate"]
        return found, []

    def _build_profile(
        self,
        service_id: str | None,
        model: str | None,
        *,
        ai_answer: bool,
        strict: bool,
        spec: llm.ModelSpec | None = None,
    ) -> Profile:
        service, warnings = self._service(service_id)
        named: frozenset[str] = frozenset()
        operator = service.operator if service else "generic"
        zone = self.zone or (service.zone if service else GENERIC_ZONE)
        if service is not None:
            where = site(zone, service.pue, service.wue, service.source, self.data, service.wue_source)
        else:
            where = site(zone, GENERIC_PUE, GENERIC_WUE, "uptime-2023", self.data)
        providers = llm.OPERATOR_PROVIDERS.get(operator, ("huggingface_hub",))
        factors: list[tuple[float, float]] = [(self.data.llm.range.spread.low, self.data.llm.range.spread.high)]
        if spec is None and model is not None:
            spec = llm.resolve(model, self.data, providers) or llm.resolve(model, self.data)
            if spec is None:
                if strict:
                    raise UnknownModelError(model, llm.close_matches(model, self.data))
                warnings.append(
                    f"model-unresolved: model '{model[:60]}' not recognised: the service's usual model assumed; "
                    "the range is wider"
                )
                widen = self.data.llm.range.unresolved_model
                factors.append((1 / widen, widen))
                named = llm.modes_in_name(model)  # "gemini-3-deep-think": the usual model, in the mode the name says
        if spec is None:
            default = None
            if service is not None:
                default = service.ai_model if service.kind == "search" else service.model
            spec = llm.resolve(default, self.data) if default else None
            if spec is None:
                spec = llm.generic_spec(self.data)
                if service is None or service.kind == "chat" or ai_answer:
                    warnings.append("model unknown: a frontier-class model of undisclosed size assumed")
        if Mode.REASONING in named and not spec.reasoning:
            spec = llm.reasoning_mode(spec)
        lo, hi = llm.affine(spec)
        mid = llm.Affine.between(lo, hi)
        if spec.undisclosed:
            warnings.append(
                f"model size undisclosed: {spec.active[0]:g}-{spec.active[1]:g}B active parameters assumed"
            )
        if spec.assumed:
            warnings.append("size-assumed: the model's size is Wattprint's assumption; its range is wider")
            widen = self.data.llm.range.assumed_size
            factors.append((1 / widen, widen))
        k_energy, cal_sources, borrowed = self._calibration.factor(operator, spec)
        larger = self._calibration.larger_than_measured(operator, spec, mid.it(self.data.llm.typical.response_tokens))
        if larger > 1.0:
            factors.append((1 / larger, 1.0))
            warnings.append("newer model than the operator measured: the range reaches down to its figure")
        if spec.parallel != 1.0:
            warnings.append(f"parallel answers: the base model's reasoning answer counted {spec.parallel:.0f} times")
        coef = _coefficients((lo, mid, hi), k_energy * spec.parallel, where.pue, self.data)
        if borrowed:
            widen = self.data.llm.range.borrowed_calibration
            factors.append((1 / widen, widen))
        sources = ["ecologits", *(() if spec.source == "ecologits" else (spec.source,)), *cal_sources, *where.sources]
        sources.append(self.data.llm.range.source)
        return Profile(
            service=service_id or "generic",
            operator=operator,
            site=where,
            spec=spec,
            bounds=(lo, mid, hi),
            k_energy=k_energy,
            low_sq=sum(math.log(f_lo) ** 2 for f_lo, _ in factors),
            high_sq=sum(math.log(f_hi) ** 2 for _, f_hi in factors),
            coef=coef,
            modes=frozenset(service.modes if service else ()) | (named & {Mode.DEEP_RESEARCH}),
            sources=tuple(dict.fromkeys(sources)),
            warnings=tuple(warnings),
        )

    def _calibrate(self) -> _Calibration:
        """Each disclosing operator's serving factor: (disclosed - prefill) / bottom-up decode, on the measured model.

        The typical turn (llm.toml [typical]) on the operator's service, with the model the operator measured; a later
        change of the service's default model therefore leaves the factor as it is.
        """
        factors: dict[str, tuple[float, str]] = {}
        measured: dict[str, float] = {}
        for anchor in self.data.calibration:
            factor, decode = self._factor(anchor)
            factors[anchor.operator or ""] = (factor, anchor.source)
            measured[anchor.operator or ""] = decode
        default = _geomean([factor for factor, _ in factors.values()]) if factors else 1.0
        return _Calibration(factors, default, measured)

    def _factor(self, anchor: Anchor) -> tuple[float, float]:
        """The operator's serving factor, and the bottom-up decode energy of the model it measured (typical turn)."""
        service = self.data.services[anchor.service or ""]
        spec = llm.resolve(anchor.model or "", self.data)
        if spec is None:
            raise ValueError(f"the model of calibration anchor {anchor.id} is not known: {anchor.model}")
        where = site(service.zone, service.pue, service.wue, service.source, self.data, service.wue_source)
        lo, hi = llm.affine(spec)
        mid = llm.Affine.between(lo, hi)
        typical = self.data.llm.typical
        prompt = anchor.prompt_tokens if anchor.prompt_tokens is not None else typical.prompt_tokens
        response = anchor.response_tokens or typical.response_tokens
        pf = self.data.llm.prefill
        pre = llm.prefill_it_wh(pf.wh_per_token_per_billion.central, mid.active_b, prompt, pf.knee_tokens)
        pue = where.pue[1]
        decode = mid.it(response)
        return (anchor.value / pue - pre) / decode, decode


@dataclass(frozen=True, slots=True)
class _Calibration:
    """Serving factors per operator."""

    by_operator: dict[str, tuple[float, str]]
    default: float
    measured_decode: dict[str, float] = field(default_factory=dict)

    def larger_than_measured(self, operator: str, spec: llm.ModelSpec, decode: float) -> float:
        """How many times the measured model's decode energy a closed model of the operator's has (1 if not more).

        Both sizes are EcoLogits' estimates of undisclosed models, and serving has changed since the measurement, so
        the difference is uncertain by its whole amount: the range reaches down to the operator's own figure.
        """
        base = self.measured_decode.get(operator)
        if base is None or not spec.undisclosed or decode <= base:
            return 1.0
        return decode / base

    def factor(self, operator: str, spec: llm.ModelSpec) -> tuple[float, tuple[str, ...], bool]:
        """The decode factor for a model served by an operator, its sources, and whether it is borrowed.

        Open-weights models of known size get 1: they are not calibrated on anyone's disclosure.
        """
        if not spec.undisclosed:
            return 1.0, ("mlenergy-2026",), False
        if operator in self.by_operator:
            factor, source = self.by_operator[operator]
            return factor, (source,), False
        sources = tuple(source for _, source in self.by_operator.values())
        return self.default, (*sources, "wattprint-method"), True


def _t(triple: object) -> Triple:
    return triple.low, triple.central, triple.high  # type: ignore[attr-defined]


def _coefficients(
    bounds: tuple[llm.Affine, llm.Affine, llm.Affine], k: float, pue: Triple, data: ModelData
) -> tuple[float, ...]:
    """The text equations of one profile folded into constants, so an estimate is a few multiplications.

    Decode energy (intercept, per output token) at the middle, low and high sizes, times the serving factor and the
    PUE; prefill coefficients (times active parameters and PUE) at the central, low-size, high-size, low and high
    coefficient; embodied emissions (intercept, per output token) at the middle size.
    """
    lo, mid, hi = bounds
    pf = data.llm.prefill.wh_per_token_per_billion
    return (
        k * mid.it_wh * pue[1], k * mid.it_wh_per_token * pue[1],
        k * lo.it_wh * pue[0], k * lo.it_wh_per_token * pue[0],
        k * hi.it_wh * pue[2], k * hi.it_wh_per_token * pue[2],
        pf.central * mid.active_b * pue[1], pf.central * lo.active_b * pue[0], pf.central * hi.active_b * pue[2],
        pf.low * mid.active_b * pue[1], pf.high * mid.active_b * pue[1],
        k * mid.embodied_g, k * mid.embodied_g_per_token,
    )


def _geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))
