"""One run of the command: documents read in batches, extracted on a worker thread, written,
counted and reported."""

from __future__ import annotations

import argparse
import io
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import BinaryIO, TextIO

from xinzhi_extract._core import ExtractionBatch, InvalidTextError
from xinzhi_extract.cli.documents import (
    DEFAULT_TEXT_FIELD,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    Document,
    InputProblem,
    Item,
    say,
)
from xinzhi_extract.cli.reading import (
    PIECE_CHARACTERS,
    ReadOptions,
    Source,
    expand_inputs,
    pieces_of,
    read_source,
)
from xinzhi_extract.cli.writing import Writer, doc_id, is_terminal

# A batch also ends once it holds this many characters, or once it is expected to hold this
# many records (from the records per character seen so far), so that neither long documents
# nor dense ones fill memory before the batch size in documents is reached.
BATCH_CHARACTERS = 4_000_000
BATCH_RECORDS = 32_768


def _amount(size: int) -> str:
    """A byte count as people read it: kilobytes below a tenth of a megabyte."""
    return f"{size / 1e3:,.1f} kB" if size < 100_000 else f"{size / 1e6:,.1f} MB"


@dataclass
class Tally:
    """What a run has done so far."""

    documents: int = 0
    #: Documents that yielded no record.
    empty: int = 0
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


@dataclass(frozen=True)
class Outputs:
    writers: list[Writer]
    to_stdout: bool
    #: ``(temporary, final)`` for each output file: written to the first, renamed at the end.
    files: list[tuple[str, str]] = field(default_factory=list)


def _demo_source() -> Iterator[Item]:
    data = resources.files("xinzhi_extract").joinpath("data/sample.txt").read_bytes()
    yield Document("sample.txt (bundled demo)", data.decode("utf-8"), len(data), "sample.txt")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _invalid_text(text: str, error: InvalidTextError) -> str:
    found = _SURROGATE.search(text)
    if found is None:
        return str(error)
    return f"text holds a lone surrogate {found.group()!r} at character {found.start()}"


@dataclass(frozen=True)
class _Extracted:
    """A batch extracted: the documents and their records, and the documents whose text the
    library refused, each with the position it had in the batch."""

    documents: list[Document]
    batch: ExtractionBatch
    refused: list[tuple[int, InputProblem]]


class Run:
    """One run of the command: reads, extracts in batches, writes, reports."""

    def __init__(self, args: argparse.Namespace, outputs: Outputs, stderr: TextIO) -> None:
        self.args = args
        self.outputs = outputs
        self.stderr = stderr
        self.tally = Tally(started=time.monotonic())
        self.batch: list[Document] = []
        self.batch_characters = 0
        # Records per character seen so far (a record every two characters at worst): a
        # batch ends before it is expected to hold BATCH_RECORDS records.
        self.density = 0.5
        self.extract: Callable[[list[str], list[str], list[int]], ExtractionBatch] = (
            lambda texts, ids, bases: ExtractionBatch([[] for _ in texts], ids=ids)
        )
        # Records of the document whose pieces are being written.
        self._document_records = 0
        # Set on Ctrl-C: the batch being extracted on the worker stops within it.
        self.cancel = threading.Event()
        self.progress = Progress(stderr, enabled=False, total_bytes=None)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xinzhi-extract")
        self._in_flight: deque[tuple[list[Document], Future[_Extracted]]] = deque()

    def say(self, message: str) -> None:
        self.progress.clear()
        say(self.stderr, message)

    def add(self, document: Document) -> None:
        if len(document.text) > 2 * PIECE_CHARACTERS:
            # A long JSONL or CSV text is extracted in pieces too, like a long text file.
            for piece in pieces_of(document):
                self._add(piece)
        else:
            self._add(document)

    def _add(self, document: Document) -> None:
        self.batch.append(document)
        self.batch_characters += len(document.text)
        characters = min(BATCH_CHARACTERS, int(BATCH_RECORDS / self.density))
        if len(self.batch) >= self.args.batch_size or self.batch_characters >= characters:
            self.flush()

    def problem(self, problem: InputProblem) -> None:
        """An input that yields no document: stop (``fail``) or report and count it."""
        if self.args.on_error == "fail":
            raise _Stop(problem)
        self.tally.skipped += 1
        self.tally.input_bytes += problem.size
        self.say(f"skipped {problem}")

    def _extract(self, documents: list[Document]) -> _Extracted:
        texts = [document.text for document in documents]
        try:
            batch = self.extract(texts, _ids(documents), _bases(documents))
            return _Extracted(documents, batch, [])
        except InvalidTextError:
            # Text the library refuses (a lone surrogate from a JSON escape) fails the whole
            # batch; extracting one document at a time finds which.
            kept: list[Document] = []
            refused: list[tuple[int, InputProblem]] = []
            for position, document in enumerate(documents):
                try:
                    self.extract([document.text], [""], [0])
                except InvalidTextError as error:
                    message = _invalid_text(document.text, error)
                    refused.append((position, InputProblem(document.where, message, document.size)))
                else:
                    kept.append(document)
            batch = self.extract([d.text for d in kept], _ids(kept), _bases(kept))
            return _Extracted(kept, batch, refused)

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
        _, future = self._in_flight.popleft()
        extracted = future.result()
        if extracted.refused:
            self._write_around_refused(extracted)
        else:
            self._write(extracted.documents, extracted.batch)
        self.progress.update(self.tally)

    def _write(self, documents: list[Document], batch: ExtractionBatch) -> None:
        for writer in self.outputs.writers:
            writer.write_batch(documents, batch)
        counts = batch._record_counts()
        characters = sum(len(document.text) for document in documents)
        for document, count in zip(documents, counts, strict=True):
            self._document_records += count
            if document.last:
                self.tally.documents += 1
                self.tally.empty += self._document_records == 0
                self._document_records = 0
        self.tally.input_bytes += sum(document.size for document in documents)
        self.tally.records += sum(counts)
        if characters:
            self.density = max(sum(counts) / characters, 1e-3)

    def _write_around_refused(self, extracted: _Extracted) -> None:
        """Writes the documents in order, each refused one reported where it stood."""
        lists = extracted.batch.to_list()
        ids = extracted.batch.ids
        kept = 0
        refused = dict(extracted.refused)
        for position in range(len(extracted.documents) + len(refused)):
            if position in refused:
                self.problem(refused[position])
                continue
            document = extracted.documents[kept]
            one = ExtractionBatch([lists[kept]], ids=None if ids is None else ids[kept : kept + 1])
            self._write([document], one)
            kept += 1

    def close(self) -> None:
        """Stop the worker; a batch it is extracting is finished, queued ones are dropped."""
        self._in_flight.clear()
        self._worker.shutdown(wait=True, cancel_futures=True)

    def summary(self) -> str:
        elapsed = time.monotonic() - self.tally.started
        tally = self.tally
        text = f"{_count(tally.documents, 'document')}"
        if tally.empty:
            text += f" ({tally.empty:,} without records)"
        text += (
            f", {_amount(tally.input_bytes)}, {_count(tally.records, 'record')} "
            f"in {elapsed:,.2f} s ({tally.rate(time.monotonic()):,.1f} MB/s)"
        )
        if tally.skipped:
            text += f"; {_count(tally.skipped, 'input')} skipped"
        return text


def _count(number: int, noun: str) -> str:
    """``1 record``, ``2 records``, ``1,024 records``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _ids(documents: Sequence[Document]) -> list[str]:
    return [doc_id(document.doc) for document in documents]


def _bases(documents: Sequence[Document]) -> list[int]:
    return [document.base for document in documents]


def _items(args: argparse.Namespace, stdin: BinaryIO, run: Run) -> Iterator[Item]:
    if args.demo:
        yield from _demo_source()
        return
    options = ReadOptions(
        encoding=args.encoding,
        input_format=args.input_format,
        text_field=args.text_field or DEFAULT_TEXT_FIELD,
        id_field=args.id_field,
        wants_fields=bool(args.text_field or args.id_field),
        report=run.say if args.verbose else None,
        max_size=args.max_size,
    )
    outputs = [name for name in (args.output, args.html) if name and name != "-"]
    outputs += [temporary for temporary, _ in run.outputs.files]
    expanded = list(expand_inputs(args.inputs or ["-"], args.glob, outputs))
    # Missing paths are reported before any work starts.
    sources: list[Source | InputProblem] = [s for s in expanded if isinstance(s, InputProblem)]
    sources += [s for s in expanded if isinstance(s, Source)]
    sizes = [source.size for source in sources if isinstance(source, Source)]
    known = all(size is not None for size in sizes)
    run.progress = Progress(
        run.stderr,
        enabled=not args.quiet and is_terminal(run.stderr),
        total_bytes=sum(size or 0 for size in sizes) if known and sizes else None,
    )
    for source in sources:
        if isinstance(source, InputProblem):
            yield source
        elif source.path is None:
            # Standard input cannot be skipped past: too long, it stops the run.
            for item in read_source(source, options, stdin):
                if isinstance(item, InputProblem) and item.too_large:
                    raise _Usage(item)
                yield item
        else:
            yield from read_source(source, options, stdin)


class _Stop(Exception):
    """Raised to stop the run at an input problem under ``--on-error fail``."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _Usage(Exception):
    """Raised to stop the run when standard input is longer than ``--max-size``."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def loop(args: argparse.Namespace, run: Run, stdin: BinaryIO | None) -> int:
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
    except _Usage as usage:
        run.drain()
        run.say(f"error: {usage.problem} (give a larger --max-size)")
        return EXIT_USAGE
    return EXIT_OK
