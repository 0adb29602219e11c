//! The four record classes, each declared once in the table at the end of this file.
//!
//! A record's entry lists its fields in constructor order, each with its marker type (see
//! `fields.rs`), its default and its docstring, then the columns computed from it. From that
//! one list come: the frozen class and its constructor (with the checks the extractor's own
//! output passes), the getters, `__match_args__`, `repr`, `to_dict`, pickling, hashing, the
//! offset conversion to code points, the table columns of `ExtractionBatch` (pandas, Arrow,
//! the command line's CSV and Parquet) and the `.pyi` stub (`_record_schema`, rendered by
//! `xinzhi_extract._stubgen`). Adding a field to a core record is one line here.
//!
//! Every record starts with `text`, `start` and `end`, which the table does not repeat.

use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyTuple};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{Approx, Dimension, Record, Trend};

use crate::errors::RecordError;
use crate::fields::{
    Argument, Cell, Choice, Computed, Currency, Day, Field, FieldKind, Flag, Float, Layout, Month,
    Offset, OptChoice, OptFloat, OptOffset, OptText, Place, Text, Year,
};

/// What the stub and the table know of one field or computed column.
pub(crate) struct FieldSpec {
    pub name: &'static str,
    /// The annotation without `| None`.
    pub annotation: &'static str,
    pub optional: bool,
    /// Whether it is an offset into the text.
    pub offset: bool,
    pub layout: Layout,
    pub doc: &'static str,
    /// The constructor default as written in the table (`None`, `"other"`, `false`); `None`
    /// for a required argument.
    pub default: Option<&'static str>,
    /// For a computed column, the field whose column it follows.
    pub after: Option<&'static str>,
}

/// One record class.
pub(crate) struct RecordSpec {
    pub class: &'static str,
    pub kind: &'static str,
    pub doc: &'static str,
    pub fields: &'static [FieldSpec],
    /// Columns of the table that are computed from the fields, not stored.
    pub computed: &'static [FieldSpec],
}

/// The type of a constructor parameter, from its default: required arguments and `None`
/// defaults take any object (the field checks it), literal defaults their literal's type, so
/// that the signature Python sees shows the default.
macro_rules! parameter {
    () => { &Bound<'_, PyAny> };
    (None) => { Option<&Bound<'_, PyAny>> };
    (false) => { bool };
    (true) => { bool };
    ($text:literal) => { &str };
}

/// A `FieldSpec` for a marker.
macro_rules! field_spec {
    ($name:ident, $marker:ty, [$($doc:literal)*], $($default:tt)?) => {
        FieldSpec {
            name: stringify!($name),
            annotation: <$marker as FieldKind>::ANNOTATION,
            optional: <$marker as FieldKind>::OPTIONAL,
            offset: <$marker as FieldKind>::OFFSET,
            layout: <$marker as FieldKind>::LAYOUT,
            doc: concat!($($doc, "\n",)* ""),
            default: field_spec!(@default $($default)?),
            after: None,
        }
    };
    (computed $name:ident, $marker:ty, [$($doc:literal)*], $after:ident) => {
        FieldSpec {
            after: Some(stringify!($after)),
            ..field_spec!($name, $marker, [$($doc)*],)
        }
    };
    (@default) => { None };
    (@default $default:tt) => { Some(stringify!($default)) };
}

macro_rules! records {
    ($(
        $(#[doc = $class_doc:literal])*
        $class:ident($variant:ident, $kind:literal, check = $check:path) {
            $(
                $(#[doc = $doc:literal])*
                $field:ident: $marker:ty $(= $default:tt)?,
            )*
        }
        computed {
            $(
                $(#[doc = $cdoc:literal])*
                $cname:ident: $cmarker:ty = $cfn:path, after $after:ident,
            )*
        }
    )*) => {
        $(
            $(#[doc = $class_doc])*
            #[pyclass(frozen, module = "xinzhi_extract")]
            pub struct $class(pub xinzhi_extract::$class);

            impl $class {
                const SPEC: RecordSpec = RecordSpec {
                    class: stringify!($class),
                    kind: $kind,
                    doc: concat!($($class_doc, "\n",)* ""),
                    fields: &[
                        field_spec!(text, Text, [" The span as written in the input."],),
                        field_spec!(start, Offset, [" Index of the span's first character."],),
                        field_spec!(end, Offset, [" Index one past the span's last character."],),
                        $(field_spec!($field, $marker, [$($doc)*], $($default)?),)*
                    ],
                    computed: &[$(field_spec!(computed $cname, $cmarker, [$($cdoc)*], $after),)*],
                };

                fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
                    let r = &self.0;
                    PyTuple::new(py, [
                        <Text as Field<_>>::to_python(&r.text, py)?,
                        <Offset as Field<_>>::to_python(&r.start, py)?,
                        <Offset as Field<_>>::to_python(&r.end, py)?,
                        $(<$marker as Field<_>>::to_python(&r.$field, py)?,)*
                    ])
                }

                /// The row's cells, fields then computed columns, by position in `SPEC`.
                fn cells<'a>(r: &'a xinzhi_extract::$class, out: &mut impl FnMut(Cell<'a>)) {
                    out(<Text as Field<_>>::cell(&r.text));
                    out(<Offset as Field<_>>::cell(&r.start));
                    out(<Offset as Field<_>>::cell(&r.end));
                    $(out(<$marker as Field<_>>::cell(&r.$field));)*
                    $(out(<$cmarker as Computed<_>>::owned_cell($cfn(r)));)*
                }

                fn offsets(r: &mut xinzhi_extract::$class, f: &mut dyn FnMut(&mut usize)) {
                    <Offset as Field<_>>::offsets(&mut r.start, f);
                    <Offset as Field<_>>::offsets(&mut r.end, f);
                    $(<$marker as Field<_>>::offsets(&mut r.$field, f);)*
                }
            }

            #[pymethods]
            impl $class {
                #[new]
                #[pyo3(signature = (text, start, end $(, $field $(= $default)?)*))]
                #[allow(clippy::too_many_arguments)]
                fn new(
                    text: &Bound<'_, PyAny>,
                    start: &Bound<'_, PyAny>,
                    end: &Bound<'_, PyAny>,
                    $($field: parameter!($($default)?),)*
                ) -> PyResult<Self> {
                    let py = text.py();
                    let place = |field| Place { class: stringify!($class), field };
                    let record = xinzhi_extract::$class {
                        text: <Text as Field<_>>::from_python(text, &place("text"))?,
                        start: <Offset as Field<_>>::from_python(start, &place("start"))?,
                        end: <Offset as Field<_>>::from_python(end, &place("end"))?,
                        $($field: <$marker as Field<_>>::from_python(
                            &Argument::object(&$field, py),
                            &place(stringify!($field)),
                        )?,)*
                    };
                    check_span(record.start, record.end)?;
                    $check(&record).map_err(RecordError::new_err)?;
                    Ok($class(record))
                }

                /// The record's kind.
                #[getter]
                fn kind(&self) -> &'static str {
                    $kind
                }

                /// The span as written in the input.
                #[getter]
                fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    <Text as Field<_>>::to_python(&self.0.text, py)
                }

                /// Index of the span's first character.
                #[getter]
                fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    <Offset as Field<_>>::to_python(&self.0.start, py)
                }

                /// Index one past the span's last character.
                #[getter]
                fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    <Offset as Field<_>>::to_python(&self.0.end, py)
                }

                $(
                    $(#[doc = $doc])*
                    #[getter]
                    fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                        <$marker as Field<_>>::to_python(&self.0.$field, py)
                    }
                )*

                #[classattr]
                fn __match_args__(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
                    PyTuple::new(py, Self::SPEC.fields.iter().map(|f| f.name))
                }

                /// Every field, with `kind` first.
                fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                    let dict = PyDict::new(py);
                    dict.set_item("kind", $kind)?;
                    for (spec, value) in Self::SPEC.fields.iter().zip(self.values(py)?.iter()) {
                        dict.set_item(spec.name, value)?;
                    }
                    Ok(dict)
                }

                fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                    call_repr(&Self::SPEC, &self.values(py)?)
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
                    let r = &self.0;
                    let mut state = DefaultHasher::new();
                    $kind.hash(&mut state);
                    <Text as Field<_>>::hash(&r.text, &mut state);
                    <Offset as Field<_>>::hash(&r.start, &mut state);
                    <Offset as Field<_>>::hash(&r.end, &mut state);
                    $(<$marker as Field<_>>::hash(&r.$field, &mut state);)*
                    state.finish()
                }
            }
        )*

        /// Every record class, in the order of `Kind::ALL`.
        pub(crate) const RECORDS: &[RecordSpec] = &[$($class::SPEC),*];

        /// Wraps a core record (offsets already in code points) as a Python object.
        pub(crate) fn to_python(py: Python<'_>, record: Record) -> PyResult<Bound<'_, PyAny>> {
            match record {
                $(Record::$variant(r) => Ok(Bound::new(py, $class(r))?.into_any()),)*
            }
        }

        /// The core record inside a record object, or `None` for any other object.
        pub(crate) fn from_python(object: &Bound<'_, PyAny>) -> Option<Record> {
            $(
                if let Ok(r) = object.cast::<$class>() {
                    return Some(Record::$variant(r.get().0.clone()));
                }
            )*
            None
        }

        /// The position of the record's class in [`RECORDS`].
        pub(crate) fn class_index(record: &Record) -> usize {
            let mut index = 0;
            $(
                if matches!(record, Record::$variant(_)) {
                    return index;
                }
                index += 1;
            )*
            index
        }

        /// The record's cells, in the order of its `RecordSpec`'s fields and computed columns.
        pub(crate) fn cells<'a>(record: &'a Record, out: &mut impl FnMut(Cell<'a>)) {
            match record {
                $(Record::$variant(r) => $class::cells(r, out),)*
            }
        }

        /// Calls `f` on every offset field of the record.
        pub(crate) fn offsets(record: &mut Record, f: &mut dyn FnMut(&mut usize)) {
            match record {
                $(Record::$variant(r) => $class::offsets(r, f),)*
            }
        }

        /// Registers the classes on the module.
        pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
            $(module.add_class::<$class>()?;)*
            Ok(())
        }
    };
}

fn check_span(start: usize, end: usize) -> PyResult<()> {
    if start > end {
        return Err(RecordError::new_err(format!(
            "start ({start}) must not be after end ({end})"
        )));
    }
    Ok(())
}

/// `Name(field=repr, ...)` from the field list.
fn call_repr(spec: &RecordSpec, values: &Bound<'_, PyTuple>) -> PyResult<String> {
    let mut out = String::with_capacity(128);
    out.push_str(spec.class);
    out.push('(');
    for (i, (field, value)) in spec.fields.iter().zip(values.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field.name);
        out.push('=');
        out.push_str(&value.repr()?.to_cow()?);
    }
    out.push(')');
    Ok(out)
}

/// The midpoint of a range, the value of a single number; `None` when a bound is missing.
fn midpoint(q: &xinzhi_extract::Quantity) -> Option<f64> {
    match (q.low, q.high) {
        // A single number is its own midpoint, exactly; bounds are halved before they are
        // added, so that two large bounds cannot overflow.
        (Some(low), Some(high)) if low.total_cmp(&high).is_eq() => Some(low),
        (Some(low), Some(high)) => Some(low / 2.0 + high / 2.0),
        _ => None,
    }
}

fn check_quantity(q: &xinzhi_extract::Quantity) -> Result<(), String> {
    match (q.low, q.high) {
        (Some(low), Some(high)) if low > high => Err(format!(
            "Quantity() argument 'low' ({low}) must not be above 'high' ({high})"
        )),
        _ => Ok(()),
    }
}

/// Days in a month of the proleptic Gregorian calendar; February has 29 when the year is
/// not known.
fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn check_date(d: &xinzhi_extract::Date) -> Result<(), String> {
    let end_year = d.end_year.or(d.year);
    for (name, year, month, day) in [
        ("day", d.year, d.month, d.day),
        ("end_day", end_year, d.end_month.or(d.month), d.end_day),
    ] {
        if let (Some(month), Some(day)) = (month, day) {
            if day > days_in_month(year, month) {
                return Err(format!(
                    "Date() argument '{name}' ({day}) is past the end of month {month}"
                ));
            }
        }
    }
    if let (Some(first), Some(last)) = (d.year, d.end_year) {
        if first > last {
            return Err(format!(
                "Date() argument 'year' ({first}) must not be after 'end_year' ({last})"
            ));
        }
    }
    Ok(())
}

fn check_title(t: &xinzhi_extract::Title) -> Result<(), String> {
    match (t.start_year, t.end_year) {
        (Some(first), Some(last)) if first > last => Err(format!(
            "Title() argument 'start_year' ({first}) must not be after 'end_year' ({last})"
        )),
        _ => Ok(()),
    }
}

#[allow(clippy::unnecessary_wraps)]
fn check_number(_: &xinzhi_extract::Number) -> Result<(), String> {
    Ok(())
}

records! {
    /// A number with a unit or classifier: ``8990萬元``, ``约20万平方米``, ``近65%``.
    Quantity(Quantity, "quantity", check = check_quantity) {
        /// The value with every magnitude folded in; `None` for a range or a lost number.
        value: OptFloat = None,
        /// Lower bound; equals `value` for a single number.
        low: OptFloat = None,
        /// Upper bound; equals `value` for a single number.
        high: OptFloat = None,
        /// The unit in simplified characters, without magnitude.
        unit: OptText = None,
        /// What the quantity measures (`money`, `count`, `percent` …).
        dimension: Choice<Dimension> = "other",
        /// How exact it is (`exact`, `about`, `nearly`, `over` …).
        approx: Choice<Approx> = "exact",
        /// ISO 4217 code for money, else `None`.
        currency: Currency = None,
        /// `up` or `down` when the quantity is itself a change, else `None`.
        trend: OptChoice<Trend> = None,
        /// The phrase that names what the quantity measures (annotations removed), or `None`.
        subject: OptText = None,
        /// Index of the subject's first character, or `None`.
        subject_start: OptOffset = None,
        /// Index one past the subject's last character, or `None`.
        subject_end: OptOffset = None,
    }
    computed {
        /// The midpoint of `low` and `high` (the value of a single number); missing when
        /// either bound is.
        mid: OptFloat = midpoint, after high,
    }

    /// A calendar date or period: ``2023年``, ``2026-02-10``, ``2023—2026年``.
    Date(Date, "date", check = check_date) {
        /// Year, if stated.
        year: Year = None,
        /// Month 1–12, if stated.
        month: Month = None,
        /// Day 1–31, if stated.
        day: Day = None,
        /// Last year of a period.
        end_year: Year = None,
        /// Last month of a period.
        end_month: Month = None,
        /// Last day of a period.
        end_day: Day = None,
    }
    computed {}

    /// A document title in 《》, with its type, issuer and period.
    Title(Title, "title", check = check_title) {
        /// The text inside 《》, pinyin annotations removed.
        title: Text,
        /// The document type it ends with, in simplified characters.
        doc_type: OptText = None,
        /// The region or government body it opens with, as written.
        issuer: OptText = None,
        /// First year of a period stated in the title.
        start_year: Year = None,
        /// Last year of a period stated in the title.
        end_year: Year = None,
        /// Whether it names a policy document rather than a newspaper, book or film.
        is_policy: Flag = false,
    }
    computed {}

    /// A numeral that belongs to no other record: ``八大``, ``第七``.
    Number(Number, "number", check = check_number) {
        /// The numeral's value.
        value: Float,
        /// Whether it is an ordinal (`第七`).
        ordinal: Flag = false,
        /// How exact it is (`exact`, `about`, `nearly`, `over` …), from an approximation
        /// word the span takes in (`超696万`).
        approx: Choice<Approx> = "exact",
    }
    computed {}
}
