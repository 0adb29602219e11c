"""The ``xinzhi`` namespace of polars expressions and Series: extraction in a polars query.

>>> import polars as pl
>>> import xinzhi_extract
>>> news = pl.DataFrame({"id": ["a", "b", "c"], "body": ["新增企业77家。", None, "没有数字。"]})
>>> records = news.with_columns(records=pl.col("body").xinzhi.extract(kinds="quantity"))
>>> records["records"].list.len().to_list()
[1, None, 0]
>>> records.explode("records").unnest("records").select("id", "text", "value", "unit").rows()
[('a', '77家', 77.0, '家'), ('b', None, None, None)]

Each text becomes a list of structs, one per record, with the fields of the kinds asked for
(the columns of :func:`xinzhi_extract.to_frame` without ``doc``); a text with no records
gives an empty list, a null text null. The records come from the batch's Arrow stream, so
no Python object is made per record. ``import xinzhi_extract`` registers the namespace,
whether polars is imported before or after it.
"""

from __future__ import annotations

import polars as pl

from xinzhi_extract._core import ExtractionBatch, Extractor
from xinzhi_extract._facts import facts_of
from xinzhi_extract._frame import Kinds, columns_of, extract_texts, extractor_for, read_texts

__all__ = ["XinzhiExpr", "XinzhiSeries", "fact_lists", "record_lists"]


def record_lists(
    extractor: Extractor, texts: pl.Series, threads: int | None = None, function: str = "extract"
) -> pl.Series:
    """One list of records (structs) per text of ``texts``, named like ``texts``."""
    source = read_texts(texts, function=function)
    batch = extract_texts(extractor, source, threads, function)
    flat = _fields(pl.DataFrame(batch), extractor.kinds)
    if source.rows is not None:
        rows = pl.Series("doc", source.rows, dtype=pl.Int64)
        flat = flat.with_columns(rows.gather(flat["doc"]))
    return _per_text(flat, texts, _list_type(extractor.kinds))


def fact_lists(
    extractor: Extractor, texts: pl.Series, threads: int | None = None, function: str = "facts"
) -> pl.Series:
    """One list of facts (structs with the columns of ``xinzhi_extract.facts``) per text of
    ``texts``, named like ``texts``; needs pandas and pyarrow, through which facts are made."""
    flat = pl.from_pandas(facts_of(extractor, texts, threads, function=function))
    return _per_text(flat.with_columns(pl.col("doc").cast(pl.Int64)), texts, _fact_list_type())


def _per_text(flat: pl.DataFrame, texts: pl.Series, dtype: pl.DataType) -> pl.Series:
    """The rows of ``flat`` as one list per text, by their ``doc`` (the text's row): an empty
    list for a text with no rows, null for a null text."""
    items = pl.struct(pl.exclude("doc")).alias(texts.name)
    lists = flat.group_by("doc", maintain_order=True).agg(items)
    present = pl.Series("present", texts.is_not_null())
    out = (
        pl.DataFrame({"doc": pl.int_range(len(texts), dtype=pl.Int64, eager=True)})
        .join(lists, on="doc", how="left", maintain_order="left")
        .with_columns(present)
        .select(
            pl.when("present")
            .then(pl.col(texts.name).fill_null(pl.lit([], dtype=dtype)))
            .alias(texts.name)
        )
    )
    return out.to_series().cast(dtype)


def _fields(flat: pl.DataFrame, kinds: tuple[str, ...]) -> pl.DataFrame:
    """``doc`` and the columns that records of ``kinds`` fill, with ``mid``."""
    if "mid" not in flat.columns:
        high = flat.columns.index("high")
        mid = ((pl.col("low") + pl.col("high")) / 2).alias("mid")
        flat = flat.select(*flat.columns[: high + 1], mid, *flat.columns[high + 1 :])
    wanted = columns_of(kinds)
    return flat.select(c for c in flat.columns if c in wanted)


_LIST_TYPES: dict[tuple[str, ...], pl.DataType] = {}


def _list_type(kinds: tuple[str, ...]) -> pl.DataType:
    """The type of one text's records: a list of structs with the fields of ``kinds``."""
    if kinds not in _LIST_TYPES:
        empty = _fields(pl.DataFrame(ExtractionBatch([])), kinds).drop("doc")
        _LIST_TYPES[kinds] = pl.List(pl.Struct(empty.schema))
    return _LIST_TYPES[kinds]


_FACT_LIST_TYPE: list[pl.DataType] = []


def _fact_list_type() -> pl.DataType:
    """The type of one text's facts: a list of structs with the columns of the facts table."""
    if not _FACT_LIST_TYPE:
        empty = pl.from_pandas(facts_of(Extractor(), pl.Series([], dtype=pl.String)))
        _FACT_LIST_TYPE.append(pl.List(pl.Struct(empty.drop("doc").schema)))
    return _FACT_LIST_TYPE[0]


@pl.api.register_expr_namespace("xinzhi")
class XinzhiExpr:
    """``pl.col("body").xinzhi``: extraction as a polars expression."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def extract(
        self,
        kinds: Kinds = None,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pl.Expr:
        """The records of each text, as a list of structs (one struct per record).

        Parameters
        ----------
        kinds
            ``"quantity"``, ``"date"``, ``"title"``, ``"number"`` or an iterable of them (all
            four by default); the structs have only these kinds' fields.
        reference_year
            The year that 今年, 去年, 明年, 前年 stand for (none by default).
        yuan_currency
            The ISO code of a plain 元: ``"CNY"``, ``"HKD"``, ``"TWD"`` or ``"MOP"`` (the
            locale's by default).
        roc_years
            Read a bare year of one to three digits as a year of the Republic of China.
        locale
            ``"zh-CN"`` (default), ``"zh-HK"`` or ``"zh-TW"``: the defaults of a region.
        threads
            How many cores each batch of texts uses; all by default.
        extractor
            A prebuilt :class:`xinzhi_extract.Extractor`, instead of the options above.

        Raises
        ------
        TypeError
            A column that does not hold strings, or both ``extractor`` and options.
        OptionError
            An unknown kind, a bad ``reference_year``, ``yuan_currency`` or ``locale``,
            ``threads`` < 1.
            Option errors are raised here; errors about the texts when the query runs.

        Examples
        --------
        >>> import polars as pl
        >>> import xinzhi_extract
        >>> news = pl.DataFrame({"body": ["全省新增企业77家，投资约4.2亿元。"]})
        >>> (
        ...     news.select(pl.col("body").xinzhi.extract(kinds="quantity"))
        ...     .explode("body")
        ...     .unnest("body")
        ...     .select("text", "value", "unit", "currency")
        ...     .rows()
        ... )
        [('77家', 77.0, '家', None), ('约4.2亿元', 420000000.0, '元', 'CNY')]
        """
        chosen = extractor_for(
            kinds, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return self._expr.map_batches(
            lambda texts: record_lists(chosen, texts, threads, "xinzhi.extract"),
            return_dtype=_list_type(chosen.kinds),
            is_elementwise=True,
        )

    def facts(
        self,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pl.Expr:
        """The facts of each text (needs pandas and pyarrow): a list of structs, one per
        quantity, with the columns of :func:`xinzhi_extract.facts` (``subject``, ``value``,
        ``unit``, the ``year`` of the date before it, its ``sentence`` …). The options and
        errors are those of :meth:`extract`.

        Examples
        --------
        >>> import polars as pl
        >>> import xinzhi_extract
        >>> news = pl.DataFrame({"body": ["2025年，全省地区生产总值5.1万亿元、增长5.5%。"]})
        >>> (
        ...     news.select(pl.col("body").xinzhi.facts())
        ...     .explode("body")
        ...     .unnest("body")
        ...     .select("subject", "value", "unit", "year")
        ...     .rows()
        ... )
        [('地区生产总值', 5100000000000.0, '元', 2025), ('地区生产总值', 5.5, '%', 2025)]
        """
        chosen = extractor_for(
            None, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return self._expr.map_batches(
            lambda texts: fact_lists(chosen, texts, threads, "xinzhi.facts"),
            return_dtype=_fact_list_type(),
            is_elementwise=True,
        )


@pl.api.register_series_namespace("xinzhi")
class XinzhiSeries:
    """``series.xinzhi``: extraction over a polars Series of texts."""

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    def extract(
        self,
        kinds: Kinds = None,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pl.Series:
        """The records of each text, as a list of structs; the arguments and errors are those
        of ``pl.col(...).xinzhi.extract``.

        Examples
        --------
        >>> import polars as pl
        >>> import xinzhi_extract
        >>> pl.Series("body", ["2023年新增77家。", None]).xinzhi.extract().list.len().to_list()
        [2, None]
        """
        chosen = extractor_for(
            kinds, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return record_lists(chosen, self._series, threads, "Series.xinzhi.extract")

    def facts(
        self,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pl.Series:
        """The facts of each text, as a list of structs (needs pandas and pyarrow); the
        arguments and errors are those of ``pl.col(...).xinzhi.facts``.

        Examples
        --------
        >>> import polars as pl
        >>> import xinzhi_extract
        >>> facts = pl.Series("body", ["地区生产总值5.1万亿元。", None]).xinzhi.facts()
        >>> facts.list.len().to_list()
        [1, None]
        """
        chosen = extractor_for(
            None, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return fact_lists(chosen, self._series, threads, "Series.xinzhi.facts")
