"""``extract_batch``: input order, any iterable, any thread count, the sequence protocol, and
one Extractor shared by many Python threads."""

from __future__ import annotations

import threading
from collections import deque

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre
from xinzhi_extract import Extractor


@pytest.fixture(scope="module")
def texts() -> list[str]:
    # Enough text that two workers both get runs of it.
    return texts_of_the_genre(1500)


@pytest.fixture(scope="module")
def one_by_one(texts: list[str]) -> list[list[xe.Record]]:
    return [xe.extract(t) for t in texts]


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 16])
def test_results_come_back_in_input_order(
    texts: list[str], one_by_one: list[list[xe.Record]], threads: int | None
) -> None:
    batch = xe.extract_batch(texts, threads=threads)
    assert len(batch) == len(texts)
    assert batch.to_list() == one_by_one
    assert batch == one_by_one
    assert batch.record_count == sum(map(len, one_by_one))
    assert batch.record_count > 0


def test_any_iterable_of_str(texts: list[str], one_by_one: list[list[xe.Record]]) -> None:
    sample = texts[:200]
    expected = one_by_one[:200]
    assert xe.extract_batch(tuple(sample)) == expected
    assert xe.extract_batch(t for t in sample) == expected
    assert xe.extract_batch(iter(sample)) == expected
    assert xe.extract_batch(deque(sample)) == expected
    assert xe.extract_batch(dict.fromkeys(["2023年", "2024年1月3日"])) == [
        xe.extract("2023年"),
        xe.extract("2024年1月3日"),
    ]


def test_kinds_and_options(texts: list[str]) -> None:
    sample = texts[:300]
    dates_only = xe.extract_batch(sample, kinds=["date"])
    assert dates_only == [xe.dates(t) for t in sample]
    extractor = Extractor(kinds={"date", "title"}, reference_year=2024)
    assert extractor.extract_batch(sample, threads=2) == [extractor.extract(t) for t in sample]


def test_sequence_protocol() -> None:
    texts = ["2023年", "无", "2024年1月3日", "《国务院政府工作报告》"]
    batch = xe.extract_batch(texts)
    lists = [xe.extract(t) for t in texts]
    assert len(batch) == 4
    assert batch[0] == lists[0]
    assert batch[-1] == lists[-1]
    assert batch[-4] == lists[0]
    assert batch[1] == []
    assert batch[1:3] == lists[1:3]
    assert batch[::-1] == lists[::-1]
    assert batch[::2] == lists[::2]
    assert batch[10:] == []
    assert list(batch) == lists
    with pytest.raises(IndexError, match="index 4 out of range for 4 texts"):
        batch[4]
    with pytest.raises(IndexError):
        batch[-5]
    with pytest.raises(TypeError, match="indices must be integers or slices, not str"):
        batch["0"]  # type: ignore[call-overload]
    assert repr(batch) == f"ExtractionBatch(texts=4, records={sum(map(len, lists))})"
    iterator = iter(batch)
    assert iter(iterator) is iterator
    assert next(iterator) == lists[0]
    assert batch != lists[:3]
    assert batch == xe.extract_batch(texts, threads=1)
    with pytest.raises(TypeError):
        hash(batch)


def test_empty_batches_and_empty_texts() -> None:
    assert len(xe.extract_batch([])) == 0
    assert xe.extract_batch([]).to_list() == []
    assert xe.extract_batch(["", "", ""]) == [[], [], []]
    assert xe.extract_batch(["", "2023年", ""])[1] == xe.extract("2023年")


def test_one_extractor_shared_by_eight_threads(
    texts: list[str], one_by_one: list[list[xe.Record]]
) -> None:
    extractor = Extractor()
    results: dict[int, list[list[xe.Record]]] = {}
    batches: dict[int, xe.ExtractionBatch] = {}
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        start.wait()
        if worker % 2:
            batches[worker] = extractor.extract_batch(texts, threads=2)
        else:
            results[worker] = [extractor.extract(t) for t in texts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 2, 4, 6]
    assert sorted(batches) == [1, 3, 5, 7]
    for result in results.values():
        assert result == one_by_one
    for batch in batches.values():
        assert batch == one_by_one


def test_the_gil_is_released_during_a_batch(texts: list[str]) -> None:
    # While a long batch runs, another Python thread keeps running.
    ticks = 0
    stop = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    many = texts * 20
    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        before = ticks
        xe.extract_batch(many, threads=1)
        during = ticks - before
    finally:
        stop.set()
        ticker.join()
    assert during > 1000
