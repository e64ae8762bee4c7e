"""Side-by-side comparisons of typical queries and everyday activities, each with its energy range (Wh).

A typical query to each service, a web search, a reasoning answer, an image, and everyday activities.

A "typical" chat turn uses the token sizes in llm.toml `[typical]` (the turn operators' disclosures describe).
Everyday activities have no range of their own: their low, central and high are the same one figure.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from wattprint.core.model import modelnames
from wattprint.core.model.modeldata import ModelData
from wattprint.core.schemas import Interaction, Kind, Mode, ScriptCounts
from wattprint.core.words import display
from wattprint.core.words.i18n import _, language

if TYPE_CHECKING:
    from wattprint.core.model.estimator import Estimator

REFERENCE_SERVICE = "chatgpt"  # the service whose reasoning answer and image stand for "a chatbot"
SEARCH_SERVICE = "google"
DEFAULT_ACTIVITIES = ("led_bulb", "laptop", "streaming", "phone_charge", "kettle", "ev_km")


@dataclass(frozen=True)
class Item:
    """One bar of a comparison.

    Attributes:
        key: A stable id ("service:chatgpt", "search", "reasoning", "image", "activity:kettle").
        label: What a person reads ("ChatGPT, typical query", "Boiling a kettle (1 litre)").
        group: "ai", "search" or "everyday".
        low: Energy, low end (Wh).
        central: Energy, central estimate (Wh).
        high: Energy, high end (Wh).
    """

    key: str
    label: str
    group: str
    low: float
    central: float
    high: float


def _typical(service: str, model: str | None, kind: Kind, modes: tuple[Mode, ...], data: ModelData) -> Interaction:
    typical = data.llm.typical
    return Interaction.model_construct(
        id=uuid.UUID(int=0),
        ts=datetime.now(UTC),
        kind=kind,
        service=service,
        model=model,
        modes=modes,
        prompt_tokens=typical.prompt_tokens if kind is not Kind.SEARCH else None,
        response_tokens=typical.response_tokens if kind is Kind.CHAT else None,
        context_tokens=typical.context_tokens if kind is Kind.CHAT else None,
        images=1 if kind is Kind.IMAGE else 0,
        video_seconds=0.0,
        prompt=ScriptCounts(),
        response=ScriptCounts(),
        context=ScriptCounts(),
    )


def typical_query(
    estimator: Estimator, service: str, model: str | None = None, *, modes: tuple[Mode, ...] = ()
) -> Item:
    """The energy of a typical query to one service (a chat turn, or a plain search for a search engine).

    Args:
        estimator: The estimator.
        service: A catalogue id.
        model: A model name, or None for the service's usual model.
        modes: Modes that were on (reasoning, web search).

    Raises:
        KeyError: The service is not in the catalogue.
    """
    data = estimator.data
    entry = data.services[service]
    kind = Kind.SEARCH if entry.kind == "search" else Kind.CHAT
    energy = estimator.figures(_typical(service, model, kind, modes, data)).energy
    shown = modelnames.friendly(model or (entry.model if kind is Kind.CHAT else None))
    name = display.name(entry.name) + (f" ({shown})" if shown else "")
    label = (_("{name}, search") if kind is Kind.SEARCH else _("{name}, typical query")).format(name=name)
    group = "search" if kind is Kind.SEARCH else "ai"
    return Item(f"service:{service}", label, group, *energy)


def reference_items(estimator: Estimator) -> list[Item]:
    """A web search, a typical chat turn, a reasoning answer and a generated image (ChatGPT and Google)."""
    data = estimator.data
    search = typical_query(estimator, SEARCH_SERVICE)
    chat = typical_query(estimator, REFERENCE_SERVICE)
    reasoning = estimator.figures(_typical(REFERENCE_SERVICE, None, Kind.CHAT, (Mode.REASONING,), data)).energy
    image = estimator.figures(_typical(REFERENCE_SERVICE, None, Kind.IMAGE, (Mode.IMAGE_GENERATION,), data)).energy
    return [
        Item("search", _("A web search"), "search", search.low, search.central, search.high),
        Item("chat", _("A typical chatbot answer"), "ai", chat.low, chat.central, chat.high),
        Item("reasoning", _("A reasoning answer"), "ai", *reasoning),
        Item("image", _("A generated image"), "ai", *image),
    ]


def activity_items(data: ModelData, keys: tuple[str, ...] = DEFAULT_ACTIVITIES) -> list[Item]:
    """Everyday activities for one unit each (a minute, a charge, a kettle, a km)."""
    items = []
    for key in keys:
        entry = data.equivalents[key]
        text = (entry.one_zh if language() == "zh_CN" else entry.one).format(n="1")
        label = text[:1].upper() + text[1:]
        items.append(Item(f"activity:{key}", label, "everyday", entry.wh, entry.wh, entry.wh))
    return items


def service_items(estimator: Estimator) -> list[Item]:
    """A typical query to every service of the catalogue, chatbots first, each group by central energy."""
    items = [typical_query(estimator, service) for service in estimator.data.services]
    return sorted(items, key=lambda item: (item.group != "ai", item.central))


def comparison(estimator: Estimator, service: str | None = None, model: str | None = None) -> list[Item]:
    """The default comparison: reference items, the chosen service (if any) and everyday activities, smallest first.

    Args:
        estimator: The estimator.
        service: A service to add, or None.
        model: A model for that service, or None for its usual model.
    """
    items = reference_items(estimator)
    if service is not None:
        items.append(typical_query(estimator, service, model))
    items.extend(activity_items(estimator.data))
    return sorted(items, key=lambda item: item.central)


__all__ = [
    "DEFAULT_ACTIVITIES",
    "MODEL_CHOICES",
    "OPERATOR_MODELS",
    "Item",
    "activity_items",
    "comparison",
    "models_for",
    "reference_items",
    "service_items",
    "typical_query",
    "usual_model",
]

# Models a person can pick in the compare view (each resolves in the model data); None is the service's usual model.
MODEL_CHOICES = (
    "gpt-5.5",
    "gpt-5",
    "gpt-5-mini",
    "gpt-4o",
    "o3",
    "claude-sonnet-4-6",
    "claude-sonnet-4-5",
    "claude-haiku-4-5",
    "gemini-2.5-pro",
    "gemini-3-flash",
    "gemini-2.5-flash",
    "deepseek-v3",
    "deepseek-r1",
    "mistral-medium-latest",
    "grok-4",
    "llama-4-maverick",
    "qwen3-235b-a22b",
    "kimi-k2",
    "sonar",
    "gpt-oss-120b",
)

# The models of MODEL_CHOICES each operator's own chatbot lets a person pick (the demo history draws from the same).
OPERATOR_MODELS: dict[str, tuple[str, ...]] = {
    "openai": ("gpt-5.5", "gpt-5", "gpt-5-mini", "gpt-4o", "o3"),
    "microsoft": ("gpt-5", "gpt-4o"),
    "anthropic": ("claude-sonnet-4-6", "claude-sonnet-4-5", "claude-haiku-4-5"),
    "google": ("gemini-3-flash", "gemini-2.5-pro", "gemini-2.5-flash"),
    "deepseek": ("deepseek-v3", "deepseek-r1"),
    "mistral": ("mistral-medium-latest",),
    "xai": ("grok-4",),
    "meta": ("llama-4-maverick",),
    "alibaba": ("qwen3-235b-a22b",),
    "moonshot": ("kimi-k2",),
    "perplexity": ("sonar",),
}


def models_for(service: str | None, data: ModelData) -> tuple[str, ...]:
    """The models a person can pick for a service: those its chatbot offers (none for a search engine)."""
    entry = data.services.get(service or "")
    if entry is None:
        return MODEL_CHOICES
    if entry.kind != "chat":
        return ()
    return OPERATOR_MODELS.get(entry.operator, ())


def usual_model(service: str | None, data: ModelData) -> str | None:
    """The model id "its usual model" stands for: the chatbot's model, or the AI answers' model of a search engine."""
    entry = data.services.get(service or "")
    if entry is None:
        return None
    return entry.model if entry.kind == "chat" else entry.ai_model
