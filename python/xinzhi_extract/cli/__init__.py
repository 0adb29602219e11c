"""The ``xinzhi-extract`` command: records from files, folders, standard input, JSONL or CSV.

Documents stream through in batches (read a batch, extract it on every core, write it, read
the next), so memory stays bounded whatever the input size. Every input document yields either
its records or a reported error; see ``docs/cli.md`` for the formats and the exit codes.

The command is in parts: ``reading`` (inputs to documents), ``writing`` (records to the output
formats), ``running`` (batches, the worker thread, progress and the summary) and
``arguments`` (the options and ``main``).
"""

from xinzhi_extract.cli.arguments import main
from xinzhi_extract.cli.documents import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from xinzhi_extract.cli.running import Progress, Tally
from xinzhi_extract.cli.writing import COLUMNS

__all__ = [
    "COLUMNS",
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "Tally",
    "main",
]
