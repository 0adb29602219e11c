//! # xinzhi_extract
//!
//! Typed, structured records from Chinese policy and economic news: quantities with units
//! (`8990萬元`, `约20万平方米`, `近65%`), dates and periods (`2023—2026年`), policy-document
//! titles in 《》, and the numerals under all of them (`一百二十三`, `萬億`, `壹佰`, `1.2万`).
//!
//! ```
//! use xinzhi_extract::{Extractor, Record};
//!
//! let extractor = Extractor::new();
//! for record in extractor.extract("2023年全省新增企业77家。") {
//!     println!("{} {:?}", record.kind(), record.text());
//! }
//! ```
//!
//! Offsets in this crate are byte offsets into the input (`&text[r.start()..r.end()]` is the
//! record's text). Extraction never fails and never changes the input: noise such as pinyin
//! annotations (`萬(wàn)`) and full-width digits is stepped over while matching.

mod candidates;
pub mod error;
mod extract;
mod invariants;
pub mod lexicon;
pub mod normalize;
pub mod numeral;
pub mod offsets;
pub mod record;

mod date;
mod number;
mod quantity;
mod title;

pub use error::{Error, Result};
pub use extract::{Extractor, ExtractorBuilder, KindSet, Options, YUAN_CURRENCIES};
pub use invariants::check_records;
pub use normalize::{clean, TextView};
pub use numeral::{
    decimal_to_chinese, match_numeral, parse_numeral, scan_numerals, to_chinese, ChineseStyle,
    Numeral, NumeralForm, NumeralKind, NumeralMatch, NumeralValue,
};
pub use record::{Approx, Date, Dimension, Kind, Number, Quantity, Record, Title, Trend};
