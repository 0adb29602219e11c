"""The command under inputs that never end or are too large (``--max-size``), and the messages
it prints about hostile input: every one reaches the terminal sanitised."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# Each run must end on its own: a hang fails the test instead of the suite.
TIMEOUT = 60
PASSAGE = "2023年，全省新增规上工业企业77家，完成投资8990萬元，同比增长16%。"


def _command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "xinzhi_extract.cli", *map(str, args)]


def run_cli(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        _command(*args), input=stdin, capture_output=True, timeout=TIMEOUT, check=False
    )


def _feed_forever(sink: object, start: bytes = b"", line: str = PASSAGE + "\n") -> None:
    """Write ``start``, then ``line`` again and again to ``sink`` (a binary file) until its
    reader goes away."""
    chunk = line.encode() * 4096
    try:
        sink.write(start)  # type: ignore[attr-defined]
        while True:
            sink.write(chunk)  # type: ignore[attr-defined]
    except (BrokenPipeError, ValueError, OSError):
        pass
    finally:
        try:
            sink.close()  # type: ignore[attr-defined]
        except OSError:
            pass


@pytest.fixture
def endless_fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe that a thread fills with text for as long as it is read."""
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)

    def fill() -> None:
        with open(fifo, "wb") as sink:
            _feed_forever(sink)

    thread = threading.Thread(target=fill, daemon=True)
    thread.start()
    yield fifo
    # Unblock the writer if the command never opened the pipe.
    try:
        descriptor = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        os.close(descriptor)
    except OSError:
        pass
    thread.join(timeout=5)


# (input, extra options, exit code, what standard error says)
DEVICE_CASES = [
    ("/dev/zero", ["--max-size", "64k"], 1, "/dev/zero: input larger than --max-size 64k"),
    (
        "/dev/zero",
        ["--max-size", "64k", "--input-format", "jsonl"],
        1,
        "/dev/zero:1: line larger than --max-size 64k",
    ),
    (
        "/dev/zero",
        ["--max-size", "64k", "--input-format", "csv"],
        1,
        "/dev/zero:1: line larger than --max-size 64k",
    ),
    (
        "/dev/urandom",
        ["--max-size", "1M", "--encoding", "latin-1"],
        1,
        "/dev/urandom: input larger than --max-size 1M",
    ),
    (
        "/dev/zero",
        ["--max-size", "64k", "--on-error", "skip"],
        0,
        "skipped /dev/zero: input larger than --max-size 64k",
    ),
]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(("source", "options", "code", "message"), DEVICE_CASES)
def test_endless_devices_stop_at_the_size_limit(
    source: str, options: list[str], code: int, message: str
) -> None:
    result = run_cli(source, *options, "--format", "jsonl")
    assert result.returncode == code, result.stderr
    assert message in result.stderr.decode(), result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_endless_named_pipe_stops_at_the_size_limit(endless_fifo: Path) -> None:
    result = run_cli(endless_fifo, "--max-size", "2M", "--format", "jsonl")
    assert result.returncode == 1, result.stderr
    assert f"{endless_fifo}: input larger than --max-size 2M" in result.stderr.decode()


# (options, what standard input starts with, what follows again and again)
ENDLESS_STDIN = [
    ([], b"", PASSAGE + "\n"),
    # One JSON line whose text never ends.
    (["--input-format", "jsonl"], b'{"text": "', PASSAGE),
]


@pytest.mark.parametrize(("options", "start", "line"), ENDLESS_STDIN)
def test_endless_standard_input_is_a_usage_error_past_the_limit(
    options: list[str], start: bytes, line: str
) -> None:
    with subprocess.Popen(
        _command("-", "--max-size", "1M", "--format", "jsonl", *options),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as process:
        feeder = threading.Thread(
            target=_feed_forever, args=(process.stdin, start, line), daemon=True
        )
        feeder.start()
        assert process.stderr is not None
        error = process.stderr.read().decode()
        code = process.wait(timeout=TIMEOUT)
        feeder.join(timeout=5)
    assert code == 2, error
    assert "<stdin>" in error and "larger than --max-size 1M" in error, error


def test_a_jsonl_line_over_the_limit_is_reported_and_lines_before_it_kept(
    tmp_path: Path,
) -> None:
    source = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a", "text": PASSAGE}, ensure_ascii=False),
        json.dumps({"id": "b", "text": PASSAGE * 200}, ensure_ascii=False),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    failed = run_cli(source, "--id-field", "id", "--max-size", "4k", "-o", output)
    assert failed.returncode == 1
    assert f"{source}:2: line larger than --max-size 4k" in failed.stderr.decode()
    docs = {json.loads(line)["doc"] for line in output.read_text(encoding="utf-8").splitlines()}
    assert docs == {"a"}
    skipped = run_cli(source, "--id-field", "id", "--max-size", "4k", "--on-error", "skip")
    assert skipped.returncode == 0
    assert "1 input skipped" in skipped.stderr.decode()
    # Without the small limit, the long line is read whole.
    whole = run_cli(source, "--id-field", "id", "--format", "jsonl")
    assert {json.loads(line)["doc"] for line in whole.stdout.decode().splitlines()} == {"a", "b"}


def test_a_text_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    small, large = tmp_path / "a.txt", tmp_path / "b.txt"
    small.write_text(PASSAGE, encoding="utf-8")
    large.write_text(PASSAGE * 100, encoding="utf-8")
    result = run_cli(tmp_path, "--max-size", "1k", "--on-error", "skip", "--format", "jsonl")
    assert result.returncode == 0
    assert f"skipped {large}: input larger than --max-size 1k" in result.stderr.decode()
    docs = {json.loads(line)["doc"] for line in result.stdout.decode().splitlines()}
    assert docs == {str(small)}


@pytest.mark.parametrize("value", ["lots", "-1", "1.5M", "1X", ""])
def test_a_bad_size_is_a_usage_error(value: str) -> None:
    result = run_cli("--max-size", value, "-")
    assert result.returncode == 2
    assert "--max-size" in result.stderr.decode()


def test_the_default_size_limit_is_documented() -> None:
    help_text = run_cli("--help").stdout.decode()
    assert "--max-size" in help_text and "default 256M" in help_text


# --- messages reaching the terminal ----------------------------------------------------------

TITLE = "\x1b]0;PWNED\x07"
USAGE_ERRORS = [
    [f"--unknown{TITLE}", "-"],
    ["--format", f"xml{TITLE}", "-"],
    ["--threads", f"2{TITLE}", "-"],
    ["--max-size", f"1{TITLE}", "-"],
    ["--encoding", f"utf{TITLE}", "-"],
    ["--kinds", f"money{TITLE}", "-"],
    ["-o", f"out{TITLE}.xml", "-"],
    ["--on-error", f"x{TITLE}", "-"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=repr)
def test_usage_errors_reach_the_terminal_sanitised(args: list[str]) -> None:
    result = run_cli(*args)
    error = result.stderr.decode()
    assert result.returncode == 2, error
    assert "\x1b" not in error and "\x07" not in error, error
    # Shown, made visible: as control pictures, or as escapes where the value is quoted.
    assert "␛]0;PWNED␇" in error or "\\x1b]0;PWNED\\x07" in error, error


MALFORMED = [
    # (line, what the message quotes)
    ('{"text": 77家}', "'{\"text\": 77家}'"),
    ('{"text": "' + "甲" * 80 + '", 77}', "…'" + "甲" * 20),
    ('{"id": "\x1b]0;PWNED\x07", oops}', "\\x1b]0;PWNED\\x07"),
    ('{"text": "\x9b31m" x}', "\\x9b31m"),
]


@pytest.mark.parametrize(("line", "quoted"), MALFORMED, ids=repr)
def test_malformed_json_lines_are_quoted_whole_and_safe(
    tmp_path: Path, line: str, quoted: str
) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    result = run_cli(source)
    error = result.stderr.decode()
    assert result.returncode == 1
    assert f"{source}:1: malformed JSON at column" in error
    assert quoted in error, error
    assert not any(c in error for c in "\x1b\x07\x9b"), error
