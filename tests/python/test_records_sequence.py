"""``Records``, what ``extract`` and its per-kind helpers return and what an ``ExtractionBatch``
holds per text: a read-only sequence built on access that behaves as the list it replaces.

Each case runs one operation on the ``Records`` and on the list of the same records
(``to_list()``) and expects the same outcome: the value, or the type of the exception."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Sequence
from typing import Any

import pytest
import xinzhi_extract as xe

# A sentence of every kind: a date, a quantity, a title (with a date inside) and a number.
TEXT = "2023年，全省新增企业77家，印发《甘肃省“十四五”规划（2021—2025年）》，实施八大工程。"
OTHER = "新增企业77家。"

# (case, operation on a sequence of records); the operation's result (or exception type) must
# be the same for the Records and for the list.
OPERATIONS: list[tuple[str, Callable[[Any], Any]]] = [
    ("len", len),
    ("bool", bool),
    ("first", lambda r: r[0]),
    ("last", lambda r: r[-1]),
    ("negative", lambda r: r[-len(r)]),
    ("past the end", lambda r: r[len(r)]),
    ("before the start", lambda r: r[-len(r) - 1]),
    ("index of wrong type", lambda r: r["0"]),
    ("index by __index__", lambda r: r[True]),
    ("slice", lambda r: r[1:3]),
    ("slice with step", lambda r: r[::2]),
    ("reversed slice", lambda r: r[::-1]),
    ("empty slice", lambda r: r[5:1]),
    ("iteration", list),
    ("reversed", lambda r: list(reversed(r))),
    ("in", lambda r: r[1] in r),
    ("in, another record", lambda r: xe.extract(OTHER)[0] in r),
    ("in, not a record", lambda r: "77家" in r),
    ("index", lambda r: r.index(r[2])),
    ("index from start", lambda r: r.index(r[2], 1)),
    ("index with negative start", lambda r: r.index(r[-1], -1)),
    ("index not there", lambda r: r.index(r[0], 1)),
    ("index within stop", lambda r: r.index(r[1], 0, 1)),
    ("count", lambda r: r.count(r[1])),
    ("count, not a record", lambda r: r.count(None)),
    ("equal to its list", lambda r: r == xe.extract(TEXT).to_list()),
    ("not equal to its list", lambda r: r != xe.extract(TEXT).to_list()),
    ("equal to its Records", lambda r: r == xe.extract(TEXT)),
    ("not equal to fewer", lambda r: r == xe.extract(TEXT).to_list()[:-1]),
    ("not equal to other records", lambda r: r == xe.extract(OTHER)),
    ("not equal to a tuple", lambda r: r == tuple(xe.extract(TEXT))),
    ("plus a list", lambda r: r + [1]),
    ("a list plus", lambda r: [1] + r),
    ("plus Records", lambda r: r + xe.extract(OTHER)),
    ("plus a tuple", lambda r: r + (1,)),
    ("hash", hash),
    ("repr", repr),
    ("str", str),
    ("pickled", lambda r: list(pickle.loads(pickle.dumps(r)))),
    ("copied", lambda r: list(copy.deepcopy(r))),
    ("sorted by end", lambda r: sorted(r, key=lambda x: -x.end)),
    ("a Sequence", lambda r: isinstance(r, Sequence)),
    ("unpacking", lambda r: [x.kind for x in [*r]]),
]


def _outcome(operation: Callable[[Any], Any], records: Any) -> Any:
    try:
        return ("value", operation(records))
    except Exception as error:  # noqa: BLE001 - the type of the error is the outcome
        return ("error", type(error))


@pytest.mark.parametrize(("case", "operation"), OPERATIONS, ids=[c for c, _ in OPERATIONS])
def test_records_behave_as_their_list(case: str, operation: Callable[[Any], Any]) -> None:
    records = xe.extract(TEXT)
    assert isinstance(records, xe.Records)
    assert [r.kind for r in records] == ["date", "quantity", "title", "date", "number"]
    assert _outcome(operation, records) == _outcome(operation, records.to_list())


# (case, what gives a Records)
SOURCES: list[tuple[str, Callable[[], Any]]] = [
    ("extract", lambda: xe.extract(TEXT)),
    ("extract with kinds", lambda: xe.extract(TEXT, kinds=["date", "number"])),
    ("quantities", lambda: xe.quantities(TEXT)),
    ("dates", lambda: xe.dates(TEXT)),
    ("titles", lambda: xe.titles(TEXT)),
    ("numbers", lambda: xe.numbers(TEXT)),
    ("Extractor.extract", lambda: xe.Extractor(reference_year=2025).extract("今年" + TEXT)),
    ("a batch item", lambda: xe.extract_batch([OTHER, TEXT])[1]),
    ("a batch item, negative", lambda: xe.extract_batch([OTHER, TEXT])[-1]),
    ("iterating a batch", lambda: next(iter(xe.extract_batch([TEXT, OTHER])))),
    ("a shifted piece", lambda: xe.Extractor()._extract_pieces([TEXT], [7])[0]),
    ("built from records", lambda: xe.Records(xe.extract(TEXT).to_list())),
    ("a short text with many records", lambda: xe.extract("新增企业77家，" * 40)),
    ("a text in pieces", lambda: xe.extract("2023年新增企业77家。\n" * 2600)),
    ("empty", lambda: xe.extract("没有数字。")),
    ("empty text", lambda: xe.extract("")),
]


@pytest.mark.parametrize(("case", "make"), SOURCES, ids=[c for c, _ in SOURCES])
def test_every_source_gives_records_equal_to_its_list(case: str, make: Callable[[], Any]) -> None:
    records = make()
    assert isinstance(records, xe.Records)
    as_list = records.to_list()
    assert type(as_list) is list
    assert records == as_list
    assert as_list == list(records)
    assert len(records) == len(as_list)
    assert bool(records) == bool(as_list)
    assert repr(records) == repr(as_list)
    assert pickle.loads(pickle.dumps(records)) == records
    assert records[:] == as_list
    assert list(reversed(records)) == as_list[::-1]
    # Every record by position; the searches (linear, as a list's) on the first and last few.
    for i, record in enumerate(as_list):
        assert records[i] == record
        assert records[i - len(as_list)] == record
    for i, record in [*enumerate(as_list)][:8] + [*enumerate(as_list)][-8:]:
        assert record in records
        assert records.index(record) == as_list.index(record)
        assert records.count(record) == as_list.count(record)
        assert record.to_dict() == records[i].to_dict()


def test_records_are_read_only_and_unhashable() -> None:
    records = xe.extract(TEXT)
    with pytest.raises(TypeError):
        records[0] = records[1]  # type: ignore[index]
    with pytest.raises(TypeError):
        del records[0]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        records.append(records[0])  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="unhashable"):
        hash(records)


def test_a_shifted_piece_keeps_its_offsets() -> None:
    (piece,) = xe.Extractor()._extract_pieces([OTHER], [100])
    assert [(r.text, r.start, r.end) for r in piece] == [("77家", 104, 107)]
    assert pickle.loads(pickle.dumps(piece)) == piece


def test_records_built_from_other_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="item 1 is str"):
        xe.Records([xe.extract(OTHER)[0], "77家"])  # type: ignore[type-var]
    assert xe.Records() == []
    assert xe.Records[xe.Quantity] is not None


def test_iterators_are_independent_and_stay_exhausted() -> None:
    records = xe.extract(TEXT)
    first, second = iter(records), iter(records)
    assert next(first) == next(second) == records[0]
    assert list(first) == records[1:]
    assert next(first, None) is None
    assert next(first, None) is None
    backwards = reversed(records)
    assert list(backwards) == records[::-1]
    assert next(backwards, None) is None


def test_user_built_records_with_large_offsets_round_trip() -> None:
    big = 2**40
    record = xe.Number("八", big, big + 1, 8.0)
    items: list[xe.Record] = [record, xe.Date("2023年", 0, 5, year=2023)]
    records = xe.Records(items)
    assert list(records) == items
    assert records[0].start == big
