"""Bad input: clear exceptions that name the argument (and the item of a batch), never a crash."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable

import pytest
import xinzhi_extract as xe
from xinzhi_extract import Extractor

TEXT_FUNCTIONS: list[tuple[str, Callable[[object], object]]] = [
    ("extract", xe.extract),
    ("quantities", xe.quantities),
    ("dates", xe.dates),
    ("titles", xe.titles),
    ("numbers", xe.numbers),
    ("clean", xe.clean),
    ("parse_numeral", xe.parse_numeral),
    ("extract", Extractor().extract),
    ("quantities", Extractor().quantities),
    ("dates", Extractor().dates),
    ("titles", Extractor().titles),
    ("numbers", Extractor().numbers),
]
NOT_TEXT = [(None, "NoneType"), (b"77\xe5\xae\xb6", "bytes"), (77, "int"), (["77家"], "list")]


@pytest.mark.parametrize(("name", "function"), TEXT_FUNCTIONS)
@pytest.mark.parametrize(("value", "type_name"), NOT_TEXT)
def test_not_a_str_is_a_type_error_naming_the_argument(
    name: str, function: Callable[[object], object], value: object, type_name: str
) -> None:
    expected = f"{name}() argument 'text' must be str, not {type_name}"
    with pytest.raises(TypeError, match=re.escape(expected)):
        function(value)


# Lone surrogates reach Python strings through surrogateescape decoding and broken JSON.
SURROGATE_TEXTS = [
    ("全省新增\ud800企业", "'\\ud800' at index 4"),
    (b"\xe5\x85\xa8\xff77\xe5\xae\xb6".decode("utf-8", "surrogateescape"), "'\\udcff' at index 1"),
    ("\udfff", "'\\udfff' at index 0"),
]


@pytest.mark.parametrize(("name", "function"), TEXT_FUNCTIONS)
@pytest.mark.parametrize(("text", "where"), SURROGATE_TEXTS)
def test_lone_surrogates_are_a_value_error(
    name: str, function: Callable[[object], object], text: str, where: str
) -> None:
    with pytest.raises(xe.InvalidTextError) as caught:
        function(text)
    message = str(caught.value)
    assert message.startswith(f"{name}() argument 'text' is not valid Unicode")
    assert f"lone surrogate {where}" in message
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value.__cause__, UnicodeEncodeError)


@pytest.mark.parametrize("function", [xe.extract_batch, Extractor().extract_batch, xe.to_frame])
def test_a_bad_item_of_a_batch_is_named_by_its_position(function: Callable[..., object]) -> None:
    name = "to_frame" if function is xe.to_frame else "extract_batch"
    texts = ["全省新增企业77家。", "2023年", None, "无"]
    with pytest.raises(TypeError, match=rf"{name}\(\) argument 'texts', item 2, must be str, not NoneType"):  # fmt: skip
        function(texts)
    texts = ["2023年", "无", "ok", b"bytes"]
    with pytest.raises(TypeError, match=r"item 3, must be str, not bytes"):
        function(iter(texts))
    texts = ["2023年", "坏\udc80字"]
    with pytest.raises(xe.InvalidTextError, match=r"item 1, is not valid Unicode: lone surrogate"):
        function(texts)


@pytest.mark.parametrize(
    ("texts", "type_name"), [("全省新增企业77家", "str"), (b"77", "bytes"), (77, "int"), (None, "NoneType")]
)  # fmt: skip
def test_texts_must_be_an_iterable_of_str(texts: object, type_name: str) -> None:
    expected = f"extract_batch() argument 'texts' must be an iterable of str, not {type_name}"
    with pytest.raises(TypeError, match=re.escape(expected)):
        xe.extract_batch(texts)  # type: ignore[arg-type]


def test_an_exception_inside_the_iterable_propagates() -> None:
    def broken():
        yield "2023年"
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError, match="source went away"):
        xe.extract_batch(broken())


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"kinds": ["money"]}, xe.OptionError, 'unknown record kind "money"'),
        ({"kinds": "quantities"}, xe.OptionError, 'unknown record kind "quantities"'),
        ({"kinds": ["date", 3]}, TypeError, "must hold kind names \\(str\\), not int"),
        ({"kinds": 5}, TypeError, "argument 'kinds' must be an iterable of kind names"),
        ({"reference_year": 0}, xe.OptionError, "reference_year: 0 is not a year"),
        ({"reference_year": 10000}, xe.OptionError, "reference_year: 10000 is not a year"),
        ({"reference_year": 2**40}, xe.OptionError, "is not a year between 1 and 9999"),
        ({"reference_year": "2024"}, TypeError, "argument 'reference_year' must be int or None"),
        ({"reference_year": True}, TypeError, "argument 'reference_year' must be int or None"),
        ({"yuan_currency": "RMB"}, xe.OptionError, 'yuan_currency: "RMB" is not one of CNY'),
        ({"yuan_currency": 1}, TypeError, "yuan_currency"),
    ],
)
def test_bad_options_are_refused_with_a_clear_error(
    options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Extractor(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("threads", "error"), [(0, xe.OptionError), (-2, xe.OptionError), ("2", TypeError), (1.5, TypeError)]
)  # fmt: skip
def test_threads_must_be_a_positive_int(threads: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="threads"):
        xe.extract_batch(["2023年"], threads=threads)  # type: ignore[arg-type]


def test_exception_tree() -> None:
    for error in (xe.NumeralError, xe.OptionError, xe.InvalidTextError):
        assert issubclass(error, xe.XinzhiError)
        assert error.__module__ == "xinzhi_extract"
    assert issubclass(xe.XinzhiError, ValueError)
    assert xe.XinzhiError.__module__ == "xinzhi_extract"


def test_exceptions_cross_process_boundaries() -> None:
    # Dask and Spark ship a worker's exception back to the client by pickling it.
    with pytest.raises(xe.NumeralError) as caught:
        xe.parse_numeral("三个")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is xe.NumeralError
    assert str(again) == str(caught.value)
