//! The record declarations as plain data: what `xinzhi_extract._stubgen` renders as the
//! records section of `_core.pyi`, and the column layout the command line writes.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::columns::schema;
use crate::fields::vocabularies;
use crate::records::{FieldSpec, RECORDS};

fn field_dict<'py>(py: Python<'py>, field: &FieldSpec) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("name", field.name)?;
    dict.set_item("annotation", field.annotation)?;
    dict.set_item("optional", field.optional)?;
    dict.set_item("offset", field.offset)?;
    dict.set_item(
        "doc",
        field
            .doc
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim(),
    )?;
    let default = field.default.map(|d| match d {
        "false" => "False",
        "true" => "True",
        other => other,
    });
    dict.set_item("default", default)?;
    Ok(dict)
}

/// `{"records": [...], "vocabularies": {...}, "columns": [...]}`: each record class with its
/// kind, docstring and fields (name, annotation, optional, offset, default, doc) and computed
/// columns; the closed vocabularies; the table's columns as `(name, layout)`.
#[pyfunction]
pub fn _record_schema(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let records = PyList::empty(py);
    for record in RECORDS {
        let entry = PyDict::new(py);
        entry.set_item("class", record.class)?;
        entry.set_item("kind", record.kind)?;
        entry.set_item(
            "doc",
            record
                .doc
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
                .trim(),
        )?;
        let fields = PyList::empty(py);
        for field in record.fields {
            fields.append(field_dict(py, field)?)?;
        }
        entry.set_item("fields", fields)?;
        let computed = PyList::empty(py);
        for field in record.computed {
            computed.append(field_dict(py, field)?)?;
        }
        entry.set_item("computed", computed)?;
        records.append(entry)?;
    }
    let vocabulary = PyDict::new(py);
    for (alias, names) in vocabularies() {
        vocabulary.set_item(alias, names)?;
    }
    let columns = PyList::empty(py);
    columns.append(("doc", "int64"))?;
    for column in &schema().columns {
        columns.append((column.name, column.layout.name(column.nullable)))?;
    }
    let out = PyDict::new(py);
    out.set_item("records", records)?;
    out.set_item("vocabularies", vocabulary)?;
    out.set_item("columns", columns)?;
    Ok(out)
}
