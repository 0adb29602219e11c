"""``to_frame`` and ``ExtractionBatch.to_pandas``: one row per record, proper nullable dtypes,
``doc`` from the position or the Series index; the ``Series.xinzhi`` accessor; pandas optional."""

from __future__ import annotations

import doctest
import importlib
import inspect
import math
import pydoc
import re
import subprocess
import sys
import textwrap
import typing
from collections.abc import Callable

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre

pd = pytest.importorskip("pandas")

DTYPES = {
    "doc": "int64",
    "kind": "category",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "mid": "Float64",
    "unit": "string",
    "dimension": "category",
    "approx": "category",
    "currency": "string",
    "trend": "category",
    "subject": "string",
    "subject_start": "Int64",
    "subject_end": "Int64",
    "year": "Int32",
    "month": "Int32",
    "day": "Int32",
    "end_year": "Int32",
    "end_month": "Int32",
    "end_day": "Int32",
    "title": "string",
    "doc_type": "string",
    "issuer": "string",
    "start_year": "Int32",
    "is_policy": "boolean",
    "ordinal": "boolean",
}

# Text of every kind, so that every column holds values.
MIXED = [
    "2023年，全省新增企业77家，总投资约4.2億元。",
    "",
    "省政府印发《甘肃省“十四五”规划（2021—2025年）》，实施八大工程。",
    "2024年1月3日，综合排名全国第七，增长16%。",
    "没有数字。",
]


def dtype_names(frame: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype.name) for name, dtype in frame.dtypes.items()}


def plain(value: object) -> object:
    """A frame cell as the record field it came from: missing values as ``None``."""
    if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def midpoint(fields: dict[str, object]) -> float | None:
    """The ``mid`` column: the midpoint of ``low`` and ``high``, missing without both."""
    low, high = fields.get("low"), fields.get("high")
    if not isinstance(low, float) or not isinstance(high, float):
        return None
    return low if low == high else low / 2 + high / 2


def test_columns_and_dtypes() -> None:
    frame = xe.to_frame(MIXED)
    assert dtype_names(frame) == DTYPES
    assert list(frame["kind"].cat.categories) == ["quantity", "date", "title", "number"]
    assert {"percentage_point", "permille", "price"} <= set(frame["dimension"].cat.categories)
    assert list(frame["trend"].cat.categories) == ["up", "down"]


def test_empty_frames_keep_their_columns_and_dtypes() -> None:
    for texts in ([], ["", "没有数字。"]):
        frame = xe.to_frame(texts)
        assert len(frame) == 0
        assert dtype_names(frame) == DTYPES


@pytest.mark.parametrize("threads", [1, 2])
def test_one_row_per_record_with_its_fields(threads: int) -> None:
    texts = texts_of_the_genre(400) + MIXED
    batch = xe.extract_batch(texts, threads=threads)
    frame = batch.to_pandas()
    expected_rows = [
        (position, record) for position, records in enumerate(batch) for record in records
    ]
    assert len(frame) == len(expected_rows) == batch.record_count
    assert frame.index.equals(pd.RangeIndex(len(frame)))
    for row, (position, record) in zip(frame.itertuples(index=False), expected_rows, strict=True):
        cells = row._asdict()
        assert cells["doc"] == position
        fields = record.to_dict()
        if fields.get("low") is not None and fields.get("high") is not None:
            fields["mid"] = (fields["low"] + fields["high"]) / 2
        for column in DTYPES:
            if column == "doc":
                continue
            expected = midpoint(fields) if column == "mid" else fields.get(column)
            assert plain(cells[column]) == expected, (column, record)
        assert texts[position][cells["start"] : cells["end"]] == cells["text"]


def test_doc_holds_the_series_index_labels() -> None:
    texts = pd.Series(MIXED, index=["gs-1", "gs-2", "gs-3", "hk-1", "hk-2"], name="body")
    frame = xe.to_frame(texts)
    by_position = xe.to_frame(list(MIXED))
    labels = list(texts.index)
    assert list(frame["doc"]) == [labels[p] for p in by_position["doc"]]
    assert frame.drop(columns="doc").equals(by_position.drop(columns="doc"))

    dated = pd.Series(MIXED, index=pd.date_range("2024-01-01", periods=5, freq="D"))
    frame = xe.to_frame(dated)
    assert str(frame["doc"].dtype).startswith("datetime64")
    assert list(frame["doc"]) == [dated.index[p] for p in by_position["doc"]]

    repeated = pd.Series(MIXED, index=[7, 7, 9, 9, 9])
    assert list(xe.to_frame(repeated)["doc"]) == [[7, 7, 9, 9, 9][p] for p in by_position["doc"]]
    assert list(xe.extract_batch(MIXED).to_pandas(index=repeated.index)["doc"]) == list(
        xe.to_frame(repeated)["doc"]
    )


def test_the_frame_is_an_ordinary_writable_frame() -> None:
    frame = xe.to_frame(MIXED)
    frame.loc[0, "start"] = 99
    frame.loc[0, "value"] = 1.5
    frame.loc[0, "year"] = 1999
    assert frame.loc[0, "start"] == 99
    assert frame.loc[0, "year"] == 1999
    assert xe.to_frame(MIXED).loc[0, "start"] != 99
    assert frame.groupby("kind", observed=True).size().sum() == len(frame)


def test_series_accessor() -> None:
    texts = pd.Series(MIXED, index=list("abcde"))
    frame = texts.xinzhi.extract()
    assert frame.equals(xe.to_frame(texts))
    dates = texts.xinzhi.extract(kinds=["date"])
    assert set(dates["kind"]) <= {"date"}
    assert dates.equals(xe.to_frame(texts, kinds="date"))
    extractor = xe.Extractor(kinds="date", reference_year=2024)
    assert texts.xinzhi.extract(extractor=extractor).equals(extractor.to_frame(texts))
    with pytest.raises(TypeError, match="either an extractor or its options"):
        texts.xinzhi.extract(kinds="date", extractor=extractor)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_the_package_does_not_import_pandas() -> None:
    result = run_python(
        """
        import sys
        import xinzhi_extract as xe
        xe.extract_batch(["2023年"])
        print(*(name in sys.modules for name in ("pandas", "pyarrow", "numpy", "polars")))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "False"]


def test_without_pandas_the_message_says_how_to_get_it() -> None:
    result = run_python(
        """
        import sys
        sys.modules["pandas"] = None  # as if pandas were not installed
        import xinzhi_extract as xe
        print(len(xe.extract("2023年")))
        try:
            xe.to_frame(["2023年"])
        except ImportError as error:
            print(error)
        """
    )
    assert result.returncode == 0, result.stderr
    first, message = result.stdout.split("\n", 1)
    assert first == "1"
    assert "need pandas, an optional dependency" in message
    assert "pip install 'xinzhi-extract[pandas]'" in message


@pytest.mark.parametrize(
    "imports",
    [
        "import pandas as pd\nimport xinzhi_extract",
        "import xinzhi_extract\nimport pandas as pd",
        "import xinzhi_extract\nfrom pandas import Series\nimport pandas as pd",
        # Looking pandas up (as polars does to learn whether it is installed) is no import.
        "import xinzhi_extract, importlib.util\nimportlib.util.find_spec('pandas')\nimport pandas as pd",
    ],
    ids=["pandas-first", "pandas-after", "from-import-after", "looked-up-first"],
)
def test_the_accessor_is_registered_whatever_the_import_order(imports: str) -> None:
    result = run_python(
        imports
        + """
print(hasattr(pd.Series(["2023年"]), "xinzhi"))
print(len(pd.Series(["2023年"]).xinzhi.extract()))
"""
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "1"], result.stderr
    assert "Warning" not in result.stderr


@pytest.mark.parametrize(
    "texts", [MIXED, [], texts_of_the_genre(500)], ids=["mixed", "none", "genre"]
)
def test_arrow_and_buffer_paths_give_the_same_frame(texts: list[str]) -> None:
    pytest.importorskip("pyarrow")
    from xinzhi_extract._frame import to_pandas

    batch = xe.extract_batch(texts)
    through_arrow = to_pandas(batch, via_arrow=True)
    through_buffers = to_pandas(batch, via_arrow=False)
    assert dtype_names(through_buffers) == DTYPES
    assert through_arrow.equals(through_buffers)
    assert (through_arrow.dtypes == through_buffers.dtypes).all()
    index = pd.Index([f"id-{i}" for i in range(len(texts))])
    assert to_pandas(batch, index, via_arrow=True).equals(to_pandas(batch, index, via_arrow=False))
    for frame in (through_arrow, through_buffers):
        frame.loc[:, "start"] = 0
        frame.loc[:, "value"] = 1.0


# --- tables, missing texts, labels ------------------------------------------------------------

NEWS = pd.DataFrame(
    {
        "body": MIXED,
        "region": pd.array(["甘肃", "甘肃", "甘肃", "香港", "香港"], dtype="string"),
        "published": pd.to_datetime(["2024-01-02"] * 3 + ["2024-02-01"] * 2),
        "year": [2023, 2023, 2023, 2024, 2024],
    },
    index=pd.Index(["gs-1", "gs-2", "gs-3", "hk-1", "hk-2"], name="article"),
)


@pytest.mark.parametrize(
    "call",
    [
        lambda frame: xe.to_frame(frame),
        lambda frame: xe.to_frame(frame[["body"]]),
        lambda frame: xe.Extractor().to_frame(frame),
        lambda frame: frame.pipe(xe.to_frame, kinds="date"),
    ],
    ids=["to_frame", "one-column-frame", "Extractor.to_frame", "pipe"],
)
def test_a_whole_data_frame_is_refused_with_the_way_out(call: Callable[[object], object]) -> None:
    with pytest.raises(TypeError, match=r"is a DataFrame: name its column of texts") as caught:
        call(NEWS)
    assert 'text="body"' in str(caught.value)
    assert 'frame["body"]' in str(caught.value)


@pytest.mark.parametrize(
    "function", [xe.extract_batch, xe.Extractor().extract_batch], ids=["module", "Extractor"]
)
def test_extract_batch_refuses_tables(function: Callable[[object], object]) -> None:
    tables = [NEWS, NEWS[["body"]]]
    polars = sys.modules.get("polars") or pytest.importorskip("polars")
    tables.append(polars.DataFrame({"body": MIXED}))
    for table in tables:
        with pytest.raises(TypeError, match=r"not a table \((DataFrame)\): pass one column"):
            function(table)


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA], ids=["None", "NaN", "NA"])
@pytest.mark.parametrize("dtype", [object, "string", "str", "category"])
def test_missing_texts_give_no_records(missing: object, dtype: object) -> None:
    values = [MIXED[0], missing, MIXED[2], missing, MIXED[3]]
    labels = ["a", "b", "c", "d", "e"]
    series = pd.Series(values, index=labels, dtype=dtype)
    present = pd.Series([MIXED[0], MIXED[2], MIXED[3]], index=["a", "c", "e"])
    expected = xe.to_frame(present)
    frame = xe.to_frame(series)
    assert len(frame) > 0
    pd.testing.assert_frame_equal(frame, expected)
    pd.testing.assert_frame_equal(series.xinzhi.extract(), expected)
    records = series.xinzhi.records()
    assert records.index.equals(series.index)
    assert records["b"] is None and records["d"] is None
    assert records["a"] == [r.to_dict() for r in xe.extract(MIXED[0])]


def test_all_missing_or_empty_series_give_empty_frames_with_every_column() -> None:
    for series in (
        pd.Series([None, None], dtype=object, index=["a", "b"]),
        pd.Series([], dtype="string"),
    ):
        frame = xe.to_frame(series)
        assert len(frame) == 0
        assert list(frame.columns) == list(DTYPES)


@pytest.mark.parametrize(
    ("bad", "type_name"), [(5, "int"), (b"77\xe5\xae\xb6", "bytes"), (["x"], "list")]
)
def test_errors_name_the_index_label(bad: object, type_name: str) -> None:
    series = pd.Series(["2023年", None, bad, "无"], index=["gs-1", "gs-2", "gs-3", "gs-4"])
    expected = (
        rf"to_frame\(\) argument 'texts', item at index label 'gs-3', must be str, not {type_name}"
    )
    with pytest.raises(TypeError, match=expected):
        xe.to_frame(series)
    with pytest.raises(TypeError, match="item at index label 'gs-3'"):
        series.xinzhi.extract()
    with pytest.raises(TypeError, match="item at index label 'gs-3'"):
        xe.Extractor().to_frame(series)
    # Positions count the missing texts: the error points at the row, not at the n-th text.
    with pytest.raises(TypeError, match=r"item 2, must be str"):
        xe.to_frame(list(series.fillna("")))
    surrogate = pd.Series(["2023年", None, "坏\udc80字"], index=[10, 20, 30], dtype=object)
    with pytest.raises(xe.InvalidTextError, match=r"item at index label 30, is not valid Unicode: lone surrogate '\\udc80' at index 1"):  # fmt: skip
        xe.to_frame(surrogate)
    with pytest.raises(TypeError, match=r"item at index label \('hk', 2\), must be str"):
        xe.to_frame(pd.Series(["a", 3], index=pd.MultiIndex.from_tuples([("hk", 1), ("hk", 2)])))


def test_threads_errors_name_the_function() -> None:
    with pytest.raises(TypeError, match=r"to_frame\(\) argument 'threads' must be int or None"):
        xe.to_frame(MIXED, threads="2")  # type: ignore[arg-type]
    with pytest.raises(xe.OptionError, match="threads"):
        xe.to_frame(MIXED, threads=0)
    assert len(xe.to_frame(MIXED, threads=__import__("numpy").int64(2))) > 0


def test_the_index_name_names_the_label_column() -> None:
    by_position = xe.to_frame(MIXED)
    frame = xe.to_frame(NEWS["body"])
    assert list(frame.columns) == ["article", *list(DTYPES)[1:]]
    assert list(frame["article"]) == [NEWS.index[p] for p in by_position["doc"]]
    assert frame["article"].dtype == NEWS.index.dtype
    pd.testing.assert_frame_equal(frame.iloc[:, 1:], by_position.iloc[:, 1:])
    # A name that is also a record column would make two columns of one name: refused.
    clash = NEWS["body"].rename_axis("year")
    with pytest.raises(xe.OptionError, match=r"'year', the index's name, is also a record column"):
        xe.to_frame(clash)


def test_a_multi_index_gives_one_column_per_level() -> None:
    by_position = xe.to_frame(MIXED)
    tuples = [("甘肃", 1), ("甘肃", 2), ("甘肃", 3), ("香港", 1), ("香港", 2)]
    named = pd.Series(MIXED, index=pd.MultiIndex.from_tuples(tuples, names=["region", "n"]))
    frame = xe.to_frame(named)
    assert list(frame.columns)[:3] == ["region", "n", "kind"]
    assert list(zip(frame["region"], frame["n"], strict=True)) == [
        tuples[p] for p in by_position["doc"]
    ]
    assert str(frame["n"].dtype) == "int64"
    unnamed = pd.Series(MIXED, index=pd.MultiIndex.from_tuples(tuples))
    assert list(xe.to_frame(unnamed).columns)[:2] == ["level_0", "level_1"]
    half = pd.Series(MIXED, index=pd.MultiIndex.from_tuples(tuples, names=["region", None]))
    assert list(xe.to_frame(half).columns)[:2] == ["region", "level_1"]


def test_keep_carries_columns_onto_the_records() -> None:
    news = NEWS.copy()
    news.loc["gs-3", "body"] = None  # a missing text among them
    frame = xe.to_frame(news, text="body", keep=["region", "published"])
    expected = xe.to_frame(news["body"])
    assert list(frame.columns) == ["article", "region", "published", *list(DTYPES)[1:]]
    pd.testing.assert_frame_equal(frame.drop(columns=["region", "published"]), expected)
    assert list(frame["region"]) == [news.loc[a, "region"] for a in frame["article"]]
    assert list(frame["published"]) == [news.loc[a, "published"] for a in frame["article"]]
    assert frame["region"].dtype == news["region"].dtype
    assert frame["published"].dtype == news["published"].dtype
    assert "gs-3" not in set(frame["article"])
    # The same through an Extractor, and with a default index.
    extractor = xe.Extractor(kinds="quantity")
    plain = news.reset_index(drop=True)
    carried = extractor.to_frame(plain, text="body", keep=["region"])
    assert list(carried.columns[:2]) == ["doc", "region"]
    assert list(carried["region"]) == [plain.loc[d, "region"] for d in carried["doc"]]


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"text": "content"}, xe.OptionError, "invalid option text: the frame has no column 'content'"),
        ({"text": "body", "keep": ["regoin"]}, xe.OptionError, "no column 'regoin'"),
        ({"text": "body", "keep": "region"}, TypeError, "'keep' must be a list of column names, not str"),
        ({"text": "body", "keep": ["year"]}, xe.OptionError, "'year', a keep column, is also a record column"),
    ],
)  # fmt: skip
def test_bad_text_and_keep_options(
    options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        xe.to_frame(NEWS, **options)  # type: ignore[arg-type]


def test_text_and_keep_need_a_data_frame() -> None:
    for texts in (MIXED, NEWS["body"]):
        with pytest.raises(TypeError, match="'text' names columns of a pandas DataFrame"):
            xe.to_frame(texts, text="body")
        with pytest.raises(TypeError, match="'keep' names columns of a pandas DataFrame"):
            xe.to_frame(texts, keep=["region"])


# The columns of each kind: what an analyst who asks for those kinds sees.
COLUMNS_OF = {
    "quantity": [
        "value",
        "low",
        "high",
        "mid",
        "unit",
        "dimension",
        "approx",
        "currency",
        "trend",
        "subject",
        "subject_start",
        "subject_end",
    ],
    "date": ["year", "month", "day", "end_year", "end_month", "end_day"],
    "title": ["end_year", "title", "doc_type", "issuer", "start_year", "is_policy"],
    "number": ["value", "ordinal", "approx"],
}


@pytest.mark.parametrize(
    "kinds",
    [{"quantity"}, {"date"}, {"title"}, {"number"}, {"quantity", "date"}, {"title", "number"}],
    ids=lambda kinds: "+".join(sorted(kinds)),
)
def test_kinds_narrow_the_columns(kinds: set[str]) -> None:
    wanted = {"doc", "kind", "text", "start", "end"}.union(*(COLUMNS_OF[k] for k in kinds))
    expected = [c for c in DTYPES if c in wanted]
    full = xe.to_frame(MIXED)
    for frame in (
        xe.to_frame(MIXED, kinds=kinds),  # type: ignore[arg-type]
        xe.Extractor(kinds=kinds).to_frame(MIXED),
        pd.Series(MIXED).xinzhi.extract(kinds=kinds),  # type: ignore[arg-type]
    ):
        assert list(frame.columns) == expected
        assert set(frame["kind"]) == kinds
        rows = full[full["kind"].isin(kinds)].reset_index(drop=True)[expected]
        pd.testing.assert_frame_equal(frame, rows)
    assert list(xe.to_frame([], kinds=kinds).columns) == expected  # type: ignore[arg-type]


MIDPOINTS = [
    ("投资3-5万元。", 30000.0, 50000.0, 40000.0),
    ("新增企业77家。", 77.0, 77.0, 77.0),
    ("三至五年内完成。", 3.0, 5.0, 4.0),
    ("建成上百个站点。", 100.0, None, None),
    ("两三个项目", 2.0, 3.0, 2.5),
]


@pytest.mark.parametrize(("text", "low", "high", "mid"), MIDPOINTS)
def test_mid_is_the_middle_of_low_and_high(
    text: str, low: float | None, high: float | None, mid: float | None
) -> None:
    frame = xe.to_frame([text], kinds="quantity")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (plain(row["low"]), plain(row["high"]), plain(row["mid"])) == (low, high, mid)


def test_money_in_yi_yuan_counts_ranges_by_their_middle() -> None:
    frame = xe.to_frame(
        ["总投资约4.2亿元，其中3-5亿元用于基础设施，另有8990萬元。"], kinds="quantity"
    )
    money = frame[frame["currency"] == "CNY"]
    assert list(money["value"].isna()) == [False, True, False]
    assert money["value"].sum() / 1e8 == pytest.approx(4.2 + 0.899)
    assert money["mid"].sum() / 1e8 == pytest.approx(4.2 + 4 + 0.899)


@pytest.mark.parametrize(
    ("index", "error", "message"),
    [
        ("abcde", TypeError, "must be a pandas Index or a sequence of labels, not str"),
        (5, TypeError, "not int"),
        ({1, 2, 3, 4, 5}, TypeError, "not set"),
        (["a", "b"], xe.OptionError, "2 labels for a batch of 5 texts"),
        (pd.RangeIndex(6), xe.OptionError, "6 labels for a batch of 5 texts"),
    ],
)
def test_to_pandas_checks_the_index(index: object, error: type[Exception], message: str) -> None:
    batch = xe.extract_batch(MIXED)
    with pytest.raises(error, match=re.escape(message)):
        batch.to_pandas(index=index)


def test_to_pandas_refuses_an_index_over_ids() -> None:
    batch = xe.extract_batch(MIXED, ids=["a", "b", "c", "d", "e"])
    assert list(batch.to_pandas()["doc"]) == list(
        xe.to_frame(pd.Series(MIXED, index=list("abcde")))["doc"]
    )
    with pytest.raises(xe.OptionError, match="the batch has ids"):
        batch.to_pandas(index=list("vwxyz"))


def test_to_pandas_takes_any_sequence_of_labels() -> None:
    batch = xe.extract_batch(MIXED)
    labels = ["a", "b", "c", "d", "e"]
    expected = xe.to_frame(pd.Series(MIXED, index=labels))
    for index in (labels, tuple(labels), pd.Index(labels), pd.Series(labels)):
        pd.testing.assert_frame_equal(batch.to_pandas(index=index), expected)
    named = batch.to_pandas(index=pd.Index(labels, name="article"))
    assert named.columns[0] == "article"


def test_records_explode_into_rows() -> None:
    news = NEWS.copy()
    news["records"] = news["body"].xinzhi.records(kinds="quantity")
    rows = news.explode("records").dropna(subset="records")
    flat = pd.json_normalize(rows["records"].tolist())
    expected = xe.to_frame(news["body"], kinds="quantity")
    assert list(rows.index) == list(expected["article"])
    assert list(flat["text"]) == list(expected["text"])
    assert list(flat["value"]) == list(expected["value"].astype(object).fillna(float("nan")))
    assert news["records"]["gs-2"] == []


def test_help_shows_parameters_errors_and_an_example() -> None:
    from xinzhi_extract.pandas_accessor import XinzhiAccessor

    for function in (xe.to_frame, XinzhiAccessor.extract):
        doc = pydoc.render_doc(function, renderer=pydoc.plaintext)
        for section in ("Parameters", "Raises", "Examples", "kinds", "TypeError", ">>> "):
            assert section in doc, (function, section)
    doc = pydoc.render_doc(XinzhiAccessor.records, renderer=pydoc.plaintext)
    assert "Examples" in doc and "explode" in doc
    signature = inspect.signature(xe.to_frame)
    assert list(signature.parameters) == ["texts", "threads", "kinds", "text", "keep"]
    assert "Any" not in str(signature)
    assert signature.return_annotation == "pd.DataFrame"
    assert typing.get_args(xe._frame.Kind) == ("quantity", "date", "title", "number")
    assert inspect.signature(XinzhiAccessor.extract).return_annotation == "pd.DataFrame"
    assert inspect.signature(XinzhiAccessor.records).return_annotation == "pd.Series"


@pytest.mark.parametrize("module", ["xinzhi_extract._frame", "xinzhi_extract.pandas_accessor"])
def test_docstring_examples_run(module: str) -> None:
    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0
    assert failures == 0


def test_the_accessor_gives_the_facts_table() -> None:
    news = NEWS["body"]
    facts = news.xinzhi.facts(reference_year=2024)
    pd.testing.assert_frame_equal(facts, xe.Extractor(reference_year=2024).facts(news))
    assert facts.columns[0] == "article"
    extractor = xe.Extractor(yuan_currency="HKD")
    pd.testing.assert_frame_equal(news.xinzhi.facts(extractor=extractor), extractor.facts(news))
    with pytest.raises(TypeError, match="either an extractor or its options"):
        news.xinzhi.facts(reference_year=2024, extractor=extractor)
