"""The record classes: fields, kind, repr, equality, hashing, to_dict, pickling, matching."""

from __future__ import annotations

import copy
import pickle
import re

import pytest
import xinzhi_extract as xe
from xinzhi_extract import Date, Number, Quantity, Title

# One record of each kind, as the extractor reports them for sentences of the genre.
RECORDS = [
    Quantity("8990萬元", 17, 23, 89900000.0, 89900000.0, 89900000.0, "元", "money", "exact", "CNY"),
    Quantity("近65%", 3, 7, 65.0, 65.0, 65.0, "%", "percent", "nearly", None, None),
    Quantity("3-5万元", 0, 5, None, 30000.0, 50000.0, "元", "money", "exact", "CNY"),
    Quantity("增长16%", 2, 7, 16.0, 16.0, 16.0, "%", "percent", trend="up"),
    Quantity("46万群众", 0, 5, 460000.0, 460000.0, 460000.0, None, "count"),
    Date("2023—2026年", 9, 19, 2023, None, None, 2026),
    Date("2024年1月3日", 0, 9, 2024, 1, 3),
    Title(
        "《甘肃省“十四五”规划（2021—2025年）》",
        2,
        25,
        "甘肃省“十四五”规划（2021—2025年）",
        "规划",
        "甘肃省",
        2021,
        2025,
        True,
    ),
    Title("《人民日报》", 0, 6, "人民日报"),
    Number("第七", 4, 6, 7.0, True),
    Number("八大", 0, 2, 8.0),
]

FIELDS = {
    "quantity": [
        "text",
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "approx",
        "currency",
        "trend",
        "subject",
        "subject_start",
        "subject_end",
    ],
    "date": ["text", "start", "end", "year", "month", "day", "end_year", "end_month", "end_day"],
    "title": [
        "text",
        "start",
        "end",
        "title",
        "doc_type",
        "issuer",
        "start_year",
        "end_year",
        "is_policy",
    ],
    "number": ["text", "start", "end", "value", "ordinal", "approx"],
}


@pytest.mark.parametrize("record", RECORDS, ids=repr)
def test_fields_follow_the_specification(record: xe.Record) -> None:
    assert type(record).__match_args__ == tuple(FIELDS[record.kind])
    as_dict = record.to_dict()
    assert list(as_dict) == ["kind", *FIELDS[record.kind]]
    assert as_dict["kind"] == record.kind == type(record).__name__.lower()
    for field in FIELDS[record.kind]:
        assert as_dict[field] == getattr(record, field)


@pytest.mark.parametrize("record", RECORDS, ids=repr)
def test_repr_is_a_constructor_call(record: xe.Record) -> None:
    text = repr(record)
    assert text.startswith(f"{type(record).__name__}(text={record.text!r}, start=")
    assert eval(text, {cls.__name__: cls for cls in (Quantity, Date, Title, Number)}) == record


@pytest.mark.parametrize("record", RECORDS, ids=repr)
def test_pickle_and_copy_round_trip(record: xe.Record) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(record, protocol))
        assert again == record
        assert type(again) is type(record)
        assert hash(again) == hash(record)
    assert copy.deepcopy(record) == record
    assert copy.copy(record) == record


@pytest.mark.parametrize("record", RECORDS, ids=repr)
def test_records_are_immutable(record: xe.Record) -> None:
    with pytest.raises(AttributeError):
        record.text = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        record.start = 0  # type: ignore[misc]


def test_equality_and_hashing_follow_every_field() -> None:
    base = Quantity("77家", 4, 7, 77.0, 77.0, 77.0, "家", "count")
    same = Quantity("77家", 4, 7, 77.0, 77.0, 77.0, "家", "count")
    assert base == same
    assert hash(base) == hash(same)
    assert len({base, same}) == 1
    others = [
        Quantity("77家", 5, 8, 77.0, 77.0, 77.0, "家", "count"),
        Quantity("77家", 4, 7, 78.0, 77.0, 77.0, "家", "count"),
        Quantity("77家", 4, 7, 77.0, 77.0, 77.0, "户", "count"),
        Quantity("77家", 4, 7, 77.0, 77.0, 77.0, "家", "count", "over"),
        Quantity("77家", 4, 7, 77.0, 77.0, 77.0, "家", "count", trend="up"),
    ]
    for other in others:
        assert base != other
    assert len({base, *others}) == 1 + len(others)
    # Same span and value, different kinds: never equal.
    assert Number("七", 0, 1, 7.0) != Quantity("七", 0, 1, 7.0, 7.0, 7.0, None, "count")
    assert base != base.to_dict()
    # 0.0 and -0.0 are equal floats, so the records must hash alike.
    assert Number("零", 0, 1, 0.0) == Number("零", 0, 1, -0.0)
    assert hash(Number("零", 0, 1, 0.0)) == hash(Number("零", 0, 1, -0.0))


def test_records_serve_as_dict_keys() -> None:
    records = [RECORDS[0], RECORDS[5], RECORDS[9]]
    index = {record: record.kind for record in records}
    for record in records:
        assert index[pickle.loads(pickle.dumps(record))] == record.kind


def describe(record: xe.Record) -> str:
    match record:
        case Quantity(value=None, low=low, high=high, unit=unit):
            return f"range {low}-{high} {unit}"
        case Quantity(value=v, unit="元", currency=currency):
            return f"money {v} {currency}"
        case Quantity(value=v, dimension="percent", approx=approx):
            return f"percent {v} {approx}"
        case Quantity(text, start, end):
            return f"other quantity {text}@{start}-{end}"
        case Date(year=year, end_year=None):
            return f"year {year}"
        case Date(year=year, end_year=end_year):
            return f"period {year}-{end_year}"
        case Title(doc_type=None, is_policy=False, title=name):
            return f"media {name}"
        case Title(title=name, doc_type=doc_type):
            return f"{doc_type} {name}"
        case Number(value=v, ordinal=True):
            return f"ordinal {v:g}"
        case Number(text):
            return f"number {text}"
    return "unmatched"


def test_match_statements_by_keyword_and_position() -> None:
    assert [describe(r) for r in RECORDS] == [
        "money 89900000.0 CNY",
        "percent 65.0 nearly",
        "range 30000.0-50000.0 元",
        "percent 16.0 exact",
        "other quantity 46万群众@0-5",
        "period 2023-2026",
        "year 2024",
        "规划 甘肃省“十四五”规划（2021—2025年）",
        "media 人民日报",
        "ordinal 7",
        "number 八大",
    ]


# Fields the extractor never produces: each refused with RecordError (a ValueError), the
# message naming the class, the argument and what it must be.
REFUSED = [
    (lambda: Quantity("x", 0, 1, dimension="weight"), "'dimension' must be one of money"),
    (lambda: Quantity("x", 0, 1, approx="roughly"), "'approx' must be one of exact"),
    (lambda: Quantity("x", 0, 1, trend="sideways"), "'trend' must be one of up, down"),
    (lambda: Quantity("5美元", 0, 3, 5.0, 5.0, 5.0, "美元", "money", currency="usd"), "ISO 4217"),
    (lambda: Quantity("5元", 0, 2, 5.0, 5.0, 5.0, "元", "money", currency="RMB1"), "ISO 4217"),
    (lambda: Quantity("3-5万元", 0, 5, None, 50000.0, 30000.0, "元"), "'low' (50000)"),
    (lambda: Quantity("x", 0, 1, float("nan")), "'value' must be a finite number"),
    (lambda: Quantity("x", 0, 1, None, float("inf"), None), "'low' must be a finite number"),
    (lambda: Date("2023年13月", 0, 8, 2023, 13), "'month' must be an int from 1 to 12"),
    (lambda: Date("2023年0月", 0, 7, 2023, 0), "'month' must be an int from 1 to 12"),
    (lambda: Date("2月30日", 0, 5, None, 2, 30), "'day' (30) is past the end of month 2"),
    (lambda: Date("2023年2月29日", 0, 10, 2023, 2, 29), "'day' (29) is past the end of month 2"),
    (lambda: Date("4月31日", 0, 5, None, 4, 31), "'day' (31) is past the end of month 4"),
    (lambda: Date("x", 0, 1, 2023, 1, 1, 2023, 6, 31), "'end_day' (31) is past the end"),
    (lambda: Date("x", 0, 1, 2026, None, None, 2023), "'year' (2026) must not be after"),
    (lambda: Date("x", 0, 1, 0), "'year' must be an int from 1 to 9999"),
    (lambda: Date("x", 0, 1, 10000), "'year' must be an int from 1 to 9999"),
    (lambda: Title("《x》", 0, 3, "x", start_year=2026, end_year=2021), "'start_year' (2026)"),
    (lambda: Date("2023年", 5, 0, 2023), "start (5) must not be after end (0)"),
    (lambda: Number("七", -1, 0, 7.0), "'start' must be an offset from 0"),
    (lambda: Number("七", 0, 2**63, 7.0), "'end' must be an offset from 0 to 2**63 - 1"),
]


@pytest.mark.parametrize(("make", "message"), REFUSED)
def test_constructors_refuse_values_outside_the_specification(make, message: str) -> None:
    with pytest.raises(xe.RecordError, match=re.escape(message)):
        make()
    assert issubclass(xe.RecordError, xe.XinzhiError)
    assert issubclass(xe.RecordError, ValueError)


# What the extractor does produce is accepted at the edges.
ACCEPTED = [
    lambda: Date("2024年2月29日", 0, 10, 2024, 2, 29),
    lambda: Date("2月29日", 0, 5, None, 2, 29),
    lambda: Date("12月31日", 0, 6, None, 12, 31),
    lambda: Date("2023年", 0, 5, 2023, None, None, 2023),
    lambda: Quantity("5港元", 0, 3, 5.0, 5.0, 5.0, "港元", "money", currency="HKD"),
    lambda: Quantity("上百个", 0, 3, None, 100.0, None, "个", "count", "over"),
    lambda: Number("第七", 0, 2**63 - 1, 7.0, True),
]


@pytest.mark.parametrize("make", ACCEPTED)
def test_constructors_accept_what_the_extractor_produces(make) -> None:
    record = make()
    assert type(record)(*[getattr(record, f) for f in type(record).__match_args__]) == record


def test_constructor_types_are_checked() -> None:
    with pytest.raises(TypeError, match="argument 'start' must be int, not str"):
        Date("2023年", "0", 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="argument 'value' must be float, not str"):
        Number("七", 0, 1, "7")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="argument 'month' must be int, not bool"):
        Date("x", 0, 1, 2023, True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Quantity("x", 0, 1, dimension=None)  # type: ignore[arg-type]


def test_record_union_covers_the_four_classes() -> None:
    for record in RECORDS:
        assert isinstance(record, xe.Record)
    assert not isinstance("77家", xe.Record)
