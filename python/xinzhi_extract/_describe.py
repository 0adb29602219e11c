"""What a record means, in words: the one-line description and the tooltip that the terminal
table, the notebook view and the HTML page show, and the sanitising of text for a terminal.

``highlight`` and ``_html`` both build on this module; neither imports the other's internals.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Protocol

from xinzhi_extract._core import _record_schema

__all__ = [
    "KINDS",
    "RecordLike",
    "describe",
    "format_value",
    "one_line",
    "terminal_safe",
    "tooltip",
]

#: The record kinds in the order legends and summaries list them (the declaration order).
KINDS: tuple[str, ...] = tuple(record["kind"] for record in _record_schema()["records"])

# Fields every record has; the others depend on the kind.
_COMMON_FIELDS = frozenset({"kind", "text", "start", "end"})

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class RecordLike(Protocol):
    """What the views need from a record: the four common fields and ``to_dict()``."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    def to_dict(self) -> Mapping[str, object]: ...


def _visible(char: str) -> str:
    """A control character as its Unicode control picture, so that text from the wild can
    neither break a table row nor send escape sequences to the terminal."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def one_line(text: str) -> str:
    """``text`` on one line: line breaks, tabs and other control characters made visible."""
    return _CONTROL.sub(lambda match: _visible(match.group()), text)


def terminal_safe(text: str) -> str:
    """``text`` with its line breaks kept and every other control character made visible."""
    return _CONTROL_BUT_LINES.sub(lambda match: _visible(match.group()), text.replace("\r\n", "\n"))


def format_value(value: object) -> str:
    """A field value as people read it: integral floats without ``.0`` and with thousands
    separators, other floats to six significant digits, ``None`` as ``-``.

    >>> format_value(89900000.0)
    '89,900,000'
    >>> format_value(15.3)
    '15.3'
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e18:
            return f"{int(value):,}"
        return f"{value:,.6g}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _date_part(year: object, month: object, day: object) -> str:
    parts = []
    if isinstance(year, int):
        parts.append(str(year))
    if isinstance(month, int):
        parts.append(f"{month:02d}")
    if isinstance(day, int):
        parts.append(f"{day:02d}")
    return "-".join(parts) or "?"


def describe(record: RecordLike) -> str:
    """A one-line summary of what a record means, for tables and tooltips.

    Quantities read as their subject, value, unit, dimension, currency, approximation and
    trend; dates as ISO-like dates or periods; titles as document type, issuer, period and
    whether they name a policy; numbers as their value.
    """
    fields = record.to_dict()
    kind = record.kind
    if kind == "quantity":
        value, low, high = fields.get("value"), fields.get("low"), fields.get("high")
        if value is not None:
            amount = format_value(value)
        elif low is not None or high is not None:
            amount = f"{format_value(low) if low is not None else '?'}–" + (
                format_value(high) if high is not None else "?"
            )
        else:
            amount = "? (number lost)"
        unit = fields.get("unit")
        head = amount if unit is None else amount + ("" if unit == "%" else " ") + str(unit)
        tags = [str(fields.get("dimension") or "")]
        if fields.get("currency"):
            tags.append(str(fields["currency"]))
        if fields.get("approx") not in {None, "exact"}:
            tags.append(str(fields["approx"]))
        if fields.get("trend"):
            tags.append(f"trend {fields['trend']}")
        tail = " ".join(tag for tag in tags if tag)
        line = f"{head} · {tail}" if tail else head
        subject = fields.get("subject")
        return f"{subject}: {line}" if subject else line
    if kind == "date":
        start = _date_part(fields.get("year"), fields.get("month"), fields.get("day"))
        end_fields = (fields.get("end_year"), fields.get("end_month"), fields.get("end_day"))
        if all(part is None for part in end_fields):
            return start
        return f"{start} – {_date_part(*end_fields)}"
    if kind == "title":
        tags = [str(fields.get("doc_type") or "no document type")]
        if fields.get("issuer"):
            tags.append(f"issuer {fields['issuer']}")
        start_year, end_year = fields.get("start_year"), fields.get("end_year")
        if start_year is not None or end_year is not None:
            tags.append(f"{start_year or '?'}–{end_year or '?'}")
        tags.append("policy" if fields.get("is_policy") else "not a policy document")
        return " · ".join(tags)
    if kind == "number":
        text = format_value(fields.get("value"))
        return text + " (ordinal)" if fields.get("ordinal") else text
    return " ".join(
        f"{name}={format_value(value)}"
        for name, value in fields.items()
        if name not in _COMMON_FIELDS and value is not None
    )


def tooltip(record: RecordLike) -> str:
    """Every field of a record that has a value, one per line, as shown on hover."""
    lines = [f"{record.kind}  {record.text}", f"characters {record.start}–{record.end}"]
    lines.extend(
        f"{name}: {format_value(value)}"
        for name, value in record.to_dict().items()
        if name not in _COMMON_FIELDS and value is not None
    )
    return "\n".join(lines)
