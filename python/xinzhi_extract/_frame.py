"""Tables of records for pandas: ``to_frame``, ``ExtractionBatch.to_pandas``, and what the
pandas accessor and the polars namespace share (reading a column of texts, which columns a
set of kinds has, the ``mid`` column).

The extension hands over one buffer per numeric column and one list per string column (or
the Arrow stream), so no Python object is made per record; this module wraps them in
pandas' nullable arrays and puts the caller's row labels on them. pandas is an optional
dependency: it is imported here, on first use.
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, SupportsIndex, TypeAlias, TypeVar

from xinzhi_extract._core import (
    Date,
    ExtractionBatch,
    Extractor,
    InvalidTextError,
    Number,
    OptionError,
    Quantity,
    Title,
)
from xinzhi_extract._core import to_frame as _to_frame

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

#: A kind of record.
Kind: TypeAlias = Literal["quantity", "date", "title", "number"]
#: The ``kinds`` argument: one kind, any iterable of kinds, or ``None`` for all four.
Kinds: TypeAlias = Kind | Iterable[Kind] | None

#: The record class of each kind: its ``__match_args__`` are the kind's columns.
RECORD_CLASSES: dict[str, type[Quantity | Date | Title | Number]] = {
    "quantity": Quantity,
    "date": Date,
    "title": Title,
    "number": Number,
}

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
    return pandas  # importing it registered Series.xinzhi (see _imports)


def to_frame(
    texts: Iterable[str] | pd.Series | pd.DataFrame,
    threads: int | None = None,
    kinds: Kinds = None,
    *,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
) -> pd.DataFrame:
    """A pandas DataFrame with one row per record of ``texts`` (needs pandas).

    Parameters
    ----------
    texts
        A pandas Series of texts, a list (or any iterable) of ``str``, or a pandas DataFrame
        together with ``text=``, the name of its column of texts. Missing texts in a Series
        (``None``, ``NaN``, ``pd.NA``) give no records, as pandas' ``.str`` methods skip them.
    threads
        How many cores to use; all of them by default. On Dask or Spark, pass ``1``.
    kinds
        ``"quantity"``, ``"date"``, ``"title"``, ``"number"``, or an iterable of them: the
        records to find. The frame then has only these kinds' columns.
    text
        With a DataFrame as ``texts``: the name of the column that holds the texts.
    keep
        With a DataFrame as ``texts``: names of other columns to carry along onto each
        record of their row (a region, a date of publication …).

    Returns
    -------
    pandas.DataFrame
        First the row's label: a column ``doc`` holding the text's position in a list, or
        its index label in a Series or DataFrame. A named index gives its name to the
        column, a MultiIndex gives one column per level (``level_0`` … when unnamed). Then
        the ``keep`` columns, then ``kind``, ``text``, ``start``, ``end`` and the fields of
        the kinds asked for, missing where a record's kind has no such field: ``value``
        ``low`` ``high`` ``mid`` (Float64; ``mid`` is the middle of ``low`` and ``high``,
        so a range counts in a sum), ``unit`` ``currency`` ``title`` ``doc_type``
        ``issuer`` (string), ``dimension`` ``approx`` ``trend`` (category with fixed
        categories), ``year`` ``month`` ``day`` ``end_year`` ``end_month`` ``end_day``
        ``start_year`` (Int32), ``is_policy`` ``ordinal`` (boolean).

    Raises
    ------
    TypeError
        ``texts`` is a DataFrame without ``text=``, a ``str``, or holds something other than
        ``str`` (the error names the index label of the first such item); ``text=`` or
        ``keep=`` without a DataFrame; ``threads`` is not an int.
    OptionError
        An unknown kind, ``threads`` below 1, a ``text`` or ``keep`` column that does not
        exist, or a label or ``keep`` column whose name is also a record column.
    InvalidTextError
        A text that is not valid Unicode (a lone surrogate); the error names its label.
    ImportError
        pandas is not installed.

    Examples
    --------
    >>> import pandas as pd
    >>> import xinzhi_extract as xe
    >>> news = pd.DataFrame(
    ...     {"body": ["总投资约4.2亿元，新增企业77家。", None], "region": ["甘肃", "四川"]},
    ...     index=pd.Index(["gs-1", "sc-1"], name="article"),
    ... )
    >>> xe.to_frame(news, text="body", keep=["region"], kinds="quantity")[
    ...     ["article", "region", "text", "value", "unit"]
    ... ]
      article region    text        value unit
    0    gs-1     甘肃  约4.2亿元  420000000.0    元
    1    gs-1     甘肃     77家         77.0    家
    """
    frame: pd.DataFrame = _to_frame(texts, threads, kinds, text=text, keep=keep)
    return frame


def frame_of(
    extractor: Extractor,
    texts: object,
    threads: object = None,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
    function: str = "to_frame",
) -> pd.DataFrame:
    """``to_frame`` with ``extractor``: what ``to_frame``, ``Extractor.to_frame`` and the
    ``Series.xinzhi`` accessor run."""
    pd = import_pandas()
    source = read_texts(texts, text, keep, function)
    batch = extract_texts(extractor, source, threads, function)
    frame = narrowed(with_mid(pd, records_frame(pd, batch)), extractor.kinds)
    return labelled(pd, frame, source, function)


def extractor_for(
    kinds: Kinds,
    reference_year: int | None,
    yuan_currency: str | None,
    extractor: Extractor | None,
    *,
    roc_years: bool | None = None,
    locale: str | None = None,
) -> Extractor:
    """``extractor``, or one built from the options (the accessor's and the namespace's
    arguments: either an extractor or options, not both)."""
    options = (kinds, reference_year, yuan_currency, roc_years, locale)
    if extractor is None:
        return Extractor(*options)
    if any(option is not None for option in options):
        raise TypeError("pass either an extractor or its options, not both")
    if not isinstance(extractor, Extractor):
        raise TypeError(f"extractor must be an Extractor, not {type(extractor).__name__}")
    return extractor


# --- reading the texts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """The texts of a call, read out of their container."""

    #: The texts to extract from: every row's, except the missing ones.
    strings: list[str]
    #: The row of each of ``strings`` (``None``: string ``i`` is row ``i``).
    rows: npt.NDArray[np.intp] | None
    #: The rows' labels, a pandas Index (``None``: their positions).
    labels: Any
    #: The ``keep`` columns, one row per row of texts, or ``None``.
    carried: Any
    #: How many rows there are, missing texts included.
    length: int

    def where(self, item: int) -> str:
        """Item ``item`` of ``strings`` for an error message: by label, else by position."""
        row = item if self.rows is None else int(self.rows[item])
        if self.labels is None:
            return f"item {row}"
        return f"item at index label {_plain(self.labels[row])!r}"


def _plain(label: object) -> object:
    """A label as Python shows it: ``30``, not ``np.int64(30)``."""
    if isinstance(label, tuple):
        return tuple(_plain(part) for part in label)
    item = getattr(label, "item", None)
    return item() if callable(item) and not isinstance(label, str) else label


def read_texts(
    texts: object,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
    function: str = "to_frame",
) -> Texts:
    """The texts of ``texts``: a pandas Series (missing texts skipped, index kept), a
    DataFrame's ``text`` column with its ``keep`` columns, a polars Series (nulls skipped),
    or an iterable of ``str``."""
    place = f"{function}() argument 'texts'"
    pandas = sys.modules.get("pandas")
    polars = sys.modules.get("polars")
    if pandas is not None and isinstance(texts, pandas.DataFrame):
        if text is None:
            raise TypeError(
                f"{place} is a DataFrame: name its column of texts, "
                f'{function}(frame, text="body"), or pass the column, {function}(frame["body"])'
            )
        return _frame_texts(pandas, texts, text, keep, function)
    for name, value in (("text", text), ("keep", keep)):
        if value is not None:
            raise TypeError(
                f"{function}() argument {name!r} names columns of a pandas DataFrame; "
                f"texts is {type(texts).__name__}"
            )
    if isinstance(texts, str | bytes):
        raise TypeError(f"{place} must be an iterable of str, not {type(texts).__name__}")
    if hasattr(texts, "columns"):
        raise TypeError(
            f"{place} must be an iterable of str, not a table ({type(texts).__name__}): "
            'pass one column of texts, such as frame["body"]'
        )
    if pandas is not None and isinstance(texts, pandas.Series):
        return _series_texts(pandas, texts, None, function)
    if polars is not None and isinstance(texts, polars.Series):
        return _present(texts.to_list(), None, function)
    try:
        strings = texts if isinstance(texts, list) else list(texts)  # type: ignore[call-overload]
    except TypeError:
        if hasattr(texts, "__iter__"):
            raise
        raise TypeError(f"{place} must be an iterable of str, not {type(texts).__name__}") from None
    source = Texts(strings, None, None, None, len(strings))
    _check_strings(source, function)
    return source


def _frame_texts(
    pd: Any, frame: Any, text: Hashable, keep: Sequence[Hashable] | None, function: str
) -> Texts:
    columns = [text, *(() if keep is None else _names(keep, function))]
    for name in columns:
        if name not in frame.columns:
            raise OptionError(
                f"invalid option {'text' if name is text else 'keep'}: the frame has no column "
                f"{name!r}; its columns are {', '.join(map(repr, frame.columns))}"
            )
    return _series_texts(pd, frame[text], None if keep is None else frame[list(keep)], function)


def _names(keep: Sequence[Hashable], function: str) -> Sequence[Hashable]:
    if isinstance(keep, str) or not isinstance(keep, Iterable):
        raise TypeError(
            f"{function}() argument 'keep' must be a list of column names, "
            f"not {type(keep).__name__}"
        )
    return list(keep)


def _series_texts(pd: Any, series: Any, carried: Any, function: str) -> Texts:
    missing = series.isna().to_numpy()
    values = series.to_numpy(dtype=object)
    source = _present(values, missing, function, labels=series.index, carried=carried)
    if not isinstance(series.dtype, pd.StringDtype):
        _check_strings(source, function)
    return source


def _present(
    values: Any,
    missing: Any,
    function: str,
    *,
    labels: Any = None,
    carried: Any = None,
) -> Texts:
    """The texts among ``values`` that are not missing (``missing`` is a boolean mask, or
    ``None`` to take ``None`` entries as missing)."""
    import numpy as np

    values = np.asarray(values, dtype=object)
    if missing is None:
        missing = np.fromiter((v is None for v in values), dtype=np.bool_, count=len(values))
    if not missing.any():
        source = Texts(values.tolist(), None, labels, carried, len(values))
    else:
        rows = np.flatnonzero(~missing)
        source = Texts(values[rows].tolist(), rows, labels, carried, len(values))
    if labels is None:
        _check_strings(source, function)
    return source


def _check_strings(source: Texts, function: str) -> None:
    if all(isinstance(s, str) for s in source.strings):
        return
    item = next(i for i, s in enumerate(source.strings) if not isinstance(s, str))
    raise TypeError(
        f"{function}() argument 'texts', {source.where(item)}, must be str, "
        f"not {type(source.strings[item]).__name__}"
    )


def extract_texts(
    extractor: Extractor, source: Texts, threads: object, function: str
) -> ExtractionBatch:
    """The records of ``source.strings``; errors name the caller and the text's label."""
    return run_texts(extractor.extract_batch, source, threads, function)


_Result = TypeVar("_Result")


def run_texts(
    run: Callable[[list[str], int | None], _Result],
    source: Texts,
    threads: object,
    function: str,
) -> _Result:
    """``run(source.strings, threads)``, an extraction of the texts; errors name the caller
    and the text's label."""
    if isinstance(threads, SupportsIndex) and not isinstance(threads, bool):
        threads = operator.index(threads)  # numpy integers too, as the extension takes them
    elif threads is not None:
        raise TypeError(
            f"{function}() argument 'threads' must be int or None, not {type(threads).__name__}"
        )
    try:
        return run(source.strings, threads)
    except InvalidTextError:
        for item, string in enumerate(source.strings):
            try:
                string.encode("utf-8")
            except UnicodeEncodeError as cause:
                raise InvalidTextError(
                    f"{function}() argument 'texts', {source.where(item)}, is not valid "
                    f"Unicode: lone surrogate {string[cause.start]!r} at index {cause.start}"
                ) from cause
        raise


# --- the frame ---------------------------------------------------------------------------------


def to_pandas(
    batch: ExtractionBatch, index: object = None, *, via_arrow: bool | None = None
) -> pd.DataFrame:
    """``ExtractionBatch.to_pandas``: one row per record of ``batch``; ``doc`` is the text's
    position, its id when the batch has ids, or its label in ``index`` (one label per text of
    the batch, named after the index when it has a name).

    With pyarrow installed the columns go over the Arrow stream (strings stay in Arrow
    memory); without it, through buffers and lists. Both give the same frame.
    """
    pd = import_pandas()
    function = "ExtractionBatch.to_pandas"
    if index is not None and batch.ids is not None:
        raise OptionError(
            "invalid option index: the batch has ids, which already label its texts in the "
            "doc column; give either ids (to extract_batch) or index (here), not both"
        )
    labels = None if index is None else _as_index(pd, index, len(batch), function)
    frame = with_mid(pd, records_frame(pd, batch, via_arrow=via_arrow))
    source = Texts([], None, labels, None, len(batch))
    return labelled(pd, frame, source, function)


def _as_index(pd: Any, index: object, length: int, function: str) -> Any:
    import numpy as np

    if isinstance(index, pd.Index):
        labels = index
    elif isinstance(index, pd.Series | pd.api.extensions.ExtensionArray | list | tuple | range) or (
        isinstance(index, np.ndarray) and index.ndim == 1
    ):
        labels = pd.Index(index)
    else:
        raise TypeError(
            f"{function}() argument 'index' must be a pandas Index or a sequence of labels, "
            f"not {type(index).__name__}"
        )
    if len(labels) != length:
        raise OptionError(
            f"invalid option index: {len(labels)} labels for a batch of {length} texts; "
            "give one label per text"
        )
    return labels


def records_frame(pd: Any, batch: ExtractionBatch, *, via_arrow: bool | None = None) -> Any:
    """The batch's columns as they come from the extension: ``doc`` is the position in the
    batch."""
    if via_arrow is None:
        try:
            import pyarrow  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
        except ImportError:
            via_arrow = False
        else:
            via_arrow = True
    return _through_arrow(pd, batch) if via_arrow else _through_buffers(pd, batch)


def with_mid(pd: Any, frame: Any) -> Any:
    """``frame`` with ``mid``, the middle of ``low`` and ``high``, after ``high`` (unless the
    extension already made it): a range counts in a sum by its middle, a single number by
    itself, an open range (``上百个``, no ``high``) not at all."""
    if "mid" not in frame.columns and "high" in frame.columns:
        frame.insert(frame.columns.get_loc("high") + 1, "mid", (frame["low"] + frame["high"]) / 2)
    return frame


def columns_of(kinds: Iterable[str]) -> set[str]:
    """The record columns that records of ``kinds`` fill: ``doc``, ``kind`` and the fields
    of their classes (``mid`` with quantities)."""
    columns = {"doc", "kind"}
    for kind in kinds:
        columns.update(RECORD_CLASSES[kind].__match_args__)
        if kind == "quantity":
            columns.add("mid")
    return columns


def narrowed(frame: Any, kinds: tuple[str, ...]) -> Any:
    """``frame`` with only the columns that records of ``kinds`` fill."""
    if len(kinds) == len(RECORD_CLASSES):
        return frame
    wanted = columns_of(kinds)
    return frame[[c for c in frame.columns if c in wanted]]


def labelled(pd: Any, frame: Any, source: Texts, function: str) -> Any:
    """``frame`` with its ``doc`` positions (into ``source.strings``) replaced by the rows'
    labels, and the ``keep`` columns after them."""
    if source.labels is None and source.carried is None and source.rows is None:
        return frame
    rows = frame["doc"].to_numpy()
    if source.rows is not None:
        rows = source.rows[rows]
    front: dict[Hashable, Any] = {}
    if source.labels is None:
        front["doc"] = rows
    else:
        taken = source.labels.take(rows)
        if isinstance(taken, pd.MultiIndex):
            for level, name in enumerate(taken.names):
                front[name if name is not None else f"level_{level}"] = taken.get_level_values(
                    level
                ).array
        else:
            front[taken.name if taken.name is not None else "doc"] = taken.array
    if source.carried is not None:
        carried = source.carried.take(rows)
        for name in carried.columns:
            if name in front:
                raise OptionError(
                    f"invalid option keep: {name!r} is also the name of the index; keep it once"
                )
            front[name] = carried[name].array
    records = frame.drop(columns="doc")
    for name in front:
        if name in records.columns:
            carried = source.carried is not None and name in source.carried.columns
            what = "a keep column" if carried else "the index's name"
            raise OptionError(
                f"{function}(): {name!r}, {what}, is also a record column; rename it "
                "(for an index, texts.rename_axis(...))"
            )
    head = pd.DataFrame(front, index=records.index, copy=False)
    return pd.concat([head, records], axis=1)


def _through_arrow(pd: Any, batch: ExtractionBatch) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    nullable = {
        pa.string(): pd.StringDtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    table = pa.table(batch)
    # Offsets that may be missing (a subject's) stay integers: Int64, not float64 (read from
    # the Arrow column's buffers, not through a Python object per row).
    offsets = {
        field.name: pd.Int64Dtype().__from_arrow__(table.column(field.name))
        for field in table.schema
        if field.nullable and field.type == pa.int64()
    }
    frame = table.to_pandas(types_mapper=nullable.get)
    del table
    for name, column in offsets.items():
        frame[name] = column
    return frame


def _through_buffers(pd: Any, batch: ExtractionBatch) -> Any:
    return pd.DataFrame(from_buffers(pd, batch._columns()), copy=False)


def from_buffers(pd: Any, built: list[tuple[str, str, Any, Any]]) -> dict[str, Any]:
    """pandas arrays of the columns the extension builds: ``(name, layout, data, extra)``
    each, as ``ExtractionBatch._columns`` gives them."""
    import numpy as np

    columns: dict[str, Any] = {}
    for name, layout, data, extra in built:
        if layout == "int64":
            columns[name] = np.frombuffer(data, dtype=np.int64)
        elif layout == "Int64":
            columns[name] = pd.arrays.IntegerArray(
                np.frombuffer(data, dtype=np.int64), np.frombuffer(extra, dtype=np.bool_)
            )
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
    return columns
