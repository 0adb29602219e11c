"""The example notebook runs from top to bottom, so that it never rots."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import ROOT, corpus_paths, corpus_texts, shared_dir

NOTEBOOK = ROOT / "examples" / "money_by_region.ipynb"

# Run in the notebook's kernel after its own cells: what it computed, for the test to check.
REPORT = """
import json
print(json.dumps({
    "documents": list(texts.index),
    "amounts": int(by_region["amounts"].sum()),
    "total": float(by_region["total"].sum()),
    "regions": [str(region) for region in by_region.index],
}))
"""


def run_notebook(path: Path, report: str) -> dict[str, Any]:
    """Runs the notebook at ``path`` with the cell ``report`` added at its end, checks that it
    drew one PNG figure, and returns the JSON that ``report`` printed."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(report))
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error

    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    images = [
        output["data"]["image/png"] for output in outputs if "image/png" in output.get("data", {})
    ]
    assert len(images) == 1
    assert base64.b64decode(images[0]).startswith(b"\x89PNG\r\n\x1a\n")
    result: dict[str, Any] = json.loads(notebook.cells[-1]["outputs"][0]["text"])
    return result


def test_money_by_region_notebook_runs_and_plots() -> None:
    report = run_notebook(NOTEBOOK, REPORT)
    # The notebook reads the texts this suite reads: the same folder, XINZHI_SHARED honoured.
    assert report["documents"] == [name for name, _ in corpus_texts()]
    texts = [text for _, text in corpus_texts()]
    # Every amount of yuan the library finds (a range by its middle, the frame's mid column)
    # is attributed to exactly one region.
    money = [
        (record.low + record.high) / 2
        for text in texts
        for record in xe.extract(text)
        if isinstance(record, xe.Quantity)
        and record.dimension == "money"
        and record.currency == "CNY"
        and record.low is not None
        and record.high is not None
    ]
    assert money, "the texts mention money"
    assert report["amounts"] == len(money)
    assert report["total"] == pytest.approx(sum(money))
    if corpus_paths():
        assert set(report["regions"]) - {"unattributed"}, "some money is placed in a region"
    else:
        # The places of the bundled sample are made up: its money belongs to no real region.
        assert report["regions"] == ["unattributed"]


GROWTH_NOTEBOOK = ROOT / "examples" / "growth_by_province.ipynb"

GROWTH_REPORT = """
import json
print(json.dumps({
    "reports": list(texts.index),
    "facts": len(facts),
    "levels": {doc: float(v) for doc, v in by_province["gdp_yi_yuan"].dropna().items()},
    "growth": {doc: float(v) for doc, v in by_province["growth_pct"].dropna().items()},
}))
"""

# The figures of the made-up reports bundled with the package, in 亿元 and %.
SAMPLE_LEVELS = {"云江省": 34200.0, "东川省": 21800.0, "北岭自治区": 8650.0, "南湾市": 40500.0}
SAMPLE_GROWTH = {"云江省": 5.6, "东川省": 4.9, "北岭自治区": 6.2, "南湾市": 5.1}


def _wild_reports() -> Path | None:
    shared = shared_dir()
    path = None if shared is None else shared / "corpus" / "wild" / "gov_reports_2026.jsonl"
    return path if path is not None and path.is_file() else None


def test_growth_by_province_notebook_runs_and_plots() -> None:
    report = run_notebook(GROWTH_NOTEBOOK, GROWTH_REPORT)
    path = _wild_reports()
    if path is None:
        sample = ROOT / "python" / "xinzhi_extract" / "data" / "gov_reports_sample.jsonl"
        lines = sample.read_text("utf-8").splitlines()
    else:
        lines = path.read_text("utf-8").splitlines()
    reports = [json.loads(line) for line in lines if line.strip()]
    assert report["reports"] == [r["province"] for r in reports]
    # The facts table has a row for every quantity of the reports.
    assert report["facts"] == sum(len(xe.quantities(r["text"])) for r in reports)
    if path is None:
        assert report["levels"] == pytest.approx(SAMPLE_LEVELS)
        assert report["growth"] == pytest.approx(SAMPLE_GROWTH)
    else:
        # Most provinces state both; growth rates of the genre lie between 0 and 10 %.
        assert len(report["levels"]) >= 15 and len(report["growth"]) >= 20
        assert all(0 < rate < 10 for rate in report["growth"].values())
