//! The numeral engine. Its documentation is that of the public `numeral` module, which
//! re-exports it.

mod decimal;
mod grammar;
mod writer;

use std::fmt;

use crate::error::{Error, Result};
use crate::lexicon::numerals::{digit_of, numeral_char, Meaning, DIGITS, OPENERS};
use crate::lexicon::script::to_simplified;
use crate::scan::TextView;

pub(crate) use grammar::year_after_label_dot;
pub use grammar::MAX_NUMERAL_CHARS;
use grammar::{Mode, Parsed, StopReason, Value};

/// A parsed numeral: its value and what kind of number it is.
///
/// ```
/// use xinzhi_extract::{parse_numeral, NumeralKind, NumeralValue};
///
/// let n = parse_numeral("百分之五").unwrap();
/// assert_eq!(n.kind, NumeralKind::Percent);
/// assert_eq!(n.value, NumeralValue::Integer(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// The value: for a percent the number of percent (`65%` is 65), for a fraction its
    /// quotient, for an ordinal its rank.
    pub value: NumeralValue,
    /// Cardinal, percent, per mille, fraction or ordinal.
    pub kind: NumeralKind,
}

impl Numeral {
    /// The value as a float.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::parse_numeral("三分之一").unwrap().as_f64(), 1.0 / 3.0);
    /// ```
    #[must_use]
    pub fn as_f64(&self) -> f64 {
        self.value.as_f64()
    }
}

impl fmt::Display for Numeral {
    /// The value, followed by `%` or `‰` for those kinds.
    ///
    /// ```
    /// use xinzhi_extract::parse_numeral;
    /// assert_eq!(parse_numeral("百分之二点五").unwrap().to_string(), "2.5%");
    /// assert_eq!(parse_numeral("第三").unwrap().to_string(), "3");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        match self.kind {
            NumeralKind::Percent => f.write_str("%"),
            NumeralKind::PerMille => f.write_str("‰"),
            _ => Ok(()),
        }
    }
}

/// A numeral's value: an exact integer whenever the value is integral and fits `i64`.
///
/// ```
/// use xinzhi_extract::{parse_numeral, NumeralValue};
///
/// assert_eq!(parse_numeral("一点五").unwrap().value, NumeralValue::Float(1.5));
/// assert_eq!(parse_numeral("1.0").unwrap().value, NumeralValue::Integer(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumeralValue {
    /// An integral value, exact.
    Integer(i64),
    /// Any other value, the nearest float.
    Float(f64),
}

impl NumeralValue {
    /// The value as a float.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::NumeralValue::Integer(3).as_f64(), 3.0);
    /// ```
    #[must_use]
    pub fn as_f64(self) -> f64 {
        match self {
            NumeralValue::Integer(n) => n as f64,
            NumeralValue::Float(x) => x,
        }
    }

    /// The exact integer, when the value is one.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::NumeralValue::Integer(3).as_i64(), Some(3));
    /// assert_eq!(xinzhi_extract::NumeralValue::Float(0.5).as_i64(), None);
    /// ```
    #[must_use]
    pub fn as_i64(self) -> Option<i64> {
        match self {
            NumeralValue::Integer(n) => Some(n),
            NumeralValue::Float(_) => None,
        }
    }
}

impl fmt::Display for NumeralValue {
    /// ```
    /// use xinzhi_extract::NumeralValue;
    /// assert_eq!(NumeralValue::Integer(12).to_string(), "12");
    /// assert_eq!(NumeralValue::Float(0.5).to_string(), "0.5");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumeralValue::Integer(n) => write!(f, "{n}"),
            NumeralValue::Float(x) => write!(f, "{x}"),
        }
    }
}

/// What kind of number a numeral states.
///
/// ```
/// use xinzhi_extract::{parse_numeral, NumeralKind};
/// assert_eq!(parse_numeral("第七").unwrap().kind, NumeralKind::Ordinal);
/// assert_eq!(parse_numeral("3‰").unwrap().kind, NumeralKind::PerMille);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumeralKind {
    /// A plain number (`一百二十三`, `1.2万`).
    Cardinal,
    /// A percentage (`百分之五`, `65%`); the value is the number of percent.
    Percent,
    /// A per-mille figure (`千分之三`, `3‰`); the value is the number of per mille.
    PerMille,
    /// A fraction (`三分之一`, `1/10`); the value is the quotient.
    Fraction,
    /// A rank with 第 (`第七`); the value is the rank.
    Ordinal,
}

impl NumeralKind {
    /// The kind's name in snake case.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::NumeralKind::PerMille.as_str(), "per_mille");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumeralKind::Cardinal => "cardinal",
            NumeralKind::Percent => "percent",
            NumeralKind::PerMille => "per_mille",
            NumeralKind::Fraction => "fraction",
            NumeralKind::Ordinal => "ordinal",
        }
    }
}

/// How a numeral is written.
///
/// ```
/// use xinzhi_extract::{match_numeral, NumeralForm};
/// let form = |s: &str| match_numeral(&s.chars().collect::<Vec<_>>(), 0).unwrap().form;
/// assert_eq!(form("2023"), NumeralForm::Arabic);
/// assert_eq!(form("两千零二十三"), NumeralForm::Chinese);
/// assert_eq!(form("1.2万"), NumeralForm::Mixed);
/// assert_eq!(form("二〇二三"), NumeralForm::DigitByDigit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumeralForm {
    /// Arabic digits only (`1,000`, `65%`, `1/10`).
    Arabic,
    /// Chinese digits and magnitude words (`一百二十三`, `三分之一`).
    Chinese,
    /// Arabic digits with Chinese magnitudes (`1.2万`, `5万亿`).
    Mixed,
    /// Chinese digits read one by one, with no magnitude (`二〇二三`).
    DigitByDigit,
}

impl NumeralForm {
    /// The form's name in snake case.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::NumeralForm::DigitByDigit.as_str(), "digit_by_digit");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumeralForm::Arabic => "arabic",
            NumeralForm::Chinese => "chinese",
            NumeralForm::Mixed => "mixed",
            NumeralForm::DigitByDigit => "digit_by_digit",
        }
    }
}

/// How [`to_chinese`] writes: lower case (`一二三`, the default) or financial upper case
/// (`壹贰叁`), simplified (the default) or traditional characters.
///
/// ```
/// use xinzhi_extract::{to_chinese, ChineseStyle};
/// let style = ChineseStyle { upper: true, traditional: true };
/// assert_eq!(to_chinese(123, style), "壹佰貳拾參");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChineseStyle {
    /// Financial digits (`壹贰叁`, `拾佰仟`), as on cheques and contracts.
    pub upper: bool,
    /// Traditional characters (`萬 億 負 點`, `貳 參 陸`).
    pub traditional: bool,
}

/// A numeral found in a [`TextView`], in view positions.
///
/// ```
/// use xinzhi_extract::{match_numeral, NumeralKind};
/// let chars: Vec<char> = "近65%".chars().collect();
/// let m = match_numeral(&chars, 1).unwrap();
/// assert_eq!((m.start, m.end, m.value, m.kind), (1, 4, 65.0, NumeralKind::Percent));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumeralMatch {
    /// First view position of the numeral (its 第, 负 or 百分之 included).
    pub start: usize,
    /// One past its last view position (its `%` included).
    pub end: usize,
    /// The value: 65.0 for `65%`, 0.1 for `1/10`, 7.0 for `第七`.
    pub value: f64,
    /// The exact value when it is integral and fits `i64`.
    pub integer: Option<i64>,
    /// Cardinal, percent, per mille, fraction or ordinal.
    pub kind: NumeralKind,
    /// How it is written.
    pub form: NumeralForm,
    /// Whether a magnitude word (十 百 千 万 亿 兆 京, or a financial or traditional form) is
    /// part of it: `46万` has one, `46` has none.
    pub has_magnitude: bool,
}

/// The value of a digit character (folded, as in [`TextView::chars`]): `0`–`9` for
/// `零 〇 ○ 一 … 九`, `两` (and the colloquial `俩`), the financial `壹 贰 叁 (参) 肆 伍 陆 柒 捌 玖`, and ASCII
/// digits. Traditional forms (`兩 貳 參 陸`) and full-width digits are accepted too.
///
/// ```
/// use xinzhi_extract::numeral::digit_value;
/// assert_eq!(digit_value('两'), Some(2));
/// assert_eq!(digit_value('柒'), Some(7));
/// assert_eq!(digit_value('7'), Some(7));
/// assert_eq!(digit_value('十'), None);
/// ```
#[must_use]
// Asked of nearly every character the scanners pass: a call costs more than the test.
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    // The extractors ask this of the characters around every numeral; almost none of them
    // can be a digit (the magnitudes after the digits neither), which one bit-table load tells.
    if !DIGITS.contains(c) {
        return None;
    }
    non_ascii_digit_value(c)
}

/// [`digit_value`] of a character that is not ASCII, looked up in the table.
#[inline(never)]
fn non_ascii_digit_value(c: char) -> Option<u32> {
    digit_of(c).map(u32::from)
}

/// The value of a magnitude word: 十 拾 10, 百 佰 100, 千 仟 1000, 万 萬 10^4, 亿 億 10^8,
/// 兆 10^12, 京 10^16.
///
/// ```
/// use xinzhi_extract::numeral::magnitude_value;
/// assert_eq!(magnitude_value('萬'), Some(10_000));
/// assert_eq!(magnitude_value('兆'), Some(1_000_000_000_000));
/// assert_eq!(magnitude_value('五'), None);
/// ```
#[must_use]
#[inline]
pub fn magnitude_value(c: char) -> Option<u64> {
    if !OPENERS.contains(c) {
        return None;
    }
    magnitude_exponent(c).map(|exponent| 10_u64.pow(exponent))
}

/// The power of ten of a magnitude word (十 is 1, 万 4), from the table.
pub(crate) fn magnitude_exponent(c: char) -> Option<u32> {
    match numeral_char(c)?.meaning {
        Meaning::Magnitude(exponent) => Some(u32::from(exponent)),
        _ => None,
    }
}

/// Whether `c` can open a numeral (a digit, a magnitude, 廿 卅 卌, 第, 负, a minus sign):
/// a cheap filter before [`match_numeral`].
///
/// ```
/// use xinzhi_extract::numeral::may_start_numeral;
/// assert!(may_start_numeral('第'));
/// assert!(may_start_numeral('8'));
/// assert!(!may_start_numeral('年'));
/// ```
#[must_use]
pub fn may_start_numeral(c: char) -> bool {
    OPENERS.contains(c)
}

/// Folds one character as [`TextView`] does: full-width ASCII to ASCII, the ideographic
/// space to a space, traditional to simplified.
fn fold_char(c: char) -> char {
    match c {
        // ASCII and the simplified numeral characters fold to themselves: skip the table.
        '\0'..='\u{7F}'
        | '零'
        | '〇'
        | '一'
        | '二'
        | '三'
        | '四'
        | '五'
        | '六'
        | '七'
        | '八'
        | '九'
        | '十'
        | '百'
        | '千'
        | '万'
        | '亿'
        | '点'
        | '负'
        | '第'
        | '分'
        | '之' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => to_simplified(c),
    }
}

/// Numerals up to this many characters are folded on the stack.
const INLINE_CHARS: usize = 48;

/// Parses a whole string as one numeral.
///
/// Surrounding white space is ignored; anything else that is not part of the numeral is an
/// error that names the character and its position (in characters of `s`). Beyond what
/// [`match_numeral`] finds in running text, the strict parser accepts a leading magnitude
/// with its 一 left out (`百二` = 120, `萬九` = 19000) and money written as on a cheque
/// (`壹佰壹拾壹圆整` = 111, `壹元贰角` = 1.2, `叁角伍分` = 0.35).
///
/// ```
/// use xinzhi_extract::{parse_numeral, Error, NumeralKind, NumeralValue};
///
/// assert_eq!(parse_numeral("一万二").unwrap().value, NumeralValue::Integer(12_000));
/// assert_eq!(parse_numeral("５萬億").unwrap().value, NumeralValue::Integer(5_000_000_000_000));
/// assert_eq!(parse_numeral("二〇二三").unwrap().value, NumeralValue::Integer(2023));
/// assert_eq!(parse_numeral("负零点五").unwrap().value, NumeralValue::Float(-0.5));
/// assert_eq!(parse_numeral("1/10").unwrap().kind, NumeralKind::Fraction);
/// assert!(matches!(parse_numeral("一百千"), Err(Error::MisorderedMagnitude { position: 2, .. })));
/// assert!(matches!(parse_numeral("三个"), Err(Error::UnexpectedCharacter { character: '个', .. })));
/// assert!(matches!(parse_numeral(" "), Err(Error::EmptyInput)));
/// ```
pub fn parse_numeral(s: &str) -> Result<Numeral> {
    let mut inline = ['\0'; INLINE_CHARS];
    let spilled: Vec<char>;
    let folded: &[char] = if s.len() <= INLINE_CHARS {
        // A UTF-8 string has no more characters than bytes.
        let mut count = 0;
        for (slot, c) in inline.iter_mut().zip(s.chars()) {
            *slot = fold_char(c);
            count += 1;
        }
        &inline[..count]
    } else {
        spilled = s.chars().map(fold_char).collect();
        &spilled
    };
    let lead = folded.iter().take_while(|c| c.is_whitespace()).count();
    let trail = folded[lead..]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    let chars = &folded[lead..folded.len() - trail];
    if chars.is_empty() {
        return Err(Error::EmptyInput);
    }
    let (parsed, stop) = grammar::parse_at(chars, 0, chars.len(), Mode::Whole);
    match parsed {
        Some(p) if p.end == chars.len() => numeral_from(p, s),
        _ => {
            let reached = parsed.map_or(0, |p| p.end);
            let (position, reason) = if stop.position >= reached {
                (stop.position, stop.reason)
            } else {
                (reached, StopReason::Unexpected)
            };
            Err(parse_error(s, lead + position, reason))
        }
    }
}

fn parse_error(input: &str, position: usize, reason: StopReason) -> Error {
    let input_owned = || input.to_owned();
    let character = input.chars().nth(position);
    match (reason, character) {
        (StopReason::Overflow, _) => Error::Overflow {
            input: input_owned(),
        },
        (StopReason::Misordered, Some(magnitude)) => Error::MisorderedMagnitude {
            input: input_owned(),
            magnitude,
            position,
        },
        (StopReason::Malformed(reason), _) => Error::Malformed {
            input: input_owned(),
            reason: reason.to_owned(),
        },
        (_, Some(character)) => Error::UnexpectedCharacter {
            input: input_owned(),
            character,
            position,
        },
        (_, None) => Error::Malformed {
            input: input_owned(),
            reason: "the numeral is incomplete".to_owned(),
        },
    }
}

fn numeral_from(parsed: Parsed, input: &str) -> Result<Numeral> {
    let value = match parsed.value {
        Value::Exact(d) if d.is_integer() => match d.to_i64() {
            Some(n) => NumeralValue::Integer(n),
            None => {
                return Err(Error::Overflow {
                    input: input.to_owned(),
                })
            }
        },
        Value::Exact(d) => NumeralValue::Float(d.to_f64()),
        Value::Ratio {
            numerator,
            denominator,
        } => match numerator.exact_quotient(denominator) {
            Some(n) => NumeralValue::Integer(n),
            None => NumeralValue::Float(numerator.to_f64() / denominator.to_f64()),
        },
    };
    Ok(Numeral {
        value,
        kind: parsed.kind,
    })
}

fn match_from(parsed: Parsed, start: usize) -> NumeralMatch {
    let (value, integer) = match parsed.value {
        Value::Exact(d) => (d.to_f64(), d.to_i64()),
        Value::Ratio {
            numerator,
            denominator,
        } => (
            numerator.to_f64() / denominator.to_f64(),
            numerator.exact_quotient(denominator),
        ),
    };
    NumeralMatch {
        start,
        end: parsed.end,
        value,
        integer,
        kind: parsed.kind,
        form: parsed.form,
        has_magnitude: parsed.has_magnitude,
    }
}

/// The longest numeral starting exactly at view position `start` of `chars` (a
/// [`TextView`]'s folded characters), or `None`.
///
/// It takes a leading `第` (ordinal), `负`, or `-` directly before a digit (but not after a
/// digit, a letter or a numeral, where `-` is a range dash: `3-5`); a leading `百分之` /
/// `千分之` or a trailing `%` / `‰` (percent, per mille); fractions `三分之一` and `1/10`.
/// It does not take approximation words (几 余 多 左右 …) or range dashes: callers compose
/// those. Running-text rules the strict parser does not need: Chinese digits read one by
/// one need a zero or four digits (`二〇二三`, `一九九八`), since fewer are a vague range or a
/// list (`三四个`, `一二三产业`) and only the first digit is taken; a lone financial
/// digit or 零 is a word (`陆续`, `队伍`, `零售`); a magnitude that opens a metric unit is
/// left to it (`5千瓦` is 5 before `千瓦`); a numeral never opens with 百 千 万 亿 unless it is
/// `百分之` / `千分之` / `万分之`. At most [`MAX_NUMERAL_CHARS`] characters are read.
///
/// ```
/// use xinzhi_extract::{match_numeral, NumeralForm};
///
/// let chars: Vec<char> = "投资4.2亿元".chars().collect();
/// let m = match_numeral(&chars, 2).unwrap();
/// assert_eq!((m.start, m.end, m.integer), (2, 6, Some(420_000_000)));
/// assert_eq!(m.form, NumeralForm::Mixed);
/// assert!(m.has_magnitude);
/// assert!(match_numeral(&chars, 0).is_none());
/// ```
#[must_use]
pub fn match_numeral(chars: &[char], start: usize) -> Option<NumeralMatch> {
    match_numeral_within(chars, start, chars.len())
}

/// Like [`match_numeral`], but the numeral must end by view position `end`: the longest
/// numeral in `chars[start..end]` that starts at `start`. Check `m.end == end` to parse a
/// span known to hold exactly one numeral.
///
/// ```
/// use xinzhi_extract::numeral::match_numeral_within;
///
/// let chars: Vec<char> = "三至五年".chars().collect();
/// let low = match_numeral_within(&chars, 0, 1).unwrap();
/// assert_eq!((low.end, low.integer), (1, Some(3)));
/// let chars: Vec<char> = "一百二十三".chars().collect();
/// assert_eq!(match_numeral_within(&chars, 0, 2).unwrap().integer, Some(100));
/// ```
#[must_use]
pub fn match_numeral_within(chars: &[char], start: usize, end: usize) -> Option<NumeralMatch> {
    let end = end.min(chars.len());
    if start >= end || !may_start_numeral(chars[start]) {
        return None;
    }
    let limit = end.min(start.saturating_add(MAX_NUMERAL_CHARS));
    if chars[start].is_ascii_digit() {
        if grammar::in_identifier(chars, start) {
            // Digits inside an identifier or a web address (`G20`, `%20`) open no numeral.
            return None;
        }
        if let Some(plain) = plain_integer_at(chars, start, limit) {
            return Some(plain);
        }
    } else if let Shortcut::Settled(found) = lone_character_at(chars, start, limit) {
        return found;
    }
    if let Some(arabic) = arabic_at(chars, start, limit) {
        return Some(arabic);
    }
    let (parsed, _) = grammar::parse_at(chars, start, limit, Mode::Scan);
    parsed.map(|p| match_from(p, start))
}

/// Whether `c`, right after a numeral, may continue it or turn it into another kind of
/// numeral (a digit, a magnitude, a point, grouping, a percent, a fraction, 又).
fn may_continue_numeral(c: char) -> bool {
    may_start_numeral(c)
        || matches!(
            c,
            ',' | ' ' | '.' | '%' | '﹪' | '‰' | '/' | '又' | '分' | '点' | '幺'
        )
}

/// Whether `c`, right after a Chinese numeral character, may continue the numeral: a digit,
/// a magnitude, a point, a fraction or a percent sign (grouping and decimal points belong to
/// Arabic digits).
fn may_continue_chinese(c: char) -> bool {
    may_start_numeral(c) || matches!(c, '点' | '分' | '%' | '﹪' | '‰' | '又' | '幺')
}

/// Most characters that open a numeral in running text stand alone, inside words (`统一`,
/// `一些`, `万众`, `千方百计`, `第三方`): a lone common digit is that digit, a lone 十 ten,
/// and a magnitude or a run of them no numeral at all (it needs a digit before it), nor is
/// 第 or 负 before no numeral. This settles those cases as the grammar would, and hands the
/// rest to [`short_numeral_at`] and the grammar.
fn lone_character_at(chars: &[char], start: usize, limit: usize) -> Shortcut {
    let c = chars[start];
    if matches!(c, '-' | '−') {
        // A dash is a minus sign only before a digit and where no number or word ends.
        let signed_digit = start + 1 < limit && chars[start + 1].is_ascii_digit();
        return if signed_digit && grammar::minus_allowed(chars, start) {
            Shortcut::Grammar
        } else {
            Shortcut::Settled(None)
        };
    }
    if c.is_ascii() || start + 1 >= limit {
        return Shortcut::Grammar;
    }
    if matches!(
        c,
        '百' | '佰' | '千' | '仟' | '万' | '萬' | '亿' | '億' | '兆' | '京'
    ) {
        // No numeral opens with these but `百分之`, `千分之`, `万分之` and the elided 一 of
        // `千三`; a run of magnitudes before no digit is a word (`千亿级`, `万亿元`).
        let run = chars[start..limit]
            .iter()
            .take_while(|&&c| magnitude_value(c).is_some())
            .count();
        let at = |k: usize| chars.get(k).filter(|_| k < limit).copied();
        return match at(start + run) {
            Some(next) if !may_continue_chinese(next) => Shortcut::Settled(None),
            // 分 opens a fraction only as 分之 (`百分之五`): `个百分点` holds no numeral.
            Some('分') if at(start + run + 1) != Some('之') => Shortcut::Settled(None),
            _ => Shortcut::Grammar,
        };
    }
    if may_continue_chinese(chars[start + 1]) {
        return short_numeral_at(chars, start, limit);
    }
    let single = |value: u32, has_magnitude: bool| {
        Shortcut::Settled(Some(NumeralMatch {
            start,
            end: start + 1,
            value: f64::from(value),
            integer: Some(i64::from(value)),
            kind: NumeralKind::Cardinal,
            form: NumeralForm::Chinese,
            has_magnitude,
        }))
    };
    match (c, digit_value(c)) {
        (
            '一' | '二' | '两' | '兩' | '俩' | '倆' | '三' | '四' | '五' | '六' | '七' | '八'
            | '九',
            Some(value),
        ) => single(value, false),
        ('十', _) => single(10, true),
        ('第' | '负' | '負', _) => Shortcut::Settled(None),
        _ if grammar::is_word_when_alone(c) => Shortcut::Settled(None),
        _ => Shortcut::Grammar,
    }
}

/// The short numerals that most Chinese numerals of more than one character in running text
/// are: tens (`十四`, `二十七`, `三十`) and ordinals of a digit or of tens (`第四`, `第十五`),
/// ending at the limit or before a character that cannot continue them. After tens with a
/// units digit, a digit ends the numeral too, as the grammar reads it (`十四五` is 十四 and
/// 五). This settles those as the grammar would, and leaves every other shape to it.
fn short_numeral_at(chars: &[char], start: usize, limit: usize) -> Shortcut {
    let at = |k: usize| chars[..limit].get(k).copied();
    let common_digit = |k: usize| match at(k)? {
        c @ ('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九') => {
            digit_value(c)
        }
        _ => None,
    };
    let ordinal = chars[start] == '第';
    let from = start + usize::from(ordinal);
    let (mut value, mut end, tens) = match (at(from), common_digit(from)) {
        (Some('十'), _) => (10, from + 1, true),
        (_, Some(digit)) if at(from + 1) == Some('十') => (digit * 10, from + 2, true),
        (_, Some(digit)) if ordinal => (digit, from + 1, false),
        (_, Some(_)) => return year_digits_at(chars, start, limit),
        _ => return Shortcut::Grammar,
    };
    let mut units = false;
    if let Some(digit) = common_digit(end).filter(|_| tens) {
        value += digit;
        end += 1;
        units = true;
    }
    if at(end).is_some_and(may_continue_chinese) && !(units && common_digit(end).is_some()) {
        return Shortcut::Grammar;
    }
    Shortcut::Settled(Some(NumeralMatch {
        start,
        end,
        value: f64::from(value),
        integer: Some(i64::from(value)),
        kind: if ordinal {
            NumeralKind::Ordinal
        } else {
            NumeralKind::Cardinal
        },
        form: NumeralForm::Chinese,
        has_magnitude: tens,
    }))
}

/// A year written digit by digit (`二〇二四年`, `一九九八`), the one shape of Chinese numeral
/// in running text the shortcuts above leave to the grammar often: four everyday digits, the
/// first not zero, ending before a character that cannot continue them. This settles it as
/// the grammar reads it (four digits in a row are read one by one), and leaves every other
/// shape to the grammar.
fn year_digits_at(chars: &[char], start: usize, limit: usize) -> Shortcut {
    const LEN: usize = 4;
    let everyday_digit = |c: char| match c {
        '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => {
            digit_value(c)
        }
        _ => None,
    };
    let end = start + LEN;
    // Cut by the window, the digits are the grammar's: it may read a shorter run.
    let ends = if end < limit {
        let next = chars[end];
        !may_continue_numeral(next) && !grammar::NUMERAL_SPACES.contains(&next)
    } else {
        end == limit && limit == chars.len()
    };
    if !ends || chars[start] == '〇' || chars[start] == '○' || chars[start] == '零' {
        return Shortcut::Grammar;
    }
    let mut value = 0;
    for &c in &chars[start..end] {
        let Some(d) = everyday_digit(c) else {
            return Shortcut::Grammar;
        };
        value = value * 10 + d;
    }
    Shortcut::Settled(Some(NumeralMatch {
        start,
        end,
        value: f64::from(value),
        integer: Some(i64::from(value)),
        kind: NumeralKind::Cardinal,
        form: NumeralForm::DigitByDigit,
        has_magnitude: false,
    }))
}

/// What a shortcut past the grammar found.
enum Shortcut {
    /// The grammar's answer, known without running it.
    Settled(Option<NumeralMatch>),
    /// A case for the grammar.
    Grammar,
}

/// The commonest numeral of running text: ASCII digits ending at the window's end or before
/// a character that can neither continue a numeral nor make it another kind (`2025年`,
/// `77家`, `12229亿` is not one: 亿 continues it). Read with the value [`arabic_at`] and the
/// grammar give, in integer arithmetic; `None` leaves every other shape to them.
fn plain_integer_at(chars: &[char], start: usize, limit: usize) -> Option<NumeralMatch> {
    let mut value: u64 = 0;
    let mut end = start;
    while end < limit {
        let Some(d) = chars[end].to_digit(10) else {
            break;
        };
        if end - start == MAX_PLAIN_DIGITS {
            return None;
        }
        value = value * 10 + u64::from(d);
        end += 1;
    }
    let next = chars[..limit].get(end);
    if next.is_some_and(|&c| may_continue_numeral(c) || grammar::NUMERAL_SPACES.contains(&c)) {
        return None;
    }
    Some(NumeralMatch {
        start,
        end,
        value: value as f64,
        integer: Some(value as i64),
        kind: NumeralKind::Cardinal,
        form: NumeralForm::Arabic,
        has_magnitude: false,
    })
}

/// Digits at most in a numeral [`arabic_at`] reads, so that its mantissa stays below 2^53
/// and converts to `f64` exactly.
const MAX_PLAIN_DIGITS: usize = 15;

/// Most numerals of running text are a few ASCII digits, perhaps with decimals, then perhaps
/// 万 or 亿 or a percent sign, followed by a character that cannot continue a numeral
/// (`2023年`, `77家`, `13697.5亿元`, `33.6%；`): this reads those directly, with the result the
/// grammar would give, and leaves every other shape (grouping, smaller magnitudes, fractions,
/// digit runs in identifiers, a numeral cut by the window) to the grammar.
fn arabic_at(chars: &[char], start: usize, limit: usize) -> Option<NumeralMatch> {
    let digits_from = |from: usize| {
        chars[from..limit]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let whole = digits_from(start);
    if whole == 0 || grammar::in_identifier(chars, start) {
        return None;
    }
    let mut end = start + whole;
    let mut places = 0;
    if chars.get(end) == Some(&'.') && end + 1 < limit {
        places = digits_from(end + 1);
        // A dotted run before (`2.3` of `1.2.3`) leaves the point to the grammar.
        let dotted_before =
            start >= 2 && chars[start - 1] == '.' && chars[start - 2].is_ascii_digit();
        // So does a list label before a year (`1.2026年`).
        if places > 0 && dotted_before || places == 4 && grammar::labels_a_year(chars, start, end) {
            return None;
        }
        if places > 0 {
            end += 1 + places;
        }
    }
    // A second point (`2026.02.10`, `3.0.1`) makes a date or a version, even past the window.
    let dotted_again = places > 0 && chars.get(end) == Some(&'.');
    if whole + places > MAX_PLAIN_DIGITS || dotted_again {
        return None;
    }
    let mantissa = chars[start..end]
        .iter()
        .filter_map(|c| c.to_digit(10))
        .fold(0, |m, d| m * 10 + i128::from(d));
    let value = decimal::Decimal::new(mantissa, places as u32)?;
    let found = |end: usize, value: decimal::Decimal, kind, has_magnitude: bool| NumeralMatch {
        start,
        end,
        value: value.to_f64(),
        integer: value.to_i64(),
        kind,
        form: if has_magnitude {
            NumeralForm::Mixed
        } else {
            NumeralForm::Arabic
        },
        has_magnitude,
    };
    let Some(next) = chars.get(end).copied().filter(|_| end < limit) else {
        return Some(found(end, value, NumeralKind::Cardinal, false));
    };
    let after = chars.get(end + 1).copied();
    // What the grammar would read on after Arabic digits: a group of three (`1,000`), a
    // decimal, a percent or fraction, a magnitude. A digit of another script, 点, a dash or a
    // point before no digit ends the numeral there.
    let continues = match next {
        ',' | ' ' => {
            let digit_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
            let grouped = places == 0
                && whole <= 3
                && end + 4 <= limit
                && (1..=3).all(|k| digit_at(end + k))
                && !digit_at(end + 4);
            // A space before a magnitude (`5800 萬`) is stepped over by the grammar.
            grouped || (next == ' ' && after.is_some_and(|c| magnitude_value(c).is_some()))
        }
        '\u{A0}' | '\u{3000}' | '\u{2009}' | '\u{202F}' => {
            after.is_some_and(|c| magnitude_value(c).is_some())
        }
        '.' => after.is_some_and(|c| c.is_ascii_digit()),
        '%' | '﹪' | '‰' | '/' | '又' => true,
        '分' => after == Some('之'),
        c => magnitude_value(c).is_some(),
    };
    if !continues {
        return Some(found(end, value, NumeralKind::Cardinal, false));
    }
    match next {
        // `%25` in a web address is an escape, not a percent.
        '%' | '﹪' if !after.is_some_and(|c| c.is_ascii_alphanumeric()) => {
            Some(found(end + 1, value, NumeralKind::Percent, false))
        }
        '‰' => Some(found(end + 1, value, NumeralKind::PerMille, false)),
        // Digits may follow the magnitude one space on (`5万 6`, SPEC §5): the grammar's.
        '万' | '萬' | '亿' | '億' => {
            // 万亿 (10^12) is one magnitude of money and output figures (`8.9万亿元`).
            let compound = matches!(next, '万' | '萬') && matches!(after, Some('亿' | '億'));
            let (exponent, len) = match (next, compound) {
                (_, true) => (12, 2),
                ('万' | '萬', false) => (4, 1),
                _ => (8, 1),
            };
            let ends = end + len < limit
                && !chars.get(end + len).is_some_and(|&c| {
                    may_continue_numeral(c) || grammar::NUMERAL_SPACES.contains(&c)
                });
            if !ends {
                return None;
            }
            let value = value.checked_mul_pow10(exponent)?;
            Some(found(end + len, value, NumeralKind::Cardinal, true))
        }
        _ => None,
    }
}

/// The numeral at one view position, read at most once however many scans ask for it: the
/// quantity and number scans visit the same candidates and both read the numeral there.
pub(crate) struct NumeralAt<'c> {
    chars: &'c [char],
    position: usize,
    /// `None` until read; then the numeral there, if any.
    #[allow(clippy::option_option)]
    read: Option<Option<NumeralMatch>>,
}

impl<'c> NumeralAt<'c> {
    /// The numeral at `chars[position]`, not read yet.
    pub(crate) fn new(chars: &'c [char], position: usize) -> Self {
        NumeralAt {
            chars,
            position,
            read: None,
        }
    }

    /// The view position.
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    /// [`match_numeral`] at the position, by reference: the scans read its fields in place
    /// rather than copying the match out.
    pub(crate) fn get(&mut self) -> Option<&NumeralMatch> {
        let (chars, position) = (self.chars, self.position);
        self.read
            .get_or_insert_with(|| match_numeral(chars, position))
            .as_ref()
    }
}

/// Every numeral in `view`, left to right, non-overlapping: at each position the longest
/// numeral that starts there, then scanning resumes after it.
///
/// ```
/// use xinzhi_extract::{scan_numerals, TextView};
///
/// let view = TextView::new("新增企業77家，投資8990萬(wàn)元，增長百分之五。");
/// let values: Vec<f64> = scan_numerals(&view).map(|m| m.value).collect();
/// assert_eq!(values, [77.0, 89_900_000.0, 5.0]);
/// ```
pub fn scan_numerals<'v>(view: &'v TextView<'_>) -> impl Iterator<Item = NumeralMatch> + 'v {
    ScanNumerals {
        chars: view.chars(),
        candidates: view.candidates(),
        position: 0,
    }
}

/// Iterator behind [`scan_numerals`].
struct ScanNumerals<'v> {
    chars: &'v [char],
    /// The view's candidate positions not yet passed: a numeral opens only at one of them.
    candidates: &'v [u32],
    position: usize,
}

impl Iterator for ScanNumerals<'_> {
    type Item = NumeralMatch;

    fn next(&mut self) -> Option<NumeralMatch> {
        let chars = self.chars;
        while let Some((&candidate, rest)) = self.candidates.split_first() {
            self.candidates = rest;
            let start = candidate as usize;
            if start < self.position {
                continue;
            }
            self.position = start;
            if let Some(m) = match_numeral(chars, start) {
                self.position = m.end.max(start + 1);
                return Some(m);
            }
            // No numeral starts here; none starts inside the same run of digits either
            // (a numeral never begins in the middle of `123456…`), nor inside the rest of an
            // identifier whose digits were refused (`PM2.5`, `A1B2`, `11.jpg`).
            self.position += 1;
            if chars[start].is_ascii_digit() {
                while self.position < chars.len() {
                    let c = chars[self.position];
                    let joins = c == '.'
                        && chars
                            .get(self.position + 1)
                            .is_some_and(char::is_ascii_alphanumeric);
                    if !(c.is_ascii_alphanumeric() || joins) {
                        break;
                    }
                    self.position += 1;
                }
            } else if digit_value(chars[start]).is_some() {
                while self.position < chars.len() && digit_value(chars[self.position]).is_some() {
                    self.position += 1;
                }
            }
        }
        None
    }
}

/// Writes `n` as a Chinese numeral: `123` → `一百二十三`, `0` → `零`, `-5` → `负五`,
/// `10` → `十`, `100010` → `十万零一十`. [`parse_numeral`] reads every output back to `n`.
///
/// ```
/// use xinzhi_extract::{to_chinese, ChineseStyle};
///
/// assert_eq!(to_chinese(123, ChineseStyle::default()), "一百二十三");
/// assert_eq!(to_chinese(150_006_355, ChineseStyle::default()), "一亿五千万六千三百五十五");
/// assert_eq!(to_chinese(-11, ChineseStyle { upper: true, traditional: false }), "负壹拾壹");
/// assert_eq!(to_chinese(20_000, ChineseStyle { upper: false, traditional: true }), "二萬");
/// ```
#[must_use]
pub fn to_chinese(n: i64, style: ChineseStyle) -> String {
    writer::to_chinese(n, style)
}

/// Writes a decimal given as text (what Python's `repr(float)` or `str(int)` gives) as a
/// Chinese numeral: the integer part as [`to_chinese`] does, the fraction digit by digit,
/// exponents applied (`1e-05` → `零点零零零零一`). Digits after the point are kept as written
/// (`12.0` → `十二点零`).
///
/// ```
/// use xinzhi_extract::{decimal_to_chinese, ChineseStyle};
///
/// assert_eq!(decimal_to_chinese("-12.05", ChineseStyle::default()).unwrap(), "负十二点零五");
/// assert_eq!(decimal_to_chinese("5e-05", ChineseStyle::default()).unwrap(), "零点零零零零五");
/// assert!(decimal_to_chinese("nan", ChineseStyle::default()).is_err());
/// assert!(decimal_to_chinese("1.2.3", ChineseStyle::default()).is_err());
/// ```
pub fn decimal_to_chinese(decimal: &str, style: ChineseStyle) -> Result<String> {
    writer::decimal_to_chinese(decimal, style)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`match_numeral_within`] with no shortcut: the grammar alone.
    fn grammar_only(chars: &[char], start: usize, end: usize) -> Option<NumeralMatch> {
        let end = end.min(chars.len());
        if start >= end || !may_start_numeral(chars[start]) {
            return None;
        }
        let limit = end.min(start.saturating_add(MAX_NUMERAL_CHARS));
        let (parsed, _) = grammar::parse_at(chars, start, limit, Mode::Scan);
        parsed.map(|p| match_from(p, start))
    }

    /// Characters around numerals: digits of every script, magnitudes, points, grouping,
    /// signs, percent and fraction marks, letters of identifiers, and plain text.
    const NUMERAL_ALPHABET: &[&str] = &[
        "0", "1", "2", "5", "9", "12", "2025", "一", "二", "两", "三", "五", "九", "零", "〇",
        "十", "百", "千", "万", "亿", "萬", "兆", "京", "廿", "壹", "伍", "拾", "幺", ".", ",",
        " ", "%", "﹪", "‰", "/", "-", "−", "负", "第", "点", "分", "之", "又", "a", "G", "_",
        "年", "元", "个", "瓦", "，", "。", "\n", "\u{3000}", "\u{2009}",
    ];

    #[test]
    fn years_digit_by_digit_read_as_the_grammar_reads_them() {
        // Every run of four characters from the digits (and what is near them) before every
        // kind of character that may follow, in a window that cuts it or not.
        let digits = [
            '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '两', '壹', '十',
        ];
        let after = [
            '年', '点', '分', '%', '万', '百', '5', ' ', ',', '.', '又', '幺', '十', '，',
        ];
        for code in 0..digits.len().pow(4) {
            let run: Vec<char> = (0..4)
                .map(|k| digits[code / digits.len().pow(k) % digits.len()])
                .collect();
            for &next in &after {
                let mut chars = run.clone();
                chars.extend([next, '之', '一']);
                for end in [3, 4, 5, chars.len()] {
                    assert_eq!(
                        match_numeral_within(&chars, 0, end),
                        grammar_only(&chars, 0, end),
                        "{chars:?} to {end}"
                    );
                }
            }
            for end in 1..=4 {
                assert_eq!(
                    match_numeral_within(&run, 0, end),
                    grammar_only(&run, 0, end),
                    "{run:?} to {end}"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The direct readings of common numerals give exactly what the grammar gives.
        #[test]
        fn shortcuts_agree_with_the_grammar(
            parts in proptest::collection::vec(proptest::sample::select(NUMERAL_ALPHABET), 0..16),
            window in 1..20usize,
        ) {
            let chars: Vec<char> = parts.concat().chars().collect();
            for start in 0..chars.len() {
                for end in [chars.len(), start + window] {
                    proptest::prop_assert_eq!(
                        match_numeral_within(&chars, start, end),
                        grammar_only(&chars, start, end),
                        "{:?} at {}..{}", parts.concat(), start, end
                    );
                }
            }
        }
    }

    /// Every string of one to `longest` characters of `alphabet`.
    fn strings_over(alphabet: &[char], longest: usize) -> Vec<Vec<char>> {
        let mut strings = Vec::new();
        let mut shorter: Vec<Vec<char>> = vec![Vec::new()];
        for _ in 0..longest {
            shorter = shorter
                .iter()
                .flat_map(|s| alphabet.iter().map(move |&c| [s.as_slice(), &[c]].concat()))
                .collect();
            strings.extend(shorter.iter().cloned());
        }
        strings
    }

    /// Every short string of digits, 十, 第 and what may follow them reads as the grammar
    /// reads it: the shortcut for short numerals covers these shapes, so each is tried.
    #[test]
    fn short_numerals_read_as_the_grammar_reads_them() {
        let wide = [
            '一', '二', '五', '九', '十', '百', '万', '零', '两', '廿', '第', '点', '分', '之',
            '%', '年', '个', '余', '，',
        ];
        let narrow = ['一', '五', '十', '第', '万', '点', '年'];
        for chars in strings_over(&wide, 4)
            .iter()
            .chain(&strings_over(&narrow, 6))
        {
            for end in 1..=chars.len() {
                assert_eq!(
                    match_numeral_within(chars, 0, end),
                    grammar_only(chars, 0, end),
                    "{chars:?} up to {end}"
                );
            }
        }
    }

    /// Every short string of ASCII digits and what may follow them reads as the grammar
    /// reads it, in every window: the plain-integer reading covers these shapes.
    #[test]
    fn plain_integers_read_as_the_grammar_reads_them() {
        let alphabet = [
            '1', '0', '9', '年', '家', '万', '亿', '十', '.', ',', ' ', '\u{3000}', '%', '/', '分',
            '之', '点', '三', 'a', '-',
        ];
        for chars in strings_over(&alphabet, 4) {
            for start in 0..chars.len() {
                for end in start + 1..=chars.len() {
                    assert_eq!(
                        match_numeral_within(&chars, start, end),
                        grammar_only(&chars, start, end),
                        "{chars:?} at {start}..{end}"
                    );
                }
            }
        }
        for text in [
            "8.9万亿元",
            "12万亿",
            "3.25萬億港元",
            "1.5万亿亿",
            "2万亿 3",
            "7万亿2千",
        ] {
            let chars: Vec<char> = text.chars().collect();
            for end in 1..=chars.len() {
                assert_eq!(
                    match_numeral_within(&chars, 0, end),
                    grammar_only(&chars, 0, end),
                    "{text} up to {end}"
                );
            }
        }
        let long: Vec<char> = "1234567890123456年".chars().collect();
        for end in 1..=long.len() {
            assert_eq!(
                match_numeral_within(&long, 0, end),
                grammar_only(&long, 0, end)
            );
        }
    }

    fn int(s: &str) -> i64 {
        match parse_numeral(s) {
            Ok(Numeral {
                value: NumeralValue::Integer(n),
                ..
            }) => n,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn ladder_and_colloquial_forms() {
        let cases = [
            ("一百二十三", 123),
            ("十五", 15),
            ("一十", 10),
            ("两百五", 250),
            ("一万二", 12_000),
            ("一百二十万三", 1_203_000),
            ("一千零十", 1010),
            ("五万亿", 5_000_000_000_000),
            ("三万五千亿", 3_500_000_000_000),
            ("一亿五千万", 150_000_000),
            ("200亿零四千230", 20_000_004_230),
            ("1百01", 101),
            ("廿三", 23),
            ("壹佰壹拾壹圆整", 111),
        ];
        for (input, expected) in cases {
            assert_eq!(int(input), expected, "{input}");
        }
    }

    #[test]
    fn scanner_leaves_words_alone() {
        let view = TextView::new("陆续开展零售，5千瓦，三四个，3-5万");
        let found: Vec<(usize, usize)> = scan_numerals(&view).map(|m| (m.start, m.end)).collect();
        assert_eq!(found, [(7, 8), (11, 12), (12, 13), (15, 16), (17, 19)]);
    }
}
