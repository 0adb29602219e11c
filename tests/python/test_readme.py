"""The README's pandas and polars example runs and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from genre import ROOT


def test_the_pandas_and_polars_example_prints_what_it_shows() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    readme = (ROOT / "README.md").read_text("utf-8")
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if ".xinzhi." in b]
    # `print(...)  # 8.2 亿元: why` promises the line `8.2 亿元`.
    promised = re.findall(r"^print\(.*\)\s+# ([^:]+):", block, re.MULTILINE)
    assert promised
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(block, {})  # noqa: S102 - the README's example, as written
    assert output.getvalue().splitlines() == promised
