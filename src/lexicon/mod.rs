//! Lexicons: every word list the extractors use, as data tables in one place.
//!
//! Each table lists simplified forms; traditional input is folded to simplified by the
//! [`TextView`](crate::TextView) before matching (see [`script`]), so a table needs a
//! traditional form only where folding cannot produce the simplified one.

pub mod approx;
pub(crate) mod char_set;
pub mod date_cues;
pub mod doc_types;
pub mod english_magnitudes;
pub mod issuers;
pub mod marks;
pub mod media;
pub mod numerals;
pub mod periods_of_year;
pub mod phrases;
pub mod ratio_words;
pub mod regions;
pub mod relative_years;
pub mod script;
pub mod subjects;
pub mod units;
pub(crate) mod word_index;
pub(crate) mod word_trie;

/// Whether `chars` begins with the characters of `word`, read as they come: most look-ups
/// fail on the first character, before the word's length is known.
pub(crate) fn starts_with_word(chars: &[char], word: &str) -> bool {
    let mut rest = chars.iter();
    word.chars().all(|w| rest.next() == Some(&w))
}

/// Whether `chars` ends with the characters of `word`, compared from the end.
pub(crate) fn ends_with_word(chars: &[char], word: &str) -> bool {
    let mut rest = chars.iter().rev();
    word.chars().rev().all(|w| rest.next() == Some(&w))
}

#[cfg(test)]
mod tests {
    use super::{ends_with_word, starts_with_word};

    #[test]
    fn words_at_either_end() {
        let chars: Vec<char> = "上半年以来".chars().collect();
        assert!(starts_with_word(&chars, "上半年"));
        assert!(starts_with_word(&chars, ""));
        assert!(!starts_with_word(&chars, "下半年"));
        assert!(!starts_with_word(&chars[3..], "以来了"));
        assert!(ends_with_word(&chars, "以来"));
        assert!(!ends_with_word(&chars, "上半年以来啊"));
        assert!(!ends_with_word(&chars[..2], "年以"));
    }
}
