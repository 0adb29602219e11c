"""Offsets are ``str`` indices (code points) for any text: astral characters, emoji,
private-use characters and pinyin annotations before, inside and between records."""

from __future__ import annotations

import pytest
import xinzhi_extract as xe

# Characters whose UTF-8 is 1, 2, 3 or 4 bytes, as scraped pages carry them: CJK extension B,
# emoji with joiners and flags, private-use glyphs of web fonts, Latin with accents.
NOISE = [
    "𠀋",  # U+2000B, CJK extension B
    "🚀",
    "👩\u200d👩\u200d👧",  # a family emoji: five code points, one glyph
    "🇨🇳",  # a flag: two regional indicators
    "\ue000",  # private use, basic plane
    "\U000f0001",  # supplementary private use area A
    "\U0010fffd",  # supplementary private use area B
    "é",
    "ā(ā)",
    "質(zhì)",
]


def located(text: str, pieces: list[str]) -> list[tuple[int, int, str]]:
    """Where each piece sits in ``text``, searching on from the previous one."""
    out = []
    position = 0
    for piece in pieces:
        start = text.index(piece, position)
        out.append((start, start + len(piece), piece))
        position = start + len(piece)
    return out


@pytest.mark.parametrize("noise", NOISE)
def test_offsets_count_code_points(noise: str) -> None:
    # Noise stays out of the records' way: a private-use character right before a number
    # stands for a digit lost from a damaged page.
    text = f"{noise}{noise}：2023年，{noise}印发于2024年1月3日。{noise}"
    records = xe.extract(text)
    assert [(r.start, r.end, r.text) for r in records] == located(text, ["2023年", "2024年1月3日"])
    for record in records:
        assert text[record.start : record.end] == record.text


def test_titles_and_the_dates_inside_them() -> None:
    text = "🚀🚀省政府印发《甘肃省“十四五”规划（2021—2025年）》\U000f0001的通知，𠀋2023年起施行。"
    records = xe.extract(text)
    title = "《甘肃省“十四五”规划（2021—2025年）》"
    expected = located(text, [title])
    expected += located(text, ["2021—2025年"])
    expected += located(text, ["2023年"])
    assert [(r.start, r.end, r.text) for r in records] == expected
    assert [r.kind for r in records] == ["title", "date", "date"]


def test_many_records_after_many_astral_characters() -> None:
    unit = "😀𠀋\ue000 2023年；《关于推进高质量发展的意见》。"
    text = unit * 2000
    records = xe.extract(text)
    assert len(records) == 4000
    for record in records:
        assert text[record.start : record.end] == record.text
    assert records[-1].end == len(text) - 1


def test_empty_and_noise_only_texts_have_no_records() -> None:
    for text in ["", " ", "🚀" * 50, "\ue000\uf8ff", "(zhì)(liàng)"]:
        assert xe.extract(text) == []


def test_batch_offsets_match_single_text_offsets() -> None:
    texts = [f"{noise}，2023年，{noise}：2024年1月3日" for noise in NOISE]
    batch = xe.extract_batch(texts, threads=2)
    for text, records in zip(texts, batch, strict=True):
        assert records == xe.extract(text)
        for record in records:
            assert text[record.start : record.end] == record.text
