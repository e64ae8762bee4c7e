"""The desktop's Qt translations: every string of desktop/ is in wattprint_zh_CN.ts, translated, and compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "desktop" / "translations"
TS = TRANSLATIONS / "wattprint_zh_CN.ts"
QM = TRANSLATIONS / "wattprint_zh_CN.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = translation
    return found


def _text(translation: ET.Element) -> str:
    """A translation's text (its plural forms joined, for %n messages)."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return " | ".join(forms) if forms else translation.text or ""


def _tool(name: str) -> str:
    tool = BIN / name
    if tool.exists():
        return str(tool)
    found = shutil.which(name)
    assert found is not None, f"{name} is missing: it comes with PySide6 ('make test' installs it into .venv)"
    return found


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 150
    unfinished = [key for key, tr in messages.items() if tr.get("type") == "unfinished" or not _text(tr).strip()]
    assert not unfinished, f"untranslated in {TS.name}: {unfinished}"


def test_placeholders_survive_translation() -> None:
    for (context, source), translation in _messages(TS).items():
        wanted = set(PLACEHOLDER.findall(source))
        got = set(PLACEHOLDER.findall(_text(translation)))
        assert wanted == got, f"{context}: {source!r} -> {_text(translation)!r}"
        assert ("%n" in source) == ("%n" in _text(translation)), source


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    """lupdate run on today's sources finds exactly the messages of the .ts: none is missing or left over."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-target-language", "zh_CN", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    now, shipped = set(_messages(fresh)), set(_messages(TS))
    assert not now - shipped, f"not in {TS.name} (run pyside6-lupdate and translate): {sorted(now - shipped)}"
    assert not shipped - now, f"no longer in the sources (run pyside6-lupdate -no-obsolete): {sorted(shipped - now)}"


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert QM.read_bytes() == compiled.read_bytes(), "run: pyside6-lrelease desktop/translations/wattprint_zh_CN.ts"


def test_no_translate_wrappers_hide_strings() -> None:
    """lupdate only sees tr(), translate() and QT_TRANSLATE_NOOP() with literals: no helper may wrap a literal."""
    pattern = re.compile(r"\b_tr\(\s*[\"']")
    offenders = [str(p) for p in (ROOT / "desktop").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders
