"""The shared fixture tables of ``tests/data`` through the Python API: every expected record,
with code-point offsets found by searching the sentence (or converted from the byte offsets
of the corpus tables). The corpus tables are skipped when the shared corpus is absent."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import DATA, shared_dir

# Which kinds each sentence table lists; records of other kinds are not compared.
SENTENCE_TABLES = {
    "quantities.jsonl": {"quantity", "date", "number"},
    "dates.jsonl": {"date"},
    "titles.jsonl": {"title"},
}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def sentence_cases() -> list[Any]:
    cases = []
    for name, kinds in SENTENCE_TABLES.items():
        for number, case in enumerate(load(DATA / name), start=1):
            case_id = case.get("id", f"line{number}")
            cases.append(pytest.param(case, kinds, name, id=f"{name}:{case_id}"))
    return cases


def differences(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    out = []
    for field, wanted in expected.items():
        got = found.get(field, "<absent>")
        if isinstance(wanted, float) and isinstance(got, float):
            if not math.isclose(got, wanted, rel_tol=1e-9, abs_tol=1e-12):
                out.append(f"{field}: {got!r} != {wanted!r}")
        elif got != wanted:
            out.append(f"{field}: {got!r} != {wanted!r}")
    return out


def compare(text: str, found: list[xe.Record], expected: list[dict[str, Any]]) -> list[str]:
    problems = []
    if len(found) != len(expected):
        problems.append(
            f"{len(found)} records found, {len(expected)} expected: {[r.text for r in found]}"
        )
    for k, (record, wanted) in enumerate(zip(found, expected, strict=False)):
        problems += [f"#{k} {wanted['text']!r} {p}" for p in differences(record.to_dict(), wanted)]
        assert text[record.start : record.end] == record.text
    return problems


@pytest.mark.parametrize(("case", "kinds", "table"), sentence_cases())
def test_sentence_table(case: dict[str, Any], kinds: set[str], table: str) -> None:
    text = case["text"]
    extractor = xe.Extractor(**case.get("options", {}))
    found = [r for r in extractor.extract(text) if r.kind in kinds]
    expected = []
    position = 0
    for wanted in case["expected"]:
        start = text.index(wanted["text"], position)
        end = start + len(wanted["text"])
        expected.append({**wanted, "start": start, "end": end})
        # A title may hold the next record (even another title); others never overlap it.
        position = start + 1 if wanted["kind"] == "title" else end
    problems = compare(text, found, expected)
    assert not problems, "\n".join([text, *problems])


def corpus_cases() -> list[Any]:
    shared = shared_dir()
    cases = []
    for path in sorted((DATA / "corpus").glob("*.jsonl")):
        stem = path.name.removesuffix(".jsonl").removesuffix(".titles")
        kinds = {"title"} if path.name.endswith(".titles.jsonl") else {"quantity", "date", "number"}
        source = shared / "corpus" / f"{stem}.txt" if shared else None
        marks = [] if source and source.exists() else [pytest.mark.skip("shared corpus absent")]
        cases.append(pytest.param(path, source, kinds, id=path.name, marks=marks))
    return cases


@pytest.mark.parametrize(("table", "source", "kinds"), corpus_cases())
def test_corpus_table(table: Path, source: Path, kinds: set[str]) -> None:
    data = source.read_bytes()
    text = data.decode("utf-8")
    expected = []
    for wanted in load(table):
        # The table holds byte offsets (the Rust convention); Python sees code points.
        start = len(data[: wanted["start"]].decode("utf-8"))
        end = len(data[: wanted["end"]].decode("utf-8"))
        expected.append({**wanted, "start": start, "end": end})
    found = [r for r in xe.extract(text) if r.kind in kinds]
    problems = compare(text, found, expected)
    assert not problems, "\n".join(problems[:40])
