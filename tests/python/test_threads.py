"""Many Python threads sharing one Extractor, one batch, one iterator and the module-level
functions get, record by record, what one thread gets.

Every test starts its eight threads together behind a barrier and repeats its calls, so the
threads overlap in the extension. On a free-threaded CPython (3.14t with the GIL disabled, as
``scripts/free-threaded-test`` runs it) they overlap everywhere, conversions to and from
Python objects included; on a GIL build, wherever the extension releases the GIL.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import sysconfig
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pytest
import xinzhi_extract as xe
from genre import texts_of_the_genre
from xinzhi_extract import Extractor

THREADS = 8
ROUNDS = 6
FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
# scripts/free-threaded-test sets this: there, a GIL build is an error, not a reason to skip.
FREE_THREADING_REQUIRED = os.environ.get("XINZHI_FREE_THREADED") == "1"

T = TypeVar("T")


def require_free_threading() -> None:
    reason = "needs a free-threaded CPython build (3.14t); this interpreter has a GIL"
    if not FREE_THREADED:
        if FREE_THREADING_REQUIRED:
            pytest.fail(f"XINZHI_FREE_THREADED=1 but {sys.executable}: {reason}")
        pytest.skip(reason)


def gil_enabled() -> bool:
    is_enabled: Callable[[], bool] | None = getattr(sys, "_is_gil_enabled", None)
    return True if is_enabled is None else is_enabled()


def run_together(work: Callable[[int], T], threads: int = THREADS) -> list[T]:
    """``work(0)`` … ``work(threads - 1)``, each on its own thread, all released at once by a
    barrier; the results in worker order. The first exception of any worker is raised."""
    barrier = threading.Barrier(threads)
    results: dict[int, T] = {}
    errors: list[BaseException] = []

    def run(worker: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[worker] = work(worker)
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's own thread
            errors.append(error)
            barrier.abort()

    pool = [threading.Thread(target=run, args=(i,), name=f"worker-{i}") for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=600)
        assert not thread.is_alive(), f"{thread.name} did not finish"
    if errors:
        raise errors[0]
    assert sorted(results) == list(range(threads))
    return [results[i] for i in range(threads)]


def assert_same_records(
    got: Sequence[Sequence[object]], expected: Sequence[Sequence[object]], what: str
) -> None:
    """Equal lists of records, compared text by text and record by record, so a failure names
    the first text and record that differ."""
    assert len(got) == len(expected), f"{what}: {len(got)} lists for {len(expected)} texts"
    for position, (records, wanted) in enumerate(zip(got, expected, strict=True)):
        assert len(records) == len(wanted), f"{what}, text {position}: {records!r} != {wanted!r}"
        for index, (record, want) in enumerate(zip(records, wanted, strict=True)):
            assert type(record) is type(want), f"{what}, text {position}, record {index}"
            assert record == want, f"{what}, text {position}, record {index}: {record!r}"
            assert repr(record) == repr(want), f"{what}, text {position}, record {index}"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    # Enough bytes that extract_batch(threads=2) really starts a second worker.
    return texts_of_the_genre(600)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(reference_year=2024)


@pytest.fixture(scope="module")
def expected(texts: list[str], extractor: Extractor) -> dict[str, list[list[Any]]]:
    """What one thread gets from each call the workers make."""
    return {
        "extract": [extractor.extract(t) for t in texts],
        "quantities": [extractor.quantities(t) for t in texts],
        "dates": [extractor.dates(t) for t in texts],
        "titles": [extractor.titles(t) for t in texts],
        "numbers": [extractor.numbers(t) for t in texts],
        "xe.extract": [xe.extract(t) for t in texts],
        "xe.extract(kinds)": [xe.extract(t, kinds=["date", "title"]) for t in texts],
        "xe.quantities": [xe.quantities(t) for t in texts],
        "xe.dates": [xe.dates(t) for t in texts],
        "xe.titles": [xe.titles(t) for t in texts],
        "xe.numbers": [xe.numbers(t) for t in texts],
    }


def test_one_extractor_and_the_module_functions_shared_by_eight_threads(
    texts: list[str], extractor: Extractor, expected: dict[str, list[list[Any]]]
) -> None:
    calls: dict[str, Callable[[], list[list[Any]]]] = {
        "extract": lambda: [extractor.extract(t) for t in texts],
        "quantities": lambda: [extractor.quantities(t) for t in texts],
        "dates": lambda: [extractor.dates(t) for t in texts],
        "titles": lambda: [extractor.titles(t) for t in texts],
        "numbers": lambda: [extractor.numbers(t) for t in texts],
        "xe.extract": lambda: [xe.extract(t) for t in texts],
        "xe.extract(kinds)": lambda: [xe.extract(t, kinds=["date", "title"]) for t in texts],
        "xe.quantities": lambda: [xe.quantities(t) for t in texts],
        "xe.dates": lambda: [xe.dates(t) for t in texts],
        "xe.titles": lambda: [xe.titles(t) for t in texts],
        "xe.numbers": lambda: [xe.numbers(t) for t in texts],
    }
    batches: dict[str, Callable[[], xe.ExtractionBatch]] = {
        "extract": lambda: extractor.extract_batch(texts, threads=1),
        # Two workers of the extension's own inside each of the eight Python threads.
        "extract/2": lambda: extractor.extract_batch(texts, threads=2),
        "xe.extract": lambda: xe.extract_batch(texts, threads=1),
        "xe.extract(kinds)": lambda: xe.extract_batch(texts, kinds=["date", "title"], threads=2),
    }
    names = sorted(calls)
    batch_names = sorted(batches)

    def work(worker: int) -> int:
        checked = 0
        for round_ in range(ROUNDS):
            # Each worker starts at a different call, so different calls run at once.
            name = names[(worker + round_ * 3) % len(names)]
            assert_same_records(calls[name](), expected[name], f"worker {worker}: {name}")
            batch_name = batch_names[(worker + round_) % len(batch_names)]
            batch = batches[batch_name]()
            wanted = expected[batch_name.removesuffix("/2")]
            assert batch.record_count == sum(map(len, wanted))
            assert_same_records(batch.to_list(), wanted, f"worker {worker}: batch {batch_name}")
            assert_same_records(list(batch), wanted, f"worker {worker}: iter {batch_name}")
            checked += 2
        return checked

    assert run_together(work) == [2 * ROUNDS] * THREADS


def test_fresh_strings_read_by_eight_threads_at_once(texts: list[str]) -> None:
    # A str made by decoding has no UTF-8 copy yet: the eight threads ask CPython for it at
    # the same moment, on the same objects.
    sample = texts[:200]
    wanted = [xe.extract(t) for t in sample]
    for round_ in range(ROUNDS):
        fresh = [t.encode("utf-8").decode("utf-8") for t in sample]

        def work(worker: int, fresh: list[str] = fresh, round_: int = round_) -> None:
            if (worker + round_) % 2:
                got = xe.extract_batch(fresh, threads=1).to_list()
            else:
                got = [xe.extract(t) for t in fresh]
            assert_same_records(got, wanted, f"round {round_}, worker {worker}")
            for t, records in zip(fresh, got, strict=True):
                assert [t[r.start : r.end] for r in records] == [r.text for r in records]

        run_together(work)


def test_one_batch_read_by_eight_threads(
    texts: list[str], expected: dict[str, list[list[Any]]]
) -> None:
    batch = xe.extract_batch(texts)
    same = xe.extract_batch(texts, threads=1)
    wanted = expected["xe.extract"]
    columns = batch._columns()

    def work(worker: int) -> None:
        for _ in range(ROUNDS):
            assert len(batch) == len(texts)
            assert batch == same and batch == wanted
            assert_same_records(batch.to_list(), wanted, f"worker {worker}: to_list")
            assert_same_records(batch[worker::THREADS], wanted[worker::THREADS], "slice")
            for position in range(worker, len(texts), THREADS):
                assert_same_records([batch[position]], [wanted[position]], f"[{position}]")
            assert batch._columns() == columns
            assert batch.__arrow_c_stream__() is not None
            assert pickle.loads(pickle.dumps(batch)) == batch

    run_together(work)


def test_one_iterator_shared_by_eight_threads(texts: list[str]) -> None:
    # Each list of records comes out of the shared iterator exactly once.
    batch = xe.extract_batch(texts)
    wanted = Counter(repr(records) for records in batch)
    for _ in range(ROUNDS):
        iterator = iter(batch)

        def work(worker: int, iterator: Any = iterator) -> list[str]:
            del worker
            return [repr(records) for records in iterator]

        got = Counter(r for taken in run_together(work) for r in taken)
        assert got == wanted
        assert next(iterator, None) is None


def test_records_hashed_compared_and_pickled_by_eight_threads(
    expected: dict[str, list[list[Any]]],
) -> None:
    records = [r for rs in expected["extract"] for r in rs]
    hashes = [hash(r) for r in records]
    dicts = [r.to_dict() for r in records]

    def work(worker: int) -> None:
        for _ in range(ROUNDS):
            assert [hash(r) for r in records] == hashes
            assert [r.to_dict() for r in records] == dicts
            copies = pickle.loads(pickle.dumps(records))
            assert copies == records
            assert len(set(copies) | set(records)) == len(set(records))
        del worker

    run_together(work)


def test_numerals_and_clean_in_eight_threads(texts: list[str]) -> None:
    numerals = ["一百二十三", "两万", "壹佰", "1.2万", "百分之五", "三分之一", "负七"]
    numbers: list[int | float | str] = [0, 7, 123, 20000, -45, 10**18, 0.5, 12.0, "0.10"]
    values = [xe.parse_numeral(n) for n in numerals]
    chinese = [xe.to_chinese(n, upper=True, traditional=True) for n in numbers]
    cleaned = [xe.clean(t) for t in texts]

    def work(worker: int) -> None:
        for _ in range(ROUNDS * 10):
            assert [xe.parse_numeral(n) for n in numerals] == values
            assert [xe.to_chinese(n, upper=True, traditional=True) for n in numbers] == chinese
        assert [xe.clean(t) for t in texts] == cleaned
        del worker

    run_together(work)


def test_errors_raised_in_eight_threads_at_once() -> None:
    extractor = Extractor()
    bad_item = ["2023年", "ok", "\ud800"]

    def work(worker: int) -> None:
        for _ in range(ROUNDS * 10):
            with pytest.raises(xe.InvalidTextError, match="item 2"):
                extractor.extract_batch(bad_item, threads=2)
            with pytest.raises(TypeError, match="must be str, not int"):
                xe.extract(worker)  # type: ignore[arg-type]
            with pytest.raises(xe.NumeralError):
                xe.parse_numeral("不是数字")
            with pytest.raises(xe.OptionError):
                Extractor(kinds=["nothing"])

    run_together(work)


def test_to_frame_in_eight_threads(
    texts: list[str], extractor: Extractor, expected: dict[str, list[list[Any]]]
) -> None:
    pd = pytest.importorskip("pandas")
    sample = texts[:300]
    frame = extractor.to_frame(sample, threads=1)
    module_frame = xe.to_frame(sample, threads=1)
    assert len(frame) == sum(map(len, expected["extract"][:300]))

    def work(worker: int) -> None:
        for round_ in range(ROUNDS):
            threads = 1 + (worker + round_) % 2
            pd.testing.assert_frame_equal(extractor.to_frame(sample, threads=threads), frame)
            pd.testing.assert_frame_equal(xe.to_frame(sample, threads=threads), module_frame)

    run_together(work)


def test_arrow_streams_read_by_eight_threads(texts: list[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    batch = xe.extract_batch(texts)
    table = pa.table(batch)

    def work(worker: int) -> None:
        for _ in range(ROUNDS):
            assert pa.table(batch).equals(table)
            assert pa.table(xe.extract_batch(texts, threads=1 + worker % 2)).equals(table)

    run_together(work)


def test_the_gil_stays_disabled_after_importing_xinzhi_extract() -> None:
    require_free_threading()
    # A fresh interpreter without PYTHON_GIL: CPython turns the GIL back on, with a
    # RuntimeWarning, when it loads an extension that does not declare free-threading support.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHON_GIL"}
    code = (
        "import sys\n"
        "assert not sys._is_gil_enabled(), 'the GIL is enabled before any import'\n"
        "import xinzhi_extract, xinzhi_extract._core, xinzhi_extract.highlight\n"
        "import xinzhi_extract.cli\n"
        "xinzhi_extract.extract_batch(['2023年，全省新增企业77家。'] * 100, threads=2)\n"
        "print(sys._is_gil_enabled())\n"
    )
    run = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False", run.stderr


def test_these_threads_run_without_a_gil() -> None:
    require_free_threading()
    assert not gil_enabled(), (
        "the GIL is enabled in this run (PYTHON_GIL=1, or an extension imported by the tests "
        "that does not declare free-threading support): the threads above ran one at a time"
    )
