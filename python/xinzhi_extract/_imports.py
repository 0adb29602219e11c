"""Registering the pandas accessor and the polars namespace whatever the import order.

``import xinzhi_extract`` must not import pandas or polars (it would cost every user their
import time), yet ``Series.xinzhi`` and ``pl.col(...).xinzhi`` should work whichever of the
two packages a notebook imports first. So when the library is not loaded yet, a finder at
the front of ``sys.meta_path`` waits for it, lets the normal machinery load it, and runs the
registration right after the module has executed. It removes itself on its first use.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Callable, Sequence
from types import ModuleType


def when_imported(name: str, module: str) -> None:
    """Import ``module`` (which registers something with the top-level package ``name``) as
    soon as ``name`` is imported: now if it already is."""
    if name in sys.modules:
        if sys.modules[name] is not None:  # None: the import is blocked on purpose
            _run(name, module)
        return
    sys.meta_path.insert(0, _Watch(name, module))


def _run(name: str, module: str) -> None:
    try:
        importlib.import_module(module)
    except Exception as error:  # noqa: BLE001 - never break the user's import of `name`
        warnings.warn(
            f"xinzhi_extract could not register its {name} extension: {error!r}",
            ImportWarning,
            stacklevel=2,
        )


class _Watch(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader of one top-level module found by the others.

    A look-up is not an import (polars asks ``importlib.util.find_spec("pandas")`` to learn
    whether pandas is installed), so the watch stays until the module is executed.
    """

    def __init__(self, name: str, module: str) -> None:
        self.name = name
        self.module = module
        self.finding = False

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name or self.finding:
            return None
        self.finding = True
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self.finding = False
        loader = getattr(spec, "loader", None)
        if spec is None or loader is None or not hasattr(loader, "exec_module"):
            return spec
        if "exec_module" in getattr(loader, "__dict__", {}):  # wrapped already
            return spec
        execute: Callable[[ModuleType], None] = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            try:
                execute(module)
            finally:
                del loader.exec_module  # the loader's own method again
            if self in sys.meta_path:
                sys.meta_path.remove(self)
            _run(self.name, self.module)

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):  # a loader that takes no attributes: no hook
            return spec
        return spec
