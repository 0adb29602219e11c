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
//!
//! ```
//! use xinzhi_extract::{parse_numeral, Extractor, Record};
//!
//! let text = "約5萬(wàn)個(gè)企業，投資8990萬元";
//! let records = Extractor::new().extract(text);
//! let Record::Quantity(count) = &records[0] else { panic!("a quantity") };
//! assert_eq!((count.text.as_str(), count.value, count.unit.as_deref()), ("約5萬(wàn)個", Some(50000.0), Some("个")));
//! assert_eq!(parse_numeral("四十九兆九千五百九十二億").unwrap().as_f64(), 49_959_200_000_000.0);
//! ```
//!
//! # How it works
//!
//! One pipeline that reads in one direction: a [`TextView`] folds the text (traditional to
//! simplified, full-width to ASCII) and skips pinyin annotations while keeping a map back to
//! the original offsets; the positions where a record can start are found once; the
//! [`numeral`] engine, then the quantity, date, number and title parsers read from those
//! positions; one merge keeps the leftmost-longest record where they compete. Every word list
//! and character class (units, classifiers, numeral characters, range separators,
//! approximation words, document types, regions, media) is a data table in [`lexicon`], listed
//! once: a row added there takes effect everywhere it applies.
//!
//! The modules stand in layers, and every import points down: an extractor never imports the
//! orchestrator or another extractor.
//!
//! ```text
//!   extract        Extractor, its builder, the merge; facts and skipped() on top of it
//!      │
//!      ├── quantity · date · number · title · subject · skipped   (the extractors)
//!      │        each reads only the floor, the lexicon and the record types
//!      │
//!   scan           the floor: Options; the TextView and its candidate positions; the
//!      │           numeral engine and the numeral at a position (NumeralAt); the scratch
//!      │           memory an Extractor lends each call; the context checks several
//!      │           extractors make (exclusions, magnitude chains, digit runs); the one
//!      │           reader of calendar years, used by dates and titles
//!      │
//!   lexicon        the tables: units, numeral characters, marks, approximation and trend
//!      │           words, relative years, document types, issuers, regions, media, phrases
//!      │
//!   record, error  the record types and the error enum
//! ```
//!
//! `normalize` and `numeral` are the public paths of the view and of the numeral engine,
//! which live in the floor.
//!
//! # Performance
//!
//! The pipeline makes one pass over the text. The tables of the view and the per-kind record
//! lists are scratch memory the [`Extractor`] keeps for its next call (a few slots shared by
//! its clones, each bounded in size), unit and currency
//! strings are borrowed from the lexicon, and a record's text of up to 24 bytes is held
//! inline ([`CompactString`]): extracting from a short text allocates little more than the
//! list it returns. On one core of a small shared machine it reads the typical policy report
//! at a few hundred MB/s, and cost stays linear from kilobytes to hundreds of megabytes; the
//! benchmarks under `benches/` measure it. An [`Extractor`] is cheap to clone
//! (its options sit behind an `Arc`) and is `Send + Sync`: share one between threads.
//!
//! # Untrusted input
//!
//! Any `&str` is safe to extract from. Every look-ahead is bounded (a numeral reads at most
//! [`numeral::MAX_NUMERAL_CHARS`] characters, a title at most 200 and never across a line
//! break), so time is linear whatever the text holds, and no input makes extraction panic:
//! property tests and fuzz targets check that every result passes [`check_records`]. Only
//! the strict [`parse_numeral`] and the builder's options return an [`Error`].

pub mod error;
mod extract;
mod facts;
mod invariants;
pub mod lexicon;
pub mod normalize;
pub mod numeral;
pub mod offsets;
pub mod record;
mod scan;
mod skipped;

mod date;
mod number;
mod quantity;
mod subject;
mod title;

/// The linear-time check the unit tests share with the integration tests.
#[cfg(test)]
#[path = "../tests/common/timing.rs"]
mod timing;

/// The string type of record texts: up to 24 bytes are held inline, without allocation.
pub use compact_str::CompactString;
pub use error::{Error, Result};
pub use extract::skipped;
pub use extract::{Extractor, ExtractorBuilder};
pub use facts::{facts, Fact, FactContext, FactContexts, MAX_SENTENCE_CHARS};
pub use invariants::check_records;
pub use normalize::{clean, TextView};
pub use numeral::{
    decimal_to_chinese, match_numeral, parse_numeral, scan_numerals, to_chinese, ChineseStyle,
    Numeral, NumeralForm, NumeralKind, NumeralMatch, NumeralValue,
};
pub use record::{Approx, Date, Dimension, Kind, Number, Quantity, Record, Title, Trend};
pub use scan::{KindSet, Options, LOCALES, YUAN_CURRENCIES};
pub use skipped::{in_numeral_alphabet, SkipReason, Skipped, SKIP_REASONS};
