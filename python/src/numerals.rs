//! `parse_numeral` and `to_chinese`.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{ChineseStyle, Error, NumeralValue};

use crate::errors::{guarded, to_py_err, type_name, IntoPyResult};
use crate::text::{borrow_text, Place};

/// The value of a numeral: `int` when it is integral, else `float`. Chinese, financial and
/// Arabic forms, magnitudes (万, 亿, 万亿), decimals, percents, fractions and ordinals. With
/// `with_kind`, a pair `(value, kind)`, the kind one of `cardinal`, `percent`, `per_mille`,
/// `fraction`, `ordinal` (`百分之五` is `(5, "percent")`).
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// NumeralError
///     `text` is not a numeral as a whole (empty, an unexpected character, misordered
///     magnitudes), or its value is out of range.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> xe.parse_numeral("三千五百万"), xe.parse_numeral("零点五"), xe.parse_numeral("百分之五")
/// (35000000, 0.5, 5)
/// >>> xe.parse_numeral("百分之五", with_kind=True)
/// (5, 'percent')
#[pyfunction]
#[pyo3(signature = (text, *, with_kind=false))]
pub fn parse_numeral(text: &Bound<'_, PyAny>, with_kind: bool) -> PyResult<Py<PyAny>> {
    let py = text.py();
    let text = borrow_text(text, Place::argument("parse_numeral", "text"))?;
    let numeral =
        guarded("parse_numeral", || xinzhi_extract::parse_numeral(text))?.into_py_result()?;
    let value = match numeral.value {
        NumeralValue::Integer(n) => n.into_py_any(py)?,
        NumeralValue::Float(x) => x.into_py_any(py)?,
    };
    if with_kind {
        (value, numeral.kind.as_str()).into_py_any(py)
    } else {
        Ok(value)
    }
}

/// `n` as a Chinese numeral. An `int` is written exactly (below 2^63 in magnitude); a `float`
/// as its `repr` reads (`0.5` → 零点五, `12.0` → 十二点零); a `str` holding a decimal keeps its
/// digits as written (`"0.10"` → 零点一零). `upper` writes the financial forms (壹佰贰拾叁),
/// `traditional` the traditional characters (萬, 億).
///
/// Raises
/// ------
/// TypeError
///     `n` is not an `int`, `float` or `str`.
/// NumeralError
///     `n` cannot be written as a numeral (NaN, an infinity, a `str` that is not a decimal,
///     an `int` of 2^63 or more in magnitude).
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> xe.to_chinese(123), xe.to_chinese(123, upper=True), xe.to_chinese(20000, traditional=True)
/// ('一百二十三', '壹佰贰拾叁', '二萬')
#[pyfunction]
#[pyo3(signature = (n, upper=false, traditional=false))]
pub fn to_chinese(n: &Bound<'_, PyAny>, upper: bool, traditional: bool) -> PyResult<String> {
    let style = ChineseStyle { upper, traditional };
    if n.is_instance_of::<PyBool>() {
        return Err(not_a_number(n));
    }
    // Integers, and what stands for one (numpy integers): written exactly.
    if n.is_instance_of::<PyInt>() || (!n.is_instance_of::<PyFloat>() && n.hasattr("__index__")?) {
        return match n.extract::<i64>() {
            Ok(n) => Ok(xinzhi_extract::to_chinese(n, style)),
            Err(_) => Err(to_py_err(&Error::Unrepresentable {
                value: n.str()?.to_string(),
                reason: "integers are written exactly only below 2^63 in magnitude".to_owned(),
            })),
        };
    }
    // A float, a float subclass or anything with `__float__` (numpy floats): its value, as
    // the shortest decimal that reads back as it (`repr` of the plain float).
    if n.is_instance_of::<PyFloat>() || n.hasattr("__float__")? {
        let value: f64 = n
            .extract()
            .or_else(|_| n.call_method0("__float__")?.extract())?;
        let repr = PyFloat::new(n.py(), value).repr()?;
        return guarded("to_chinese", || {
            xinzhi_extract::decimal_to_chinese(&repr.to_string(), style)
        })?
        .into_py_result();
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
