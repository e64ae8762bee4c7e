"""The extension's two locales have the same keys and no empty message (extension/tests/unit checks it too)."""

from __future__ import annotations

import json
import re
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[2] / "extension"


def _messages(lang: str) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = json.loads(
        (EXTENSION / "_locales" / lang / "messages.json").read_text(encoding="utf-8")
    )
    return table


def test_same_keys_and_no_empty_message() -> None:
    en, zh = _messages("en"), _messages("zh_CN")
    assert set(en) == set(zh)
    for table in (en, zh):
        assert all(entry["message"].strip() for entry in table.values())


def test_placeholders_match() -> None:
    en, zh = _messages("en"), _messages("zh_CN")
    for key, entry in en.items():
        assert sorted(re.findall(r"\$\w+\$|\$\d", entry["message"])) == sorted(
            re.findall(r"\$\w+\$|\$\d", zh[key]["message"])
        ), key


def test_pages_use_only_localized_text() -> None:
    """Popup and options pages show no English of their own: their text comes from data-i18n keys."""
    for page in ("popup/popup.html", "options/options.html"):
        html = (EXTENSION / page).read_text(encoding="utf-8")
        body = re.sub(r"<(script|style|code)[^>]*>.*?</\1>", "", html, flags=re.DOTALL)
        # An element with data-i18n gets its text from the locale at load (what it holds is only a fallback).
        body = re.sub(r"<(\w+)[^>]*\bdata-i18n=[^>]*>[^<]*</\1>", "", body)
        texts = [t.strip() for t in re.findall(r">([^<>]+)<", body) if t.strip()]
        words = [t for t in texts if re.search(r"[A-Za-z]{3,}", t) and t not in ("Wattprint",)]
        assert not words, f"{page}: hard-coded text {words}"
