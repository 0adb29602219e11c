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
    """The shared material folder: the one ``XINZHI_SHARED`` names when it is set, else
    ``shared`` beside the repository; ``None`` when it is absent (tests that need it skip).
    The Rust tests look it up the same way."""
    path = Path(os.environ.get("XINZHI_SHARED") or ROOT.parent / "shared")
    return path if path.is_dir() else None


def corpus_paths() -> list[Path]:
    """The shared corpus texts, sorted by name; empty when the shared folder is absent."""
    shared = shared_dir()
    return sorted((shared / "corpus").glob("*.txt")) if shared is not None else []


@cache
def corpus_texts() -> tuple[tuple[str, str], ...]:
    """``(name, text)`` of every corpus text, or of the bundled sample alone."""
    paths = corpus_paths() or [SAMPLE]
    return tuple((p.name, p.read_text("utf-8")) for p in paths)


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
