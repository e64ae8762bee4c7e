"""Texts of the model shown to people, in their language: estimate warnings and the names of places and services.

Estimates are stored with English warnings ("reasoning tokens are hidden: 1,000 to 8,000 assumed"); they are
translated when shown, keeping their numbers. Brand names stay as they are; names with a common Chinese form
(Baidu: 百度) and places are translated.
"""

from __future__ import annotations

from collections.abc import Iterable

from wattprint.core.words.i18n import N_, _, translate_filled

# Every warning the estimator writes, with its values as {placeholders} (core/model/estimator.py).
WARNINGS = (
    N_("video length unknown: assumed {seconds} s"),
    N_("reasoning tokens are hidden: {low} to {high} assumed"),
    N_("deep research runs many hidden steps; its range is very wide"),
    N_("closed image and video services publish no figures; the range spans open models"),
    N_("unknown service '{service}': generic estimate"),
    N_("model '{model}' not recognised: the service's usual model assumed"),
    N_("model-unresolved: model '{model}' not recognised: the service's usual model assumed; the range is wider"),
    N_("size-assumed: the model's size is Wattprint's assumption; its range is wider"),
    N_("model unknown: a frontier-class model of undisclosed size assumed"),
    N_("model size undisclosed: {low}-{high}B active parameters assumed"),
    N_("parallel answers: the base model's reasoning answer counted {n} times"),
    N_("newer model than the operator measured: the range reaches down to its figure"),
)

# Names of the model data (services.toml, regions.toml, grid.csv, training.toml) that read differently in Chinese.
NAMES = (
    N_("Bing"),
    N_("Baidu"),
    N_("Brave Search"),
    N_("Qwen Chat"),
    N_("Mistral Le Chat"),
    N_("Yahoo"),
    N_("Yandex"),
    N_("United States"),
    N_("United Kingdom"),
    N_("European Union"),
    N_("France"),
    N_("Germany"),
    N_("China"),
    N_("World"),
    N_("India"),
    N_("Japan"),
    N_("Italy"),
    N_("Spain"),
    N_("Poland"),
    N_("Netherlands"),
    N_("Ireland"),
    N_("Sweden"),
    N_("Norway"),
    N_("Finland"),
    N_("Switzerland"),
    N_("Belgium"),
    N_("Canada"),
    N_("Brazil"),
    N_("Mexico"),
    N_("Australia"),
    N_("South Korea"),
    N_("Taiwan"),
    N_("Singapore"),
    N_("Indonesia"),
    N_("Saudi Arabia"),
    N_("South Africa"),
    N_("Russia"),
    # scaling.toml: households and countries compared with in "Scale it up"
    N_("US households"),
    N_("UK households"),
    N_("EU households"),
    N_("Chinese households"),
    N_("Iceland"),
    N_("Denmark"),
    N_("Portugal"),
    N_("the Netherlands"),
    N_("the United Kingdom"),
    N_("the United States"),
    N_("GPT-4 (estimate)"),  # training.toml: the one training run whose name says it is an estimate
)


RANGE_HELP = N_(
    "Every figure is an estimate with a range. The first number is the likely value for a query like this one. The "
    "two others span the middle half of everyday queries to such a model, widened by what is not known about it: its "
    "size, its hidden reasoning, how it is served. It is not a guarantee. A wide range means the operator discloses "
    "little about its model and hardware, not that the figure is wrong."
)


def range_help(lang: str | None = None) -> str:
    """What a range means, in plain words and the current language (shown wherever a range is)."""
    return _(RANGE_HELP, lang)


def warning(text: str, lang: str | None = None) -> str:
    """A stored estimate warning in the current language."""
    return translate_filled(text, WARNINGS, lang)


def warnings(texts: Iterable[str], lang: str | None = None) -> list[str]:
    """Stored estimate warnings in the current language."""
    return [warning(text, lang) for text in texts]


def name(text: str, lang: str | None = None) -> str:
    """A service, region or grid name in the current language (brand names are kept)."""
    return _(text, lang)


__all__ = ["NAMES", "RANGE_HELP", "WARNINGS", "name", "range_help", "warning", "warnings"]
