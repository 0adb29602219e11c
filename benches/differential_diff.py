"""Compare two dumps of `examples/differential.rs`, record by record.

usage: python3 benches/differential_diff.py BEFORE.jsonl AFTER.jsonl [--show N]

Both dumps must come from the same inputs (the same files and the same number of random
strings). Fields a record of AFTER has and the one of BEFORE lacks (a field added since) are
left out of the comparison. Skipped spans are compared like records where both dumps have
them. Prints the count of inputs, records (skipped spans included) and differing inputs per
source (corpus, fixture table, wild, conformance, random), then up to N differing inputs
(default 40) with the records only one side has.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

Row = dict[str, Any]


def rows(path: str) -> Iterator[Row]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def source_of(label: str) -> str:
    if label.startswith("random:"):
        return "random"
    if "/wild/" in label:
        return "wild"
    if "/conformance/" in label:
        return "conformance"
    if label.split(":")[0].endswith(".txt"):
        return "corpus text"
    return "fixture table"


def comparable(after: list[Row], before: list[Row]) -> list[Row]:
    """The records of `after` cut to the fields the records of `before` have."""
    keys: set[str] = set()
    for record in before:
        keys.update(record)
    if not keys:
        return after
    return [{k: v for k, v in record.items() if k in keys} for record in after]


def main() -> int:
    args = sys.argv[1:]
    show = 40
    if "--show" in args:
        k = args.index("--show")
        show = int(args[k + 1])
        del args[k : k + 2]
    before_path, after_path = args
    empty: Row = {"default": [], "year2025": [], "skipped": []}
    before = rows(before_path)
    after = rows(after_path)
    b = next(before, None)
    a = next(after, None)
    inputs: Counter[str] = Counter()
    records: Counter[str] = Counter()
    differing: Counter[str] = Counter()
    shown = 0
    while a is not None or b is not None:
        if b is not None and (a is None or b["n"] < a["n"]):
            pair, b = (b, empty), next(before, None)
        elif a is not None and (b is None or a["n"] < b["n"]):
            pair, a = (empty, a), next(after, None)
        else:
            assert a is not None and b is not None
            pair, a, b = (b, a), next(after, None), next(before, None)
        old, new = pair
        row = old if old is not empty else new
        source = source_of(row["input"])
        inputs[source] += 1
        changed = False
        for option in ("default", "year2025", "skipped"):
            # Dumps made before skipped spans were written have none to compare.
            if option not in old or option not in new:
                continue
            old_records = old[option]
            new_records = comparable(new[option], old_records)
            records[source] += len(old_records)
            if old_records != new_records:
                changed = True
                if shown < show:
                    gone = [r for r in old_records if r not in new_records]
                    came = [r for r in new_records if r not in old_records]
                    print(f"--- {row['input']} [{option}] {row['text'][:120]!r}")
                    for r in gone:
                        print(f"  - {json.dumps(r, ensure_ascii=False)}")
                    for r in came:
                        print(f"  + {json.dumps(r, ensure_ascii=False)}")
        if changed:
            differing[source] += 1
            shown += 1
    print()
    print(f"{'source':<14} {'inputs with records':>20} {'records before':>15} {'differing inputs':>17}")
    for source in sorted(inputs):
        print(f"{source:<14} {inputs[source]:>20} {records[source]:>15} {differing[source]:>17}")
    total = sum(differing.values())
    print(f"{'all':<14} {sum(inputs.values()):>20} {sum(records.values()):>15} {total:>17}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
