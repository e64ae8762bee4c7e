"""Every model name a capture fixture expects the extension to report resolves in the core catalogue.

The fixtures imitate what the real sites send (each folder's EVIDENCE.md says where that was seen), so a name there
that the catalogue does not know would reach users as a 'model-unresolved' estimate with a wider range.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from wattprint.core.model import llm
from wattprint.core.model.modeldata import load

FIXTURES = Path(__file__).resolve().parents[3] / "extension" / "tests" / "fixtures"


def _models(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "model" and isinstance(inner, str):
                yield inner
            else:
                yield from _models(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _models(inner)


def _fixture_models() -> list[tuple[str, str]]:
    found = set()
    for path in sorted(FIXTURES.rglob("expected.json")):
        for name in _models(json.loads(path.read_text(encoding="utf-8"))):
            found.add((path.parent.relative_to(FIXTURES).as_posix(), name))
    return sorted(found)


def test_the_fixtures_report_models() -> None:
    assert len({name for _, name in _fixture_models()}) >= 20


@pytest.mark.parametrize(("fixture", "name"), _fixture_models())
def test_a_model_a_site_sends_resolves(fixture: str, name: str) -> None:
    assert llm.resolve(name, load()) is not None, f"{fixture}: '{name}' is not in core/data/aliases.toml"


@pytest.mark.parametrize(
    ("name", "reasoning"),
    [("5bf011840784117a", True), ("fbb127bbb056c959", False), ("claude46sonnetthinking", True), ("k2.5", False),
     ("gpt-5-6-thinking", True), ("pplx_alpha", True)],
)  # fmt: skip
def test_a_thinking_name_reasons(name: str, reasoning: bool) -> None:
    spec = llm.resolve(name, load())
    assert spec is not None
    assert spec.reasoning is reasoning
