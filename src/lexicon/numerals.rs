//! Numeral characters: every character the numeral engine reads as a digit, a magnitude, a
//! multiple of ten, a sign or the ordinal prefix, with the script it is written in.
//!
//! This is the one table of these facts. The engine's digit and magnitude values, the
//! characters that may open a numeral (and so the view's candidate positions), the financial
//! forms that are words when alone, and the digits of a year written digit by digit are all
//! read from it: a row added here takes effect everywhere.
//!
//! ```
//! use xinzhi_extract::lexicon::numerals::{numeral_char, Meaning, Script};
//! let row = numeral_char('柒').unwrap();
//! assert_eq!((row.meaning, row.script), (Meaning::Digit(7), Script::Financial));
//! assert_eq!(numeral_char('萬').unwrap().meaning, Meaning::Magnitude(4));
//! assert!(numeral_char('年').is_none());
//! ```

use super::char_set::CharSet;

/// What a numeral character stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// A digit, 0 to 9.
    Digit(u8),
    /// A magnitude word, as a power of ten: 十 is 1, 万 is 4, 亿 is 8.
    Magnitude(u8),
    /// A number of tens in one character: 廿 is 2, 卅 is 3, 卌 is 4.
    Tens(u8),
    /// A minus: 负, `-`.
    Minus,
    /// The prefix of an ordinal: 第.
    Ordinal,
}

/// How a numeral character is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// ASCII (and the minus sign U+2212).
    Ascii,
    /// Full-width digits (`１２３`), folded to ASCII by the view.
    FullWidth,
    /// The everyday Chinese form (`一`, `十`, `万`, `零`, `〇`).
    Chinese,
    /// A traditional form the view folds to the everyday one (`萬`, `億`, `兩`, `負`).
    Traditional,
    /// A financial form (`壹`, `貳`, `拾`): common words of their own when they stand alone
    /// (陆续, 队伍, 参加, 收拾).
    Financial,
    /// A colloquial form (`俩`, `倆` for two; `廿`, `卄`, `卅`, `卌`).
    Colloquial,
    /// The read-out 1 of codes and telephone numbers (`幺`), a digit only inside a
    /// digit-by-digit reading and never the start of a numeral.
    ReadOut,
}

/// One numeral character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumeralChar {
    /// The character.
    pub c: char,
    /// What it stands for.
    pub meaning: Meaning,
    /// How it is written.
    pub script: Script,
}

const fn row(c: char, meaning: Meaning, script: Script) -> NumeralChar {
    NumeralChar { c, meaning, script }
}

use Meaning::{Digit, Magnitude, Minus, Ordinal, Tens};
use Script::{Ascii, Chinese, Colloquial, Financial, FullWidth, ReadOut, Traditional};

/// Every numeral character. Adding a character is one line here.
pub static NUMERAL_CHARS: &[NumeralChar] = &[
    row('0', Digit(0), Ascii),
    row('1', Digit(1), Ascii),
    row('2', Digit(2), Ascii),
    row('3', Digit(3), Ascii),
    row('4', Digit(4), Ascii),
    row('5', Digit(5), Ascii),
    row('6', Digit(6), Ascii),
    row('7', Digit(7), Ascii),
    row('8', Digit(8), Ascii),
    row('9', Digit(9), Ascii),
    row('０', Digit(0), FullWidth),
    row('１', Digit(1), FullWidth),
    row('２', Digit(2), FullWidth),
    row('３', Digit(3), FullWidth),
    row('４', Digit(4), FullWidth),
    row('５', Digit(5), FullWidth),
    row('６', Digit(6), FullWidth),
    row('７', Digit(7), FullWidth),
    row('８', Digit(8), FullWidth),
    row('９', Digit(9), FullWidth),
    row('零', Digit(0), Chinese),
    row('〇', Digit(0), Chinese),
    row('○', Digit(0), Chinese),
    row('一', Digit(1), Chinese),
    row('壹', Digit(1), Financial),
    row('幺', Digit(1), ReadOut),
    row('二', Digit(2), Chinese),
    row('两', Digit(2), Chinese),
    row('兩', Digit(2), Traditional),
    row('俩', Digit(2), Colloquial),
    row('倆', Digit(2), Colloquial),
    row('贰', Digit(2), Financial),
    row('貳', Digit(2), Financial),
    row('三', Digit(3), Chinese),
    row('叁', Digit(3), Financial),
    row('参', Digit(3), Financial),
    row('參', Digit(3), Financial),
    row('叄', Digit(3), Financial),
    row('四', Digit(4), Chinese),
    row('肆', Digit(4), Financial),
    row('五', Digit(5), Chinese),
    row('伍', Digit(5), Financial),
    row('六', Digit(6), Chinese),
    row('陆', Digit(6), Financial),
    row('陸', Digit(6), Financial),
    row('七', Digit(7), Chinese),
    row('柒', Digit(7), Financial),
    row('八', Digit(8), Chinese),
    row('捌', Digit(8), Financial),
    row('九', Digit(9), Chinese),
    row('玖', Digit(9), Financial),
    row('十', Magnitude(1), Chinese),
    row('拾', Magnitude(1), Financial),
    row('百', Magnitude(2), Chinese),
    row('佰', Magnitude(2), Financial),
    row('千', Magnitude(3), Chinese),
    row('仟', Magnitude(3), Financial),
    row('万', Magnitude(4), Chinese),
    row('萬', Magnitude(4), Traditional),
    row('亿', Magnitude(8), Chinese),
    row('億', Magnitude(8), Traditional),
    row('兆', Magnitude(12), Chinese),
    row('京', Magnitude(16), Chinese),
    row('廿', Tens(2), Colloquial),
    row('卄', Tens(2), Colloquial),
    row('卅', Tens(3), Colloquial),
    row('卌', Tens(4), Colloquial),
    row('第', Ordinal, Chinese),
    row('负', Minus, Chinese),
    row('負', Minus, Traditional),
    row('-', Minus, Ascii),
    row('−', Minus, Ascii),
];

/// Every character of [`NUMERAL_CHARS`] that may open a numeral: all but the read-out forms.
pub(crate) static OPENERS: CharSet = char_set(false);

/// Every character of [`NUMERAL_CHARS`].
static ROWS: CharSet = char_set(true);

/// Every digit of [`NUMERAL_CHARS`] but the read-out forms: what the engine's digit value is
/// asked of, where most characters that may open a numeral are magnitudes (万, 亿) or 第.
pub(crate) static DIGITS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        let row = &NUMERAL_CHARS[k];
        if matches!(row.meaning, Digit(_)) && !matches!(row.script, ReadOut) {
            set = set.with_char(row.c);
        }
        k += 1;
    }
    set
};

/// Every digit and magnitude of [`NUMERAL_CHARS`] but the read-out forms: the characters that
/// have a digit value or a magnitude value, which make a short quotation a coded slogan
/// (`“十四五”`, `“两新”`). One bit-table load tells them from the characters around.
pub(crate) static DIGITS_AND_MAGNITUDES: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        let row = &NUMERAL_CHARS[k];
        if matches!(row.meaning, Digit(_) | Magnitude(_)) && !matches!(row.script, ReadOut) {
            set = set.with_char(row.c);
        }
        k += 1;
    }
    set
};

const fn char_set(with_read_out: bool) -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        if with_read_out || !matches!(NUMERAL_CHARS[k].script, ReadOut) {
            set = set.with_char(NUMERAL_CHARS[k].c);
        }
        k += 1;
    }
    set
}

/// Slots of [`BY_CODE`]: a power of two, several times the rows, so that a look-up
/// mostly reads one slot.
const SLOTS: usize = 256;

/// The rows of [`NUMERAL_CHARS`] by a hash of their code point, with linear probing: each slot
/// holds a code point and its row's index plus one, or 0 when empty.
static BY_CODE: [(u32, u8); SLOTS] = by_code();

const fn slot_of(code: u32) -> usize {
    (code.wrapping_mul(0x9E37_79B1) >> 24) as usize % SLOTS
}

const fn by_code() -> [(u32, u8); SLOTS] {
    assert!(NUMERAL_CHARS.len() < SLOTS / 2, "the table stays sparse");
    let mut table = [(0_u32, 0_u8); SLOTS];
    let mut k = 0;
    while k < NUMERAL_CHARS.len() {
        let code = NUMERAL_CHARS[k].c as u32;
        let mut slot = slot_of(code);
        while table[slot].1 != 0 {
            assert!(table[slot].0 != code, "a numeral character has one row");
            slot = (slot + 1) % SLOTS;
        }
        table[slot] = (code, (k + 1) as u8);
        k += 1;
    }
    table
}

/// The digit of each slot of [`BY_CODE`] plus one, or 0 where the slot holds no digit (a
/// magnitude, a sign, the read-out `幺`, an empty slot): [`digit_of`] reads it with no row.
static DIGIT_BY_SLOT: [u8; SLOTS] = digit_by_slot();

const fn digit_by_slot() -> [u8; SLOTS] {
    let mut digits = [0_u8; SLOTS];
    let mut slot = 0;
    while slot < SLOTS {
        let row = BY_CODE[slot].1;
        if row != 0 {
            let row = &NUMERAL_CHARS[row as usize - 1];
            if let (Digit(d), false) = (row.meaning, matches!(row.script, ReadOut)) {
                digits[slot] = d + 1;
            }
        }
        slot += 1;
    }
    digits
}

/// The digit `c` stands for, the read-out `幺` aside (`七` 7, `柒` 7, `７` 7): what the
/// numeral engine asks of the characters around every numeral, answered from the slot of the
/// code point alone.
#[must_use]
#[inline]
pub(crate) fn digit_of(c: char) -> Option<u8> {
    DIGIT_BY_SLOT[slot_holding(c as u32)?].checked_sub(1)
}

/// The slot of [`BY_CODE`] that holds `code`, if a row does.
#[inline]
fn slot_holding(code: u32) -> Option<usize> {
    let mut slot = slot_of(code);
    // The table has empty slots, so the probe ends.
    loop {
        let (held, row) = BY_CODE[slot];
        if row == 0 {
            return None;
        }
        if held == code {
            return Some(slot);
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// The row of `c`, if it is a numeral character.
#[must_use]
#[inline]
pub fn numeral_char(c: char) -> Option<&'static NumeralChar> {
    // Nearly every character asked about is none: one bit-table load says so.
    if !ROWS.contains(c) {
        return None;
    }
    let row = BY_CODE[slot_holding(c as u32)?].1;
    NUMERAL_CHARS.get(usize::from(row) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_found_and_opens_unless_read_out() {
        for row in NUMERAL_CHARS {
            assert_eq!(numeral_char(row.c), Some(row), "{}", row.c);
            assert_eq!(OPENERS.contains(row.c), row.script != ReadOut, "{}", row.c);
            let digit = matches!(row.meaning, Digit(_)) && row.script != ReadOut;
            assert_eq!(DIGITS.contains(row.c), digit, "{}", row.c);
            let value = match row.meaning {
                Digit(d) if digit => Some(d),
                _ => None,
            };
            assert_eq!(digit_of(row.c), value, "{}", row.c);
        }
        for c in "年点分之个元".chars() {
            assert!(numeral_char(c).is_none() && !OPENERS.contains(c), "{c}");
            assert_eq!(digit_of(c), None, "{c}");
        }
    }
}
