"""The ``Series.xinzhi`` accessor: extraction as a step of a pandas pipeline.

>>> import pandas as pd  # type: ignore[import-untyped, unused-ignore]
>>> import xinzhi_extract.pandas_accessor
>>> news = pd.Series(["全省新增企业77家。", "没有数字。"], index=["a", "b"])
>>> news.xinzhi.extract()[["doc", "kind", "text", "value", "unit"]]
  doc      kind text  value unit
0   a  quantity  77家   77.0    家

Importing this module registers the accessor; ``import xinzhi_extract`` does so by itself when
pandas is already imported, and so does the first call of ``to_frame``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd  # type: ignore[import-untyped, unused-ignore]

from xinzhi_extract._core import Extractor

__all__ = ["XinzhiAccessor"]


class XinzhiAccessor:
    """Extraction over a Series of texts; the ``doc`` column holds the Series' index labels."""

    def __init__(self, series: Any) -> None:
        self._series = series

    def extract(
        self,
        kinds: Iterable[str] | str | None = None,
        *,
        reference_year: int | None = None,
        yuan_currency: str = "CNY",
        threads: int | None = None,
        extractor: Extractor | None = None,
    ) -> Any:
        """A DataFrame with one row per record, as :func:`xinzhi_extract.to_frame` makes.

        Pass either options (``kinds``, ``reference_year``, ``yuan_currency``) or a prebuilt
        ``extractor``.
        """
        if extractor is None:
            extractor = Extractor(kinds, reference_year, yuan_currency)
        elif kinds is not None or reference_year is not None or yuan_currency != "CNY":
            raise TypeError("pass either an extractor or its options, not both")
        return extractor.to_frame(self._series, threads)


pd.api.extensions.register_series_accessor("xinzhi")(XinzhiAccessor)
