"""``help()`` on every public function shows its parameters, its errors and an example, and the
examples run as written."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Callable

import pytest
import xinzhi_extract as xe


def public_functions() -> list[tuple[str, Callable[..., object]]]:
    """Every public function of the package, and the methods a user calls on its classes."""
    out: list[tuple[str, Callable[..., object]]] = [
        (name, getattr(xe, name)) for name in xe.__all__ if inspect.isroutine(getattr(xe, name))
    ]
    out += [
        ("Extractor", xe.Extractor),
        ("ExtractionBatch.to_pandas", xe.ExtractionBatch.to_pandas),
    ]
    return out


def parameters(function: Callable[..., object]) -> list[str]:
    try:
        signature = inspect.signature(function)
    except ValueError:  # pragma: no cover - every function here has a text signature
        return []
    return [p for p in signature.parameters if p not in ("self", "cls")]


@pytest.mark.parametrize(
    ("name", "function"), public_functions(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_help_shows_parameters_errors_and_an_example(
    name: str, function: Callable[..., object]
) -> None:
    doc = inspect.getdoc(function) or ""
    assert ">>> " in doc, f"{name}: no example"
    assert "Raises" in doc or "Error" in doc, f"{name}: no errors"
    for parameter in parameters(function):
        assert parameter in doc, f"{name}: parameter {parameter!r} not described"


@pytest.mark.parametrize(
    ("name", "function"), public_functions(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_examples_run(name: str, function: Callable[..., object]) -> None:
    if name != "to_frame" and name != "ExtractionBatch.to_pandas":
        pass
    if "pandas" in (inspect.getdoc(function) or "") and name in (
        "to_frame",
        "ExtractionBatch.to_pandas",
    ):
        pytest.importorskip("pandas")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(inspect.getdoc(function) or "", {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.tries > 0
    assert runner.failures == 0
