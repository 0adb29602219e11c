"""Memory follows the input, not the number of records: on text with a record every other
character (``"1 " * N``), ``extract`` and ``extract_batch`` stay within the documented
multiple of the input (README, "Memory"): 20 times its size in UTF-8, the text itself
included.

Each case runs in a fresh interpreter and compares its peak resident set after the call
with the peak before the text was made, so what other tests allocated does not count. The
bound holds with room to spare (about 11 to 13 times on a release build), so the test does
not flake on a busy machine; it fails when records become Python objects or core records
again (some 150 times)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# The documented bound: peak memory over the input's size in bytes of UTF-8.
BOUND = 20
# 4 MB of text, 2 million records: large enough that allocator noise is small against it.
PAIRS = 2_000_000

CHILD = r"""
import gc, json, resource, sys
import xinzhi_extract as xe
case, pairs = sys.argv[1], int(sys.argv[2])
xe.extract("1 2 3")  # warm up: tables, scratch memory
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
text = "1 " * pairs
if case == "extract":
    result = xe.extract(text)
    records = len(result)
    first, last = result[0], result[-1]
elif case == "extract_batch":
    result = xe.extract_batch([text, text[: len(text) // 2]], threads=2)
    records = result.record_count
    first, last = result[0][0], result[1][-1]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
scale = 1024 if sys.platform == "darwin" else 1  # bytes there, KiB on Linux
print(json.dumps({
    "grown_kb": (after - before) / scale,
    "input_kb": len(text.encode()) * (1.5 if case == "extract_batch" else 1) / 1024,
    "records": records,
    "first": [first.text, first.start],
    "last": [last.text, last.end],
}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
@pytest.mark.parametrize("case", ["extract", "extract_batch"])
def test_dense_text_stays_within_the_documented_multiple_of_its_size(case: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, case, str(PAIRS)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    got = json.loads(out.stdout)
    expected_records = PAIRS if case == "extract" else PAIRS + PAIRS // 2
    assert got["records"] == expected_records
    assert got["first"] == ["1", 0]
    last_end = 2 * PAIRS - 1 if case == "extract" else PAIRS - 1
    assert got["last"] == ["1", last_end]
    multiple = got["grown_kb"] / got["input_kb"]
    assert multiple <= BOUND, f"{case}: peak grew by {multiple:.1f} times the input"
