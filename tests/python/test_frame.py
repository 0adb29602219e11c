"""``to_frame`` and ``ExtractionBatch.to_pandas``: one row per record, proper nullable dtypes,
``doc`` from the position or the Series index; the ``Series.xinzhi`` accessor; pandas optional."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

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
    "unit": "string",
    "dimension": "category",
    "approx": "category",
    "currency": "string",
    "trend": "category",
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


def test_columns_and_dtypes() -> None:
    frame = xe.to_frame(MIXED)
    assert dtype_names(frame) == DTYPES
    assert list(frame["kind"].cat.categories) == ["quantity", "date", "title", "number"]
    assert "percentage_point" in frame["dimension"].cat.categories
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
        for column in DTYPES:
            if column == "doc":
                continue
            assert plain(cells[column]) == fields.get(column), (column, record)
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
        print("pandas" in sys.modules, "pyarrow" in sys.modules, "numpy" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]


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


def test_the_accessor_is_registered_when_pandas_comes_first_or_on_first_use() -> None:
    result = run_python(
        """
        import pandas as pd
        import xinzhi_extract
        print(hasattr(pd.Series(["2023年"]), "xinzhi"))
        """
    )
    assert result.stdout.split() == ["True"], result.stderr
    result = run_python(
        """
        import xinzhi_extract as xe
        import pandas as pd
        before = hasattr(pd.Series(["2023年"]), "xinzhi")
        xe.to_frame(["2023年"])
        print(before, hasattr(pd.Series(["2023年"]), "xinzhi"))
        """
    )
    assert result.stdout.split() == ["False", "True"], result.stderr


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
