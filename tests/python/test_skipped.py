"""``skipped()``, ``Extractor.skipped``, ``Skipped`` and ``SKIP_REASONS`` (SPEC §5).

The table ``tests/data/skipped.jsonl`` is the one the Rust tests read: every skipped span of
a sentence with its reason. Offsets here are ``str`` indices.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xinzhi_extract as xe

DATA = Path(__file__).resolve().parents[1] / "data"
ALPHABET = re.compile(
    "[0-9０-９〇○零一二三四五六七八九十百千万萬亿億两兩廿卅壹贰貳叁參肆伍陆陸柒捌玖拾佰仟几幾]+"
)


def _cases() -> list[dict[str, Any]]:
    lines = (DATA / "skipped.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _extractor(options: dict[str, Any] | None) -> xe.Extractor:
    return xe.Extractor(**(options or {}))


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case["id"])
def test_skipped_table(case: dict[str, Any]) -> None:
    text = case["text"]
    found = _extractor(case.get("options")).skipped(text)
    assert [(s.text, s.reason) for s in found] == [
        (s["text"], s["reason"]) for s in case["skipped"]
    ]
    for span in found:
        assert text[span.start : span.end] == span.text


def _unexplained(extractor: xe.Extractor, text: str) -> list[str]:
    covered = [(r.start, r.end) for r in extractor.extract(text) if r.kind != "title"]
    covered += [(s.start, s.end) for s in extractor.skipped(text)]
    covered.sort()
    missing = []
    for run in ALPHABET.finditer(text):
        at = run.start()
        for start, end in covered:
            if end <= at:
                continue
            if start > at:
                break
            at = max(at, end)
            if at >= run.end():
                break
        if at < run.end():
            missing.append(run.group())
    return missing


@pytest.mark.parametrize(
    "text",
    [
        "进一步推动“十四五”规划，建强干部队伍，超696万人参与。",
        "詳見https://www.gov.cn/2026/0210/1.htm，編列預算198 萬 6 千元。",
        "（一）一是全省12市16县；T800、5G、PM2.5、18号线，万州区、三亚市。",
        "高質(zhi4)量發展，?00家，一二三产业",
    ],
)
def test_every_numeral_is_accounted_for(text: str) -> None:
    assert _unexplained(xe.Extractor(), text) == []
    assert _unexplained(xe.Extractor(locale="zh-TW"), text) == []


def test_module_function_and_extractor_agree() -> None:
    text = "统一大市场建设，新一轮国企改革"
    assert xe.skipped(text) == xe.Extractor().skipped(text)
    assert [s.reason for s in xe.skipped(text)] == ["set_phrase", "indefinite"]


def test_reasons_are_the_closed_vocabulary() -> None:
    assert isinstance(xe.SKIP_REASONS, tuple)
    assert set(xe.SKIP_REASONS) >= {
        "word",
        "set_phrase",
        "slogan",
        "list_label",
        "code",
        "markup",
        "place",
        "indefinite",
        "lost",
    }
    for case in _cases():
        for span in case["skipped"]:
            assert span["reason"] in xe.SKIP_REASONS


def test_skipped_is_a_value() -> None:
    span = xe.skipped("队伍")[0]
    assert span == xe.Skipped("伍", 1, 2, "word")
    assert hash(span) == hash(xe.Skipped("伍", 1, 2, "word"))
    assert pickle.loads(pickle.dumps(span)) == span
    assert span.to_dict() == {"text": "伍", "start": 1, "end": 2, "reason": "word"}
    assert repr(span) == "Skipped(text=\"伍\", start=1, end=2, reason='word')"
    match span:
        case xe.Skipped(text, start, end, reason):
            assert (text, start, end, reason) == ("伍", 1, 2, "word")


def test_bad_skipped_arguments_raise() -> None:
    with pytest.raises(xe.RecordError, match="reason"):
        xe.Skipped("伍", 1, 2, "because")
    with pytest.raises(xe.RecordError, match="start"):
        xe.Skipped("伍", 1, 5, "word")
    with pytest.raises(TypeError):
        xe.skipped(123)  # type: ignore[arg-type]


def test_offsets_are_str_indices_after_wide_characters() -> None:
    text = "🚀🚀统一"
    (span,) = xe.skipped(text)
    assert (span.start, span.end) == (3, 4)
    assert text[span.start : span.end] == "一"


def test_command_writes_skipped_numerals(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    text = "114年度預算：進一步推動「十五五」規劃，建強幹部隊伍。"
    source.write_text(text, encoding="utf-8")
    skipped_file = tmp_path / "skipped.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "xinzhi_extract.cli",
            str(source),
            "-o",
            str(tmp_path / "records.jsonl"),
            "--skipped",
            str(skipped_file),
            "--locale",
            "zh-TW",
            "-q",
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in skipped_file.read_text(encoding="utf-8").splitlines()]
    expected = xe.Extractor(locale="zh-TW").skipped(text)
    assert [{k: v for k, v in row.items() if k != "doc"} for row in rows] == [
        s.to_dict() for s in expected
    ]
    assert [row["reason"] for row in rows] == ["set_phrase", "slogan", "word"]


def test_highlight_mutes_skipped_numerals_with_their_reason() -> None:
    text = "统一大市场，新增企业77家"
    view = xe.highlight(text)
    assert [(s.text, s.reason) for s in view.skipped] == [("一", "set_phrase")]
    html = view.to_html()
    assert 'class="xz-skipped" data-reason="set_phrase"' in html
    assert 'title="skipped: set_phrase"' in html
    assert ">一</span>" in html
    configured = xe.highlight(text, extractor=xe.Extractor(locale="zh-TW"))
    assert configured.skipped == view.skipped


def test_command_page_mutes_skipped_numerals(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("建强干部队伍，新增企业77家", encoding="utf-8")
    page = tmp_path / "page.html"
    result = subprocess.run(
        [sys.executable, "-m", "xinzhi_extract.cli", str(source), "--html", str(page), "-q"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert 'data-reason="word"' in page.read_text(encoding="utf-8")
