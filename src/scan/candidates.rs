//! Candidate positions: the characters at which some extractor may start reading.
//!
//! Fewer than one character in ten of policy news can open a number, a date or a title. So
//! rather than each extractor testing every character for itself, the view notes, while it
//! folds the text, the positions of the characters that open something (one bit-table load
//! per character), and every extractor visits only those. The set is made from the tables
//! that declare those openers, so a row added to one of them is a candidate at once; an
//! extractor still applies its own test at each candidate.

use crate::lexicon::approx::{HALF, VAGUE_NUMBER_WORDS};
use crate::lexicon::char_set::CharSet;
use crate::lexicon::marks::{
    chars_set, LINE_BREAKS, LOST_MARKS, PRIVATE_USE, QUOTE_PAIRS, TITLE_BRACKETS,
};
use crate::lexicon::numerals::OPENERS;
use crate::lexicon::relative_years::date_word_initials;

/// Every character that opens a record: numeral characters; the words that open a vague
/// number (`上百`, `数十`, `半年`) and the marks where a digit was lost; the relative years
/// and centuries (`今年`, `上世纪`), which open dates when the extractor has a reference year;
/// opening quotation marks, where the number extractor looks for a coded slogan (`“十四五”`);
/// title brackets and the line breaks that end the reach of an open `《`.
static CANDIDATES: CharSet = candidate_set();

const fn candidate_set() -> CharSet {
    let mut set = chars_set(LOST_MARKS)
        .union(&chars_set(LINE_BREAKS))
        .union(&OPENERS)
        .union(&CharSet::new(&[], &[PRIVATE_USE]))
        .with_char(HALF)
        .with_char(TITLE_BRACKETS.0)
        .with_char(TITLE_BRACKETS.1);
    let mut k = 0;
    while k < VAGUE_NUMBER_WORDS.len() {
        set = set.with_char(VAGUE_NUMBER_WORDS[k].0);
        k += 1;
    }
    k = 0;
    while k < QUOTE_PAIRS.len() {
        set = set.with_char(QUOTE_PAIRS[k].0);
        k += 1;
    }
    // The words that open dates with no digit (`今年`, `上世纪`), periods of the year among
    // them (`上半年`, `Q1`).
    set.union(&date_word_initials())
}

/// Whether an extractor may start reading at the (folded) character `c`.
#[inline]
// Both tests are made, with no branch between them: which one decides depends on the text, so a
// branch would be mispredicted.
#[allow(clippy::needless_bitwise_bool)]
pub(crate) const fn is_candidate(c: char) -> bool {
    // Beyond the Basic Multilingual Plane only the private use planes, lost characters as
    // those of the plane's private use area are.
    CANDIDATES.contains(c) | (c as u32 >= 0xF_0000)
}

#[cfg(test)]
mod tests {
    use super::is_candidate;
    use crate::lexicon::marks::{is_line_break, is_lost_mark};
    use crate::lexicon::relative_years::may_start_relative_word;
    use crate::scan::exclude::opens_quote;
    use crate::scan::numeral::may_start_numeral;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10_FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_opener_of_every_extractor_is_a_candidate() {
        let amount_word = |c| matches!(c, '上' | '数' | '几' | '半' | '十' | '廿' | '卅');
        let title_mark = |c| matches!(c, '《' | '》') || is_line_break(c);
        for c in every_char().filter(|&c| {
            may_start_numeral(c)
                || amount_word(c)
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
