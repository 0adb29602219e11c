//! Candidate positions: the characters at which some extractor may start reading.
//!
//! Fewer than one character in ten of policy news can open a number, a date or a title. So
//! rather than each extractor testing every character for itself, the view notes, while it
//! folds the text, the positions of the characters listed here (one bit-table load per
//! character), and every extractor visits only those. An extractor still applies its
//! own test at each candidate: the list only has to hold every position any of them would
//! accept, which the tests below check character by character against each extractor.

use crate::lexicon::char_set::CharSet;
use crate::scan::numeral::NUMERAL_OPENERS;

/// Words that open a vague or lost number in a quantity (`上百`, `数十`, `几千`, `半年`), and
/// the marks a scraped page leaves where a digit was lost (private use characters too).
const AMOUNT_OPENERS: &str = "上数几半?\u{FFFD}";

/// First characters of the relative year and century words (`今年`, `去年`, `上世纪`), which
/// open dates when the extractor has a reference year.
const RELATIVE_YEAR_OPENERS: &str = "今本去上明前后下";

/// Opening quotation marks, where the number extractor looks for a coded slogan (`“十四五”`).
const QUOTE_OPENERS: &str = "“「‘『";

/// Title brackets and the line breaks that end the reach of an open `《`.
const TITLE_MARKS: &str = "《》\n\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}";

static CANDIDATES: CharSet = CharSet::new(
    &[
        NUMERAL_OPENERS,
        AMOUNT_OPENERS,
        RELATIVE_YEAR_OPENERS,
        QUOTE_OPENERS,
        TITLE_MARKS,
    ],
    &[('\u{E000}', '\u{F8FF}')],
);

/// Whether an extractor may start reading at the (folded) character `c`.
#[inline]
pub(crate) const fn is_candidate(c: char) -> bool {
    // Beyond the Basic Multilingual Plane only the private use planes, lost characters as
    // those of the plane's private use area are.
    CANDIDATES.contains(c) || c as u32 >= 0xF_0000
}

#[cfg(test)]
mod tests {
    use super::is_candidate;
    use crate::lexicon::relative_years::may_start_relative_word;
    use crate::scan::exclude::{is_lost_mark, opens_quote};
    use crate::scan::numeral::opens_numeral;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10_FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_numeral_opener_is_a_candidate() {
        for c in every_char().filter(|&c| opens_numeral(c)) {
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
