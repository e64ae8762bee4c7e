"""Model names as people know them: "GPT-5", "Claude Sonnet 4.5", "Gemini 2.5 Flash", not "claude-sonnet-4-5".

Pages and the model data name models by their API ids ("gpt-4o", "anthropic/claude-sonnet-4-5"). Shown to a person,
an id is written the way its maker writes the name in its own announcements: the vendor prefix dropped, words
capitalised, a version's dashes turned back into dots ("4-5" -> "4.5"), and the brand spellings below kept.
"""

from __future__ import annotations

import re
from functools import cache

# Words whose spelling is a brand's own (everything else is capitalised).
_WORDS = {
    "gpt": "GPT",
    "deepseek": "DeepSeek",
    "llama": "Llama",
    "qwen": "Qwen",
    "glm": "GLM",
    "r1": "R1",
    "v3": "V3",
    "v3.1": "V3.1",
    "oss": "OSS",
    "xai": "xAI",
    "ai": "AI",
    "pplx": "Perplexity",
    "nv": "NVIDIA",
}
_VERSION_PAIR = re.compile(r"(?<![\d.])(\d{1,2})-(\d)(?![\d])")  # "4-5" in "claude-sonnet-4-5", not dates


@cache
def friendly(model: str | None) -> str:
    """A model id as people write the model's name ("gpt-5-mini" -> "GPT-5 mini"); "" for None or ""."""
    if not model:
        return ""
    name = model.rsplit("/", 1)[-1]
    if "_" in name or _COMPACT.fullmatch(name.lower()):  # a compact page name: "claude45sonnet_thinking", "pplx_pro"
        name = spelled_out(name.lower().replace("_", "-"))
    name = _VERSION_PAIR.sub(r"\1.\2", name)
    if re.fullmatch(r"o\d+(-\w+)?", name):  # OpenAI's reasoning models keep their lower-case o: "o3", "o4-mini"
        return name
    words = name.split("-")
    if words[0].lower() == "gpt" and len(words) > 1:  # "GPT-5", "GPT-4o", "GPT-5 mini"
        head = f"GPT-{words[1]}"
        return " ".join([head, *(_word(w, lower=True) for w in words[2:])])
    return " ".join(_word(w) for w in words if w)


def _word(word: str, *, lower: bool = False) -> str:
    known = _WORDS.get(word.lower())
    if known is not None:
        return known
    if re.fullmatch(r"\d+(\.\d+)?b", word):  # a size in billions: "70B"
        return word.upper()
    if lower or word[:1].isdigit():
        return word
    return word[:1].upper() + word[1:]


# Perplexity's compact model names ("gpt51_thinking", "claude45sonnet", "gemini25pro", "grok41reasoning", "o4mini",
# "kimik2thinking"), and Claude written version first ("Claude 4.5 Sonnet").
_COMPACT = re.compile(r"(gpt|claude|gemini|grok|kimik|o)(\d)(\d?)([a-z]*)((?:-[a-z0-9.]+)*)")
_VERSION_FIRST = re.compile(r"claude-(\d+(?:[.-]\d)?)-(sonnet|opus|haiku)((?:-[a-z0-9.]+)*)")
_COMPACT_MODES = {
    "thinking": "-thinking", "reasoning": "-reasoning", "nonthinking": "", "nonreasoning": "", "instant": "",
}  # fmt: skip


def spelled_out(key: str) -> str:
    """A compact model name written out as its maker writes it; any other name as it is.

    "claude45sonnetthinking" -> "claude-sonnet-4.5-thinking", "gpt51" -> "gpt-5.1", "o4mini" -> "o4-mini".
    """
    first = _VERSION_FIRST.fullmatch(key)
    if first:
        return f"claude-{first[2]}-{first[1]}{first[3]}"
    found = _COMPACT.fullmatch(key)
    if not found:
        return key
    family, major, minor, word, tail = found.groups()
    version = major + (f".{minor}" if minor and minor != "0" else "")
    mode = ""
    for name, suffix in _COMPACT_MODES.items():
        if word.endswith(name) and not word.endswith("non" + name):
            word, mode = word[: -len(name)], suffix
            break
    if family == "claude":
        parts = ["claude", word, version]
    elif family == "kimik":
        parts = ["kimi", f"k{version}", word]
    elif family == "o":
        parts = [f"o{version}", word]
    elif family == "gpt" and word.startswith("o"):  # "gpt4o", "gpt4omini"
        parts = [f"gpt-{version}o", word[1:]]
    else:
        parts = [family, version, word]
    return "-".join(p for p in parts if p) + mode + tail


__all__ = ["friendly", "spelled_out"]
