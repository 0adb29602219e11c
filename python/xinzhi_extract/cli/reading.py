"""Reading inputs: files, folders and standard input as text, JSONL or CSV, with their
encodings; every input yields documents or a reported problem."""

from __future__ import annotations

import codecs
import csv
import fnmatch
import json
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from xinzhi_extract.cli.documents import Document, InputProblem, Item
from xinzhi_extract.cli.encodings import guess, implausible

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


# A text file is read this many bytes at a time, and extracted in pieces of about this many
# characters, cut at a line end where there is one (records never cross a line break), else
# at a sentence end, else at a space: memory stays bounded by the piece, not the file.
READ_BYTES = 1 << 18
PIECE_CHARACTERS = 1 << 16
_SENTENCE_ENDS = "。！？!?；;"


def _cut(text: str, limit: int) -> int:
    """Where to end a piece of ``text`` of at most ``limit`` characters: after the last line
    break, else the last sentence end, else the last space, else at the limit."""
    line = text.rfind("\n", 0, limit)
    if line >= 0:
        return line + 1
    sentence = max(text.rfind(mark, 0, limit) for mark in _SENTENCE_ENDS)
    if sentence >= 0:
        return sentence + 1
    space = text.rfind(" ", 0, limit)
    if space > 0:
        return space + 1
    return limit


def pieces_of(document: Document) -> Iterator[Document]:
    """A long document as pieces cut where :func:`read_text` cuts a text file."""
    text = document.text
    base = document.base
    size = document.size
    while True:
        cut = len(text) if len(text) <= 2 * PIECE_CHARACTERS else _cut(text, PIECE_CHARACTERS)
        piece, text = text[:cut], text[cut:]
        last = document.last and not text
        yield Document(document.doc, piece, size, document.where, base=base, last=last)
        size = 0
        base += len(piece)
        if not text:
            return


def too_large(where: str, limit: int, what: str = "input", size: int = 0) -> InputProblem:
    """The problem of an input (or a line, or a field) longer than ``--max-size``."""
    return InputProblem(
        where,
        f"{what} larger than --max-size {describe_size(limit)}; not read",
        size,
        too_large=True,
    )


def describe_size(size: int) -> str:
    """A byte count as ``--max-size`` takes it: ``256M``, ``64k``, ``1000``.

    >>> describe_size(256 * 1024 * 1024), describe_size(65536), describe_size(1000)
    ('256M', '64k', '1000')
    """
    for suffix, unit in (("G", 1 << 30), ("M", 1 << 20), ("k", 1 << 10)):
        if size >= unit and size % unit == 0:
            return f"{size // unit}{suffix}"
    return str(size)


def read_text(
    stream: BinaryIO, where: str, encoding: str, limit: int | None = None
) -> Iterator[Item]:
    """A text input as one document in pieces (one piece for most files), decoded as it is
    read, so that a file of any size (or an endless stream) is held a piece at a time; past
    ``limit`` bytes the input is reported and reading stops."""
    head = stream.read(4)
    total = len(head)
    encoding, skip = sniff_bom(head, encoding)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pending = ""
    base = 0
    consumed = skip
    unreported = len(head)
    data = head[skip:]
    final = False
    while not final:
        chunk = stream.read(READ_BYTES)
        final = not chunk
        total += len(chunk)
        if limit is not None and total > limit:
            yield too_large(where, limit, size=unreported + len(chunk))
            return
        data += chunk
        unreported += len(chunk)
        buffered = len(decoder.getstate()[0])
        try:
            pending += decoder.decode(data, final)
        except UnicodeDecodeError as error:
            start = consumed - buffered
            yield InputProblem(
                where, _undecodable(where, error, start, encoding).message, unreported
            )
            return
        consumed += len(data)
        data = b""
        while len(pending) >= 2 * PIECE_CHARACTERS or (final and (pending or base == 0)):
            cut = (
                len(pending)
                if final and len(pending) <= 2 * PIECE_CHARACTERS
                else _cut(pending, PIECE_CHARACTERS)
            )
            piece, pending = pending[:cut], pending[cut:]
            last = final and not pending
            yield Document(where, piece, unreported, where, base=base, last=last)
            unreported = 0
            base += len(piece)
            if last:
                return


def _lines(
    stream: BinaryIO, where: str, encoding: str, limit: int | None = None
) -> Iterator[tuple[int, int, str | InputProblem]]:
    """(line number, bytes, decoded line or the problem) for each line of a byte stream, read
    one line at a time; the line keeps its line feed. A line longer than ``limit`` bytes is
    reported, and ends the input: where it ends may never come (``/dev/zero``)."""
    cap = -1 if limit is None else limit + 1
    first = stream.readline(cap)
    encoding, skip = sniff_bom(first[:4], encoding)
    if encoding in _WIDE_ENCODINGS:
        data = first[skip:] + stream.read(-1 if limit is None else max(limit + 1 - len(first), 0))
        if limit is not None and len(data) + skip > limit:
            yield 1, len(data) + skip, too_large(where, limit)
            return
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
        if limit is not None and len(raw) > limit:
            yield number, len(raw), too_large(f"{where}:{number}", limit, "line")
            return
        body = raw[skip:] if number == 1 else raw
        start = offset + (skip if number == 1 else 0)
        try:
            decoded: str | InputProblem = body.decode(encoding)
        except UnicodeDecodeError as error:
            decoded = _undecodable(f"{where}:{number}", error, start, encoding)
        yield number, len(raw), decoded
        offset += len(raw)
        raw = stream.readline(cap)


def _read_jsonl(
    stream: BinaryIO,
    where: str,
    encoding: str,
    text_field: str,
    id_field: str | None,
    limit: int | None = None,
) -> Iterator[Item]:
    for number, size, line in _lines(stream, where, encoding, limit):
        if isinstance(line, InputProblem):
            yield InputProblem(line.where, line.message, size, too_large=line.too_large)
            continue
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputProblem(place, malformed_json(line, error), size)
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


# The characters of a malformed JSON line quoted on each side of where parsing failed.
_QUOTED_AROUND = 30


def malformed_json(line: str, error: json.JSONDecodeError) -> str:
    """The message for a JSONL line that does not parse: the column, the reason, and the
    input around it quoted whole, as one string literal (never cut inside an escape), with
    ``…`` where the line goes on. The caller makes the message safe for a terminal.

    >>> try:
    ...     json.loads('{"text": 77家}')
    ... except json.JSONDecodeError as error:
    ...     print(malformed_json('{"text": 77家}', error))
    malformed JSON at column 12: Expecting ',' delimiter; the line reads '{"text": 77家}'
    """
    body = line.rstrip("\r\n")
    start = max(error.pos - _QUOTED_AROUND, 0)
    end = min(error.pos + _QUOTED_AROUND, len(body))
    quoted = repr(body[start:end])
    shown = f"{'…' if start else ''}{quoted}{'…' if end < len(body) else ''}"
    return f"malformed JSON at column {error.colno}: {error.msg}; the line reads {shown}"


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
    stream: BinaryIO,
    where: str,
    encoding: str,
    text_field: str,
    id_field: str | None,
    limit: int | None = None,
) -> Iterator[Item]:
    problems: list[InputProblem] = []
    consumed = [0]

    def decoded_lines() -> Iterator[str]:
        for _number, size, line in _lines(stream, where, encoding, limit):
            consumed[0] += size
            if isinstance(line, InputProblem):
                problems.append(
                    InputProblem(line.where, line.message, size, too_large=line.too_large)
                )
                consumed[0] -= size
                continue
            if limit is not None and consumed[0] > limit:
                # A quoted field across lines, longer than the limit: the rest of the input
                # is not read (where the field ends cannot be known without reading it).
                problems.append(too_large(where, limit, "CSV row", consumed[0]))
                return
            yield line

    # A field may be as long as a text: the csv module's default cap (131,072 characters)
    # would stop the run or, skipped, restart the parse inside the field.
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(decoded_lines(), strict=False)
    header: list[str] | None = None
    row_start = 1
    while True:
        consumed[0] = 0
        try:
            row = next(reader, None)
        except csv.Error as error:
            # Where a row ends cannot be known after this: reading on could split a field
            # into invented rows, so the rest of the file is reported, not guessed at.
            yield from _drain(problems)
            yield InputProblem(
                f"{where}:{row_start}",
                f"malformed CSV: {error}; the rest of the file is not read",
                consumed[0],
            )
            return
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


# The longest CSV field read (characters): any text that fits in memory.
_CSV_FIELD_LIMIT = 2**31 - 1


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


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _kind_of_file(path: Path) -> str | None:
    """``None`` for a regular file, else what it is (a folder's other entries are not read:
    a named pipe or a device would block or never end)."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return error.strerror or str(error)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def expand_inputs(
    paths: Sequence[str], pattern: str, outputs: Sequence[str] = ()
) -> Iterator[Source | InputProblem]:
    """The inputs named on the command line, folders walked recursively in name order; inside
    folders only regular files are read, never one of the run's ``outputs``."""
    written = {identity for identity in map(_identity, outputs) if identity is not None}
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
                if _identity(file_path) in written:
                    continue
                other = _kind_of_file(file_path)
                if other is not None:
                    yield InputProblem(str(file_path), f"not read: {other}")
                else:
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
    #: Where ``--verbose`` notes go (the encoding chosen for each input), or ``None``.
    report: Callable[[str], None] | None = None
    #: The most bytes read for one document (a text input, a JSONL line, a CSV row), or
    #: ``None`` for no limit.
    max_size: int | None = None


# The bytes an encoding is judged on: enough text to count, little enough to hold.
_SAMPLE_BYTES = 1 << 16
# Legacy Chinese encodings whose mojibake decodes without an error, and so is checked for.
_LEGACY_CHINESE = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp936"})


def _sample(stream: BinaryIO, source: Source) -> tuple[bytes, bool]:
    """The first bytes of the input, left to be read again, and whether they are all of it."""
    if source.path is not None and stream.seekable():
        sample = stream.read(_SAMPLE_BYTES + 1)
        stream.seek(0)
    else:
        peek = getattr(stream, "peek", None)
        sample = peek(_SAMPLE_BYTES + 1) if peek is not None else b""
    return sample[:_SAMPLE_BYTES], len(sample) <= _SAMPLE_BYTES


def _encoding_of(stream: BinaryIO, source: Source, options: ReadOptions) -> str | InputProblem:
    """The encoding to read ``source`` with: ``--encoding``, or for ``auto`` the one its first
    bytes show (a byte order mark still overrides either). A legacy Chinese encoding that
    makes mojibake of the input is refused rather than read."""
    wanted = options.encoding
    if wanted != "auto" and _encoding_name(wanted) not in _LEGACY_CHINESE:
        return wanted
    sample, whole = _sample(stream, source)
    if any(sample.startswith(mark) for mark, _ in _BYTE_ORDER_MARKS):
        if wanted == "auto" and options.report is not None:
            options.report(f"{source.name}: encoding utf-8 (confidence 1.00; byte order mark)")
        return "utf-8" if wanted == "auto" else wanted
    if wanted != "auto":
        problem = implausible(sample, _encoding_name(wanted), final=whole)
        return InputProblem(source.name, problem) if problem else wanted
    found = guess(sample, final=whole)
    if options.report is not None:
        options.report(f"{source.name}: encoding {found.describe()}")
    if found.encoding is None:
        return InputProblem(
            source.name,
            f"cannot tell its encoding ({found.describe()}); give --encoding",
        )
    return found.encoding


def read_source(source: Source, options: ReadOptions, stdin: BinaryIO) -> Iterator[Item]:
    """The documents (or problems) of one input."""
    fmt = _input_format(source, options.input_format, options.wants_fields)
    try:
        stream: BinaryIO = stdin if source.path is None else open(source.path, "rb")  # noqa: SIM115
    except OSError as error:
        yield InputProblem(source.name, f"cannot open: {error.strerror or error}")
        return
    try:
        encoding = _encoding_of(stream, source, options)
        if isinstance(encoding, InputProblem):
            yield encoding
            return
        limit = options.max_size
        if fmt == "text":
            if limit is not None and source.size is not None and source.size > limit:
                # A regular file known to be too large is refused before any of it is read.
                yield too_large(source.name, limit, size=source.size)
                return
            yield from read_text(stream, source.name, encoding, limit)
        elif fmt == "jsonl":
            yield from _read_jsonl(
                stream, source.name, encoding, options.text_field, options.id_field, limit
            )
        else:
            yield from _read_csv(
                stream, source.name, encoding, options.text_field, options.id_field, limit
            )
    except OSError as error:
        yield InputProblem(source.name, f"cannot read: {error.strerror or error}")
    finally:
        if source.path is not None:
            stream.close()
