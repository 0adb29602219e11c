"""The Arrow PyCapsule stream of a batch, read by pyarrow and polars (each skipped when absent)."""

from __future__ import annotations

import ctypes
import math

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre

MIXED = [
    "2023年，全省新增企业77家，总投资约4.2億元。",
    "",
    "省政府印发《甘肃省“十四五”规划（2021—2025年）》，实施八大工程。",
    "2024年1月3日，综合排名全国第七，增长16%。",
]

ARROW_TYPES = {
    "doc": "int64",
    "kind": "dictionary<values=string, indices=int8, ordered=0>",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "value": "double",
    "low": "double",
    "high": "double",
    "mid": "double",
    "unit": "string",
    "dimension": "dictionary<values=string, indices=int8, ordered=0>",
    "approx": "dictionary<values=string, indices=int8, ordered=0>",
    "currency": "string",
    "trend": "dictionary<values=string, indices=int8, ordered=0>",
    "subject": "string",
    "subject_start": "int64",
    "subject_end": "int64",
    "year": "int32",
    "month": "int32",
    "day": "int32",
    "end_year": "int32",
    "end_month": "int32",
    "end_day": "int32",
    "title": "string",
    "doc_type": "string",
    "issuer": "string",
    "start_year": "int32",
    "is_policy": "bool",
    "ordinal": "bool",
}


def expected_rows(batch: xe.ExtractionBatch) -> list[dict[str, object]]:
    rows = []
    for position, records in enumerate(batch):
        for record in records:
            fields = record.to_dict()
            low, high = fields.get("low"), fields.get("high")
            fields["mid"] = None if low is None or high is None else (low + high) / 2
            rows.append({"doc": position} | {c: fields.get(c) for c in ARROW_TYPES if c != "doc"})
    return rows


def test_the_capsule_follows_the_protocol() -> None:
    batch = xe.extract_batch(MIXED)
    capsule = batch.__arrow_c_stream__()
    assert type(capsule).__name__ == "PyCapsule"
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype = ctypes.c_char_p
    get_name.argtypes = [ctypes.py_object]
    assert get_name(capsule) == b"arrow_array_stream"
    # An unconsumed capsule releases its stream when collected.
    del capsule
    assert batch.__arrow_c_stream__(requested_schema=None) is not None


def test_pyarrow_reads_the_stream() -> None:
    pa = pytest.importorskip("pyarrow")
    batch = xe.extract_batch(texts_of_the_genre(300) + MIXED, threads=2)
    table = pa.table(batch)
    assert {f.name: str(f.type) for f in table.schema} == ARROW_TYPES
    assert not table.schema.field("doc").nullable
    assert not table.schema.field("text").nullable
    assert table.num_rows == batch.record_count > 0
    assert table.to_pylist() == expected_rows(batch)
    # Each call exports a fresh stream.
    assert pa.table(batch).equals(table)
    reader = pa.RecordBatchReader.from_stream(batch)
    assert reader.read_all().equals(table)


def test_polars_reads_the_stream() -> None:
    pl = pytest.importorskip("polars")
    batch = xe.extract_batch(texts_of_the_genre(300) + MIXED)
    frame = pl.DataFrame(batch)
    assert frame.columns == list(ARROW_TYPES)
    assert frame.schema["kind"] == pl.Categorical
    assert frame.schema["value"] == pl.Float64
    assert frame.schema["year"] == pl.Int32
    assert frame.height == batch.record_count
    assert frame.to_dicts() == expected_rows(batch)
    counts = frame.group_by("kind").len().sort("kind")
    assert counts["len"].sum() == batch.record_count


def test_pandas_and_arrow_agree() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    batch = xe.extract_batch(MIXED)
    from_arrow = pa.table(batch).to_pylist()
    from_pandas = batch.to_pandas().to_dict("records")
    assert len(from_arrow) == len(from_pandas)
    for arrow_row, pandas_row in zip(from_arrow, from_pandas, strict=True):
        for column, value in arrow_row.items():
            cell = pandas_row[column]
            missing = (
                cell is None or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell))
            )
            assert (value is None) == missing, column
            if value is not None:
                assert cell == value, column


def test_empty_batches_stream_their_schema() -> None:
    pa = pytest.importorskip("pyarrow")
    for texts in ([], ["", "没有数字。"]):
        table = pa.table(xe.extract_batch(texts))
        assert table.num_rows == 0
        assert {f.name: str(f.type) for f in table.schema} == ARROW_TYPES
    pl = pytest.importorskip("polars")
    assert pl.DataFrame(xe.extract_batch([])).columns == list(ARROW_TYPES)
