"""Figures for people: significant figures that follow the range, time in the unit a person picks, model names."""

from __future__ import annotations

import pytest

from wattprint.core.cli import main
from wattprint.core.model import equivalents
from wattprint.core.model.modeldata import load
from wattprint.core.model.modelnames import friendly
from wattprint.core.words import units


@pytest.mark.parametrize(
    ("value", "figures", "text"),
    [(13053, 2, "13,000"), (0.1349, 2, "0.13"), (3.04, 2, "3"), (1.0, 2, "1"), (14, 1, "10"), (0, 2, "0"),
     (2.56, 2, "2.6"), (0.00034, 2, "0.00034")],
)
def test_plain_has_no_false_precision(value: float, figures: int, text: str) -> None:
    assert units.plain(value, figures) == text


def test_figures_follow_the_range() -> None:
    assert units.in_range(3.2, 1.1, 9.8) == ("3", "1", "10")  # 9x wide: one figure
    assert units.in_range(3.2, 2.5, 4.0) == ("3.2", "2.5", "4")  # narrow: two


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(20, "20 seconds"), (80, "80 seconds"), (90, "1.5 minutes"), (3000, "50 minutes"), (7200, "2 hours"),
     (3 * 86400, "3 days"), (1, "1 second")],
)
def test_duration_picks_the_unit(seconds: float, text: str) -> None:
    assert units.duration(seconds, "en") == text


def test_duration_in_chinese() -> None:
    assert units.duration(7200, "zh_CN") == "2 小时"


def test_equivalents_read_naturally() -> None:
    data = load()
    led = equivalents.amount_of("led_bulb", 0.0556, data)  # a third of a minute
    assert led.text == "20 seconds of an LED bulb"
    assert led.unit == "second"
    assert equivalents.amount_of("led_bulb", 30, data).text == "3 hours of an LED bulb"
    far = equivalents.choose(12_400_000, data, limit=1)[0]
    assert "13,000 km" in far.text  # not 13,053
    zh = equivalents._make("led_bulb", 1 / 3, data, "zh_CN")
    assert zh.text == "LED 灯泡亮 20 秒"


@pytest.mark.parametrize(
    ("model", "name"),
    [("gpt-5", "GPT-5"), ("gpt-5-mini", "GPT-5 mini"), ("claude-sonnet-4-5", "Claude Sonnet 4.5"),
     ("anthropic/claude-sonnet-4-5", "Claude Sonnet 4.5"), ("gemini-2.5-flash", "Gemini 2.5 Flash"), ("o3", "o3"),
     ("deepseek-r1", "DeepSeek R1"), (None, ""),
     # compact names pages send (Perplexity's model_preference) are written out, as the catalogue reads them
     ("claude45sonnetthinking", "Claude Sonnet 4.5 Thinking"), ("kimik26thinking", "Kimi K2.6 Thinking"),
     ("o4mini", "o4-mini"), ("pplx_pro", "Perplexity Pro"), ("nv_nemotron_3_super", "NVIDIA Nemotron 3 Super")],
)
def test_friendly_model_names(model: str | None, name: str) -> None:
    assert friendly(model) == name


def test_estimate_says_what_options_did(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["estimate", "--service", "google", "--reasoning"]) == 0
    assert "--reasoning was ignored" in capsys.readouterr().out
    assert main(["estimate", "--service", "chatgpt", "--params", "70"]) == 0
    out = capsys.readouterr().out
    assert "(70B) replaces ChatGPT's usual model (GPT-5.5)" in out
    assert main(["estimate", "--service", "chatgpt", "--context-chars", "4000"]) == 0
    assert "of earlier turns" in capsys.readouterr().out


def test_unknown_region_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["estimate", "--service", "chatgpt", "--region", "zz"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "CN, DE, EU, FR, GB, US, WORLD" in err


def test_the_popup_writes_a_range_as_the_app_does() -> None:
    """extension/lib/figures.js follows the same rule as units.in_range: one estimate reads alike in both."""
    import json
    import subprocess
    from pathlib import Path

    cases = [(0.34, 0.17, 0.7), (0.34, 0.25, 0.45), (0.0042, 0.003, 0.006), (13053.0, 9000.0, 20000.0),
             (2.0, 1.5, 2.5), (0.12, 0.05, 0.3), (1.27, 0.61, 3.8), (0.5, 0.0, 1.0), (260.0, 120.0, 410.0)]
    lib = Path(__file__).resolve().parents[3] / "extension" / "lib" / "figures.js"
    script = (f"import({json.dumps(lib.as_uri())}).then((m) => console.log(JSON.stringify("
              f"{json.dumps(cases)}.map((c) => m.inRange(...c)))))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [list(units.in_range(*c)) for c in cases]
