"""The classroom handout: text and vector bars in the PDF, no controls, a light printable theme; in Chinese, Chinese."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

from tests.desktop.conftest import ARTIFACTS
from wattprint.core.cli import main
from wattprint.core.insight import classroom
from wattprint.core.words import i18n as core_i18n
from wattprint.desktop import i18n
from wattprint.desktop.presenter.scale import ScaleScene
from wattprint.desktop.presenter.window import PresenterWindow
from wattprint.desktop.session import Session


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: make test installs it (poppler-utils)"
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdf_images(path: Path) -> list[str]:
    tool = shutil.which("pdfimages")
    assert tool
    listed = subprocess.run([tool, "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return listed.splitlines()[2:]


@pytest.mark.usefixtures("seeded", "qapp")
def test_handout_pdf_is_text_with_a_dated_title(tmp_path: Path) -> None:
    out = tmp_path / "handout"
    assert main(["present", "--export", str(out), "--theme", "light"]) == 0
    pdf = out / "wattprint-classroom.pdf"
    text = _pdf_text(pdf)
    assert f"Wattprint in class: {date.today().isoformat()}" in text
    for words in ("Which uses more?", "Scale it up", "30 people, 10 chatbot queries a day each", "kWh", "Our class"):
        assert words in text, words
    assert "Import folder" not in text  # paper has no button nor key to press
    assert "press I" not in text
    assert "↑" not in text  # nor arrow keys: "↑ ↓ change the number of people." is taken out of its sentence
    assert "central estimate)." in text
    plain = unicodedata.normalize("NFKC", " ".join(text.split()))  # the PDF's text may join "fi" into one ligature
    assert "The teacher adds the files in the presenter's Our class scene." in plain
    assert _pdf_images(pdf) == []  # bars are vectors, nothing is a picture


@pytest.mark.usefixtures("seeded")
def test_handout_hides_the_controls_and_shows_them_again(qtbot) -> None:
    session = Session(None, listen=False)
    window = PresenterWindow(session, owns_session=True)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    scale = next(s for s in window.scenes if isinstance(s, ScaleScene))
    window.go(window.scenes.index(scale))
    controls = list(scale.findChildren(QAbstractSpinBox))
    assert controls
    assert all(w.isVisible() for w in controls)
    scale.prepare_export()
    assert not any(w.isVisible() for w in controls)
    captions = [w for w in scale.findChildren(type(scale.who)) if w.property("handout") is False]
    assert captions
    assert not any(w.isVisible() for w in captions)
    window.set_printable(True)
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "handout-scale-light.png"))
    assert window.grab().toImage().pixelColor(5, 5).lightness() > 240  # white paper
    scale.end_export()
    assert all(w.isVisible() for w in controls)
    for scene in window.scenes:
        window.go(window.scenes.index(scene))
        scene.prepare_export()
        shown = [w for kind in (QAbstractSpinBox, QAbstractButton) for w in scene.findChildren(kind) if w.isVisible()]
        assert not shown, scene
        scene.end_export()


def test_chinese_counts_use_wan_and_yi() -> None:
    core_i18n.use("zh_CN")
    try:
        assert classroom.count_text(1e9) == "10亿"
        assert classroom.count_text(953e6) == "9.5亿"
        assert classroom.count_text(5e9) == "50亿"
        assert classroom.count_text(30_000) == "3万"
        assert classroom.count_text(3000) == "3,000"
    finally:
        core_i18n.use(None)
    core_i18n.use("en")
    try:
        assert classroom.count_text(1e9) == "1 billion"
        assert classroom.count_text(953e6) == "950 million"  # two figures, as 9.5亿 has
    finally:
        core_i18n.use(None)


@pytest.mark.usefixtures("seeded", "qapp")
def test_chinese_handout_is_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("WATTPRINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "handout"
    try:
        assert main(["present", "--export", str(out), "--theme", "light"]) == 0
    finally:
        i18n.reset()
    text = _pdf_text(out / "wattprint-classroom.pdf")
    assert "亿" in text
    assert "↑" not in text  # no key hints on paper
    for english in ("billion", "million", " queries", "Scale it up", "Which uses more", "Our class", "(estimate)"):
        assert english not in text, english
