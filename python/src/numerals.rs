//! `parse_numeral` and `to_chinese`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{ChineseStyle, Error, NumeralValue};

use crate::errors::{to_py_err, type_name, IntoPyResult};
use crate::text::{borrow_text, Place};

/// The value of a numeral: `int` when it is integral, else `float`.
#[pyfunction]
pub fn parse_numeral(text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let py = text.py();
    let text = borrow_text(text, Place::argument("parse_numeral", "text"))?;
    match xinzhi_extract::parse_numeral(text).into_py_result()?.value {
        NumeralValue::Integer(n) => n.into_py_any(py),
        NumeralValue::Float(x) => x.into_py_any(py),
    }
}

/// `n` as a Chinese numeral. An `int` is written exactly (below 2^63 in magnitude); a `float`
/// as its `repr` reads (`0.5` → 零点五, `12.0` → 十二点零); a `str` holding a decimal keeps its
/// digits as written (`"0.10"` → 零点一零).
#[pyfunction]
#[pyo3(signature = (n, upper=false, traditional=false))]
pub fn to_chinese(n: &Bound<'_, PyAny>, upper: bool, traditional: bool) -> PyResult<String> {
    let style = ChineseStyle { upper, traditional };
    if n.is_instance_of::<PyBool>() {
        return Err(not_a_number(n));
    }
    if n.is_instance_of::<PyInt>() {
        return match n.extract::<i64>() {
            Ok(n) => Ok(xinzhi_extract::to_chinese(n, style)),
            Err(_) => Err(to_py_err(&Error::Unrepresentable {
                value: n.str()?.to_string(),
                reason: "integers are written exactly only below 2^63 in magnitude".to_owned(),
            })),
        };
    }
    if n.is_instance_of::<PyFloat>() {
        let repr = n.repr()?;
        return xinzhi_extract::decimal_to_chinese(repr.to_str()?, style).into_py_result();
    }
    if n.is_instance_of::<PyString>() {
        let text = borrow_text(n, Place::argument("to_chinese", "n"))?;
        return xinzhi_extract::decimal_to_chinese(text, style).into_py_result();
    }
    Err(not_a_number(n))
}

fn not_a_number(n: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "to_chinese() argument 'n' must be int, float or str, not {}",
        type_name(n)
    ))
}
