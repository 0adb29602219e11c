"""Speed side by side: xinzhi_extract and the peer libraries on the same texts, in one process.

    python benches/peers.py [--repeat 7] [--budget 1.0] [--large-mb 1] [--only NAME]
                            [--workload corpus|paragraphs|large] [--json | --markdown]
                            [--save FILE.json]

Every function runs on the same workloads, one after the other, in this process:

* ``corpus``: each corpus text in one call (the shared corpus beside the repository, or the
  folder named by ``XINZHI_SHARED``; without it, a sample passage embedded below);
* ``paragraphs``: the lines of the texts interleaved in proportion to their lengths, repeated
  to ``--large-mb`` megabytes, one call per paragraph (batch functions take them all at once);
* ``large``: the same interleaved text as one string.

For each function and workload it prints throughput in MB/s of UTF-8 input (10^6 bytes per
second), the median of ``--repeat`` timed samples after one warm-up run, the items found
(records, matches; ``-`` when the result is a rewritten string), and for a peer the ratio of
ours to theirs: the closest function of ours divided by the peer's, then
``xinzhi_extract.extract`` (every kind) divided by the peer's. A sample repeats the run until
it lasts at least ``--min-sample`` seconds, so short runs are not lost in timer noise.

Slow functions are bounded: a probe run on a few kilobytes estimates the time of the whole
workload, and when that exceeds ``--budget`` seconds the function is timed on a slice that
fits the budget, with the same mix of texts as the whole (every corpus text cut to the same
leading fraction at a line break; the leading paragraphs, which are interleaved); the slice
size is printed beside the figure. Throughput on a slice stands for the whole as long as the
function is linear in its input.

Peers, each timed only when it imports (otherwise listed as "not installed"):

* cn2an: ``cn2an.transform(text, "cn2an")``, Chinese numerals in running text to digits;
* JioNLP: ``jionlp.ner.extract_money`` and ``jionlp.ner.extract_time``;
* chinese2digits: ``takeNumberFromString``;
* Recognizers-Text: ``recognize_number(text, Culture.Chinese)`` and ``recognize_currency``
  as documented (a recognizer per call, the model cached by the library), and the models
  built once and called directly. Their ``parse`` drops every result of a text when one match
  fails to parse (hexadecimal ids in a page footer do that), so their items can be 0.

All peers are imported before anything is timed (JioNLP loads dictionaries and prints a
banner on import; the banner goes to standard error). Recognizers-Text 1.0.2a2 imports a
name that emoji 2 removed; when it is missing, ``emoji.UNICODE_EMOJI`` is set to emoji's own
table before the import, which is what the old name held.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "python"))

import genre
from machine import busy_seconds

MEGABYTE = 1_000_000

# Used when the shared corpus is absent: a passage in the genre, written for this benchmark.
# Money with magnitudes, counts with classifiers, percentages and points, ranges, vague
# numbers, Chinese numerals, dates and periods, titles in 《》, a traditional-script paragraph
# with inline pinyin annotations and full-width digits.
EMBEDDED_SAMPLE = """\
本报讯 2025年1月8日，临川省人民政府办公厅印发《临川省促进民营经济高质量发展若干措施（2025—2027年）》，\
提出到2027年底，全省民营经济增加值占地区生产总值比重达到56%以上，年均增长7.5%左右。
措施明确，省级财政连续三年每年安排30亿元设立民营经济发展专项资金，对新认定的专精特新“小巨人”企业\
一次性奖励100万元，对首次升规的工业企业给予5万至10万元奖励；力争新增市场主体12万户、带动就业约35万人。
2024年，全省实现地区生产总值二万三千六百五十亿元，同比增长5.3%，增速比全国高0.3个百分点。\
第一产业增加值2108.6亿元，增长3.1%；第二产业增加值9312.4亿元，增长6.2%；第三产业增加值12229亿元，\
增长4.9%。全年粮食总产量达到一千二百八十万吨，新建高标准农田三百二十万亩，造林面积约4.6万公顷。
一季度，全省规模以上工业增加值同比增长6.8%，高技术制造业投资增长两成以上；\
进出口总额1436.2亿元，其中出口946亿元，下降1.7%。截至3月末，金融机构人民币贷款余额8.9万亿元。
根据《临川省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》，“十四五”期间全省\
累计完成固定资产投资十余万亿元，建成高速公路一千多公里，新增5G基站4.2万个，城镇化率提高4.6个百分点。
港灣區政府公佈，本年度將投入約38億(yì)元推進(jìn)舊區重建，預計(jì)惠及逾２萬(wàn)戶居民；\
去年全區錄得投訴約4 600宗，較前年下降逾三成，處理時間由平均45日縮短至28日。
會議要求，各部門須於2025年6月30日前完成首批項目審批，並在兩年內(nèi)建成不少於1.5萬個公共充電樁。
"""


# --- texts and workloads -----------------------------------------------------------------------


def corpus_texts() -> tuple[str, list[str]]:
    """Where the texts come from, and the texts: the shared corpus, else the embedded sample."""
    paths = genre.corpus_paths()
    if paths:
        return f"shared corpus, {len(paths)} texts", [p.read_text("utf-8") for p in paths]
    return "embedded sample", [EMBEDDED_SAMPLE]


def utf8_size(texts: Sequence[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def interleaved(texts: Sequence[str]) -> str:
    """The lines of all the texts, interleaved in proportion to each text's length (a line goes
    where it stands in its own text), so that any leading part holds the same mix of texts as
    the whole; without this, a slice would measure the first text alone."""
    lines = []
    for index, text in enumerate(texts):
        offset = 0
        for line in text.splitlines(keepends=True):
            lines.append((offset / len(text), index, line if line.endswith("\n") else line + "\n"))
            offset += len(line)
    lines.sort(key=lambda entry: entry[:2])
    return "".join(line for _, _, line in lines)


def repeated_to(text: str, size: int) -> str:
    """``text`` repeated until the result holds at least ``size`` bytes."""
    return text * max(1, math.ceil(size / len(text.encode("utf-8"))))


def leading_part(text: str, size: int) -> str:
    """The leading ``size`` bytes of ``text`` or fewer, cut after a line break when there is
    one, else at a character boundary."""
    head = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    line_end = head.rfind("\n")
    return head[: line_end + 1] if line_end > 0 else head


@dataclass
class Workload:
    name: str
    description: str
    documents: list[str]
    # How a slice is taken: "each" cuts every document to the same leading fraction (the
    # corpus texts, the one large string); "prefix" keeps the leading whole documents (the
    # paragraphs, already interleaved).
    slicing: str
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.size = utf8_size(self.documents)

    def leading(self, size: int) -> list[str]:
        """About ``size`` bytes of the workload (never more), with the same mix as the whole."""
        if size >= self.size:
            return self.documents
        if self.slicing == "each":
            fraction = size / self.size
            parts = (
                leading_part(d, int(len(d.encode("utf-8")) * fraction)) for d in self.documents
            )
            return [part for part in parts if part]
        out: list[str] = []
        left = size
        for document in self.documents:
            length = len(document.encode("utf-8"))
            if length > left:
                break
            out.append(document)
            left -= length
        return out or [leading_part(self.documents[0], size)]


def workloads(texts: list[str], large_size: int) -> list[Workload]:
    large = repeated_to(interleaved(texts), large_size)
    paragraphs = [line for line in large.split("\n") if line.strip()]
    return [
        Workload("corpus", "each text in one call", texts, "each"),
        Workload(
            "paragraphs",
            f"{len(paragraphs):,} paragraphs of the texts interleaved and repeated, one call each",
            paragraphs,
            "prefix",
        ),
        Workload("large", "the texts interleaved and repeated, one string", [large], "each"),
    ]


# --- the functions -----------------------------------------------------------------------------

# A function under test takes the documents of a workload and returns how many items it found.
Runner = Callable[[list[str]], int | None]


@dataclass
class Function:
    name: str
    library: str
    run: Runner | None = None
    # For a peer: the name of our function doing the closest job, for the ratio.
    closest: str | None = None
    missing: str | None = None


def per_text(find: Callable[[str], Any], count: Callable[[Any], int] | None = len) -> Runner:
    """One call per document; the items found, when the result can be counted."""

    def run(documents: list[str]) -> int | None:
        if count is None:
            for text in documents:
                find(text)
            return None
        return sum(count(find(text)) for text in documents)

    return run


def ours() -> list[Function]:
    try:
        import xinzhi_extract as xe
    except ImportError as error:
        return [Function("xinzhi_extract", "xinzhi_extract", missing=f"not installed ({error})")]

    quantities = xe.Extractor(kinds={"quantity"})
    dates = xe.Extractor(kinds={"date"})
    numbers = xe.Extractor(kinds={"number"})
    functions = [
        Function("xinzhi_extract.extract", "xinzhi_extract", per_text(xe.extract)),
        Function(
            'Extractor(kinds={"quantity"}).extract',
            "xinzhi_extract",
            per_text(quantities.extract),
        ),
        Function('Extractor(kinds={"date"}).extract', "xinzhi_extract", per_text(dates.extract)),
        Function(
            'Extractor(kinds={"number"}).extract', "xinzhi_extract", per_text(numbers.extract)
        ),
        Function(
            "extract_batch(threads=1)",
            "xinzhi_extract",
            lambda documents: xe.extract_batch(documents, threads=1).record_count,
        ),
        Function(
            "extract_batch(threads=2)",
            "xinzhi_extract",
            lambda documents: xe.extract_batch(documents, threads=2).record_count,
        ),
    ]
    try:
        import pandas  # noqa: F401
    except ImportError:
        functions.append(Function("to_frame", "xinzhi_extract", missing="pandas not installed"))
    else:
        functions.append(
            Function("to_frame", "xinzhi_extract", lambda documents: len(xe.to_frame(documents)))
        )
    return functions


def patch_emoji_for_recognizers() -> None:
    try:
        import emoji
    except ImportError:
        return
    if not hasattr(emoji, "UNICODE_EMOJI") and hasattr(emoji, "EMOJI_DATA"):
        emoji.UNICODE_EMOJI = emoji.EMOJI_DATA


def peers() -> list[Function]:
    """Every peer function, imported now (before any timing), or marked as missing."""
    out: list[Function] = []

    def add(library: str, load: Callable[[], list[Function]], names: list[str]) -> None:
        try:
            with contextlib.redirect_stdout(sys.stderr):
                out.extend(load())
        except ImportError:
            out.extend(Function(n, library, missing="not installed") for n in names)
        except Exception as error:  # noqa: BLE001 (a peer that breaks on import is reported)
            reason = f"import failed: {type(error).__name__}: {error}"
            out.extend(Function(n, library, missing=reason) for n in names)

    def cn2an_functions() -> list[Function]:
        import cn2an

        transform = cn2an.transform
        return [
            Function(
                'cn2an.transform(text, "cn2an")',
                "cn2an",
                per_text(lambda text: transform(text, "cn2an"), count=None),
                closest='Extractor(kinds={"number"}).extract',
            )
        ]

    def jionlp_functions() -> list[Function]:
        import jionlp

        extract_money, extract_time = jionlp.ner.extract_money, jionlp.ner.extract_time
        return [
            Function(
                "jionlp.ner.extract_money",
                "jionlp",
                per_text(extract_money),
                closest='Extractor(kinds={"quantity"}).extract',
            ),
            Function(
                "jionlp.ner.extract_time",
                "jionlp",
                per_text(extract_time),
                closest='Extractor(kinds={"date"}).extract',
            ),
        ]

    def chinese2digits_functions() -> list[Function]:
        import chinese2digits

        take = chinese2digits.takeNumberFromString
        return [
            Function(
                "chinese2digits.takeNumberFromString",
                "chinese2digits",
                per_text(take, lambda found: len(found.get("digitsStringList", []))),
                closest='Extractor(kinds={"number"}).extract',
            )
        ]

    def recognizers_functions() -> list[Function]:
        patch_emoji_for_recognizers()
        import recognizers_number
        import recognizers_number_with_unit
        from recognizers_text import Culture

        chinese = Culture.Chinese
        number_model = recognizers_number.NumberRecognizer(chinese).get_number_model(chinese)
        currency_model = recognizers_number_with_unit.NumberWithUnitRecognizer(
            chinese
        ).get_currency_model(chinese)
        return [
            Function(
                "recognize_number(text, Culture.Chinese)",
                "recognizers-text",
                per_text(lambda text: recognizers_number.recognize_number(text, chinese)),
                closest='Extractor(kinds={"number"}).extract',
            ),
            Function(
                "NumberRecognizer number model, built once",
                "recognizers-text",
                per_text(number_model.parse),
                closest='Extractor(kinds={"number"}).extract',
            ),
            Function(
                "recognize_currency(text, Culture.Chinese)",
                "recognizers-text",
                per_text(
                    lambda text: recognizers_number_with_unit.recognize_currency(text, chinese)
                ),
                closest='Extractor(kinds={"quantity"}).extract',
            ),
            Function(
                "NumberWithUnitRecognizer currency model, built once",
                "recognizers-text",
                per_text(currency_model.parse),
                closest='Extractor(kinds={"quantity"}).extract',
            ),
        ]

    add("cn2an", cn2an_functions, ['cn2an.transform(text, "cn2an")'])
    add("jionlp", jionlp_functions, ["jionlp.ner.extract_money", "jionlp.ner.extract_time"])
    add("chinese2digits", chinese2digits_functions, ["chinese2digits.takeNumberFromString"])
    add(
        "recognizers-text",
        recognizers_functions,
        ["recognize_number(text, Culture.Chinese)", "recognize_currency(text, Culture.Chinese)"],
    )
    return out


# --- timing ------------------------------------------------------------------------------------


@dataclass
class Timing:
    function: str
    library: str
    workload: str
    input_bytes: int
    timed_bytes: int
    median_s: float
    median_cpu_s: float
    items: int | None
    # Cores that other processes of the machine kept busy while this was timed, on average.
    others_busy: float | None

    @property
    def mb_per_s(self) -> float:
        return self.timed_bytes / MEGABYTE / self.median_s

    @property
    def sliced(self) -> bool:
        return self.timed_bytes < self.input_bytes


def once(run: Runner, documents: list[str]) -> tuple[float, int | None]:
    start = time.perf_counter()
    items = run(documents)
    return time.perf_counter() - start, items


def measure(
    function: Function, workload: Workload, repeat: int, budget: float, min_sample: float
) -> Timing:
    assert function.run is not None
    run = function.run
    # Probe on a few kilobytes: the first call pays for lazy loading, the second is timed.
    probe = workload.leading(min(workload.size, 8_000))
    once(run, probe)
    probe_seconds, _ = once(run, probe)
    estimate = probe_seconds * workload.size / max(utf8_size(probe), 1)
    documents = workload.documents
    if estimate > budget:
        documents = workload.leading(max(int(workload.size * budget / estimate), 8_000))

    gc.collect()
    warm_seconds, items = once(run, documents)  # warm-up run, also the loop calibration
    loops = max(1, math.ceil(min_sample / max(warm_seconds, 1e-9)))
    samples, cpu_samples = [], []
    busy_before, ours_before, wall_before = (
        busy_seconds(),
        time.process_time(),
        time.perf_counter(),
    )
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(loops):
            run(documents)
        samples.append((time.perf_counter() - start) / loops)
        cpu_samples.append((time.process_time() - cpu_start) / loops)
    busy_after, ours_after, wall_after = (
        busy_seconds(),
        time.process_time(),
        time.perf_counter(),
    )
    others_busy = None
    if busy_before is not None and busy_after is not None:
        others = (busy_after - busy_before) - (ours_after - ours_before)
        others_busy = max(others, 0.0) / (wall_after - wall_before)
    return Timing(
        function=function.name,
        library=function.library,
        workload=workload.name,
        input_bytes=workload.size,
        timed_bytes=utf8_size(documents),
        median_s=statistics.median(samples),
        median_cpu_s=statistics.median(cpu_samples),
        items=items,
        others_busy=others_busy,
    )


def ratio(timings: dict[tuple[str, str], Timing], ours: str | None, theirs: Timing) -> float | None:
    mine = timings.get((ours, theirs.workload)) if ours else None
    return round(mine.mb_per_s / theirs.mb_per_s, 1) if mine else None


# --- output ------------------------------------------------------------------------------------


def selected(function: Function, only: list[str]) -> bool:
    if not only:
        return True
    label = f"{function.library} {function.name}".lower()
    return any(word.lower() in label for word in only)


def size_label(size: int) -> str:
    return f"{size / MEGABYTE:.3f} MB" if size >= 100_000 else f"{size / 1000:.1f} KB"


@dataclass
class Results:
    """What a run measured, for the reports."""

    source: str
    loads: list[Workload]
    timings: dict[tuple[str, str], Timing]
    missing: list[Function]
    args: argparse.Namespace
    closest: dict[str, str | None]


def report_text(results: Results) -> None:
    print(
        f"texts: {results.source}; medians of {results.args.repeat} samples after a warm-up; "
        f"budget {results.args.budget:g} s per run; Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    print("busy = cores other processes kept busy meanwhile; ratio = our MB/s divided by")
    print("theirs: closest function of ours / extract, every kind")
    for workload in results.loads:
        rows = [t for t in results.timings.values() if t.workload == workload.name]
        if not rows:
            continue
        print(f"\n{workload.name}: {workload.description}, {size_label(workload.size)}")
        width = max(len(t.function) for t in rows)
        for t in rows:
            items = f"{t.items:,}" if t.items is not None else "-"
            busy = f"{t.others_busy:.1f}" if t.others_busy is not None else "?"
            line = (
                f"  {t.function:<{width}}  {t.mb_per_s:9.3f} MB/s  {items:>8} items  {busy:>4} busy"
            )
            if t.library != "xinzhi_extract":
                like, every = (
                    ratio(results.timings, results.closest[t.function], t),
                    ratio(results.timings, "xinzhi_extract.extract", t),
                )
                shown = [f"{r:,.1f}x" if r is not None else "-" for r in (like, every)]
                line += f"  ours {shown[0]} / {shown[1]}"
            if t.sliced:
                line += f"  (timed on {size_label(t.timed_bytes)})"
            print(line)
    if results.missing:
        print()
        for function in results.missing:
            print(f"  {function.library}: {function.name}: {function.missing}")


def report_markdown(results: Results) -> None:
    names = list(dict.fromkeys(t.function for t in results.timings.values()))
    libraries = {t.function: t.library for t in results.timings.values()}
    shown = [
        w for w in results.loads if any(t.workload == w.name for t in results.timings.values())
    ]
    heads = [f"{w.name} ({size_label(w.size)})" for w in shown]
    busiest = max((t.others_busy or 0.0 for t in results.timings.values()), default=0.0)
    print(
        f"MB/s, median of {results.args.repeat}; texts: {results.source}; "
        "* timed on a slice of the workload; "
        f"other processes kept at most {busiest:.1f} of {os.cpu_count()} cores busy"
    )
    print()
    print("| library | function | " + " | ".join(heads) + " | ours ÷ theirs |")
    print("|---|---|" + "---:|" * len(shown) + "---|")
    for name in names:
        cells, ratios = [], []
        for workload in shown:
            t = results.timings.get((name, workload.name))
            if t is None:
                cells.append("-")
                continue
            cells.append(f"{t.mb_per_s:.3g}" + ("*" if t.sliced else ""))
            if t.library != "xinzhi_extract":
                r = ratio(results.timings, results.closest[name], t)
                ratios.append(f"{r:,.0f}x" if r is not None else "-")
        versus = " / ".join(ratios)
        if ratios and results.closest[name]:
            versus += f" (vs `{results.closest[name]}`)"
        print(f"| {libraries[name]} | `{name}` | " + " | ".join(cells) + f" | {versus} |")
    for function in results.missing:
        print(f"\n{function.library}: `{function.name}`: {function.missing}")


def report_json(results: Results) -> None:
    rows = []
    for t in results.timings.values():
        row: dict[str, Any] = {
            "library": t.library,
            "function": t.function,
            "workload": t.workload,
            "mb_per_s": round(t.mb_per_s, 4),
            "median_ms": round(t.median_s * 1e3, 3),
            "median_cpu_ms": round(t.median_cpu_s * 1e3, 3),
            "others_busy_cores": round(t.others_busy, 2) if t.others_busy is not None else None,
            "input_bytes": t.input_bytes,
            "timed_bytes": t.timed_bytes,
            "items": t.items,
        }
        if t.library != "xinzhi_extract":
            row["closest"] = results.closest[t.function]
            row["ratio_closest"] = ratio(results.timings, results.closest[t.function], t)
            row["ratio_extract"] = ratio(results.timings, "xinzhi_extract.extract", t)
        rows.append(row)
    print(
        json.dumps(
            {
                "texts": results.source,
                "repeat": results.args.repeat,
                "budget_s": results.args.budget,
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "workloads": {
                    w.name: {"description": w.description, "bytes": w.size} for w in results.loads
                },
                "results": rows,
                "unavailable": {f"{f.library}: {f.name}": f.missing for f in results.missing},
            },
            ensure_ascii=False,
            indent=2,
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed samples per figure")
    parser.add_argument(
        "--budget", type=float, default=1.0, help="seconds one run may take before slicing"
    )
    parser.add_argument(
        "--min-sample", type=float, default=0.05, help="seconds a timed sample lasts at least"
    )
    parser.add_argument(
        "--large-mb", type=float, default=1.0, help="size of the concatenated text, in MB"
    )
    parser.add_argument(
        "--workload",
        action="append",
        choices=["corpus", "paragraphs", "large"],
        help="time only this workload (repeatable)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="time only functions whose library or name contains NAME (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--save", metavar="FILE", help="also write the JSON report to FILE")
    args = parser.parse_args()

    # Everything is imported before the first timing.
    functions = ours() + peers()
    closest = {f.name: f.closest for f in functions}
    chosen = {f.name for f in functions if selected(f, args.only)}
    # A peer's ratios need our functions it is compared with, whatever --only says.
    for function in functions:
        if function.name in chosen and function.closest:
            chosen |= {function.closest, "xinzhi_extract.extract"}
    available = [f for f in functions if f.run is not None and f.name in chosen]
    missing = [f for f in functions if f.run is None and f.name in chosen]

    source, texts = corpus_texts()
    loads = workloads(texts, int(args.large_mb * MEGABYTE))
    if args.workload:
        loads = [w for w in loads if w.name in args.workload]

    timings: dict[tuple[str, str], Timing] = {}
    for workload in loads:
        for function in available:
            print(f"timing {function.name} on {workload.name}", file=sys.stderr, flush=True)
            try:
                timing = measure(function, workload, args.repeat, args.budget, args.min_sample)
            except Exception as error:  # noqa: BLE001 (a peer failing on a text is a finding)
                failed = Function(function.name, function.library)
                failed.missing = f"failed on {workload.name}: {type(error).__name__}: {error}"
                missing.append(failed)
                continue
            timings[(function.name, workload.name)] = timing

    report = report_json if args.json else report_markdown if args.markdown else report_text
    results = Results(source, loads, timings, missing, args, closest)
    report(results)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
            report_json(results)


if __name__ == "__main__":
    main()
