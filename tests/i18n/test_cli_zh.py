"""The command line follows LANG / LANGUAGE: Chinese labels and errors under zh_CN, English otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from wattprint.core.cli import main

ENV_NAMES = ("WATTPRINT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def lang(monkeypatch: pytest.MonkeyPatch):
    def set_lang(value: str) -> None:
        for name in ENV_NAMES:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", value)

    return set_lang


def test_estimate_in_chinese(lang, capsys: pytest.CaptureFixture[str]) -> None:
    lang("zh_CN.UTF-8")
    assert main(["estimate", "--service", "chatgpt", "--reasoning"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("能耗")
    for word in ("碳排放", "用水", "词元", "能耗大约相当于", "注意：", "来源："):
        assert word in out
    assert "Energy" not in out
    assert "Note:" not in out


def test_estimate_in_english(lang, capsys: pytest.CaptureFixture[str]) -> None:
    lang("en_US.UTF-8")
    assert main(["estimate", "--service", "chatgpt"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Energy  ")
    assert "About the same energy as:" in out
    assert not any("\u4e00" <= c <= "\u9fff" for c in out)


def test_language_variable_wins_over_lang(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "zh_CN:en")
    assert main(["estimate", "--service", "google"]) == 0
    assert capsys.readouterr().out.startswith("能耗")


def test_unknown_service_error_in_chinese(lang, capsys: pytest.CaptureFixture[str]) -> None:
    lang("zh_CN.UTF-8")
    assert main(["estimate", "--service", "chatgtp"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wattprint：错误：未知服务“chatgtp”")
    assert "chatgpt" in err


def test_argparse_error_in_chinese(lang, capsys: pytest.CaptureFixture[str]) -> None:
    lang("zh_CN.UTF-8")
    with pytest.raises(SystemExit) as exit_:
        main(["estimate", "--kind", "nonsense"])
    assert exit_.value.code == 2
    assert "错误：参数 --kind：无效的选项" in capsys.readouterr().err


def test_summary_in_chinese(lang, capsys: pytest.CaptureFixture[str]) -> None:
    lang("zh_CN.UTF-8")
    assert main(["summary", "--week"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("周 ")
    assert "次查询" in out
    assert "能耗" in out


def test_console_script_in_both_languages() -> None:
    """The installed command, as a user runs it: Chinese under zh_CN, English under en_US; errors exit 2."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_NAMES}
    code = "import sys; from wattprint.core.cli import main; sys.exit(main(sys.argv[1:]))"

    def run(lang: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args], env={**env, "LANG": lang}, capture_output=True, text=True, timeout=60
        )

    zh = run("zh_CN.UTF-8", "estimate", "--service", "chatgpt")
    assert zh.returncode == 0
    assert zh.stdout.startswith("能耗")
    en = run("en_US.UTF-8", "estimate", "--service", "chatgpt")
    assert en.returncode == 0
    assert en.stdout.startswith("Energy")
    bad = run("zh_CN.UTF-8", "estimate", "--service", "nope")
    assert bad.returncode == 2
    assert "未知服务" in bad.stderr
