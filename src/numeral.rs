//! The numeral engine: Chinese, Arabic and mixed numerals, parsed exactly.
//!
//! Three entry points share one grammar:
//!
//! - [`parse_numeral`] reads a whole string strictly and explains what is wrong with it;
//! - [`match_numeral`] and [`scan_numerals`] find the longest numeral at a position of a
//!   [`TextView`](crate::TextView) or every numeral in it, for the extractors;
//! - [`to_chinese`] and [`decimal_to_chinese`] write numbers back as Chinese numerals.
//!
//! ```
//! use xinzhi_extract::{parse_numeral, NumeralValue};
//!
//! assert_eq!(parse_numeral("三千五百万").unwrap().value, NumeralValue::Integer(35_000_000));
//! assert_eq!(parse_numeral("4.2亿").unwrap().value, NumeralValue::Integer(420_000_000));
//! assert_eq!(parse_numeral("四十九兆九千五百九十二億").unwrap().value,
//!            NumeralValue::Integer(49_959_200_000_000));
//! ```
//!
//! # Forms
//!
//! Simplified, traditional and financial digits (`壹贰叁`, `壹貳參`, `拾佰仟`); `零 〇 ○`;
//! `两`/`兩`; `廿 卅 卌`; magnitudes on the ten-thousand ladder (万 10^4, 亿 10^8, 兆 10^12,
//! 京 10^16, and 万亿 = 10^12); colloquial trailing digits (`一万二` = 12000, `两百五` = 250);
//! decimals (`点`, `.`); Arabic digits with grouping (`1,000`, `18 900`) and with Chinese
//! magnitudes (`1.2万`, `5万亿`, `200亿零四千230`); digit-by-digit readings (`二〇二三`,
//! `一七二零点一`); negatives (`负`, `-`); percent and per mille (`百分之五`, `65%`,
//! `千分之三`, `3‰`); fractions (`三分之一`, `1/10`); ordinals (`第七`).
//!
//! # Exactness
//!
//! Values are folded with an exact decimal (a 128-bit mantissa and a decimal scale), so
//! `9007199254740993` stays itself and `4.2亿` is the integer 420000000. Integers are exact
//! in the whole `i64` range.
//!
//! # Untrusted input
//!
//! Nothing here panics or allocates in proportion to anything but its input. The scanner
//! reads at most [`MAX_NUMERAL_CHARS`] characters from any start, so scanning is linear in
//! the text; a run of more than 30 Arabic digits (an identifier, not a quantity) is not a
//! numeral at all rather than a silently rounded one.
//!
//! # Performance
//!
//! Parsing a typical numeral takes tens to a few hundred nanoseconds; see
//! `benches/numeral.rs`.
//!
//! The engine lives in the crate's scanning floor, below every extractor; this module is its
//! public path.

pub use crate::scan::numeral::*;
