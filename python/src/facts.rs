//! The facts table's own columns (SPEC §6): the year and the sentence of each quantity, as
//! the core works them out, beside the batch of the quantities.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::frame::{bytearray, native_bytes};
use crate::run::Part;

/// `(name, layout, data, extra)` per column, as `ExtractionBatch._columns` gives them:
/// `year` (Int32), `sentence` (string), `sentence_start` and `sentence_end` (int64), one row
/// per quantity of `parts`, whose documents are `texts` in order.
pub(crate) fn columns<'py>(
    py: Python<'py>,
    texts: &[&str],
    parts: &[Part],
) -> PyResult<Bound<'py, PyList>> {
    let sentences = PyList::empty(py);
    let (mut years, mut missing, mut starts, mut ends) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut texts = texts.iter();
    for (store, facts) in parts {
        for doc in store.docs() {
            let text = texts.next().copied().unwrap_or_default();
            for row in doc.rows.clone() {
                let (start, end) = facts.sentence_bytes[row];
                sentences.append(PyString::new(py, &text[start..end]))?;
            }
        }
        years.extend(native_bytes(&facts.year, i32::to_ne_bytes));
        missing.extend(facts.has_year.iter().map(|&has| u8::from(!has)));
        starts.extend(native_bytes(&facts.sentence_start, i64::to_ne_bytes));
        ends.extend(native_bytes(&facts.sentence_end, i64::to_ne_bytes));
    }
    let none = py.None().into_bound(py);
    PyList::new(
        py,
        [
            (
                "year",
                "Int32",
                bytearray(py, &years),
                bytearray(py, &missing),
            ),
            ("sentence", "string", sentences.into_any(), none.clone()),
            (
                "sentence_start",
                "int64",
                bytearray(py, &starts),
                none.clone(),
            ),
            ("sentence_end", "int64", bytearray(py, &ends), none),
        ],
    )
}
