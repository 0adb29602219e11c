"""The numeral tables of ``tests/data`` (``numerals_parse.jsonl``, ``numerals_write.jsonl``)
through ``parse_numeral`` and ``to_chinese``: the tables the Rust tests read, case by case.
``numerals_scan.jsonl`` has no Python counterpart: the scanner is not part of the Python API."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import DATA

# The write table's style names, as the keyword arguments of to_chinese.
STYLES = {
    "lower": {},
    "upper": {"upper": True},
    "traditional": {"traditional": True},
    "upper_traditional": {"upper": True, "traditional": True},
}


def table(name: str) -> list[Any]:
    with (DATA / name).open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [pytest.param(row, id=f"{name}:{number}") for number, row in enumerate(rows, start=1)]


@pytest.mark.parametrize("case", table("numerals_parse.jsonl"))
def test_parse_table(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(xe.NumeralError) as caught:
            xe.parse_numeral(case["input"])
        if "position" in case:
            assert f"at character {case['position']} " in str(caught.value)
        return
    value = xe.parse_numeral(case["input"])
    # An integer in the table is an exact integer in Python too; a float is a float.
    assert type(value) is type(case["value"])
    if isinstance(value, int):
        assert value == case["value"]
    else:
        assert math.isclose(value, case["value"], rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize("case", table("numerals_write.jsonl"))
def test_write_table(case: dict[str, Any]) -> None:
    style = STYLES[case["style"]]
    if "error" in case:
        with pytest.raises(xe.NumeralError):
            xe.to_chinese(case["value"], **style)
        return
    assert xe.to_chinese(case["value"], **style) == case["chinese"]
    try:
        integer = int(case["value"])
    except ValueError:
        return
    assert xe.to_chinese(integer, **style) == case["chinese"]
