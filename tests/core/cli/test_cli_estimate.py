"""`wattprint estimate` and `wattprint sources`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wattprint.core.cli import main
from wattprint.core.model.modeldata import load


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["estimate", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "--service", "chatgpt")
    assert set(out) >= {"energy_wh", "co2e_g", "water_ml", "tokens", "equivalents", "sources", "model_version"}
    for key in ("energy_wh", "co2e_g", "water_ml"):
        assert set(out[key]) == {"low", "central", "high"}  # type: ignore[arg-type]
    assert set(out["tokens"]) >= {"prompt", "response", "context"}  # type: ignore[arg-type]
    assert out["model_version"] == load().version


def test_readable_answer_has_range_and_equivalents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["estimate", "--service", "gemini", "--model", "gemini-2.5-flash"]) == 0
    text = capsys.readouterr().out
    # Google's median Gemini prompt (0.24 Wh), on the model it measured; a range four times wide earns one figure
    assert "Energy  0.2 Wh   (range 0.1 to 0.5)" in text
    assert "range" in text
    assert "About the same energy as:" in text


@pytest.mark.parametrize(
    "argv",
    [
        ["--service", "claude", "--prompt-chars", "400", "--response-chars", "2000"],
        ["--service", "chatgpt", "--prompt-tokens", "100", "--response-tokens", "500", "--context-chars", "5000"],
        ["--model", "gpt-4o"],
        ["--params", "70"],
        ["--params", "400", "--active-params", "17"],
        ["--service", "google"],
        ["--service", "bing", "--kind", "chat"],
        ["--service", "chatgpt", "--reasoning"],
        ["--service", "chatgpt", "--images", "2"],
        ["--service", "chatgpt", "--kind", "image", "--images", "1"],
        ["--service", "lechat", "--region", "FR"],
        ["--service", "deepseek", "--region", "DEU"],
    ],
)
def test_every_case_answers(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    out = run_json(capsys, *argv)
    energy = out["energy_wh"]
    assert 0 < energy["low"] <= energy["central"] <= energy["high"]  # type: ignore[index]


def test_search_is_far_below_a_chat_answer(capsys: pytest.CaptureFixture[str]) -> None:
    search = run_json(capsys, "--service", "google")
    chat = run_json(capsys, "--service", "chatgpt")
    assert search["energy_wh"]["central"] < chat["energy_wh"]["central"]  # type: ignore[index]
    assert search["tokens"]["prompt"] == 0  # type: ignore[index]


def test_response_file_is_counted_not_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("SECRET-ANSWER " * 200 + "中文回答" * 50, encoding="utf-8")
    out = run_json(capsys, "--service", "chatgpt", "--response-file", str(answer))
    assert out["tokens"]["response"] > 700  # type: ignore[index]
    assert "SECRET" not in json.dumps(out)


def test_params_make_a_bigger_model_cost_more(capsys: pytest.CaptureFixture[str]) -> None:
    small = run_json(capsys, "--params", "8")
    large = run_json(capsys, "--params", "405")
    assert large["energy_wh"]["central"] > 10 * small["energy_wh"]["central"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--service", "chatgtp"], "did you mean: chatgpt"),
        (["--model", "gpt-4oo"], "did you mean: gpt-4o"),
        (["--service", "claude", "--model", "claude-sonet-4-5"], "did you mean"),
        ([], "give --service, --model or --params"),
        (["--active-params", "5"], "--active-params needs --params"),
        (["--params", "10", "--active-params", "20"], "cannot exceed"),
        (["--service", "chatgpt", "--region", "Mars"], "unknown region"),
        (["--service", "chatgpt", "--response-file", "/no/such/file"], "cannot read"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["estimate", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--service", "chatgpt", "--prompt-tokens", "-5"],
        ["--service", "chatgpt", "--prompt-tokens", "lots"],
        ["--service", "chatgpt", "--prompt-tokens", "99999999999"],
        ["--params", "nan"],
        ["--params", "-1"],
        ["--service", "chatgpt", "--kind", "poem"],
        ["--service", "chatgpt", "--prompt-tokens", "5", "--prompt-chars", "5"],
    ],
)
def test_argument_misuse_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["estimate", *argv])
    assert exited.value.code == 2


def test_binary_response_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\xff\xfe\x00\x81" * 10)
    assert main(["estimate", "--service", "chatgpt", "--response-file", str(blob)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_sources_lists_every_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources"]) == 0
    text = capsys.readouterr().out
    for key, source in load().sources.items():
        assert f"[{key}]" in text
        assert source.url in text


def test_sources_give_training_runs_with_ranges_emissions_and_scope(capsys: pytest.CaptureFixture[str]) -> None:
    """`training gpt4 = 54648.75 MWh` was a midpoint with no range, no emissions and no scope."""
    assert main(["sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    gpt4 = load().training["gpt4"]
    expected = {
        "training gpt4 (GPT-4 (estimate)): energy = "
        f"{gpt4.energy_mwh_low:.10g}-{gpt4.energy_mwh_high:.10g} (central {gpt4.energy_mwh:.10g}) MWh",
        f"training gpt4: energy as the source gives it = {gpt4.energy_mwh_low:.10g}-{gpt4.article_energy_mwh_high:.10g}"
        " MWh",
        f"training gpt4: emissions = {gpt4.co2e_t_low:.10g}-{gpt4.co2e_t_high:.10g} (central {gpt4.co2e_t:.10g}) tCO2e",
        f"training gpt4: emissions as the source gives them = {gpt4.co2e_t_low:.10g}-{gpt4.article_co2e_t_high:.10g}"
        " tCO2e",
        "training bloom: emissions = 50.5 tCO2e",
        "training bloom: emissions of dynamic power only = 24.7 tCO2e",
        "training gpt3: emissions = 502 tCO2e",
    }
    found = {line.split("  [")[0] for line in lines}
    assert expected <= found, expected - found
    assert "51772.5-62318.75" in "\n".join(lines)  # the article's 51,772,500-62,318,750 kWh, to the last digit
    assert "training gpt3: emissions, another published figure = 552 tCO2e  [patterson-2021]" in lines
    assert any(line.startswith("training bloom: scope: ") and "dynamic" in line for line in lines)


def test_sources_json_covers_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    cited = {row["source"] for row in out["numbers"]}
    assert all(part.strip() in out["sources"] for entry in cited for part in entry.split(","))


def test_console_script_runs_without_traceback() -> None:
    """The installed `wattprint` script, as a user types it."""
    wattprint = Path(sys.executable).parent / "wattprint"
    done = subprocess.run([str(wattprint), "estimate", "--service", "nope"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert "unknown service 'nope'" in done.stderr
    assert "Traceback" not in done.stderr
    version = subprocess.run([str(wattprint), "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0
    assert version.stdout.startswith("wattprint ")
