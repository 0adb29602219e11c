"""Writing records: JSONL, CSV, Parquet, the table for people and the HTML page.

Each writer gets a batch at a time: the documents and the :class:`ExtractionBatch` of their
records, whose ``doc`` column holds the documents' identifiers. CSV and Parquet write the
batch's table, the columns of ``to_frame`` and of the Arrow stream (declared once, with the
record classes), so that the command's Parquet and a Python ``pyarrow.table(batch)``
concatenate.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol, TextIO

from xinzhi_extract._core import ExtractionBatch, _record_schema
from xinzhi_extract.cli.documents import PROG, Document
from xinzhi_extract.highlight import RecordLike, format_records, terminal_safe_line

if TYPE_CHECKING:
    from xinzhi_extract._core import Extractor
    from xinzhi_extract._html import PageWriter

#: The output columns of CSV and Parquet, with their layouts (``ExtractionBatch._columns``).
COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (name, "string" if name == "doc" else layout) for name, layout in _record_schema()["columns"]
)
_COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
FORMAT_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

# One encoder for every record: json.dumps with options builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False, default=str)


def doc_id(doc: object) -> str:
    """A document identifier as the ``doc`` column of CSV and Parquet holds it: a string as
    it is, any other JSON value as JSON (``42``, ``null``)."""
    return doc if isinstance(doc, str) else _JSON.encode(doc)


class Writer(Protocol):
    """Where the records of each batch go."""

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None: ...

    def close(self) -> None: ...


class _PerDocument:
    """A writer that takes one document and its records at a time."""

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None:
        for document, records in zip(documents, batch, strict=True):
            self.write(document, records)

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        raise NotImplementedError


class JsonlWriter(_PerDocument):
    """One JSON object per record and line: ``doc``, then ``record.to_dict()``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        if records:
            encode = _JSON.encode
            lines = (encode({"doc": document.doc} | dict(r.to_dict())) for r in records)
            self._stream.write("\n".join(lines))
            self._stream.write("\n")

    def close(self) -> None:
        self._stream.flush()


class JsonArrayWriter(_PerDocument):
    """One JSON array of the objects JSONL writes, one object per line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._first = True
        self._stream.write("[")

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        encode = _JSON.encode
        for record in records:
            self._stream.write("\n" if self._first else ",\n")
            self._first = False
            self._stream.write(encode({"doc": document.doc} | dict(record.to_dict())))

    def close(self) -> None:
        self._stream.write("\n]\n" if not self._first else "]\n")
        self._stream.flush()


def table_rows(batch: ExtractionBatch) -> Iterator[list[object]]:
    """The batch's table as rows of Python values in the order of :data:`COLUMNS`, read from
    its column buffers (no record objects, no pyarrow)."""
    columns: list[Sequence[object]] = []
    for _name, layout, data, extra in batch._columns():
        if layout in {"string"}:
            columns.append(data)
        elif layout == "int64":
            columns.append(memoryview(data).cast("q").tolist())
        elif layout == "category":
            columns.append(
                [None if code < 0 else extra[code] for code in memoryview(data).cast("b")]
            )
        else:
            view = memoryview(data)
            values: list[object]
            if layout == "Int64":
                values = list(view.cast("q").tolist())
            elif layout == "Int32":
                values = list(view.cast("i").tolist())
            elif layout == "Float64":
                values = list(view.cast("d").tolist())
            else:
                values = list(view.cast("?").tolist())
            columns.append(
                [None if missing else v for v, missing in zip(values, extra, strict=True)]
            )
    return (list(row) for row in zip(*columns, strict=True))


class CsvWriter:
    """One CSV row per record, a header with every column first; empty cells where missing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(_COLUMN_NAMES)

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None:
        self._writer.writerows(
            ["" if value is None else value for value in row] for row in table_rows(batch)
        )

    def close(self) -> None:
        self._stream.flush()


class ParquetWriter:
    """The batches' Arrow tables as Parquet row groups: the schema of the Arrow stream, with
    ``doc`` as a string."""

    def __init__(self, sink: BinaryIO | str) -> None:
        # Imported by name: pyarrow is optional and ships no type information.
        self._pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
        schema = self._pa.table(ExtractionBatch([[]], ids=[""])).schema
        self._writer = pq.ParquetWriter(sink, schema)

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None:
        if batch.record_count:
            self._writer.write_table(self._pa.table(batch))

    def close(self) -> None:
        self._writer.close()


class TableWriter(_PerDocument):
    """Aligned text for people: a heading per document, then a line per record."""

    def __init__(self, stream: TextIO, *, color: bool) -> None:
        self._stream = stream
        self._color = color
        # Characters and records of the document whose pieces are being written.
        self._characters = 0
        self._records = 0

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        lines = []
        if document.first:
            self._characters = self._records = 0
            name = terminal_safe_line(str(document.doc))
            heading = f"── {name}"
            if document.last:
                heading += f" · {_counts(len(document.text), len(records))}"
            lines.append(f"\x1b[1m{heading}\x1b[0m" if self._color else heading)
        self._characters += len(document.text)
        self._records += len(records)
        lines.extend(format_records(records, indent="  "))
        if document.last:
            if not document.first:
                lines.append(f"  ({_counts(self._characters, self._records)})")
            lines.append("")
        if lines:
            self._stream.write("\n".join(lines) + "\n")

    def close(self) -> None:
        self._stream.flush()


def _counts(characters: int, records: int) -> str:
    return f"{characters:,} characters · {records:,} record{'' if records == 1 else 's'}"


class HtmlWriter(_PerDocument):
    """The self-contained HTML page of ``--html``."""

    def __init__(self, path: str) -> None:
        from xinzhi_extract._html import PageWriter

        self._file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._page: PageWriter = PageWriter(self._file, title=f"{PROG}: records highlighted")
        #: Set by the command once the extractor is built: the skipped numerals are shown
        #: muted, with their reason on hover.
        self.extractor: Extractor | None = None
        self._texts: list[str] = []
        self._records: list[RecordLike] = []

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        # A page shows a document whole: its pieces are gathered first.
        if document.first:
            self._texts = []
            self._records = []
        self._texts.append(document.text)
        self._records.extend(records)
        if document.last:
            text = "".join(self._texts)
            skipped = self.extractor.skipped(text) if self.extractor else ()
            self._page.add(document.doc, text, self._records, skipped)
            self._texts, self._records = [], []

    def close(self) -> None:
        self._page.close()
        self._file.close()


class SkippedWriter(_PerDocument):
    """The file of ``--skipped``: one JSON object per skipped numeral and line, ``doc`` then
    ``text``, ``start``, ``end`` and ``reason`` (the runs of numeral characters that yield no
    record, SPEC §5)."""

    def __init__(self, path: str, extractor: Extractor) -> None:
        self._file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._extractor = extractor

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        del records
        for span in self._extractor.skipped(document.text):
            row = {"doc": document.doc, **span.to_dict()}
            self._file.write(_JSON.encode(row) + "\n")

    def close(self) -> None:
        self._file.close()


def is_terminal(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def utf8_text_stream(stream: TextIO) -> TextIO:
    """Standard output as UTF-8 with line feeds, whatever the locale says."""
    if isinstance(stream, io.TextIOWrapper):
        # Buffered even under python -u: one write per record would be one system call each.
        stream.reconfigure(
            encoding="utf-8", newline="\n", line_buffering=False, write_through=False
        )
    return stream


class Closing:
    """Closes the file a text writer owns after the writer is done with it."""

    def __init__(self, writer: Writer, stream: TextIO) -> None:
        self._writer = writer
        self._stream = stream

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None:
        self._writer.write_batch(documents, batch)

    def close(self) -> None:
        try:
            self._writer.close()
        finally:
            self._stream.close()


def text_writer(fmt: str, stream: TextIO, *, color: bool, own: bool) -> Writer:
    writer: Writer
    if fmt == "jsonl":
        writer = JsonlWriter(stream)
    elif fmt == "json":
        writer = JsonArrayWriter(stream)
    elif fmt == "csv":
        writer = CsvWriter(stream)
    else:
        writer = TableWriter(stream, color=color)
    return Closing(writer, stream) if own else writer
