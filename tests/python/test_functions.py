"""The module-level functions and Extractor options, on sentences of the genre."""

from __future__ import annotations

import math
import pickle

import pytest
import xinzhi_extract as xe
from xinzhi_extract import Date, Extractor, Number, Quantity, Title


def span(sentence: str, text: str) -> tuple[int, int]:
    """Code-point offsets of the first occurrence of ``text`` in ``sentence``."""
    start = sentence.index(text)
    return start, start + len(text)


def quantity(sentence: str, text: str, value: float | None, unit: str | None, dimension: str,
             approx: str = "exact", currency: str | None = None, trend: str | None = None,
             low: float | None = None, high: float | None = None) -> Quantity:  # fmt: skip
    low = value if low is None else low
    high = value if high is None else high
    return Quantity(
        text, *span(sentence, text), value, low, high, unit, dimension, approx, currency, trend
    )


def ignoring_subjects(records: list[xe.Record]) -> list[xe.Record]:
    """The records with the subject of each quantity cleared: the subjects' own tables test
    them (tests/data), these cases the other fields."""
    return [
        Quantity(*[getattr(r, f) for f in Quantity.__match_args__][:11])
        if isinstance(r, Quantity)
        else r
        for r in records
    ]


S_COUNT = "全省共有规上工业企业77家。"
S_MONEY = "黑龙江省获国家自然科学基金资助经费8990萬元，资助额度创历史新高。"
S_ABOUT = "项目总投资约4.2億元，建成后年产值超过10亿元。"
S_GROWTH = "2023年全省地区生产总值增长6.4%。"
S_TITLE = "省政府印发《甘肃省“十四五”规划（2021—2025年）》。"
S_NUMBER = "实施八大工程，综合排名全国第七。"

# Sentences whose records SPEC.md settles without doubt, with all of them, in order.
CASES = [
    (S_COUNT, [quantity(S_COUNT, "77家", 77.0, "家", "count")]),
    (S_MONEY, [quantity(S_MONEY, "8990萬元", 89900000.0, "元", "money", currency="CNY")]),
    (
        S_ABOUT,
        [
            quantity(S_ABOUT, "约4.2億元", 420000000.0, "元", "money", "about", "CNY"),
            quantity(S_ABOUT, "超过10亿元", 1000000000.0, "元", "money", "over", "CNY"),
        ],
    ),
    (
        S_GROWTH,
        [
            Date("2023年", *span(S_GROWTH, "2023年"), 2023),
            quantity(S_GROWTH, "6.4%", 6.4, "%", "percent", trend="up"),
        ],
    ),
    (
        S_TITLE,
        [
            Title(
                "《甘肃省“十四五”规划（2021—2025年）》",
                *span(S_TITLE, "《甘肃省“十四五”规划（2021—2025年）》"),
                "甘肃省“十四五”规划（2021—2025年）",
                "规划",
                "甘肃省",
                2021,
                2025,
                True,
            ),
            Date("2021—2025年", *span(S_TITLE, "2021—2025年"), 2021, end_year=2025),
        ],
    ),
    (
        S_NUMBER,
        [
            Number("八大", *span(S_NUMBER, "八大"), 8.0),
            Number("第七", *span(S_NUMBER, "第七"), 7.0, True),
        ],
    ),
    ("", []),
    ("没有任何数字的句子。", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_extract_finds_every_record(sentence: str, expected: list[xe.Record]) -> None:
    assert ignoring_subjects(xe.extract(sentence)) == expected
    assert ignoring_subjects(Extractor().extract(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_helpers_and_kinds_filter_the_same_records(
    sentence: str, expected: list[xe.Record]
) -> None:
    records = xe.extract(sentence)
    by_kind = {
        "quantity": xe.quantities,
        "date": xe.dates,
        "title": xe.titles,
        "number": xe.numbers,
    }
    for kind, helper in by_kind.items():
        wanted = [r for r in records if r.kind == kind]
        assert helper(sentence) == wanted
        assert getattr(Extractor(), helper.__name__)(sentence) == wanted
        assert xe.extract(sentence, kinds=kind) == wanted
        assert Extractor(kinds=[kind]).extract(sentence) == wanted
    pair = [r for r in records if r.kind in {"quantity", "title"}]
    assert xe.extract(sentence, kinds={"quantity", "title"}) == pair
    assert xe.extract(sentence, kinds=(k for k in ["title", "quantity"])) == pair
    assert xe.extract(sentence, kinds=[]) == []


def test_records_are_sorted_and_match_their_span() -> None:
    for sentence, _ in CASES:
        records = xe.extract(sentence)
        assert [r.start for r in records] == sorted(r.start for r in records)
        for record in records:
            assert sentence[record.start : record.end] == record.text


RELATIVE_YEARS = [
    ("今年以来，全省新签约项目持续增加。", "今年", 2024),
    ("与去年同期相比，进出口总额有所回升。", "去年", 2023),
    ("明年将全面完成改造任务。", "明年", 2025),
    ("前年启动的试点已经结束。", "前年", 2022),
]


@pytest.mark.parametrize(("sentence", "word", "year"), RELATIVE_YEARS)
def test_reference_year_resolves_relative_years(sentence: str, word: str, year: int) -> None:
    extractor = Extractor(reference_year=2024)
    assert extractor.reference_year == 2024
    assert extractor.dates(sentence) == [Date(word, *span(sentence, word), year)]
    assert xe.dates(sentence) == []
    assert Extractor(reference_year=2000).dates(sentence)[0].year == year - 24


def test_yuan_currency_sets_the_currency_of_a_plain_yuan() -> None:
    sentence = "政府拨款3億元，另有500萬美元外资。"
    hong_kong = Extractor(yuan_currency="HKD")
    assert hong_kong.yuan_currency == "HKD"
    assert [q.currency for q in hong_kong.quantities(sentence)] == ["HKD", "USD"]
    assert [q.currency for q in xe.quantities(sentence)] == ["CNY", "USD"]
    assert Extractor(yuan_currency="twd").yuan_currency == "TWD"


def test_extractor_options_and_repr() -> None:
    extractor = Extractor(kinds={"title", "quantity"}, reference_year=2023, yuan_currency="MOP")
    assert extractor.kinds == ("quantity", "title")
    assert repr(extractor) == (
        "Extractor(kinds=('quantity', 'title'), reference_year=2023, yuan_currency='MOP', "
        "roc_years=False, locale='zh-CN')"
    )
    assert Extractor().kinds == ("quantity", "date", "title", "number")
    assert repr(Extractor(kinds="date")) == (
        "Extractor(kinds=('date',), reference_year=None, yuan_currency='CNY', "
        "roc_years=False, locale='zh-CN')"
    )
    assert Extractor(kinds="date") == Extractor(kinds=["date"])
    assert hash(Extractor(kinds="date")) == hash(Extractor(kinds=("date",)))
    assert Extractor(kinds="date") != Extractor()
    assert eval(repr(extractor), {"Extractor": Extractor}) == extractor
    # A locale sets a region's defaults; options given explicitly win; all of it pickles.
    for options, yuan, roc in [
        ({"locale": "zh-TW"}, "TWD", True),
        ({"locale": "zh-HK"}, "HKD", False),
        ({"locale": "zh-TW", "yuan_currency": "CNY"}, "CNY", True),
        ({"locale": "zh-TW", "roc_years": False}, "TWD", False),
        ({"roc_years": True}, "CNY", True),
    ]:
        regional = Extractor(**options)  # type: ignore[arg-type]
        assert (regional.yuan_currency, regional.roc_years) == (yuan, roc), options
        assert pickle.loads(pickle.dumps(regional)) == regional
        assert eval(repr(regional), {"Extractor": Extractor}) == regional
    with pytest.raises(xe.OptionError, match="zh-CN, zh-HK, zh-TW"):
        Extractor(locale="en-US")


PARSE_NUMERAL = [
    ("一百二十三", 123),
    ("两千", 2000),
    ("兩萬", 20000),
    ("三千五百万", 35000000),
    ("1.2万", 12000),
    ("5萬億", 5_000_000_000_000),
    ("二〇二三", 2023),
    ("十", 10),
    ("一十", 10),
    ("廿", 20),
    ("卅", 30),
    ("壹佰贰拾叁", 123),
    ("壹佰貳拾參", 123),
    ("零点五", 0.5),
    ("零點五", 0.5),
    ("负三", -3),
    ("百分之五", 5),
    ("三分之一", 1 / 3),
    ("１２３", 123),
    ("1,000", 1000),
    ("第三", 3),
    ("四十九兆九千五百九十二億", 49_959_200_000_000),
    ("九百二十二京三千三百七十二兆零三百六十八億五千四百七十七万五千八百零七", 2**63 - 1),
]


@pytest.mark.parametrize(("text", "value"), PARSE_NUMERAL)
def test_parse_numeral(text: str, value: float) -> None:
    result = xe.parse_numeral(text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty input"),
        ("  ", "empty input"),
        ("三个", "'个' at character 1 of \"三个\" is not part of a numeral"),
        ("一百千", "magnitude '千' at character 2"),
        ("abc", "'a' at character 0"),
        ("九百二十三京", "too large"),
    ],
)
def test_parse_numeral_refuses_what_is_not_a_numeral(text: str, message: str) -> None:
    with pytest.raises(xe.NumeralError, match=message) as caught:
        xe.parse_numeral(text)
    assert isinstance(caught.value, ValueError)


TO_CHINESE = [
    (123, {}, "一百二十三"),
    (123, {"upper": True}, "壹佰贰拾叁"),
    (123, {"upper": True, "traditional": True}, "壹佰貳拾參"),
    (20000, {"traditional": True}, "二萬"),
    (150006355, {}, "一亿五千万六千三百五十五"),
    (-11, {"upper": True}, "负壹拾壹"),
    (0, {}, "零"),
    (0.5, {}, "零点五"),
    (12.0, {}, "十二点零"),
    (1e-05, {}, "零点零零零零一"),
    ("0.10", {}, "零点一零"),
]


@pytest.mark.parametrize(("n", "style", "expected"), TO_CHINESE)
def test_to_chinese(n: float | str, style: dict[str, bool], expected: str) -> None:
    assert xe.to_chinese(n, **style) == expected


@pytest.mark.parametrize("n", [0, 7, 10, 15, 101, 1010, 20000, 35000000, -3, 2**63 - 1, -(2**63)])
def test_to_chinese_inverts_parse_numeral(n: int) -> None:
    for upper in (False, True):
        for traditional in (False, True):
            assert xe.parse_numeral(xe.to_chinese(n, upper, traditional)) == n


@pytest.mark.parametrize(
    ("n", "error"),
    [
        (math.nan, xe.NumeralError),
        (math.inf, xe.NumeralError),
        (-math.inf, xe.NumeralError),
        (2**63, xe.NumeralError),
        (-(2**63) - 1, xe.NumeralError),
        ("一百", xe.NumeralError),
        (None, TypeError),
        (True, TypeError),
        (b"123", TypeError),
    ],
)
def test_to_chinese_refuses_what_has_no_numeral(n: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        xe.to_chinese(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("高質(zhì)量發(fā)展", "高質量發展"),
        ("約5萬(wàn)個(gè)", "約5萬個"),
        ("萬（wàn）億(yì)元", "萬億元"),
        ("重點(diǎn)任務（2023—2026年）", "重點任務（2023—2026年）"),
        ("每年(次)", "每年(次)"),
        ("GDP(gross) 5G", "GDP(gross) 5G"),
        ("", ""),
    ],
)
def test_clean_removes_pinyin_annotations_only(text: str, cleaned: str) -> None:
    assert xe.clean(text) == cleaned


def test_version_comes_from_cargo() -> None:
    assert xe.__version__.count(".") == 2
    assert all(part.isdigit() for part in xe.__version__.split("."))
