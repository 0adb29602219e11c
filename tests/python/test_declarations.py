"""The record declarations: one table in the extension drives the classes, the stub, the
column layout and the ``ids``/``mid`` columns of a batch."""

from __future__ import annotations

import pickle

import pytest
import xinzhi_extract as xe
from xinzhi_extract import _stubgen
from xinzhi_extract._core import _record_schema

pa = pytest.importorskip("pyarrow")


def test_the_committed_stub_is_the_generated_one() -> None:
    current = _stubgen.stub_path().read_text(encoding="utf-8")
    assert _stubgen.splice(current, _stubgen.render()) == current, (
        "python/xinzhi_extract/_core.pyi is out of date: "
        "run  python -m xinzhi_extract._stubgen --write"
    )


def test_the_classes_follow_the_declarations() -> None:
    schema = _record_schema()
    classes = {cls.__name__: cls for cls in (xe.Quantity, xe.Date, xe.Title, xe.Number)}
    assert [r["class"] for r in schema["records"]] == list(classes)
    for record in schema["records"]:
        cls = classes[record["class"]]
        names = [f["name"] for f in record["fields"]]
        assert cls.__match_args__ == tuple(names)
        assert names[:3] == ["text", "start", "end"]
        for field in record["fields"]:
            getter = getattr(cls, field["name"])
            assert isinstance(getter, type(xe.Quantity.text))
            assert getter.__doc__ and getter.__doc__.strip() == field["doc"]


def test_the_columns_are_the_union_of_the_fields() -> None:
    schema = _record_schema()
    names = [name for name, _ in schema["columns"]]
    assert names[:2] == ["doc", "kind"]
    fields = {f["name"] for r in schema["records"] for f in r["fields"] + r["computed"]}
    assert set(names[2:]) == fields
    assert len(names) == len(set(names))
    table = pa.table(xe.extract_batch([]))
    assert table.column_names == names


# (low, high) → mid, as extracted from sentences of the genre.
MIDPOINTS = [
    ("全省新增企业77家。", 77.0),
    ("补助3-5万元。", 40000.0),
    ("项目投资三至五年。", 4.0),
    ("上百个项目落地。", None),
    ("单位：億元。", None),
    ("增長16%。", 16.0),
]


@pytest.mark.parametrize(("text", "mid"), MIDPOINTS)
def test_mid_is_the_midpoint_of_low_and_high(text: str, mid: float | None) -> None:
    batch = xe.extract_batch([text], kinds="quantity")
    rows = pa.table(batch).to_pylist()
    assert len(rows) == 1, rows
    assert rows[0]["mid"] == mid
    assert xe.Quantity("x", 0, 1, None, 1e308, 1e308).low == 1e308
    big = pa.table(xe.ExtractionBatch([[xe.Quantity("x", 0, 1, None, 1e308, 1.5e308)]]))
    assert big.column("mid").to_pylist() == [1.25e308]


IDS = [
    (["gs-1", "gs-2", "hk-1"], "string", ["gs-1", "gs-1", "hk-1"]),
    ([101, 102, 103], "int64", [101, 101, 103]),
    (None, "int64", [0, 0, 2]),
]
TEXTS = ["全省新增企业77家，总投资约4.2億元。", "没有数字。", "增长16%。"]


@pytest.mark.parametrize(("ids", "arrow_type", "docs"), IDS)
def test_ids_fill_the_doc_column(
    ids: list[object] | None, arrow_type: str, docs: list[object]
) -> None:
    batch = xe.extract_batch(TEXTS, ids=ids)
    assert batch.ids == ids
    table = pa.table(batch)
    assert str(table.schema.field("doc").type) == arrow_type
    assert not table.schema.field("doc").nullable
    assert table.column("doc").to_pylist() == docs
    assert list(batch.to_pandas()["doc"]) == docs
    again = pickle.loads(pickle.dumps(batch))
    assert again == batch and again.ids == ids
    assert xe.ExtractionBatch(batch.to_list(), ids=ids) == batch
    assert xe.Extractor().extract_batch(TEXTS, ids=ids) == batch


def test_ids_from_numpy_and_pandas() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(TEXTS, index=pd.Index([7, 8, 9]))
    batch = xe.extract_batch(series, ids=series.index)
    assert batch.ids == [7, 8, 9]
    names = pd.Index(["a", "b", "c"]).to_numpy()
    assert xe.extract_batch(TEXTS, ids=names).ids == ["a", "b", "c"]


def test_batches_with_other_ids_differ() -> None:
    assert xe.extract_batch(TEXTS, ids=["a", "b", "c"]) != xe.extract_batch(TEXTS)


BAD_IDS = [
    (["a", "b"], xe.OptionError, "2 ids for 3 texts"),
    (["a", 2, "c"], TypeError, "only str or only int"),
    ([1.5, 2.5, 3.5], TypeError, "must hold str or int"),
    ([None, None, None], TypeError, "must hold str or int"),
    ([True, False, True], TypeError, "must hold str or int"),
    ([2**63, 1, 2], TypeError, "below 2**63"),
    ("abc", TypeError, "iterable of str or of int"),
    (5, TypeError, "iterable of str or of int"),
]


@pytest.mark.parametrize(("ids", "error", "message"), BAD_IDS)
def test_bad_ids_are_refused(ids: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message.replace("*", r"\*")):
        xe.extract_batch(TEXTS, ids=ids)  # type: ignore[arg-type]
