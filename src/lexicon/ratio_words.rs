//! Words that state a ratio or a percentage with no unit after a number: `百分百`, `一半`,
//! `翻一番`.
//!
//! One row per word, in simplified characters: the word (split where its numeral starts, so
//! that the quantity scan, which visits numerals, finds `翻一番` at its `一`), its value and
//! what it measures. `N成` (tenths) and `N倍` (times) follow a number and are units (see
//! [`units`](super::units)).
//!
//! ```
//! use xinzhi_extract::lexicon::ratio_words::ratio_word_at;
//! let chars: Vec<char> = "翻两番".chars().collect();
//! let (word, start, end) = ratio_word_at(&chars, 1).unwrap();
//! assert_eq!((word.value, start, end), (4.0, 0, 3));
//! ```

use super::char_set::CharSet;
use crate::record::Dimension;

/// A word that states a ratio or a percentage on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioWord {
    /// What stands before the numeral (`翻` of `翻一番`), often nothing.
    pub prefix: &'static str,
    /// The word from its numeral on (`一番`, `百分百`).
    pub rest: &'static str,
    /// Its value in `unit`: 100 for `百分百` (%), 2 for `翻一番`.
    pub value: f64,
    /// The unit a quantity reports (`%`), `None` for a bare ratio.
    pub unit: Option<&'static str>,
    /// What it measures: `percent` or `ratio`.
    pub dimension: Dimension,
}

const fn word(
    prefix: &'static str,
    rest: &'static str,
    value: f64,
    unit: Option<&'static str>,
    dimension: Dimension,
) -> RatioWord {
    RatioWord {
        prefix,
        rest,
        value,
        unit,
        dimension,
    }
}

/// Every ratio word, the longer first where one begins another.
pub const RATIO_WORDS: &[RatioWord] = &[
    word("", "百分之百", 100.0, Some("%"), Dimension::Percent),
    word("", "百分百", 100.0, Some("%"), Dimension::Percent),
    word("", "一半", 0.5, None, Dimension::Ratio),
    // 翻N番: doubled N times.
    word("翻", "一番", 2.0, None, Dimension::Ratio),
    word("翻", "两番", 4.0, None, Dimension::Ratio),
    word("翻", "三番", 8.0, None, Dimension::Ratio),
    // With the particle of a change that has happened (`经济总量翻了一番`).
    word("翻了", "一番", 2.0, None, Dimension::Ratio),
    word("翻了", "两番", 4.0, None, Dimension::Ratio),
    word("翻了", "三番", 8.0, None, Dimension::Ratio),
];

/// The first characters of the words' numerals: the quantity scan asks only at these.
static NUMERAL_INITIALS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < RATIO_WORDS.len() {
        set = set.with_initial(RATIO_WORDS[k].rest);
        k += 1;
    }
    set
};

/// The second characters of the words' numerals: `一`, `两`, `三` and `百` open far more
/// words than ratio words.
static NUMERAL_SECONDS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < RATIO_WORDS.len() {
        set = set.with_second(RATIO_WORDS[k].rest);
        k += 1;
    }
    set
};

/// The ratio word whose numeral starts at `chars[i]`, with the word's start and end.
#[must_use]
pub fn ratio_word_at(chars: &[char], i: usize) -> Option<(&'static RatioWord, usize, usize)> {
    // Every numeral of the table has two characters or more.
    let opens = chars.get(i).is_some_and(|&c| NUMERAL_INITIALS.contains(c))
        && chars
            .get(i + 1)
            .is_some_and(|&c| NUMERAL_SECONDS.contains(c));
    if !opens {
        return None;
    }
    RATIO_WORDS.iter().find_map(|row| {
        let before = row.prefix.chars().count();
        let fits = i >= before
            && super::ends_with_word(&chars[..i], row.prefix)
            && super::starts_with_word(&chars[i..], row.rest);
        fits.then(|| (row, i - before, i + row.rest.chars().count()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_found_at_its_numeral() {
        for row in RATIO_WORDS {
            assert!(row.rest.chars().count() >= 2, "{}", row.rest);
            let text = format!("{}{}了", row.prefix, row.rest);
            let chars: Vec<char> = text.chars().collect();
            let at = row.prefix.chars().count();
            let (found, start, end) = ratio_word_at(&chars, at).unwrap();
            assert_eq!(
                (found.value, start, end),
                (row.value, 0, chars.len() - 1),
                "{text}"
            );
        }
        for text in ["一次", "三年", "百姓", "两个"] {
            let chars: Vec<char> = text.chars().collect();
            assert!(ratio_word_at(&chars, 0).is_none(), "{text}");
        }
    }
}
