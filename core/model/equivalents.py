"""Everyday equivalents: pick the comparisons a person grasps for an amount of energy."""

from __future__ import annotations

import math

from wattprint.core.i18n import language
from wattprint.core.modeldata import ModelData
from wattprint.core.schemas import Equivalent

# An amount reads best between about 1 and 100 of a unit ("12 minutes of an LED bulb", not "0.002 kettles").
_SWEET_SPOT = 1.0  # log10 of the ideal amount


_MEMO: dict[tuple[str, float, int, str], list[Equivalent]] = {}
_MEMO_LIMIT = 50_000


def choose(energy_wh: float, data: ModelData, limit: int = 3, lang: str | None = None) -> list[Equivalent]:
    """The everyday activities that use about as much energy, easiest to grasp first.

    Equal energies to three significant figures share one answer (amounts show two), memoized per data version and
    language (the texts follow `i18n.language()`).

    Args:
        energy_wh: Energy to compare, in Wh.
        data: The model data with the equivalents table.
        limit: How many to return.
        lang: The language of the texts (default: `i18n.language()`).

    Returns:
        Up to `limit` equivalents whose amount lies between 0.5 and 1,000 units; the closest one when none does.
    """
    if energy_wh <= 0:
        return []
    energy_wh = float(f"{energy_wh:.3g}")
    lang = lang or language()
    key = (data.version, energy_wh, limit, lang)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        found = _MEMO[key] = _choose(energy_wh, data, limit, lang)
    return list(found)


def _choose(energy_wh: float, data: ModelData, limit: int, lang: str) -> list[Equivalent]:
    scored = []
    for key, item in data.equivalents.items():
        amount = energy_wh / item.wh
        scored.append((abs(math.log10(amount) - _SWEET_SPOT), key, amount))
    scored.sort()
    readable = [entry for entry in scored if 0.5 <= entry[2] <= 1000] or scored[:1]
    return [_make(key, amount, data, lang) for _, key, amount in readable[:limit]]


def amount_of(equivalent_id: str, energy_wh: float, data: ModelData) -> Equivalent:
    """One named equivalent for an amount of energy (for side-by-side comparisons)."""
    return _make(equivalent_id, energy_wh / data.equivalents[equivalent_id].wh, data, language())


def _make(key: str, amount: float, data: ModelData, lang: str) -> Equivalent:
    item = data.equivalents[key]
    rounded = _round(amount)
    if lang == "zh_CN":
        text = (item.one_zh if rounded == 1 else item.many_zh).format(n=f"{rounded:,g}")
        label = item.label_zh
    else:
        text = (item.one if rounded == 1 else item.many).format(n=f"{rounded:,g}")
        label = item.label
    return Equivalent(id=key, label=label, amount=rounded, unit=item.unit, text=text)  # validating is the faster way


def _round(amount: float) -> float:
    """Two significant figures: a comparison is not a measurement."""
    if amount == 0:
        return 0.0
    digits = 1 - math.floor(math.log10(abs(amount)))
    return round(amount, max(digits, 0))
