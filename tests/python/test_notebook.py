"""The example notebook runs from top to bottom, so that it never rots."""

from __future__ import annotations

import base64
import json

import pytest
import xinzhi_extract as xe
from genre import ROOT, corpus_paths, corpus_texts

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


def test_money_by_region_notebook_runs_and_plots() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(REPORT))
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error

    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    images = [
        output["data"]["image/png"] for output in outputs if "image/png" in output.get("data", {})
    ]
    assert len(images) == 1
    assert base64.b64decode(images[0]).startswith(b"\x89PNG\r\n\x1a\n")

    report = json.loads(notebook.cells[-1]["outputs"][0]["text"])
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
