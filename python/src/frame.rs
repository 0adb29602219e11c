//! The batch's columns for pandas: numbers as native buffers (numpy reads them without a
//! copy per value), strings as lists, closed vocabularies as codes and categories.
//! `xinzhi_extract._frame` wraps them in pandas' nullable arrays.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyList};
use xinzhi_extract::Record;

use crate::columns::{Ids, Table, Values};

/// `(name, layout, data, extra)` per column; `layout` tells `_frame` how to read `data`:
/// `int64` (buffer), `Int64` / `Int32` / `Float64` / `boolean` (buffer, `extra` = missing
/// mask), `string` (list of `str` or `None`), `category` (int8 codes, `extra` = the
/// categories).
pub(crate) fn columns<'py>(
    py: Python<'py>,
    documents: &[Vec<Record>],
    ids: &Ids,
) -> PyResult<Bound<'py, PyList>> {
    let table = py.detach(|| Table::build(documents, ids, 0..documents.len()));
    let out = PyList::empty(py);
    for column in table.columns {
        let layout = column.layout_name();
        let extra = match &column.valid {
            Some(valid) => mask(py, valid),
            None => py.None().into_bound(py),
        };
        let (data, extra) = match column.values {
            Values::Int64(values) => (
                bytearray(py, &native_bytes(&values, i64::to_ne_bytes)),
                extra,
            ),
            Values::Int32(values) => (
                bytearray(py, &native_bytes(&values, i32::to_ne_bytes)),
                extra,
            ),
            Values::Float64(values) => (
                bytearray(py, &native_bytes(&values, f64::to_ne_bytes)),
                extra,
            ),
            Values::Boolean(values) => (
                bytearray(py, &values.iter().map(|&b| u8::from(b)).collect::<Vec<_>>()),
                extra,
            ),
            Values::Utf8(values) => (
                PyList::new(py, values)?.into_any(),
                py.None().into_bound(py),
            ),
            Values::Category { codes, categories } => (
                bytearray(py, &codes.iter().map(|&c| c as u8).collect::<Vec<_>>()),
                PyList::new(py, categories)?.into_any(),
            ),
        };
        out.append((column.name, layout, data, extra))?;
    }
    Ok(out)
}

fn bytearray<'py>(py: Python<'py>, bytes: &[u8]) -> Bound<'py, PyAny> {
    // A bytearray, not bytes: numpy arrays over it are writable, so the frame is too.
    PyByteArray::new(py, bytes).into_any()
}

/// One byte per row, 1 where the value is missing (pandas' mask convention).
fn mask<'py>(py: Python<'py>, valid: &[bool]) -> Bound<'py, PyAny> {
    let missing: Vec<u8> = valid.iter().map(|&v| u8::from(!v)).collect();
    bytearray(py, &missing)
}

/// The values' bytes in native order, as numpy's `frombuffer` reads them.
fn native_bytes<T: Copy, const N: usize>(values: &[T], to_bytes: fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|&v| to_bytes(v)).collect()
}
