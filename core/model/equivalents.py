"""Everyday equivalents: pick the comparisons a person grasps for an amount of energy."""

from __future__ import annotations

import math

from wattprint.core.model.modeldata import ModelData
from wattprint.core.schemas import Equivalent
from wattprint.core.words import units
from wattprint.core.words.i18n import _, language

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
    zh = lang == "zh_CN"
    one, many = (item.one_zh, item.many_zh) if zh else (item.one, item.many)
    unit = item.unit
    if units.is_time(unit):
        one, many, unit, amount = _in_time_unit(one, many, unit, amount, lang)
    rounded = units.significant(amount, 2)  # two significant figures: a comparison is not a measurement
    text = (one if rounded == 1 else many).format(n=units.plain(rounded))
    label = item.label_zh if zh else item.label
    return Equivalent(id=key, label=label, amount=rounded, unit=unit, text=text)  # validating is the faster way


def _in_time_unit(one: str, many: str, unit: str, amount: float, lang: str) -> tuple[str, str, str, float]:
    """The sentences and amount in the time unit that reads best ("20 seconds of an LED bulb", not "0.33 minutes")."""
    best, converted = units.duration_unit(amount, unit)
    if best == unit:
        return one, many, unit, amount
    phrases = {name: (_(o, lang), _(m, lang)) for name, _size, o, m in units.TIME_UNITS}
    was = phrases[unit][1]
    if was not in many:  # a sentence that does not name its unit as TIME_UNITS does: keep it as it is
        return one, many, unit, amount
    return many.replace(was, phrases[best][0]), many.replace(was, phrases[best][1]), best, converted
