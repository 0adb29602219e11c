//! The number part of a quantity: one numeral, a range of two, or a vague number.
//!
//! The numeral engine reads single numerals; this module composes what it leaves to its
//! callers: ranges (`3-5万`, `7000到9000亿`, `三至五`), vague numbers (`几十`, `数百`, `十几`,
//! `两三`, `上百`), numbers qualified from inside (`200余`, `3万多`, `十余万`), numbers led
//! by a bare magnitude (`千亿`, `万亿`, `百余`) and numbers lost to a damaged page (`?00`,
//! a lone `亿`).

use crate::lexicon::approx::{HALF, VAGUE_NUMBER_WORDS};
use crate::lexicon::english_magnitudes::english_magnitude;
use crate::lexicon::marks::{is_range_separator, range_separator_len};
use crate::lexicon::ratio_words::{ratio_word_at, RatioWord};
use crate::record::Approx;
use crate::scan::numeral::{
    digit_value, magnitude_value, match_numeral, NumeralAt, NumeralForm, NumeralKind,
};

use crate::lexicon::units::unit_opens_with_magnitude_at;
use crate::scan::context::magnitude_chain;
use crate::scan::exclude::is_lost_mark;

/// The number part of a quantity, in view positions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Amount {
    /// First view position.
    pub(crate) start: usize,
    /// One past the last view position.
    pub(crate) end: usize,
    /// The value; `None` for a range, a vague number or a lost one.
    pub(crate) value: Option<f64>,
    /// Lower bound.
    pub(crate) low: Option<f64>,
    /// Upper bound.
    pub(crate) high: Option<f64>,
    /// What a word inside the number says (`余` over, `几` about).
    pub(crate) approx: Approx,
    /// Cardinal, percent, per mille or fraction (of the last numeral read).
    pub(crate) kind: NumeralKind,
    /// What the number part is: one numeral, a range, a lone word.
    pub(crate) shape: Shape,
    /// A calendar year could be meant: four Arabic digits, or digits read one by one (`二〇二三`).
    pub(crate) year_like: bool,
    /// Written with Arabic digits (first character).
    pub(crate) arabic: bool,
    /// Opens with a digit and ends with 万 / 亿 / 兆, so it may count a noun directly (`46万群众`).
    pub(crate) counts_noun: bool,
    /// Ends with an English magnitude (`5 million`, `$20m`): its letters are part of the number.
    pub(crate) latin_magnitude: bool,
    /// The ratio word the number part is (`一半`, `翻一番`), which is also its measure.
    pub(crate) ratio_word: Option<&'static RatioWord>,
}

/// The shape of a number part: which rules of a quantity apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One numeral, perhaps qualified (`77`, `三千五百万`, `200余`, `十几`, `千余`).
    Numeral,
    /// Two numbers joined by a dash or 至 / 到 (`3-5万`, `三至五`).
    Range,
    /// A lone `一`, the indefinite article before a classifier.
    LoneOne,
    /// Magnitude words and no digit (`千亿`, `万亿`).
    BareMagnitude,
    /// A lone `万`: a quantity only with a word of approximation before it (`超万家`).
    LoneWan,
    /// The digits were lost (`?00`, a lone `亿`): no value at all.
    Lost,
    /// A leading `半` (one half): a quantity only with a unit of measure (`半年`, `半公升`).
    Half,
    /// A ratio word (`百分百`, `一半`, `翻两番`): a quantity with no unit after it.
    Word,
}

impl Amount {
    /// Whether the number is magnitude words alone (`千亿`, a lone `万`).
    pub(crate) fn is_bare_magnitude(&self) -> bool {
        matches!(self.shape, Shape::BareMagnitude | Shape::LoneWan)
    }

    fn single(start: usize, end: usize, value: f64, kind: NumeralKind) -> Amount {
        Amount {
            start,
            end,
            value: Some(value),
            low: Some(value),
            high: Some(value),
            approx: Approx::Exact,
            kind,
            shape: Shape::Numeral,
            year_like: false,
            arabic: false,
            counts_noun: false,
            latin_magnitude: false,
            ratio_word: None,
        }
    }

    fn vague(start: usize, end: usize, low: f64, high: Option<f64>, approx: Approx) -> Amount {
        Amount {
            value: None,
            low: Some(low),
            high,
            approx,
            ..Amount::single(start, end, low, NumeralKind::Cardinal)
        }
    }

    /// Multiplies every bound by `factor` (a magnitude read after a vague word).
    fn scaled(mut self, factor: f64) -> Amount {
        self.value = self.value.map(|v| v * factor);
        self.low = self.low.map(|v| v * factor);
        self.high = self.high.map(|v| v * factor);
        self
    }
}

/// What reading at a position found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Reading {
    /// A number part.
    Amount(Amount),
    /// An ordinal or a run of digits no quantity can start inside: resume at this position.
    Skip(usize),
    /// Nothing starts here.
    Nothing,
}

fn is_big_magnitude(c: char) -> bool {
    matches!(c, '万' | '亿' | '兆')
}

fn is_chinese_digit(c: char) -> bool {
    !c.is_ascii_digit() && digit_value(c).is_some()
}

/// The trailing run of magnitude words of the numeral `chars[start..end]`: the full run
/// (`百亿` of `九百亿`) and its big-magnitude part (`亿`).
fn trailing_magnitudes(chars: &[char], start: usize, end: usize) -> (f64, f64) {
    let mut full = 1.0;
    let mut big = 1.0;
    let mut k = end;
    while k > start {
        let Some(m) = magnitude_value(chars[k - 1]) else {
            break;
        };
        full *= m as f64;
        if is_big_magnitude(chars[k - 1]) {
            big *= m as f64;
        }
        k -= 1;
    }
    (full, big)
}

fn contains_big_magnitude(chars: &[char], start: usize, end: usize) -> bool {
    chars[start..end].iter().any(|&c| is_big_magnitude(c))
}

/// `(含)` or `（含）` (inclusive), which may stand between a number and what follows.
pub(crate) fn inclusive_mark_len(chars: &[char], i: usize) -> usize {
    let open = chars.get(i).is_some_and(|&c| c == '(' || c == '（');
    let close = chars.get(i + 2).is_some_and(|&c| c == ')' || c == '）');
    if open && close && chars.get(i + 1) == Some(&'含') {
        3
    } else {
        0
    }
}

/// Reads the number part starting at view position `i`, where `numeral` is read.
pub(crate) fn read(chars: &[char], numeral: &mut NumeralAt<'_>) -> Reading {
    let i = numeral.position();
    let Some(&c) = chars.get(i) else {
        return Reading::Nothing;
    };
    // Ratio words, vague numbers and halves open with Chinese characters; most numbers of
    // running text open with an Arabic digit, which none of them (nor a lost mark) is.
    if !c.is_ascii_digit() {
        if let Some(reading) = read_word_opened(chars, i, c) {
            return reading;
        }
    }
    let Some(m) = numeral.get() else {
        return match read_bare_magnitude(chars, i) {
            Some(amount) => Reading::Amount(amount),
            None => Reading::Nothing,
        };
    };
    if m.kind == NumeralKind::Ordinal {
        return Reading::Skip(m.end);
    }
    let mut amount = Amount::single(m.start, m.end, m.value, m.kind);
    // `两个亿`, `三个万`: a colloquial 个 before the magnitude.
    let colloquial_magnitude = m.kind == NumeralKind::Cardinal
        && chars.get(m.end) == Some(&'个')
        && !contains_big_magnitude(chars, m.start, m.end);
    if colloquial_magnitude {
        let after = chars.get(m.end + 2).copied();
        let standalone = !after.is_some_and(|c| magnitude_value(c).is_some() || c == '级');
        if let Some(&big @ ('亿' | '万')) = chars.get(m.end + 1).filter(|_| standalone) {
            let factor = magnitude_value(big).map_or(1.0, |v| v as f64);
            amount = amount.scaled(factor);
            amount.end = m.end + 2;
        }
    }
    amount.arabic = c.is_ascii_digit();
    if !amount.arabic && m.end - m.start == 1 && m.integer == Some(1) {
        amount.shape = Shape::LoneOne;
    }
    // Four Arabic digits may be a year: the length and the value settle most numerals before
    // their characters are looked at.
    let written = &chars[m.start..m.end];
    amount.year_like = m.form == NumeralForm::DigitByDigit
        || (written.len() == 4
            && (1000..=2999).contains(&m.integer.unwrap_or(0))
            && written.iter().all(char::is_ascii_digit));
    // What may follow the numeral inside the number part is told by the character after it,
    // before the costlier readings below are tried.
    let next = chars.get(amount.end).copied();
    let may_qualify =
        matches!(next, Some('几' | '余' | '多' | '来')) || m.form == NumeralForm::Chinese;
    if m.kind == NumeralKind::Cardinal && may_qualify {
        if let Some(mut vague) = read_vague_suffix(chars, &amount, m.form) {
            set_noun_flag(chars, &mut vague);
            return Reading::Amount(vague);
        }
    }
    let may_range = next.is_some_and(|c| is_range_separator(c) || matches!(c, '(' | '（'));
    if may_range {
        if let Some(mut range) = read_range(chars, &amount, m.has_magnitude) {
            add_english_magnitude(chars, &mut range);
            return Reading::Amount(range);
        }
    }
    set_noun_flag(chars, &mut amount);
    add_english_magnitude(chars, &mut amount);
    Reading::Amount(amount)
}

/// What a number opened by a word reads as: a lost number, a ratio word, a vague number or
/// a half (`None` when the numeral engine is to read it).
fn read_word_opened(chars: &[char], i: usize, c: char) -> Option<Reading> {
    if is_lost_mark(c) {
        return Some(read_lost(chars, i));
    }
    if let Some((word, start, end)) = ratio_word_at(chars, i) {
        return Some(Reading::Amount(Amount {
            shape: Shape::Word,
            ratio_word: Some(word),
            ..Amount::single(start, end, word.value, NumeralKind::Cardinal)
        }));
    }
    if let Some(amount) = read_vague_prefix(chars, i) {
        return Some(Reading::Amount(amount));
    }
    if c == HALF {
        // 上半年 and 下半年 are halves of a year, dates rather than durations.
        let half_of_year = i > 0 && matches!(chars[i - 1], '上' | '下' | '前' | '后');
        if half_of_year {
            return Some(Reading::Nothing);
        }
        return Some(Reading::Amount(Amount {
            shape: Shape::Half,
            ..Amount::single(i, i + 1, 0.5, NumeralKind::Cardinal)
        }));
    }
    read_vague_pair(chars, i).map(Reading::Amount)
}

/// The amount with the English magnitude written after it folded in (`US$5 million`,
/// `3-5 billion`, `$20m`): a number in Arabic digits followed by one is worth that much, never
/// the bare digits.
fn add_english_magnitude(chars: &[char], amount: &mut Amount) {
    if !amount.arabic || amount.kind != NumeralKind::Cardinal {
        return;
    }
    // Every English magnitude is letters, perhaps after one space.
    if !chars
        .get(amount.end)
        .is_some_and(|&c| c == ' ' || c.is_ascii_alphabetic())
    {
        return;
    }
    let Some((magnitude, len)) = english_magnitude(chars, amount.start, amount.end) else {
        return;
    };
    *amount = Amount {
        end: amount.end + len,
        year_like: false,
        latin_magnitude: true,
        ..amount.scaled(magnitude.factor)
    };
}

/// Sets [`Amount::counts_noun`], in place: an amount is copied at a cost.
#[inline]
fn set_noun_flag(chars: &[char], amount: &mut Amount) {
    // The last character first: few numbers end with a big magnitude.
    amount.counts_noun = is_big_magnitude(chars[amount.end - 1])
        && amount.shape != Shape::Lost
        && amount.kind == NumeralKind::Cardinal
        && digit_value(chars[amount.start]).is_some();
}

/// `?00`, `?亿`, a lone `亿`: the number was lost; only its unit is left.
fn read_lost(chars: &[char], i: usize) -> Reading {
    let mut end = i + 1;
    if let Some(m) = match_numeral(chars, end) {
        end = m.end;
    } else {
        while end < chars.len() && end - i <= 32 && chars[end].is_ascii_digit() {
            end += 1;
        }
    }
    while end < chars.len() && end - i <= 36 && magnitude_value(chars[end]).is_some() {
        if unit_opens_with_magnitude_at(chars, end) {
            break;
        }
        end += 1;
    }
    if end == i + 1 {
        return Reading::Nothing;
    }
    Reading::Amount(lost(i, end))
}

fn lost(start: usize, end: usize) -> Amount {
    Amount {
        value: None,
        low: None,
        high: None,
        shape: Shape::Lost,
        ..Amount::single(start, end, 0.0, NumeralKind::Cardinal)
    }
}

/// `上百`, `上千万` (over, no upper bound); `数十`, `几百万` (2 to 9 of the magnitude, about).
fn read_vague_prefix(chars: &[char], i: usize) -> Option<Amount> {
    let &(_, approx) = VAGUE_NUMBER_WORDS.iter().find(|(c, _)| *c == chars[i])?;
    // These words mostly open other words (`上海`, `数据`): a magnitude must follow.
    if chars
        .get(i + 1)
        .is_none_or(|&c| magnitude_value(c).is_none())
    {
        return None;
    }
    let (magnitude, len) = magnitude_chain(chars, i + 1)?;
    let end = i + 1 + len;
    let mut amount = if approx == Approx::Over {
        Amount::vague(i, end, magnitude, None, approx)
    } else {
        Amount::vague(i, end, 2.0 * magnitude, Some(9.0 * magnitude), approx)
    };
    amount.counts_noun = false;
    Some(amount)
}

/// Two neighbouring Chinese digits as a range (`两三个` 2–3, `七八个`, `三五年`), optionally
/// with a magnitude after them (`三五百` 300–500).
fn read_vague_pair(chars: &[char], i: usize) -> Option<Amount> {
    let (&a, &b) = (chars.get(i)?, chars.get(i + 1)?);
    // The second character first: the first opens a numeral and is mostly a digit, while
    // the one after it is mostly none (`一些`, `三是`).
    if !is_chinese_digit(b) || !is_chinese_digit(a) {
        return None;
    }
    let (low, high) = (digit_value(a)?, digit_value(b)?);
    let neighbours = low >= 1 && high > low && (high - low == 1 || (low, high) == (3, 5));
    // 一二 is a list, 二三 in 二三年 may be a year; 两三, 三四 … 八九 are vague counts.
    if !neighbours || a == '一' || a == '二' {
        return None;
    }
    if chars.get(i + 2).copied().is_some_and(is_chinese_digit) {
        return None;
    }
    let (factor, len) = magnitude_chain(chars, i + 2).unwrap_or((1.0, 0));
    let end = i + 2 + len;
    Some(Amount::vague(
        i,
        end,
        f64::from(low) * factor,
        Some(f64::from(high) * factor),
        Approx::Exact,
    ))
}

/// A number opened by a bare magnitude: `千亿`, `万亿`, `百万`, `千` (one thousand), with an
/// optional `余` / `多` (`百余家`). A lone `亿` is a number lost to the page.
fn read_bare_magnitude(chars: &[char], i: usize) -> Option<Amount> {
    if i > 0 && (digit_value(chars[i - 1]).is_some() || magnitude_value(chars[i - 1]).is_some()) {
        return None;
    }
    // 兆 and 京 open words (`京日`, `兆瓦`) far more often than numbers; and most characters
    // that open no numeral here are no magnitude at all (`负责`, `第一`, `零售`).
    if matches!(chars[i], '兆' | '京') || magnitude_value(chars[i]).is_none() {
        return None;
    }
    let (value, len) = magnitude_chain(chars, i)?;
    let end = i + len;
    if len == 1 && chars[i] == '亿' {
        return Some(lost(i, end));
    }
    let mut amount = Amount::single(i, end, value, NumeralKind::Cardinal);
    amount.shape = if len == 1 && chars[i] == '万' {
        Shape::LoneWan
    } else {
        Shape::BareMagnitude
    };
    if let Some(&c) = chars.get(end) {
        if matches!(c, '余' | '多') {
            amount.end = end + 1;
            amount.approx = Approx::Over;
            amount.shape = Shape::Numeral;
        }
    }
    Some(amount)
}

/// What may follow a numeral inside the number: `几` (`十几`, `二十几`, `一百几十`), `余` /
/// `多` / `来` (`200余`, `十多`, `十来`, then perhaps a magnitude: `十余万`, `5000多万`), or
/// the next digit (`十七八` 17–18).
fn read_vague_suffix(chars: &[char], base: &Amount, form: NumeralForm) -> Option<Amount> {
    let end = base.end;
    let value = base.value?;
    let &next = chars.get(end)?;
    let last = chars[end - 1];
    match next {
        '几' => {
            let step_of_last = match last {
                '十' => 1.0,
                '百' => 10.0,
                '千' => 100.0,
                '0' if value.fract() == 0.0 && value >= 10.0 => 1.0,
                _ => return None,
            };
            let mut after = end + 1;
            let step = match chars.get(after).and_then(|&c| magnitude_value(c)) {
                Some(m) if (m as f64) < step_of_last * 10.0 && m < 1000 => {
                    after += 1;
                    m as f64
                }
                _ => step_of_last,
            };
            let (factor, len) = magnitude_chain(chars, after).unwrap_or((1.0, 0));
            let amount = Amount::vague(
                base.start,
                after + len,
                value + 2.0 * step,
                Some(value + 9.0 * step),
                Approx::About,
            );
            Some(Amount {
                arabic: base.arabic,
                ..amount.scaled(factor)
            })
        }
        '余' | '多' | '来' => {
            let (factor, len) = magnitude_chain(chars, end + 1).unwrap_or((1.0, 0));
            let approx = if next == '来' {
                Approx::About
            } else {
                Approx::Over
            };
            // 来 only qualifies a number directly before a classifier or magnitude (十来个).
            if next == '来'
                && len == 0
                && crate::lexicon::units::unit_after(chars, end + 1).is_none()
            {
                return None;
            }
            Some(Amount {
                end: end + 1 + len,
                approx,
                year_like: false,
                shape: Shape::Numeral,
                ..base.scaled(factor)
            })
        }
        _ if form == NumeralForm::Chinese => {
            // Only tens and a units digit read on (`十七八`): one comparison settles most
            // Chinese numerals before any digit is looked up.
            let after_ten = end >= 2 && chars[end - 2] == '十';
            if !after_ten || !is_chinese_digit(next) {
                return None;
            }
            let (d, d_next) = (digit_value(last)?, digit_value(next)?);
            if d_next != d + 1 {
                return None;
            }
            if chars.get(end + 1).copied().is_some_and(is_chinese_digit) {
                return None;
            }
            let (factor, len) = magnitude_chain(chars, end + 1).unwrap_or((1.0, 0));
            Some(
                Amount::vague(
                    base.start,
                    end + 1 + len,
                    value,
                    Some(value + 1.0),
                    Approx::Exact,
                )
                .scaled(factor),
            )
        }
        _ => None,
    }
}

/// `3-5万`, `三至五`, `7000到9000亿`, `5%—8%`, `1.5亿至2亿`: two numbers joined by a dash,
/// a tilde, 至 or 到. A magnitude written only after the second number applies to both.
fn read_range(chars: &[char], first: &Amount, first_has_magnitude: bool) -> Option<Amount> {
    let mut at = first.end;
    at += inclusive_mark_len(chars, at);
    let sep = range_separator_len(chars, at);
    if sep == 0 {
        return None;
    }
    let second_start = at + sep;
    let second = match_numeral(chars, second_start)?;
    let ((NumeralKind::Cardinal, kind @ (NumeralKind::Cardinal | NumeralKind::Percent))
    | (NumeralKind::Percent, kind @ NumeralKind::Percent)) = (first.kind, second.kind)
    else {
        return None;
    };
    let mut low = first.value?;
    let high = second.value;
    if first.kind == NumeralKind::Cardinal && !contains_big_magnitude(chars, first.start, first.end)
    {
        let (full, big) = trailing_magnitudes(chars, second.start, second.end);
        let factor = if !first_has_magnitude && low.abs() < 10.0 {
            full
        } else {
            big
        };
        if factor > 1.0 && low * factor <= high {
            low *= factor;
        }
    }
    if low > high {
        return None;
    }
    let second_written = &chars[second.start..second.end];
    let second_year_like = second.form == NumeralForm::DigitByDigit
        || (second_written.len() == 4 && second_written.iter().all(char::is_ascii_digit));
    Some(Amount {
        end: second.end,
        value: None,
        low: Some(low),
        high: Some(high),
        kind,
        shape: Shape::Range,
        year_like: first.year_like || second_year_like,
        counts_noun: false,
        ..*first
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        let chars: Vec<char> = text.chars().collect();
        match read(&chars, &mut NumeralAt::new(&chars, 0)) {
            Reading::Amount(a) => a,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn ranges_share_the_magnitude_of_their_second_end() {
        let cases = [
            ("3-5万元", 30_000.0, 50_000.0),
            ("7000到9000亿元", 7e11, 9e11),
            ("八到九百亿", 8e10, 9e10),
            ("十八至三十万", 180_000.0, 300_000.0),
            ("两到三万港元", 20_000.0, 30_000.0),
            ("1.5亿至2亿元", 1.5e8, 2e8),
            ("8500到3万港元", 8500.0, 30_000.0),
            ("三至五年", 3.0, 5.0),
        ];
        for (text, low, high) in cases {
            let a = amount(text);
            assert_eq!(a.shape, Shape::Range, "{text}");
            assert_eq!(
                (a.low, a.high, a.value),
                (Some(low), Some(high), None),
                "{text}"
            );
        }
    }

    #[test]
    fn vague_numbers() {
        let cases = [
            ("几十项", Some(20.0), Some(90.0), Approx::About),
            ("十几家", Some(12.0), Some(19.0), Approx::About),
            ("二十几个", Some(22.0), Some(29.0), Approx::About),
            ("数百家", Some(200.0), Some(900.0), Approx::About),
            ("几千万元", Some(2e7), Some(9e7), Approx::About),
            ("上百个", Some(100.0), None, Approx::Over),
            ("两三个", Some(2.0), Some(3.0), Approx::Exact),
            ("三五百块", Some(300.0), Some(500.0), Approx::Exact),
            ("十七八个", Some(17.0), Some(18.0), Approx::Exact),
        ];
        for (text, low, high, approx) in cases {
            let a = amount(text);
            assert_eq!(
                (a.value, a.low, a.high, a.approx),
                (None, low, high, approx),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_qualified_from_inside() {
        let cases = [
            ("200余项", 200.0, 4),
            ("十余万人", 100_000.0, 3),
            ("5000多万", 5e7, 6),
            ("百余家", 100.0, 2),
            ("千亿元", 1e11, 2),
        ];
        for (text, value, end) in cases {
            let a = amount(text);
            assert_eq!((a.value, a.end), (Some(value), end), "{text}");
        }
    }

    #[test]
    fn lost_numbers_have_no_value() {
        for text in ["?00家", "亿元", "\u{E000}亿元"] {
            let a = amount(text);
            assert!(
                a.shape == Shape::Lost && a.value.is_none() && a.low.is_none(),
                "{text}"
            );
        }
    }
}
