//! The numeral grammar, run over folded characters.
//!
//! One pass, left to right, over a bounded window. Magnitudes fold on the ten-thousand
//! ladder with a small stack: a big magnitude (万 亿 兆 京) multiplies everything after the
//! last bigger one, which is how `五万亿` becomes 5 × 10^12 while `一亿五千万` stays
//! 150 000 000. After every token the parser notes the value read so far when the prefix
//! is a complete numeral, so the scanner gets the longest complete prefix and the strict
//! parser the reason it stopped.

use super::decimal::Decimal;
use super::{digit_value, magnitude_exponent, NumeralForm, NumeralKind};
use crate::lexicon::marks::opens_list_item;
use crate::lexicon::numerals::{numeral_char, Meaning, NumeralChar, Script};
use crate::lexicon::units::{unit_after, unit_opens_with_magnitude_at};
use crate::record::Dimension;

/// Whether the whole input must be a numeral (the strict parser) or the longest numeral at a
/// position of running text is wanted (the scanner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Whole,
    Scan,
}

/// The scanner never reads further than this many characters from where a numeral starts.
/// (A numeral of the ten-thousand ladder with every place written out is under 60 characters.)
pub const MAX_NUMERAL_CHARS: usize = 80;
/// Integer digits read in one run, Arabic or digit by digit; a longer run is an identifier.
pub(crate) const MAX_INTEGER_DIGITS: usize = 30;
/// Decimal places kept after a point; further places round the last one kept.
pub(crate) const MAX_FRACTION_DIGITS: usize = 20;

/// An exact value, or a ratio kept as two exact parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    Exact(Decimal),
    Ratio {
        numerator: Decimal,
        denominator: Decimal,
    },
}

/// A numeral read from `start` to `end` (exclusive).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parsed {
    pub(crate) end: usize,
    pub(crate) value: Value,
    pub(crate) kind: NumeralKind,
    pub(crate) form: NumeralForm,
    pub(crate) has_magnitude: bool,
}

/// Why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopReason {
    /// The input ended after a complete numeral.
    End,
    /// The character cannot continue the numeral.
    Unexpected,
    /// A magnitude word out of order (`一百千`, `一亿万`).
    Misordered,
    /// The value or a digit run is beyond the exact range.
    Overflow,
    /// The numeral is incomplete or ill-formed; the text says how.
    Malformed(&'static str),
}

/// Where and why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stop {
    pub(crate) position: usize,
    pub(crate) reason: StopReason,
}

impl Stop {
    fn at(position: usize, reason: StopReason) -> Stop {
        Stop { position, reason }
    }
}

/// 十 百 千 as powers of ten; the financial forms too.
fn small_exponent(c: char) -> Option<u32> {
    magnitude_exponent(c).filter(|&e| e < 4)
}

/// 万 亿 兆 京 as powers of ten.
fn big_exponent(c: char) -> Option<u32> {
    magnitude_exponent(c).filter(|&e| e >= 4)
}

/// 廿 卅 卌: two, three and four tens in one character.
fn tens_value(c: char) -> Option<u32> {
    match numeral_char(c)?.meaning {
        Meaning::Tens(tens) => Some(u32::from(tens)),
        _ => None,
    }
}

/// Chinese digits (not ASCII): 零〇○ 一…九 两 and the financial forms, and the read-out `幺`
/// (`幺八九`), which the grammar takes only inside digit-by-digit readings.
fn chinese_digit(c: char) -> Option<u32> {
    match numeral_char(c)? {
        NumeralChar {
            meaning: Meaning::Digit(d),
            script,
            ..
        } if !matches!(script, Script::Ascii | Script::FullWidth) => Some(u32::from(*d)),
        _ => None,
    }
}

fn is_zero_char(c: char) -> bool {
    numeral_char(c)
        .is_some_and(|row| row.meaning == Meaning::Digit(0) && row.script == Script::Chinese)
}

/// Financial forms that are common characters of their own (陆续, 队伍, 参加, 收拾): alone in
/// running text they are words, not numerals.
fn is_financial(c: char) -> bool {
    numeral_char(c).is_some_and(|row| row.script == Script::Financial)
}

/// A lone 陆 伍 参 拾 is a word (陆续, 队伍, 参加, 收拾); a lone 零 too (零售), and 幺: in running
/// text, none of them alone is a numeral.
pub(super) fn is_word_when_alone(c: char) -> bool {
    is_financial(c) || is_zero_char(c) || c == '幺'
}

fn ascii_digit_at(chars: &[char], pos: usize) -> Option<u32> {
    chars
        .get(pos)
        .filter(|c| c.is_ascii_digit())
        .and_then(|c| c.to_digit(10))
}

enum Arabic {
    Number {
        value: Decimal,
        end: usize,
        /// Digits only: no grouping, no decimal point (what `1/10` is made of).
        plain_integer: bool,
    },
    TooLong,
}

/// An Arabic number at `pos`: digits, optional grouping (`1,000`, `18 900`), optional decimals.
fn read_arabic(chars: &[char], pos: usize, limit: usize, mode: Mode) -> Arabic {
    let mut i = pos;
    let mut mantissa: i128 = 0;
    let mut digits = 0;
    while i < limit {
        let Some(d) = ascii_digit_at(chars, i) else {
            break;
        };
        if digits == MAX_INTEGER_DIGITS {
            return Arabic::TooLong;
        }
        mantissa = mantissa * 10 + i128::from(d);
        digits += 1;
        i += 1;
    }
    let mut grouped = false;
    if digits <= 3 {
        if let Some(&separator) = chars.get(i).filter(|c| matches!(c, ',' | ' ')) {
            // A group is a separator, exactly three digits, then no fourth digit.
            while i + 4 <= limit
                && chars.get(i) == Some(&separator)
                && (1..=3).all(|k| ascii_digit_at(chars, i + k).is_some())
                && ascii_digit_at(chars, i + 4).is_none()
                && digits + 3 <= MAX_INTEGER_DIGITS
            {
                for k in 1..=3 {
                    mantissa =
                        mantissa * 10 + i128::from(ascii_digit_at(chars, i + k).unwrap_or(0));
                }
                digits += 3;
                i += 4;
                grouped = true;
            }
        }
    }
    let mut scale = 0;
    if chars.get(i) == Some(&'.')
        && i + 1 < limit
        && ascii_digit_at(chars, i + 1).is_some()
        && !(mode == Mode::Scan && labels_a_year(chars, pos, i))
    {
        let mut j = i + 1;
        let mut with_fraction = mantissa;
        let mut places = 0;
        // Set once the mantissa holds all the places it can: the digits after are read but
        // only the first of them counts, to round.
        let mut rounded = false;
        while j < limit {
            let Some(d) = ascii_digit_at(chars, j) else {
                break;
            };
            j += 1;
            if rounded {
                continue;
            }
            if places as usize == MAX_FRACTION_DIGITS {
                rounded = true;
                let Some(up) = with_fraction.checked_add(i128::from(d >= 5)) else {
                    return Arabic::TooLong;
                };
                with_fraction = up;
                continue;
            }
            // Thirty integer digits and twenty decimals would not fit the mantissa together.
            let next = with_fraction
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d)));
            let Some(next) = next else {
                return Arabic::TooLong;
            };
            with_fraction = next;
            places += 1;
        }
        // `2026.02.10` and `3.0.1` are dates and versions, not decimals, in either part.
        let dotted_again = chars.get(j) == Some(&'.') && ascii_digit_at(chars, j + 1).is_some();
        let dotted_before =
            pos >= 2 && chars[pos - 1] == '.' && ascii_digit_at(chars, pos - 2).is_some();
        if mode == Mode::Whole || !(dotted_again || dotted_before) {
            mantissa = with_fraction;
            scale = places;
            i = j;
        }
    }
    match Decimal::new(mantissa, scale) {
        Some(value) => Arabic::Number {
            value,
            end: i,
            plain_integer: !grouped && scale == 0,
        },
        None => Arabic::TooLong,
    }
}

/// Whether the dot at `chars[dot]` ends a list label rather than opening decimals: a year
/// and 年 follow it (`1.2026年`, not 1.2026 years).
#[must_use]
pub(crate) fn year_after_label_dot(chars: &[char], dot: usize) -> bool {
    let Some(year) = chars.get(dot + 1..dot + 6) else {
        return false;
    };
    matches!(year[..2], ['1', '9'] | ['2', '0'])
        && year[2..4].iter().all(char::is_ascii_digit)
        && year[4] == '年'
}

/// Whether the digits `chars[pos..dot]` are a list label followed by a year (`1.2026年`):
/// one or two digits where a list item may open, then [`year_after_label_dot`].
pub(super) fn labels_a_year(chars: &[char], pos: usize, dot: usize) -> bool {
    dot - pos <= 2 && year_after_label_dot(chars, dot) && opens_list_item(chars, pos)
}

/// A digit waiting for its magnitude.
#[derive(Debug, Clone, Copy)]
enum Pending {
    /// One Chinese digit: after a magnitude it may stand for the next lower place (`一万二`).
    Digit { value: u32, liang: bool, yao: bool },
    /// Arabic digits or a decimal: always taken at face value (`四千230`).
    Literal(Decimal),
}

/// Digits read one by one (`二〇二三`, `一七二零点一`).
#[derive(Debug, Clone, Copy)]
struct Run {
    value: Decimal,
    len: usize,
    leading_zero: bool,
    has_zero: bool,
}

/// The value of a body (a numeral with no 第, sign, percent or fraction around it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Body {
    pub(crate) end: usize,
    pub(crate) value: Decimal,
    pub(crate) has_magnitude: bool,
    pub(crate) arabic: bool,
    pub(crate) chinese: bool,
    pub(crate) digit_run: bool,
    pub(crate) plain_integer: bool,
}

impl Body {
    fn form(&self) -> NumeralForm {
        if self.digit_run {
            NumeralForm::DigitByDigit
        } else if self.arabic && self.chinese {
            NumeralForm::Mixed
        } else if self.arabic {
            NumeralForm::Arabic
        } else {
            NumeralForm::Chinese
        }
    }
}

/// At most this many levels of big magnitudes can be open at once (京 兆 亿 万 and compounds).
const STACK_DEPTH: usize = 8;

struct BodyState {
    stack: [(Decimal, u32); STACK_DEPTH],
    depth: usize,
    section: Decimal,
    section_used: bool,
    last_small: Option<u32>,
    last_magnitude: Option<u32>,
    pending: Option<Pending>,
    /// A 零 since the last magnitude: the digits after it keep their face value.
    zero_gap: bool,
    /// The last token was a 零 between places, which cannot end a numeral.
    dangling_zero: bool,
    /// The body opened with a magnitude and no digit (`百二`): no second digit may be left out.
    opened_bare: bool,
    run: Option<Run>,
    fraction_seen: bool,
    /// A decimal took a magnitude (`10.1万`, `1.5千`): the places below are fixed, so only a
    /// bigger magnitude may follow (`1.2万亿`).
    closed: bool,
    has_magnitude: bool,
    arabic: bool,
    chinese: bool,
    plain_integer: bool,
}

impl BodyState {
    fn new() -> Self {
        BodyState {
            stack: [(Decimal::ZERO, 0); STACK_DEPTH],
            depth: 0,
            section: Decimal::ZERO,
            section_used: false,
            last_small: None,
            last_magnitude: None,
            pending: None,
            zero_gap: false,
            dangling_zero: false,
            opened_bare: false,
            run: None,
            fraction_seen: false,
            closed: false,
            has_magnitude: false,
            arabic: false,
            chinese: false,
            plain_integer: false,
        }
    }

    fn no_magnitude_yet(&self) -> bool {
        self.last_magnitude.is_none() && self.depth == 0 && !self.section_used
    }

    /// A pending digit at the end of a group: a lone Chinese digit right after a magnitude
    /// stands for the next lower place (`三千五` is 3500, `一万二` is 12000); a zero in
    /// between (`一千零五`) or Arabic digits (`四千230`) keep their face value.
    fn pending_value(&self, place_above: Option<u32>) -> Option<Decimal> {
        match self.pending {
            None => Some(Decimal::ZERO),
            Some(Pending::Literal(value)) => Some(value),
            Some(Pending::Digit { value, .. }) => match place_above {
                Some(exp) if exp >= 2 && !self.zero_gap => {
                    Decimal::integer(i128::from(value)).checked_mul_pow10(exp - 1)
                }
                _ => Some(Decimal::integer(i128::from(value))),
            },
        }
    }

    fn total(&self) -> Option<Decimal> {
        if let Some(run) = self.run {
            return Some(run.value);
        }
        let mut total = self
            .section
            .checked_add(self.pending_value(self.last_magnitude)?)?;
        for &(value, _) in &self.stack[..self.depth] {
            total = total.checked_add(value)?;
        }
        Some(total)
    }

    fn complete(&self, mode: Mode) -> bool {
        if self.dangling_zero {
            return false;
        }
        match self.run {
            // In running text, digits in a row without a zero are a vague range (`三四个`,
            // `五六万`) or a list (`一二三产业`) unless there are four, as in a year
            // (`一九九八`); a reading that starts with zero is no number (`零售`).
            Some(run) if mode == Mode::Scan => {
                !run.leading_zero && (run.has_zero || run.len >= 4 || self.fraction_seen)
            }
            _ => true,
        }
    }
}

/// Reads the digits after 点: `(mantissa, places, end)`. Chinese digits, or in the strict
/// parser Arabic ones too (`零點77`, `一百点123`); 两 is not a digit here (`两百点两` is two
/// numerals in running text).
fn read_point_fraction(
    chars: &[char],
    pos: usize,
    limit: usize,
    mode: Mode,
) -> Result<(i128, u32, usize), StopReason> {
    let mut i = pos;
    let mut mantissa: i128 = 0;
    let mut places: u32 = 0;
    let mut rounded = false;
    while i < limit {
        let c = chars[i];
        let digit = if c.is_ascii_digit() {
            ascii_digit_at(chars, i).filter(|_| mode == Mode::Whole)
        } else {
            chinese_digit(c).filter(|_| !matches!(c, '两' | '俩' | '幺'))
        };
        let Some(d) = digit else {
            break;
        };
        i += 1;
        if places as usize == MAX_FRACTION_DIGITS {
            // Places past those the mantissa keeps round it, by the first of them.
            if !rounded {
                mantissa += i128::from(d >= 5);
                rounded = true;
            }
            continue;
        }
        mantissa = mantissa * 10 + i128::from(d);
        places += 1;
    }
    if places == 0 {
        return Err(StopReason::Malformed("点 must be followed by digits"));
    }
    Ok((mantissa, places, i))
}

/// The longest complete body starting at `start` and ending by `limit`, and why reading
/// stopped. `bare_magnitude` lets the body open with a magnitude word (`百`, `万`) as the
/// strict parser and fraction denominators allow; `十` may always open one.
pub(crate) fn parse_body(
    chars: &[char],
    start: usize,
    limit: usize,
    mode: Mode,
    bare_magnitude: bool,
) -> (Option<Body>, Stop) {
    let limit = limit.min(chars.len());
    let mut st = BodyState::new();
    let mut best: Option<Body> = None;
    let mut pos = start;
    let mut incomplete_reason = "";
    let record = |st: &BodyState, end: usize, best: &mut Option<Body>| -> Result<(), StopReason> {
        if st.complete(mode) {
            let value = st.total().ok_or(StopReason::Overflow)?;
            *best = Some(Body {
                end,
                value,
                has_magnitude: st.has_magnitude,
                arabic: st.arabic,
                chinese: st.chinese,
                digit_run: st.run.is_some(),
                plain_integer: st.plain_integer,
            });
        }
        Ok(())
    };
    let stop = loop {
        if pos >= limit {
            let reason = if best.is_some_and(|b| b.end == pos) || pos == start {
                StopReason::End
            } else {
                StopReason::Malformed(incomplete_reason)
            };
            break Stop::at(pos, reason);
        }
        if mode == Mode::Scan && pos > start && st.arabic && spaced_part(chars, pos, limit) {
            pos += 1;
            continue;
        }
        let c = chars[pos];
        let opening = Opening {
            at_start: pos == start,
            bare_magnitude,
        };
        let step = step(chars, pos, limit, mode, opening, &mut st);
        match step {
            Ok((next, reason_if_incomplete)) => {
                incomplete_reason = reason_if_incomplete;
                pos = next;
                if let Err(reason) = record(&st, pos, &mut best) {
                    break Stop::at(pos, reason);
                }
            }
            Err(StopReason::Overflow)
                if mode == Mode::Scan && (c.is_ascii_digit() || st.run.is_some()) =>
            {
                // A run of digits too long to be a quantity (an identifier): no numeral at all.
                return (None, Stop::at(pos, StopReason::Overflow));
            }
            Err(reason) => break Stop::at(pos, reason),
        }
    };
    (best, stop)
}

/// The spaces typeset and PDF text leaves between the parts of one number (SPEC §5): ASCII,
/// no-break, ideographic and thin spaces, never a line break.
pub(super) const NUMERAL_SPACES: &[char] = &[' ', '\u{A0}', '\u{3000}', '\u{2009}', '\u{202F}'];

/// Whether the one space at `pos` stands between two parts of a number written in Arabic
/// digits: digits and the magnitude after them (`5800 萬`), or a magnitude and the digits after
/// it (`萬 6`). Two digit groups (`18 900`) are left to the grouping rule.
fn spaced_part(chars: &[char], pos: usize, limit: usize) -> bool {
    if !NUMERAL_SPACES.contains(&chars[pos]) || pos + 1 >= limit {
        return false;
    }
    let (before, after) = (chars[pos - 1], chars[pos + 1]);
    let is_magnitude = |c: char| small_exponent(c).is_some() || big_exponent(c).is_some();
    (before.is_ascii_digit() && is_magnitude(after))
        || (is_magnitude(before) && after.is_ascii_digit())
}

/// Where a token sits: what the body may open with.
#[derive(Debug, Clone, Copy)]
struct Opening {
    /// The token is the first of the body.
    at_start: bool,
    /// The body may open with any magnitude word (`百二` = 120, `萬九` = 19000).
    bare_magnitude: bool,
}

/// Consumes one token at `pos`; returns the next position and, for a prefix that is not yet
/// a complete numeral, what it lacks.
fn step(
    chars: &[char],
    pos: usize,
    limit: usize,
    mode: Mode,
    opening: Opening,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    let c = chars[pos];
    st.dangling_zero = false;
    if c.is_ascii_digit() {
        return arabic_step(chars, pos, limit, mode, st);
    }
    // One look-up in the table says what the character is.
    match numeral_char(c).map(|row| (row.meaning, row.script)) {
        Some((Meaning::Digit(d), script))
            if !matches!(script, Script::Ascii | Script::FullWidth) =>
        {
            let d = u32::from(d);
            // In running text a numeral opened in Arabic digits goes on in them (`1亿2千万`); a
            // Chinese digit after its magnitude opens the next word (`5万亿两个台阶`), except a
            // zero, which only ever joins what follows to the same number (`1千零20`).
            if mode == Mode::Scan && st.arabic && st.last_magnitude.is_some() && d != 0 {
                return Err(StopReason::Unexpected);
            }
            chinese_digit_step(c, d, pos, st)
        }
        Some((Meaning::Magnitude(exp), _)) if exp < 4 => {
            small_magnitude_step(chars, c, u32::from(exp), pos, mode, opening, st)
        }
        Some((Meaning::Tens(tens), _)) => {
            if st.pending.is_some() || st.run.is_some() || st.closed {
                return Err(StopReason::Unexpected);
            }
            if st.last_small.is_some_and(|last| last <= 1) {
                return Err(StopReason::Misordered);
            }
            st.section = st
                .section
                .checked_add(Decimal::integer(i128::from(tens) * 10))
                .ok_or(StopReason::Overflow)?;
            st.section_used = true;
            st.last_small = Some(1);
            st.last_magnitude = Some(1);
            st.zero_gap = false;
            st.has_magnitude = true;
            st.chinese = true;
            Ok((pos + 1, ""))
        }
        Some((Meaning::Magnitude(exp), _)) => {
            big_magnitude_step(chars, u32::from(exp), pos, mode, opening, st)
        }
        _ if c == '点' => point_step(chars, pos, limit, mode, st),
        _ => Err(StopReason::Unexpected),
    }
}

fn arabic_step(
    chars: &[char],
    pos: usize,
    limit: usize,
    mode: Mode,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    if st.pending.is_some() || st.run.is_some() || st.closed {
        return Err(StopReason::Unexpected);
    }
    let (value, end, plain_integer) = match read_arabic(chars, pos, limit, mode) {
        Arabic::TooLong => return Err(StopReason::Overflow),
        Arabic::Number {
            value,
            end,
            plain_integer,
        } => (value, end, plain_integer),
    };
    if let Some(exp) = st.last_magnitude {
        // After a magnitude, Arabic digits fill the places below it (`200亿零四千230`),
        // unless after 千 or more the unit that follows is one the whole cannot take
        // (`390万65岁`). A decimal fills them only below 万 or more, when its whole part
        // writes every place below the magnitude (`1萬2,432.27平方公尺` is 12,432.27):
        // `1万2.5` and `十2.9` stay two numbers.
        if !(value.is_integer() || exp >= 4 && fills_places_below(chars, pos, exp))
            || !value.below_pow10(exp)
            || mode == Mode::Scan && exp >= 3 && tail_stands_alone(chars, end)
        {
            return Err(StopReason::Unexpected);
        }
    }
    st.plain_integer = plain_integer && st.no_magnitude_yet();
    st.fraction_seen = !value.is_integer();
    // The places below the magnitude are all written: no smaller magnitude may follow.
    st.closed |= st.fraction_seen && st.last_magnitude.is_some();
    st.pending = Some(Pending::Literal(value));
    st.arabic = true;
    Ok((end, ""))
}

/// Whether the whole part of the decimal at `chars[pos]` (its digits up to the point) writes
/// the places below a magnitude of 10^`exp`: all of them, or in groups of three
/// (`1萬2,432.27`, `1億2,345,678.9`).
fn fills_places_below(chars: &[char], pos: usize, exp: u32) -> bool {
    let whole = chars[pos..]
        .iter()
        .take(MAX_INTEGER_DIGITS * 2)
        .take_while(|&&c| c != '.');
    let (digits, grouped) = whole.fold((0, false), |(digits, grouped), &c| {
        (
            digits + usize::from(c.is_ascii_digit()),
            grouped || c == ',',
        )
    });
    grouped || digits == exp as usize
}

/// Whether Arabic digits read right after 千, 万 or 亿 and ending at `end` are a number of
/// their own rather than the places below it: the unit after them (one space may stand
/// between) is one that the whole could not take, an age, a percent or a span or date of the
/// calendar. `全省有390万65岁以上老年人` is 390万 and `65岁以上`, `超1万12月` 1万 and a
/// month; money, counts and clock time take the whole (`923萬607元` is 9,230,607 元,
/// `3萬60件`, `1万5000小时`).
fn tail_stands_alone(chars: &[char], end: usize) -> bool {
    let at = if chars.get(end).is_some_and(|c| NUMERAL_SPACES.contains(c)) {
        end + 1
    } else {
        end
    };
    unit_after(chars, at).is_some_and(|(unit, _)| match unit.dimension {
        Dimension::Age | Dimension::Percent | Dimension::Permille | Dimension::PercentagePoint => {
            true
        }
        Dimension::Duration => !matches!(unit.unit, "小时" | "分钟" | "秒"),
        _ => false,
    })
}

fn chinese_digit_step(
    c: char,
    d: u32,
    pos: usize,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    const RUN_NEEDS: &str = "a digit-by-digit reading needs a zero or four digits";
    let liang = matches!(c, '两' | '俩');
    let yao = c == '幺';
    if let Some(run) = &mut st.run {
        if liang || st.fraction_seen {
            return Err(StopReason::Unexpected);
        }
        if run.len == MAX_INTEGER_DIGITS {
            return Err(StopReason::Overflow);
        }
        run.value = run
            .value
            .checked_mul_pow10(1)
            .and_then(|v| v.checked_add(Decimal::integer(i128::from(d))))
            .ok_or(StopReason::Overflow)?;
        run.len += 1;
        run.has_zero |= d == 0;
        return Ok((pos + 1, RUN_NEEDS));
    }
    match st.pending {
        Some(Pending::Digit {
            value,
            liang: was_liang,
            ..
        }) if st.no_magnitude_yet() && !st.fraction_seen && !was_liang && !liang => {
            st.run = Some(Run {
                value: Decimal::integer(i128::from(value * 10 + d)),
                len: 2,
                leading_zero: value == 0,
                has_zero: value == 0 || d == 0,
            });
            st.pending = None;
            Ok((pos + 1, RUN_NEEDS))
        }
        Some(_) => Err(StopReason::Unexpected),
        None => {
            if st.closed {
                return Err(StopReason::Unexpected);
            }
            st.chinese = true;
            if d == 0 && st.last_magnitude.is_some() {
                // 零 between places (`一千零五`) only marks the gap.
                st.zero_gap = true;
                st.dangling_zero = true;
                return Ok((pos + 1, "a numeral cannot end with 零"));
            }
            if yao && !st.no_magnitude_yet() {
                return Err(StopReason::Unexpected);
            }
            st.pending = Some(Pending::Digit {
                value: d,
                liang,
                yao,
            });
            Ok((pos + 1, ""))
        }
    }
}

fn small_magnitude_step(
    chars: &[char],
    c: char,
    exp: u32,
    pos: usize,
    mode: Mode,
    opening: Opening,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    if st.run.is_some() {
        return Err(StopReason::Malformed(
            "a digit-by-digit reading cannot take a magnitude",
        ));
    }
    if st.closed || matches!(st.pending, Some(Pending::Digit { yao: true, .. })) {
        return Err(StopReason::Unexpected);
    }
    if mode == Mode::Scan && unit_opens_with_magnitude_at(chars, pos) {
        return Err(StopReason::Unexpected);
    }
    if st.last_small.is_some_and(|last| exp >= last) {
        return Err(StopReason::Misordered);
    }
    let multiplier = match st.pending {
        // `零十` is read as 十, as in `一百零十万` written out of habit.
        Some(Pending::Digit { value: 0, .. }) if exp == 1 => Decimal::integer(1),
        Some(Pending::Digit { value, .. }) => Decimal::integer(i128::from(value)),
        Some(Pending::Literal(value)) => value,
        None => {
            let section_start = !st.section_used && st.last_small.is_none();
            // 十 may stand alone at the start of a section, after 零, or right after 百
            // (`一百十六` is 116).
            let bare_ten = matches!(c, '十' | '拾')
                && (section_start || st.zero_gap || st.last_small == Some(2) && !st.opened_bare);
            // `千三` (1300), `百二` (120): a leading 一 left out before a digit.
            let elided_one = opening.at_start
                && chars
                    .get(pos + 1)
                    .filter(|&&next| next != '两')
                    .and_then(|&next| chinese_digit(next))
                    .is_some_and(|d| d != 0);
            let lenient =
                opening.at_start && opening.bare_magnitude || mode == Mode::Whole && st.zero_gap;
            if !(bare_ten || elided_one || lenient) {
                return Err(StopReason::Malformed("a magnitude needs a digit before it"));
            }
            st.opened_bare |= opening.at_start;
            Decimal::integer(1)
        }
    };
    let part = multiplier
        .checked_mul_pow10(exp)
        .ok_or(StopReason::Overflow)?;
    st.section = st.section.checked_add(part).ok_or(StopReason::Overflow)?;
    st.closed = !multiplier.is_integer();
    st.section_used = true;
    st.last_small = Some(exp);
    st.last_magnitude = Some(exp);
    st.pending = None;
    st.zero_gap = false;
    st.has_magnitude = true;
    st.chinese = true;
    Ok((pos + 1, ""))
}

fn big_magnitude_step(
    chars: &[char],
    exp: u32,
    pos: usize,
    mode: Mode,
    opening: Opening,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    if st.run.is_some() {
        return Err(StopReason::Malformed(
            "a digit-by-digit reading cannot take a magnitude",
        ));
    }
    if matches!(st.pending, Some(Pending::Digit { yao: true, .. })) {
        return Err(StopReason::Unexpected);
    }
    if mode == Mode::Scan && unit_opens_with_magnitude_at(chars, pos) {
        return Err(StopReason::Unexpected);
    }
    let group_empty = !st.section_used && st.pending.is_none();
    let mut group = st
        .section
        .checked_add(
            st.pending_value(st.last_small)
                .ok_or(StopReason::Overflow)?,
        )
        .ok_or(StopReason::Overflow)?;
    // Everything below this magnitude since the last bigger one is multiplied by it:
    // `五万亿` is (5 × 10^4) × 10^8. Right after a magnitude, an equal one compounds too
    // (`四万万` is 4 × 10^8, the older way to write 四亿).
    let mut depth = st.depth;
    let mut popped_exp: Option<u32> = None;
    while depth > 0
        && (st.stack[depth - 1].1 < exp
            || group_empty && popped_exp.is_none() && st.stack[depth - 1].1 == exp)
    {
        depth -= 1;
        group = group
            .checked_add(st.stack[depth].0)
            .ok_or(StopReason::Overflow)?;
        popped_exp = Some(popped_exp.map_or(st.stack[depth].1, |e| e.max(st.stack[depth].1)));
    }
    if group_empty && popped_exp.is_none() {
        if !(opening.at_start && opening.bare_magnitude) {
            return Err(StopReason::Misordered);
        }
        group = Decimal::integer(1);
    }
    let effective = exp + popped_exp.unwrap_or(0);
    if depth > 0 && st.stack[depth - 1].1 <= effective {
        return Err(StopReason::Misordered);
    }
    if depth == STACK_DEPTH {
        return Err(StopReason::Overflow);
    }
    let value = group.checked_mul_pow10(exp).ok_or(StopReason::Overflow)?;
    st.closed = !group.is_integer();
    st.stack[depth] = (value, effective);
    st.depth = depth + 1;
    st.section = Decimal::ZERO;
    st.section_used = false;
    st.last_small = None;
    st.last_magnitude = Some(effective);
    st.pending = None;
    st.zero_gap = false;
    st.has_magnitude = true;
    st.chinese = true;
    Ok((pos + 1, ""))
}

fn point_step(
    chars: &[char],
    pos: usize,
    limit: usize,
    mode: Mode,
    st: &mut BodyState,
) -> Result<(usize, &'static str), StopReason> {
    if st.fraction_seen || st.arabic || st.closed {
        return Err(StopReason::Unexpected);
    }
    if st.pending.is_none() && !st.section_used && st.depth == 0 && st.run.is_none() {
        return Err(StopReason::Malformed("点 needs digits before it"));
    }
    let (mantissa, places, end) = read_point_fraction(chars, pos + 1, limit, mode)?;
    let fraction = Decimal::new(mantissa, places).ok_or(StopReason::Overflow)?;
    if let Some(run) = &mut st.run {
        run.value = run
            .value
            .checked_add(fraction)
            .ok_or(StopReason::Overflow)?;
    } else {
        // `两千三点一` is 2300.1: the colloquial place holds before a point too.
        let whole = st
            .section
            .checked_add(
                st.pending_value(st.last_magnitude)
                    .ok_or(StopReason::Overflow)?,
            )
            .ok_or(StopReason::Overflow)?;
        st.pending = Some(Pending::Literal(
            whole.checked_add(fraction).ok_or(StopReason::Overflow)?,
        ));
        st.section = Decimal::ZERO;
        st.section_used = false;
        st.last_small = None;
        st.zero_gap = false;
    }
    st.fraction_seen = true;
    st.chinese = true;
    Ok((end, ""))
}

/// Whether a `-` at `pos` is a minus sign in running text: not when it follows a digit, a
/// letter or a numeral character (`3-5万元` is a range, `G-20` a name).
pub(crate) fn minus_allowed(chars: &[char], pos: usize) -> bool {
    let Some(&before) = pos.checked_sub(1).and_then(|i| chars.get(i)) else {
        return true;
    };
    !(before.is_ascii_alphanumeric()
        || digit_value(before).is_some()
        || small_exponent(before).is_some()
        || big_exponent(before).is_some()
        || matches!(before, '-' | '.' | '/' | '~' | '—' | '–'))
}

fn starts_with(chars: &[char], pos: usize, limit: usize, word: &[char]) -> bool {
    pos + word.len() <= limit && chars[pos..pos + word.len()] == *word
}

/// The longest numeral starting at `start` and ending by `limit`, with why reading stopped.
pub(crate) fn parse_at(
    chars: &[char],
    start: usize,
    limit: usize,
    mode: Mode,
) -> (Option<Parsed>, Stop) {
    let limit = limit.min(chars.len());
    if start >= limit {
        return (None, Stop::at(start, StopReason::End));
    }
    if mode == Mode::Scan && in_identifier(chars, start) {
        return (None, Stop::at(start, StopReason::Unexpected));
    }
    let mut pos = start;
    let ordinal = chars[pos] == '第';
    if ordinal {
        pos += 1;
    }
    let mut negative = false;
    if !ordinal && pos < limit {
        let signed_digit = pos + 1 < limit && ascii_digit_at(chars, pos + 1).is_some();
        match chars[pos] {
            '负' => {
                negative = true;
                pos += 1;
            }
            '-' | '−' if signed_digit && (mode == Mode::Whole || minus_allowed(chars, pos)) => {
                negative = true;
                pos += 1;
            }
            '+' if signed_digit && mode == Mode::Whole => pos += 1,
            _ => {}
        }
    }
    let body_start = pos;
    if pos >= limit {
        let reason = if pos == start {
            StopReason::End
        } else {
            StopReason::Malformed("a sign or 第 needs a numeral after it")
        };
        return (None, Stop::at(pos, reason));
    }
    // One reading that may open with a bare magnitude serves as a fraction's denominator
    // (`百分之五`) and, unless it opened that way in running text, as the numeral itself.
    let (lenient, lenient_stop) = parse_body(chars, body_start, limit, mode, true);
    let mut fraction_stop = None;
    if !ordinal {
        match fraction_after(chars, body_start, limit, mode, lenient) {
            FractionRead::Found(parsed, stop) => return (Some(parsed.negated_if(negative)), stop),
            FractionRead::Dangling(stop) => fraction_stop = Some(stop),
            FractionRead::None => {}
        }
    }
    let opens_bare = matches!(chars[body_start], '百' | '佰' | '千' | '仟')
        || big_exponent(chars[body_start]).is_some();
    let (body, stop) = if mode == Mode::Whole || !opens_bare {
        (lenient, lenient_stop)
    } else {
        parse_body(chars, body_start, limit, mode, false)
    };
    let body = match body {
        Some(body) if body.end < limit && chars[body.end] == '又' && !ordinal => {
            match mixed_number(chars, &body, limit, mode) {
                Some((parsed, stop)) => return (Some(parsed.negated_if(negative)), stop),
                None => Some(body),
            }
        }
        other => other,
    };
    let Some(body) = body else {
        if mode == Mode::Whole {
            if let Some((cents, end)) = money_tail(chars, body_start, limit, false) {
                let parsed = Parsed {
                    end,
                    value: Value::Exact(cents),
                    kind: NumeralKind::Cardinal,
                    form: NumeralForm::Chinese,
                    has_magnitude: false,
                };
                return (
                    Some(parsed.negated_if(negative)),
                    tail_stop(chars, end, limit),
                );
            }
        }
        let stop = if pos > start && stop.position == body_start && stop.reason == StopReason::End {
            Stop::at(
                pos,
                StopReason::Malformed("a sign or 第 needs a numeral after it"),
            )
        } else {
            stop
        };
        return (None, fraction_stop.unwrap_or(stop));
    };
    if mode == Mode::Scan
        && !ordinal
        && body.end == body_start + 1
        && is_word_when_alone(chars[body_start])
    {
        return (None, stop);
    }
    let mut parsed = Parsed {
        end: body.end,
        value: Value::Exact(body.value),
        kind: if ordinal {
            NumeralKind::Ordinal
        } else {
            NumeralKind::Cardinal
        },
        form: body.form(),
        has_magnitude: body.has_magnitude,
    };
    let mut stop = match fraction_stop {
        // `三分之` or `零分之三`: say what is wrong with the fraction, not that 分 is unexpected.
        Some(fraction_stop) if starts_with(chars, body.end, limit, &FEN_ZHI) => fraction_stop,
        _ => stop,
    };
    if !ordinal {
        if let Some(suffixed) = suffix(chars, &body, start, limit, mode) {
            parsed = suffixed;
            stop = tail_stop(chars, parsed.end, limit);
        } else if mode == Mode::Whole {
            if let Some((with_cents, end)) = money_body(chars, body_start, &body, limit, mode) {
                parsed.value = Value::Exact(with_cents.0);
                parsed.end = end;
                parsed.form = with_cents.1;
                stop = tail_stop(chars, end, limit);
            }
        }
    }
    (Some(parsed.negated_if(negative)), stop)
}

fn tail_stop(chars: &[char], end: usize, limit: usize) -> Stop {
    if end >= limit.min(chars.len()) {
        Stop::at(end, StopReason::End)
    } else {
        Stop::at(end, StopReason::Unexpected)
    }
}

impl Parsed {
    fn negated_if(mut self, negative: bool) -> Parsed {
        if negative {
            self.value = match self.value {
                Value::Exact(v) => Value::Exact(v.neg()),
                Value::Ratio {
                    numerator,
                    denominator,
                } => Value::Ratio {
                    numerator: numerator.neg(),
                    denominator,
                },
            };
        }
        self
    }
}

enum FractionRead {
    Found(Parsed, Stop),
    /// `X分之` with no numerator after it.
    Dangling(Stop),
    None,
}

const FEN_ZHI: [char; 2] = ['分', '之'];

/// `三分之一`, `百分之五` (percent), `千分之三` (per mille), `万分之五`, `负3分之负157`.
fn parse_fraction(chars: &[char], start: usize, limit: usize, mode: Mode) -> FractionRead {
    if !may_open_fraction(chars[start]) {
        return FractionRead::None;
    }
    let (denominator, _) = parse_body(chars, start, limit, mode, true);
    fraction_after(chars, start, limit, mode, denominator)
}

/// The fraction whose denominator, read from `start`, is `denominator`, if 分之 follows it.
fn fraction_after(
    chars: &[char],
    start: usize,
    limit: usize,
    mode: Mode,
    denominator: Option<Body>,
) -> FractionRead {
    let Some(denominator) = denominator else {
        return FractionRead::None;
    };
    let fen = denominator.end;
    if !starts_with(chars, fen, limit, &FEN_ZHI) {
        return FractionRead::None;
    }
    let mut numerator_start = fen + 2;
    let negative_numerator = numerator_start < limit && chars[numerator_start] == '负';
    if negative_numerator {
        numerator_start += 1;
    }
    let (numerator, stop) = parse_body(chars, numerator_start, limit, mode, true);
    let Some(numerator) = numerator else {
        return FractionRead::Dangling(Stop::at(
            numerator_start,
            StopReason::Malformed("分之 must be followed by a numeral"),
        ));
    };
    if mode == Mode::Scan
        && chars
            .get(numerator.end)
            .is_some_and(|&c| c.is_ascii_digit() || chinese_digit(c).is_some())
    {
        // `百分之二三十` is a vague 20 to 30 percent, not 2 percent.
        return FractionRead::None;
    }
    if denominator.value.is_zero() {
        return FractionRead::Dangling(Stop::at(
            fen,
            StopReason::Malformed("a fraction cannot have a zero denominator"),
        ));
    }
    let numerator_value = if negative_numerator {
        numerator.value.neg()
    } else {
        numerator.value
    };
    let marker = (fen == start + 1).then(|| chars[start]);
    let (kind, value) = match marker {
        Some('百' | '佰') => (NumeralKind::Percent, Value::Exact(numerator_value)),
        Some('千' | '仟') => (NumeralKind::PerMille, Value::Exact(numerator_value)),
        _ => (
            NumeralKind::Fraction,
            Value::Ratio {
                numerator: numerator_value,
                denominator: denominator.value,
            },
        ),
    };
    let form = if kind == NumeralKind::Fraction {
        combine_forms(denominator.form(), numerator.form())
    } else {
        numerator.form()
    };
    FractionRead::Found(
        Parsed {
            end: numerator.end,
            value,
            kind,
            form,
            has_magnitude: numerator.has_magnitude,
        },
        stop,
    )
}

/// Characters a denominator can open with.
fn may_open_fraction(c: char) -> bool {
    c.is_ascii_digit()
        || chinese_digit(c).is_some()
        || small_exponent(c).is_some()
        || big_exponent(c).is_some()
        || tens_value(c).is_some()
}

/// A whole number and a fraction joined by 又: `三百五又三分之一` = 350 1/3.
fn mixed_number(chars: &[char], whole: &Body, limit: usize, mode: Mode) -> Option<(Parsed, Stop)> {
    let start = whole.end + 1;
    if start >= limit {
        return None;
    }
    let FractionRead::Found(fraction, stop) = parse_fraction(chars, start, limit, mode) else {
        return None;
    };
    let Value::Ratio {
        numerator,
        denominator,
    } = fraction.value
    else {
        return None;
    };
    let combined = whole
        .value
        .checked_mul(denominator)?
        .checked_add(numerator)?;
    Some((
        Parsed {
            end: fraction.end,
            value: Value::Ratio {
                numerator: combined,
                denominator,
            },
            kind: NumeralKind::Fraction,
            form: combine_forms(whole.form(), fraction.form),
            has_magnitude: whole.has_magnitude,
        },
        stop,
    ))
}

/// Whether digits at `start` continue an identifier or a web address (`G20`, `PM2.5`,
/// `%20`) rather than open a number.
pub(crate) fn in_identifier(chars: &[char], start: usize) -> bool {
    start > 0
        && chars[start].is_ascii_digit()
        && matches!(chars[start - 1], 'a'..='z' | 'A'..='Z' | '%' | '_')
}

fn combine_forms(a: NumeralForm, b: NumeralForm) -> NumeralForm {
    if a == b {
        a
    } else if a == NumeralForm::Arabic || b == NumeralForm::Arabic {
        NumeralForm::Mixed
    } else {
        NumeralForm::Chinese
    }
}

/// `%`, `‰` or `/denominator` after a body.
fn suffix(chars: &[char], body: &Body, start: usize, limit: usize, mode: Mode) -> Option<Parsed> {
    let end = body.end;
    if end >= limit {
        return None;
    }
    let base = Parsed {
        end: end + 1,
        value: Value::Exact(body.value),
        kind: NumeralKind::Percent,
        form: body.form(),
        has_magnitude: body.has_magnitude,
    };
    match chars[end] {
        // `%25` in a web address is an escape, not a percent.
        '%' | '﹪'
            if mode == Mode::Whole
                || !chars.get(end + 1).is_some_and(char::is_ascii_alphanumeric) =>
        {
            Some(base)
        }
        '‰' => Some(Parsed {
            kind: NumeralKind::PerMille,
            ..base
        }),
        '/' if body.plain_integer && !body.chinese => {
            let mut j = end + 1;
            let mut denominator: i128 = 0;
            while j < limit {
                let Some(d) = ascii_digit_at(chars, j) else {
                    break;
                };
                if j - end > MAX_INTEGER_DIGITS {
                    return None;
                }
                denominator = denominator * 10 + i128::from(d);
                j += 1;
            }
            if j == end + 1 || denominator == 0 {
                return None;
            }
            if mode == Mode::Scan {
                // `2026/2/10` is a date: a slash before or after the fraction rules it out.
                let slash_before = start > 0 && chars[start - 1] == '/';
                let slash_after = matches!(chars.get(j), Some('/' | '.'))
                    && ascii_digit_at(chars, j + 1).is_some();
                if slash_before || slash_after {
                    return None;
                }
                // `2025/12` is a year and a month (the date extractor reads it), not 2025
                // twelfths: a four-digit year over a one- or two-digit month is no fraction.
                let year_over_month = end - start == 4
                    && body
                        .value
                        .to_i64()
                        .is_some_and(|n| (1000..=2999).contains(&n))
                    && j - end <= 3
                    && (1..=12).contains(&denominator);
                if year_over_month {
                    return None;
                }
            }
            Some(Parsed {
                end: j,
                value: Value::Ratio {
                    numerator: body.value,
                    denominator: Decimal::integer(denominator),
                },
                kind: NumeralKind::Fraction,
                form: NumeralForm::Arabic,
                has_magnitude: false,
            })
        }
        _ => None,
    }
}

/// Money written as on a cheque, after a body: `壹佰元整`, `壹元贰角`, `壹佰貳拾參肆角陸分`.
/// The strict parser accepts these (finance texts and the financial forms go together); the
/// scanner leaves 元 角 分 to the quantity extractor.
fn money_body(
    chars: &[char],
    body_start: usize,
    body: &Body,
    limit: usize,
    mode: Mode,
) -> Option<((Decimal, NumeralForm), usize)> {
    if let Some((cents, end)) = money_tail(chars, body.end, limit, true) {
        return Some(((body.value.checked_add(cents)?, body.form()), end));
    }
    // `一二角三分`: the last digit read belongs to 角 or 分, not to the body.
    let next = chars.get(body.end)?;
    if !matches!(next, '角' | '分') || body.end == body_start {
        return None;
    }
    let cut = body.end - 1;
    if cut == body_start {
        let (cents, end) = money_tail(chars, body_start, limit, false)?;
        return Some(((cents, NumeralForm::Chinese), end));
    }
    let (shorter, _) = parse_body(chars, body_start, cut, mode, true);
    let shorter = shorter.filter(|b| b.end == cut)?;
    let (cents, end) = money_tail(chars, cut, limit, true)?;
    Some(((shorter.value.checked_add(cents)?, shorter.form()), end))
}

/// `元`/`圆` [整], then an optional `d角` and `[零]d分`: the part below one yuan, and the end.
fn money_tail(
    chars: &[char],
    pos: usize,
    limit: usize,
    after_body: bool,
) -> Option<(Decimal, usize)> {
    let at = |i: usize| {
        if i < limit {
            chars.get(i).copied()
        } else {
            None
        }
    };
    let mut i = pos;
    let mut yuan = false;
    if matches!(at(i), Some('元' | '圆')) {
        yuan = true;
        i += 1;
    }
    if !yuan && !after_body && !matches!(at(i + 1), Some('角' | '分')) {
        return None;
    }
    let mut cents: i128 = 0;
    let mut any_cents = false;
    if at(i).is_some_and(is_zero_char) && at(i + 2) == Some('分') {
        i += 1;
    }
    if let (Some(d), Some('角')) = (at(i).and_then(chinese_digit), at(i + 1)) {
        cents += i128::from(d) * 10;
        any_cents = true;
        i += 2;
        if at(i).is_some_and(is_zero_char) && at(i + 2) == Some('分') {
            i += 1;
        }
    }
    // `三分之一` is a fraction, not three fen.
    let fen_digit = at(i)
        .and_then(chinese_digit)
        .filter(|_| at(i + 2) != Some('之'));
    if let (Some(d), Some('分')) = (fen_digit, at(i + 1)) {
        cents += i128::from(d);
        any_cents = true;
        i += 2;
    }
    if !(any_cents || yuan && after_body) {
        return None;
    }
    // 正 is the older cheque form of 整.
    if matches!(at(i), Some('整' | '正')) {
        i += 1;
    }
    Some((Decimal::new(cents, 2)?, i))
}
