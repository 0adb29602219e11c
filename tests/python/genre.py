"""Texts of the genre for the Python tests and benchmarks: the shared corpus when it is
beside the repository (or named by ``XINZHI_SHARED``), else the sample bundled with the
package, cut into sentences."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "python" / "xinzhi_extract" / "data" / "sample.txt"

# A sentence runs to 。！？； or a line break; the closing quote of a quoted sentence stays with it.
_SENTENCE = re.compile(r"[^。！？；!?\n]+(?:[。！？；!?]+[”’」』]?)?")


def shared_dir() -> Path | None:
    """The shared material folder, or ``None`` when it is absent (tests that need it skip)."""
    path = Path(os.environ.get("XINZHI_SHARED") or ROOT.parent / "shared")
    return path if path.is_dir() else None


@cache
def corpus_texts() -> tuple[tuple[str, str], ...]:
    """``(name, text)`` of every corpus text, or of the bundled sample alone."""
    shared = shared_dir()
    if shared is not None:
        paths = sorted((shared / "corpus").glob("*.txt"))
        if paths:
            return tuple((p.name, p.read_text("utf-8")) for p in paths)
    return ((SAMPLE.name, SAMPLE.read_text("utf-8")),)


@cache
def sentences() -> tuple[str, ...]:
    """The corpus cut into non-blank sentences, in order."""
    out: list[str] = []
    for _, text in corpus_texts():
        out.extend(s.strip() for s in _SENTENCE.findall(text) if s.strip())
    return tuple(out)


def texts_of_the_genre(count: int) -> list[str]:
    """``count`` texts: the corpus sentences, repeated in order as often as needed."""
    pool = sentences()
    return [pool[i % len(pool)] for i in range(count)]
