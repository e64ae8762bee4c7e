"""Tokens from characters per script class, for when a page reports character counts only."""

from __future__ import annotations

import unicodedata

from wattprint.core.model.modeldata import TokenData
from wattprint.core.schemas import SCRIPT_CLASSES, ScriptCounts

# Unicode ranges per script class (inclusive code points). Anything not listed and not Latin-like is "other".
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0400, 0x052F, "cyrillic"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0xA640, 0xA69F, "cyrillic"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0xA8E0, 0xA8FF, "devanagari"),
    (0x1100, 0x11FF, "hangul"),
    (0x3130, 0x318F, "hangul"),
    (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xD7B0, 0xD7FF, "hangul"),
    (0x3040, 0x30FF, "kana"),
    (0x31F0, 0x31FF, "kana"),
    (0xFF66, 0xFF9F, "kana"),
    (0x2E80, 0x2FDF, "cjk"),
    (0x3000, 0x303F, "cjk"),
    (0x3400, 0x4DBF, "cjk"),
    (0x4E00, 0x9FFF, "cjk"),
    (0xF900, 0xFAFF, "cjk"),
    (0xFF00, 0xFF65, "cjk"),
    (0x20000, 0x3134F, "cjk"),
)
_LATIN_END = 0x024F  # Basic Latin, Latin-1 Supplement, Latin Extended-A and -B


def script_of(char: str) -> str:
    """Returns the script class of one character.

    Args:
        char: A single character.

    Returns:
        One of the names in SCRIPT_CLASSES.
    """
    point = ord(char)
    if point <= _LATIN_END or 0x1E00 <= point <= 0x1EFF or 0x2000 <= point <= 0x206F:
        return "latin"
    for start, end, name in _RANGES:
        if start <= point <= end:
            return name
    return "other"


def count_scripts(text: str) -> ScriptCounts:
    """Counts the characters of a text per script class. Whitespace counts as Latin, as tokenizers merge it.

    Args:
        text: Any text; it is only counted, never kept.

    Returns:
        The counts per script class.
    """
    counts = dict.fromkeys(SCRIPT_CLASSES, 0)
    for char in unicodedata.normalize("NFC", text):
        counts[script_of(char)] += 1
    return ScriptCounts(**counts)


def tokens_from_counts(counts: ScriptCounts, ratios: TokenData) -> int:
    """Estimates the tokens of a text from its character counts per script class.

    Args:
        counts: Characters per script class.
        ratios: Characters per token per script class.

    Returns:
        The estimated number of tokens, rounded; at least 1 when there is any text.
    """
    tokens = (
        counts.latin / ratios.latin
        + counts.cjk / ratios.cjk
        + counts.kana / ratios.kana
        + counts.hangul / ratios.hangul
        + counts.cyrillic / ratios.cyrillic
        + counts.arabic / ratios.arabic
        + counts.devanagari / ratios.devanagari
        + counts.other / ratios.other
    )
    if tokens == 0:
        return 0
    return max(1, round(tokens))
