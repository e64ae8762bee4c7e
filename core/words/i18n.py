"""Translations of the Qt-free core (CLI output, errors, model-data labels): English and Simplified Chinese.

Messages are written in English in the code and looked up in core/words/locale/<language>.json (English text ->
translated text). The language follows WATTPRINT_LANG, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, as gettext does;
the desktop app sets it with `use` (its own setting, or the system locale).

`N_("...")` marks a message that is translated later with `_` (tables of labels); tests/i18n checks that every
`_("...")` and `N_("...")` literal has a Chinese translation with the same {placeholders}.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

LANGUAGES = ("en", "zh_CN")
_ENV = ("WATTPRINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_chosen: list[str] = []  # set by `use`: the language of this process, whatever the environment says


def use(lang: str | None) -> None:
    """Speaks `lang` ("en" or "zh_CN") in this process from now on; None follows the environment again."""
    _chosen.clear()
    if lang is not None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        _chosen.append(lang)


# The language each combination of the five variables gives. Every estimate asks for the language (its equivalents'
# texts): reading the variables through os.environ took a quarter of an estimate, while their raw values, looked up in
# the mapping os.environ keeps in sync with every change, cost a tenth of that.
_BY_ENV: dict[tuple[object, ...], str] = {}


def language() -> str:
    """The language to speak: "zh_CN" for any Chinese locale, otherwise "en"."""
    if _chosen:
        return _chosen[0]
    raw = getattr(os.environ, "_data", None)
    encode = getattr(os.environ, "encodekey", None)
    if not isinstance(raw, dict) or encode is None:
        return _from_environment()
    key = tuple(map(raw.get, _env_keys(encode)))
    found = _BY_ENV.get(key)
    if found is None:
        if len(_BY_ENV) > 64:
            _BY_ENV.clear()
        found = _BY_ENV[key] = _from_environment()
    return found


@cache
def _env_keys(encode: Callable[[str], object]) -> tuple[object, ...]:
    """The five variables' names as os.environ stores them (bytes on POSIX)."""
    return tuple(encode(name) for name in _ENV)


def _from_environment() -> str:
    for name in _ENV:
        value = os.environ.get(name, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0]
            if not code or code in ("C", "POSIX"):
                continue
            return "zh_CN" if code.lower().startswith("zh") else "en"
    return "en"


@cache
def catalog(lang: str) -> dict[str, str]:
    """The messages of one language (empty for English, the source language)."""
    if lang == "en":
        return {}
    raw = resources.files("wattprint.core.words.locale").joinpath(f"{lang}.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(raw)
    return table


def _(message: str, lang: str | None = None) -> str:
    """Translates an English message (format placeholders such as {n} are kept as they are)."""
    return catalog(lang or language()).get(message, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext name
    """Marks a message for translation without translating it (it is translated where it is shown)."""
    return message


def width(text: str) -> int:
    """How many terminal columns a text takes (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """The text followed by spaces up to `columns` terminal columns (as f"{text:columns}" for Latin text)."""
    return text + " " * max(0, columns - width(text))


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def translate_filled(text: str, templates: tuple[str, ...], lang: str | None = None) -> str:
    """Translates an English sentence already filled in from one of `templates` (such as a stored warning).

    The values are kept as they are; text that matches no template is returned unchanged.
    """
    lang = lang or language()
    if lang == "en":
        return text
    for template in templates:
        found = _pattern(template).fullmatch(text)
        if found is not None:
            return _(template, lang).format(**found.groupdict())
    return text


__all__ = ["LANGUAGES", "N_", "_", "catalog", "language", "pad", "translate_filled", "use", "width"]
