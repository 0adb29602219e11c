//! Numerals that are not numbers: coded slogans in quotation marks, list labels, digits glued
//! to Latin letters (`5G`, `G20`, a hash), clock times, file names and set phrases.
//!
//! Shared by the quantity and number extractors. Every check looks at a bounded window
//! around the numeral, so scanning stays linear.

use crate::lexicon::marks::{closing_quote, opens_list_item};
use crate::lexicon::numerals::DIGITS_AND_MAGNITUDES;
use crate::lexicon::phrases::{is_name_with_digits_in, set_phrase_overlapping};
use crate::lexicon::{ends_with_word, starts_with_word};
use crate::scan::numeral::{digit_value, year_after_label_dot};

/// The longest quotation, in characters between the marks, read as a possible coded slogan
/// (`“1+3+4”`, `“十四五”`, `“智改数转网联”`); longer quotations are speech or titles.
const MAX_SLOGAN_CHARS: usize = 10;

pub(crate) use crate::lexicon::marks::is_lost_mark;

/// A character with a digit value or a magnitude value: asked of every character of a
/// quotation, so one bit-table load answers for the characters beyond ASCII (a test checks
/// that it agrees with [`digit_value`](crate::scan::numeral::digit_value) and
/// [`magnitude_value`](crate::scan::numeral::magnitude_value)).
fn is_numeral_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        DIGITS_AND_MAGNITUDES.contains(c)
    }
}

/// Whether `c` opens a quotation.
#[must_use]
pub(crate) fn opens_quote(c: char) -> bool {
    closing_quote(c).is_some()
}

/// If `chars[open]` opens a short quotation that holds a numeral (a coded slogan such as
/// `“1650”`, `“十四五”`, `“四化”`), the position of its closing mark.
#[must_use]
pub(crate) fn slogan_quote(chars: &[char], open: usize) -> Option<usize> {
    let close_mark = closing_quote(chars[open])?;
    let window = chars.len().min(open + 2 + MAX_SLOGAN_CHARS);
    let inner = &chars[open + 1..window];
    let close = inner.iter().position(|&c| c == close_mark || c == '\n')?;
    if inner[close] != close_mark {
        return None;
    }
    inner[..close]
        .iter()
        .any(|&c| is_numeral_char(c))
        .then_some(open + 1 + close)
}

/// The coded slogans met by a scan that visits every quotation mark in order: where the
/// last quotation opened closes when it is a slogan, so that a numeral asks whether it is
/// inside one without looking back for the mark.
#[derive(Debug, Default)]
pub(crate) struct Slogans {
    until: usize,
}

impl Slogans {
    /// Takes note of the quotation `chars[i]` opens, if it opens one.
    pub(crate) fn visit(&mut self, chars: &[char], i: usize) {
        if opens_quote(chars[i]) {
            self.until = slogan_quote(chars, i).unwrap_or(0);
        }
    }

    /// Whether position `at`, at or after the last mark visited, lies inside a slogan: the
    /// same answer as [`in_slogan`].
    pub(crate) fn covers(&self, at: usize) -> bool {
        at < self.until
    }
}

/// Whether position `at` lies inside a short quotation holding a numeral (a coded slogan:
/// `“十四五”`, `“两区”`, `“三区一中心”`).
#[must_use]
pub(crate) fn in_slogan(chars: &[char], at: usize) -> bool {
    // A slogan holds at most a few characters, so its opening mark is close before.
    (at.saturating_sub(MAX_SLOGAN_CHARS + 2)..at)
        .rev()
        .take_while(|&k| chars[k] != '\n')
        .find(|&k| opens_quote(chars[k]))
        .and_then(|open| slogan_quote(chars, open))
        .is_some_and(|close| close > at)
}

/// Whether the Arabic numeral `chars[start..end]` is glued to Latin letters: a product or
/// grade name (`5G`, `G20`, `4A`), part of an identifier or a hash. With `latin_unit`, the
/// letters after it are a unit (`168cm`) and only those before it count.
#[must_use]
pub(crate) fn glued_to_letters(chars: &[char], start: usize, end: usize, latin_unit: bool) -> bool {
    let letter_before = start > 0
        && (chars[start - 1].is_ascii_alphabetic()
            || (matches!(chars[start - 1], '-' | '_')
                && start > 1
                && chars[start - 2].is_ascii_alphanumeric()));
    let letter_after = !latin_unit && chars.get(end).is_some_and(char::is_ascii_alphabetic);
    if letter_before || letter_after {
        return true;
    }
    if latin_unit {
        return false;
    }
    // With no letter or digit on either side the token is the numeral itself, which holds
    // no letter: most numerals of running text stand between Chinese characters.
    let alphanumeric_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_alphanumeric);
    if (start == 0 || !alphanumeric_at(start - 1)) && !alphanumeric_at(end) {
        return is_name_with_digits_in(&chars[start..end]);
    }
    // A product name of digits and letters with punctuation inside (`PM2.5`, `5G-A`).
    let token_start = (start.saturating_sub(4)..start)
        .rev()
        .take_while(|&k| chars[k].is_ascii_alphanumeric())
        .last()
        .unwrap_or(start);
    let token_end = (end..chars.len().min(end + 4))
        .take_while(|&k| chars[k].is_ascii_alphanumeric())
        .last()
        .map_or(end, |k| k + 1);
    is_name_with_digits_in(&chars[token_start..token_end])
}

/// Whether the numeral `chars[start..end]` is a clock time (`2:00`), part of a dotted name
/// (`11.jpg`, `www.12.cn`, the `5` of `PM2.5`) or of a code with colons, or a note or reference
/// marker in square brackets (`良好态势［1］`, `始得動支。【122】`, `【4、5、6】`): a label, not
/// an amount.
#[must_use]
pub(crate) fn is_time_or_code(chars: &[char], start: usize, end: usize) -> bool {
    let next = chars.get(end).copied();
    let before = start.checked_sub(1).map(|k| chars[k]);
    // Each case has a colon, a dot, a square bracket or a list mark next to the numeral; most
    // numerals have none.
    if !matches!(next, Some(':' | '.' | ']' | '】' | '、' | ','))
        && !matches!(before, Some(':' | '.' | '[' | '【' | '、' | ','))
    {
        return false;
    }
    let after_next = chars.get(end + 1).copied();
    // A clock time has two digits after its colon (`2:00`, `09:02:33`); one digit after a
    // colon makes a ratio (`之比突破1：1`, `收入比收窄至2：1以内`), numbers of their own.
    let two_digits = |at: usize| {
        chars
            .get(at..at + 2)
            .is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(at + 2).is_some_and(char::is_ascii_digit)
    };
    let clock = next == Some(':') && two_digits(end + 1);
    let dotted_name = next == Some('.') && after_next.is_some_and(|c| c.is_ascii_alphabetic());
    let after_colon =
        before == Some(':') && start >= 2 && chars[start - 2].is_ascii_digit() && end - start == 2;
    // The tail of a dotted run (`PM2.5`, `v1.2.3`) whose head was refused.
    let after_dot = before == Some('.')
        && start >= 2
        && chars[start - 2].is_ascii_alphanumeric()
        && !after_label_before_year(chars, start);
    clock || dotted_name || after_colon || after_dot || in_reference_brackets(chars, start, end)
}

/// Whether the digits at `chars[start]` are the year a list label's dot stands before
/// (`2026` of `1.2026年`): the tail of no dotted run.
#[inline]
pub(crate) fn after_label_before_year(chars: &[char], start: usize) -> bool {
    // Most digits after a dot are decimals with no 年 four places on: one comparison.
    chars.get(start + 4) == Some(&'年') && labelled_year_at(chars, start)
}

/// [`after_label_before_year`] past its first test.
#[cold]
#[inline(never)]
fn labelled_year_at(chars: &[char], start: usize) -> bool {
    let dot = start - 1;
    let label = chars[..dot]
        .iter()
        .rev()
        .take(3)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&label)
        && year_after_label_dot(chars, dot)
        && opens_list_item(chars, dot - label)
}

/// The most characters looked at on either side of a numeral for the square brackets of a
/// list of references.
const MAX_REFERENCE_LIST_CHARS: usize = 48;

/// Whether the digits `chars[start..end]` stand in square brackets that hold nothing but
/// numbers and list marks: note markers and the lists of related proposals a budget text
/// ends with (`［3］`, `【13、14、15】`). Full-width brackets are folded to ASCII in the view.
fn in_reference_brackets(chars: &[char], start: usize, end: usize) -> bool {
    let in_list = |c: &char| c.is_ascii_digit() || matches!(c, '、' | ',');
    let open = chars[..start]
        .iter()
        .rev()
        .take(MAX_REFERENCE_LIST_CHARS)
        .find(|c| !in_list(c));
    let close = chars[end..]
        .iter()
        .take(MAX_REFERENCE_LIST_CHARS)
        .find(|c| !in_list(c));
    matches!(
        (open, close),
        (Some('['), Some(']')) | (Some('【'), Some('】'))
    )
}

/// Whether the numeral `chars[start..end]` labels a list item: `1.`, `2、`, `10．` where an
/// item may open (at the start of a line, after a sentence, a colon or a closing quotation
/// mark: see [`opens_list_item`]), or a number alone in brackets (`（1）`, `(一)`).
#[must_use]
pub(crate) fn is_list_label(chars: &[char], start: usize, end: usize) -> bool {
    let next = chars.get(end).copied();
    let bracketed =
        start > 0 && matches!(chars[start - 1], '(' | '（') && matches!(next, Some(')' | '）'));
    if bracketed {
        return true;
    }
    // The mark after the number first: most numbers have none, and then their digits need no
    // look. A year may follow the mark (`1.2026年`: the label 1, then the year).
    let label_mark = match next {
        Some('.') => {
            !chars.get(end + 1).is_some_and(char::is_ascii_digit)
                || year_after_label_dot(chars, end)
        }
        Some('、') => !chars.get(end + 1).is_some_and(char::is_ascii_digit),
        _ => false,
    };
    label_mark
        && chars[start..end].iter().all(char::is_ascii_digit)
        && opens_list_item(chars, start)
}

/// Words after `N次` that make N the number of a session (`五次全会`, `三次会议`), an ordinal.
const SESSION_WORDS: &[&str] = &["全会", "会议", "全体会议", "大会", "常委会"];

/// Whether the numeral `chars[start..end]` numbers a session without 第: `十四届`,
/// `十二届五次全会` (the number is an ordinal, not a count).
#[must_use]
pub(crate) fn is_session_number(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        Some('届') => true,
        Some('次') => SESSION_WORDS
            .iter()
            .any(|word| starts_with_word(&chars[end + 1..], word)),
        // `四中全会`: the fourth plenary session of a central committee.
        Some('中') => starts_with_word(&chars[end + 1..], PLENUM),
        _ => false,
    }
}

/// Words before `N大` that make it the party's Nth national congress (`党的二十大`, `中共十八大`).
const CONGRESS_HOLDERS: &[&str] = &["党的", "中共"];

/// Words after `N大` that make it a congress too (`十八大以来`, `二十大精神`, `二十大报告`).
const CONGRESS_FOLLOWERS: &[&str] = &["以来", "精神", "报告", "召开", "代表", "期间", "胜利"];

/// The congresses of the last half century are the 11th to the 21st: a smaller count before
/// 大 names major items even after 党的 (`党的三大作风`).
const CONGRESS_NUMBERS: std::ops::RangeInclusive<i64> = 11..=30;

/// Whether the Chinese numeral `chars[start..end]`, of value `value`, with 大 at `chars[end]`,
/// names a national congress of the party, which is an ordinal (the twentieth congress), not a
/// count of major items (`十大重点工程`).
#[must_use]
pub(crate) fn is_congress_number(chars: &[char], start: usize, end: usize, value: i64) -> bool {
    CONGRESS_NUMBERS.contains(&value)
        && !chars[start].is_ascii_digit()
        && (CONGRESS_HOLDERS
            .iter()
            .any(|word| ends_with_word(&chars[..start], word))
            || CONGRESS_FOLLOWERS
                .iter()
                .any(|word| starts_with_word(&chars[end + 1..], word)))
}

/// What follows `N中` in the name of a plenary session (`三中全会`).
const PLENUM: &str = "全会";

/// Characters before `N期` that make it a count of rounds or issues, never the number of a
/// phase: determiners (`新一期`, `上一期`, `每期`, `同一期`, `其中一期`) and words of quantity
/// (`超`, `共`, `累计`, `连续`, `近`, `分三期建设`).
const PHASE_COUNT_WORDS: &[char] = &[
    '同', '上', '下', '本', '每', '这', '那', '哪', '各', '新', '前', '后', '近', '首', '末', '中',
    '超', '逾', '约', '共', '计', '续', '分', '几', '数', '多', '干', '满', '好', '了', '过',
];

/// Final characters of verbs that hold or complete rounds (`举办一期培训班`, `办理四期`,
/// `完成40期`, `开设一期`): after them `N期` counts rounds, unless a project follows it
/// (`建成二期工程`).
const PHASE_COUNT_VERBS: &[char] = &[
    '办', '理', '成', '行', '展', '织', '设', '出', '有', '是', '为', '做', '搞', '开', '录', '印',
];

/// Words after `N期` that name the phase's project (`二期工程`, `三期扩建`, `二期計畫`).
const PHASE_PROJECTS: &[&str] = &[
    "工程",
    "项目",
    "建设",
    "扩建",
    "改扩建",
    "计划",
    "计画",
    "基金",
];

/// Words that open with 期 and are no phase (`一期间`, `三期限`).
const NOT_PHASE_AFTER: &[char] = &['间', '限', '末', '货', '刊', '望', '待', '盼', '许', '权'];

/// Whether the numeral `chars[start..end]` numbers a phase of a project without 第:
/// `机场三期`, `二期工程`, `核电一期`, `18号线二期`, `建成二期工程` (the number is an ordinal,
/// not a count). Not where the words before make it a count of rounds (`分三期建设`,
/// `完成40期`, `新一期`, `举办一期培训班`: see [`PHASE_COUNT_WORDS`], [`PHASE_COUNT_VERBS`]);
/// a phase is one digit (`培训班120期` counts sessions), and 两 counts, it never ranks.
#[must_use]
#[inline]
pub(crate) fn is_phase_number(chars: &[char], start: usize, end: usize) -> bool {
    // Most numerals are followed by no 期: one comparison, inlined, settles them.
    chars.get(end) == Some(&'期') && numbers_phase_before_qi(chars, start, end)
}

/// [`is_phase_number`] past its first test: `chars[end]` is 期.
fn numbers_phase_before_qi(chars: &[char], start: usize, end: usize) -> bool {
    let one_digit = end == start + 1
        && !matches!(chars[start], '两' | '俩')
        && digit_value(chars[start]).is_some_and(|d| d > 0);
    if !one_digit
        || chars
            .get(end + 1)
            .is_some_and(|c| NOT_PHASE_AFTER.contains(c))
    {
        return false;
    }
    let Some(&before) = start.checked_sub(1).map(|k| &chars[k]) else {
        return true;
    };
    if PHASE_COUNT_WORDS.contains(&before) {
        return false;
    }
    !PHASE_COUNT_VERBS.contains(&before)
        || PHASE_PROJECTS
            .iter()
            .any(|word| starts_with_word(&chars[end + 1..], word))
}

/// Whether the numeral `chars[start..end]` is a rank: `前10位`, `前三名`.
#[must_use]
pub(crate) fn is_rank(chars: &[char], start: usize, end: usize) -> bool {
    start > 0 && chars[start - 1] == '前' && matches!(chars.get(end), Some('位' | '名'))
}

/// Whether a set phrase (`一批`, `万众`, `千方百计`, `一季度`) covers any Chinese character of
/// `chars[start..end]`.
#[must_use]
pub(crate) fn in_set_phrase(chars: &[char], start: usize, end: usize) -> bool {
    set_phrase_overlapping(chars, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeral_characters_are_those_with_a_digit_or_magnitude_value() {
        use crate::scan::numeral::{digit_value, magnitude_value};
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_numeral_char(c),
                digit_value(c).is_some() || magnitude_value(c).is_some(),
                "{c}"
            );
        }
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn slogans_are_short_quotations_with_numerals() {
        let c = chars("构建“1+3+4”体系");
        assert_eq!(slogan_quote(&c, 2), Some(8));
        let c = chars("“天河天元”");
        assert_eq!(slogan_quote(&c, 0), None);
        let c = chars("“这是一段很长的引语，其中有3个数字”");
        assert_eq!(slogan_quote(&c, 0), None);
    }

    #[test]
    fn letters_times_and_labels() {
        let c = chars("5G基站");
        assert!(glued_to_letters(&c, 0, 1, false));
        let c = chars("G20峰会");
        assert!(glued_to_letters(&c, 1, 3, false));
        let c = chars("PM2.5浓度");
        assert!(glued_to_letters(&c, 2, 5, false));
        let c = chars("新增5家");
        assert!(!glued_to_letters(&c, 2, 3, false));
        let c = chars("今天2:00 pm");
        assert!(is_time_or_code(&c, 2, 3));
        let c = chars("11.jpg");
        assert!(is_time_or_code(&c, 0, 2));
        let c = chars("说明\n1.“两重”");
        assert!(is_list_label(&c, 3, 4));
        let c = chars("增长1.5%");
        assert!(!is_list_label(&c, 2, 5));
        let c = chars("（1）");
        assert!(is_list_label(&c, 1, 2));
    }
}
