"""Energy-score stars for the "Small vs large" scene, as AI Energy Score rates text generation models.

AI Energy Score puts a model in a size class by its total parameters and splits the range of its class, from the most
to the least efficient model, into five equal bands: the lowest band gets 5 stars, the highest 1. Rated among the few
models a scene shows, a model alone in its class gets 5 stars by construction; so here every class is the population
of the catalogue's models whose size is known (the models of llm.toml [models] and EcoLogits' models with a published
architecture), each estimated by the same estimator for the same answer.

Imports the model layer only; `classroom` imports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecologits.model_repository import models

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

STARS = 5  # AI Energy Score: five equal bands between the most and the least efficient model of a size class
# AI Energy Score's size classes for text generation: (class, largest total parameters in billions).
SIZE_CLASSES = (("A", 20.0), ("B", 66.0), ("C", float("inf")))
# Repositories that re-package another model's weights (quantized or converted): the parameter counts EcoLogits gives
# them are those of packed weights (a 104B model's "-4bit" copy reads 55B), so they are no population of their own.
REPACKAGED = re.compile(r"(?i)(?:4bit|8bit|awq|gptq|gguf|int4|int8|fp8|bnb|exl2)")


@dataclass(frozen=True)
class SizeClass:
    """The population one size class is rated against.

    Attributes:
        name: "A" (up to 20B parameters), "B" (up to 66B) or "C" (larger).
        count: How many catalogue models of known size it holds.
        low: Central energy of its most efficient model, Wh.
        high: Central energy of its least efficient model, Wh.
    """

    name: str
    count: int
    low: float
    high: float


def size_class(total_b: float) -> str:
    """AI Energy Score's size class of a model with this many total parameters (billions)."""
    return next(name for name, largest in SIZE_CLASSES if total_b <= largest)


def stars(values: list[float]) -> list[int]:
    """AI Energy Score stars among these values: their range split into five equal bands, the lowest gets 5 stars.

    All values equal: 5 stars each.
    """
    if not values:
        return []
    return [rate(value, min(values), max(values)) for value in values]


def rate(value: float, low: float, high: float) -> int:
    """The stars of a value against a range (Wh): 5 in its lowest fifth (or below it), 1 in its highest (or above)."""
    if high <= low:
        return STARS
    band = int((value - low) / ((high - low) / STARS))
    return STARS - min(max(band, 0), STARS - 1)


def catalogue_names(estimator: Estimator) -> list[str]:
    """Every model name of the catalogue: llm.toml [models], then EcoLogits' models as "provider/name"."""
    ecologits = [f"{m.provider.value}/{m.name}" for m in models.list_models()]
    return [*estimator.data.llm.models, *ecologits]


def population(estimator: Estimator, prompt: int, response: int, context: int) -> dict[str, SizeClass]:
    """The size classes of every catalogue model whose size is known, for one answer of the given sizes (tokens).

    A model counts when its parameters are published (not undisclosed, not assumed, one total), it does not always
    reason (hidden reasoning tokens would make it another task) and it is no re-packaged copy of another model. Each is
    estimated with no service (EcoLogits' data centre defaults), as `rated_energy` estimates the models a scene shows.
    """
    found: dict[str, list[float]] = {}
    for name in catalogue_names(estimator):
        if REPACKAGED.search(name):
            continue
        profile = estimator.strict_profile(None, name)
        spec = profile.spec
        if spec is None or spec.undisclosed or spec.assumed or spec.reasoning or spec.total[0] != spec.total[1]:
            continue
        energy = estimator.text(profile, prompt, response, context, frozenset()).energy[1]
        found.setdefault(size_class(spec.total[1]), []).append(energy)
    return {name: SizeClass(name, len(values), min(values), max(values)) for name, values in found.items()}


def rated_energy(estimator: Estimator, model: str, prompt: int, response: int, context: int) -> float:
    """A model's central energy for the answer, Wh, estimated as `population` estimates its members (no service)."""
    profile = estimator.strict_profile(None, model)
    return estimator.text(profile, prompt, response, context, frozenset()).energy[1]


__all__ = ["SIZE_CLASSES", "STARS", "SizeClass", "catalogue_names", "population", "rate", "rated_energy",
           "size_class", "stars"]  # fmt: skip
