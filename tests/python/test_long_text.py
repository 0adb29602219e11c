"""One long text: ``extract`` works through it in pieces (cut at line breaks, else sentence
ends) so that Ctrl-C is seen, and gives exactly the records of the text taken whole."""

from __future__ import annotations

import pytest
import xinzhi_extract as xe
from genre import corpus_texts
from interrupting import seconds_to_interrupt

# Longer than the length past which a text is extracted in pieces (1 MiB of UTF-8).
LONG = 3 << 20


def _repeated(text: str, separator: str) -> str:
    return separator.join([text] * (LONG // len(text.encode()) + 1))


def _lines_removed(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


# (case, how a corpus text becomes a long one): lines kept (cut at line breaks), lines removed
# (cut at sentence ends only), and copies that run into each other without a break.
LONG_TEXTS = [
    ("lines", lambda text: _repeated(text, "\n")),
    ("sentences", lambda text: _repeated(_lines_removed(text), "")),
    ("joined", lambda text: _repeated(text.strip(), "")),
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
    # extract_batch takes each text whole: the reference.
    (whole,) = extractor.extract_batch([long_text], threads=1).to_list()
    pieced = extractor.extract(long_text)
    assert len(pieced) == len(whole) > 0
    assert [r.to_dict() for r in pieced] == [r.to_dict() for r in whole]
    for method, kind in METHODS.items():
        only = getattr(extractor, method)(long_text)
        assert [r.to_dict() for r in only] == [r.to_dict() for r in whole if r.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "1 " * (700 << 10),  # no line break and no sentence end: taken whole
        "增长5%\n" * (300 << 10),  # many short lines
        "。" * (1 << 20) + "77家",  # sentence ends only, then a record at the very end
    ],
    ids=["no-cut", "short-lines", "all-ends"],
)
def test_long_texts_without_a_usual_shape(text: str) -> None:
    (whole,) = xe.Extractor().extract_batch([text], threads=1).to_list()
    assert [r.to_dict() for r in xe.extract(text)] == [r.to_dict() for r in whole]


def test_ctrl_c_stops_one_long_extract_quickly() -> None:
    _, sample = corpus_texts()[0]
    text = _repeated(sample, "\n")
    latency = seconds_to_interrupt(lambda: xe.extract(text))
    # A piece of 256 KiB between checks; slack for a loaded machine.
    assert latency < 0.5, f"{latency:.3f} s from Ctrl-C to KeyboardInterrupt"
