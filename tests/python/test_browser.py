"""The page of ``xinzhi-extract --html`` in a real browser: headless Chromium loads it, and
the DOM it leaves behind is checked record by record. A screenshot is kept under
``artifacts/browser/``. Skips where Chromium is not installed (``.ci/run`` installs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xinzhi_extract as xe
from genre import ROOT, SAMPLE, corpus_paths
from marked_html import MarkedHtml, assert_records_drawn, read_marked_html

ARTIFACTS = ROOT / "artifacts" / "browser"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    return next(filter(None, map(shutil.which, BROWSERS)), None)


BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="headless Chromium not found (apt-get install chromium)"
)


def run_browser(page: Path, profile: Path, *options: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [
        BROWSER,
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=10000",
        "--enable-logging=stderr",
        "--v=0",
        *(["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        *options,
        page.as_uri(),
    ]
    # Bytes, not text mode: universal newlines would turn the page's CR LF into LF.
    result = subprocess.run(command, capture_output=True, timeout=180, check=False)
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8", "replace"),
    )


def load(page: Path, tmp_path: Path, *options: str) -> tuple[MarkedHtml, str]:
    """The DOM Chromium leaves behind once the page's scripts have run, and its log."""
    result = run_browser(page, tmp_path / "profile", "--dump-dom", *options)
    assert result.returncode == 0, result.stderr[-2000:]
    return read_marked_html(result.stdout), result.stderr


def write_page(inputs: list[str | Path], page: Path, stdin: bytes = b"") -> None:
    result = subprocess.run(
        [sys.executable, "-m", "xinzhi_extract.cli", *map(str, inputs), "--html", str(page)],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def assert_all_highlighted(shown: MarkedHtml, texts: dict[str, str]) -> int:
    """Every record of every text is highlighted in the DOM with its kind, offsets and text;
    returns how many records were checked."""
    assert set(shown.documents) == set(texts)
    checked = 0
    for doc, text in texts.items():
        records = xe.extract(text)
        assert_records_drawn(shown.documents[doc], text, records, doc)
        checked += len(records)
    return checked


@pytest.fixture
def corpus_page(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The page for the corpus texts (or the bundled sample where the corpus is absent)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in [*corpus_paths(), SAMPLE]:
        shutil.copyfile(source, folder / source.name)
    page = tmp_path / "corpus.html"
    write_page([folder], page)
    texts = {str(path): path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))}
    return page, texts


def test_corpus_page_highlights_every_record_in_chromium(
    corpus_page: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    page, texts = corpus_page
    shown, log = load(page, tmp_path)
    checked = assert_all_highlighted(shown, texts)
    assert checked > 0
    # The page's own script ran in the browser and found every record drawn in the colour of
    # its kind at its offset, and no script error happened.
    assert shown.body.get("data-check") == "ok", shown.body.get("data-check-errors")
    assert shown.body.get("data-checked") == str(checked)
    assert "Uncaught" not in log


def test_corpus_page_screenshot_is_kept(
    corpus_page: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    page, _ = corpus_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "corpus.png"
    shot.unlink(missing_ok=True)
    result = run_browser(
        page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2400"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000, "a page of highlighted text, not a blank screen"


def test_text_with_markup_and_carriage_returns_keeps_its_offsets_in_the_browser(
    tmp_path: Path,
) -> None:
    text = "第一行<b>粗体</b> &amp;\r\n2023年投资8990萬元\r\n《云江市促进就业若干措施》\r\n"
    page = tmp_path / "edge.html"
    write_page(["-"], page, stdin=text.encode("utf-8"))
    shown, log = load(page, tmp_path)
    assert assert_all_highlighted(shown, {"<stdin>": text}) > 0
    assert shown.body.get("data-check") == "ok", shown.body.get("data-check-errors")
    assert "Uncaught" not in log


def test_the_page_check_catches_a_wrong_highlight(
    corpus_page: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    page, _ = corpus_page
    html = page.read_text("utf-8")
    match = re.search(r'<mark class="xz xz-[a-z_]+" data-record=', html)
    assert match is not None, "the page highlights records"
    first = match.start()
    kind = html[first:].split('data-kind="', 1)[1].split('"', 1)[0]
    other = "date" if kind != "date" else "quantity"
    broken = tmp_path / "broken.html"
    broken.write_text(
        html[:first] + html[first:].replace(f'data-kind="{kind}"', f'data-kind="{other}"', 1),
        "utf-8",
    )
    shown, _ = load(broken, tmp_path)
    assert shown.body.get("data-check") == "fail"
    assert f"marked {other}" in (shown.body.get("data-check-errors") or "")
