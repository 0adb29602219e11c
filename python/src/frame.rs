//! The batch's columns for pandas: numbers as native buffers (numpy reads them without a
//! copy per value), strings as lists, closed vocabularies as codes and categories.
//! `xinzhi_extract._frame` wraps them in pandas' nullable arrays.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyList};

use crate::columns::{Ids, Table, Values};
use crate::store::{chunks, Store};

/// `(name, layout, data, extra)` per column; `layout` tells `_frame` how to read `data`:
/// `int64` (buffer), `Int64` / `Int32` / `Float64` / `boolean` (buffer, `extra` = missing
/// mask), `string` (list of `str` or `None`), `category` (int8 codes, `extra` = the
/// categories). The columns are built a chunk of records at a time, so that the core records
/// of only one chunk exist at once.
pub(crate) fn columns<'py>(
    py: Python<'py>,
    parts: &[Arc<Store>],
    ids: &Ids,
) -> PyResult<Bound<'py, PyList>> {
    // Per column: its name, layout, data bytes or list, mask bytes and categories.
    let mut built: Vec<Built<'py>> = Vec::new();
    for (records, docs) in chunks(parts, CHUNK_ROWS) {
        let table = py.detach(|| Table::build(&records, &docs, ids));
        if built.is_empty() {
            for column in &table.columns {
                built.push(Built {
                    name: column.name,
                    layout: column.layout_name(),
                    bytes: Vec::new(),
                    strings: PyList::empty(py),
                    missing: column.valid.as_ref().map(|_| Vec::new()),
                    categories: Vec::new(),
                });
            }
        }
        for (column, out) in table.columns.into_iter().zip(&mut built) {
            if let (Some(valid), Some(missing)) = (&column.valid, &mut out.missing) {
                missing.extend(valid.iter().map(|&v| u8::from(!v)));
            }
            match column.values {
                Values::Int64(values) => out.bytes.extend(native_bytes(&values, i64::to_ne_bytes)),
                Values::Int32(values) => out.bytes.extend(native_bytes(&values, i32::to_ne_bytes)),
                Values::Float64(values) => {
                    out.bytes.extend(native_bytes(&values, f64::to_ne_bytes));
                }
                Values::Boolean(values) => out.bytes.extend(values.iter().map(|&b| u8::from(b))),
                Values::Utf8(values) => {
                    for value in values {
                        out.strings.append(value)?;
                    }
                }
                Values::Category { codes, categories } => {
                    out.bytes.extend(codes.iter().map(|&c| c as u8));
                    out.categories = categories;
                }
            }
        }
    }
    let out = PyList::empty(py);
    for column in built {
        let data = if column.layout == "string" {
            column.strings.into_any()
        } else {
            bytearray(py, &column.bytes)
        };
        let extra = if column.layout == "category" {
            PyList::new(py, column.categories)?.into_any()
        } else if let (Some(missing), false) = (&column.missing, column.layout == "string") {
            bytearray(py, missing)
        } else {
            py.None().into_bound(py)
        };
        out.append((column.name, column.layout, data, extra))?;
    }
    Ok(out)
}

/// Core records per chunk of the table: some 200 bytes each while they exist.
const CHUNK_ROWS: usize = 1 << 14;

/// One column as it is filled, chunk by chunk.
struct Built<'py> {
    name: &'static str,
    layout: &'static str,
    bytes: Vec<u8>,
    strings: Bound<'py, PyList>,
    missing: Option<Vec<u8>>,
    categories: Vec<&'static str>,
}

pub(crate) fn bytearray<'py>(py: Python<'py>, bytes: &[u8]) -> Bound<'py, PyAny> {
    // A bytearray, not bytes: numpy arrays over it are writable, so the frame is too.
    PyByteArray::new(py, bytes).into_any()
}

/// The values' bytes in native order, as numpy's `frombuffer` reads them.
pub(crate) fn native_bytes<T: Copy, const N: usize>(
    values: &[T],
    to_bytes: fn(T) -> [u8; N],
) -> Vec<u8> {
    values.iter().flat_map(|&v| to_bytes(v)).collect()
}
