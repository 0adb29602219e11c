"""Show extracted records in their text: coloured for a terminal, highlighted HTML for a notebook.

``highlight(text)`` extracts the records of ``text`` and returns a :class:`Highlight`. A
notebook displays it as the text with every record marked in the colour of its kind, the
record's fields in a tooltip on hover, and a legend. ``str()`` of it is the same view for a
terminal: the text with ANSI colours (or brackets where colour is off), the legend, and one
aligned line per record with its fields.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from xinzhi_extract import _html
from xinzhi_extract._describe import (
    KINDS,
    RecordLike,
    describe,
    format_value,
    one_line,
    terminal_safe,
    tooltip,
)

if TYPE_CHECKING:
    from xinzhi_extract._core import _Kinds

__all__ = [
    "KINDS",
    "Highlight",
    "RecordLike",
    "describe",
    "display_width",
    "format_records",
    "format_value",
    "highlight",
    "terminal_safe_line",
    "tooltip",
]

# SGR parameters per kind. Titles are underlined rather than filled because they may contain
# other records, whose fill must stay visible inside them.
_ANSI_FILL = {"quantity": "30;43", "date": "30;46", "number": "30;42"}
_ANSI_TITLE = "4"
_ANSI_TITLE_ALONE = "35"
_ANSI_OTHER = "30;47"


# Column caps for the record table, in terminal cells.
_TEXT_COLUMN_CELLS = 30
_KIND_COLUMN_CELLS = 8

#: ``text`` on one line with every control character made visible: for names and messages
#: that reach a terminal (file names, document ids, JSON field names).
terminal_safe_line = one_line


class _Extracting(Protocol):
    def extract(self, text: str, /) -> Sequence[RecordLike]: ...


def display_width(text: str) -> int:
    """Number of terminal cells ``text`` takes: East Asian wide and full-width characters take
    two, combining marks and zero-width characters none.

    >>> display_width("8990萬元")
    8
    >>> display_width("ｗ")
    2
    """
    cells = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in {"Cf", "Mn", "Me"}:
            continue
        cells += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return cells


def _fit(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, with an ellipsis where it was cut."""
    if display_width(text) <= cells:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        width = display_width(char)
        if used + width > cells - 1:
            break
        kept.append(char)
        used += width
    return "".join(kept) + "…"


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - display_width(text))


def format_records(records: Iterable[RecordLike], *, indent: str = "") -> list[str]:
    """The records as aligned table lines (kind, text, span, fields), wide characters counted
    as two cells so the columns line up in a terminal.

    >>> format_records([])
    []
    """
    rows = [
        (
            record.kind,
            _fit(one_line(record.text), _TEXT_COLUMN_CELLS),
            f"{record.start}–{record.end}",
            describe(record),
        )
        for record in records
    ]
    if not rows:
        return []
    kind_cells = min(_KIND_COLUMN_CELLS, max(display_width(row[0]) for row in rows))
    text_cells = max(display_width(row[1]) for row in rows)
    span_cells = max(len(row[2]) for row in rows)
    return [
        f"{indent}{_pad(kind, kind_cells)}  {_pad(text, text_cells)}  {span:>{span_cells}}  {fields}"
        for kind, text, span, fields in rows
    ]


def _sgr(active_kinds: Sequence[str]) -> str:
    """The ANSI style for a stretch of text covered by records of ``active_kinds`` (outermost
    first)."""
    codes = []
    fills = [kind for kind in active_kinds if kind != "title"]
    if "title" in active_kinds:
        codes.append(_ANSI_TITLE)
        if not fills:
            codes.append(_ANSI_TITLE_ALONE)
    if fills:
        codes.append(_ANSI_FILL.get(fills[-1], _ANSI_OTHER))
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def _clamped_spans(text: str, records: Sequence[RecordLike]) -> list[tuple[int, int]]:
    length = len(text)
    return [
        (min(max(record.start, 0), length), min(max(record.end, record.start, 0), length))
        for record in records
    ]


def render_terminal(text: str, records: Sequence[RecordLike], *, color: bool) -> str:
    """``text`` with every record marked: ANSI colours by kind when ``color``, else each record
    between ``⟦`` and ``⟧``. Records may nest (a title holds dates and quantities)."""
    spans = _clamped_spans(text, records)
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        opening.setdefault(start, []).append(index)
        closing.setdefault(end, []).append(index)
    # Outer records first where several open at one point, so nesting reads naturally.
    for indices in opening.values():
        indices.sort(key=lambda index: -spans[index][1])
    boundaries = sorted({0, len(text), *opening, *closing})
    active: list[int] = []
    pieces: list[str] = []
    for position, next_position in zip(boundaries, [*boundaries[1:], None]):
        for index in closing.get(position, []):
            if index in active:
                active.remove(index)
                if not color:
                    pieces.append("⟧")
        for index in opening.get(position, []):
            if spans[index][0] == spans[index][1]:
                # An empty record has nothing to colour; brackets still show where it is.
                if not color:
                    pieces.append("⟦⟧")
                continue
            active.append(index)
            if not color:
                pieces.append("⟦")
        if next_position is None:
            break
        stretch = terminal_safe(text[position:next_position])
        style = _sgr([records[index].kind for index in active]) if color else ""
        pieces.append(f"{style}{stretch}\x1b[0m" if style else stretch)
    return "".join(pieces)


def _legend_terminal(records: Sequence[RecordLike], *, color: bool) -> str:
    counts = Counter(record.kind for record in records)
    kinds = [kind for kind in KINDS if kind in counts] + sorted(set(counts) - set(KINDS))
    if not kinds:
        return "no records"
    entries = []
    for kind in kinds:
        label = f"{_sgr([kind])}{kind}\x1b[0m" if color else kind
        entries.append(f"{label} {counts[kind]}")
    return "   ".join(entries)


def _color_wanted() -> bool:
    """Colour unless the user opted out through the ``NO_COLOR`` convention."""
    return not os.environ.get("NO_COLOR")


class Highlight:
    """A text with its records, ready to be looked at.

    In a notebook it displays as highlighted HTML (see :meth:`to_html`); ``str()`` gives the
    terminal view (see :meth:`to_text`).

    >>> view = Highlight("总投资约4.2億元。", [])
    >>> view.text
    '总投资约4.2億元。'
    >>> print(view.to_text(color=False))
    总投资约4.2億元。
    <BLANKLINE>
    no records
    """

    __slots__ = ("_records", "_skipped", "_text")

    def __init__(
        self,
        text: str,
        records: Iterable[RecordLike],
        skipped: Iterable[_html.SkippedLike] = (),
    ) -> None:
        self._text = text
        self._records = tuple(sorted(records, key=lambda record: (record.start, -record.end)))
        self._skipped = tuple(sorted(skipped, key=lambda span: span.start))

    @property
    def text(self) -> str:
        """The text as given."""
        return self._text

    @property
    def skipped(self) -> tuple[_html.SkippedLike, ...]:
        """The numerals that yield no record, shown muted with their reason on hover."""
        return self._skipped

    @property
    def records(self) -> tuple[RecordLike, ...]:
        """The records shown, sorted by start (outer records first where two start together)."""
        return self._records

    def to_text(self, *, color: bool | None = None, fields: bool = True) -> str:
        """The terminal view: the marked text, a legend with counts per kind and, with
        ``fields``, one aligned line per record. ``color=None`` colours unless ``NO_COLOR``
        is set."""
        use_color = _color_wanted() if color is None else color
        parts = [
            render_terminal(self._text, self._records, color=use_color),
            "",
            _legend_terminal(self._records, color=use_color),
        ]
        if fields and self._records:
            parts.extend(format_records(self._records, indent="  "))
        return "\n".join(parts)

    def to_html(self) -> str:
        """A self-contained HTML fragment: legend and highlighted text, fields on hover, the
        numerals that yield no record muted with their reason on hover."""
        return _html.fragment(self._text, self._records, self._skipped)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        counts = Counter(record.kind for record in self._records)
        summary = ", ".join(f"{counts[kind]} {kind}" for kind in KINDS if counts[kind])
        return f"<Highlight of {len(self._text):,} characters: {summary or 'no records'}>"


def highlight(
    text: str,
    kinds: _Kinds = None,
    *,
    extractor: _Extracting | None = None,
) -> Highlight:
    """Extract the records of ``text`` and return a view of them in place.

    ``kinds`` limits the record kinds as in ``extract``; ``extractor`` uses a configured
    ``Extractor`` instead (for a reference year or another yuan currency).

    Raises ``TypeError`` for both ``kinds`` and ``extractor``, and the errors of ``extract``
    for the text (``TypeError``, ``InvalidTextError``) or the kinds (``OptionError``).

    >>> import xinzhi_extract as xe
    >>> view = xe.highlight("全省新增企业77家，总投资约4.2億元。")
    >>> html = view._repr_html_()   # what a notebook shows
    >>> terminal = str(view)        # the same view with ANSI colours
    """
    if extractor is not None:
        if kinds is not None:
            msg = "give either kinds or extractor, not both"
            raise TypeError(msg)
        skipped_of = getattr(extractor, "skipped", None)
        skipped = skipped_of(text) if callable(skipped_of) else ()
        return Highlight(text, extractor.extract(text), skipped)
    import xinzhi_extract

    return Highlight(text, xinzhi_extract.extract(text, kinds=kinds), xinzhi_extract.skipped(text))
