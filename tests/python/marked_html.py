"""Reads highlighted HTML back (the notebook view of ``highlight()`` and the page of
``xinzhi-extract --html``, as written or as a browser leaves it), so that tests can check
every record against the text it is drawn in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from xinzhi_extract import Record


@dataclass
class Mark:
    """One record as drawn: the kinds its pieces claim (one when they agree), its offsets as
    the attributes say, where its first piece stands in the text, the text of all its pieces
    and the records drawn around it."""

    kinds: set[str]
    start: int
    end: int
    seen_at: int
    text: str = ""
    parents: set[str] = field(default_factory=set)


@dataclass
class MarkedText:
    """The text inside a ``.xz-text`` element and the records marked in it, by record id."""

    text: str = ""
    marks: dict[str, Mark] = field(default_factory=dict)


class MarkedHtml(HTMLParser):
    """The ``<body>`` attributes and, per document, the marked text: documents are keyed by
    the ``data-doc`` of the ``section.xz-doc`` around them, ``""`` outside any section."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: dict[str, str | None] = {}
        self.documents: dict[str, MarkedText] = {}
        self.doc = ""
        self.current = MarkedText()
        self.depth = 0  # elements open inside .xz-text, 0 when outside
        self.open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self.depth == 0:
            if tag == "body":
                self.body = attributes
            elif tag == "section" and "xz-doc" in classes:
                self.doc = attributes.get("data-doc") or ""
            elif tag == "div" and "xz-text" in classes:
                self.depth = 1
                self.current = self.documents.setdefault(self.doc, MarkedText())
            return
        self.depth += 1
        record = attributes.get("data-record") if tag == "mark" else None
        if record is not None:
            mark = self.current.marks.setdefault(
                record,
                Mark(
                    kinds=set(),
                    start=int(attributes.get("data-start") or -1),
                    end=int(attributes.get("data-end") or -1),
                    seen_at=len(self.current.text),
                ),
            )
            mark.kinds.add(attributes.get("data-kind") or "")
            mark.parents.update(r for r in self.open if r is not None)
        self.open.append(record)

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0:
            return
        self.depth -= 1
        if self.depth > 0:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            return
        self.current.text += data
        for record in self.open:
            if record is not None:
                self.current.marks[record].text += data


def read_marked_html(html: str) -> MarkedHtml:
    """Parses ``html`` to the end."""
    parser = MarkedHtml()
    parser.feed(html)
    parser.close()
    return parser


def assert_records_drawn(
    shown: MarkedText, text: str, records: Sequence[Record], label: str
) -> None:
    """The marked text is ``text`` and every record is drawn once, in order, with its kind, its
    offsets and its text, its first piece standing at its start."""
    assert shown.text == text, f"{label}: the marked text is the document"
    assert len(shown.marks) == len(records), label
    for index, record in enumerate(records):
        mark = shown.marks[str(index)]
        assert mark.kinds == {record.kind}, (label, record)
        assert (mark.start, mark.end, mark.seen_at) == (record.start, record.end, record.start), (
            label,
            record,
        )
        assert mark.text == record.text, (label, record)
