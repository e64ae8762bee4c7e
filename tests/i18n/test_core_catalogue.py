"""The core's catalogue: every `_("...")` and `N_("...")` literal of core/ has a Chinese translation."""

from __future__ import annotations

import json
import re

from tests.i18n.scan import CORE, core_messages

CATALOGUE = CORE / "words" / "locale" / "zh_CN.json"
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def test_every_core_message_is_translated() -> None:
    table = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    messages = core_messages()
    assert len(messages) > 100
    missing = {text: where for text, where in messages.items() if not str(table.get(text, "")).strip()}
    assert not missing, f"add these to core/words/locale/zh_CN.json: {missing}"


def test_placeholders_survive_translation() -> None:
    table = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for english, chinese in table.items():
        wanted, got = sorted(PLACEHOLDER.findall(english)), sorted(PLACEHOLDER.findall(chinese))
        assert wanted == got, f"{english!r} -> {chinese!r}"
        assert set(re.findall(r"\{[^}]*\}", english)) == set(re.findall(r"\{[^}]*\}", chinese)), english


def test_catalogue_has_no_stale_entries() -> None:
    table = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    stale = set(table) - set(core_messages())
    assert not stale, f"no longer used: {sorted(stale)}"


def test_equivalents_have_chinese_forms() -> None:
    from wattprint.core.model.modeldata import load

    for key, item in load().equivalents.items():
        for english, chinese in ((item.one, item.one_zh), (item.many, item.many_zh)):
            assert "{n}" in chinese, key
            assert ("{n}" in english) == ("{n}" in chinese), key
        assert item.label_zh.strip(), key


def test_every_estimator_warning_is_known() -> None:
    """Each warning the estimator writes is one of display.WARNINGS (so it can be translated when shown)."""
    import ast

    from wattprint.core.words.display import WARNINGS

    source = (CORE / "model" / "estimator.py").read_text(encoding="utf-8")
    patterns = [re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(w))) for w in WARNINGS]
    written = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append":
            target = node.func.value
            if "warnings" in ast.unparse(target) and node.args:
                written.append(node.args[0])
        is_list = isinstance(node, ast.Assign) and isinstance(node.value, ast.List)
        if is_list and any("warnings" in ast.unparse(t) for t in node.targets):  # type: ignore[union-attr]
            written.extend(node.value.elts)  # type: ignore[union-attr]
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            for elt in node.value.elts:
                if isinstance(elt, ast.List):
                    written.extend(elt.elts)
    samples = []
    for arg in written:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            samples.append(arg.value)
        elif isinstance(arg, ast.JoinedStr):
            samples.append("".join(v.value if isinstance(v, ast.Constant) else "X" for v in arg.values))
    assert len(samples) >= 7
    for sample in samples:
        assert any(p.fullmatch(sample) for p in patterns), f"add to display.WARNINGS: {sample!r}"
