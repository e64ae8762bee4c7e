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
}
_VERSION_PAIR = re.compile(r"(?<![\d.])(\d{1,2})-(\d)(?![\d])")  # "4-5" in "claude-sonnet-4-5", not dates


@cache
def friendly(model: str | None) -> str:
    """A model id as people write the model's name ("gpt-5-mini" -> "GPT-5 mini"); "" for None or ""."""
    if not model:
        return ""
    name = model.rsplit("/", 1)[-1]
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


__all__ = ["friendly"]
