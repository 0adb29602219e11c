//! Candidate positions: the characters at which some extractor may start reading.
//!
//! In policy news fewer than one character in ten can open a number, a date or a title, and
//! each extractor used to test every character of the text for itself. The view instead
//! notes, while it folds the text, the positions of the characters listed here (one bit-table
//! load per character), and every extractor visits only those. An extractor still applies its
//! own test at each candidate: the list only has to hold every position any of them would
//! accept, which the tests below check character by character against each extractor.

/// Characters that open a numeral (`may_start_numeral`): digits in every script the numeral
/// engine reads, magnitude words, and the signs and words that lead a numeral.
const NUMERAL_OPENERS: &str = "0123456789０１２３４５６７８９零〇○\
    一壹二两兩俩倆贰貳三叁参參叄四肆五伍六陆陸七柒八捌九玖\
    十拾百佰千仟万萬亿億兆京廿卄卅卌第负負-−";

/// Words that open a vague or lost number in a quantity (`上百`, `数十`, `几千`, `半年`), and
/// the marks a scraped page leaves where a digit was lost.
const AMOUNT_OPENERS: &str = "上数几半?\u{FFFD}";

/// First characters of the relative year and century words (`今年`, `去年`, `上世纪`), which
/// open dates when the extractor has a reference year.
const RELATIVE_YEAR_OPENERS: &str = "今本去上明前后下";

/// Opening quotation marks, where the number extractor looks for a coded slogan (`“十四五”`).
const QUOTE_OPENERS: &str = "“「‘『";

/// Title brackets and the line breaks that end the reach of an open `《`.
const TITLE_MARKS: &str = "《》\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}";

/// One bit per character of the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x1_0000 / 64;

static CANDIDATES: [u64; BMP_WORDS] = candidate_table();

const fn candidate_table() -> [u64; BMP_WORDS] {
    let mut bits = [0_u64; BMP_WORDS];
    let lists = [
        NUMERAL_OPENERS,
        AMOUNT_OPENERS,
        RELATIVE_YEAR_OPENERS,
        QUOTE_OPENERS,
        TITLE_MARKS,
    ];
    let mut l = 0;
    while l < lists.len() {
        let bytes = lists[l].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (code, len) = decode_utf8(bytes, i);
            bits[code as usize / 64] |= 1 << (code % 64);
            i += len;
        }
        l += 1;
    }
    // Private use characters stand for lost ones, as `?` does.
    let mut code = 0xE000;
    while code <= 0xF8FF {
        bits[code / 64] |= 1 << (code % 64);
        code += 1;
    }
    bits
}

/// The code point at `bytes[i]` of a string and its length in bytes (a `const` decoder: the
/// table above is built at compile time).
const fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let lead = bytes[i] as u32;
    let len = if lead < 0x80 {
        1
    } else if lead < 0xE0 {
        2
    } else if lead < 0xF0 {
        3
    } else {
        4
    };
    let mut code = if len == 1 { lead } else { lead & (0x7F >> len) };
    let mut k = 1;
    while k < len {
        code = (code << 6) | (bytes[i + k] & 0x3F) as u32;
        k += 1;
    }
    (code, len)
}

/// Whether an extractor may start reading at the (folded) character `c`.
#[inline]
pub(crate) fn is_candidate(c: char) -> bool {
    let code = c as u32;
    if code < 0x1_0000 {
        CANDIDATES[code as usize / 64] & (1 << (code % 64)) != 0
    } else {
        // The private use planes, lost characters like those of the BMP's private use area.
        code >= 0xF_0000
    }
}

#[cfg(test)]
mod tests {
    use super::is_candidate;
    use crate::lexicon::relative_years::may_start_relative_word;
    use crate::numeral::{digit_value, may_start_numeral};
    use crate::quantity::exclude::{is_lost_mark, opens_quote};

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10_FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_numeral_opener_is_a_candidate() {
        for c in every_char().filter(|&c| may_start_numeral(c) || digit_value(c).is_some()) {
            assert!(is_candidate(c), "{c:?}");
        }
    }

    #[test]
    fn every_opener_of_the_other_extractors_is_a_candidate() {
        let amount_word = |c| matches!(c, '上' | '数' | '几' | '半' | '十' | '廿' | '卅');
        let title_mark = |c| matches!(c, '《' | '》') || crate::title::is_line_break(c);
        for c in every_char().filter(|&c| {
            amount_word(c)
                || is_lost_mark(c)
                || may_start_relative_word(c)
                || opens_quote(c)
                || title_mark(c)
        }) {
            assert!(is_candidate(c), "{c:?}");
        }
    }

    #[test]
    fn plain_text_is_not_a_candidate() {
        for c in "全省新增企业家，年月日元。abc（）".chars() {
            assert!(!is_candidate(c), "{c:?}");
        }
    }
}
