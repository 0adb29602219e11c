"""The command line: options, their checks, the outputs they choose, and ``main``."""

from __future__ import annotations

import argparse
import codecs
import importlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from xinzhi_extract._describe import terminal_safe
from xinzhi_extract.cli.documents import (
    DEFAULT_BATCH_DOCUMENTS,
    DEFAULT_GLOB,
    DEFAULT_MAX_SIZE,
    DEFAULT_TEXT_FIELD,
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    KINDS,
    PROG,
    say,
)
from xinzhi_extract.cli.running import Outputs, Run, loop
from xinzhi_extract.cli.writing import (
    FORMAT_BY_SUFFIX,
    HtmlWriter,
    ParquetWriter,
    SkippedWriter,
    Writer,
    is_terminal,
    text_writer,
    utf8_text_stream,
)
from xinzhi_extract.highlight import terminal_safe_line

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from xinzhi_extract import Extractor
    from xinzhi_extract._core import _Kind

EPILOG = """\
inputs:
  FILE        a text file is one document; *.jsonl / *.ndjson and *.csv files hold one
              document per line or row (the field named by --text-field)
  FOLDER      every file matching --glob below it, recursively, in name order
  -           standard input (read as JSONL when --text-field or --id-field is given)

output: one row per record with the document in "doc" (the --id-field value, the file name,
or FILE:LINE for JSONL and CSV) and every field of the record; offsets are in characters.
With --facts, one row per quantity instead: doc, subject, value, low, high, unit, dimension,
approx, trend, currency, year (of the date before it in its sentence), the quantity's text
and offsets, and its sentence.

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
  xinzhi-extract reports.jsonl --facts -o facts.csv
"""


class _Parser(argparse.ArgumentParser):
    """The parser, whose every message reaches the terminal sanitised: its own (an unknown
    option, a bad value) and those the command adds through :meth:`error`."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            # Usage, help and errors keep their line breaks; escapes are made visible.
            super()._print_message(terminal_safe(message), file)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {terminal_safe_line(message)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
        help="ISO 4217 code for a plain 元 (default CNY, or the locale's)",
    )
    what.add_argument(
        "--locale",
        choices=("zh-CN", "zh-HK", "zh-TW"),
        help="the defaults of a region: zh-HK reads a plain 元 as HKD, zh-TW as TWD with "
        "years of the Republic of China (114年度 is 2025)",
    )
    what.add_argument(
        "--roc-years",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read a bare year of one to three digits as a year of the Republic of China",
    )
    what.add_argument(
        "--threads", type=int, metavar="N", help="threads to extract with (default: all cores)"
    )
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--encoding",
        default="utf-8",
        help="input encoding (default utf-8; gb18030, gbk and big5 are common on government "
        "pages), or auto: UTF-8, GB18030 or Big5 chosen per input, refused when unsure; a "
        "byte order mark overrides it",
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
    reading.add_argument(
        "--max-size",
        type=_byte_count,
        default=_byte_count(DEFAULT_MAX_SIZE),
        metavar="BYTES",
        help=f"the most bytes read for one document: a text input, a JSONL line or a CSV row "
        f"(default {DEFAULT_MAX_SIZE}; suffixes k, M, G are powers of 1024; 0 for no limit). "
        "A larger one is reported like an unreadable input; on standard input it stops the "
        "run with exit code 2",
    )
    writing = parser.add_argument_group("writing")
    writing.add_argument(
        "-o", "--output", metavar="FILE", help="write records to FILE (default standard output)"
    )
    writing.add_argument(
        "--format",
        choices=("jsonl", "json", "csv", "parquet", "table"),
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
        "--skipped",
        metavar="FILE",
        help="also write, as JSON Lines, every run of numeral characters that yields no record "
        "with the reason (word, set_phrase, slogan, list_label, code, markup, place …)",
    )
    writing.add_argument(
        "--facts",
        action="store_true",
        help="write the facts table instead of the records: one row per quantity with its "
        "subject, value, unit, year and sentence (needs pandas)",
    )
    writing.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )
    writing.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also report how each input is read (the encoding --encoding auto chose)",
    )
    writing.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


_SIZE_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def _byte_count(value: str) -> int | None:
    """``--max-size``: bytes, with an optional k, M, G or T (powers of 1024, ``B``/``iB``
    allowed after it); ``0`` for no limit."""
    spelled = value.strip().lower().removesuffix("b").removesuffix("i")
    digits = spelled.rstrip("kmgt")
    unit = spelled[len(digits) :]
    if not digits.isdigit() or not digits.isascii() or unit not in _SIZE_UNITS:
        raise argparse.ArgumentTypeError(
            f"not a size: {value!r} (bytes, or a number with k, M or G)"
        )
    size = int(digits) * _SIZE_UNITS[unit]
    return size or None


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


def _build_extractor(args: argparse.Namespace, kinds: set[str] | None) -> Extractor:
    from xinzhi_extract import Extractor

    return Extractor(
        # Every name in kinds was checked against KINDS by _kinds.
        kinds=cast("set[_Kind] | None", kinds),
        reference_year=args.reference_year,
        yuan_currency=args.yuan_currency,
        roc_years=args.roc_years,
        locale=args.locale,
    )


def _same_file_as_an_input(output: str, inputs: Sequence[str]) -> str | None:
    """The input that is the file ``output`` names (by identity: hard links, other spellings),
    or that holds it inside a folder; ``None`` when there is none."""
    try:
        target = os.stat(output)
    except OSError:
        return None
    for name in inputs:
        if name == "-":
            continue
        try:
            found = os.stat(name)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return name
    return None


def _open_outputs(
    parser: argparse.ArgumentParser, args: argparse.Namespace, stdout: TextIO
) -> Outputs:
    fmt: str | None = args.format
    if fmt is None and args.output:
        suffix = Path(args.output).suffix.lower()
        fmt = FORMAT_BY_SUFFIX.get(suffix)
        if fmt is None:
            known = ", ".join(sorted(FORMAT_BY_SUFFIX))
            parser.error(
                f"-o {args.output}: unknown file type {suffix or '(none)'!r}; "
                f"use {known}, or give --format"
            )
    if fmt is None and not args.html:
        fmt = "table" if args.demo or is_terminal(stdout) else "jsonl"
    if fmt == "parquet":
        try:
            importlib.import_module("pyarrow")
        except ImportError:
            parser.error("Parquet output needs pyarrow (pip install pyarrow)")
        if not args.output and is_terminal(stdout):
            parser.error("Parquet is binary: give -o FILE or redirect standard output")
    writers: list[Writer] = []
    files: list[tuple[str, str]] = []
    if fmt is not None and args.facts:
        target = None
        if args.output:
            target = _temporary_beside(args.output)
            files.append((target, args.output))
        writers.append(_facts_writer(parser, args, fmt, stdout, target))
    elif fmt is not None:
        if args.output:
            temporary = _temporary_beside(args.output)
            files.append((temporary, args.output))
            if fmt == "parquet":
                writers.append(ParquetWriter(temporary))
            else:
                file = open(temporary, "w", encoding="utf-8", newline="")  # noqa: SIM115
                writers.append(text_writer(fmt, file, color=False, own=True))
        elif fmt == "parquet":
            writers.append(ParquetWriter(stdout.buffer))
        else:
            color = fmt == "table" and is_terminal(stdout) and not os.environ.get("NO_COLOR")
            stream = stdout if fmt == "table" else utf8_text_stream(stdout)
            writers.append(text_writer(fmt, stream, color=color, own=False))
    if args.html:
        temporary = _temporary_beside(args.html)
        files.append((temporary, args.html))
        writers.append(HtmlWriter(temporary))
    return Outputs(writers, to_stdout=fmt is not None and not args.output, files=files)


def _temporary_beside(path: str) -> str:
    """A new empty file in the folder of ``path``, with the permissions a new file gets: the
    output is written there and renamed to ``path`` once complete, so that a failed write
    (a full disk) never leaves a partial file under the name asked for."""
    folder, name = os.path.split(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=folder)
    os.close(handle)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)
    return temporary


def _facts_writer(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    fmt: str,
    stdout: TextIO,
    target: str | None,
) -> Writer:
    """The writer of ``--facts`` in format ``fmt``, to ``-o`` or standard output."""
    try:
        importlib.import_module("pandas")
    except ImportError:
        parser.error("--facts needs pandas (pip install pandas)")
    from xinzhi_extract.cli.facts import FactsWriter

    try:
        extractor = _build_extractor(args, {"quantity", "date"})
    except (ValueError, TypeError) as error:
        parser.error(str(error))
    if fmt == "parquet":
        return FactsWriter(fmt, target or stdout.buffer, extractor)
    if target:
        file = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
        return FactsWriter(fmt, file, extractor, own=True)
    stream = stdout if fmt == "table" else utf8_text_stream(stdout)
    return FactsWriter(fmt, stream, extractor)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``) and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    stdout, stderr = sys.stdout, sys.stderr
    kinds = _kinds(parser, args.kinds)
    try:
        codec = codecs.lookup("utf-8" if args.encoding == "auto" else args.encoding)
    except LookupError:
        parser.error(f"--encoding: unknown encoding {args.encoding!r}")
    # rot13, base64, zlib and the like are codecs too, but not of text.
    if not getattr(codec, "_is_text_encoding", True):
        parser.error(f"--encoding: {codec.name} is not a text encoding")
    for output in (args.output, args.html):
        if output and output != "-":
            same = _same_file_as_an_input(output, args.inputs)
            if same is not None:
                parser.error(
                    f"{output} is also an input ({same}): writing it would destroy what is read"
                )
    if args.demo and args.inputs:
        parser.error("--demo reads the bundled sample: give no inputs with it")
    if args.threads is not None and args.threads < 1:
        parser.error("--threads must be at least 1")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if not args.demo and not args.inputs and is_terminal(sys.stdin):
        parser.error("no input: give files, folders or - for standard input (or try --demo)")
    try:
        outputs = _open_outputs(parser, args, stdout)
    except OSError as error:
        say(stderr, f"error: cannot write {error.filename}: {error.strerror}")
        return EXIT_FAILURE
    run = Run(args, outputs, stderr)
    try:
        extractor = _build_extractor(args, kinds)
    except (ValueError, TypeError) as error:
        parser.error(str(error))
    for writer in outputs.writers:
        if isinstance(writer, HtmlWriter):
            writer.extractor = extractor
    if args.skipped:
        try:
            outputs.writers.append(SkippedWriter(args.skipped, extractor))
        except OSError as error:
            say(stderr, f"error: cannot write {error.filename}: {error.strerror}")
            return EXIT_FAILURE
    threads = args.threads
    run.extract = lambda texts, ids, bases: extractor._extract_pieces(
        texts, bases, ids=ids, threads=threads, cancel=run.cancel
    )
    code = EXIT_OK
    broken_pipe = False
    write_failed = False
    try:
        code = loop(args, run, getattr(sys.stdin, "buffer", None))
    except KeyboardInterrupt:
        run.cancel.set()
        run.say("interrupted")
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        broken_pipe = True
    except OSError as error:
        run.say(f"error: cannot write: {error.strerror or error}")
        code = EXIT_FAILURE
        write_failed = True
    finally:
        run.close()
    for writer in outputs.writers:
        try:
            writer.close()
        except BrokenPipeError:
            broken_pipe = True
        except OSError as error:
            # One message per failure: a write that failed fails again when flushed.
            if not write_failed:
                run.say(f"error: cannot write: {error.strerror or error}")
            code = EXIT_FAILURE
            write_failed = True
    for temporary, final in outputs.files:
        # A file a write failed on may end inside a record: removed, never left partial.
        if write_failed:
            os.unlink(temporary)
        else:
            os.replace(temporary, final)
    run.progress.clear()
    if broken_pipe:
        # Nothing more can reach the reader; keep the interpreter from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        return EXIT_BROKEN_PIPE
    if code == EXIT_OK and not args.quiet:
        say(stderr, run.summary())
    return code
