"""Peak memory per MB of input: Python `extract`, `extract_batch`, `to_frame`, and the CLI.

    python benches/peak_memory.py [--dense-mb 16] [--corpus-mb 10] [--cases extract,cli]

Every case runs in a fresh Python process that imports `xinzhi_extract`, reads its input
from a file, runs once and reports its peak resident set (`resource.getrusage` maxrss);
the CLI case is `xinzhi-extract FILE -o out.jsonl` as a child process, measured with
`os.wait4`. From each peak the script subtracts the peak of a baseline process that only
imported the package (for `to_frame`, that also imported pandas and pyarrow, which
`to_frame` loads), and divides by the input's size in MB (10^6 bytes of UTF-8). The
figure therefore includes the input held as a Python string (1 byte per character for the
ASCII dense input, 2 to 4 for Chinese text) as well as the records and their output.

Inputs: `dense` is `"1 " * N` (every other character a number, the worst case for record
count: N = 8,000,000 by default, 16 MB); `corpus` is the texts of the shared corpus
(`$XINZHI_SHARED/corpus/*.txt`, else `../shared/corpus` beside the repository) repeated to
about 10 MB, one text per document for `extract_batch` and `to_frame`, joined by newlines
for `extract` and the CLI. The corpus cases are skipped when the folder is absent.

Build the package in release mode first; a debug build allocates the same records but is
far slower.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = ("extract", "extract_batch", "to_frame", "cli")

CHILD = r"""
import json, resource, sys, time
import xinzhi_extract as xe
mode, path, batch = sys.argv[1], sys.argv[2], sys.argv[3] == "batch"
if mode == "baseline_frame":
    import pandas, pyarrow
if mode.startswith("baseline"):
    print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    sys.exit()
text = open(path, encoding="utf-8").read()
texts = text.split("\x1e") if batch else [text]
del text
start = time.perf_counter()
if mode == "extract":
    n = sum(len(xe.extract(t)) for t in texts)
elif mode == "extract_batch":
    n = xe.extract_batch(texts).record_count
elif mode == "to_frame":
    n = len(xe.to_frame(texts))
seconds = time.perf_counter() - start
print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "records": n, "seconds": seconds}))
"""


def shared_corpus() -> Path:
    shared = Path(os.environ.get("XINZHI_SHARED", REPO.parent / "shared"))
    return shared / "corpus"


def child(mode: str, path: Path, batch: bool) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(path), "batch" if batch else "one"],
        check=False,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"{mode} on {path.name} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def cli(path: Path, out: Path) -> dict[str, float]:
    exe = shutil.which("xinzhi-extract") or str(Path(sys.executable).parent / "xinzhi-extract")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [exe, str(path), "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{exe} exited {proc.returncode}")
    seconds = time.perf_counter() - start
    with out.open(encoding="utf-8") as lines:
        records = sum(1 for _ in lines)
    return {"maxrss_kb": usage.ru_maxrss, "records": records, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dense-mb", type=float, default=16.0, help="size of '1 ' * N, MB")
    parser.add_argument("--corpus-mb", type=float, default=10.0)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    cases = [c for c in args.cases.split(",") if c]
    unknown = set(cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases {sorted(unknown)}; choose from {CASES}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs: list[tuple[str, Path, Path, int]] = []  # name, one text, batch file, bytes
        dense = "1 " * int(args.dense_mb * 1_000_000 / 2)
        (folder / "dense.txt").write_text(dense, encoding="utf-8")
        inputs.append(("dense", folder / "dense.txt", folder / "dense.txt", len(dense)))
        del dense
        texts = [p.read_text(encoding="utf-8") for p in sorted(shared_corpus().glob("*.txt"))]
        if texts:
            docs: list[str] = []
            size = 0
            while size < args.corpus_mb * 1_000_000:
                for t in texts:
                    docs.append(t)
                    size += len(t.encode("utf-8"))
            (folder / "corpus.txt").write_text("\n".join(docs), encoding="utf-8")
            (folder / "corpus.batch").write_text("\x1e".join(docs), encoding="utf-8")
            inputs.append(("corpus", folder / "corpus.txt", folder / "corpus.batch", size))
        else:
            print(f"no corpus texts in {shared_corpus()}: corpus cases skipped")

        base_kb = child("baseline", folder / "dense.txt", batch=False)["maxrss_kb"]
        frame_kb = child("baseline_frame", folder / "dense.txt", batch=False)["maxrss_kb"]
        import xinzhi_extract

        print(
            f"xinzhi_extract {getattr(xinzhi_extract, '__version__', '?')} "
            f"from {Path(xinzhi_extract.__file__).parent}"
        )
        print(
            f"baseline (import only): {base_kb / 1024:.1f} MiB peak RSS; "
            f"with pandas and pyarrow imported too (the baseline of to_frame): "
            f"{frame_kb / 1024:.1f} MiB"
        )
        print()
        print(
            "| input | MB | case | records | seconds | peak MiB | over baseline MiB "
            "| MiB per MB of input |"
        )
        print("|---|---:|---|---:|---:|---:|---:|---:|")
        for name, one, batch, size in inputs:
            mb = size / 1_000_000
            for case in cases:
                if case == "cli":
                    got = cli(one, folder / "out.jsonl")
                else:
                    batched = case != "extract" and name == "corpus"
                    got = child(case, batch if batched else one, batched)
                base = frame_kb if case == "to_frame" else base_kb
                over = (got["maxrss_kb"] - base) / 1024
                print(
                    f"| {name} | {mb:.1f} | {case} | {int(got['records']):,} "
                    f"| {got['seconds']:.1f} | {got['maxrss_kb'] / 1024:.0f} | {over:.0f} "
                    f"| {over / mb:.1f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
