"""Typed records from Chinese policy and economic news."""

from xinzhi_extract._core import __version__

__all__ = ["__version__"]
