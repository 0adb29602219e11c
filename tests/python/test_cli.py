"""The ``xinzhi-extract`` command, run as a user runs it: a separate process, real files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import SAMPLE
from xinzhi_extract.highlight import display_width

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SUMMARY = re.compile(
    r"^xinzhi-extract: (\d+) documents?, [\d.,]+ [kM]B, ([\d,]+) records in [\d.,]+ s "
    r"\([\d.,]+ MB/s\)(?:; (\d+) inputs? skipped)?$"
)

# Short passages in the genre, written for these tests: money, counts, percentages, dates,
# a title, traditional script with a pinyin annotation.
PASSAGES = {
    "gansu": "2023年，全省新增规上工业企业77家，完成投资8990萬元，同比增长16%。",
    "tianjin": "天津市印發《天津市推動製造業高質量發展若干措施》，支持資金約4.2億元。",
    "roundup": "2024年以来，全省新建5G基站約5萬(wàn)個，覆盖率近65%，用时3年左右。",
}


def run_cli(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "xinzhi_extract.cli", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def jsonl_rows(output: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.decode("utf-8").splitlines()]


def expected_rows(doc: object, text: str, **options: Any) -> list[dict[str, object]]:
    extractor = xe.Extractor(**options) if options else None
    records = extractor.extract(text) if extractor else xe.extract(text)
    return [{"doc": doc, **record.to_dict()} for record in records]


def stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


@pytest.fixture
def passages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "nested").mkdir(parents=True)
    for name, text in PASSAGES.items():
        target = folder / ("nested" if name == "roundup" else "") / f"{name}.txt"
        target.write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("不读这个文件：5万个", encoding="utf-8")
    return folder


# --- the demo ------------------------------------------------------------------------------


def test_demo_prints_every_record_of_the_bundled_sample_as_an_aligned_table() -> None:
    result = run_cli("--demo")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    records = xe.extract(SAMPLE_TEXT)
    assert len(records) >= 20, "the sample is meant to show every kind of record"
    assert {record.kind for record in records} == {"quantity", "date", "title", "number"}
    assert lines[0].startswith("── sample.txt")
    rows = [line for line in lines[1:] if line.strip()]
    assert len(rows) == len(records)
    span_ends = set()
    for row, record in zip(rows, records, strict=True):
        assert row.split()[0] == record.kind
        span = f"{record.start}–{record.end}"
        assert f"  {span}  " in row
        # The span column is right-aligned, so it ends in the same terminal column on every
        # row however many wide characters come before it.
        span_ends.add(display_width(row[: row.index(f"  {span}  ") + 2 + len(span)]))
    assert len(span_ends) == 1
    assert SUMMARY.match(stderr_lines(result)[-1])


def test_demo_honours_an_explicit_format() -> None:
    result = run_cli("--demo", "--format", "jsonl")
    assert result.returncode == 0
    assert jsonl_rows(result.stdout) == expected_rows("sample.txt (bundled demo)", SAMPLE_TEXT)


# --- inputs --------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order_and_matches_the_python_api(
    passages: Path,
) -> None:
    result = run_cli(passages)
    assert result.returncode == 0, result.stderr
    files = [passages / "gansu.txt", passages / "nested" / "roundup.txt", passages / "tianjin.txt"]
    expected = [row for path in files for row in expected_rows(str(path), path.read_text("utf-8"))]
    assert expected, "the passages hold records"
    assert jsonl_rows(result.stdout) == expected
    summary = SUMMARY.match(stderr_lines(result)[-1])
    assert summary
    assert summary.group(1) == "3"
    assert summary.group(2) == str(len(expected))


def test_glob_chooses_other_files_in_folders(passages: Path) -> None:
    result = run_cli(passages, "--glob", "*.md", "--kinds", "quantity")
    assert result.returncode == 0, result.stderr
    assert jsonl_rows(result.stdout) == expected_rows(
        str(passages / "notes.md"), "不读这个文件：5万个", kinds={"quantity"}
    )


def test_standard_input_is_one_text_document() -> None:
    text = PASSAGES["gansu"]
    result = run_cli("-", stdin=text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert jsonl_rows(result.stdout) == expected_rows("<stdin>", text)


def test_jsonl_with_text_and_id_fields(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    rows = [{"url": f"https://example.cn/{name}", "body": text} for name, text in PASSAGES.items()]
    source.write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n\n", encoding="utf-8"
    )
    result = run_cli(source, "--text-field", "body", "--id-field", "url")
    assert result.returncode == 0, result.stderr
    expected = [record for row in rows for record in expected_rows(row["url"], row["body"])]
    assert jsonl_rows(result.stdout) == expected


def test_jsonl_on_standard_input_without_id_field_names_lines() -> None:
    lines = [json.dumps({"text": text}, ensure_ascii=False) for text in PASSAGES.values()]
    result = run_cli("--text-field", "text", stdin="\n".join(lines).encode("utf-8"))
    assert result.returncode == 0, result.stderr
    expected = [
        row
        for number, text in enumerate(PASSAGES.values(), start=1)
        for row in expected_rows(f"<stdin>:{number}", text)
    ]
    assert jsonl_rows(result.stdout) == expected


def test_csv_input_with_quoted_multiline_text(tmp_path: Path) -> None:
    source = tmp_path / "pages.csv"
    texts = {"a-1": PASSAGES["gansu"] + "\n" + PASSAGES["tianjin"], "a-2": PASSAGES["roundup"]}
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "content"])
        for key, text in texts.items():
            writer.writerow([key, "标题", text])
    result = run_cli(source, "--text-field", "content", "--id-field", "id")
    assert result.returncode == 0, result.stderr
    expected = [row for key, text in texts.items() for row in expected_rows(key, text)]
    assert jsonl_rows(result.stdout) == expected

    by_line = run_cli(source, "--text-field", "content")
    # The first row starts on line 2 and spans two lines, so the second starts on line 4.
    assert {row["doc"] for row in jsonl_rows(by_line.stdout)} == {f"{source}:2", f"{source}:4"}


ENCODINGS = [
    # (encoding option, how the file is written, text)
    ("gb18030", "gb18030", PASSAGES["gansu"]),
    ("gbk", "gbk", PASSAGES["roundup"].replace("(wàn)", "")),
    ("big5", "big5", PASSAGES["tianjin"]),
    ("utf-8", "utf-8-sig", PASSAGES["tianjin"]),  # byte order mark, dropped
    ("gb18030", "utf-8-sig", PASSAGES["gansu"]),  # the mark overrides --encoding
    ("utf-8", "utf-16", PASSAGES["roundup"]),  # UTF-16 found by its mark
]


@pytest.mark.parametrize(("option", "written_as", "text"), ENCODINGS)
def test_encodings_and_byte_order_marks(
    tmp_path: Path, option: str, written_as: str, text: str
) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(text.encode(written_as))
    result = run_cli(source, "--encoding", option)
    assert result.returncode == 0, result.stderr
    assert jsonl_rows(result.stdout) == expected_rows(str(source), text)


def test_jsonl_in_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": text}, ensure_ascii=False) for text in PASSAGES.values()]
    source.write_bytes("\n".join(lines).encode("utf-16"))
    result = run_cli(source)
    assert result.returncode == 0, result.stderr
    assert len({row["doc"] for row in jsonl_rows(result.stdout)}) == len(PASSAGES)


def test_kinds_reference_year_and_yuan_currency_reach_the_extractor(tmp_path: Path) -> None:
    text = "今年香港特區政府撥款約4.2億元，去年為8990萬元。" + PASSAGES["tianjin"]
    source = tmp_path / "hk.txt"
    source.write_text(text, encoding="utf-8")
    options = {"kinds": {"quantity", "date"}, "reference_year": 2025, "yuan_currency": "HKD"}
    result = run_cli(
        source, "--kinds", "quantity,date", "--reference-year", "2025", "--yuan-currency", "HKD"
    )
    assert result.returncode == 0, result.stderr
    rows = jsonl_rows(result.stdout)
    assert rows == expected_rows(str(source), text, **options)
    assert {row["kind"] for row in rows} <= {"quantity", "date"}


# --- outputs -------------------------------------------------------------------------------


def test_csv_output_has_every_column_and_the_same_records(passages: Path, tmp_path: Path) -> None:
    target = tmp_path / "records.csv"
    result = run_cli(passages, "-o", target, "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert result.stderr == b""
    reference = jsonl_rows(run_cli(passages).stdout)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(reference)
    for row, expected in zip(rows, reference, strict=True):
        for name, value in expected.items():
            cell = row[name]
            if value is None:
                assert cell == ""
            elif isinstance(value, float):
                assert float(cell) == value
            else:
                assert cell == str(value)


def test_parquet_output_is_typed_and_holds_the_same_records(passages: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "records.parquet"
    result = run_cli(passages, "-o", target)
    assert result.returncode == 0, result.stderr
    table = pq.read_table(target)
    reference = jsonl_rows(run_cli(passages).stdout)
    assert table.num_rows == len(reference)
    assert str(table.schema.field("start").type) == "int64"
    assert str(table.schema.field("value").type) == "double"
    assert str(table.schema.field("is_policy").type) == "bool"
    for row, expected in zip(table.to_pylist(), reference, strict=True):
        assert {name: row[name] for name in expected} == expected


def test_parquet_has_the_schema_of_the_arrow_stream(passages: Path, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "records.parquet"
    assert run_cli(passages, "-o", target).returncode == 0
    from_cli = pq.read_table(target)
    files = sorted(passages.rglob("*.txt"), key=lambda path: path.parts)
    texts = [path.read_text(encoding="utf-8") for path in files]
    from_python = pa.table(xe.extract_batch(texts, ids=[str(path) for path in files]))
    assert from_cli.schema == from_python.schema
    assert str(from_cli.schema.field("year").type) == "int32"
    assert (
        str(from_cli.schema.field("kind").type)
        == "dictionary<values=string, indices=int8, ordered=0>"
    )
    assert from_cli.equals(from_python)
    both = pa.concat_tables([from_cli, from_python])
    assert both.num_rows == 2 * from_python.num_rows
    # The CSV columns are the same, in the same order.
    csv_header = run_cli(passages, "--format", "csv").stdout.decode().splitlines()[0]
    assert csv_header.split(",") == from_python.column_names


def test_every_record_field_has_an_output_column() -> None:
    from xinzhi_extract.cli import COLUMNS

    columns = {name for name, _ in COLUMNS}
    fields = {name for record in xe.extract(SAMPLE_TEXT) for name in record.to_dict()}
    assert fields <= columns, fields - columns


def test_html_output_replaces_standard_output_when_alone(passages: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run_cli(passages, "--html", page)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('<section class="xz-doc"') == 3
    total = len(jsonl_rows(run_cli(passages).stdout))
    assert html.count("<tr data-record=") == total


# --- errors --------------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Each bad input: the command line and what its one-line message must name."""
    undecodable = tmp_path / "gbk_page.txt"
    undecodable.write_bytes("全省77家".encode() + "企业".encode("gbk"))
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text(
        '{"text": "2023年新增77家"}\n{"text": "2024年投资8990萬元"}\n{"text": "5萬個\n', "utf-8"
    )
    no_field = tmp_path / "no_field.jsonl"
    no_field.write_text('{"text": "77家"}\n{"body": "8990萬元"}\n', "utf-8")
    not_text = tmp_path / "not_text.jsonl"
    not_text.write_text('{"text": null}\n', "utf-8")
    bad_line = tmp_path / "bad_line.jsonl"
    bad_line.write_bytes(b'{"text": "77\xe5\xae\xb6"}\n{"text": "\xd5\xfe"}\n')
    no_column = tmp_path / "no_column.csv"
    no_column.write_text("id,body\n1,77家\n", "utf-8")
    short_row = tmp_path / "short_row.csv"
    short_row.write_text("id,text\n1,77家\n2\n", "utf-8")
    surrogate = tmp_path / "surrogate.jsonl"
    surrogate.write_text('{"text": "2023年"}\n{"text": "新增77家\\ud800"}\n', "utf-8")
    missing = tmp_path / "missing.txt"
    # The GBK bytes start after 全省77家, 11 bytes of UTF-8; the bad JSONL line's after the
    # first line and the 10 bytes of its opening.
    bad_line_offset = len(bad_line.read_bytes().split(b"\n")[0]) + 1 + len(b'{"text": "')
    return {
        "missing file": ([str(missing)], f"{missing}: no such file or folder"),
        "undecodable bytes": ([str(undecodable)], f"{undecodable}: byte 11: bytes"),
        "malformed JSONL line": ([str(bad_json)], f"{bad_json}:3: malformed JSON"),
        "missing text field": ([str(no_field)], f"{no_field}:2: no field 'text'"),
        "text that is not a string": ([str(not_text)], f"{not_text}:1: field 'text' is null"),
        "undecodable JSONL line": (
            [str(bad_line)],
            f"{bad_line}:2: byte {bad_line_offset}: bytes d5",
        ),
        "missing CSV column": ([str(no_column)], f"{no_column}: no column 'text'"),
        "short CSV row": ([str(short_row)], f"{short_row}:3: 1 fields, none for column 'text'"),
        "lone surrogate from a JSON escape": (
            [str(surrogate)],
            f"{surrogate}:2: text holds a lone surrogate '\\ud800' at character 5",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "undecodable bytes",
        "malformed JSONL line",
        "missing text field",
        "text that is not a string",
        "undecodable JSONL line",
        "missing CSV column",
        "short CSV row",
        "lone surrogate from a JSON escape",
    ],
)
def test_bad_input_stops_with_exit_code_1_and_one_line_naming_it(tmp_path: Path, case: str) -> None:
    args, named = _bad_inputs(tmp_path)[case]
    result = run_cli(*args)
    assert result.returncode == 1
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"xinzhi-extract: error: {named}"), lines[0]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_that_cannot_be_read_is_named_with_the_reason() -> None:
    # /proc/self/mem opens for anyone, root included, and every read of it fails.
    result = run_cli("/proc/self/mem")
    assert result.returncode == 1
    message = "/proc/self/mem: cannot read: Input/output error (use --on-error skip to go on)"
    assert stderr_lines(result) == [f"xinzhi-extract: error: {message}"]


def test_fail_writes_every_document_before_the_error(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    good = [PASSAGES["gansu"], PASSAGES["tianjin"]]
    source.write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in good) + "{oops\n",
        "utf-8",
    )
    result = run_cli(source)
    assert result.returncode == 1
    expected = [
        row
        for number, text in enumerate(good, start=1)
        for row in expected_rows(f"{source}:{number}", text)
    ]
    assert jsonl_rows(result.stdout) == expected


def test_skip_reports_each_bad_input_and_counts_it(tmp_path: Path) -> None:
    cases = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(PASSAGES["gansu"], "utf-8")
    args = [arg for case_args, _ in cases.values() for arg in case_args]
    result = run_cli(good, *args, "--on-error", "skip")
    assert result.returncode == 0
    lines = stderr_lines(result)
    skipped = [line for line in lines if line.startswith("xinzhi-extract: skipped ")]
    assert len(skipped) == len(cases)
    for line, (_, named) in zip(skipped, cases.values(), strict=True):
        assert line.startswith(f"xinzhi-extract: skipped {named}"), line
    summary = SUMMARY.match(lines[-1])
    assert summary
    assert summary.group(3) == str(len(cases))
    # Every document is accounted for: good.txt, and the good lines and rows around the bad
    # ones (two in bad.jsonl, one each in no_field, bad_line, short_row and surrogate).
    assert summary.group(1) == "7"
    # The good lines of the partly bad files still yield their records.
    docs = {row["doc"] for row in jsonl_rows(result.stdout)}
    bad_json = next(arg for arg in args if arg.endswith("bad.jsonl"))
    assert {str(good), f"{bad_json}:1", f"{bad_json}:2"} <= docs


USAGE_ERRORS = [
    ["--kinds", "money"],
    ["--demo", "page.txt"],
    ["--encoding", "gb-nonexistent", "-"],
    ["--threads", "0", "-"],
    ["--format", "xml", "-"],
    ["--on-error", "ignore", "-"],
    ["--reference-year", "twenty", "-"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=lambda args: " ".join(args))
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage: xinzhi-extract" in result.stderr.decode("utf-8")


def test_help_documents_the_exit_codes() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    for code in ("0", "1", "2", "130", "141"):
        assert re.search(rf"^  {code} ", text, re.MULTILINE), code


def test_closed_standard_output_exits_quietly(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    line = json.dumps({"text": SAMPLE_TEXT}, ensure_ascii=False) + "\n"
    source.write_text(line * 2000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "xinzhi_extract.cli", str(source), "--batch-size", "16"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=120) == 141
    assert json.loads(first)["doc"] == f"{source}:1"
    assert b"Traceback" not in error


# --- terminals ----------------------------------------------------------------------------


def _run_in_terminal(args: Sequence[str]) -> tuple[int, str]:
    """Runs the command with standard output and error on a pseudo-terminal."""
    pty = pytest.importorskip("pty")
    command = [sys.executable, "-m", "xinzhi_extract.cli", *args]
    chunks: list[bytes] = []

    def read(fd: int) -> bytes:
        data = os.read(fd, 65536)
        chunks.append(data)
        return data

    status = pty.spawn(command, read)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_output_is_a_table(passages: Path) -> None:
    code, output = _run_in_terminal([str(passages / "gansu.txt")])
    assert code == 0
    records = xe.extract(PASSAGES["gansu"])
    assert f"── {passages / 'gansu.txt'}" in output
    for record in records:
        assert f"{record.start}–{record.end}" in output
    assert "{" not in output, "no JSON on a terminal unless asked for"


def test_progress_line_reports_documents_megabytes_records_and_rate() -> None:
    from xinzhi_extract.cli import Progress, Tally

    stream = io.StringIO()
    progress = Progress(stream, enabled=True, total_bytes=4_000_000)
    tally = Tally(documents=1200, input_bytes=3_000_000, records=45_000, started=0.0)
    progress.update(tally)
    line = stream.getvalue()
    assert line.startswith("\r[")
    assert " 75%" in line
    assert "1,200 docs" in line
    assert "3.0 MB" in line
    assert "45,000 records" in line
    assert "MB/s" in line
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_no_progress_line_when_standard_error_is_not_a_terminal(passages: Path) -> None:
    result = run_cli(passages)
    assert b"\r" not in result.stderr
    assert len(stderr_lines(result)) == 1


def test_installed_script_runs() -> None:
    script = shutil.which("xinzhi-extract")
    if script is None:
        pytest.skip("xinzhi-extract is not on PATH (package not installed)")
    result = subprocess.run([script, "--version"], capture_output=True, check=False)
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"xinzhi-extract {xe.__version__}"


# --- output file types and the summary -----------------------------------------------------

OUTPUT_NAMES = [
    ("records.xlsx", 2, "unknown file type '.xlsx'"),
    ("records", 2, "unknown file type '(none)'"),
    ("records.json", 0, ""),
    ("records.ndjson", 0, ""),
]


@pytest.mark.parametrize(("name", "code", "message"), OUTPUT_NAMES)
def test_the_output_file_type_comes_from_its_name(
    passages: Path, tmp_path: Path, name: str, code: int, message: str
) -> None:
    result = run_cli(passages, "-o", tmp_path / name)
    assert result.returncode == code, result.stderr
    assert message in result.stderr.decode()
    if code:
        assert not (tmp_path / name).exists()


def test_json_output_is_one_array_of_the_jsonl_objects(passages: Path, tmp_path: Path) -> None:
    target = tmp_path / "records.json"
    assert run_cli(passages, "-o", target).returncode == 0
    array = json.loads(target.read_text(encoding="utf-8"))
    assert array == jsonl_rows(run_cli(passages).stdout)
    assert json.loads(run_cli("-", "--format", "json", stdin="没有数字".encode()).stdout) == []


SUMMARIES = [
    ("全省新增企业77家。", "1 document, ", ", 1 record in"),
    ("没有数字。", "1 document (1 without records), ", ", 0 records in"),
    ("新增企业77家，投资4.2億元。", "1 document, ", ", 2 records in"),
]


@pytest.mark.parametrize(("text", "documents", "records"), SUMMARIES)
def test_the_summary_counts_in_words(text: str, documents: str, records: str) -> None:
    result = run_cli("-", stdin=text.encode())
    summary = result.stderr.decode()
    assert documents in summary and records in summary, summary


# --- hostile input: nothing lost, nothing hung ---------------------------------------------


@pytest.mark.parametrize("size", [131_073, 1_000_000])
def test_csv_fields_of_any_size_are_read_whole(tmp_path: Path, size: int) -> None:
    body = "全省新增企业77家。" * (size // 10 + 1)
    source = tmp_path / "long.csv"
    source.write_text(f'id,text\na,"{body}"\nb,投资4.2億元。\n', encoding="utf-8")
    result = run_cli(source, "--id-field", "id", "--on-error", "skip")
    assert result.returncode == 0, result.stderr
    rows = jsonl_rows(result.stdout)
    assert {row["doc"] for row in rows} == {"a", "b"}
    assert sum(row["doc"] == "a" for row in rows) == body.count("77家")
    assert "skipped" not in result.stderr.decode()


@pytest.mark.parametrize("spelling", ["same", "dot", "hardlink"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, spelling: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text("全省新增企业77家。", encoding="utf-8")
    output = {
        "same": source,
        "dot": tmp_path / "." / "a.txt",
        "hardlink": tmp_path / "b.txt",
    }[spelling]
    if spelling == "hardlink":
        os.link(source, output)
    result = run_cli(source, "-o", output, "--format", "jsonl")
    assert result.returncode == 2
    assert "is also an input" in result.stderr.decode()
    assert source.read_text(encoding="utf-8") == "全省新增企业77家。"


def test_a_folder_never_reads_the_runs_own_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("全省新增企业77家。", encoding="utf-8")
    output = tmp_path / "records.txt"
    output.write_text("", encoding="utf-8")
    result = run_cli(tmp_path, "-o", output, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert {row["doc"] for row in jsonl_rows(output.read_bytes())} == {str(tmp_path / "a.txt")}


def test_a_folder_reads_regular_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("全省新增企业77家。", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_cli(tmp_path, "--on-error", "skip")
    assert result.returncode == 0
    assert "pipe.txt: not read: a named pipe" in result.stderr.decode()
    assert len(jsonl_rows(result.stdout)) == 1


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "uu"])
def test_encodings_must_be_text_encodings(tmp_path: Path, codec: str) -> None:
    (tmp_path / "a.txt").write_text("77家", encoding="utf-8")
    result = run_cli(tmp_path / "a.txt", "--encoding", codec)
    assert result.returncode == 2
    assert "is not a text encoding" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_missing_paths_are_reported_before_any_work(passages: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = run_cli(passages, tmp_path / "missing.txt", "-o", target)
    assert result.returncode == 1
    assert "missing.txt: no such file or folder" in result.stderr.decode()
    assert target.read_text(encoding="utf-8") == ""


ESCAPES = [
    ("\u001b]0;PWNED\u0007", "␛]0;PWNED␇"),
    ("id\u009b31m", "id\ufffd31m"),
]


@pytest.mark.parametrize(("raw", "shown"), ESCAPES)
def test_names_reaching_a_terminal_are_sanitised(tmp_path: Path, raw: str, shown: str) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": raw, "text": "77家"}) + "\n", encoding="utf-8")
    table = run_cli(source, "--id-field", "id", "--format", "table").stdout.decode()
    assert "\x1b" not in table and "\x9b" not in table and shown in table
    missing = run_cli(source, "--text-field", raw).stderr.decode()
    assert "\x1b" not in missing and "\x9b" not in missing


# --- the facts table -----------------------------------------------------------------------


def _facts_rows(doc: object, text: str) -> list[dict[str, object]]:
    frame = xe.facts([text])
    rows = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    return [{**row, "doc": doc} for row in rows]


def test_facts_writes_one_row_per_quantity_as_the_python_facts(passages: Path) -> None:
    result = run_cli(passages, "--facts", "--format", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    rows = jsonl_rows(result.stdout)
    expected = [
        row for name in sorted(PASSAGES) for row in _facts_rows(f"{name}.txt", PASSAGES[name])
    ]
    assert [{k: v for k, v in row.items() if k != "doc"} for row in rows] == [
        {k: v for k, v in row.items() if k != "doc"} for row in expected
    ]
    assert {row["subject"] for row in rows} >= {"规上工业企业", "5G基站"}


def test_facts_as_csv_and_parquet_have_the_columns_of_facts(passages: Path, tmp_path: Path) -> None:
    from xinzhi_extract._facts import FACT_COLUMNS

    csv_path = tmp_path / "facts.csv"
    assert run_cli(passages, "--facts", "-o", csv_path, "-q").returncode == 0
    with csv_path.open(encoding="utf-8", newline="") as lines:
        table = list(csv.reader(lines))
    assert tuple(table[0]) == FACT_COLUMNS
    count = sum(len(xe.quantities(text)) for text in PASSAGES.values())
    assert len(table) == 1 + count
    pq = pytest.importorskip("pyarrow.parquet")
    parquet_path = tmp_path / "facts.parquet"
    assert run_cli(passages, "--facts", "-o", parquet_path, "-q").returncode == 0
    read = pq.read_table(parquet_path)
    assert tuple(read.schema.names) == FACT_COLUMNS
    assert read.num_rows == count
    assert str(read.schema.field("year").type) == "int32"


# --- long text files: read and extracted in pieces -----------------------------------------


@pytest.mark.parametrize(
    ("separator", "name"),
    [("\n", "lines"), ("。", "sentences"), ("", "one run")],
)
def test_a_long_text_file_in_pieces_gives_the_records_of_the_whole(
    tmp_path: Path, separator: str, name: str
) -> None:
    from xinzhi_extract.cli.reading import PIECE_CHARACTERS

    unit = separator.join(PASSAGES.values()) + separator
    text = unit * (3 * PIECE_CHARACTERS // len(unit) + 2)
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    result = run_cli(source)
    assert result.returncode == 0, result.stderr
    rows = jsonl_rows(result.stdout)
    whole = [r.to_dict() for r in xe.extract(text)]
    if separator:
        assert [{k: v for k, v in row.items() if k != "doc"} for row in rows] == whole
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
    summary = result.stderr.decode()
    assert "1 document, " in summary and f"{len(rows):,} records" in summary
    table = run_cli(source, "--format", "table").stdout.decode()
    assert table.count("── ") == 1 and f"({len(text):,} characters" in table


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json"])
def test_a_full_disk_is_reported_once_and_leaves_no_partial_file(
    passages: Path, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"records{suffix}"
    result = subprocess.run(
        [sys.executable, "-m", "xinzhi_extract.cli", str(passages), "-o", str(target)],
        capture_output=True,
        preexec_fn=_file_size_limit(1_000),
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.decode().count("cannot write") == 1, result.stderr
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]


def test_standard_output_on_a_full_disk_is_reported_once(passages: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "xinzhi_extract.cli", str(passages)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.decode().count("cannot write") == 1, result.stderr


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "json"])
def test_a_closed_pipe_stops_the_work(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "long.txt"
    source.write_text("全省新增企业77家，总投资约4.2億元。\n" * 100_000, encoding="utf-8")
    command = [sys.executable, "-m", "xinzhi_extract.cli", str(source), "--format", fmt]
    started = time.monotonic()
    whole = subprocess.run([*command, "-q"], capture_output=True, check=False)
    all_of_it = time.monotonic() - started
    assert whole.returncode == 0
    started = time.monotonic()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        code = process.wait(timeout=300)
        stderr = process.stderr.read()
    stopped_after = time.monotonic() - started
    assert code == 141, stderr
    assert b"Traceback" not in stderr
    assert stopped_after < all_of_it / 2, (stopped_after, all_of_it)


def test_a_long_jsonl_text_in_pieces_gives_the_records_of_the_whole(tmp_path: Path) -> None:
    from xinzhi_extract.cli.reading import PIECE_CHARACTERS

    unit = "\n".join(PASSAGES.values()) + "\n"
    text = unit * (3 * PIECE_CHARACTERS // len(unit) + 2)
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    rows = jsonl_rows(run_cli(source, "--id-field", "id").stdout)
    assert [{k: v for k, v in row.items() if k != "doc"} for row in rows] == [
        r.to_dict() for r in xe.extract(text)
    ]


def test_ctrl_c_stops_the_command_within_its_batch(tmp_path: Path) -> None:
    import signal

    source = tmp_path / "long.jsonl"
    line = json.dumps({"text": "全省新增企业77家，总投资约4.2億元。" * 2000})
    source.write_text((line + "\n") * 2000, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "xinzhi_extract.cli",
        str(source),
        "-o",
        str(tmp_path / "o.csv"),
    ]
    with subprocess.Popen(command, stderr=subprocess.PIPE) as process:
        time.sleep(2.0)
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        sent = time.monotonic()
        code = process.wait(timeout=60)
        latency = time.monotonic() - sent
        stderr = process.stderr.read() if process.stderr else b""
    assert code == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert latency < 2.0, f"{latency:.2f} s from Ctrl-C to exit"
    rows = (tmp_path / "o.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("doc,kind,text")


# --- --encoding auto -----------------------------------------------------------------------

# News sentences of the genre in both scripts (written for these tests).
SIMPLIFIED = (
    "2023年，全省地区生产总值增长6.4%，新增规上工业企业77家，完成固定资产投资3000亿元。"
    "省政府印发《关于推动制造业高质量发展的实施意见》，支持资金约4.2亿元，惠及企业1200家。\n"
) * 20
TRADITIONAL = (
    "2023年，全港本地生產總值增長3.2%，新增企業77家，政府投資約4.2億元。"
    "特區政府公布《香港創新科技發展藍圖》，資助金額達8990萬元，受惠機構逾1200個。\n"
) * 20

AUTO = [
    ("simplified.txt", SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("simplified.txt", SIMPLIFIED.encode("gb18030"), "gb18030"),
    ("traditional.txt", TRADITIONAL.encode("big5"), "big5"),
    ("traditional.txt", TRADITIONAL.encode("utf-8"), "utf-8"),
    ("traditional.txt", TRADITIONAL.encode("gb18030"), "gb18030"),
    ("bom.txt", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("ascii.txt", b"GDP grew 6.4% in 2023.", "utf-8"),
]


@pytest.mark.parametrize(("name", "data", "encoding"), AUTO, ids=lambda v: str(v)[:20])
def test_encoding_auto_reads_each_file_in_its_encoding(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    result = run_cli(source, "--encoding", "auto", "--verbose")
    assert result.returncode == 0, result.stderr
    assert f"encoding {encoding} (confidence" in result.stderr.decode()
    text = data.decode(encoding).lstrip("\ufeff")
    rows = jsonl_rows(result.stdout)
    assert [{k: v for k, v in r.items() if k != "doc"} for r in rows] == [
        r.to_dict() for r in xe.extract(text)
    ]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [(TRADITIONAL.encode("big5"), "gb18030"), (SIMPLIFIED.encode("gb18030"), "big5")],
)
def test_mojibake_from_the_wrong_chinese_encoding_is_refused(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    source = tmp_path / "page.txt"
    source.write_bytes(data)
    result = run_cli(source, "--encoding", encoding)
    assert result.returncode == 1
    assert result.stdout == b""
    message = result.stderr.decode()
    assert "page.txt" in message and (
        "not Chinese text" in message or "do not decode" in message
    ), message


def test_encoding_auto_refuses_when_unsure(tmp_path: Path) -> None:
    source = tmp_path / "noise.txt"
    source.write_bytes(bytes(range(0x81, 0xFF)) * 40)
    result = run_cli(source, "--encoding", "auto")
    assert result.returncode == 1
    assert "cannot tell its encoding" in result.stderr.decode()
