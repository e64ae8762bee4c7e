"""The Estimator: one Interaction in, energy, carbon and water out, each as low / central / high.

How the numbers are made (README, "How the numbers are made", says the same for users):
- Text answers: EcoLogits' bottom-up model at the low and high parameter bounds of the model, plus the prefill of the
  prompt and context, hidden reasoning tokens and web-search context that EcoLogits leaves out.
- Calibration: for an operator that disclosed a per-prompt figure, the central value is the bottom-up central times
  (disclosed / bottom-up for a typical turn); other operators take the geometric mean of those factors. The range keeps
  the bottom-up ends and is widened to the inter-quartile spread of production measurements around the central value.
- Carbon: energy times the grid's intensity (location-based; EcoLogits and Ember/OWID span the range), plus embodied
  hardware emissions from EcoLogits. Water: the low end counts on-site cooling only (the scope Google and OpenAI use);
  central and high add the water used to generate the electricity (EcoLogits' scope). Where an operator published a
  full life-cycle analysis (Mistral), the high end reaches it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from wattprint.core.model import equivalents, llm
from wattprint.core.model.grid import GENERIC_PUE, GENERIC_WUE, Site, site
from wattprint.core.model.tokens import tokens_from_counts
from wattprint.core.modeldata import Calibration, ModelData, Service
from wattprint.core.schemas import Estimate, Interaction, Kind, Mode

Triple = tuple[float, float, float]
_TextParts = tuple[Triple, Triple, tuple[str, ...], tuple[str, ...]]  # hidden, extra input, sources, warnings
GENERIC_ZONE = "WOR"
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
    co2_high_factor: float
    water_high_factor: float
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


RESOLVES_MEMO = 4096  # model names remembered by `Estimator.model_resolves`


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
        self._resolves: dict[tuple[str, str], bool] = {}
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

    def model_resolves(self, service_id: str, model: str) -> bool:
        """Whether a page-reported model name is one the catalogue knows.

        When it is not, the estimate assumed the service's usual model (see `profile`).
        """
        key = (service_id, model)
        found = self._resolves.get(key)
        if found is None:
            service = self.data.services.get(service_id)
            operator = service.operator if service else "generic"
            providers = llm.OPERATOR_PROVIDERS.get(operator, ("huggingface_hub",))
            found = (llm.resolve(model, self.data, providers) or llm.resolve(model, self.data)) is not None
            if len(self._resolves) >= RESOLVES_MEMO:
                self._resolves.clear()
            self._resolves[key] = found
        return found

    def strict_profile(
        self,
        service_id: str | None,
        model: str | None,
        params: tuple[float, float | None] | None = None,
    ) -> Profile:
        """A profile for user input: an unknown model is an error, not a fallback.

        Args:
            service_id: A catalogue id, or None for a model used through no particular service.
            model: A model name, or None for the service's default.
            params: (total, active) parameters in billions, for a model not in any catalogue.

        Raises:
            KeyError: The service is not in the catalogue.
            UnknownModelError: The model matched nothing.
        """
        if service_id is not None and service_id not in self.data.services:
            raise KeyError(service_id)
        if params is not None:
            spec = llm.spec_from_params(params[0], params[1])
            return self._build_profile(service_id, None, ai_answer=False, strict=True, spec=spec)
        return self._build_profile(service_id, model, ai_answer=False, strict=True)

    def text(self, profile: Profile, prompt: int, response: int, context: int, modes: frozenset[str]) -> Figures:
        """Energy, carbon and water of a text answer of the given sizes (tokens)."""
        assert profile.bounds is not None
        lo, mid, hi = profile.bounds
        data = self.data.llm
        base_in = prompt + context
        hidden, extra_in, sources, warnings = self._text_parts(profile, modes, bool(base_in))
        pf = data.prefill.wh_per_token_per_billion
        knee = data.prefill.knee_tokens
        it_lo = lo.it(response + hidden[0]) + llm.prefill_it_wh(pf.low, lo.active_b, base_in + extra_in[0], knee)
        it_mid = mid.it(response + hidden[1]) + llm.prefill_it_wh(pf.central, mid.active_b, base_in + extra_in[1], knee)
        it_hi = hi.it(response + hidden[2]) + llm.prefill_it_wh(pf.high, hi.active_b, base_in + extra_in[2], knee)
        pue = profile.site.pue
        bottom = (it_lo * pue[0], it_mid * pue[1], it_hi * pue[2])
        central = bottom[1] * profile.k_energy
        spread = data.spread
        energy = (min(bottom[0], central * spread.low), central, max(bottom[2], central * spread.high))
        embodied = (
            lo.embodied(response + hidden[0]) * energy[0] / bottom[0] if bottom[0] else 0.0,
            mid.embodied(response + hidden[1]) * profile.k_energy,
            hi.embodied(response + hidden[2]) * energy[2] / bottom[2] if bottom[2] else 0.0,
        )
        co2, water = self._carbon_water(profile, energy, embodied)
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
            hidden = _add(hidden, _t(data.reasoning.hidden_tokens))
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
        pue = profile.site.pue
        energy = (search.it_wh.low * pue[0], search.it_wh.central * pue[1], search.it_wh.high * pue[2])
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
        if profile.co2_high_factor:
            co2 = (co2[0], co2[1], max(co2[2], co2[1] * profile.co2_high_factor))
        if profile.water_high_factor:
            water = (water[0], water[1], max(water[2], water[1] * profile.water_high_factor))
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
        operator = service.operator if service else "generic"
        zone = self.zone or (service.zone if service else GENERIC_ZONE)
        if service is not None:
            where = site(zone, service.pue, service.wue, service.source, self.data)
        else:
            where = site(zone, GENERIC_PUE, GENERIC_WUE, "uptime-2023", self.data)
        providers = llm.OPERATOR_PROVIDERS.get(operator, ("huggingface_hub",))
        if spec is None and model is not None:
            spec = llm.resolve(model, self.data, providers) or llm.resolve(model, self.data)
            if spec is None:
                if strict:
                    raise UnknownModelError(model, llm.close_matches(model, self.data))
                warnings.append(f"model '{model[:60]}' not recognised: the service's usual model assumed")
        if spec is None:
            default = None
            if service is not None:
                default = service.ai_model if service.kind == "search" else service.model
            spec = llm.resolve(default, self.data) if default else None
            if spec is None:
                spec = llm.generic_spec(self.data)
                if service is None or service.kind == "chat":
                    warnings.append("model unknown: a frontier-class model of undisclosed size assumed")
        lo, hi = llm.affine(spec)
        mid = llm.Affine.between(lo, hi)
        if spec.undisclosed:
            warnings.append(
                f"model size undisclosed: {spec.active[0]:g}-{spec.active[1]:g}B active parameters assumed"
            )
        k_energy, cal_sources = self._calibration.energy(operator)
        sources = ["ecologits", *(() if spec.source == "ecologits" else (spec.source,)), *cal_sources, *where.sources]
        return Profile(
            service=service_id or "generic",
            operator=operator,
            site=where,
            spec=spec,
            bounds=(lo, mid, hi),
            k_energy=k_energy,
            co2_high_factor=self._calibration.high_factor(operator, "co2e_g"),
            water_high_factor=self._calibration.high_factor(operator, "water_ml"),
            modes=frozenset(service.modes if service else ()),
            sources=tuple(dict.fromkeys(sources + [s for s in self._calibration.high_sources(operator)])),
            warnings=tuple(warnings),
        )

    def _calibrate(self) -> _Calibration:
        """Computes each anchor's factor: disclosed value / bottom-up central for its typical turn.

        Energy anchors come first; the life-cycle anchors (carbon, water) are measured on estimates that already carry
        the energy calibration.
        """
        energy: dict[str, tuple[float, str]] = {}
        for anchor in self.data.llm.calibration:
            if anchor.metric == "energy_wh":
                energy[anchor.operator] = (anchor.value / self._typical(anchor, 1.0)[0], anchor.source)
        default = _geomean([factor for factor, _ in energy.values()]) if energy else 1.0
        high: dict[tuple[str, str], tuple[float, str]] = {}
        for anchor in self.data.llm.calibration:
            if anchor.metric != "energy_wh":
                k = energy[anchor.operator][0] if anchor.operator in energy else default
                value = self._typical(anchor, k)[1 if anchor.metric == "co2e_g" else 2]
                high[(anchor.operator, anchor.metric)] = (anchor.value / value, anchor.source)
        return _Calibration(energy, high, default)

    def _typical(self, anchor: Calibration, k_energy: float) -> tuple[float, float, float]:
        """Central energy, carbon and water of the typical turn on an operator's chat service, with an energy factor."""
        service = self._operator_service(anchor)
        spec = llm.resolve(service.model or "", self.data)
        if spec is None:
            raise ValueError(f"the default model of {service.name} is not known: {service.model}")
        where = site(service.zone, service.pue, service.wue, service.source, self.data)
        lo, hi = llm.affine(spec)
        probe = Profile(
            service="calibration",
            operator=anchor.operator,
            site=where,
            spec=spec,
            bounds=(lo, llm.Affine.between(lo, hi), hi),
            k_energy=k_energy,
            co2_high_factor=0.0,
            water_high_factor=0.0,
            modes=frozenset(),
            sources=(),
            warnings=(),
        )
        typical = self.data.llm.typical
        response = anchor.response_tokens or typical.response_tokens
        figures = self.text(probe, typical.prompt_tokens, response, typical.context_tokens, frozenset())
        return figures.energy[1], figures.co2[1], figures.water[1]

    def _operator_service(self, anchor: Calibration) -> Service:
        for service in self.data.services.values():
            if service.operator == anchor.operator and service.kind == "chat":
                return service
        raise ValueError(f"no chat service of operator {anchor.operator} for its calibration anchor")


@dataclass(frozen=True, slots=True)
class _Calibration:
    """Calibration factors per operator."""

    by_operator: dict[str, tuple[float, str]]
    high_by_operator: dict[tuple[str, str], tuple[float, str]]
    default: float

    def energy(self, operator: str) -> tuple[float, tuple[str, ...]]:
        """Energy factor for an operator and the sources behind it."""
        if operator in self.by_operator:
            factor, source = self.by_operator[operator]
            return factor, (source, "arxiv-2509.20241")
        sources = tuple(source for _, source in self.by_operator.values())
        return self.default, (*sources, "arxiv-2509.20241", "wattprint-method")

    def high_factor(self, operator: str, metric: str) -> float:
        """Factor that lifts the high end of carbon or water to an operator's life-cycle figure (0 for none)."""
        found = self.high_by_operator.get((operator, metric))
        return found[0] if found else 0.0

    def high_sources(self, operator: str) -> list[str]:
        """Sources of an operator's life-cycle anchors."""
        return [source for (op, _), (_, source) in self.high_by_operator.items() if op == operator]


def _t(triple: object) -> Triple:
    return triple.low, triple.central, triple.high  # type: ignore[attr-defined]


def _geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))
