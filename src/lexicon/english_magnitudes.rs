//! English magnitude words written after Arabic digits in Chinese text: `US$5 million`,
//! `HK$1.2 billion`, `3.5bn美元`, `$20m`. They are part of the number: `5 million` is five
//! million, never a bare 5.
//!
//! Whole words (`thousand`, `million`, `billion`, `trillion`, in any case, with a plural `s`)
//! and abbreviations that mean nothing else (`bn`, `mn`, `mln`, `bln`, `trn`) are read after
//! any number, with one space allowed before them. The abbreviations that are also units or
//! words (`k`, `m` a metre, `b`, `tn` a tonne) are magnitudes only on a number of money: with
//! a currency written before it (`$20m`, `US$300k`, `US$5 m`) or, glued to the number, a
//! currency unit right after (`20m美元`).
//!
//! ```
//! use xinzhi_extract::lexicon::english_magnitudes::english_magnitude_after;
//! let chars: Vec<char> = "US$5 million".chars().collect();
//! let (magnitude, len) = english_magnitude_after(&chars, 4).unwrap();
//! assert_eq!((magnitude.factor, len), (1e6, 8));
//! let chars: Vec<char> = "3m长".chars().collect();
//! assert!(english_magnitude_after(&chars, 1).is_none_or(|(m, _)| m.money_only));
//! ```

use super::units::{currency_before, unit_after};
use crate::record::Dimension;

/// An English magnitude word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EnglishMagnitude {
    /// The form, in lower case.
    pub form: &'static str,
    /// What it multiplies the number by.
    pub factor: f64,
    /// A magnitude only beside money (`$20m`); otherwise a unit or a word (`3m` is 3 metres).
    pub money_only: bool,
}

const fn word(form: &'static str, factor: f64) -> EnglishMagnitude {
    EnglishMagnitude {
        form,
        factor,
        money_only: false,
    }
}

const fn money(form: &'static str, factor: f64) -> EnglishMagnitude {
    EnglishMagnitude {
        form,
        factor,
        money_only: true,
    }
}

/// Every English magnitude, one row each.
pub static ENGLISH_MAGNITUDES: &[EnglishMagnitude] = &[
    word("thousand", 1e3),
    word("million", 1e6),
    word("billion", 1e9),
    word("trillion", 1e12),
    word("mn", 1e6),
    word("mln", 1e6),
    word("bn", 1e9),
    word("bln", 1e9),
    word("trn", 1e12),
    money("k", 1e3),
    money("m", 1e6),
    money("b", 1e9),
    money("tn", 1e12),
];

/// The longest a form may be written, plural `s` included.
const LONGEST: usize = 9;

/// The English magnitude written after a number that ends at `end`, with its length in
/// characters (a space before it included): a whole run of Latin letters that is one of
/// [`ENGLISH_MAGNITUDES`], in any case, or a whole word of them with a plural `s`. Forms that
/// are `money_only` are returned too: [`english_magnitude`] decides whether money stands
/// beside them.
#[must_use]
pub fn english_magnitude_after(
    chars: &[char],
    end: usize,
) -> Option<(&'static EnglishMagnitude, usize)> {
    let gap = usize::from(chars.get(end) == Some(&' '));
    let start = end + gap;
    let letters = chars
        .get(start..)?
        .iter()
        .take(LONGEST + 1)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > LONGEST {
        return None;
    }
    let mut written = [0u8; LONGEST];
    for (slot, c) in written.iter_mut().zip(&chars[start..start + letters]) {
        // Latin letters only (checked above), so the cast keeps the character.
        *slot = (*c as u8).to_ascii_lowercase();
    }
    let written = &written[..letters];
    let row = ENGLISH_MAGNITUDES.iter().find(|row| {
        let form = row.form.as_bytes();
        written == form || (form.len() >= 7 && written.strip_suffix(b"s") == Some(form))
    })?;
    Some((row, gap + letters))
}

/// The magnitude after the number `chars[start..end]` and its length, where it is one: a
/// `money_only` form needs a currency written just before the number (spaces between
/// allowed), or must be glued to the number and followed by a unit of money.
#[must_use]
pub fn english_magnitude(
    chars: &[char],
    start: usize,
    end: usize,
) -> Option<(&'static EnglishMagnitude, usize)> {
    let (magnitude, len) = english_magnitude_after(chars, end)?;
    if !magnitude.money_only {
        return Some((magnitude, len));
    }
    let spaces = chars[..start]
        .iter()
        .rev()
        .take(3)
        .take_while(|&&c| c == ' ')
        .count();
    if currency_before(chars, start - spaces).is_some() {
        return Some((magnitude, len));
    }
    let glued = chars[end] != ' ';
    let money_after =
        unit_after(chars, end + len).is_some_and(|(u, _)| u.dimension == Dimension::Money);
    (glued && money_after).then_some((magnitude, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form of the magnitude read after `number` in `text`, and the text it covers.
    fn read(text: &str, number: &str) -> Option<(&'static str, String)> {
        let chars: Vec<char> = text.chars().collect();
        let at = text.find(number).map(|b| text[..b].chars().count())?;
        let end = at + number.chars().count();
        english_magnitude(&chars, at, end)
            .map(|(m, len)| (m.form, chars[end..end + len].iter().collect()))
    }

    #[test]
    fn every_row_takes_effect_in_either_case() {
        for row in ENGLISH_MAGNITUDES {
            let text = if row.money_only {
                format!("US$5{}", row.form)
            } else {
                format!("融资5 {}美元", row.form)
            };
            assert_eq!(
                read(&text, "5").map(|(form, _)| form),
                Some(row.form),
                "{text}"
            );
            let upper = text.to_ascii_uppercase();
            assert_eq!(
                read(&upper, "5").map(|(form, _)| form),
                Some(row.form),
                "{upper}"
            );
        }
    }

    #[test]
    fn words_and_their_bounds() {
        let found = |form: &'static str, written: &str| Some((form, written.to_owned()));
        assert_eq!(read("HK$1.2 billion", "1.2"), found("billion", " billion"));
        assert_eq!(read("US$5 millions", "5"), found("million", " millions"));
        assert_eq!(read("3.5bn美元", "3.5"), found("bn", "bn"));
        assert_eq!(read("$20m", "20"), found("m", "m"));
        assert_eq!(read("US$ 300K", "300"), found("k", "K"));
        assert_eq!(read("20m美元", "20"), found("m", "m"));
        assert_eq!(read("US$5 m", "5"), found("m", " m"));
        // Units and longer words stay what they are.
        assert_eq!(read("3m长的管道", "3"), None);
        assert_eq!(read("长5 m美元", "5"), None);
        assert_eq!(read("跑了5 km", "5"), None);
        assert_eq!(read("5 mile", "5"), None);
        assert_eq!(read("US$5 millionaires", "5"), None);
        assert_eq!(read("5bns", "5"), None);
        assert_eq!(read("5  million", "5"), None);
    }
}
