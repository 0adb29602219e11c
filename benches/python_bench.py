"""Throughput of the Python package on texts of the genre, as medians of repeated runs.

    python benches/python_bench.py [--repeat 15] [--texts 10000] [--json]

Measures, in MB/s of UTF-8 input:

* ``extract``: every corpus text through ``xinzhi_extract.extract``, one core;
* ``extract_batch``: 10,000 corpus sentences with ``threads=1`` and ``threads=2``, and the
  ratio of the two;
* ``extract_batch + to_list``: the same, with every record made into a Python object;
* ``to_frame``: the 10,000 sentences to a pandas DataFrame, end to end (when pandas is
  installed), and ``polars.DataFrame(batch)`` through the Arrow stream (when polars is).

The corpus is the shared one beside the repository (or under ``XINZHI_SHARED``); without it,
the sample text bundled with the package. Other libraries can be added to ``BENCHES``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python"))

import genre
import xinzhi_extract as xe
from machine import busy_seconds


@dataclass
class Bench:
    name: str
    run: Callable[[], object]
    megabytes: float


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (all threads of the process) of ``run``."""
    run()  # warm caches (and CPython's UTF-8 copy of each str)
    wall, cpu = [], []
    for _ in range(repeat):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start_wall)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def size_mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def benches(count: int) -> list[Bench]:
    corpus = [text for _, text in genre.corpus_texts()]
    sentences = genre.texts_of_the_genre(count)
    corpus_mb, sentences_mb = size_mb(corpus), size_mb(sentences)
    out = [
        Bench("extract, corpus texts, 1 core", lambda: [xe.extract(t) for t in corpus], corpus_mb),
        Bench(
            f"extract_batch, {count} texts, threads=1",
            lambda: xe.extract_batch(sentences, threads=1),
            sentences_mb,
        ),
        Bench(
            f"extract_batch, {count} texts, threads=2",
            lambda: xe.extract_batch(sentences, threads=2),
            sentences_mb,
        ),
        Bench(
            f"extract_batch + to_list, {count} texts, threads=2",
            lambda: xe.extract_batch(sentences, threads=2).to_list(),
            sentences_mb,
        ),
    ]
    try:
        import pandas  # noqa: F401
    except ImportError:
        pass
    else:
        out.append(Bench(f"to_frame, {count} texts", lambda: xe.to_frame(sentences), sentences_mb))
    try:
        import polars as pl
    except ImportError:
        pass
    else:
        out.append(
            Bench(
                f"polars.DataFrame(extract_batch), {count} texts",
                lambda: pl.DataFrame(xe.extract_batch(sentences)),
                sentences_mb,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per measurement")
    parser.add_argument("--texts", type=int, default=10_000, help="texts in a batch")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()

    results = {}
    busy_before, ours_before, wall_before = busy_seconds(), time.process_time(), time.time()
    for bench in benches(args.texts):
        seconds, cpu_seconds = median_seconds(bench.run, args.repeat)
        results[bench.name] = {
            "median_ms": round(seconds * 1e3, 2),
            "mb_per_s": round(bench.megabytes / seconds, 1),
            "cpu_ms": round(cpu_seconds * 1e3, 2),
            "input_mb": round(bench.megabytes, 3),
        }
    busy_after, ours_after = busy_seconds(), time.process_time()
    others = None
    if busy_before is not None and busy_after is not None:
        # The share of the run's wall time that other processes kept a core busy: numbers
        # taken on a machine shared with a build are not the library's.
        used = (busy_after - busy_before) - (ours_after - ours_before)
        others = round(max(used, 0.0) / (time.time() - wall_before), 2)
    one = results[f"extract_batch, {args.texts} texts, threads=1"]["median_ms"]
    two = results[f"extract_batch, {args.texts} texts, threads=2"]["median_ms"]
    speedup = round(one / two, 2)

    if args.json:
        summary = {
            "results": results,
            "batch_speedup_2_threads": speedup,
            "cores": os.cpu_count(),
            "other_processes_cores_busy": others,
        }
        print(json.dumps(summary, indent=2))
        return
    source = "shared corpus" if genre.corpus_paths() else "bundled sample"
    print(f"xinzhi_extract {xe.__version__}, texts from the {source}, medians of {args.repeat}")
    print("  (CPU time counts every thread; on a busy machine, wall time exceeds it)")
    width = max(map(len, results))
    for name, result in results.items():
        print(
            f"  {name:<{width}}  {result['mb_per_s']:8.1f} MB/s  {result['median_ms']:9.2f} ms"
            f"  CPU {result['cpu_ms']:9.2f} ms  ({result['input_mb']:.2f} MB)"
        )
    print(f"  extract_batch speed-up, 2 threads over 1: {speedup:.2f}x")
    if others is not None:
        print(f"  other processes kept {others:.2f} of {os.cpu_count()} cores busy meanwhile")


if __name__ == "__main__":
    main()
