"""`wattprint estimate`: the footprint of one interaction described on the command line."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wattprint.core.cli.errors import UsageError
from wattprint.core.cli.files import read_text
from wattprint.core.cli.numbers import figures
from wattprint.core.model import modelnames
from wattprint.core.model import tokens as token_model
from wattprint.core.model.estimator import Estimator, UnknownModelError
from wattprint.core.model.grid import known_zone
from wattprint.core.model.modeldata import ModelData, load
from wattprint.core.schemas import Estimate, Interaction, Kind, Mode, ScriptCounts
from wattprint.core.words import display
from wattprint.core.words.i18n import _

MAX_RESPONSE_FILE = 50 * 1024 * 1024  # bytes


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's subparsers type is private
    """Adds the subcommand."""
    parser = subparsers.add_parser(
        "estimate",
        help="estimate the energy, carbon and water of one query",
        description="Estimate one interaction. Give a service, a model, or a model size.",
        epilog=display.range_help(),  # what the ranges printed mean
    )
    parser.add_argument("--service", help="catalogue id: chatgpt, claude, gemini, google, bing, ... (see 'sources')")
    parser.add_argument("--model", help="model name, such as gpt-4o or claude-sonnet-4-5")
    parser.add_argument("--params", type=_positive_float, metavar="B", help="total parameters, billions")
    parser.add_argument("--active-params", type=_positive_float, metavar="B", help="active parameters, billions")
    parser.add_argument("--kind", choices=[k.value for k in Kind], default=None, help="default: the service's kind")
    prompt = parser.add_mutually_exclusive_group()
    prompt.add_argument("--prompt-chars", type=_count, metavar="N", help="characters in the prompt (Latin script)")
    prompt.add_argument("--prompt-tokens", type=_count, metavar="N")
    response = parser.add_mutually_exclusive_group()
    response.add_argument("--response-chars", type=_count, metavar="N", help="characters in the answer (Latin)")
    response.add_argument("--response-tokens", type=_count, metavar="N")
    response.add_argument("--response-file", type=Path, metavar="PATH", help="count this file's text (not kept)")
    parser.add_argument("--context-chars", type=_count, metavar="N", help="characters of earlier turns")
    parser.add_argument("--reasoning", action="store_true", help="a reasoning / thinking mode was on")
    parser.add_argument("--web-search", action="store_true", help="the chatbot searched the web")
    parser.add_argument("--images", type=_count, default=0, metavar="N", help="images generated")
    parser.add_argument("--region", metavar="ZONE", help="grid of the data centre: ISO3 zone (FRA) or region (FR)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}").format(text=repr(text))) from None
    if not 0 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(_("must be between 0 and 10,000,000: {text}").format(text=text))
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a number: {text}").format(text=repr(text))) from None
    if not 0 < value <= 100_000:
        raise argparse.ArgumentTypeError(_("must be above 0 and at most 100,000 (billions): {text}").format(text=text))
    return value


def _zone(region: str | None, data: ModelData) -> str | None:
    if region is None:
        return None
    upper = region.upper()
    if upper in data.regions:
        return data.regions[upper].zone
    if known_zone(upper, data):
        return upper
    options = list(data.regions) + list(data.grid)
    hint = difflib.get_close_matches(upper, options, n=3)
    if hint:
        message = _("unknown region '{region}'; did you mean: {names}?")
        raise UsageError(message.format(region=region, names=", ".join(hint)))
    raise UsageError(
        _("unknown region '{region}'; use one of {names}, or a grid zone such as {zones}").format(
            region=region, names=", ".join(sorted(data.regions)), zones=", ".join(sorted(data.grid)[:3])
        )
    )


def _response_counts(path: Path) -> ScriptCounts:
    return token_model.count_scripts(read_text(path, MAX_RESPONSE_FILE))


def build_interaction(args: argparse.Namespace, data: ModelData) -> Interaction:
    """The Interaction the command line describes."""
    if args.active_params is not None and args.params is None:
        raise UsageError(_("--active-params needs --params"))
    if args.service is None and args.model is None and args.params is None:
        raise UsageError(_("give --service, --model or --params"))
    if args.params is not None and args.active_params is not None and args.active_params > args.params:
        raise UsageError(_("--active-params cannot exceed --params"))
    if args.service is not None and args.service not in data.services:
        hint = difflib.get_close_matches(args.service.lower(), list(data.services), n=3)
        if hint:
            message = _("unknown service '{service}'; did you mean: {names}? ('wattprint sources' lists them)")
        else:
            message = _("unknown service '{service}' ('wattprint sources' lists them)")
        raise UsageError(message.format(service=args.service, names=", ".join(hint)))
    service = data.services.get(args.service) if args.service else None
    kind = Kind(args.kind) if args.kind else Kind(service.kind if service else "chat")
    modes = [m for flag, m in ((args.reasoning, Mode.REASONING), (args.web_search, Mode.WEB_SEARCH)) if flag]
    if args.images and kind is Kind.CHAT:
        modes.append(Mode.IMAGE_GENERATION)
    fields: dict[str, Any] = {
        "id": uuid.uuid4(),
        "ts": datetime.now(UTC),
        "kind": kind,
        "service": args.service or "cli",
        "model": args.model,
        "modes": tuple(modes),
        "images": args.images,
    }
    if args.prompt_tokens is not None:
        fields["prompt_tokens"] = args.prompt_tokens
    elif args.prompt_chars is not None:
        fields["prompt"] = ScriptCounts(latin=args.prompt_chars)
    elif kind is Kind.CHAT:
        fields["prompt_tokens"] = data.llm.typical.prompt_tokens
    if args.response_tokens is not None:
        fields["response_tokens"] = args.response_tokens
    elif args.response_chars is not None:
        fields["response"] = ScriptCounts(latin=args.response_chars)
    elif args.response_file is not None:
        fields["response"] = _response_counts(args.response_file)
    elif kind is Kind.CHAT:
        fields["response_tokens"] = data.llm.typical.response_tokens
    if args.context_chars is not None:
        fields["context"] = ScriptCounts(latin=args.context_chars)
    try:
        return Interaction(**fields)
    except ValidationError as error:  # pragma: no cover - argument types already bound every field
        raise UsageError(error.errors()[0]["msg"]) from None


def notes(args: argparse.Namespace, data: ModelData) -> list[str]:
    """What the command did with options that change nothing or replace something, said rather than done silently."""
    found = []
    service = data.services.get(args.service) if args.service else None
    kind = args.kind or (service.kind if service else "chat")
    if args.reasoning and kind != "chat":
        found.append(_("--reasoning was ignored: only a chat has a reasoning mode"))
    if service is not None and args.params is not None:
        usual = modelnames.friendly(service.model or service.ai_model) or _("unknown")
        found.append(
            _("the model size given by --params ({params}B) replaces {service}'s usual model ({model})").format(
                params=f"{args.params:g}", service=display.name(service.name), model=usual
            )
        )
    elif service is not None and args.model is None and service.model and kind == "chat":
        found.append(
            _("{service}'s usual model assumed: {model}").format(
                service=display.name(service.name), model=modelnames.friendly(service.model)
            )
        )
    return found


def estimate(args: argparse.Namespace, data: ModelData) -> Estimate:
    """Estimates what the command line describes; unknown models are errors with close matches."""
    interaction = build_interaction(args, data)
    estimator = Estimator(data, zone=_zone(args.region, data))
    params = (args.params, args.active_params) if args.params is not None else None
    try:
        profile = estimator.strict_profile(args.service, args.model, params)
    except UnknownModelError as error:
        if error.suggestions:
            message = _("unknown model '{model}'; did you mean: {names}? (or give its size with --params)")
        else:
            message = _("unknown model '{model}' (or give its size with --params)")
        raise UsageError(message.format(model=error.name, names=", ".join(error.suggestions))) from None
    return estimator.dress(estimator.figures(interaction, profile))


def run(args: argparse.Namespace) -> int:
    """Runs `wattprint estimate`."""
    data = load()
    result = estimate(args, data)
    said = notes(args, data)
    if args.json:
        for note in said:  # stdout stays one JSON document
            print(_("Note: {warning}").format(warning=note), file=sys.stderr)
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(render(result, said))
    return 0




def render(result: Estimate, said: list[str] | None = None) -> str:
    """A short readable answer, with the notes of `notes` among the estimate's own."""
    e, c, w = result.energy_wh, result.co2e_g, result.water_ml
    lines = []
    for template, r in (
        (_("Energy  {central} Wh   (range {low} to {high})"), e),
        (_("Carbon  {central} gCO2e (range {low} to {high})"), c),
        (_("Water   {central} mL    (range {low} to {high})"), w),
    ):
        central, low, high = figures(r.central, r.low, r.high)
        lines.append(template.format(central=central, low=low, high=high))
    t = result.tokens
    if t.prompt or t.response or t.reasoning:
        if t.reasoning:
            tokens = _("Tokens  {prompt} in, {context} of earlier turns, {response} out, about {reasoning} hidden "
                       "reasoning")
        else:
            tokens = _("Tokens  {prompt} in, {context} of earlier turns, {response} out")
        lines.append(tokens.format(prompt=f"{t.prompt:,}", context=f"{t.context:,}", response=f"{t.response:,}",
                                   reasoning=f"{t.reasoning:,}"))  # fmt: skip
    if result.equivalents:
        lines.append(_("About the same energy as:"))
        lines.extend(f"  - {eq.text}" for eq in result.equivalents)
    notes_shown = [*(said or []), *(display.warning(warning) for warning in result.warnings)]
    lines.extend(_("Note: {warning}").format(warning=note) for note in notes_shown)
    lines.append(_("Sources: {sources} (wattprint sources explains each)").format(sources=", ".join(result.sources)))
    return "\n".join(lines)


__all__ = ["build_interaction", "estimate", "register", "render", "run"]
