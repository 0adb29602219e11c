"""Speed and peak memory of two builds of the library, measured in the same run.

    python3 benches/compare_builds.py --rust BEFORE_BIN AFTER_BIN [--rounds 9]
    python3 benches/compare_builds.py --python BEFORE_PY AFTER_PY [--rounds 9]

``--rust`` takes two builds of ``examples/scaling`` (``cargo build --release --example
scaling`` in each checkout) and times ``Extractor::extract`` on the 1 MB mix of the corpus.
``--python`` takes two Python interpreters, each with its build of the package installed
(a virtual environment per checkout, with a wheel from ``maturin build --release``), and
times ``extract_batch`` on 10,000 corpus sentences on one thread, by the CPU time of the
process (steadier than wall time on a busy machine).

The two builds run in alternation, round after round, so that whatever else the machine does
falls on both alike. Each round starts a fresh process per build; the script reports per
build the median over rounds of the throughput (MB/s), the ratio after/before, and the
largest peak resident size of its processes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

PYTHON_BATCH = r"""
import os, statistics, sys, time
from pathlib import Path
import xinzhi_extract as xe
shared = Path(os.environ.get("XINZHI_SHARED", "../shared"))
lines = []
for path in sorted((shared / "corpus").glob("*.txt")):
    for line in path.read_text(encoding="utf-8").splitlines():
        for part in line.split("。"):
            if part.strip():
                lines.append(part + "。")
texts = (lines * (10_000 // max(len(lines), 1) + 1))[:10_000]
mb = sum(len(t.encode()) for t in texts) / 1e6
xe.extract_batch(texts, threads=1)
runs = []
for _ in range(7):
    start = time.process_time()
    xe.extract_batch(texts, threads=1)
    runs.append(time.process_time() - start)
print(f"MBPS {mb / statistics.median(runs):.3f}")
"""


def run_measured(command: list[str], env: dict[str, str]) -> tuple[str, int]:
    """Runs `command`; its standard output and its peak resident size in KiB."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{command[0]} failed")
    return out, usage.ru_maxrss


def rust_round(binary: str, env: dict[str, str]) -> tuple[float, int]:
    out, peak = run_measured(
        [binary, "--sizes", "1M", "--runs", "15", "--min-seconds", "1"], env
    )
    # The table's row for 1 MB: size, unit, runs, then the median MB/s.
    row = next(line for line in out.splitlines() if line.split()[:2] == ["1", "MB"])
    mbps = float(row.split()[3])
    return mbps, peak


def python_round(python: str, env: dict[str, str]) -> tuple[float, int]:
    out, peak = run_measured([python, "-c", PYTHON_BATCH], env)
    return float(out.split("MBPS")[1]), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--rust", nargs=2, metavar=("BEFORE", "AFTER"))
    group.add_argument("--python", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    builds, measure = (args.rust, rust_round) if args.rust else (args.python, python_round)
    env = dict(os.environ)
    results: dict[str, list[float]] = {b: [] for b in builds}
    peaks: dict[str, int] = {b: 0 for b in builds}
    for k in range(args.rounds):
        order = builds if k % 2 == 0 else builds[::-1]
        for build in order:
            mbps, peak = measure(build, env)
            results[build].append(mbps)
            peaks[build] = max(peaks[build], peak)
        print(f"round {k + 1}: " + "  ".join(f"{results[b][-1]:8.2f}" for b in builds), flush=True)
    before, after = (statistics.median(results[b]) for b in builds)
    for name, build in zip(("before", "after"), builds):
        print(f"{name:>6}: median {statistics.median(results[build]):8.2f} MB/s, "
              f"peak RSS {peaks[build] / 1024:.1f} MiB  ({build})")
    print(f"after/before throughput: {after / before:.3f}")


if __name__ == "__main__":
    main()
