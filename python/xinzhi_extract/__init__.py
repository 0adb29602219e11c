"""Typed records from Chinese policy and economic news.

>>> import xinzhi_extract as xe
>>> [r.text for r in xe.extract("全省新增企业77家。")]
['77家']

``extract`` returns :class:`Quantity`, :class:`Date`, :class:`Title` and :class:`Number`
records sorted by ``start``; offsets are ``str`` indices, so ``text[r.start:r.end] == r.text``.
``extract_batch`` runs many texts on every core, ``to_frame`` returns a pandas DataFrame (the
``pandas`` extra), and an :class:`Extractor` holds options such as ``reference_year``.
"""

import sys

from xinzhi_extract._core import (
    Date,
    ExtractionBatch,
    Extractor,
    InvalidTextError,
    Number,
    NumeralError,
    OptionError,
    Quantity,
    Title,
    XinzhiError,
    __version__,
    clean,
    dates,
    extract,
    extract_batch,
    numbers,
    parse_numeral,
    quantities,
    titles,
    to_chinese,
    to_frame,
)
from xinzhi_extract.highlight import highlight

#: Any of the four record classes.
Record = Quantity | Date | Title | Number

__all__ = [
    "Date",
    "ExtractionBatch",
    "Extractor",
    "InvalidTextError",
    "Number",
    "NumeralError",
    "OptionError",
    "Quantity",
    "Record",
    "Title",
    "XinzhiError",
    "__version__",
    "clean",
    "dates",
    "extract",
    "extract_batch",
    "highlight",
    "numbers",
    "parse_numeral",
    "quantities",
    "titles",
    "to_chinese",
    "to_frame",
]

# The ``Series.xinzhi`` accessor, when pandas is already loaded; importing pandas here would
# slow down every import of this package. ``import xinzhi_extract.pandas_accessor`` (or the
# first ``to_frame``) registers it otherwise.
if sys.modules.get("pandas") is not None:
    from xinzhi_extract import pandas_accessor as _pandas_accessor  # noqa: F401
