"""Shared pytest configuration of the Python suite."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "large: a test on a 100 MB text (a few seconds); deselect with -m 'not large'"
    )
