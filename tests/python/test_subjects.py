"""Subjects (SPEC §6) through the Python API: the table ``tests/data/subjects.jsonl`` read
the same way as by ``tests/subject.rs`` (accuracy by pattern, with the same floors), the
subject in every surface (attributes, ``to_dict``, ``to_frame``), and the ``facts`` frame."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import DATA

MIN_CASES = 300
MIN_ACCURACY = 0.95
MIN_PATTERN_ACCURACY = 0.75


def load() -> list[dict[str, Any]]:
    with (DATA / "subjects.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def case_differences(case: dict[str, Any]) -> list[str]:
    text = case["text"]
    found = {q.start: q for q in xe.quantities(text)}
    out = []
    for want in case["expected"]:
        quantity = found.get(want["start"])
        if quantity is None or quantity.text != want["text"]:
            out.append(f"no quantity {want['text']!r} at {want['start']}")
            continue
        got = (quantity.subject, quantity.subject_start, quantity.subject_end)
        expected = (want["subject"], want["subject_start"], want["subject_end"])
        if got != expected:
            out.append(f"{quantity.text}: {got} != {expected}")
    return out


def test_table_accuracy_by_pattern() -> None:
    table = load()
    assert len(table) >= MIN_CASES
    by_pattern: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    report = []
    for case in table:
        problems = case_differences(case)
        counts = by_pattern[case["pattern"]]
        counts[1] += 1
        if problems:
            report.append(f"{case['id']} {case['text']}: {problems}")
        else:
            counts[0] += 1
    right = sum(r for r, _ in by_pattern.values())
    summary = "\n".join(f"{p:>14}: {r}/{n}" for p, (r, n) in sorted(by_pattern.items()))
    assert right / len(table) >= MIN_ACCURACY, summary + "\n" + "\n".join(report)
    low = [p for p, (r, n) in by_pattern.items() if r / n < MIN_PATTERN_ACCURACY]
    assert not low, summary


def test_subject_offsets_are_code_points_and_span_the_text_as_written() -> None:
    text = "近兩年累計(jì)實(shí)施改造項(xiàng)目約5萬(wàn)個(gè)，增長(zhǎng)16%。"
    _years, first, second = xe.quantities(text)
    assert first.subject == second.subject == "改造項目"
    assert first.subject_start is not None and first.subject_end is not None
    assert xe.clean(text[first.subject_start : first.subject_end]) == "改造項目"
    assert text[first.subject_start : first.subject_end] == "改造項(xiàng)目"
    row = first.to_dict()
    assert (row["subject"], row["subject_start"], row["subject_end"]) == (
        "改造項目",
        first.subject_start,
        first.subject_end,
    )


def test_to_frame_has_a_subject_column() -> None:
    frame = xe.to_frame(["全省新增企业77家，增长16%。", "增长3%"])
    quantities = frame[frame["kind"] == "quantity"]
    assert quantities["subject"].tolist()[:2] == ["企业", "企业"]
    assert quantities["subject"].isna().tolist() == [False, False, True]


def test_facts_frame() -> None:
    texts = [
        "2025年，全省地区生产总值达到5.1万亿元、增长5.5%。全年新增企业77家。",
        "無數字",
        "港府出資273億元。",
    ]
    frame = xe.facts(texts)
    assert list(frame.columns[:11]) == [
        "doc",
        "subject",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "approx",
        "trend",
        "currency",
        "year",
    ]
    assert {"sentence", "sentence_start", "sentence_end", "text", "start", "end"} <= set(
        frame.columns
    )
    assert list(frame["doc"]) == [0, 0, 0, 2]
    assert list(frame["subject"]) == ["地区生产总值", "地区生产总值", "企业", "港府出資"]
    assert list(frame["year"])[:2] == [2025, 2025]
    assert frame["year"].isna().tolist()[2:] == [True, True]
    for row in frame.itertuples():
        text = texts[row.doc]
        assert text[row.start : row.end] == row.text
        assert text[row.sentence_start : row.sentence_end] == row.sentence
    assert frame.loc[1, "trend"] == "up"
    assert frame.loc[0, "currency"] == "CNY"


def test_facts_on_an_extractor_follow_its_options() -> None:
    extractor = xe.Extractor(yuan_currency="HKD")
    frame = extractor.facts(["港府出資273億元。"])
    assert frame.loc[0, "currency"] == "HKD"


def test_facts_of_nothing_is_an_empty_frame_with_the_columns() -> None:
    frame = xe.facts([])
    assert len(frame) == 0
    assert "subject" in frame.columns and "year" in frame.columns


def test_facts_reads_a_series_with_its_labels() -> None:
    pd = pytest.importorskip("pandas")
    texts = pd.Series({"甲": "全年新增企业77家。", "乙": None, "丙": "港府出資273億元。"})
    frame = xe.facts(texts)
    assert list(frame["doc"]) == ["甲", "丙"]
    assert list(frame["subject"]) == ["企业", "港府出資"]


def test_facts_agree_with_to_frame_and_the_sentence_rules() -> None:
    texts = [
        "地区生产总值5.1万亿元、增长5.5%；\n  新增企业77家！",
        "一" * 400 + "增长16%" + "二" * 400,
    ]
    frame = xe.facts(texts)
    quantities = xe.to_frame(texts, kinds="quantity")
    assert list(frame["text"]) == list(quantities["text"])
    assert list(frame["subject"].fillna("-")) == list(quantities["subject"].fillna("-"))
    sentences = list(frame["sentence"])
    assert sentences[:3] == [
        "地区生产总值5.1万亿元、增长5.5%",
        "地区生产总值5.1万亿元、增长5.5%",
        "新增企业77家",
    ]
    # A sentence with no end is cut 300 characters either side of its quantity.
    assert len(sentences[3]) == 300 + len("16%") + 300


def test_facts_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        xe.facts([1, 2])  # type: ignore[list-item]
