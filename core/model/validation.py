"""The model against every published per-query figure (anchors.toml): the validation table of docs/methodology.md.

Each anchor is estimated as its source describes it (service, model or size, tokens, modes) and compared at the
source's own boundary: facility energy, on-site water, life-cycle carbon, the GPU energy (EcoLogits' GPU term plus
the prefill, at a PUE of 1) for GPU-only lab measurements, or a ratio. `table` renders the rows as Markdown; a test
regenerates it and compares it with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wattprint.core.model import llm
from wattprint.core.model.modeldata import Anchor
from wattprint.core.schemas import Mode

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator, Profile

Triple = tuple[float, float, float]
DISCLOSURE_TOLERANCE = 1.25  # a disclosure's central within 1.25x, inside the service's range
INDEPENDENT_TOLERANCE = 2.0  # an independent figure's central within 2x
START = "<!-- validation table: start (generated; a test checks it) -->"
END = "<!-- validation table: end -->"


@dataclass(frozen=True, slots=True)
class Row:
    """One anchor against the model."""

    anchor: Anchor
    wattprint: Triple

    @property
    def ratio(self) -> float:
        """Wattprint's central over the published figure."""
        return self.wattprint[1] / self.anchor.value

    @property
    def inside(self) -> bool:
        """Whether the published figure lies inside Wattprint's range."""
        return self.wattprint[0] <= self.anchor.value <= self.wattprint[2] * (1 + 1e-9)

    @property
    def agrees(self) -> bool:
        """Within the tolerance of its kind (and, for a disclosure, inside the range)."""
        if self.anchor.kind == "disclosure":
            return self.inside and 1 / DISCLOSURE_TOLERANCE <= self.ratio <= DISCLOSURE_TOLERANCE
        return 1 / INDEPENDENT_TOLERANCE <= self.ratio <= INDEPENDENT_TOLERANCE


def rows(estimator: Estimator) -> list[Row]:
    """Every anchor of the model data, estimated at its own boundary."""
    return [Row(anchor, _estimate(estimator, anchor)) for anchor in estimator.data.anchors]


def _profile(estimator: Estimator, anchor: Anchor) -> Profile:
    if anchor.params is not None:
        p = anchor.params
        return estimator.strict_profile(anchor.service, None, (p.total, p.active), quant_bits=p.quant_bits)
    return estimator.strict_profile(anchor.service, anchor.model)


def _estimate(estimator: Estimator, anchor: Anchor) -> Triple:
    if anchor.compare == "search":
        search = estimator.data.media.search.wh
        return search.low, search.central, search.high
    typical = estimator.data.llm.typical
    prompt = anchor.prompt_tokens if anchor.prompt_tokens is not None else typical.prompt_tokens
    response = anchor.response_tokens if anchor.response_tokens is not None else typical.response_tokens
    profile = _profile(estimator, anchor)
    modes = frozenset(anchor.modes) | profile.modes
    figures = estimator.text(profile, prompt, response, typical.context_tokens, modes)
    site = profile.site
    energy = figures.energy
    if anchor.compare == "reasoning_ratio":
        plain = estimator.text(profile, prompt, response, typical.context_tokens, profile.modes).energy[1]
        reasoning = estimator.text(profile, prompt, response, typical.context_tokens, modes | {Mode.REASONING}).energy
        return reasoning[0] / plain, reasoning[1] / plain, reasoning[2] / plain
    if anchor.compare == "lab_gpu":
        assert profile.spec is not None
        share = llm.gpu_share(profile.spec, response + figures.tokens[3])
        return tuple(e / pue * share for e, pue in zip(energy, site.pue, strict=True))  # type: ignore[return-value]
    if anchor.compare == "onsite_water":
        return (
            energy[0] / site.pue[0] * site.wue[0],
            energy[1] / site.pue[1] * site.wue[1],
            energy[2] / site.pue[2] * site.wue[2],
        )
    if anchor.compare == "water":
        return figures.water
    if anchor.compare == "co2e":
        return figures.co2
    return energy


def _n(value: float) -> str:
    return f"{value:,.3g}" if value < 1000 else f"{value:,.0f}"


def table(estimator: Estimator) -> str:
    """The validation table as Markdown: anchor, figure, scope, Wattprint's low / central / high, ratio, verdict."""
    lines = [
        "| Anchor | Kind | Figure | Scope | Wattprint low / central / high | Central / figure | Verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    calibrating_water = {s.wue_anchor for s in estimator.data.services.values()}
    for row in rows(estimator):
        a = row.anchor
        figure = _n(a.value) + (f" ({_n(a.low)}–{_n(a.high)})" if a.low is not None and a.high is not None else "")
        low, central, high = row.wattprint
        if row.agrees:
            verdict = "inside the range" if a.kind == "disclosure" else "within 2x"
            if a.calibrates:
                verdict += " (calibrates the operator's serving factor)"
            elif a.id in calibrating_water:
                verdict += " (gives the operator's on-site WUE)"
            if a.kind == "independent" and row.inside:
                verdict += ", inside the range"
        else:
            verdict = "**outside: " + (a.why or "no reason given") + "**"
        lines.append(
            f"| {a.label} [{a.source}] | {a.kind} | {figure} | {a.scope} | {_n(low)} / {_n(central)} / {_n(high)} "
            f"| {row.ratio:.2f} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def replace_table(text: str, estimator: Estimator) -> str:
    """A document with its validation table (between the START and END markers) regenerated."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table(estimator)}{END}{tail}"


if __name__ == "__main__":  # pragma: no cover - prints the table for docs/methodology.md
    from wattprint.core.model.estimator import Estimator as _Estimator
    from wattprint.core.model.modeldata import load

    print(table(_Estimator(load())), end="")
