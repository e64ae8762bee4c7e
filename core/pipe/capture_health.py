"""What the extension reported about its site adapters, in words: the symptom codes of PROTOCOL.md's `health`.

The host stores a code (`adapter_health.detail`); the CLI and the app show it through `symptom` in the user's
language. Qt-free; the app and `wattprint doctor` share these texts.
"""

from __future__ import annotations

from typing import Any

from wattprint.core.pipe.protocol import HEALTH_CODES
from wattprint.core.words.i18n import N_, _

SYMPTOMS = {
    "no_submit": N_("the page showed prompts but no request was recognised"),
    "no_page_match": N_("the page layout was not recognised"),
    "silent": N_("sends were not recognised at all"),
    "unparsed": N_("answers could not be read from the traffic; counted from the page"),
    "incomplete": N_("answers ended without their end marker; counted from the page"),
    "empty_answer": N_("answers read as empty while the page showed text; counted from the page"),
    "model_unresolved": N_("the model name is not one Wattprint knows; the usual model was assumed"),
    "access_withdrawn": N_("the extension's access to the site was withdrawn"),
}
assert tuple(SYMPTOMS) == HEALTH_CODES  # one vocabulary, in the protocol's order


def symptom(code: str | None, lang: str | None = None) -> str:
    """The words for a health code ('' for none; a code from an older history is shown as it is)."""
    if not code:
        return ""
    text = SYMPTOMS.get(code)
    return _(text, lang) if text else code


def warning_lines(adapters: list[dict[str, Any]], lang: str | None = None) -> list[str]:
    """One line per unhealthy site: the site, the symptom and the date it started (reports of `adapter_health`)."""
    lines = []
    for a in adapters:
        if a["ok"]:
            continue
        day = (a["since"] or "?")[:10]
        lines.append(
            _("{site}: {symptom} (since {date})", lang).format(
                site=a["service"], symptom=symptom(a["detail"], lang) or "?", date=day
            )
        )
    return lines


__all__ = ["SYMPTOMS", "symptom", "warning_lines"]
