//! Named parts of a year that economic news reports by: quarters and halves.
//!
//! `2024年一季度` is January to March 2024, `今年上半年` January to June of the reference year.

use std::sync::LazyLock;

use super::char_set::CharSet;
use super::word_index::WordIndex;

/// A named part of a year and the months it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodOfYear {
    /// The word, simplified.
    pub word: &'static str,
    /// First month, 1–12.
    pub first_month: u32,
    /// Last month, 1–12.
    pub last_month: u32,
}

const fn period(word: &'static str, first_month: u32, last_month: u32) -> PeriodOfYear {
    PeriodOfYear {
        word,
        first_month,
        last_month,
    }
}

/// Quarters and halves, longest first where one word ends another (`前三季度`, `三季度`).
pub const PERIODS_OF_YEAR: &[PeriodOfYear] = &[
    period("前三个季度", 1, 9),
    period("前三季度", 1, 9),
    period("第一季度", 1, 3),
    period("第二季度", 4, 6),
    period("第三季度", 7, 9),
    period("第四季度", 10, 12),
    period("一季度", 1, 3),
    period("二季度", 4, 6),
    period("三季度", 7, 9),
    period("四季度", 10, 12),
    period("前3季度", 1, 9),
    period("1季度", 1, 3),
    period("2季度", 4, 6),
    period("3季度", 7, 9),
    period("4季度", 10, 12),
    period("Q1", 1, 3),
    period("Q2", 4, 6),
    period("Q3", 7, 9),
    period("Q4", 10, 12),
    period("上半年", 1, 6),
    period("下半年", 7, 12),
];

/// The first characters of [`PERIODS_OF_YEAR`]: the dates scanner asks at every numeral.
static INITIALS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < PERIODS_OF_YEAR.len() {
        set = set.with_initial(PERIODS_OF_YEAR[k].word);
        k += 1;
    }
    set
};

/// The second characters of [`PERIODS_OF_YEAR`]: most numerals that open with an initial
/// (`2025年`, `一次`) go on with none of these.
static SECONDS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < PERIODS_OF_YEAR.len() {
        set = set.with_second(PERIODS_OF_YEAR[k].word);
        k += 1;
    }
    set
};

/// The named part of a year at the start of `chars`, if any.
///
/// ```
/// use xinzhi_extract::lexicon::periods_of_year::period_of_year_at;
/// let chars: Vec<char> = "一季度末".chars().collect();
/// let quarter = period_of_year_at(&chars).unwrap();
/// assert_eq!((quarter.first_month, quarter.last_month), (1, 3));
/// ```
#[must_use]
pub fn period_of_year_at(chars: &[char]) -> Option<&'static PeriodOfYear> {
    period_with_len_at(chars).map(|(period, _)| period)
}

/// [`PERIODS_OF_YEAR`] by their first two characters: the scanners ask at every numeral,
/// and a digit (`2025年`, `12万`) opens several words of the table.
static INDEX: LazyLock<WordIndex<&'static PeriodOfYear>> =
    LazyLock::new(|| WordIndex::new(PERIODS_OF_YEAR, |p| p.word));

/// [`period_of_year_at`] with the length of the word in characters. No word of the table
/// begins another, so the longest word found is the only one.
// Inlined where the dates scanner asks at every numeral: the two loads settle nearly every
// call, and the search is a call of its own.
#[inline]
pub(crate) fn period_with_len_at(chars: &[char]) -> Option<(&'static PeriodOfYear, usize)> {
    let [first, second, ..] = chars else {
        return None;
    };
    if !(INITIALS.contains(*first) && SECONDS.contains(*second)) {
        return None;
    }
    indexed_period_at(chars)
}

#[inline(never)]
fn indexed_period_at(chars: &[char]) -> Option<(&'static PeriodOfYear, usize)> {
    INDEX.longest_at(chars, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_begins_another() {
        for a in PERIODS_OF_YEAR {
            for b in PERIODS_OF_YEAR {
                assert!(
                    a == b || !b.word.starts_with(a.word),
                    "{} {}",
                    a.word,
                    b.word
                );
            }
        }
    }

    #[test]
    fn every_word_is_found_with_its_length() {
        for period in PERIODS_OF_YEAR {
            let chars: Vec<char> = format!("{}末", period.word).chars().collect();
            let len = period.word.chars().count();
            assert!(
                len >= 2,
                "{}: the look-up reads two characters",
                period.word
            );
            assert_eq!(
                period_with_len_at(&chars),
                Some((period, len)),
                "{}",
                period.word
            );
        }
        for text in ["2025年", "12万", "一次", "Q5", "上半", "三个季度"] {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(period_with_len_at(&chars), None, "{text}");
        }
    }
}
