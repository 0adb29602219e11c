//! The one reader of calendar numerals: years, months and days as dates write them, and the
//! years of a period in a title. Dates and titles both read years here, so they agree on what
//! a year is (four digits, ASCII or Chinese read one by one, from 1000 to 2999).

use crate::lexicon::numerals::DIGITS;
use crate::scan::numeral::{digit_value, match_numeral_within};

/// The earliest year read as a calendar year.
pub(crate) const FIRST_YEAR: u32 = 1000;
/// The latest year read as a calendar year.
pub(crate) const LAST_YEAR: u32 = 2999;
/// The longest numeral run looked at; a longer run of digits is no calendar numeral.
const MAX_NUMERAL_CHARS: usize = 5;

/// A numeral read in the view: ASCII digits, Chinese digits read one by one (`二〇二三`), or a
/// small Chinese numeral with tens (`二十七`, `十二`, `廿`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Numeral {
    /// One past its last view position.
    pub(crate) end: usize,
    /// Its value.
    pub(crate) value: u32,
    /// Number of digits for a digit-by-digit form; 0 for a numeral with tens (`二十七`).
    pub(crate) digits: usize,
    /// Written in ASCII digits.
    pub(crate) ascii: bool,
}

impl Numeral {
    /// The year it writes: four digits (ASCII, or Chinese read one by one), from
    /// [`FIRST_YEAR`] to [`LAST_YEAR`].
    pub(crate) fn as_year(self) -> Option<u32> {
        (self.digits == 4 && (FIRST_YEAR..=LAST_YEAR).contains(&self.value)).then_some(self.value)
    }

    /// A month or day: one or two ASCII digits, one Chinese digit, or a Chinese numeral with tens.
    pub(crate) fn as_small(self, max: u32) -> Option<u32> {
        let shape_fits = if self.ascii {
            (1..=2).contains(&self.digits)
        } else {
            self.digits <= 1
        };
        (shape_fits && (1..=max).contains(&self.value)).then_some(self.value)
    }
}

/// The length of the run of ASCII digits at `i`, when there is one short enough for a date.
pub(crate) fn ascii_run(chars: &[char], i: usize) -> Option<usize> {
    let run = chars
        .get(i..)?
        .iter()
        .take(MAX_NUMERAL_CHARS)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (run > 0 && run < MAX_NUMERAL_CHARS).then_some(run)
}

/// A run of ASCII digits at `i`, at most four long.
pub(crate) fn read_ascii(chars: &[char], i: usize) -> Option<Numeral> {
    let run = ascii_run(chars, i)?;
    let value = chars[i..i + run]
        .iter()
        .fold(0, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    Some(Numeral {
        end: i + run,
        value,
        digits: run,
        ascii: true,
    })
}

/// The numeral at `i`: ASCII digits, Chinese digits read one by one, or a Chinese numeral up
/// to 三十九 with tens.
#[inline]
pub(crate) fn read_numeral(chars: &[char], i: usize) -> Option<Numeral> {
    let &first = chars.get(i)?;
    if first.is_ascii_digit() {
        return read_ascii(chars, i);
    }
    // Most characters asked about (every one of a title, for its period) open no numeral:
    // the test is made where it is asked, and only a numeral calls the reader.
    if !opens_numeral(first) {
        return None;
    }
    read_chinese(chars, i)
}

/// Whether [`read_numeral`] may find a numeral opening with `c`: an ASCII digit, or a Chinese
/// digit or tens (the letter O continues a numeral but opens none).
#[inline]
pub(crate) fn opens_numeral(c: char) -> bool {
    c.is_ascii_digit() || (c != 'O' && continues_chinese_numeral(c))
}

/// [`read_numeral`] at `i`, where a Chinese numeral may open.
#[inline(never)]
fn read_chinese(chars: &[char], i: usize) -> Option<Numeral> {
    let tail = chars.get(i..)?;
    let run = tail
        .iter()
        .enumerate()
        .take(MAX_NUMERAL_CHARS)
        .take_while(|&(k, &c)| (k > 0 || c != 'O') && continues_chinese_numeral(c))
        .count();
    if run == 0 || tail.get(run).is_some_and(|&c| is_chinese_numeral_char(c)) {
        return None;
    }
    let run_chars = &tail[..run];
    let value = if run_chars.iter().any(|&c| is_chinese_tens(c)) {
        let numeral = match_numeral_within(run_chars, 0, run)?;
        let value = u32::try_from(numeral.integer?).ok()?;
        (numeral.end == run).then_some((value, 0))?
    } else {
        let value = run_chars.iter().fold(0, |v, &c| {
            v * 10
                + if c == 'O' {
                    0
                } else {
                    chinese_digit(c).unwrap_or(0)
                }
        });
        (value, run)
    };
    Some(Numeral {
        end: i + run,
        value: value.0,
        digits: value.1,
        ascii: false,
    })
}

/// A Chinese digit as written in dates: 两 never writes a digit of a year, a month or a day,
/// and ASCII digits take the other path.
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    if c == '两' || c.is_ascii_digit() {
        return None;
    }
    digit_value(c)
}

/// Whether `c` is a [`chinese_digit`]. Asked of the characters around every numeral, nearly
/// none of which is a digit: one bit-table load tells (a test checks it against
/// [`chinese_digit`] for every character).
#[inline]
pub(crate) fn is_chinese_digit(c: char) -> bool {
    !c.is_ascii() && c != '两' && DIGITS.contains(c)
}

/// A character of a Chinese date numeral after its first: a digit, a tens, or the letter O
/// written for 〇 (`二OO八`).
#[inline]
pub(crate) fn continues_chinese_numeral(c: char) -> bool {
    is_chinese_digit(c) || is_chinese_tens(c) || c == 'O'
}

pub(crate) fn is_chinese_tens(c: char) -> bool {
    matches!(c, '十' | '廿' | '卅')
}

/// Characters of any Chinese numeral: a date numeral next to one of these is part of a
/// larger number (`一百二十年`, `三千五百`).
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    is_chinese_digit(c)
        || is_chinese_tens(c)
        || matches!(
            c,
            '百' | '千' | '万' | '亿' | '两' | '点' | '几' | '多' | '余'
        )
}

/// The year written at `chars[at]` that does not continue a numeral before it (the `2023` of
/// `12023`): what a title's period is made of.
pub(crate) fn year_at(chars: &[char], at: usize) -> Option<u32> {
    let numeral = read_numeral(chars, at)?;
    let continues = at.checked_sub(1).is_some_and(|p| {
        let before = chars[p];
        if numeral.ascii {
            before.is_ascii_digit()
        } else {
            is_chinese_numeral_char(before)
        }
    });
    if continues {
        return None;
    }
    numeral.as_year()
}

/// A year written with its last two digits only (the `25` of `2024-25`), in one script.
pub(crate) fn two_digits_at(chars: &[char], at: usize) -> Option<u32> {
    read_numeral(chars, at)
        .filter(|numeral| numeral.digits == 2)
        .map(|numeral| numeral.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bit_table_of_chinese_digits_agrees_with_their_values() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_chinese_digit(c), chinese_digit(c).is_some(), "{c}");
        }
    }
}
