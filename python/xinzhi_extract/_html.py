"""HTML views of records in their text: the notebook fragment and the self-contained page that
``xinzhi-extract --html`` writes.

Every highlighted record is a ``<mark>`` carrying ``data-record`` (its position in the list
given), ``data-kind``, ``data-start`` and ``data-end`` (code-point offsets) and a tooltip with
its fields. Records may nest (a title holds dates and quantities); should two ever overlap
without nesting, the later one is closed and reopened around the boundary, each piece with the
same ``data-record`` and the class ``xz-cont`` on the pieces after the first.

The subject of a quantity (SPEC §6) is a ``<span class="xz-subject">`` over its words, underlined,
with ``data-subject`` (``start-end``), ``data-subject-of`` (the positions of its quantities) and
a tooltip naming them; the quantity's mark carries the same ``data-subject``, and its tooltip
the subject. On the page, hovering a quantity lights up its subject.

The page carries a small script that checks, in the browser, that every row of each records
table has its highlight with the same kind, text and starting offset, drawn in its kind's
colour, and writes the outcome to ``data-check`` on ``<body>``; a headless browser run can read
it from the DOM.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

from xinzhi_extract._describe import KINDS, RecordLike, describe, tooltip

__all__ = ["PageWriter", "fragment", "subjects_of"]

# Inline styles rather than a stylesheet so that a notebook fragment keeps its colours in
# front ends that drop <style> elements. Titles get a lighter fill and an underline because
# they contain other records.
_MARK_BASE = "color:#111;border-radius:3px;padding:0 1px;"
KIND_STYLES: dict[str, str] = {
    "quantity": _MARK_BASE + "background-color:#ffd966;",
    "date": _MARK_BASE + "background-color:#9fd8f0;",
    "title": _MARK_BASE + "background-color:#ece2fb;box-shadow:inset 0 -2px 0 #8e6cc8;",
    "number": _MARK_BASE + "background-color:#b9e0a5;",
}
_OTHER_STYLE = _MARK_BASE + "background-color:#dddddd;"
_TEXT_STYLE = "white-space:pre-wrap;line-height:1.9;font-size:15px;"

_CONTROL = re.compile("[\x00\r]")
_CLASS_SAFE = re.compile("[^a-z0-9_-]")


def _escape_text(text: str) -> str:
    """HTML for ``text`` whose DOM text is ``text`` character for character. HTML parsing
    turns a carriage return into a line feed (joining CR LF into one character) and drops a
    raw U+0000, either of which would shift every later offset; as character references they
    stay one character each (U+0000 reads as U+FFFD, which nothing in HTML can avoid). Other
    control characters pass through parsing unchanged."""
    return _CONTROL.sub(lambda match: f"&#{ord(match.group())};", html.escape(text, quote=False))


def _attribute(value: object) -> str:
    return _CONTROL.sub(
        lambda match: f"&#{ord(match.group())};", html.escape(str(value), quote=True)
    )


def _style(kind: str) -> str:
    return KIND_STYLES.get(kind, _OTHER_STYLE)


def _class_name(kind: str) -> str:
    return _CLASS_SAFE.sub("_", kind.lower()) or "other"


def _open_mark(index: int, record: RecordLike, *, continued: bool) -> str:
    kind = record.kind
    classes = f"xz xz-{_class_name(kind)}" + (" xz-cont" if continued else "")
    subject = _subject_key(record)
    link = f' data-subject="{subject}"' if subject else ""
    return (
        f'<mark class="{classes}" data-record="{index}" data-kind="{_attribute(kind)}"'
        f' data-start="{record.start}" data-end="{record.end}"{link}'
        f' title="{_attribute(tooltip(record))}" style="{_style(kind)}">'
    )


def _subject_key(record: RecordLike) -> str:
    """``start-end`` of a quantity's subject (code points), ``""`` when it has none: the key
    that links a quantity's mark to the span of its subject."""
    if record.kind != "quantity":
        return ""
    fields = record.to_dict()
    start, end = fields.get("subject_start"), fields.get("subject_end")
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return f"{start}-{end}"
    return ""


#: How a subject's span is drawn: underlined in the colour of quantities.
SUBJECT_STYLE = "box-shadow:inset 0 -2px 0 #c9a227;"


@dataclass(frozen=True)
class _Subject:
    """The span of a subject in the text and the quantities (by position) it belongs to."""

    start: int
    end: int
    quantities: tuple[int, ...]


def subjects_of(records: Sequence[RecordLike]) -> list[_Subject]:
    """The subject spans of the quantities among ``records``, each once, in reading order; a
    subject carried over to later quantities is one span linked to all of them."""
    owners: dict[tuple[int, int], list[int]] = {}
    for index, record in enumerate(records):
        key = _subject_key(record)
        if key:
            start, end = (int(part) for part in key.split("-"))
            owners.setdefault((start, end), []).append(index)
    return [_Subject(start, end, tuple(owned)) for (start, end), owned in sorted(owners.items())]


def _open_subject(subject: _Subject, records: Sequence[RecordLike], *, continued: bool) -> str:
    of = ", ".join(records[index].text for index in subject.quantities)
    classes = "xz-subject" + (" xz-cont" if continued else "")
    return (
        f'<span class="{classes}" data-subject="{subject.start}-{subject.end}"'
        f' data-subject-of="{" ".join(str(index) for index in subject.quantities)}"'
        f' title="{_attribute("subject of " + of)}" style="{SUBJECT_STYLE}">'
    )


#: How a skipped numeral looks: muted, with its reason on hover.
SKIPPED_STYLE = "color:#9a9a9a;text-decoration:underline dotted #c8c8c8;"


class SkippedLike(Protocol):
    """What the HTML views read of a skipped numeral (``xinzhi_extract.Skipped``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def reason(self) -> str: ...


def _plain(
    text: str, start: int, end: int, skipped: Sequence[SkippedLike], cursor: list[int]
) -> str:
    """``text[start:end]`` (no record boundary inside) as HTML, the skipped numerals in it
    muted with their reason on hover. ``cursor`` holds the index of the next skipped span."""
    pieces = []
    position = start
    while cursor[0] < len(skipped) and skipped[cursor[0]].start < end:
        span = skipped[cursor[0]]
        if span.start >= position and span.end <= end:
            pieces.append(_escape_text(text[position : span.start]))
            pieces.append(
                f'<span class="xz-skipped" data-reason="{_attribute(span.reason)}"'
                f' data-start="{span.start}" data-end="{span.end}"'
                f' title="skipped: {_attribute(span.reason)}" style="{SKIPPED_STYLE}">'
                f"{_escape_text(text[span.start : span.end])}</span>"
            )
            position = span.end
        cursor[0] += 1
    pieces.append(_escape_text(text[position:end]))
    return "".join(pieces)


def marked_text(
    text: str, records: Sequence[RecordLike], skipped: Sequence[SkippedLike] = ()
) -> str:
    """``text`` as HTML with every record in a ``<mark>``, the subject of every quantity in a
    ``<span class="xz-subject">`` linked to its marks by ``data-subject``, and every skipped
    numeral muted (its reason on hover); see the module notes on nesting."""
    skipped = sorted(skipped, key=lambda span: span.start)
    cursor = [0]
    length = len(text)
    subjects = subjects_of(records)
    # Records first, then subjects: item k < len(records) is record k.
    bounds = [(record.start, record.end) for record in records] + [
        (subject.start, subject.end) for subject in subjects
    ]
    spans = [(min(max(s, 0), length), min(max(e, s, 0), length)) for s, e in bounds]

    def opening(item: int, *, continued: bool) -> str:
        if item < len(records):
            return _open_mark(item, records[item], continued=continued)
        return _open_subject(subjects[item - len(records)], records, continued=continued)

    def closing(item: int) -> str:
        return "</mark>" if item < len(records) else "</span>"

    order = sorted(range(len(spans)), key=lambda item: (spans[item][0], -spans[item][1]))
    pieces: list[str] = []
    position = 0
    stack: list[int] = []

    def close_up_to(limit: int) -> None:
        nonlocal position
        while stack:
            # The innermost of the items that end first closes next.
            ending = min(reversed(stack), key=lambda item: spans[item][1])
            end = spans[ending][1]
            if end > limit:
                return
            pieces.append(_plain(text, position, end, skipped, cursor))
            position = end
            depth = stack.index(ending)
            reopened = stack[depth + 1 :]
            pieces.extend(closing(item) for item in reversed(stack[depth:]))
            del stack[depth:]
            for item in reopened:
                pieces.append(opening(item, continued=True))
                stack.append(item)

    for item in order:
        start = spans[item][0]
        close_up_to(start)
        pieces.append(_plain(text, position, start, skipped, cursor))
        position = start
        pieces.append(opening(item, continued=False))
        stack.append(item)
    close_up_to(length)
    pieces.append(_plain(text, position, length, skipped, cursor))
    return "".join(pieces)


def legend(records: Sequence[RecordLike] | None = None) -> str:
    """A legend of the kinds, with counts when ``records`` are given."""
    counts = Counter(record.kind for record in records or ())
    kinds = list(KINDS) + sorted(set(counts) - set(KINDS))
    entries = []
    for kind in kinds:
        count = f" {counts[kind]}" if records is not None else ""
        entries.append(
            f'<span style="margin-right:1.2em;white-space:nowrap">'
            f'<mark class="xz xz-key" data-kind="{_attribute(kind)}" style="{_style(kind)}">'
            f"{html.escape(kind)}</mark>{count}</span>"
        )
    return f'<div class="xz-legend" style="margin:0.3em 0 0.6em 0">{"".join(entries)}</div>'


def fragment(text: str, records: Sequence[RecordLike], skipped: Sequence[SkippedLike] = ()) -> str:
    """Legend and highlighted text in one ``<div>`` with inline styles, for a notebook."""
    return (
        '<div class="xz-highlight">'
        f"{legend(records)}"
        f'<div class="xz-text" style="{_TEXT_STYLE}">{marked_text(text, records, skipped)}</div>'
        "</div>"
    )


def records_table(records: Sequence[RecordLike]) -> str:
    """A table of the records, one row each, rows tagged like their highlights."""
    rows = [
        f'<tr data-record="{index}" data-kind="{_attribute(record.kind)}"'
        f' data-start="{record.start}" data-end="{record.end}">'
        f'<td class="xz-num">{index}</td>'
        f'<td><mark class="xz xz-key" data-kind="{_attribute(record.kind)}"'
        f' style="{_style(record.kind)}">{html.escape(record.kind)}</mark></td>'
        f'<td class="xz-cell-text">{_escape_text(record.text)}</td>'
        f'<td class="xz-num">{record.start}</td><td class="xz-num">{record.end}</td>'
        f"<td>{_escape_text(describe(record))}</td></tr>"
        for index, record in enumerate(records)
    ]
    return (
        '<table class="xz-records"><thead><tr><th>#</th><th>kind</th><th>text</th>'
        "<th>start</th><th>end</th><th>meaning</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_PAGE_CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; margin: 2em auto; max-width: 60em;
       padding: 0 1em; color: #111; background: #fff; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; word-break: break-all; }
.xz-text { border-left: 3px solid #ddd; padding-left: 1em; }
.xz-counts { color: #555; font-size: 0.9em; }
table.xz-records { border-collapse: collapse; font-size: 0.9em; margin-top: 0.5em; }
table.xz-records th, table.xz-records td { border-bottom: 1px solid #e5e5e5; padding: 2px 8px;
       text-align: left; vertical-align: top; }
td.xz-num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2em; color: #555; }
.xz-subject.xz-subject-on { background: #fff2b3; }
"""

# Runs in the reader's browser after the page loads. For every records-table row it finds the
# highlight pieces with the same data-record and checks kind, text, drawn size, colour (against
# the legend entry of that kind) and starting offset in code points; highlights without a row
# are errors too. The outcome goes to data-check ("ok" or "fail"), data-checked and
# data-check-errors on <body>.
_CHECK_SCRIPT = """
(function () {
  var errors = [];
  window.addEventListener('error', function (event) {
    errors.push('script error: ' + event.message);
    document.body.setAttribute('data-check', 'fail');
  });
  function check() {
    var checked = 0;
    try {
      var colours = {};
      document.querySelectorAll('.xz-legend mark[data-kind]').forEach(function (mark) {
        colours[mark.dataset.kind] = getComputedStyle(mark).backgroundColor;
      });
      document.querySelectorAll('section.xz-doc').forEach(function (section) {
        var where = section.dataset.doc + ': ';
        var text = section.querySelector('.xz-text');
        var pieces = {};
        text.querySelectorAll('mark[data-record]').forEach(function (mark) {
          (pieces[mark.dataset.record] = pieces[mark.dataset.record] || []).push(mark);
        });
        section.querySelectorAll('tr[data-record]').forEach(function (row) {
          var id = row.dataset.record, kind = row.dataset.kind;
          var marks = pieces[id];
          delete pieces[id];
          if (!marks) { errors.push(where + 'record ' + id + ' is not highlighted'); return; }
          var shown = marks.map(function (mark) { return mark.textContent; }).join('');
          var expected = row.querySelector('.xz-cell-text').textContent;
          if (shown !== expected) {
            errors.push(where + 'record ' + id + ' shows ' + shown + ' not ' + expected);
          }
          marks.forEach(function (mark) {
            if (mark.dataset.kind !== kind) {
              errors.push(where + 'record ' + id + ' marked ' + mark.dataset.kind);
            }
            var box = mark.getBoundingClientRect();
            if (mark.textContent && (box.width <= 0 || box.height <= 0)) {
              errors.push(where + 'record ' + id + ' is not drawn');
            }
            if (colours[kind] && getComputedStyle(mark).backgroundColor !== colours[kind]) {
              errors.push(where + 'record ' + id + ' is not in the colour of ' + kind);
            }
          });
          var before = document.createRange();
          before.setStart(text, 0);
          before.setEndBefore(marks[0]);
          var offset = Array.from(before.toString()).length;
          if (String(offset) !== row.dataset.start) {
            errors.push(where + 'record ' + id + ' starts at ' + offset);
          }
          checked += 1;
        });
        Object.keys(pieces).forEach(function (id) {
          errors.push(where + 'highlight ' + id + ' has no row');
        });
      });
    } catch (failure) {
      errors.push('check failed: ' + failure);
    }
    document.body.setAttribute('data-checked', String(checked));
    document.body.setAttribute('data-check', errors.length ? 'fail' : 'ok');
    if (errors.length) {
      document.body.setAttribute('data-check-errors', errors.slice(0, 20).join(' | '));
    }
  }
  // Hovering a quantity lights up the span of its subject (same data-subject, same section).
  function link(on) {
    return function (event) {
      var mark = event.target.closest && event.target.closest('mark[data-subject]');
      var section = mark && mark.closest('section.xz-doc');
      if (!section) { return; }
      section.querySelectorAll('span.xz-subject[data-subject="' + mark.dataset.subject + '"]')
        .forEach(function (span) { span.classList.toggle('xz-subject-on', on); });
    };
  }
  document.addEventListener('mouseover', link(true));
  document.addEventListener('mouseout', link(false));
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', check);
  } else {
    check();
  }
})();
"""


class PageWriter:
    """Writes a self-contained HTML page one document at a time, so a long run never holds
    more than one batch of texts: each document becomes a section with its highlighted text
    and its table of records."""

    def __init__(self, stream: TextIO, *, title: str = "xinzhi-extract") -> None:
        self._stream = stream
        self._documents = 0
        self._records: Counter[str] = Counter()
        stream.write(
            '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_PAGE_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n{legend()}\n"
        )

    def add(
        self,
        doc: object,
        text: str,
        records: Sequence[RecordLike],
        skipped: Sequence[SkippedLike] = (),
    ) -> None:
        """Append one document: heading, counts, highlighted text (skipped numerals muted)
        and records table."""
        self._documents += 1
        counts = Counter(record.kind for record in records)
        self._records.update(counts)
        summary = ", ".join(f"{counts[kind]} {kind}" for kind in KINDS if counts[kind])
        self._stream.write(
            f'<section class="xz-doc" id="doc-{self._documents}" data-doc="{_attribute(doc)}">\n'
            f"<h2>{_escape_text(str(doc))}</h2>\n"
            f'<p class="xz-counts">{len(text):,} characters; {len(records)} records'
            f"{': ' + summary if summary else ''}</p>\n"
            f'<div class="xz-text" style="{_TEXT_STYLE}">{marked_text(text, records, skipped)}</div>\n'
            f"<details open><summary>{len(records)} records</summary>\n"
            f"{records_table(records)}\n</details>\n</section>\n"
        )

    def close(self) -> None:
        """Write the footer and the self-check script; the stream stays open."""
        total = sum(self._records.values())
        self._stream.write(
            f"<footer>{self._documents:,} documents, {total:,} records</footer>\n"
            f"<script>{_CHECK_SCRIPT}</script>\n</body>\n</html>\n"
        )
