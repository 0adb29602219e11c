"""The polars namespace: ``pl.col(...).xinzhi.extract()`` and ``Series.xinzhi.extract()`` give
one list of records per text, the same records as ``extract_batch``, through the Arrow stream."""

from __future__ import annotations

import doctest
import importlib
import math
import subprocess
import sys
import textwrap

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre

pl = pytest.importorskip("polars")

MIXED = [
    "2023年，全省新增企业77家，总投资约4.2億元，其中3-5亿元用于基础设施。",
    "",
    "省政府印发《甘肃省“十四五”规划（2021—2025年）》，实施八大工程。",
    None,
    "2024年1月3日，综合排名全国第七，增长16%。",
    "没有数字。",
]


def plain(value: object) -> object:
    return None if isinstance(value, float) and math.isnan(value) else value


def expected_lists(texts: list[str | None], extractor: xe.Extractor) -> list[object]:
    """Each text's records as dicts of the struct's fields, ``None`` for a missing text."""
    out: list[object] = []
    for text in texts:
        if text is None:
            out.append(None)
            continue
        rows = []
        for record in extractor.extract(text):
            fields = record.to_dict()
            low, high = fields.get("low"), fields.get("high")
            fields["mid"] = None if low is None or high is None else (low + high) / 2
            rows.append(fields)
        out.append(rows)
    return out


def check(lists: list[object], texts: list[str | None], extractor: xe.Extractor) -> None:
    expected = expected_lists(texts, extractor)
    assert len(lists) == len(expected)
    for got, want in zip(lists, expected, strict=True):
        if want is None:
            assert got is None
            continue
        assert isinstance(got, list) and isinstance(want, list)
        assert len(got) == len(want)
        for struct, fields in zip(got, want, strict=True):
            for name, value in struct.items():
                assert plain(value) == fields.get(name), (name, struct, fields)


@pytest.mark.parametrize("kinds", [None, "quantity", ("date", "title"), "number"])
def test_the_expression_gives_each_texts_records(kinds: object) -> None:
    extractor = xe.Extractor(kinds=kinds)  # type: ignore[arg-type]
    news = pl.DataFrame({"id": [f"a{i}" for i in range(len(MIXED))], "body": MIXED})
    out = news.with_columns(records=pl.col("body").xinzhi.extract(kinds=kinds))
    assert out.columns == ["id", "body", "records"]
    check(out["records"].to_list(), MIXED, extractor)
    series = pl.Series("body", MIXED).xinzhi.extract(kinds=kinds)
    assert series.name == "body"
    assert series.dtype == out["records"].dtype
    check(series.to_list(), MIXED, extractor)


def test_fields_follow_the_kinds_like_the_frame_columns() -> None:
    pandas = pytest.importorskip("pandas")
    for kinds in (None, "quantity", "date", "title", "number", ("quantity", "title")):
        dtype = pl.Series(["2023年"]).xinzhi.extract(kinds=kinds).dtype
        fields = [field.name for field in dtype.inner.fields]
        frame = xe.to_frame(pandas.Series(["2023年"]), kinds=kinds)  # type: ignore[arg-type]
        assert fields == list(frame.columns[1:])


def test_lazy_queries_and_the_declared_type_agree() -> None:
    texts = texts_of_the_genre(300) + MIXED
    news = pl.LazyFrame({"body": texts})
    query = news.select(pl.col("body").xinzhi.extract(reference_year=2024))
    schema = query.collect_schema()
    out = query.collect()
    assert out.schema == schema
    check(out["body"].to_list(), texts, xe.Extractor(reference_year=2024))


def test_explode_and_unnest_give_one_row_per_record() -> None:
    news = pl.DataFrame({"id": list(range(len(MIXED))), "body": MIXED})
    rows = (
        news.with_columns(records=pl.col("body").xinzhi.extract())
        .explode("records")
        .drop_nulls("records")
        .unnest("records")
    )
    batch = xe.extract_batch([text or "" for text in MIXED])
    flat = pl.DataFrame(batch)
    assert rows["id"].to_list() == flat["doc"].to_list()
    assert rows["text"].to_list() == flat["text"].to_list()
    assert rows["value"].to_list() == flat["value"].to_list()
    money = rows.filter(pl.col("currency") == "CNY")
    assert money["mid"].sum() / 1e8 == pytest.approx(4.2 + 4)


def test_options_and_a_prebuilt_extractor() -> None:
    texts = pl.Series(["今年新增企业77家。"])
    extractor = xe.Extractor(reference_year=2025, kinds="date")
    by_options = texts.xinzhi.extract(kinds="date", reference_year=2025)
    assert texts.xinzhi.extract(extractor=extractor).equals(by_options)
    assert by_options.to_list()[0][0]["year"] == 2025
    with pytest.raises(TypeError, match="either an extractor or its options"):
        texts.xinzhi.extract(kinds="date", extractor=extractor)
    with pytest.raises(xe.OptionError, match="unknown record kind"):
        pl.col("body").xinzhi.extract(kinds="money")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"item 1, must be str, not int"):
        pl.Series([None, 5], dtype=pl.Object).xinzhi.extract()


def test_the_namespace_is_registered_whatever_the_import_order() -> None:
    for imports in ("import polars as pl\nimport xinzhi_extract", "import xinzhi_extract\nimport polars as pl"):  # fmt: skip
        code = imports + textwrap.dedent(
            """
            print(pl.Series(["2023年"]).xinzhi.extract().list.len().to_list())
            print(pl.select(pl.lit("77家").xinzhi.extract()).to_series().list.len().to_list())
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split("\n")[:2] == ["[1]", "[1]"]
        assert "Warning" not in result.stderr


def test_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(importlib.import_module("xinzhi_extract.polars_namespace"))
    assert tried > 0
    assert failures == 0


def test_to_frame_takes_a_polars_series_and_skips_its_nulls() -> None:
    pytest.importorskip("pandas")
    frame = xe.to_frame(pl.Series("body", MIXED))
    present = [(row, text) for row, text in enumerate(MIXED) if text is not None]
    expected = xe.to_frame([text for _, text in present])
    expected["doc"] = [present[p][0] for p in expected["doc"]]
    assert frame.equals(expected)
    assert 3 not in set(frame["doc"])


def test_facts_give_each_text_the_rows_of_the_facts_table() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    texts = [*texts_of_the_genre(120), None, "没有数字。"]
    extractor = xe.Extractor(reference_year=2024)
    table = xe.Extractor(reference_year=2024).facts(pl.Series("body", texts))
    news = pl.LazyFrame({"body": texts})
    query = news.select(pl.col("body").xinzhi.facts(reference_year=2024))
    out = query.collect()
    assert out.schema == query.collect_schema()
    lists = out["body"].to_list()
    series = pl.Series("body", texts).xinzhi.facts(extractor=extractor)
    assert series.to_list() == lists
    assert lists[-2] is None
    assert lists[-1] == []
    rows = [dict(fact, doc=row) for row, facts in enumerate(lists) for fact in facts or []]
    assert len(rows) == len(table) > 0
    expected = table.astype(object).where(table.notna(), None).to_dict("records")
    for got, want in zip(rows, expected, strict=True):
        assert {k: plain(v) for k, v in got.items()} == {k: plain(v) for k, v in want.items()}
