"""The model data: complete, sourced, and refused when malformed."""

from __future__ import annotations

import ast
import tomllib
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pydantic import ValidationError

from wattprint.core.model import llm
from wattprint.core.model.modeldata import DATA_FILES, ModelData, load

DATA = load()
REQUIRED_CHATBOTS = {"chatgpt", "claude", "gemini", "copilot", "perplexity", "deepseek", "lechat", "grok", "metaai",
                     "qwen", "huggingchat"}
REQUIRED_ENGINES = {"google", "bing", "duckduckgo", "yahoo", "ecosia", "brave", "startpage", "qwant", "baidu",
                    "yandex", "kagi"}


def test_catalogue_has_the_required_services() -> None:
    chat = {k for k, s in DATA.services.items() if s.kind == "chat"}
    search = {k for k, s in DATA.services.items() if s.kind == "search"}
    assert chat >= REQUIRED_CHATBOTS
    assert len(chat) >= 12
    assert search >= REQUIRED_ENGINES


@pytest.mark.parametrize("service", sorted(DATA.services))
def test_every_service_model_resolves(service: str) -> None:
    entry = DATA.services[service]
    model = entry.model if entry.kind == "chat" else entry.ai_model
    if model is not None:
        assert llm.resolve(model, DATA) is not None, model
    assert entry.zone in DATA.grid or entry.zone in {"WOR"}, entry.zone


def test_every_table_with_numbers_names_its_source() -> None:
    """Each TOML table that holds a number also holds `source` or `sources` (directly or in its parent)."""
    def check(table: dict[str, object], path: str, inherited: bool) -> None:
        has = inherited or "source" in table or "sources" in table
        for key, value in table.items():
            if isinstance(value, dict):
                check(value, f"{path}.{key}", has)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                assert has, f"{path}.{key} has no source"

    for name in DATA_FILES:
        if name.endswith(".toml") and name != "sources.toml":
            raw = resources.files("wattprint.core.data").joinpath(name).read_text()
            check(tomllib.loads(raw), name, False)


def test_every_source_has_year_and_link() -> None:
    for key, source in DATA.sources.items():
        assert 2000 <= source.year <= 2027, key
        assert source.url.startswith("https://"), key
        # A document, not a homepage: the link has a path.
        assert urlsplit(source.url).path.strip("/"), key


def test_unknown_source_is_refused() -> None:
    raw = DATA.model_dump()
    raw["services"]["chatgpt"]["source"] = "no-such-source"
    with pytest.raises(ValidationError, match="no-such-source"):
        ModelData.model_validate(raw)


def test_unordered_bounds_are_refused() -> None:
    raw = DATA.model_dump()
    raw["services"]["chatgpt"]["pue"] = {"low": 1.5, "high": 1.1}
    with pytest.raises(ValidationError):
        ModelData.model_validate(raw)


def test_version_changes_with_the_data() -> None:
    raw = DATA.model_dump()
    assert raw["version"].startswith("2026.")
    assert len(raw["version"].split("+")[1]) == 8


def test_core_never_imports_qt() -> None:
    """The boundary, checked on the source: no module in core/ imports PySide6 or shiboken6."""
    core = Path(__file__).resolve().parents[3] / "core"
    for path in core.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names), path


def test_every_chat_service_s_default_is_reviewed_in_the_methodology() -> None:
    """docs/methodology.md section 6 has a row for every chatbot, and a cited default names a dated source."""
    doc = (Path(__file__).resolve().parents[3] / "docs" / "methodology.md").read_text(encoding="utf-8")
    section = doc[doc.index("## 6. Current defaults") : doc.index("## 7.")]
    rows = {line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")}
    for service in DATA.services.values():
        if service.kind != "chat":
            continue
        assert service.name in rows, service.name
        if service.default_source is not None:
            assert f"[{service.default_source}]" in section, service.name
            assert DATA.sources[service.default_source].year >= 2025, service.default_source
