"""Seed the fuzz corpora with real inputs: the shared corpus texts (whole and by line) and
every input of the peers' conformance suites.

    python3 fuzz/seed.py [SHARED_DIR]

SHARED_DIR defaults to $XINZHI_SHARED or ../shared beside the repository.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
TARGETS = ("parse_numeral", "scan_numerals", "extract")


def shared_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    return Path(os.environ.get("XINZHI_SHARED", FUZZ.parent.parent / "shared"))


def seeds(shared: Path) -> list[str]:
    found: list[str] = []
    for text_file in sorted((shared / "corpus").glob("*.txt")):
        text = text_file.read_text(encoding="utf-8")
        found.append(text)
        found.extend(line for line in text.splitlines() if line.strip())
    for suite in sorted((shared / "conformance").glob("*.jsonl")):
        for line in suite.read_text(encoding="utf-8").splitlines():
            found.append(str(json.loads(line)["input"]))
    return found


def main() -> None:
    shared = shared_dir()
    if not shared.is_dir():
        sys.exit(f"no shared folder at {shared}; nothing to seed")
    inputs = seeds(shared)
    for target in TARGETS:
        folder = FUZZ / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        for text in inputs:
            data = text.encode("utf-8")
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"seeded {len(inputs)} inputs into {len(TARGETS)} corpora")


if __name__ == "__main__":
    main()
