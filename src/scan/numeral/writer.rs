//! Writing numbers as Chinese numerals: the inverse of the parser.

use super::ChineseStyle;
use crate::error::{Error, Result};

struct Glyphs {
    digits: [char; 10],
    small: [char; 3],
    /// Places above 千: 万 and 亿 (mainland), or 萬 億 兆 京 (Taiwan, Hong Kong).
    big: &'static [&'static str],
    minus: char,
    point: char,
}

const LOWER_SIMPLIFIED: Glyphs = Glyphs {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    small: ['十', '百', '千'],
    big: &["万", "亿", "亿亿"],
    minus: '负',
    point: '点',
};

const UPPER_SIMPLIFIED: Glyphs = Glyphs {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    small: ['拾', '佰', '仟'],
    big: &["万", "亿", "亿亿"],
    minus: '负',
    point: '点',
};

const LOWER_TRADITIONAL: Glyphs = Glyphs {
    digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    small: ['十', '百', '千'],
    big: &["萬", "億", "兆", "京"],
    minus: '負',
    point: '點',
};

const UPPER_TRADITIONAL: Glyphs = Glyphs {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    small: ['拾', '佰', '仟'],
    big: &["萬", "億", "兆", "京"],
    minus: '負',
    point: '點',
};

fn glyphs(style: ChineseStyle) -> &'static Glyphs {
    match (style.upper, style.traditional) {
        (false, false) => &LOWER_SIMPLIFIED,
        (true, false) => &UPPER_SIMPLIFIED,
        (false, true) => &LOWER_TRADITIONAL,
        (true, true) => &UPPER_TRADITIONAL,
    }
}

/// Integers below this are written (the largest place named is 京 or 亿亿, 10^16; four more
/// digits in front of it reach 10^20).
const WRITABLE_LIMIT: u128 = 100_000_000_000_000_000_000;

/// Writes `n` (below [`WRITABLE_LIMIT`]) with places and zeros as a careful writer would:
/// `一万零一`, `十万零一十`, `一亿五千万六千三百五十五`. The lower style drops the 一 of a
/// leading 一十 (`十五`); the financial style keeps it (`壹拾伍`).
///
/// Simplified text counts above 亿 in 万亿 and 亿亿, as mainland writing does (`十万亿`,
/// `亿亿次`), where 兆 now usually means a million; traditional text, as in Taiwan and Hong
/// Kong, names the places 兆 (10^12) and 京 (10^16).
fn write_unsigned(n: u128, glyphs: &Glyphs, upper: bool, out: &mut String) {
    if n == 0 {
        out.push(glyphs.digits[0]);
        return;
    }
    let four_places = |group: u128, leading: bool, out: &mut String| {
        write_group(group as u32, glyphs, leading && !upper, out);
    };
    if let [wan, yi, yi_yi] = glyphs.big {
        // 万 inside each group of eight places, 亿 and 亿亿 between them.
        let eight_places = |group: u128, leading: bool, out: &mut String| {
            write_levels(group, 4, &[wan], leading, glyphs, out, &four_places);
        };
        write_levels(n, 8, &[yi, yi_yi], true, glyphs, out, &eight_places);
    } else {
        write_levels(n, 4, glyphs.big, true, glyphs, out, &four_places);
    }
}

/// Writes `n` as groups of `digits` places, each followed by its unit, with one 零 wherever
/// places are skipped between written groups (`一亿零一万`).
fn write_levels(
    n: u128,
    digits: u32,
    units: &[&str],
    leading: bool,
    glyphs: &Glyphs,
    out: &mut String,
    write_group: &dyn Fn(u128, bool, &mut String),
) {
    let base = 10_u128.pow(digits);
    let mut groups = [0_u128; 5];
    let mut rest = n;
    for group in groups.iter_mut().take(units.len()) {
        *group = rest % base;
        rest /= base;
    }
    groups[units.len()] = rest;
    let top = groups[..=units.len()]
        .iter()
        .rposition(|&g| g != 0)
        .unwrap_or(0);
    let mut need_zero = false;
    for level in (0..=top).rev() {
        let group = groups[level];
        let first = level == top;
        if group == 0 {
            need_zero = true;
            continue;
        }
        if !first && group < base / 10 {
            need_zero = true;
        }
        if need_zero && !first {
            out.push(glyphs.digits[0]);
        }
        need_zero = false;
        write_group(group, leading && first, out);
        if level > 0 {
            out.push_str(units[level - 1]);
        }
    }
}

/// One group of four places (千百十个), without its leading zeros.
fn write_group(group: u32, glyphs: &Glyphs, drop_leading_one_ten: bool, out: &mut String) {
    let places = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
    let first = places.iter().position(|&d| d != 0).unwrap_or(3);
    let mut zero_pending = false;
    for (i, &digit) in places.iter().enumerate().skip(first) {
        if digit == 0 {
            zero_pending = true;
            continue;
        }
        if zero_pending {
            out.push(glyphs.digits[0]);
            zero_pending = false;
        }
        let place = 3 - i;
        let bare_ten = drop_leading_one_ten && i == first && place == 1 && digit == 1;
        if !bare_ten {
            out.push(glyphs.digits[digit as usize]);
        }
        if place > 0 {
            out.push(glyphs.small[place - 1]);
        }
    }
}

/// See [`crate::scan::numeral::to_chinese`].
pub(crate) fn to_chinese(n: i64, style: ChineseStyle) -> String {
    let glyphs = glyphs(style);
    let mut out = String::with_capacity(48);
    if n < 0 {
        out.push(glyphs.minus);
    }
    write_unsigned(u128::from(n.unsigned_abs()), glyphs, style.upper, &mut out);
    out
}

/// See [`crate::scan::numeral::decimal_to_chinese`].
pub(crate) fn decimal_to_chinese(decimal: &str, style: ChineseStyle) -> Result<String> {
    let text = decimal.trim();
    let lowered = text.trim_start_matches(['-', '+']).to_ascii_lowercase();
    if matches!(lowered.as_str(), "nan" | "inf" | "infinity") {
        return Err(Error::Unrepresentable {
            value: text.to_owned(),
            reason: "only finite numbers have a Chinese numeral".to_owned(),
        });
    }
    let (negative, integer_digits, fraction_digits) = split_decimal(text)?;
    let integer_digits = integer_digits.trim_start_matches('0');
    let magnitude: u128 = if integer_digits.is_empty() {
        0
    } else if integer_digits.len() > 20 {
        WRITABLE_LIMIT
    } else {
        integer_digits.parse().unwrap_or(WRITABLE_LIMIT)
    };
    if magnitude >= WRITABLE_LIMIT {
        return Err(Error::Unrepresentable {
            value: text.to_owned(),
            reason: "the largest place written is 京 (10^16); the integer part must be below 10^20"
                .to_owned(),
        });
    }
    let glyphs = glyphs(style);
    let mut out = String::with_capacity(48 + fraction_digits.len() * 3);
    let all_zero = magnitude == 0 && fraction_digits.bytes().all(|b| b == b'0');
    if negative && !all_zero {
        out.push(glyphs.minus);
    }
    write_unsigned(magnitude, glyphs, style.upper, &mut out);
    if let Some(fraction) = fraction_digits.get(..).filter(|f| !f.is_empty()) {
        out.push(glyphs.point);
        for b in fraction.bytes() {
            out.push(glyphs.digits[usize::from(b - b'0')]);
        }
    }
    Ok(out)
}

/// Splits a decimal such as `-12.05`, `1e-05` or `1.5E+3` into sign, integer digits and
/// fraction digits, with the exponent applied. The fraction keeps the digits as written
/// (`12.0` keeps its `0`; `12.30` its trailing zero).
fn split_decimal(text: &str) -> Result<(bool, String, String)> {
    let malformed = |reason: &str| Error::Malformed {
        input: text.to_owned(),
        reason: reason.to_owned(),
    };
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => {
            let exp: i32 = unsigned[i + 1..]
                .parse()
                .map_err(|_| malformed("the exponent is not an integer"))?;
            (&unsigned[..i], exp)
        }
        None => (unsigned, 0),
    };
    let (integer, fraction) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(integer)
        || !fraction.is_none_or(is_digits)
        || (integer.is_empty() && fraction.is_none_or(str::is_empty))
    {
        return Err(malformed(
            "expected a decimal number such as -12.05 or 1e-05",
        ));
    }
    if exponent.unsigned_abs() > 64 {
        return Err(Error::Unrepresentable {
            value: text.to_owned(),
            reason: "the exponent is out of the writable range".to_owned(),
        });
    }
    if exponent == 0 {
        return Ok((
            negative,
            integer.to_owned(),
            fraction.unwrap_or("").to_owned(),
        ));
    }
    // Shift the point: all digits, and where the point falls among them.
    let digits: String = integer
        .chars()
        .chain(fraction.unwrap_or("").chars())
        .collect();
    let point = integer.len() as i64 + i64::from(exponent);
    let (int_part, frac_part) = if point <= 0 {
        (
            String::new(),
            "0".repeat(point.unsigned_abs() as usize) + &digits,
        )
    } else if point as usize >= digits.len() {
        (
            digits.clone() + &"0".repeat(point as usize - digits.len()),
            String::new(),
        )
    } else {
        (
            digits[..point as usize].to_owned(),
            digits[point as usize..].to_owned(),
        )
    };
    // With an exponent the written digits are no longer "as written": drop padding zeros.
    let frac_part = frac_part.trim_end_matches('0').to_owned();
    Ok((negative, int_part, frac_part))
}
