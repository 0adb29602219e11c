"""Type stubs of the compiled core, ``xinzhi_extract._core`` (checked by ``mypy.stubtest``)."""

from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, Literal, TypeAlias, final, overload

__all__ = [
    "Date",
    "ExtractionBatch",
    "Extractor",
    "InvalidTextError",
    "Number",
    "NumeralError",
    "OptionError",
    "Quantity",
    "Title",
    "XinzhiError",
    "__version__",
    "clean",
    "dates",
    "extract",
    "extract_batch",
    "numbers",
    "parse_numeral",
    "quantities",
    "titles",
    "to_chinese",
    "to_frame",
]

__version__: str

# --- exceptions -------------------------------------------------------------------------------

class XinzhiError(ValueError):
    """Base class of the errors raised by xinzhi_extract; a subclass of ValueError."""

class NumeralError(XinzhiError):
    """A string that is not a numeral, or a number that cannot be written as one."""

class OptionError(XinzhiError):
    """An option of Extractor (or of a module-level function) that is not valid."""

class InvalidTextError(XinzhiError):
    """A text that is not valid Unicode, such as one holding a lone surrogate."""

# --- records ----------------------------------------------------------------------------------

_Dimension: TypeAlias = Literal[
    "money",
    "count",
    "percent",
    "percentage_point",
    "ratio",
    "area",
    "length",
    "mass",
    "volume",
    "energy",
    "power",
    "duration",
    "age",
    "temperature",
    "other",
]
_Approx: TypeAlias = Literal["exact", "about", "nearly", "over", "at_least", "under", "at_most"]
_Trend: TypeAlias = Literal["up", "down"]

@final
class Quantity:
    """A number with a unit or classifier: ``8990萬元``, ``约20万平方米``, ``近65%``."""

    __match_args__ = (
        "text",
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "approx",
        "currency",
        "trend",
    )
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        value: float | None = None,
        low: float | None = None,
        high: float | None = None,
        unit: str | None = None,
        dimension: str = "other",
        approx: str = "exact",
        currency: str | None = None,
        trend: str | None = None,
    ) -> Quantity: ...
    @property
    def kind(self) -> Literal["quantity"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def dimension(self) -> _Dimension: ...
    @property
    def approx(self) -> _Approx: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def trend(self) -> _Trend | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Quantity], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Date:
    """A calendar date or period: ``2023年``, ``2026-02-10``, ``2023—2026年``."""

    __match_args__ = (
        "text",
        "start",
        "end",
        "year",
        "month",
        "day",
        "end_year",
        "end_month",
        "end_day",
    )
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        end_year: int | None = None,
        end_month: int | None = None,
        end_day: int | None = None,
    ) -> Date: ...
    @property
    def kind(self) -> Literal["date"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def year(self) -> int | None: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def end_year(self) -> int | None: ...
    @property
    def end_month(self) -> int | None: ...
    @property
    def end_day(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Date], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Title:
    """A document title in 《》, with its type, issuer and period."""

    __match_args__ = (
        "text",
        "start",
        "end",
        "title",
        "doc_type",
        "issuer",
        "start_year",
        "end_year",
        "is_policy",
    )
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        title: str,
        doc_type: str | None = None,
        issuer: str | None = None,
        start_year: int | None = None,
        end_year: int | None = None,
        is_policy: bool = False,
    ) -> Title: ...
    @property
    def kind(self) -> Literal["title"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def doc_type(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def start_year(self) -> int | None: ...
    @property
    def end_year(self) -> int | None: ...
    @property
    def is_policy(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Title], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Number:
    """A numeral that belongs to no other record: ``八大``, ``第七``."""

    __match_args__ = ("text", "start", "end", "value", "ordinal")
    def __new__(
        cls, text: str, start: int, end: int, value: float, ordinal: bool = False
    ) -> Number: ...
    @property
    def kind(self) -> Literal["number"]: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def ordinal(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[type[Number], tuple[Any, ...]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- extraction -------------------------------------------------------------------------------

_Record: TypeAlias = Quantity | Date | Title | Number
_Kinds: TypeAlias = Iterable[str] | str | None

@final
class ExtractionBatch:
    """The records of many texts, in input order: ``batch[i]`` lists the records of text ``i``.

    Also a table with one row per record: ``to_pandas()`` and the Arrow PyCapsule stream
    interface (``pyarrow.table(batch)``, ``polars.DataFrame(batch)``).
    """

    def __new__(cls, documents: Iterable[Iterable[_Record]]) -> ExtractionBatch: ...
    def __reduce__(
        self,
    ) -> tuple[type[ExtractionBatch], tuple[list[list[_Record]]]]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int, /) -> list[_Record]: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[list[_Record]]: ...
    def __iter__(self) -> Iterator[list[_Record]]: ...
    @property
    def record_count(self) -> int: ...
    def to_list(self) -> list[list[_Record]]: ...
    def to_pandas(self, index: Any = None) -> Any: ...
    def _columns(self) -> list[tuple[str, str, Any, Any]]: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Extractor:
    """Finds records in text with fixed options; built once, reused, shared, pickled.

    ``kinds``: any iterable of ``"quantity"``, ``"date"``, ``"title"``, ``"number"`` (or one
    name); ``reference_year`` resolves 今年, 去年, 明年, 前年; ``yuan_currency`` is the ISO code
    of a plain 元 (``CNY``, ``HKD``, ``TWD`` or ``MOP``). Bad options raise :class:`OptionError`.
    """

    def __new__(
        cls,
        kinds: _Kinds = None,
        reference_year: int | None = None,
        yuan_currency: str = "CNY",
    ) -> Extractor: ...
    @property
    def kinds(self) -> tuple[str, ...]: ...
    @property
    def reference_year(self) -> int | None: ...
    @property
    def yuan_currency(self) -> str: ...
    def extract(self, text: str) -> list[_Record]: ...
    def quantities(self, text: str) -> list[Quantity]: ...
    def dates(self, text: str) -> list[Date]: ...
    def titles(self, text: str) -> list[Title]: ...
    def numbers(self, text: str) -> list[Number]: ...
    def extract_batch(
        self, texts: Iterable[str], threads: int | None = None
    ) -> ExtractionBatch: ...
    def to_frame(
        self,
        texts: Iterable[str],
        threads: int | None = None,
        *,
        text: Hashable | None = None,
        keep: Sequence[Hashable] | None = None,
    ) -> Any: ...
    def __reduce__(
        self,
    ) -> tuple[type[Extractor], tuple[tuple[str, ...], int | None, str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def extract(text: str, kinds: _Kinds = None) -> list[_Record]:
    """Every record in ``text``, sorted by start; ``kinds`` limits the kinds returned."""

def quantities(text: str) -> list[Quantity]:
    """Quantities in ``text``."""

def dates(text: str) -> list[Date]:
    """Dates in ``text``."""

def titles(text: str) -> list[Title]:
    """Titles in ``text``."""

def numbers(text: str) -> list[Number]:
    """Numbers in ``text``."""

def extract_batch(
    texts: Iterable[str], threads: int | None = None, kinds: _Kinds = None
) -> ExtractionBatch:
    """The records of many texts, in input order, on every core with the GIL released."""

def to_frame(
    texts: Iterable[str],
    threads: int | None = None,
    kinds: _Kinds = None,
    *,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
) -> Any:
    """A pandas DataFrame with one row per record of ``texts``; ``xinzhi_extract.to_frame``."""

def clean(text: str) -> str:
    """``text`` with pinyin annotations such as ``萬(wàn)`` removed; nothing else changes."""

def parse_numeral(text: str) -> int | float:
    """The value of a Chinese (or Arabic) numeral: ``int`` when integral, else ``float``."""

def to_chinese(n: float | str, upper: bool = False, traditional: bool = False) -> str:
    """``n`` written as a Chinese numeral; ``upper`` for financial forms (壹佰贰拾叁)."""
