"""Scale-out: extractors and records pickle, worker processes (spawned or forked) give the same
records, and the Dask and Spark recipes of docs/scale-out.md run as written, on a two-process
Dask cluster and in Spark's local mode, with string article IDs."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import re
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import xinzhi_extract as xe
from genre import ROOT, texts_of_the_genre


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return texts_of_the_genre(600)


def test_extractors_pickle_as_their_options(texts: list[str]) -> None:
    extractor = xe.Extractor(kinds=["date", "title"], reference_year=2024, yuan_currency="HKD")
    payload = pickle.dumps(extractor)
    assert len(payload) < 200
    again = pickle.loads(payload)
    assert again == extractor
    assert again.kinds == ("date", "title")
    assert again.reference_year == 2024
    assert again.yuan_currency == "HKD"
    assert [again.extract(t) for t in texts[:100]] == [extractor.extract(t) for t in texts[:100]]
    # A bound method pickles too: it is what map_partitions and Pool.map ship to workers.
    method = pickle.loads(pickle.dumps(extractor.to_frame))
    assert method.__self__ == extractor


def test_batches_and_their_records_pickle(texts: list[str]) -> None:
    batch = xe.extract_batch(texts)
    lists = batch.to_list()
    assert pickle.loads(pickle.dumps(lists)) == lists
    again = pickle.loads(pickle.dumps(batch))
    assert type(again) is xe.ExtractionBatch
    assert again == batch
    assert xe.ExtractionBatch(lists) == batch
    with pytest.raises(TypeError, match="item 1 holds str"):
        xe.ExtractionBatch([[], ["2023年"]])


@pytest.mark.parametrize(
    "method",
    [
        "spawn",
        pytest.param("fork", marks=pytest.mark.skipif(sys.platform != "linux", reason="fork")),
    ],
)
def test_worker_processes_give_the_same_records(texts: list[str], method: str) -> None:
    extractor = xe.Extractor(reference_year=2024)
    # Run a threaded batch first: a fork must not inherit anything that breaks the child.
    local = extractor.extract_batch(texts, threads=2).to_list()
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        remote = pool.map(extractor.extract, texts, chunksize=50)
        batches = pool.starmap(extractor.extract_batch, [(texts[:300], 2), (texts[300:], 2)])
    assert remote == local
    assert batches[0].to_list() + batches[1].to_list() == local


def recipe(marker: str) -> str:
    """The Python block of docs/scale-out.md that holds ``marker``: the tests run the recipes
    as they are written there."""
    blocks = re.findall(
        r"```python\n(.*?)```", (ROOT / "docs" / "scale-out.md").read_text("utf-8"), re.DOTALL
    )
    (block,) = [b for b in blocks if marker in b]
    return block


def articles_frame(pd: Any, texts: list[str]) -> Any:
    """Articles with string IDs (as real ones are) and a few missing bodies."""
    ids = pd.Index([f"gs-{i:05d}" for i in range(len(texts))], name="article_id", dtype="string")
    bodies = pd.Series(texts, index=ids, dtype="string")
    bodies.iloc[::97] = pd.NA
    return pd.DataFrame({"body": bodies})


def same_records(pd: Any, result: Any, expected: Any) -> None:
    """``result`` (read back from Parquet, in any row order) holds the rows of ``expected``."""
    keys = ["article_id", "start", "end"]
    result = result.sort_values(keys, kind="stable").reset_index(drop=True)
    expected = expected.sort_values(keys, kind="stable").reset_index(drop=True)
    assert len(result) == len(expected) > 0
    assert list(result.columns) == list(expected.columns)
    for column in expected.columns:
        got = result[column].astype(object).where(result[column].notna(), None)
        want = expected[column].astype(object).where(expected[column].notna(), None)
        assert list(got) == list(want), column


def test_dask_recipe_on_a_local_cluster(
    texts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")

    frame = articles_frame(pd, texts)
    dd.from_pandas(frame, npartitions=6).to_parquet(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        exec(recipe("map_partitions"), {})  # noqa: S102 - the documented recipe, as written
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2

    result = pd.read_parquet(tmp_path / "records")
    expected = xe.Extractor(reference_year=2024).to_frame(frame["body"])
    assert str(expected["article_id"].dtype) == "string"
    same_records(pd, result.reset_index(drop=True), expected)
    assert (result.dtypes == expected.dtypes).all()


def test_spark_recipe_in_local_mode(
    texts: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java")
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    sql = pytest.importorskip("pyspark.sql")

    frame = articles_frame(pd, texts)
    frame.reset_index().to_parquet(tmp_path / "articles.parquet")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles.parquet").rename(tmp_path / "articles" / "part-0.parquet")
    monkeypatch.chdir(tmp_path)
    spark = (
        sql.SparkSession.builder.master("local[2]")
        .appName("xinzhi_extract recipe")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.files.maxPartitionBytes", 64 * 1024)  # several partitions
        .getOrCreate()
    )
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
            exec(recipe("mapInPandas"), {})  # noqa: S102 - the documented recipe, as written
    finally:
        spark.stop()

    result = pd.read_parquet(tmp_path / "records")
    expected = xe.Extractor(reference_year=2024).to_frame(frame["body"])
    categories = [c for c in expected.columns if expected[c].dtype == "category"]
    same_records(pd, result, expected.astype(dict.fromkeys(categories, "string")))
