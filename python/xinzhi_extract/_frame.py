"""pandas DataFrames from the columns an :class:`ExtractionBatch` builds in Rust.

The extension hands over one buffer per numeric column and one list per string column, so
no Python object is made per record; this module only wraps them in pandas' nullable arrays.
pandas is an optional dependency: it is imported here, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xinzhi_extract._core import ExtractionBatch

_MISSING_PANDAS = (
    "to_frame() and ExtractionBatch.to_pandas() need pandas, an optional dependency of "
    "xinzhi_extract: install it with  pip install 'xinzhi-extract[pandas]'  (or pip install "
    "pandas). Without pandas, the batch's Arrow stream works with pyarrow, polars or duckdb."
)


def import_pandas() -> Any:
    """The pandas module, or an ImportError that says how to get it."""
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError as error:
        raise ImportError(_MISSING_PANDAS) from error
    from xinzhi_extract import pandas_accessor  # noqa: F401  (registers Series.xinzhi)

    return pandas


def series_index(texts: object) -> Any:
    """The index of ``texts`` when it is a pandas Series, else ``None``."""
    import sys

    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(texts, pandas.Series):
        return texts.index
    return None


def to_pandas(batch: ExtractionBatch, index: Any = None, *, via_arrow: bool | None = None) -> Any:
    """One row per record of ``batch``; ``doc`` is the text's position or its ``index`` label.

    With pyarrow installed the columns go over the Arrow stream (strings stay in Arrow
    memory); without it, through buffers and lists. Both give the same frame.
    """
    pd = import_pandas()
    if via_arrow is None:
        try:
            import pyarrow  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
        except ImportError:
            via_arrow = False
        else:
            via_arrow = True
    frame = _through_arrow(pd, batch) if via_arrow else _through_buffers(pd, batch)
    if index is not None:
        frame["doc"] = index.take(frame["doc"].to_numpy())
    return frame


def _through_arrow(pd: Any, batch: ExtractionBatch) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    nullable = {
        pa.string(): pd.StringDtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    return pa.table(batch).to_pandas(types_mapper=nullable.get)


def _through_buffers(pd: Any, batch: ExtractionBatch) -> Any:
    import numpy as np

    columns: dict[str, Any] = {}
    for name, layout, data, extra in batch._columns():
        if layout == "int64":
            columns[name] = np.frombuffer(data, dtype=np.int64)
        elif layout == "Int32":
            columns[name] = pd.arrays.IntegerArray(
                np.frombuffer(data, dtype=np.int32), np.frombuffer(extra, dtype=np.bool_)
            )
        elif layout == "Float64":
            columns[name] = pd.arrays.FloatingArray(
                np.frombuffer(data, dtype=np.float64), np.frombuffer(extra, dtype=np.bool_)
            )
        elif layout == "boolean":
            columns[name] = pd.arrays.BooleanArray(
                np.frombuffer(data, dtype=np.bool_), np.frombuffer(extra, dtype=np.bool_)
            )
        elif layout == "string":
            columns[name] = pd.array(data, dtype="string")
        elif layout == "category":
            columns[name] = pd.Categorical.from_codes(
                np.frombuffer(data, dtype=np.int8), dtype=pd.CategoricalDtype(extra)
            )
        else:  # pragma: no cover - the extension and this module are built together
            raise AssertionError(f"unknown column layout {layout!r}")
    return pd.DataFrame(columns, copy=False)
