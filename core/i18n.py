"""Translations of the Qt-free core (CLI output, errors, model-data labels): English and Simplified Chinese.

Messages are written in English in the code and looked up in core/locale/<language>.json (English text -> translated
text). The language follows WATTPRINT_LANG, then LANGUAGE, LC_ALL, LC_MESSAGES and LANG, as gettext does.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources

LANGUAGES = ("en", "zh_CN")
_ENV = ("WATTPRINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language() -> str:
    """The language to speak: "zh_CN" for any Chinese locale, otherwise "en"."""
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
    raw = resources.files("wattprint.core.locale").joinpath(f"{lang}.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(raw)
    return table


def _(message: str, lang: str | None = None) -> str:
    """Translates an English message (format placeholders such as {n} are kept as they are)."""
    return catalog(lang or language()).get(message, message)


__all__ = ["LANGUAGES", "_", "catalog", "language"]
