"""Scale-out: extractors and records pickle, worker processes (spawned or forked) give the same
records, and the Dask recipe of docs/scale-out.md runs on a real two-process cluster."""

from __future__ import annotations

import multiprocessing
import pickle
import sys

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre


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


def test_dask_recipe_on_a_local_cluster(texts: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")

    frame = pd.DataFrame({"text": texts})
    frame.index = pd.RangeIndex(1000, 1000 + len(texts), name="article_id")
    extractor = xe.Extractor(reference_year=2024)
    single = extractor.to_frame(frame["text"])

    # The recipe of docs/scale-out.md.
    meta = extractor.to_frame(frame["text"].iloc[:0])
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
        articles = dd.from_pandas(frame, npartitions=6)
        records = articles["text"].map_partitions(extractor.to_frame, threads=1, meta=meta)
        result = records.compute()
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2

    result = result.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
    expected = single.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
    assert len(result) == len(expected) > 0
    assert list(result.columns) == list(expected.columns)
    for column in expected.columns:
        assert result[column].astype(object).equals(expected[column].astype(object)), column
    assert (result.dtypes == expected.dtypes).all()
