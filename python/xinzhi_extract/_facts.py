"""The facts table (SPEC §6): one row per quantity with what it measures, its value, the
year of the date before it in its sentence, and the sentence itself.

The records come from the same column-wise batch as ``to_frame`` (quantities and dates of
every text, on every core); the year and the sentence are found per text with sorted
arrays, so no Python object is made per record beyond the strings of the sentences.
``Extractor.facts``, ``xinzhi_extract.facts`` and ``xinzhi-extract --facts`` all run
:func:`facts_of`. The rows agree with the Rust core's ``Extractor::facts``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from xinzhi_extract._core import _MAX_SENTENCE_CHARS, _SENTENCE_ENDS, Extractor
from xinzhi_extract._frame import extract_texts, import_pandas, labelled, read_texts, records_frame

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

#: The columns of the facts table, in order. ``doc`` is the text's label (its position, or
#: its index label for a pandas Series); ``text``, ``start`` and ``end`` place the quantity,
#: ``sentence_start`` and ``sentence_end`` its sentence, in the text's code points.
FACT_COLUMNS = (
    "doc",
    "subject",
    "value",
    "low",
    "high",
    "unit",
    "dimension",
    "approx",
    "trend",
    "currency",
    "year",
    "text",
    "start",
    "end",
    "subject_start",
    "subject_end",
    "sentence",
    "sentence_start",
    "sentence_end",
)

#: Marks that end a sentence: the core's own table (``lexicon::subjects::SENTENCE_ENDS``).
SENTENCE_ENDS = _SENTENCE_ENDS

#: The most characters of a sentence reported on either side of its quantity (the core's
#: ``MAX_SENTENCE_CHARS``).
MAX_SENTENCE_CHARS = _MAX_SENTENCE_CHARS

_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")

#: A document position and an offset as one sortable integer: texts are below 2**40
#: characters.
_DOC_SHIFT = 40


def facts(
    texts: Iterable[str] | pd.Series | pd.DataFrame,
    threads: int | None = None,
    *,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
) -> pd.DataFrame:
    """A pandas DataFrame with one row per quantity of ``texts`` (needs pandas).

    ``texts`` is read as by :func:`xinzhi_extract.to_frame`: a list (or any iterable) of
    ``str``, a pandas Series (its index labels the ``doc`` column), or a DataFrame with its
    column of texts named by ``text`` and the columns ``keep`` carried into every row;
    ``threads`` is the number of cores, all by default. The errors are those of ``to_frame``:
    ``TypeError`` (a DataFrame without ``text``, an item that is not a ``str``, named by its
    label), ``OptionError`` (``threads`` below 1, an unknown column), ``InvalidTextError``
    (a lone surrogate) and ``ImportError`` without pandas.

    >>> import xinzhi_extract as xe
    >>> xe.facts(["2025年，全省地区生产总值5.1万亿元、增长5.5%。"])[
    ...     ["doc", "subject", "value", "unit", "trend", "year"]
    ... ]
       doc subject            value unit trend  year
    0    0  地区生产总值  5100000000000.0    元   NaN  2025
    1    0  地区生产总值              5.5    %    up  2025
    """
    return facts_of(Extractor(), texts, threads, text, keep)


def facts_of(
    extractor: Extractor,
    texts: object,
    threads: object = None,
    text: Hashable | None = None,
    keep: Sequence[Hashable] | None = None,
    function: str = "facts",
) -> pd.DataFrame:
    """``facts`` with ``extractor``'s options (its reference year, currency of 元, ROC years
    and locale; the kinds it returns do not matter: facts read quantities and dates)."""
    pd = import_pandas()
    source = read_texts(texts, text, keep, function)
    wanted = Extractor(
        ("quantity", "date"),
        extractor.reference_year,
        extractor.yuan_currency,
        extractor.roc_years,
        extractor.locale,
    )
    batch = extract_texts(wanted, source, threads, function)
    records = records_frame(pd, batch)
    table = _facts_table(pd, records, source.strings)
    return labelled(pd, table, source, function)


def _facts_table(pd: Any, records: Any, strings: list[str]) -> Any:
    import numpy as np

    kind = records["kind"].astype(str).to_numpy()
    quantities = records[kind == "quantity"].reset_index(drop=True)
    dates = records[kind == "date"]
    docs = quantities["doc"].to_numpy(dtype=np.int64)
    starts = quantities["start"].to_numpy(dtype=np.int64)
    ends = quantities["end"].to_numpy(dtype=np.int64)

    sentence_start = np.empty(len(quantities), dtype=np.int64)
    sentence_end = np.empty(len(quantities), dtype=np.int64)
    sentences: list[str] = [""] * len(quantities)
    for doc in np.unique(docs):
        rows = np.flatnonzero(docs == doc)
        string = strings[int(doc)]
        # The sentence ends of the text, between a mark before its start and one at its end.
        found = np.fromiter((m.start() for m in _SENTENCE_END.finditer(string)), dtype=np.int64)
        marks = np.concatenate(([-1], found, [len(string)]))
        previous = marks[np.searchsorted(marks, starts[rows], side="left") - 1] + 1
        low = np.maximum(previous, starts[rows] - MAX_SENTENCE_CHARS)
        following = marks[np.searchsorted(marks, ends[rows], side="left")]
        high = np.minimum(following, np.minimum(ends[rows] + MAX_SENTENCE_CHARS, len(string)))
        for row, s, e in zip(rows, low, high, strict=True):
            sentence = string[s:e]
            kept = sentence.lstrip()
            sentence_start[row] = e - len(kept)
            sentence_end[row] = e
            sentences[row] = kept
    years = _years(np, dates, docs, starts, sentence_start)

    columns = {
        "doc": docs,
        **{name: quantities[name].array for name in FACT_COLUMNS[1:10]},
        "year": pd.array(years, dtype="Int32"),
        "text": quantities["text"].array,
        "start": starts,
        "end": ends,
        "subject_start": quantities["subject_start"].array,
        "subject_end": quantities["subject_end"].array,
        "sentence": pd.array(sentences, dtype="string"),
        "sentence_start": sentence_start,
        "sentence_end": sentence_end,
    }
    return pd.DataFrame(columns, columns=list(FACT_COLUMNS), copy=False)


def _years(np: Any, dates: Any, docs: Any, starts: Any, sentence_start: Any) -> list[int | None]:
    """The year of the date nearest before each quantity in its sentence, or ``None``."""
    date_docs = dates["doc"].to_numpy(dtype=np.int64)
    date_starts = dates["start"].to_numpy(dtype=np.int64)
    date_years = dates["year"].to_numpy(dtype=object, na_value=None)
    keys = (date_docs << _DOC_SHIFT) | date_starts
    wanted = (docs << _DOC_SHIFT) | starts
    nearest = np.searchsorted(keys, wanted, side="left") - 1
    years: list[int | None] = []
    for k, doc, floor in zip(nearest, docs, sentence_start, strict=True):
        if k >= 0 and date_docs[k] == doc and date_starts[k] >= floor:
            year = date_years[k]
            years.append(None if year is None else int(year))
        else:
            years.append(None)
    return years
