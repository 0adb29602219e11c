//! The `xinzhi_extract._core` extension module: converts types and maps errors, nothing more.
//!
//! One file per exposed concept: `records` (the four record classes), `extractor`
//! (`Extractor` and the module-level functions), `batch` (`ExtractionBatch`), `numerals`
//! (`parse_numeral`, `to_chinese`), `errors` (the exception tree), `schema` (the record
//! declarations as data, for the stub and the command line). `run` (threads), `text`
//! (str arguments), `fields` (one field's conversions), `columns` (the table layout), `frame`
//! (pandas) and `arrow` (the Arrow C stream) hold what those share.

// The doc comments of exposed items are Python docstrings: their examples are Python, where
// `["a", "b"]` is a list, not an intra-doc link.
#![allow(clippy::doc_link_with_quotes)]

use pyo3::prelude::*;

mod arrow;
mod batch;
mod columns;
mod errors;
mod extractor;
mod facts;
mod fields;
mod frame;
mod numerals;
mod records;
mod run;
mod schema;
mod sequence;
mod skipped;
mod store;
mod text;

/// The compiled core of the `xinzhi_extract` package.
#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The sentence rules of the facts table, read by `_facts.py` from the core's own tables.
    m.add(
        "_SENTENCE_ENDS",
        xinzhi_extract::lexicon::subjects::SENTENCE_ENDS,
    )?;
    m.add("_MAX_SENTENCE_CHARS", xinzhi_extract::MAX_SENTENCE_CHARS)?;
    errors::quiet_panics();
    errors::register(m)?;
    records::register(m)?;
    sequence::register(m)?;
    skipped::register(m)?;
    m.add_class::<extractor::Extractor>()?;
    m.add_class::<batch::ExtractionBatch>()?;
    m.add_function(wrap_pyfunction!(extractor::extract, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::quantities, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::dates, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::titles, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::numbers, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::to_frame, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::clean, m)?)?;
    m.add_function(wrap_pyfunction!(numerals::parse_numeral, m)?)?;
    m.add_function(wrap_pyfunction!(numerals::to_chinese, m)?)?;
    m.add_function(wrap_pyfunction!(schema::_record_schema, m)?)?;
    Ok(())
}
