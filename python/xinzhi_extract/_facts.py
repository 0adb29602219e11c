"""The facts table (SPEC §6): one row per quantity with what it measures, its value, the
year of the date before it in its sentence, and the sentence itself.

The quantities come from a column-wise batch like ``to_frame``'s (every text on every
core), and each one's year and sentence from the Rust core (``FactContexts``, which its
``Extractor::facts`` uses too), as columns beside the batch: no Python object is made per
row beyond the strings of the sentences. ``Extractor.facts``, ``xinzhi_extract.facts`` and
``xinzhi-extract --facts`` all run :func:`facts_of`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from xinzhi_extract._core import _MAX_SENTENCE_CHARS, _SENTENCE_ENDS, Extractor
from xinzhi_extract._frame import (
    from_buffers,
    import_pandas,
    labelled,
    read_texts,
    records_frame,
    run_texts,
)

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
    batch, context = run_texts(wanted._facts_batch, source, threads, function)
    quantities = records_frame(pd, batch)
    added = from_buffers(pd, context)
    columns = {
        "doc": quantities["doc"].to_numpy(),
        **{name: quantities[name].array for name in FACT_COLUMNS[1:10]},
        "year": added["year"],
        **{name: quantities[name].array for name in FACT_COLUMNS[11:16]},
        **{name: added[name] for name in FACT_COLUMNS[16:]},
    }
    table = pd.DataFrame(columns, columns=list(FACT_COLUMNS), copy=False)
    return labelled(pd, table, source, function)
