//! Byte offsets to code-point offsets, for callers that index text by character.
//!
//! Records carry byte offsets (`&text[start..end]`). Python, JavaScript and most data tools
//! index strings by code point instead; [`to_char_offsets`] converts a whole set of offsets in
//! a single pass over the text, however many records there are, and [`CharCounter`] converts
//! the offsets of records one at a time, as they are read in order.

/// Rewrites byte offsets into `text` as code-point offsets, in one pass over `text`.
///
/// The offsets may come in any order (a title's end lies past the records it contains).
/// An offset inside a multi-byte character counts the characters that start before it; one
/// past the end of `text` counts every character. Cost: one scan of `text` up to the largest
/// offset, plus sorting the offsets when they are not already in order.
///
/// ```
/// use xinzhi_extract::offsets::to_char_offsets;
///
/// let text = "新增企业77家，🚀投资4.2億元";
/// let mut offsets = [text.find("77").unwrap(), text.find("家").unwrap() + 3, text.find("4.2").unwrap()];
/// to_char_offsets(text, &mut offsets);
/// assert_eq!(offsets, [4, 7, 11]);
/// let chars: Vec<char> = text.chars().collect();
/// assert_eq!(chars[4..7].iter().collect::<String>(), "77家");
/// ```
pub fn to_char_offsets(text: &str, offsets: &mut [usize]) {
    let bytes = text.as_bytes();
    if offsets.is_sorted() {
        let mut cursor = CharCursor::default();
        for offset in offsets.iter_mut() {
            *offset = cursor.advance_to(bytes, *offset);
        }
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut cursor = CharCursor::default();
    for i in order {
        offsets[i] = cursor.advance_to(bytes, offsets[i]);
    }
}

/// A position in a UTF-8 text, in bytes and in characters, that only moves forward.
#[derive(Debug, Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    /// Moves to byte `target` (clamped to the text) and returns the characters before it.
    fn advance_to(&mut self, bytes: &[u8], target: usize) -> usize {
        let target = target.min(bytes.len());
        if target > self.byte {
            self.chars += count_char_starts(&bytes[self.byte..target]);
            self.byte = target;
        }
        self.chars
    }
}

/// Byte offsets into one text to code-point offsets, one at a time, each counted from the
/// one before, forward or back: for offsets that come nearly in order, as those of records do
/// (in order of their starts, each end and subject a short way off), it needs neither a list
/// of the offsets nor a sort. Its cost is the distance between consecutive offsets.
///
/// ```
/// use xinzhi_extract::offsets::CharCounter;
///
/// let text = "新增企业77家，投资4.2億元";
/// let mut counter = CharCounter::new(text);
/// assert_eq!(counter.char_offset(text.find("77").unwrap()), 4);
/// assert_eq!(counter.char_offset(text.find("4.2").unwrap()), 10);
/// assert_eq!(counter.char_offset(text.find("新增").unwrap()), 0);
/// ```
#[derive(Debug, Clone)]
pub struct CharCounter<'a> {
    bytes: &'a [u8],
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    /// A counter at the start of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            bytes: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte offset `byte`, as [`to_char_offsets`] gives it (inside a
    /// character: the characters that start before it; past the end: every character).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if byte >= self.byte {
            self.chars += count_char_starts(&self.bytes[self.byte..byte]);
        } else {
            self.chars -= count_char_starts(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }
}

/// Number of characters that start in `bytes`: every byte except UTF-8 continuation bytes
/// (`0b10xx_xxxx`). Eight bytes at a time in one word, each byte's flag added into its own
/// lane, the lanes summed every 255 words before they can overflow: about one instruction a
/// byte, where a loop over bytes takes five.
fn count_char_starts(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const EVEN: u64 = 0x00FF_00FF_00FF_00FF;
    let (words, tail) = bytes.as_chunks::<8>();
    let mut starts = 0;
    for group in words.chunks(255) {
        let mut lanes = 0;
        for word in group {
            let word = u64::from_le_bytes(*word);
            // A byte starts a character when its top bit is clear or the next one set.
            lanes += ((!word >> 7) | (word >> 6)) & LOW;
        }
        let pairs = (lanes & EVEN) + ((lanes >> 8) & EVEN);
        starts += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
    }
    starts + tail.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::{to_char_offsets, CharCounter};

    /// The code-point offset of every char boundary, computed the slow, obvious way.
    fn expected(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(i, _)| i < byte).count()
    }

    #[test]
    fn boundaries_of_mixed_scripts_and_planes() {
        let texts = [
            "",
            "77家",
            "全省新增企业77家",
            "約5萬(wàn)個(gè)，𠀋𠀋投资8990萬元",
            "🚀🇨🇳 增长16%\u{E000}\u{F8FF}《规划》",
            "Ａ１２３　４.2亿元",
        ];
        for text in texts {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let mut offsets = boundaries.clone();
            to_char_offsets(text, &mut offsets);
            let wanted: Vec<usize> = boundaries.iter().map(|&b| expected(text, b)).collect();
            assert_eq!(offsets, wanted, "in {text:?}");
        }
    }

    #[test]
    fn offsets_out_of_order_as_titles_make_them() {
        // A title and the date inside it: start, end, start, end is not sorted.
        let text = "印发《甘肃省规划（2023—2026年）》的通知";
        let title_start = text.find('《').unwrap();
        let title_end = text.find('》').unwrap() + '》'.len_utf8();
        let date_start = text.find("2023").unwrap();
        let date_end = text.find("年）").unwrap() + '年'.len_utf8();
        let mut offsets = [title_start, title_end, date_start, date_end];
        to_char_offsets(text, &mut offsets);
        assert_eq!(offsets, [2, 21, 9, 19]);
    }

    #[test]
    fn a_counter_moving_both_ways_agrees_with_the_one_pass() {
        let text = "約5萬(wàn)個(gè)，𠀋𠀋投资8990萬元。🚀🇨🇳 增长16%《规划》".repeat(3);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Forward, back and forward again, inside characters and past the end.
        offsets.extend((0..=text.len()).rev().step_by(7));
        offsets.extend((0..=text.len()).step_by(5));
        let mut counter = CharCounter::new(&text);
        let one_by_one: Vec<usize> = offsets.iter().map(|&b| counter.char_offset(b)).collect();
        to_char_offsets(&text, &mut offsets);
        assert_eq!(one_by_one, offsets);
    }

    #[test]
    fn offsets_past_the_end_count_every_character() {
        let mut offsets = [100, 0];
        to_char_offsets("二〇二三年", &mut offsets);
        assert_eq!(offsets, [5, 0]);
    }
}
