"""The ``Series.xinzhi`` accessor: extraction as a step of a pandas pipeline.

>>> import pandas as pd
>>> import xinzhi_extract
>>> news = pd.Series(["全省新增企业77家。", None, "没有数字。"], index=["a", "b", "c"])
>>> news.xinzhi.extract()[["doc", "kind", "text", "value", "unit"]]
  doc      kind text  value unit
0   a  quantity  77家   77.0    家
>>> news.xinzhi.records().str.len().tolist()
[1.0, nan, 0.0]

The accessor is registered by ``import xinzhi_extract``, whether pandas is imported before
or after it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd  # type: ignore[import-untyped, unused-ignore]

from xinzhi_extract._core import Extractor
from xinzhi_extract._facts import facts_of
from xinzhi_extract._frame import Kinds, extract_texts, extractor_for, frame_of, read_texts

__all__ = ["XinzhiAccessor"]


@pd.api.extensions.register_series_accessor("xinzhi")
class XinzhiAccessor:
    """Extraction over a Series of texts: ``series.xinzhi.extract()`` (a frame, one row per
    record), ``series.xinzhi.records()`` (a Series, one list of records per text) and
    ``series.xinzhi.facts()`` (the facts table, one row per quantity).

    Missing texts (``None``, ``NaN``, ``pd.NA``) give no records, as with pandas' ``.str``
    methods; the index labels of the Series identify the texts.
    """

    def __init__(self, series: pd.Series) -> None:
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
    ) -> pd.DataFrame:
        """A DataFrame with one row per record, as :func:`xinzhi_extract.to_frame` makes it
        from this Series.

        Parameters
        ----------
        kinds
            ``"quantity"``, ``"date"``, ``"title"``, ``"number"`` or an iterable of them (all
            four by default); the frame has only these kinds' columns.
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
            How many cores to use; all by default.
        extractor
            A prebuilt :class:`xinzhi_extract.Extractor`, instead of the options above.

        Raises
        ------
        TypeError
            An item that is neither a ``str`` nor missing (named by its index label), or both
            ``extractor`` and options.
        OptionError
            An unknown kind, a bad ``reference_year``, ``yuan_currency`` or ``locale``,
            ``threads`` < 1.

        Examples
        --------
        >>> import pandas as pd
        >>> import xinzhi_extract
        >>> news = pd.Series(["今年投资约4.2亿元。"], index=pd.Index(["gs-1"], name="article"))
        >>> news.xinzhi.extract(reference_year=2025)[["article", "kind", "text", "year", "value"]]
          article      kind    text  year        value
        0    gs-1      date      今年  2025         <NA>
        1    gs-1  quantity  约4.2亿元  <NA>  420000000.0
        """
        chosen = extractor_for(
            kinds, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return frame_of(chosen, self._series, threads, function="Series.xinzhi.extract")

    def records(
        self,
        kinds: Kinds = None,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pd.Series:
        """A Series of lists of records as dicts (``record.to_dict()``), aligned with this
        one: ready for ``DataFrame.explode`` and ``pd.json_normalize``.

        A text with no records gives an empty list, a missing text ``None``. The options
        and errors are those of :meth:`extract`.

        Examples
        --------
        >>> import pandas as pd
        >>> import xinzhi_extract
        >>> news = pd.DataFrame({"body": ["新增企业77家、项目5个。", "没有数字。"]})
        >>> news["records"] = news["body"].xinzhi.records(kinds="quantity")
        >>> rows = news.explode("records", ignore_index=True).dropna(subset="records")
        >>> pd.json_normalize(rows["records"].tolist())[["text", "value", "unit"]]
          text  value unit
        0  77家   77.0    家
        1   5个    5.0    个
        """
        function = "Series.xinzhi.records"
        chosen = extractor_for(
            kinds, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        source = read_texts(self._series, function=function)
        batch = extract_texts(chosen, source, threads, function)
        out: list[Any] = [None] * source.length
        rows = range(len(batch)) if source.rows is None else source.rows.tolist()
        for row, records in zip(rows, batch, strict=True):
            out[row] = [record.to_dict() for record in records]
        return pd.Series(out, index=self._series.index, name=self._series.name, dtype=object)

    def facts(
        self,
        *,
        reference_year: int | None = None,
        yuan_currency: str | None = None,
        roc_years: bool | None = None,
        locale: str | None = None,
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> pd.DataFrame:
        """The facts table of this Series, as :func:`xinzhi_extract.facts` makes it: one row
        per quantity with its ``subject``, value, unit, the ``year`` of the date before it and
        its ``sentence``; ``doc`` (or the index's name) holds the index labels. The options
        and errors are those of :meth:`extract`.

        Examples
        --------
        >>> import pandas as pd
        >>> import xinzhi_extract
        >>> news = pd.Series(["2025年，全省地区生产总值5.1万亿元。"], index=["gs-1"])
        >>> news.xinzhi.facts()[["doc", "subject", "unit", "year"]]
            doc subject unit  year
        0  gs-1  地区生产总值    元  2025
        """
        chosen = extractor_for(
            None, reference_year, yuan_currency, extractor, roc_years=roc_years, locale=locale
        )
        return facts_of(chosen, self._series, threads, function="Series.xinzhi.facts")
