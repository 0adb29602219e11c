"""One long text: ``extract`` works through it in pieces (cut at line breaks, else sentence
ends, else at a record where the pieces on both sides agree) so that Ctrl-C is seen and the
core's records of only one piece are held at a time, and gives exactly the records of the
text taken whole (``Extractor._extract_whole``)."""

from __future__ import annotations

import pytest
import xinzhi_extract as xe
from genre import corpus_texts
from interrupting import seconds_to_interrupt
from xinzhi_extract._facts import SENTENCE_ENDS

# Longer than the length past which a text is extracted in pieces (1 MiB of UTF-8).
LONG = 3 << 20


def _repeated(text: str, separator: str) -> str:
    return separator.join([text] * (LONG // len(text.encode()) + 1))


def _lines_removed(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def _ends_removed(text: str, by: str) -> str:
    for end in "\r\n。！？":
        text = text.replace(end, by)
    return text


# (case, how a corpus text becomes a long one): lines kept (cut at line breaks), lines removed
# (cut at sentence ends only), copies that run into each other without a break, and text with
# neither line breaks nor sentence ends (cut at records where both sides agree).
LONG_TEXTS = [
    ("lines", lambda text: _repeated(text, "\n")),
    ("sentences", lambda text: _repeated(_lines_removed(text), "")),
    ("joined", lambda text: _repeated(text.strip(), "")),
    ("no ends, commas", lambda text: _repeated(_ends_removed(text, "，"), "，")),
    ("no ends, spaces", lambda text: _repeated(_ends_removed(text, " "), " ")),
]
# The methods that return one kind, and the kind.
METHODS = {"quantities": "quantity", "dates": "date", "titles": "title", "numbers": "number"}


@pytest.mark.parametrize(("name", "text"), corpus_texts(), ids=[n for n, _ in corpus_texts()])
@pytest.mark.parametrize(("case", "make"), LONG_TEXTS, ids=[c for c, _ in LONG_TEXTS])
def test_a_long_text_in_pieces_gives_the_records_of_the_whole(
    name: str, text: str, case: str, make: object
) -> None:
    long_text = make(text)  # type: ignore[operator]
    assert len(long_text.encode()) > 1 << 20
    extractor = xe.Extractor()
    whole = extractor._extract_whole(long_text)
    pieced = extractor.extract(long_text)
    assert len(pieced) == len(whole) > 0
    assert [r.to_dict() for r in pieced] == [r.to_dict() for r in whole]
    (batched,) = extractor.extract_batch([long_text], threads=1)
    assert batched == whole
    for method, kind in METHODS.items():
        only = getattr(extractor, method)(long_text)
        assert [r.to_dict() for r in only] == [r.to_dict() for r in whole if r.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "1 " * (700 << 10),  # no line break and no sentence end: cut at records
        "增长5%\n" * (300 << 10),  # many short lines
        "。" * (1 << 20) + "77家",  # sentence ends only, then a record at the very end
        "1" * (1 << 20) + " 2",  # one run of digits, too long to cut at a record
        "新增企业77家，" * (100 << 10),  # quantities with subjects, no sentence end
        "《甘肃省2025年工作要点》印发" * (40 << 10),  # titles with dates inside
        "一 二 三 十 百 千 萬 5 800 萬 18 900 " * (30 << 10),  # spaced numerals
        "x" * (100 << 10) + "1 " * (200 << 10) + "y" * (100 << 10),  # records in the middle
    ],
    ids=[
        "no-cut",
        "short-lines",
        "all-ends",
        "one-digit-run",
        "subjects",
        "titles",
        "spaced",
        "middle",
    ],
)
def test_long_texts_without_a_usual_shape(text: str) -> None:
    extractor = xe.Extractor()
    whole = extractor._extract_whole(text)
    assert [r.to_dict() for r in extractor.extract(text)] == [r.to_dict() for r in whole]
    for method, kind in METHODS.items():
        only = getattr(extractor, method)(text)
        assert [r.to_dict() for r in only] == [r.to_dict() for r in whole if r.kind == kind]


def test_ctrl_c_stops_one_long_extract_quickly() -> None:
    _, sample = corpus_texts()[0]
    text = _repeated(sample, "\n")
    latency = seconds_to_interrupt(lambda: xe.extract(text))
    # A piece of 256 KiB between checks; slack for a loaded machine.
    assert latency < 0.5, f"{latency:.3f} s from Ctrl-C to KeyboardInterrupt"


@pytest.mark.parametrize(("case", "make"), LONG_TEXTS, ids=[c for c, _ in LONG_TEXTS])
def test_the_facts_of_a_long_text_are_those_of_the_whole(case: str, make: object) -> None:
    # A sentence may reach past the piece its quantity is read in (text with no sentence
    # end is cut at records): it is still looked for in the whole text.
    pd = pytest.importorskip("pandas")
    _, sample = corpus_texts()[0]
    long_text = make(sample)  # type: ignore[operator]
    whole = xe.Extractor(("quantity", "date"))._extract_whole(long_text)
    facts = xe.facts([long_text], threads=1)
    quantities = [r for r in whole if r.kind == "quantity"]
    assert len(facts) == len(quantities) > 0
    dates = [r for r in whole if r.kind == "date"]
    latest = -1  # the last date before the quantity, as an index of dates
    for row, quantity in zip(facts.itertuples(index=False), quantities, strict=True):
        assert (row.text, row.start, row.end) == (quantity.text, quantity.start, quantity.end)
        assert row.sentence == long_text[row.sentence_start : row.sentence_end]
        assert row.sentence_start <= row.start and row.end <= row.sentence_end
        inside = long_text[row.sentence_start : row.start] + long_text[row.end : row.sentence_end]
        assert not any(mark in inside for mark in SENTENCE_ENDS)
        while latest + 1 < len(dates) and dates[latest + 1].start < quantity.start:
            latest += 1
        date = dates[latest] if latest >= 0 else None
        year = date.year if date is not None and date.start >= row.sentence_start else None
        assert (None if row.year is pd.NA else row.year) == year
