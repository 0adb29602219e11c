"""``--facts``: the facts table (SPEC §6) instead of the records, one row per quantity with
its subject, value, year and sentence — the rows of ``xinzhi_extract.facts``, written as JSONL,
JSON, CSV, Parquet or a table for people. Needs pandas (and pyarrow for Parquet)."""

from __future__ import annotations

import csv
import importlib
import json
import math
from collections.abc import Sequence
from typing import Any

from xinzhi_extract._core import ExtractionBatch, Extractor
from xinzhi_extract._facts import FACT_COLUMNS, facts_of
from xinzhi_extract.cli.documents import Document
from xinzhi_extract.cli.writing import doc_id
from xinzhi_extract.highlight import terminal_safe_line

_JSON = json.JSONEncoder(ensure_ascii=False, default=str)

#: The Arrow type of each column of the facts table in Parquet.
_ARROW_TYPES = {
    "doc": "string",
    "subject": "string",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "unit": "string",
    "dimension": "string",
    "approx": "string",
    "trend": "string",
    "currency": "string",
    "year": "int32",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "subject_start": "int64",
    "subject_end": "int64",
    "sentence": "string",
    "sentence_start": "int64",
    "sentence_end": "int64",
}


def _plain(value: object) -> object:
    """A cell as JSON and CSV take it: missing values as ``None``, numpy scalars as Python's."""
    if value is None or value is getattr(importlib.import_module("pandas"), "NA", None):
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, str):
        value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


class FactsWriter:
    """Writes the facts of each batch's documents in one format: ``jsonl``, ``json``, ``csv``,
    ``parquet`` or ``table``."""

    def __init__(
        self,
        fmt: str,
        sink: Any,
        extractor: Extractor,
        *,
        own: bool = False,
    ) -> None:
        self._fmt = fmt
        self._sink: Any = sink
        self._own = own
        self._extractor = extractor
        self._rows = 0
        self._parquet: Any = None
        self._csv: Any = None
        if fmt == "parquet":
            pa = importlib.import_module("pyarrow")
            pq = importlib.import_module("pyarrow.parquet")
            self._pa = pa
            self._schema = pa.schema(
                [(name, getattr(pa, _ARROW_TYPES[name])()) for name in FACT_COLUMNS]
            )
            self._parquet = pq.ParquetWriter(sink, self._schema)
        elif fmt == "csv":
            self._csv = csv.writer(self._sink, lineterminator="\n")
            self._csv.writerow(FACT_COLUMNS)
        elif fmt == "json":
            self._sink.write("[")

    def write_batch(self, documents: Sequence[Document], batch: ExtractionBatch) -> None:
        del batch  # the facts read quantities and dates, whatever kinds the records hold
        frame = facts_of(self._extractor, [document.text for document in documents])
        if not len(frame):
            return
        positions = frame["doc"].to_numpy()
        rows = [
            [documents[int(position)].doc, *(_plain(v) for v in values)]
            for position, values in zip(
                positions, frame[list(FACT_COLUMNS[1:])].itertuples(index=False), strict=True
            )
        ]
        if self._fmt == "parquet":
            columns = list(zip(*rows, strict=True))
            arrays = {
                name: [doc_id(v) for v in columns[0]] if name == "doc" else list(columns[k])
                for k, name in enumerate(FACT_COLUMNS)
            }
            self._parquet.write_table(self._pa.table(arrays, schema=self._schema))
        elif self._fmt == "csv":
            self._csv.writerows(
                [doc_id(row[0]), *("" if v is None else v for v in row[1:])] for row in rows
            )
        elif self._fmt == "table":
            shown = frame.assign(doc=[doc_id(row[0]) for row in rows])
            # Subjects, sentences and ids from the input reach the terminal: made safe.
            shown = shown.assign(
                **{
                    name: shown[name].map(
                        lambda v: terminal_safe_line(v) if isinstance(v, str) else v
                    )
                    for name in shown.columns
                    if shown[name].dtype == object
                }
            )
            self._sink.write(shown.to_string(index=False, max_colwidth=40) + "\n")
        else:
            for row in rows:
                line = _JSON.encode(dict(zip(FACT_COLUMNS, row, strict=True)))
                if self._fmt == "json":
                    self._sink.write(("," if self._rows else "") + "\n" + line)
                else:
                    self._sink.write(line + "\n")
                self._rows += 1

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            return
        if self._fmt == "json":
            self._sink.write("\n]\n" if self._rows else "]\n")
        self._sink.flush()
        if self._own:
            self._sink.close()
