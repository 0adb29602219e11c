"""``highlight()``: records shown in their text, as notebook HTML and for a terminal."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

import pytest
import xinzhi_extract as xe
from genre import SAMPLE, corpus_paths
from marked_html import MarkedText, assert_records_drawn, read_marked_html
from xinzhi_extract._html import marked_text
from xinzhi_extract.highlight import Highlight, display_width, format_records, highlight

SAMPLE_TEXT = SAMPLE.read_text("utf-8")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def corpus_texts() -> list[tuple[str, str]]:
    """The bundled sample, and the shared corpus texts when they are there."""
    return [("sample.txt", SAMPLE_TEXT), *((p.name, p.read_text("utf-8")) for p in corpus_paths())]


def read_back(html: str) -> MarkedText:
    """The one marked text of ``html``; the pieces of each record agree on its kind."""
    shown = read_marked_html(html)
    assert list(shown.documents) == [""], "one marked text, outside any document section"
    marked = shown.documents[""]
    for record, mark in marked.marks.items():
        assert len(mark.kinds) == 1, f"pieces of record {record} disagree: {mark.kinds}"
    return marked


@dataclass(frozen=True)
class Made:
    """A record made by hand, to check rendering of layouts the extractor never produces."""

    kind: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def made(text: str, kind: str, start: int, end: int) -> Made:
    return Made(kind, text[start:end], start, end)


# --- the notebook view ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), corpus_texts(), ids=lambda value: value[:24])
def test_every_record_is_highlighted_with_its_kind_and_offsets(name: str, text: str) -> None:
    view = highlight(text)
    records = xe.extract(text)
    assert list(view.records) == records
    assert records, f"{name} has records to show"
    assert_records_drawn(read_back(view._repr_html_()), text, view.records, name)


def test_records_inside_a_title_are_nested_in_its_highlight() -> None:
    text = "省政府印发《云江市数字经济三年行动方案（2024—2026年）》。"
    view = highlight(text)
    title = next(i for i, r in enumerate(view.records) if r.kind == "title")
    inner = [i for i, r in enumerate(view.records) if r.kind != "title"]
    assert inner, "the period inside the title is a record of its own"
    shown = read_back(view.to_html())
    for index in inner:
        assert str(title) in shown.marks[str(index)].parents


def test_tooltip_holds_every_field_and_legend_counts_kinds() -> None:
    view = highlight(SAMPLE_TEXT)
    html = view.to_html()
    for record in view.records:
        for name, value in record.to_dict().items():
            if name in {"kind", "text", "start", "end"} or value is None:
                continue
            assert f"{name}: " in html
    counts = Counter(record.kind for record in view.records)
    for kind, count in counts.items():
        assert re.search(rf'data-kind="{kind}"[^>]*>{kind}</mark> {count}<', html), kind


UNTRUSTED = [
    # (text, records as (kind, start, end)): markup, references, carriage returns and other
    # control characters must come back as the same text at the same offsets.
    ('<script>alert("x")</script> 77家 &amp; 5萬個', [("quantity", 29, 32), ("quantity", 39, 42)]),
    ("第一行\r\n投资8990萬元\r\n", [("quantity", 7, 13)]),
    ("a\x00b\x1b[31m 2023年 \x7f", [("date", 9, 14)]),
]


@pytest.mark.parametrize(("text", "spans"), UNTRUSTED)
def test_untrusted_text_keeps_its_text_and_offsets(
    text: str, spans: list[tuple[str, int, int]]
) -> None:
    records = [made(text, kind, start, end) for kind, start, end in spans]
    shown = read_back(Highlight(text, records).to_html())
    # HTML has no way to write U+0000; it reads as U+FFFD, still one character.
    assert shown.text == text.replace("\x00", "\ufffd")
    assert "<script>" not in Highlight(text, records).to_html()
    for index, record in enumerate(records):
        assert shown.marks[str(index)].text == record.text
        assert shown.marks[str(index)].seen_at == record.start


def test_overlapping_records_are_split_into_pieces_of_one_record() -> None:
    text = "总投资约4.2億元。"
    records = [made(text, "quantity", 3, 9), made(text, "number", 5, 10)]
    html = marked_text(text, records)
    shown = read_back(f'<div class="xz-text">{html}</div>')
    assert shown.text == text
    assert [shown.marks[str(i)].text for i in range(2)] == ["约4.2億元", ".2億元。"]
    assert html.count('data-record="1"') == 2
    assert "xz-cont" in html


def test_offsets_outside_the_text_do_not_break_the_view() -> None:
    text = "77家"
    records = [Made("quantity", "77家", 0, 3), Made("number", "", 2, 99), Made("date", "", 5, 1)]
    shown = read_back(f'<div class="xz-text">{marked_text(text, records)}</div>')
    assert shown.text == text
    assert set(shown.marks) == {"0", "1", "2"}


# --- the terminal view ---------------------------------------------------------------------


def test_str_is_the_text_coloured_by_kind_with_a_legend_and_the_fields(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    view = highlight(SAMPLE_TEXT)
    terminal = str(view)
    assert "\x1b[" in terminal
    plain = ANSI.sub("", terminal)
    assert plain.startswith(SAMPLE_TEXT)
    legend, *rows = plain[len(SAMPLE_TEXT) :].strip("\n").split("\n")
    for kind in {record.kind for record in view.records}:
        assert kind in legend
    assert rows == format_records(view.records, indent="  ")


def test_no_color_marks_records_with_brackets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    view = highlight(SAMPLE_TEXT)
    terminal = str(view)
    assert "\x1b[" not in terminal
    marked = terminal[: terminal.rindex("\n\n")]
    assert marked.count("⟦") == marked.count("⟧") == len(view.records)
    assert marked.replace("⟦", "").replace("⟧", "") == SAMPLE_TEXT


def test_terminal_view_neutralises_escape_sequences() -> None:
    text = "\x1b]0;title\x07 77家\r"
    view = Highlight(text, [made(text, "quantity", 11, 14)])
    terminal = view.to_text(color=True)
    assert "\x1b]" not in terminal
    assert "\x07" not in terminal
    assert "\r" not in terminal


def test_repr_counts_records() -> None:
    text = "全省新增企业77家。"
    assert repr(Highlight(text, [made(text, "quantity", 6, 9)])) == (
        "<Highlight of 10 characters: 1 quantity>"
    )


WIDTHS = [
    ("8990萬元", 8),
    ("ｗａｎ", 6),  # full width
    ("é", 1),  # e and a combining accent
    ("约5萬(wàn)個", 12),
    ("", 0),
]


@pytest.mark.parametrize(("text", "cells"), WIDTHS)
def test_display_width_counts_terminal_cells(text: str, cells: int) -> None:
    assert display_width(text) == cells


def test_table_columns_line_up_with_wide_characters() -> None:
    text = "投资8990萬元和5家，ABC 12%"
    records = [
        made(text, "quantity", 2, 9),
        made(text, "quantity", 10, 12),
        made(text, "quantity", 17, 20),
    ]
    rows = format_records(records)
    starts = {display_width(row[: row.index(record.text)]) for row, record in zip(rows, records)}
    ends = {
        display_width(row[: row.index(f"{r.start}–{r.end}") + len(f"{r.start}–{r.end}")])
        for row, r in zip(rows, records)
    }
    assert len(starts) == 1
    assert len(ends) == 1


def test_highlight_takes_kinds_or_a_configured_extractor() -> None:
    text = "2023年，全省新增企业77家。"
    only_dates = highlight(text, kinds={"date"})
    assert {record.kind for record in only_dates.records} == {"date"}
    assert highlight(text, kinds="date").records == only_dates.records
    configured = highlight(text, extractor=xe.Extractor(kinds={"quantity"}))
    assert {record.kind for record in configured.records} == {"quantity"}
    with pytest.raises(TypeError):
        highlight(text, kinds={"date"}, extractor=xe.Extractor())


def test_highlight_is_exported() -> None:
    assert xe.highlight is highlight


@pytest.mark.parametrize("module", ["xinzhi_extract.highlight", "xinzhi_extract.cli.reading"])
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    failures, tried = doctest.testmod(importlib.import_module(module), report=True)
    assert tried > 0
    assert failures == 0


# --- subjects ------------------------------------------------------------------------------


def test_subjects_are_marked_and_linked_to_their_quantities() -> None:
    text = "2025年，全省地区生产总值达到5.1万亿元、增长5.5%。新建5G基站1.2萬(wàn)座。"
    view = highlight(text)
    html = view.to_html()
    quantities = [(i, r) for i, r in enumerate(view.records) if r.kind == "quantity"]
    spans = re.findall(
        r'<span class="xz-subject" data-subject="(\d+)-(\d+)" data-subject-of="([\d ]+)"'
        r' title="([^"]*)"',
        html,
    )
    # One span per subject, over its words as written; a carried subject is one span.
    assert [(int(s), int(e), of.split(), text[int(s) : int(e)]) for s, e, of, _ in spans] == [
        (8, 14, [str(quantities[0][0]), str(quantities[1][0])], "地区生产总值"),
        (32, 36, [str(quantities[2][0])], "5G基站"),
    ]
    assert spans[0][3] == "subject of 5.1万亿元, 5.5%"
    for index, record in quantities:
        fields = record.to_dict()
        key = f"{fields['subject_start']}-{fields['subject_end']}"
        assert re.search(rf'<mark [^>]*data-record="{index}"[^>]*data-subject="{key}"', html)
    # The marks and spans leave the text as it was.
    assert_records_drawn(read_back(view._repr_html_()), text, view.records, "subjects")


def test_the_description_of_a_quantity_leads_with_its_subject() -> None:
    lines = format_records(xe.extract("全省新增企业77家。"))
    assert "企业: 77 家" in lines[0]
