"""The ``xinzhi-extract`` command: records from files, folders, standard input, JSONL or CSV.

Documents stream through in batches (read a batch, extract it on every core, write it, read
the next), so memory stays bounded whatever the input size. Every input document yields either
its records or a reported error; see ``docs/cli.md`` for the formats and the exit codes.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import fnmatch
import importlib
import io
import json
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol, TextIO

from xinzhi_extract._core import InvalidTextError
from xinzhi_extract.highlight import RecordLike, format_records

if TYPE_CHECKING:
    from xinzhi_extract import Extractor

__all__ = ["EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

#: Every input was read and every record written (with ``--on-error skip``, the inputs that
#: could not be read were reported on standard error and counted in the summary).
EXIT_OK = 0
#: An input could not be read or decoded, or the output could not be written, and
#: ``--on-error fail`` (the default) stopped the run after writing the records of every
#: document before it.
EXIT_FAILURE = 1
#: The command line was wrong: unknown option, bad value, no input.
EXIT_USAGE = 2
#: Interrupted (Ctrl-C); the output written so far is complete up to the last batch.
EXIT_INTERRUPTED = 130
#: Standard output was closed by its reader (``| head``), as a process killed by SIGPIPE.
EXIT_BROKEN_PIPE = 141

PROG = "xinzhi-extract"
KINDS = ("quantity", "date", "title", "number")
DEFAULT_GLOB = "*.txt"
DEFAULT_TEXT_FIELD = "text"
DEFAULT_BATCH_DOCUMENTS = 256
# A batch also ends once it holds this many characters, so a stream of long documents cannot
# fill memory before the batch size in documents is reached.
BATCH_CHARACTERS = 4_000_000
# Parquet row groups are written once this many records are buffered.
PARQUET_ROWS = 65_536

# Byte order marks, longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings in which a line feed may be a byte of another character, so lines are split after
# decoding the whole input rather than before.
_WIDE_ENCODINGS = frozenset(
    {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)

# Output columns for CSV and Parquet: every field of every record kind, with its Arrow type.
# ``end_year`` is shared by dates and titles.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("value", "float64"),
    ("low", "float64"),
    ("high", "float64"),
    ("unit", "string"),
    ("dimension", "string"),
    ("approx", "string"),
    ("currency", "string"),
    ("trend", "string"),
    ("year", "int64"),
    ("month", "int64"),
    ("day", "int64"),
    ("end_year", "int64"),
    ("end_month", "int64"),
    ("end_day", "int64"),
    ("title", "string"),
    ("doc_type", "string"),
    ("issuer", "string"),
    ("start_year", "int64"),
    ("is_policy", "bool"),
    ("ordinal", "bool"),
)
_COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
_FORMAT_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

EPILOG = """\
inputs:
  FILE        a text file is one document; *.jsonl / *.ndjson and *.csv files hold one
              document per line or row (the field named by --text-field)
  FOLDER      every file matching --glob below it, recursively, in name order
  -           standard input (read as JSONL when --text-field or --id-field is given)

output: one row per record with the document in "doc" (the --id-field value, the file name,
or FILE:LINE for JSONL and CSV) and every field of the record; offsets are in characters.

exit codes:
  0    done; with --on-error skip, inputs that could not be read were reported and counted
  1    an input could not be read or decoded (file, line or byte offset named), or the
       output could not be written; records of every document before it were written
  2    usage error
  130  interrupted
  141  standard output closed early (e.g. by `| head`)

examples:
  xinzhi-extract --demo
  xinzhi-extract report.txt
  xinzhi-extract pages/ --encoding gb18030 -o records.csv
  xinzhi-extract news.jsonl --text-field body --id-field url -o records.parquet
  xinzhi-extract pages/ --html pages.html
"""


@dataclass(frozen=True)
class Document:
    """One input document: its identifier, its text, how many input bytes it came from and
    where it is (file, and line for JSONL and CSV) for messages."""

    doc: object
    text: str
    size: int
    where: str


@dataclass(frozen=True)
class InputProblem:
    """An input that yields no document: where it is and what is wrong with it."""

    where: str
    message: str
    size: int = 0

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | InputProblem


# --- reading -------------------------------------------------------------------------------


def _encoding_name(encoding: str) -> str:
    return codecs.lookup(encoding).name


def sniff_bom(head: bytes, encoding: str) -> tuple[str, int]:
    """The encoding to read with and the length of the byte order mark: a mark at the start
    of the input overrides ``encoding``, as browsers do.

    >>> sniff_bom(b"\\xef\\xbb\\xbf2023", "gb18030")
    ('utf-8', 3)
    >>> sniff_bom(b"2023", "gb18030")
    ('gb18030', 0)
    """
    for mark, name in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return name, len(mark)
    return _encoding_name(encoding), 0


def _undecodable(where: str, error: UnicodeDecodeError, offset: int, encoding: str) -> InputProblem:
    bad = error.object[error.start : min(error.end, error.start + 4)].hex(" ")
    hint = " (try --encoding gb18030 or big5)" if encoding == "utf-8" else ""
    return InputProblem(
        where,
        f"byte {offset + error.start}: bytes {bad} do not decode as {encoding}{hint}",
    )


def _decode_document(where: str, data: bytes, encoding: str) -> str | InputProblem:
    encoding, skip = sniff_bom(data[:4], encoding)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        return _undecodable(where, error, skip, encoding)


def _lines(
    stream: BinaryIO, where: str, encoding: str
) -> Iterator[tuple[int, int, str | InputProblem]]:
    """(line number, bytes, decoded line or the problem) for each line of a byte stream, read
    one line at a time; the line keeps its line feed."""
    first = stream.readline()
    encoding, skip = sniff_bom(first[:4], encoding)
    if encoding in _WIDE_ENCODINGS:
        data = first[skip:] + stream.read()
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            yield 1, len(data) + skip, _undecodable(where, error, skip, encoding)
            return
        for number, line in enumerate(text.split("\n"), start=1):
            if line:
                yield number, len(line.encode(encoding)) + 1, line + "\n"
        return
    offset = 0
    number = 0
    raw = first
    while raw:
        number += 1
        body = raw[skip:] if number == 1 else raw
        start = offset + (skip if number == 1 else 0)
        try:
            decoded: str | InputProblem = body.decode(encoding)
        except UnicodeDecodeError as error:
            decoded = _undecodable(f"{where}:{number}", error, start, encoding)
        yield number, len(raw), decoded
        offset += len(raw)
        raw = stream.readline()


def _read_jsonl(
    stream: BinaryIO, where: str, encoding: str, text_field: str, id_field: str | None
) -> Iterator[Item]:
    for number, size, line in _lines(stream, where, encoding):
        if isinstance(line, InputProblem):
            yield InputProblem(line.where, line.message, size)
            continue
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputProblem(place, f"malformed JSON at column {error.colno}: {error.msg}", size)
            continue
        if not isinstance(row, dict):
            yield InputProblem(place, f"a JSON {type(row).__name__}, not an object", size)
            continue
        problem = _field_problem(row, text_field, id_field)
        if problem:
            yield InputProblem(place, problem, size)
            continue
        doc = row[id_field] if id_field else place
        yield Document(doc, row[text_field], size, place)


def _field_problem(row: dict[str, Any], text_field: str, id_field: str | None) -> str | None:
    if text_field not in row:
        return f"no field {text_field!r} (fields: {', '.join(map(str, row)) or 'none'})"
    if not isinstance(row[text_field], str):
        kind = "null" if row[text_field] is None else type(row[text_field]).__name__
        return f"field {text_field!r} is {kind}, not a string"
    if id_field and id_field not in row:
        return f"no field {id_field!r}"
    return None


def _read_csv(
    stream: BinaryIO, where: str, encoding: str, text_field: str, id_field: str | None
) -> Iterator[Item]:
    problems: list[InputProblem] = []
    consumed = [0]

    def decoded_lines() -> Iterator[str]:
        for _number, size, line in _lines(stream, where, encoding):
            consumed[0] += size
            if isinstance(line, InputProblem):
                problems.append(InputProblem(line.where, line.message, size))
                consumed[0] -= size
                continue
            yield line

    reader = csv.reader(decoded_lines(), strict=False)
    header: list[str] | None = None
    row_start = 1
    while True:
        consumed[0] = 0
        try:
            row = next(reader, None)
        except csv.Error as error:
            yield from _drain(problems)
            yield InputProblem(f"{where}:{reader.line_num}", f"malformed CSV: {error}", consumed[0])
            row_start = reader.line_num + 1
            continue
        yield from _drain(problems)
        if row is None:
            return
        place = f"{where}:{row_start}"
        row_start = reader.line_num + 1
        if header is None:
            header = row
            if text_field not in header:
                columns = ", ".join(header) or "none"
                yield InputProblem(where, f"no column {text_field!r} (columns: {columns})")
                return
            if id_field and id_field not in header:
                yield InputProblem(where, f"no column {id_field!r}")
                return
            continue
        if not row:
            continue
        values = dict(zip(header, row))
        if text_field not in values:
            yield InputProblem(
                place, f"{len(row)} fields, none for column {text_field!r}", consumed[0]
            )
            continue
        doc = values.get(id_field, place) if id_field else place
        yield Document(doc, values[text_field], consumed[0], place)


def _drain(problems: list[InputProblem]) -> Iterator[InputProblem]:
    while problems:
        yield problems.pop(0)


@dataclass(frozen=True)
class Source:
    """One input to open: a path, or standard input when ``path`` is None."""

    path: Path | None
    name: str
    size: int | None


def _input_format(source: Source, requested: str, wants_fields: bool) -> str:
    if requested != "auto":
        return requested
    if source.path is None:
        return "jsonl" if wants_fields else "text"
    suffix = source.path.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix, "text")


def expand_inputs(paths: Sequence[str], pattern: str) -> Iterator[Source | InputProblem]:
    """The inputs named on the command line, folders walked recursively in name order."""
    for name in paths:
        if name == "-":
            yield Source(None, "<stdin>", None)
            continue
        path = Path(name)
        if path.is_dir():
            problems: list[InputProblem] = []

            def walk_error(
                error: OSError, problems: list[InputProblem] = problems, name: str = name
            ) -> None:
                problems.append(
                    InputProblem(str(error.filename or name), error.strerror or str(error))
                )

            found = [
                Path(folder, file_name)
                for folder, _, files in os.walk(path, onerror=walk_error)
                for file_name in files
                if fnmatch.fnmatch(file_name, pattern)
            ]
            yield from _drain(problems)
            # Sorted by the parts of the path, as `find | sort` lists them.
            for file_path in sorted(found, key=lambda found_path: found_path.parts):
                yield Source(file_path, str(file_path), _size(file_path))
        elif path.exists():
            yield Source(path, name, _size(path))
        else:
            yield InputProblem(name, "no such file or folder")


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs."""

    encoding: str
    input_format: str
    text_field: str
    id_field: str | None
    wants_fields: bool


def read_source(source: Source, options: ReadOptions, stdin: BinaryIO) -> Iterator[Item]:
    """The documents (or problems) of one input."""
    fmt = _input_format(source, options.input_format, options.wants_fields)
    try:
        stream: BinaryIO = stdin if source.path is None else open(source.path, "rb")  # noqa: SIM115
    except OSError as error:
        yield InputProblem(source.name, f"cannot open: {error.strerror or error}")
        return
    try:
        if fmt == "text":
            data = stream.read()
            text = _decode_document(source.name, data, options.encoding)
            if isinstance(text, InputProblem):
                yield InputProblem(text.where, text.message, len(data))
            else:
                yield Document(source.name, text, len(data), source.name)
        elif fmt == "jsonl":
            yield from _read_jsonl(
                stream, source.name, options.encoding, options.text_field, options.id_field
            )
        else:
            yield from _read_csv(
                stream, source.name, options.encoding, options.text_field, options.id_field
            )
    except OSError as error:
        yield InputProblem(source.name, f"cannot read: {error.strerror or error}")
    finally:
        if source.path is not None:
            stream.close()


# --- writing -------------------------------------------------------------------------------


class Writer(Protocol):
    """Where the records of each document go."""

    def write(self, document: Document, records: Sequence[RecordLike]) -> None: ...

    def close(self) -> None: ...


def _row(document: Document, record: RecordLike) -> dict[str, object]:
    row: dict[str, object] = {"doc": document.doc}
    row.update(record.to_dict())
    return row


def _flat_row(document: Document, record: RecordLike) -> dict[str, object]:
    row = _row(document, record)
    unknown = set(row) - set(_COLUMN_NAMES)
    if unknown:
        # Fails loudly rather than dropping a field the column list does not know yet.
        msg = f"record field(s) {', '.join(sorted(unknown))} have no output column"
        raise RuntimeError(msg)
    return row


# One encoder for every record: json.dumps with options builds a new one per call.
_JSON = json.JSONEncoder(ensure_ascii=False, default=str)


class JsonlWriter:
    """One JSON object per record and line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        if records:
            encode = _JSON.encode
            self._stream.write("\n".join(encode(_row(document, record)) for record in records))
            self._stream.write("\n")

    def close(self) -> None:
        self._stream.flush()


class CsvWriter:
    """One CSV row per record, a header with every column first; empty cells for ``None``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(_COLUMN_NAMES)

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        for record in records:
            row = _flat_row(document, record)
            self._writer.writerow(
                ["" if row.get(name) is None else row[name] for name in _COLUMN_NAMES]
            )

    def close(self) -> None:
        self._stream.flush()


class ParquetWriter:
    """Records buffered into Arrow columns and written as Parquet row groups."""

    def __init__(self, sink: BinaryIO | str) -> None:
        # Imported by name: pyarrow is optional and ships no type information.
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")

        self._pa = pa
        types = {
            "string": pa.string(),
            "int64": pa.int64(),
            "float64": pa.float64(),
            "bool": pa.bool_(),
        }
        self._schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
        self._writer = pq.ParquetWriter(sink, self._schema)
        self._columns: dict[str, list[object]] = {name: [] for name in _COLUMN_NAMES}
        self._rows = 0

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        for record in records:
            row = _flat_row(document, record)
            row["doc"] = str(document.doc)
            for name, column in self._columns.items():
                column.append(row.get(name))
            self._rows += 1
        if self._rows >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pydict(self._columns, schema=self._schema)
            self._writer.write_table(table)
            for column in self._columns.values():
                column.clear()
            self._rows = 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


class TableWriter:
    """Aligned text for people: a heading per document, then a line per record."""

    def __init__(self, stream: TextIO, *, color: bool) -> None:
        self._stream = stream
        self._color = color

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        noun = "record" if len(records) == 1 else "records"
        heading = f"── {document.doc} · {len(document.text):,} characters · {len(records)} {noun}"
        if self._color:
            heading = f"\x1b[1m{heading}\x1b[0m"
        lines = [heading, *format_records(records, indent="  "), ""]
        self._stream.write("\n".join(lines) + "\n")

    def close(self) -> None:
        self._stream.flush()


class HtmlWriter:
    """The self-contained HTML page of ``--html``."""

    def __init__(self, path: str) -> None:
        from xinzhi_extract._html import PageWriter

        self._file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._page = PageWriter(self._file, title=f"{PROG}: records highlighted")

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        self._page.add(document.doc, document.text, records)

    def close(self) -> None:
        self._page.close()
        self._file.close()


# --- progress ------------------------------------------------------------------------------


def _amount(size: int) -> str:
    """A byte count as people read it: kilobytes below a tenth of a megabyte."""
    return f"{size / 1e3:,.1f} kB" if size < 100_000 else f"{size / 1e6:,.1f} MB"


@dataclass
class Tally:
    """What a run has done so far."""

    documents: int = 0
    input_bytes: int = 0
    records: int = 0
    skipped: int = 0
    started: float = 0.0

    def rate(self, now: float) -> float:
        """Input megabytes per second."""
        elapsed = max(now - self.started, 1e-9)
        return self.input_bytes / 1e6 / elapsed


class Progress:
    """A one-line progress display on standard error, redrawn at most ten times a second and
    only once a run has lasted half a second, so quick runs stay quiet."""

    def __init__(self, stream: TextIO, *, enabled: bool, total_bytes: int | None) -> None:
        self._stream = stream
        self._enabled = enabled
        self._total = total_bytes
        self._last = 0.0
        self._shown = False

    def update(self, tally: Tally, *, force: bool = False) -> None:
        """Redraw if it is time to."""
        if not self._enabled:
            return
        now = time.monotonic()
        if not force and (now - tally.started < 0.5 or now - self._last < 0.1):
            return
        self._last = now
        line = (
            f"{tally.documents:,} docs  {_amount(tally.input_bytes)}  "
            f"{tally.records:,} records  {tally.rate(now):,.1f} MB/s"
        )
        if tally.skipped:
            line += f"  {tally.skipped:,} skipped"
        if self._total:
            done = min(tally.input_bytes / self._total, 1.0)
            filled = int(done * 24)
            line = f"[{'#' * filled}{'.' * (24 - filled)}] {done:4.0%}  " + line
        self._stream.write(f"\r{line}\x1b[K")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Remove the line (before a message, or at the end)."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


# --- the run -------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Extract quantities, dates, numbers and policy-document titles from Chinese "
            "policy and economic news."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders or -")
    parser.add_argument(
        "--demo", action="store_true", help="run on the sample text bundled with the package"
    )
    what = parser.add_argument_group("what to extract")
    what.add_argument(
        "--kinds",
        metavar="LIST",
        help="comma-separated record kinds to keep: quantity,date,title,number (default all)",
    )
    what.add_argument(
        "--reference-year",
        type=int,
        metavar="YEAR",
        help="the year that relative words (今年, 去年) refer to",
    )
    what.add_argument(
        "--yuan-currency",
        metavar="CODE",
        help="ISO 4217 code for a plain 元 (default CNY; HKD for Hong Kong sources)",
    )
    what.add_argument(
        "--threads", type=int, metavar="N", help="threads to extract with (default: all cores)"
    )
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--encoding",
        default="utf-8",
        help="input encoding (default utf-8; gb18030, gbk and big5 are common on government "
        "pages); a byte order mark overrides it",
    )
    reading.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl", "csv"),
        default="auto",
        help="how to read inputs (default: by file name; standard input is text, or JSONL "
        "with --text-field)",
    )
    reading.add_argument(
        "--text-field",
        metavar="NAME",
        help=f"JSONL field or CSV column holding the text (default {DEFAULT_TEXT_FIELD!r})",
    )
    reading.add_argument(
        "--id-field",
        metavar="NAME",
        help="JSONL field or CSV column to report as each record's doc",
    )
    reading.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        metavar="PATTERN",
        help=f"file names to read inside folders (default {DEFAULT_GLOB!r})",
    )
    reading.add_argument(
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="on an unreadable input: stop with exit code 1 (fail, the default) or report it "
        "on standard error, count it and go on (skip)",
    )
    reading.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_DOCUMENTS,
        metavar="N",
        help=f"documents extracted together (default {DEFAULT_BATCH_DOCUMENTS})",
    )
    writing = parser.add_argument_group("writing")
    writing.add_argument(
        "-o", "--output", metavar="FILE", help="write records to FILE (default standard output)"
    )
    writing.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "table"),
        help="output format (default: from the -o file name, else a table on a terminal, "
        "else jsonl); parquet needs pyarrow",
    )
    writing.add_argument(
        "--html",
        metavar="FILE",
        help="also write a self-contained page with the texts highlighted and their records "
        "(alone, it replaces the standard output)",
    )
    writing.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )
    writing.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def _version() -> str:
    try:
        from xinzhi_extract import __version__
    except ImportError:  # pragma: no cover - the extension is missing
        return "unknown"
    return str(__version__)


def _kinds(parser: argparse.ArgumentParser, value: str | None) -> set[str] | None:
    if value is None:
        return None
    chosen = {part.strip() for part in value.split(",") if part.strip()}
    unknown = chosen - set(KINDS)
    if unknown or not chosen:
        parser.error(
            f"--kinds: unknown kind(s) {', '.join(sorted(unknown)) or '(none given)'}; "
            f"choose from {', '.join(KINDS)}"
        )
    return chosen


def _build_extractor(
    kinds: set[str] | None, reference_year: int | None, yuan_currency: str | None
) -> Extractor:
    from xinzhi_extract import Extractor

    if yuan_currency is None:
        return Extractor(kinds=kinds, reference_year=reference_year)
    return Extractor(kinds=kinds, reference_year=reference_year, yuan_currency=yuan_currency)


def _is_terminal(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _utf8_text_stream(stream: TextIO) -> TextIO:
    """Standard output as UTF-8 with line feeds, whatever the locale says."""
    if isinstance(stream, io.TextIOWrapper):
        # Buffered even under python -u: one write per record would be one system call each.
        stream.reconfigure(
            encoding="utf-8", newline="\n", line_buffering=False, write_through=False
        )
    return stream


@dataclass(frozen=True)
class _Outputs:
    writers: list[Writer]
    to_stdout: bool


def _open_outputs(
    parser: argparse.ArgumentParser, args: argparse.Namespace, stdout: TextIO
) -> _Outputs:
    fmt: str | None = args.format
    if fmt is None and args.output:
        fmt = _FORMAT_BY_SUFFIX.get(Path(args.output).suffix.lower(), "jsonl")
    if fmt is None and not args.html:
        fmt = "table" if args.demo or _is_terminal(stdout) else "jsonl"
    if fmt == "parquet":
        try:
            importlib.import_module("pyarrow")
        except ImportError:
            parser.error("Parquet output needs pyarrow (pip install pyarrow)")
        if not args.output and _is_terminal(stdout):
            parser.error("Parquet is binary: give -o FILE or redirect standard output")
    writers: list[Writer] = []
    if fmt is not None:
        if args.output:
            if fmt == "parquet":
                writers.append(ParquetWriter(args.output))
            else:
                file = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
                writers.append(_text_writer(fmt, file, color=False, own=True))
        elif fmt == "parquet":
            writers.append(ParquetWriter(stdout.buffer))
        else:
            color = fmt == "table" and _is_terminal(stdout) and not os.environ.get("NO_COLOR")
            stream = stdout if fmt == "table" else _utf8_text_stream(stdout)
            writers.append(_text_writer(fmt, stream, color=color, own=False))
    if args.html:
        writers.append(HtmlWriter(args.html))
    return _Outputs(writers, to_stdout=fmt is not None and not args.output)


class _Closing:
    """Closes the file a text writer owns after the writer is done with it."""

    def __init__(self, writer: Writer, stream: TextIO) -> None:
        self._writer = writer
        self._stream = stream

    def write(self, document: Document, records: Sequence[RecordLike]) -> None:
        self._writer.write(document, records)

    def close(self) -> None:
        self._writer.close()
        self._stream.close()


def _text_writer(fmt: str, stream: TextIO, *, color: bool, own: bool) -> Writer:
    writer: Writer
    if fmt == "jsonl":
        writer = JsonlWriter(stream)
    elif fmt == "csv":
        writer = CsvWriter(stream)
    else:
        writer = TableWriter(stream, color=color)
    return _Closing(writer, stream) if own else writer


def _demo_source() -> Iterator[Item]:
    data = resources.files("xinzhi_extract").joinpath("data/sample.txt").read_bytes()
    yield Document("sample.txt (bundled demo)", data.decode("utf-8"), len(data), "sample.txt")


# What extraction gives for one document: its records, or why the library refused its text.
_Result = Sequence[RecordLike] | InputProblem

_SURROGATE = re.compile("[\ud800-\udfff]")


def _invalid_text(text: str, error: InvalidTextError) -> str:
    found = _SURROGATE.search(text)
    if found is None:
        return str(error)
    return f"text holds a lone surrogate {found.group()!r} at character {found.start()}"


class _Run:
    """One run of the command: reads, extracts in batches, writes, reports."""

    def __init__(self, args: argparse.Namespace, outputs: _Outputs, stderr: TextIO) -> None:
        self.args = args
        self.outputs = outputs
        self.stderr = stderr
        self.tally = Tally(started=time.monotonic())
        self.batch: list[Document] = []
        self.batch_characters = 0
        self.extract: Callable[[list[str]], Iterable[Sequence[RecordLike]]] = lambda texts: []
        self.progress = Progress(stderr, enabled=False, total_bytes=None)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xinzhi-extract")
        self._in_flight: deque[tuple[list[Document], Future[list[_Result]]]] = deque()

    def say(self, message: str) -> None:
        self.progress.clear()
        self.stderr.write(f"{PROG}: {message}\n")
        self.stderr.flush()

    def add(self, document: Document) -> None:
        self.batch.append(document)
        self.batch_characters += len(document.text)
        if len(self.batch) >= self.args.batch_size or self.batch_characters >= BATCH_CHARACTERS:
            self.flush()

    def problem(self, problem: InputProblem) -> None:
        """An input that yields no document: stop (``fail``) or report and count it."""
        if self.args.on_error == "fail":
            raise _Stop(problem)
        self.tally.skipped += 1
        self.tally.input_bytes += problem.size
        self.say(f"skipped {problem}")

    def _extract(self, batch: list[Document]) -> list[_Result]:
        try:
            return list(self.extract([document.text for document in batch]))
        except InvalidTextError:
            # Text the library refuses (a lone surrogate from a JSON escape) fails the whole
            # batch; extracting one document at a time finds which.
            results: list[_Result] = []
            for document in batch:
                try:
                    results.extend(self.extract([document.text]))
                except InvalidTextError as error:
                    results.append(
                        InputProblem(
                            document.where, _invalid_text(document.text, error), document.size
                        )
                    )
            return results

    def flush(self) -> None:
        """Send the documents read so far to be extracted, and write the batch sent before.

        Extraction runs on a worker thread (the library releases the GIL) while this thread
        reads the next batch and writes the previous one; at most two batches are in flight.
        """
        if self.batch:
            batch = self.batch
            self.batch = []
            self.batch_characters = 0
            self._in_flight.append((batch, self._worker.submit(self._extract, batch)))
        while len(self._in_flight) > 1:
            self._write_oldest()

    def drain(self) -> None:
        """Extract and write every document read so far."""
        self.flush()
        while self._in_flight:
            self._write_oldest()

    def _write_oldest(self) -> None:
        batch, future = self._in_flight.popleft()
        for document, records in zip(batch, future.result(), strict=True):
            if isinstance(records, InputProblem):
                self.problem(records)
                continue
            for writer in self.outputs.writers:
                writer.write(document, records)
            self.tally.documents += 1
            self.tally.input_bytes += document.size
            self.tally.records += len(records)
        self.progress.update(self.tally)

    def close(self) -> None:
        """Stop the worker; a batch it is extracting is finished, queued ones are dropped."""
        self._in_flight.clear()
        self._worker.shutdown(wait=True, cancel_futures=True)

    def summary(self) -> str:
        elapsed = time.monotonic() - self.tally.started
        tally = self.tally
        text = (
            f"{tally.documents:,} document{'s' if tally.documents != 1 else ''}, "
            f"{_amount(tally.input_bytes)}, {tally.records:,} records "
            f"in {elapsed:,.2f} s ({tally.rate(time.monotonic()):,.1f} MB/s)"
        )
        if tally.skipped:
            text += f"; {tally.skipped:,} input{'s' if tally.skipped != 1 else ''} skipped"
        return text


def _items(args: argparse.Namespace, stdin: BinaryIO, run: _Run) -> Iterator[Item]:
    if args.demo:
        yield from _demo_source()
        return
    options = ReadOptions(
        encoding=args.encoding,
        input_format=args.input_format,
        text_field=args.text_field or DEFAULT_TEXT_FIELD,
        id_field=args.id_field,
        wants_fields=bool(args.text_field or args.id_field),
    )
    sources = list(expand_inputs(args.inputs or ["-"], args.glob))
    sizes = [source.size for source in sources if isinstance(source, Source)]
    known = all(size is not None for size in sizes)
    run.progress = Progress(
        run.stderr,
        enabled=not args.quiet and _is_terminal(run.stderr),
        total_bytes=sum(size or 0 for size in sizes) if known and sizes else None,
    )
    for source in sources:
        if isinstance(source, InputProblem):
            yield source
        else:
            yield from read_source(source, options, stdin)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``) and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    stdout, stderr = sys.stdout, sys.stderr
    kinds = _kinds(parser, args.kinds)
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        parser.error(f"--encoding: unknown encoding {args.encoding!r}")
    if args.demo and args.inputs:
        parser.error("--demo reads the bundled sample: give no inputs with it")
    if args.threads is not None and args.threads < 1:
        parser.error("--threads must be at least 1")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if not args.demo and not args.inputs and _is_terminal(sys.stdin):
        parser.error("no input: give files, folders or - for standard input (or try --demo)")
    try:
        outputs = _open_outputs(parser, args, stdout)
    except OSError as error:
        stderr.write(f"{PROG}: error: cannot write {error.filename}: {error.strerror}\n")
        return EXIT_FAILURE
    run = _Run(args, outputs, stderr)
    try:
        extractor = _build_extractor(kinds, args.reference_year, args.yuan_currency)
    except (ValueError, TypeError) as error:
        parser.error(str(error))
    threads = args.threads
    run.extract = lambda texts: extractor.extract_batch(texts, threads=threads)
    code = EXIT_OK
    broken_pipe = False
    try:
        code = _loop(args, run, getattr(sys.stdin, "buffer", None))
    except KeyboardInterrupt:
        run.say("interrupted")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        broken_pipe = True
    except OSError as error:
        run.say(f"error: cannot write: {error.strerror or error}")
        code = EXIT_FAILURE
    finally:
        run.close()
    for writer in outputs.writers:
        try:
            writer.close()
        except BrokenPipeError:
            broken_pipe = True
        except OSError as error:
            run.say(f"error: cannot write: {error.strerror or error}")
            code = EXIT_FAILURE
    run.progress.clear()
    if broken_pipe:
        # Nothing more can reach the reader; keep the interpreter from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        return EXIT_BROKEN_PIPE
    if code == EXIT_OK and not args.quiet:
        stderr.write(f"{PROG}: {run.summary()}\n")
    return code


class _Stop(Exception):
    """Raised to stop the run at an input problem under ``--on-error fail``."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _loop(args: argparse.Namespace, run: _Run, stdin: BinaryIO | None) -> int:
    try:
        for item in _items(args, stdin or io.BytesIO(), run):
            if isinstance(item, InputProblem):
                # Documents read before the problem are written before the run stops.
                if args.on_error == "fail":
                    run.drain()
                run.problem(item)
            else:
                run.add(item)
        run.drain()
    except _Stop as stop:
        run.say(f"error: {stop.problem} (use --on-error skip to go on)")
        return EXIT_FAILURE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
