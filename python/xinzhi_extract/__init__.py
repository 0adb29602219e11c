"""Typed records from Chinese policy and economic news.

>>> import xinzhi_extract as xe
>>> [r.text for r in xe.extract("全省新增企业77家。")]
['77家']

``extract`` returns :class:`Quantity`, :class:`Date`, :class:`Title` and :class:`Number`
records sorted by ``start``, as :class:`Records` (a read-only sequence that builds each record
object when it is read, so memory follows the text, not the record count); offsets are ``str`` indices, so ``text[r.start:r.end] == r.text``.
``extract_batch`` runs many texts on every core, ``to_frame`` returns a pandas DataFrame (the
``pandas`` extra), ``facts`` one row per quantity with its subject, year and sentence, and an
:class:`Extractor` holds options such as ``reference_year``.
"""

from xinzhi_extract._core import (
    SKIP_REASONS,
    Date,
    ExtractionBatch,
    Extractor,
    InvalidTextError,
    Number,
    NumeralError,
    OptionError,
    Quantity,
    RecordError,
    Records,
    Skipped,
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
    skipped,
    titles,
    to_chinese,
)
from xinzhi_extract._facts import facts
from xinzhi_extract._frame import to_frame
from xinzhi_extract._imports import when_imported
from xinzhi_extract.highlight import highlight

#: Any of the four record classes.
Record = Quantity | Date | Title | Number

__all__ = [
    "SKIP_REASONS",
    "Date",
    "ExtractionBatch",
    "Extractor",
    "InvalidTextError",
    "Number",
    "NumeralError",
    "OptionError",
    "Quantity",
    "Record",
    "RecordError",
    "Records",
    "Skipped",
    "Title",
    "XinzhiError",
    "__version__",
    "clean",
    "dates",
    "extract",
    "extract_batch",
    "facts",
    "highlight",
    "numbers",
    "parse_numeral",
    "quantities",
    "skipped",
    "titles",
    "to_chinese",
    "to_frame",
]

# ``Series.xinzhi`` (pandas) and ``pl.col(...).xinzhi`` (polars), registered as soon as pandas
# or polars is imported, before or after this package; importing them here would slow down
# every import of this package.
when_imported("pandas", "xinzhi_extract.pandas_accessor")
when_imported("polars", "xinzhi_extract.polars_namespace")
