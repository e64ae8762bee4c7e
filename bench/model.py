"""The model's own speed: one estimate, and a whole history re-estimated, beside EcoLogits' per-call cost."""

from __future__ import annotations

import random
import time
import uuid
import warnings
from datetime import UTC, datetime

from wattprint.core.model.estimator import Estimator
from wattprint.core.model.modeldata import load
from wattprint.core.schemas import Interaction


def _per_call(fn, rounds: int) -> float:
    for _ in range(min(rounds, 2000)):
        fn()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rounds):
            fn()
        best = min(best, (time.perf_counter() - start) / rounds)
    return best


def ecologits_per_call(rounds: int = 300) -> tuple[float, int]:
    """Seconds per call of EcoLogits' `llm_impacts` (best of 5 rounds after a warm-up), and the calls per round."""
    from ecologits.tracers.utils import llm_impacts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _per_call(lambda: llm_impacts("openai", "gpt-4o", 500, 1e9), rounds), rounds


def run() -> list[dict[str, object]]:
    """Returns benchmark rows."""
    estimator = Estimator(load())
    interaction = Interaction(
        id=uuid.uuid4(), ts=datetime.now(UTC), kind="chat", service="chatgpt", model="gpt-4o",
        prompt={"latin": 400}, response={"latin": 2000},
    )
    ours = _per_call(lambda: estimator.estimate(interaction), 20_000)
    theirs, _ = ecologits_per_call()
    rows: list[dict[str, object]] = [
        {"name": "one estimate (full Estimate, after warm-up)", "value": ours * 1e6, "unit": "us",
         "peer": "EcoLogits llm_impacts, one call", "peer_value": theirs * 1e6, "target": 20.0},
    ]
    rng = random.Random(7)
    services = [s for s, v in estimator.data.services.items() if v.kind == "chat"]
    batch = [
        Interaction(id=uuid.uuid4(), ts=datetime.now(UTC), kind="chat", service=rng.choice(services),
                    prompt_tokens=rng.randint(5, 400), response_tokens=rng.randint(50, 1500))
        for _ in range(100_000)
    ]
    start = time.perf_counter()
    for item in batch:
        estimator.figures(item)
    per = (time.perf_counter() - start) / len(batch)
    rows.append({"name": "figures for 1,000,000 varied interactions (extrapolated from 100,000)",
                 "value": per * 1e6, "unit": "s", "peer": "EcoLogits llm_impacts x 1,000,000 (extrapolated)",
                 "peer_value": theirs * 1e6, "target": 10.0})
    return rows
