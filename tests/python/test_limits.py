"""The edges of the Python surface: numerals' kinds, values read from any number type, thread
counts past any machine, Ctrl-C during a long batch, texts past 4 GiB."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre
from interrupting import seconds_to_interrupt

# (numeral, value, kind): the kind the core reads, returned on request.
KINDS = [
    ("一百二十三", 123, "cardinal"),
    ("1.2万", 12000, "cardinal"),
    ("百分之五", 5, "percent"),
    ("65%", 65, "percent"),
    ("千分之三", 3, "per_mille"),
    ("3‰", 3, "per_mille"),
    ("三分之一", 1 / 3, "fraction"),
    ("1/10", 0.1, "fraction"),
    ("第三", 3, "ordinal"),
    ("第七", 7, "ordinal"),
]


@pytest.mark.parametrize(("text", "value", "kind"), KINDS)
def test_parse_numeral_returns_the_kind_on_request(text: str, value: float, kind: str) -> None:
    assert xe.parse_numeral(text, with_kind=True) == (pytest.approx(value), kind)
    assert xe.parse_numeral(text) == pytest.approx(value)


class Money(float):
    """A float subclass whose repr is not its value."""

    def __repr__(self) -> str:
        return f"Money({float(self)})"


def numpy_cases() -> list[tuple[object, str]]:
    np = pytest.importorskip("numpy")
    return [
        (np.float64(0.5), "零点五"),
        (np.float32(0.5), "零点五"),
        (np.int64(123), "一百二十三"),
        (np.int32(-3), "负三"),
    ]


@pytest.mark.parametrize(
    ("number", "written"),
    [(Money(12.5), "十二点五"), (0.5, "零点五"), (123, "一百二十三"), ("0.10", "零点一零")],
)
def test_to_chinese_reads_the_value(number: object, written: str) -> None:
    assert xe.to_chinese(number) == written  # type: ignore[arg-type]


def test_to_chinese_reads_numpy_numbers() -> None:
    for number, written in numpy_cases():
        assert xe.to_chinese(number) == written  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("threads", "error", "message"),
    [
        (2**70, xe.OptionError, "is not a positive number of threads"),
        (2**200, xe.OptionError, "is not a number of threads"),
        (0, xe.OptionError, "is not a positive number of threads"),
        (-1, xe.OptionError, "is not a positive number of threads"),
        ("2", TypeError, "must be int or None"),
        (2.0, TypeError, "must be int or None"),
        (True, TypeError, "must be int or None"),
    ],
)
def test_thread_counts_are_checked(threads: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        xe.extract_batch(["77家"], threads=threads)  # type: ignore[arg-type]


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_stops_a_long_batch_quickly(threads: int) -> None:
    texts = texts_of_the_genre(400) * 200
    latency = seconds_to_interrupt(lambda: xe.extract_batch(texts, threads=threads))
    # 0.05 s between checks, plus the text each worker is on; slack for a loaded machine.
    assert latency < 0.5, f"{latency:.3f} s from Ctrl-C to KeyboardInterrupt"


@pytest.mark.skipif(
    not os.environ.get("XINZHI_HUGE_TESTS"), reason="needs 8 GB of memory: set XINZHI_HUGE_TESTS=1"
)
def test_texts_of_4_gib_are_refused_with_a_typed_error() -> None:
    probe = textwrap.dedent(
        """
        import xinzhi_extract as xe
        text = " " * 2**32
        for function in (xe.extract, xe.clean, xe.quantities):
            try:
                function(text)
            except xe.InvalidTextError as error:
                assert "4 GiB or longer" in str(error), error
            else:
                raise AssertionError(function)
        print("refused")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.stdout.strip() == "refused", result.stderr
    assert "panicked" not in result.stderr and result.stderr == ""


SPACED_LINES = [
    ("spaced digits", "1 "),
    ("spaced groups and magnitudes", "12 345 6 萬 7 千 "),
    ("long runs of spaces", "1          2 "),
]


@pytest.mark.parametrize(("name", "unit"), SPACED_LINES)
def test_a_10_mb_line_of_spaces_and_digits_stays_linear(name: str, unit: str) -> None:
    """Spaces are stepped over inside a number (SPEC §5); a 10 MB line of digits and spaces
    takes about ten times as long as a 1 MB one, not a hundred. Timed as the best of three
    interleaved runs each, so that a busy machine slows both sizes alike; a quadratic step
    would be 100x."""
    import time

    small = unit * (1_000_000 // len(unit.encode()))
    large = small * 10
    best = {len(small): float("inf"), len(large): float("inf")}
    found = {}
    for _ in range(3):
        for text in (small, large):
            began = time.perf_counter()
            found[len(text)] = len(xe.extract(text))
            best[len(text)] = min(best[len(text)], time.perf_counter() - began)
    assert found[len(large)] == 10 * found[len(small)], name
    ratio = best[len(large)] / best[len(small)]
    assert ratio < 30, f"{name}: 10x the text took {ratio:.1f}x the time"
