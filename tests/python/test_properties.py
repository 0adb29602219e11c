"""Invariants on arbitrary text (hypothesis): extraction is total, spans are exact ``str``
slices, records are sorted and disjoint (titles aside), batches agree with single calls."""

from __future__ import annotations

import math

import xinzhi_extract as xe
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Pieces that start, continue or break candidates, plus the noise of scraped pages: what a
# generator of arbitrary text would take long to find by chance.
PIECES = [
    *"0123456789０１２.,%％‰/-—～ 　\n",
    *"一二两兩三四五六七八九十百千万萬亿億兆零〇○壹贰拾佰点點负第几数余多约約近超逾",
    "分之", "左右", "以上", "不到", "万元", "亿元", "美元", "港元", "个", "個", "家", "项", "年",
    "月", "日", "至", "到", "今年", "去年", "增长", "下降", "平方米", "个百分点", "大", "《", "》",
    "〈", "〉", "“", "”", "规划", "方案", "（", "）", "(", ")", "wàn", "zhì", "(gè)", "（yì）",
    "2023年", "2026-02-10", "《甘肃省规划（2023—2026年）》", "5G", "一方面", "一是",
    "𠀋", "🚀", "👩\u200d👧", "🇨🇳", "\ue000", "\U000f0001", "é", "?", "\x00",
]  # fmt: skip

genre_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60).map("".join)
any_text = genre_text | st.text(max_size=200)


def check(text: str, records: list[xe.Record]) -> None:
    previous_start = 0
    covered_until = 0
    for record in records:
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start : record.end] == record.text
        assert record.start >= previous_start
        previous_start = record.start
        if record.kind != "title":
            assert record.start >= covered_until
            covered_until = record.end
        for field in ("value", "low", "high"):
            value = getattr(record, field, None)
            assert value is None or math.isfinite(value)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extraction_is_total_and_spans_are_exact(text: str) -> None:
    records = xe.extract(text)
    check(text, records)
    assert xe.extract(text, kinds=["quantity", "date", "number"]) == [
        r for r in records if r.kind != "title"
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(any_text, max_size=30), st.sampled_from([1, 2, 4]))
def test_batches_agree_with_single_calls(texts: list[str], threads: int) -> None:
    batch = xe.extract_batch(texts, threads=threads)
    assert batch.to_list() == [xe.extract(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, categories=["Cs", "Lo", "Nd"]), max_size=20))
def test_surrogates_raise_and_never_crash(text: str) -> None:
    has_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    try:
        records = xe.extract(text)
    except xe.InvalidTextError:
        assert has_surrogate
    else:
        assert not has_surrogate
        check(text, records)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_parse_numeral_returns_a_number_or_a_numeral_error(text: str) -> None:
    try:
        value = xe.parse_numeral(text)
    except xe.NumeralError:
        return
    assert type(value) in (int, float)
    assert isinstance(value, int) or math.isfinite(value)


@settings(max_examples=400, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1), st.booleans(), st.booleans())
def test_to_chinese_round_trips_every_integer(n: int, upper: bool, traditional: bool) -> None:
    assert xe.parse_numeral(xe.to_chinese(n, upper=upper, traditional=traditional)) == n


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_clean_only_removes(text: str) -> None:
    cleaned = xe.clean(text)
    assert len(cleaned) <= len(text)
    if "(" not in text and "（" not in text:
        assert cleaned == text
