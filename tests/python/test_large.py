"""A 100 MB text: extraction works, every record is where it should be, and memory stays
proportional to the text and the records found in it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from genre import ROOT

PROBE = textwrap.dedent(
    """
    import json, resource, sys
    sys.path.insert(0, sys.argv[1])
    import genre
    import xinzhi_extract as xe

    unit = "\\n".join(text for _, text in genre.corpus_texts()) + "\\n"
    copies = 100_000_000 // len(unit.encode())
    text = unit * copies
    del unit
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    records = xe.extract(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    unit = text[: len(text) // copies]
    first = xe.extract(unit)
    shift = len(unit) * (copies - 1)
    offsets = {
        f["name"]
        for record in xe._core._record_schema()["records"]
        for f in record["fields"]
        if f["offset"]
    }
    last = [
        type(r)(**{
            k: v + shift if k in offsets and v is not None else v
            for k, v in r.to_dict().items()
            if k != "kind"
        })
        for r in first
    ]
    print(json.dumps({
        "bytes": len(text.encode()),
        "records": len(records),
        "per_copy": len(first),
        "copies": copies,
        "first_copy_matches": records[: len(first)] == first,
        "last_copy_matches": records[-len(first):] == last,
        "spans_exact": all(text[r.start : r.end] == r.text for r in records[-len(first):]),
        "growth_kib": peak - before,
    }))
    """
)


@pytest.mark.large
def test_a_100_mb_text() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "tests" / "python")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bytes"] > 95_000_000
    assert report["per_copy"] > 0
    assert report["records"] == report["per_copy"] * report["copies"]
    assert report["first_copy_matches"]
    assert report["last_copy_matches"]
    assert report["spans_exact"]
    # The view of the text, its offset map and the UTF-8 copy CPython caches come to about three
    # times the text, and each record to a few hundred bytes (the Python object, its text and
    # its Rust twin until the conversion): on the corpus about five times the text in all, on
    # the denser bundled sample about thirteen. Memory proportional to both stays within these
    # bounds; anything far above them is not proportional.
    assert report["growth_kib"] * 1024 < 5 * report["bytes"] + 512 * report["records"]
