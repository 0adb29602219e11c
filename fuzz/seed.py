"""Seed the fuzz corpora.

    python3 fuzz/seed.py [SHARED_DIR]      # fill fuzz/corpus/<target>/ to fuzz from
    python3 fuzz/seed.py --refresh-seeds   # rewrite the committed fuzz/seeds/ from tests/data

The committed seeds under `fuzz/seeds/<target>/` are sentences and numerals from the
project's own test tables (`tests/data/*.jsonl`), a few hundred small files in all, so a
fuzz run starts from real inputs on any checkout. `fuzz/corpus/` is the working directory
cargo-fuzz grows; it is git-ignored. Seeding copies the committed seeds into it, then adds
the shared corpus texts (whole and by line) and every input of the peers' conformance
suites when the shared folder is there (SHARED_DIR, else $XINZHI_SHARED, else ../shared
beside the repository); without it the committed seeds alone are used.
"""

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
DATA = FUZZ.parent / "tests" / "data"
SEEDS = FUZZ / "seeds"
TARGETS = ("parse_numeral", "scan_numerals", "extract")

# Per target: the test tables and fields its seeds come from, and how many to keep at most
# (taken evenly across the tables' rows, so every genre is represented).
SOURCES: dict[str, tuple[tuple[tuple[str, str], ...], int]] = {
    "parse_numeral": (
        (("numerals_parse.jsonl", "input"), ("numerals_write.jsonl", "chinese")),
        120,
    ),
    "scan_numerals": (
        (("numerals_scan.jsonl", "text"), ("quantities.jsonl", "text")),
        80,
    ),
    "extract": (
        (
            ("quantities.jsonl", "text"),
            ("dates.jsonl", "text"),
            ("titles.jsonl", "text"),
            ("subjects.jsonl", "text"),
            ("skipped.jsonl", "text"),
            ("forms.jsonl", "text"),
        ),
        150,
    ),
}


def shared_dir(args: list[str]) -> Path:
    if args:
        return Path(args[0])
    return Path(os.environ.get("XINZHI_SHARED", FUZZ.parent.parent / "shared"))


def table_inputs(target: str) -> list[str]:
    """The distinct inputs of the target's test tables, in table order."""
    tables, _ = SOURCES[target]
    found: dict[str, None] = {}
    for name, field in tables:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            value = json.loads(line).get(field) if line.strip() else None
            if isinstance(value, str) and value:
                found.setdefault(value, None)
    return list(found)


def evenly(items: list[str], most: int) -> list[str]:
    if len(items) <= most:
        return items
    return [items[i * len(items) // most] for i in range(most)]


def shared_inputs(shared: Path) -> Iterator[str]:
    for text_file in sorted((shared / "corpus").glob("*.txt")):
        text = text_file.read_text(encoding="utf-8")
        yield text
        yield from (line for line in text.splitlines() if line.strip())
    for suite in sorted((shared / "conformance").glob("*.jsonl")):
        for line in suite.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield str(json.loads(line)["input"])


def write(folder: Path, text: str) -> None:
    data = text.encode("utf-8")
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def refresh_seeds() -> None:
    for target in TARGETS:
        folder = SEEDS / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        chosen = evenly(table_inputs(target), SOURCES[target][1])
        for text in chosen:
            write(folder, text)
        print(f"{target}: {len(chosen)} seeds")


def seed_corpora(shared: Path) -> None:
    extra = list(shared_inputs(shared)) if shared.is_dir() else []
    if not extra:
        print(f"no shared folder at {shared}: committed seeds only")
    for target in TARGETS:
        folder = FUZZ / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        committed = sorted((SEEDS / target).glob("*"))
        for seed in committed:
            shutil.copyfile(seed, folder / seed.name)
        for text in extra:
            write(folder, text)
        print(f"{target}: {len(committed)} committed seeds + {len(extra)} shared inputs")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--refresh-seeds"]:
        refresh_seeds()
    else:
        seed_corpora(shared_dir(args))


if __name__ == "__main__":
    main()
