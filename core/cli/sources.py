"""`wattprint sources`: every number of the model with where it comes from."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from wattprint.core.model.grid import carbon_intensity
from wattprint.core.model.modeldata import ModelData, TrainingRun, load
from wattprint.core.words.i18n import _


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser("sources", help="list every number of the model with its source")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def rows(data: ModelData) -> list[dict[str, Any]]:
    """One row per number: what it is, its value and unit, and the id of its source."""
    out: list[dict[str, Any]] = []

    def add(what: str, value: object, unit: str, source: str) -> None:
        out.append({"what": what, "value": value, "unit": unit, "source": source})

    for key, svc in data.services.items():
        model = svc.model or svc.ai_model or "-"
        add(f"service {key} ({svc.name}): operator {svc.operator}, model {model}, zone {svc.zone}", "", "", svc.source)
        add(f"service {key}: PUE", f"{svc.pue.low:g}-{svc.pue.high:g}", "", svc.source)
        wue = f"{svc.wue.low:.3g}-{svc.wue.high:.3g}"
        add(f"service {key}: on-site WUE", wue, "L/kWh", svc.wue_source or svc.source)
    llm = data.llm
    add("LLM bottom-up equations and model parameters", "EcoLogits 0.11.3", "", "ecologits")
    add("typical chat turn", f"{llm.typical.prompt_tokens} in / {llm.typical.response_tokens} out", "tokens",
        llm.typical.source)
    pf = llm.prefill.wh_per_token_per_billion
    add("prefill IT energy", f"{pf.low:g} / {pf.central:g} / {pf.high:g}", "Wh per token per billion active",
        llm.prefill.source)
    add("prefill knee", llm.prefill.knee_tokens, "tokens", llm.prefill.source)
    rt = llm.reasoning.hidden_tokens
    add("hidden reasoning tokens", f"{rt.low:g} / {rt.central:g} / {rt.high:g}", "tokens", llm.reasoning.source)
    dr = llm.reasoning.deep_research_tokens
    add("deep research tokens", f"{dr.low:g} / {dr.central:g} / {dr.high:g}", "tokens", llm.reasoning.source)
    ws = llm.web_search.extra_input_tokens
    add("web search context", f"{ws.low:g} / {ws.central:g} / {ws.high:g}", "tokens", llm.web_search.source)
    for anchor in data.anchors:
        role = "calibration" if anchor.calibrates else f"validation ({anchor.kind})"
        add(f"{role}: {anchor.label}", anchor.value, anchor.scope, anchor.source)
    spread = llm.range.spread
    add("production spread around the median", f"{spread.low:g}x / {spread.high:g}x", "", llm.range.source)
    for name, local in llm.models.items():
        add(f"model {name}: total / active parameters", f"{_p(local.total)} / {_p(local.active)}", "billion",
            local.source)
    media = data.media
    s = media.search.wh
    add("web search energy", f"{s.low:g} / {s.central:g} / {s.high:g}", "Wh", ", ".join(media.search.sources))
    i = media.image.wh
    add("image generation", f"{i.low:g} / {i.central:g} / {i.high:g}", "Wh per image", ", ".join(media.image.sources))
    v = media.video.wh_per_second
    add("video generation", f"{v.low:g} / {v.central:g} / {v.high:g}", "Wh per second",
        ", ".join(media.video.sources))
    for zone, row in data.grid.items():
        add(f"grid {zone} ({row.name}), {row.year}", row.g_per_kwh, "gCO2e/kWh", row.source)
        (low, mid, high), _, cited = carbon_intensity(zone, data)
        if high > low:  # EcoLogits has the zone too: estimates use the middle of the two, the range spans them
            add(f"grid {zone} as estimates use it", f"{low:.4g} / {mid:.4g} / {high:.4g}", "gCO2e/kWh",
                ", ".join(cited))
    add("grid intensity and off-site water of 215 zones", "EcoLogits electricity mixes", "", "ecologits")
    for key, eq in data.equivalents.items():
        add(f"equivalent {key}: {eq.label}, one {eq.unit}", eq.wh, "Wh", eq.source)
    for script in ("latin", "cjk", "kana", "hangul", "cyrillic", "arabic", "devanagari", "other"):
        add(f"characters per token, {script}", getattr(data.tokens, script), "chars/token", data.tokens.source)
    for key, run in data.training.items():
        _training(add, key, run)
    for key, hh in data.scaling.households.items():
        add(f"household {key}", hh.kwh_per_year, "kWh/year", hh.source)
    for key, country in data.scaling.countries.items():
        add(f"country {key} ({country.name}) electricity", country.twh, "TWh/year", country.source)
    return out


def _training(add: Callable[[str, object, str, str], None], key: str, run: TrainingRun) -> None:
    """A training run's published figures: energy and emissions with their ranges, scope and the article's own ends.

    Where Wattprint corrects a source's arithmetic (GPT-4's hours), the source's own upper ends are listed too.
    """
    low = run.energy_mwh_low if run.energy_mwh_low is not None else run.energy_mwh
    high = run.energy_mwh_high if run.energy_mwh_high is not None else run.energy_mwh
    add(f"training {key} ({run.name}): energy", _span(low, run.energy_mwh, high), "MWh", run.source)
    if run.article_energy_mwh_high is not None:
        add(f"training {key}: energy as the source gives it", _span(low, None, run.article_energy_mwh_high), "MWh",
            run.source)
    if run.co2e_t is None:
        return
    emitted = run.co2e_source or run.source
    co2_low = run.co2e_t_low if run.co2e_t_low is not None else run.co2e_t
    co2_high = run.co2e_t_high if run.co2e_t_high is not None else run.co2e_t
    add(f"training {key}: emissions", _span(co2_low, run.co2e_t, co2_high), "tCO2e", emitted)
    if run.article_co2e_t_high is not None:
        add(f"training {key}: emissions as the source gives them", _span(co2_low, None, run.article_co2e_t_high),
            "tCO2e", run.source)
    if run.co2e_t_dynamic is not None:
        add(f"training {key}: emissions of dynamic power only", f"{run.co2e_t_dynamic:.10g}", "tCO2e", emitted)
    if run.co2e_t_other is not None:
        add(f"training {key}: emissions, another published figure", f"{run.co2e_t_other:.10g}", "tCO2e",
            run.co2e_other_source or run.source)
    if run.scope:
        add(f"training {key}: scope: {run.scope}", "", "", emitted)


def _span(low: float, central: float | None, high: float) -> str:
    """"1287" for a single figure; "51772.5-57525 (central 54648.75)" for a range."""
    if high <= low:
        return f"{low:.10g}"
    ends = f"{low:.10g}-{high:.10g}"
    return ends if central is None else f"{ends} (central {central:.10g})"


def _p(value: object) -> str:
    low, high = getattr(value, "min", value), getattr(value, "max", value)
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint sources`."""
    data = load()
    table = rows(data)
    if args.json:
        print(json.dumps({"model_version": data.version, "numbers": table,
                          "sources": {k: v.model_dump() for k, v in data.sources.items()}}, indent=2))
        return 0
    print(
        _(
            "Model data {version}. Tags: R read in the primary source, S quoted by a secondary source, "
            "C computed from primary data, U unverified."
        ).format(version=data.version)
        + "\n"
    )
    for row in table:
        value = f" = {row['value']} {row['unit']}".rstrip() if row["value"] != "" else ""
        print(f"{row['what']}{value}  [{row['source']}]")
    print("\n" + _("Sources:"))
    for key, src in data.sources.items():
        print(f"  [{key}] {src.title}. {src.author}, {src.year}. {src.url} ({src.licence}; tag {src.tag})")
    return 0
