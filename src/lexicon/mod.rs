//! Lexicons: every word list the extractors use, as data tables in one place.
//!
//! Each table lists simplified forms; traditional input is folded to simplified by the
//! [`TextView`](crate::TextView) before matching (see [`script`]), so a table needs a
//! traditional form only where folding cannot produce the simplified one.

pub mod approx;
pub mod date_cues;
pub mod doc_types;
pub mod issuers;
pub mod media;
pub mod periods_of_year;
pub mod phrases;
pub mod regions;
pub mod relative_years;
pub mod script;
pub mod units;
pub(crate) mod word_index;
