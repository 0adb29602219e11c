//! The floor every extractor stands on: the options, the folded view of the text with the
//! positions where a record may start, the numeral engine and the reading of the numeral at a
//! position, the scratch memory an extraction works in, and the checks of a numeral's
//! context that more than one extractor makes.
//!
//! Nothing here knows the extractors: they import this module, never the other way round,
//! and never one another.

pub(crate) mod candidates;
pub(crate) mod context;
pub(crate) mod exclude;
pub mod numeral;
pub(crate) mod options;
pub(crate) mod scratch;
pub(crate) mod view;
pub(crate) mod years;

pub use options::{KindSet, Options, LOCALES, YUAN_CURRENCIES};
pub use view::{clean, is_han, TextView};
