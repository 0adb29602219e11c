//! The four record classes: frozen, hashable, matchable, picklable, printable as a call.
//!
//! Each wraps the core struct with its `start` and `end` already converted to code points
//! (Python `str` indices). The field list of a class drives its `__match_args__`, `repr`,
//! `to_dict` and pickling, so all four stay in the constructor's order.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyTuple};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{Approx, Dimension, Record, Trend};

/// A number with a unit or classifier.
#[pyclass(frozen, module = "xinzhi_extract", name = "Quantity")]
pub struct Quantity(pub xinzhi_extract::Quantity);

/// A calendar date or period.
#[pyclass(frozen, module = "xinzhi_extract", name = "Date")]
pub struct Date(pub xinzhi_extract::Date);

/// A document title in 《》.
#[pyclass(frozen, module = "xinzhi_extract", name = "Title")]
pub struct Title(pub xinzhi_extract::Title);

/// A numeral that belongs to no other record.
#[pyclass(frozen, module = "xinzhi_extract", name = "Number")]
pub struct Number(pub xinzhi_extract::Number);

/// Wraps a core record (offsets already in code points) as a Python object.
pub(crate) fn to_python(py: Python<'_>, record: Record) -> PyResult<Bound<'_, PyAny>> {
    Ok(match record {
        Record::Quantity(r) => Bound::new(py, Quantity(r))?.into_any(),
        Record::Date(r) => Bound::new(py, Date(r))?.into_any(),
        Record::Title(r) => Bound::new(py, Title(r))?.into_any(),
        Record::Number(r) => Bound::new(py, Number(r))?.into_any(),
    })
}

/// The core record inside a record object, or `None` for any other object.
pub(crate) fn from_python(object: &Bound<'_, PyAny>) -> Option<Record> {
    if let Ok(r) = object.cast::<Quantity>() {
        return Some(Record::Quantity(r.get().0.clone()));
    }
    if let Ok(r) = object.cast::<Date>() {
        return Some(Record::Date(r.get().0.clone()));
    }
    if let Ok(r) = object.cast::<Title>() {
        return Some(Record::Title(r.get().0.clone()));
    }
    object
        .cast::<Number>()
        .ok()
        .map(|r| Record::Number(r.get().0.clone()))
}

/// The value of the string enum named `name` whose text is `text`.
fn parse_enum<T: Copy>(
    all: &[T],
    as_str: impl Fn(T) -> &'static str,
    field: &str,
    text: &str,
) -> PyResult<T> {
    all.iter()
        .copied()
        .find(|&v| as_str(v) == text)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|&v| as_str(v)).collect();
            PyValueError::new_err(format!(
                "{field} must be one of {}, not {text:?}",
                names.join(", ")
            ))
        })
}

fn check_span(start: usize, end: usize) -> PyResult<()> {
    if start > end {
        return Err(PyValueError::new_err(format!(
            "start ({start}) must not be after end ({end})"
        )));
    }
    Ok(())
}

/// Equality-compatible hashing of a float: `0.0 == -0.0`, so both hash alike.
fn hash_float(value: Option<f64>, state: &mut DefaultHasher) {
    value
        .map(|v| if v == 0.0 { 0.0 } else { v }.to_bits())
        .hash(state);
}

/// `Name(field=repr, ...)` from the field list.
fn call_repr(name: &str, fields: &[&str], values: &Bound<'_, PyTuple>) -> PyResult<String> {
    let mut out = String::with_capacity(128);
    out.push_str(name);
    out.push('(');
    for (i, (field, value)) in fields.iter().zip(values.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        out.push_str(&value.repr()?.to_cow()?);
    }
    out.push(')');
    Ok(out)
}

fn fields_dict<'py>(
    py: Python<'py>,
    kind: &str,
    fields: &[&str],
    values: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("kind", kind)?;
    for (field, value) in fields.iter().zip(values.iter()) {
        dict.set_item(field, value)?;
    }
    Ok(dict)
}

/// The methods every record class shares, written once; `$fields` is the constructor's
/// parameter list and `$values` builds the matching tuple.
macro_rules! record_methods {
    (
        $class:ident,
        $kind:literal,
        $fields:expr,
        |$this:ident, $py:ident| $values:expr,
        { $($methods:tt)* }
    ) => {
        impl $class {
            const FIELDS: &'static [&'static str] = $fields;

            fn values<'py>(&self, $py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
                let $this = &self.0;
                $values
            }

            fn hash_value(&self) -> u64 {
                let mut state = DefaultHasher::new();
                self.hash_fields(&mut state);
                state.finish()
            }
        }

        #[pymethods]
        impl $class {
            $($methods)*

            /// The record's kind.
            #[getter]
            fn kind(&self) -> &'static str {
                $kind
            }

            /// The span as written in the input.
            #[getter]
            fn text(&self) -> &str {
                &self.0.text
            }

            /// Index of the span's first character.
            #[getter]
            fn start(&self) -> usize {
                self.0.start
            }

            /// Index one past the span's last character.
            #[getter]
            fn end(&self) -> usize {
                self.0.end
            }

            #[classattr]
            fn __match_args__(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
                PyTuple::new(py, Self::FIELDS)
            }

            /// Every field, with `kind` first.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                fields_dict(py, $kind, Self::FIELDS, &self.values(py)?)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                call_repr(stringify!($class), Self::FIELDS, &self.values(py)?)
            }

            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, pyo3::types::PyType>, Bound<'py, PyTuple>)> {
                Ok((slf.get_type(), slf.get().values(slf.py())?))
            }

            fn __richcmp__(
                &self,
                other: PyRef<'_, Self>,
                op: CompareOp,
                py: Python<'_>,
            ) -> PyResult<Py<PyAny>> {
                match op {
                    CompareOp::Eq => (self.0 == other.0).into_py_any(py),
                    CompareOp::Ne => (self.0 != other.0).into_py_any(py),
                    _ => Ok(py.NotImplemented()),
                }
            }

            fn __hash__(&self) -> u64 {
                self.hash_value()
            }
        }
    };
}

record_methods!(
    Quantity,
    "quantity",
    &[
        "text",
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "dimension",
        "approx",
        "currency",
        "trend",
    ],
    |q, py| PyTuple::new(
        py,
        [
            q.text.as_str().into_pyobject(py)?.into_any(),
            q.start.into_pyobject(py)?.into_any(),
            q.end.into_pyobject(py)?.into_any(),
            q.value.into_pyobject(py)?,
            q.low.into_pyobject(py)?,
            q.high.into_pyobject(py)?,
            q.unit.as_deref().into_pyobject(py)?,
            q.dimension.as_str().into_pyobject(py)?.into_any(),
            q.approx.as_str().into_pyobject(py)?.into_any(),
            q.currency.as_deref().into_pyobject(py)?,
            q.trend.map(Trend::as_str).into_pyobject(py)?,
        ]
    ),
    {
        #[new]
        #[pyo3(signature = (text, start, end, value=None, low=None, high=None, unit=None, dimension="other", approx="exact", currency=None, trend=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            text: String,
            start: usize,
            end: usize,
            value: Option<f64>,
            low: Option<f64>,
            high: Option<f64>,
            unit: Option<String>,
            dimension: &str,
            approx: &str,
            currency: Option<String>,
            trend: Option<&str>,
        ) -> PyResult<Self> {
            check_span(start, end)?;
            Ok(Quantity(xinzhi_extract::Quantity {
                text: text.into(),
                start,
                end,
                value,
                low,
                high,
                unit: unit.map(Cow::Owned),
                dimension: parse_enum(Dimension::ALL, Dimension::as_str, "dimension", dimension)?,
                approx: parse_enum(Approx::ALL, Approx::as_str, "approx", approx)?,
                currency: currency.map(Cow::Owned),
                trend: trend
                    .map(|t| parse_enum(Trend::ALL, Trend::as_str, "trend", t))
                    .transpose()?,
                subject: None,
                subject_start: None,
                subject_end: None,
            }))
        }

        /// The value with every magnitude folded in; `None` for a range or a lost number.
        #[getter]
        fn value(&self) -> Option<f64> {
            self.0.value
        }

        /// Lower bound; equals `value` for a single number.
        #[getter]
        fn low(&self) -> Option<f64> {
            self.0.low
        }

        /// Upper bound; equals `value` for a single number.
        #[getter]
        fn high(&self) -> Option<f64> {
            self.0.high
        }

        /// The unit in simplified characters, without magnitude.
        #[getter]
        fn unit(&self) -> Option<&str> {
            self.0.unit.as_deref()
        }

        /// What the quantity measures (`money`, `count`, `percent` …).
        #[getter]
        fn dimension(&self) -> &'static str {
            self.0.dimension.as_str()
        }

        /// How exact it is (`exact`, `about`, `nearly`, `over` …).
        #[getter]
        fn approx(&self) -> &'static str {
            self.0.approx.as_str()
        }

        /// ISO 4217 code for money, else `None`.
        #[getter]
        fn currency(&self) -> Option<&str> {
            self.0.currency.as_deref()
        }

        /// `up` or `down` when the quantity is itself a change, else `None`.
        #[getter]
        fn trend(&self) -> Option<&'static str> {
            self.0.trend.map(Trend::as_str)
        }
    }
);

impl Quantity {
    fn hash_fields(&self, state: &mut DefaultHasher) {
        let q = &self.0;
        (&q.text, q.start, q.end).hash(state);
        for v in [q.value, q.low, q.high] {
            hash_float(v, state);
        }
        (&q.unit, q.dimension, q.approx, &q.currency, q.trend).hash(state);
    }
}

record_methods!(
    Date,
    "date",
    &[
        "text",
        "start",
        "end",
        "year",
        "month",
        "day",
        "end_year",
        "end_month",
        "end_day",
    ],
    |d, py| PyTuple::new(
        py,
        [
            d.text.as_str().into_pyobject(py)?.into_any(),
            d.start.into_pyobject(py)?.into_any(),
            d.end.into_pyobject(py)?.into_any(),
            d.year.into_pyobject(py)?,
            d.month.into_pyobject(py)?,
            d.day.into_pyobject(py)?,
            d.end_year.into_pyobject(py)?,
            d.end_month.into_pyobject(py)?,
            d.end_day.into_pyobject(py)?,
        ]
    ),
    {
        #[new]
        #[pyo3(signature = (text, start, end, year=None, month=None, day=None, end_year=None, end_month=None, end_day=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            text: String,
            start: usize,
            end: usize,
            year: Option<i32>,
            month: Option<u32>,
            day: Option<u32>,
            end_year: Option<i32>,
            end_month: Option<u32>,
            end_day: Option<u32>,
        ) -> PyResult<Self> {
            check_span(start, end)?;
            Ok(Date(xinzhi_extract::Date {
                text: text.into(),
                start,
                end,
                year,
                month,
                day,
                end_year,
                end_month,
                end_day,
            }))
        }

        /// Year, if stated.
        #[getter]
        fn year(&self) -> Option<i32> {
            self.0.year
        }

        /// Month 1–12, if stated.
        #[getter]
        fn month(&self) -> Option<u32> {
            self.0.month
        }

        /// Day 1–31, if stated.
        #[getter]
        fn day(&self) -> Option<u32> {
            self.0.day
        }

        /// Last year of a period.
        #[getter]
        fn end_year(&self) -> Option<i32> {
            self.0.end_year
        }

        /// Last month of a period.
        #[getter]
        fn end_month(&self) -> Option<u32> {
            self.0.end_month
        }

        /// Last day of a period.
        #[getter]
        fn end_day(&self) -> Option<u32> {
            self.0.end_day
        }
    }
);

impl Date {
    fn hash_fields(&self, state: &mut DefaultHasher) {
        self.0.hash(state);
    }
}

record_methods!(
    Title,
    "title",
    &[
        "text",
        "start",
        "end",
        "title",
        "doc_type",
        "issuer",
        "start_year",
        "end_year",
        "is_policy",
    ],
    |t, py| PyTuple::new(
        py,
        [
            t.text.as_str().into_pyobject(py)?.into_any(),
            t.start.into_pyobject(py)?.into_any(),
            t.end.into_pyobject(py)?.into_any(),
            t.title.as_str().into_pyobject(py)?.into_any(),
            t.doc_type.as_deref().into_pyobject(py)?,
            t.issuer.as_deref().into_pyobject(py)?,
            t.start_year.into_pyobject(py)?,
            t.end_year.into_pyobject(py)?,
            t.is_policy.into_pyobject(py)?.to_owned().into_any(),
        ]
    ),
    {
        #[new]
        #[pyo3(signature = (text, start, end, title, doc_type=None, issuer=None, start_year=None, end_year=None, is_policy=false))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            text: String,
            start: usize,
            end: usize,
            title: String,
            doc_type: Option<String>,
            issuer: Option<String>,
            start_year: Option<i32>,
            end_year: Option<i32>,
            is_policy: bool,
        ) -> PyResult<Self> {
            check_span(start, end)?;
            Ok(Title(xinzhi_extract::Title {
                text: text.into(),
                start,
                end,
                title,
                doc_type,
                issuer,
                start_year,
                end_year,
                is_policy,
            }))
        }

        /// The text inside 《》, pinyin annotations removed.
        #[getter]
        fn title(&self) -> &str {
            &self.0.title
        }

        /// The document type it ends with, in simplified characters.
        #[getter]
        fn doc_type(&self) -> Option<&str> {
            self.0.doc_type.as_deref()
        }

        /// The region or government body it opens with, as written.
        #[getter]
        fn issuer(&self) -> Option<&str> {
            self.0.issuer.as_deref()
        }

        /// First year of a period stated in the title.
        #[getter]
        fn start_year(&self) -> Option<i32> {
            self.0.start_year
        }

        /// Last year of a period stated in the title.
        #[getter]
        fn end_year(&self) -> Option<i32> {
            self.0.end_year
        }

        /// Whether it names a policy document rather than a newspaper, book or film.
        #[getter]
        fn is_policy(&self) -> bool {
            self.0.is_policy
        }
    }
);

impl Title {
    fn hash_fields(&self, state: &mut DefaultHasher) {
        self.0.hash(state);
    }
}

record_methods!(
    Number,
    "number",
    &["text", "start", "end", "value", "ordinal"],
    |n, py| PyTuple::new(
        py,
        [
            n.text.as_str().into_pyobject(py)?.into_any(),
            n.start.into_pyobject(py)?.into_any(),
            n.end.into_pyobject(py)?.into_any(),
            n.value.into_pyobject(py)?.into_any(),
            n.ordinal.into_pyobject(py)?.to_owned().into_any(),
        ]
    ),
    {
        #[new]
        #[pyo3(signature = (text, start, end, value, ordinal=false))]
        fn new(
            text: String,
            start: usize,
            end: usize,
            value: f64,
            ordinal: bool,
        ) -> PyResult<Self> {
            check_span(start, end)?;
            Ok(Number(xinzhi_extract::Number {
                text: text.into(),
                start,
                end,
                value,
                ordinal,
            }))
        }

        /// The numeral's value.
        #[getter]
        fn value(&self) -> f64 {
            self.0.value
        }

        /// Whether it is an ordinal (`第七`).
        #[getter]
        fn ordinal(&self) -> bool {
            self.0.ordinal
        }
    }
);

impl Number {
    fn hash_fields(&self, state: &mut DefaultHasher) {
        let n = &self.0;
        (&n.text, n.start, n.end, n.ordinal).hash(state);
        hash_float(Some(n.value), state);
    }
}
