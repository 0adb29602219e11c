//! Words around a number that decide whether `N年`, `N月` or `N日` is a calendar date.

use std::sync::LazyLock;

use super::word_index::WordIndex;

/// Words right before a number that make `N年` / `N月` / `N日` a span of time, not a point in
/// the calendar: `近2000年` is "nearly two thousand years", `连续3日` "three days running".
/// Checked longest first against the characters just before the number.
pub const DURATION_BEFORE: &[&str] = &[
    "连续", "长达", "为期", "期限", "用时", "耗时", "历时", "历经", "持续", "将近", "接近", "大约",
    "超过", "不到", "不足", "近", "约", "超", "逾", "达", "每", "第", "满", "数", "几", "前", "头",
    "隔", "用",
];

/// Words right after `N年` that make it a span of time: `2000年历史`, `1000年之久`.
pub const DURATION_AFTER_YEAR: &[&str] = &["历史", "之久", "以上", "左右", "上下", "多"];

static DURATION_BEFORE_INDEX: LazyLock<WordIndex<()>> = LazyLock::new(|| {
    WordIndex::from_words(DURATION_BEFORE.iter().map(|w| (w.chars().collect(), ())))
});

static DURATION_AFTER_YEAR_INDEX: LazyLock<WordIndex<()>> = LazyLock::new(|| {
    WordIndex::from_words(
        DURATION_AFTER_YEAR
            .iter()
            .map(|w| (w.chars().collect(), ())),
    )
});

/// Whether a word of [`DURATION_BEFORE`] ends just before `chars[end]`.
pub(crate) fn duration_word_ends_at(chars: &[char], end: usize) -> bool {
    DURATION_BEFORE_INDEX
        .longest_ending_at(chars, end)
        .is_some()
}

/// Whether a word of [`DURATION_AFTER_YEAR`] starts at `chars[start]`.
pub(crate) fn duration_word_after_year_at(chars: &[char], start: usize) -> bool {
    DURATION_AFTER_YEAR_INDEX.longest_at(chars, start).is_some()
}

/// Characters right after `N日` that make 日 part of another word: 日元 (yen), 日均 (daily
/// average), 日内 (within N days), 日游 (an N-day tour), 日之 (一日之计).
pub const NOT_AFTER_DAY: &str = "元均内游之";

/// Characters right after `N月` that make it a span or rate, not a month: 月均, 月薪, 月息, 月租.
pub const NOT_AFTER_MONTH: &str = "均薪息租";

/// Characters right before a Chinese month or day numeral that make the numeral part of another
/// word: 统一月度, 同一月份, 每一日, 唯一日期, and the weekdays 星期一, 礼拜四, 周四 (so that
/// `星期一到十月` is not read as January to October).
pub const CHINESE_NUMERAL_WORD_ENDS: &str =
    "统同每单唯逐第这那哪某上下前后近几数半头整各本当次隔专期拜周";

/// Separators between the two ends of a period: `2023—2026年`, `2023至2026年`, `1~3月`. The
/// one list of range separators, [`super::marks::RANGE_SEPARATORS`].
pub const PERIOD_SEPARATORS: &[char] = super::marks::RANGE_SEPARATORS;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{ends_with_word, starts_with_word};

    /// The indexed look-ups answer as a search of the tables does, at every position of text
    /// made of the tables' words, their characters and others.
    #[test]
    fn indexed_look_ups_agree_with_the_tables() {
        let text: String = DURATION_BEFORE
            .iter()
            .chain(DURATION_AFTER_YEAR)
            .flat_map(|w| [*w, "年", "续"])
            .collect();
        let chars: Vec<char> = text.chars().chain("近近历".chars()).collect();
        for k in 0..=chars.len() {
            let before = DURATION_BEFORE
                .iter()
                .any(|w| ends_with_word(&chars[..k], w));
            assert_eq!(duration_word_ends_at(&chars, k), before, "{k}");
            let after = DURATION_AFTER_YEAR
                .iter()
                .any(|w| starts_with_word(&chars[k..], w));
            assert_eq!(duration_word_after_year_at(&chars, k), after, "{k}");
        }
    }
}
