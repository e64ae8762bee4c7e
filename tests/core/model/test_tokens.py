"""Token estimates from character counts, checked against a real modern tokenizer (o200k_base)."""

from __future__ import annotations

import warnings

import pytest

from wattprint.core.model.modeldata import load
from wattprint.core.model.tokens import count_scripts, script_of, tokens_from_counts

# Ordinary chat text per script: questions and answers as people type them, with punctuation and numbers.
SAMPLES = {
    "latin": (
        "Hi! Can you help me plan a 3-day trip to Lisbon in May? I'd like to see the old town, eat pastéis de nata, "
        "and maybe take a day trip to Sintra. What's the best way to get from the airport to the city centre, and "
        "how much should I budget per day for food and transport? Thanks a lot, this is my first time in Portugal."
    ),
    "cjk": (
        "你好！我下个月要去上海出差三天，能帮我安排一下行程吗？我想在工作之余去外滩和豫园看看，还想尝尝当地的小笼包。"
        "另外，从浦东机场到市中心最方便的交通方式是什么？每天的餐饮和交通预算大概需要多少钱？谢谢你的帮助。"
    ),
    "kana": (
        "こんにちは。来月、京都へ旅行に行く予定です。おすすめの観光スポットを教えてください。"
        "できれば、あまり混んでいないところがいいです。それから、おいしいラーメンのお店も知りたいです。"
        "ありがとうございます。よろしくおねがいします。"
    ),
    "hangul": (
        "안녕하세요! 다음 달에 부산으로 여행을 가려고 하는데요, 2박 3일 일정으로 어디를 가면 좋을까요? "
        "해운대랑 감천문화마을은 꼭 가보고 싶고, 맛있는 돼지국밥 집도 추천해 주세요. 교통비랑 식비는 하루에 얼마 정도 "
        "예상하면 될까요? 미리 감사드립니다."
    ),
    "cyrillic": (
        "Привет! Помоги, пожалуйста, составить план поездки в Санкт-Петербург на выходные. Хочу посетить Эрмитаж, "
        "погулять по Невскому проспекту и посмотреть развод мостов. Сколько примерно стоит обед в кафе в центре "
        "города и как лучше добраться из аэропорта? Спасибо!"
    ),
    "arabic": (
        "مرحبا! أريد أن أسافر إلى القاهرة الشهر القادم لمدة ثلاثة أيام. هل يمكنك مساعدتي في وضع خطة للرحلة؟ أريد زيارة "
        "الأهرامات والمتحف المصري وخان الخليلي. ما هي أفضل طريقة للوصول من المطار إلى وسط المدينة، وكم أحتاج من المال "
        "يوميا للطعام والمواصلات؟ شكرا جزيلا."
    ),
    "devanagari": (
        "नमस्ते! मैं अगले महीने तीन दिन के लिए जयपुर घूमने जाना चाहता हूँ। क्या आप मेरी यात्रा की योजना बनाने में मदद "
        "कर सकते हैं? मैं आमेर किला, हवा महल और सिटी पैलेस देखना चाहता हूँ। हवाई अड्डे से शहर तक जाने का सबसे अच्छा "
        "तरीका क्या है? धन्यवाद!"
    ),
}


@pytest.fixture(scope="module")
def o200k():
    # WORKAROUND: bpe-openai 0.1.4 loads its data with importlib.resources' deprecated open_binary.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from bpe_openai import get_encoding

        return get_encoding("o200k_base")


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_estimate_within_25_percent_of_o200k(o200k, script: str) -> None:
    text = SAMPLES[script]
    counts = count_scripts(text)
    assert getattr(counts, script) > counts.total() * 0.5, "the sample is mostly its own script"
    estimated = tokens_from_counts(counts, load().tokens)
    actual = len(o200k.encode(text))
    assert abs(estimated - actual) / actual <= 0.25, f"{script}: estimated {estimated}, tokenizer {actual}"


@pytest.mark.parametrize(
    ("char", "script"),
    [("a", "latin"), ("é", "latin"), (" ", "latin"), ("中", "cjk"), ("、", "cjk"), ("あ", "kana"), ("カ", "kana"),
     ("한", "hangul"), ("Ж", "cyrillic"), ("ع", "arabic"), ("क", "devanagari"), ("😀", "other"), ("ß", "latin"),
     ("𠀋", "cjk"), ("Ω", "other")],
)
def test_script_of(char: str, script: str) -> None:
    assert script_of(char) == script


def test_empty_text_has_no_tokens() -> None:
    assert tokens_from_counts(count_scripts(""), load().tokens) == 0


def test_counts_keep_no_text() -> None:
    counts = count_scripts("secret prompt")
    assert "secret" not in counts.model_dump_json()
