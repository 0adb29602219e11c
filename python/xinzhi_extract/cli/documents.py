"""What the command's parts share: exit codes, names and defaults, and the two things reading
yields (a document, or a problem with an input)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from xinzhi_extract.highlight import terminal_safe_line

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
#: The default ``--max-size``: the most bytes read for one document.
DEFAULT_MAX_SIZE = "256M"


@dataclass(frozen=True)
class Document:
    """One input document, or one piece of a long one: its identifier, its text, how many
    input bytes it came from and where it is (file, and line for JSONL and CSV) for
    messages. A long text file comes in pieces cut at line or sentence ends: ``base`` is the
    piece's position in the document (in characters), and ``last`` says it ends it."""

    doc: object
    text: str
    size: int
    where: str
    base: int = 0
    last: bool = True

    @property
    def first(self) -> bool:
        """Whether this piece starts its document."""
        return self.base == 0


@dataclass(frozen=True)
class InputProblem:
    """An input that yields no document: where it is and what is wrong with it."""

    where: str
    message: str
    size: int = 0
    #: Longer than ``--max-size``: on standard input, a usage error that stops the run.
    too_large: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Document | InputProblem


def say(stream: TextIO, message: str) -> None:
    """Write a message of the command to ``stream`` (standard error), on one line with every
    control character made visible: names and fields from the input cannot move the cursor,
    set the terminal's title or forge a line."""
    stream.write(f"{PROG}: {terminal_safe_line(message)}\n")
    stream.flush()
