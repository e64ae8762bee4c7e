"""What the detail of one stored query shows beyond its row: the model and size the estimate assumed.

Qt-free, so the app's detail dialog and any other reader agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wattprint.core.model import llm, modelnames
from wattprint.core.model.modeldata import ModelData


@dataclass(frozen=True)
class Assumed:
    """The model an estimate assumed.

    Attributes:
        name: Its name as people know it ("GPT-5").
        key: Its id in the model data.
        active: Active parameters assumed, low and high (billions).
        total: Total parameters assumed, low and high (billions).
        undisclosed: Whether its maker keeps its size secret (the size is then a range the data gives).
    """

    name: str
    key: str
    active: tuple[float, float]
    total: tuple[float, float]
    undisclosed: bool


def assumed_model(item: dict[str, Any], data: ModelData) -> Assumed | None:
    """The model and size the estimate of a stored interaction assumed (None for a plain search: no model runs).

    This follows the estimator's choice: the model the page named when the data knows it, else the service's usual
    model (its AI answers' model for a search engine), else a generic frontier-class model.
    """
    service = data.services.get(item["service"])
    if item["kind"] == "search" and "ai_overview" not in item["modes"]:
        return None
    operator = service.operator if service else "generic"
    providers = llm.OPERATOR_PROVIDERS.get(operator, ("huggingface_hub",))
    spec = None
    if item["model"]:
        spec = llm.resolve(item["model"], data, providers) or llm.resolve(item["model"], data)
    if spec is None and service is not None:
        default = service.ai_model if service.kind == "search" else service.model
        spec = llm.resolve(default, data) if default else None
    if spec is None:
        spec = llm.generic_spec(data)
    return Assumed(modelnames.friendly(spec.key), spec.key, spec.active, spec.total, spec.undisclosed)


__all__ = ["Assumed", "assumed_model"]
