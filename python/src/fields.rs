//! What one record field is, once: its Python type, how it converts both ways (with the
//! checks the extractor's own output always passes), its cell in the table and its hash.
//!
//! A field's *marker* type (`Text`, `Offset`, `OptFloat`, `Choice<Dimension>` …) implements
//! [`FieldKind`] (the stub annotation and column layout) and [`Field<V>`] for the core type
//! `V` it stores. `records.rs` names one marker per field; everything else follows from it.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash};
use std::marker::PhantomData;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{Approx, CompactString, Dimension, Trend};

use crate::errors::{type_name, RecordError};

/// The largest offset a record may hold: offsets are `int64` columns.
pub(crate) const MAX_OFFSET: usize = i64::MAX as usize;

/// How a column stores its values.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Layout {
    Int64,
    Int32,
    Float64,
    Boolean,
    Utf8,
    /// Codes into a closed vocabulary, listed by the function.
    Category(fn() -> Vec<&'static str>),
}

impl PartialEq for Layout {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Layout::Category(a), Layout::Category(b)) => a() == b(),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Layout {
    /// The name `ExtractionBatch._columns` and `_record_schema` give the layout.
    pub(crate) fn name(self, nullable: bool) -> &'static str {
        match self {
            Layout::Int64 if nullable => "Int64",
            Layout::Int64 => "int64",
            Layout::Int32 => "Int32",
            Layout::Float64 => "Float64",
            Layout::Boolean => "boolean",
            Layout::Utf8 => "string",
            Layout::Category(_) => "category",
        }
    }
}

/// One value of one row, `None` where missing.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    Int64(Option<i64>),
    Int32(Option<i32>),
    Float64(Option<f64>),
    Boolean(Option<bool>),
    Utf8(Option<&'a str>),
    /// The position in the vocabulary.
    Category(Option<usize>),
}

/// What the stub and the table need to know about a field's marker.
pub(crate) trait FieldKind {
    /// The Python annotation in `_core.pyi`, without the `| None` that `OPTIONAL` adds.
    const ANNOTATION: &'static str;
    /// The column layout.
    const LAYOUT: Layout;
    /// Whether the value can be `None`.
    const OPTIONAL: bool;
    /// Whether the value is an offset into the text (converted to code points, shifted with
    /// the text).
    const OFFSET: bool = false;
}

/// Conversions of one field whose core type is `V`.
pub(crate) trait Field<V>: FieldKind {
    fn to_python<'py>(value: &V, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// The value of a constructor argument, checked as the extractor's output would be.
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<V>;
    fn cell(value: &V) -> Cell<'_>;
    fn hash(value: &V, state: &mut DefaultHasher);
    /// Calls `f` on every code offset the value holds (byte offsets in the core, code points
    /// in Python).
    fn offsets(value: &mut V, f: &mut dyn FnMut(&mut usize)) {
        let _ = (value, f);
    }
}

/// `Quantity() argument 'currency'`, for messages.
pub(crate) struct Place {
    pub class: &'static str,
    pub field: &'static str,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}() argument '{}'", self.class, self.field)
    }
}

fn wrong_type(object: &Bound<'_, PyAny>, place: &Place, expected: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "{place} must be {expected}, not {}",
        type_name(object)
    ))
}

fn refuse(place: &Place, message: impl std::fmt::Display) -> PyErr {
    RecordError::new_err(format!("{place} {message}"))
}

/// `None` becomes `None`; anything else goes through `extract`.
fn optional<T>(
    object: &Bound<'_, PyAny>,
    extract: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<T>,
) -> PyResult<Option<T>> {
    if object.is_none() {
        Ok(None)
    } else {
        extract(object).map(Some)
    }
}

fn string(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<String> {
    let string = object
        .cast::<PyString>()
        .map_err(|_| wrong_type(object, place, "str"))?;
    Ok(string
        .to_str()
        .map_err(|_| refuse(place, "is not valid Unicode (it holds a lone surrogate)"))?
        .to_owned())
}

/// An `int` (not a `bool`) in `range`.
fn integer<T: TryFrom<i128> + Copy>(
    object: &Bound<'_, PyAny>,
    place: &Place,
    range: std::ops::RangeInclusive<i128>,
    what: &str,
) -> PyResult<T> {
    if object.is_instance_of::<PyBool>() || !object.is_instance_of::<PyInt>() {
        return Err(wrong_type(object, place, "int"));
    }
    let value: i128 = object.extract().map_err(|_| {
        refuse(
            place,
            format_args!(
                "must be {what}, not {}",
                object.repr().map_or_else(|_| "?".into(), |r| r.to_string())
            ),
        )
    })?;
    if !range.contains(&value) {
        return Err(refuse(place, format_args!("must be {what}, not {value}")));
    }
    T::try_from(value).map_err(|_| refuse(place, format_args!("must be {what}, not {value}")))
}

/// A finite `float` (an `int` is read as one, not a `bool`).
fn finite(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<f64> {
    if object.is_instance_of::<PyBool>()
        || !(object.is_instance_of::<PyFloat>() || object.is_instance_of::<PyInt>())
    {
        return Err(wrong_type(object, place, "float"));
    }
    let value: f64 = object.extract()?;
    if !value.is_finite() {
        return Err(refuse(
            place,
            format_args!("must be a finite number, not {value}"),
        ));
    }
    Ok(value)
}

/// Equality-compatible hashing of a float: `0.0 == -0.0`, so both hash alike.
fn hash_float(value: Option<f64>, state: &mut DefaultHasher) {
    value
        .map(|v| if v == 0.0 { 0.0 } else { v }.to_bits())
        .hash(state);
}

macro_rules! kind {
    ($marker:ty, $annotation:expr, $layout:expr, $optional:literal) => {
        impl FieldKind for $marker {
            const ANNOTATION: &'static str = $annotation;
            const LAYOUT: Layout = $layout;
            const OPTIONAL: bool = $optional;
        }
    };
}

/// The span as written: a `str`.
pub(crate) struct Text;
kind!(Text, "str", Layout::Utf8, false);

impl Field<CompactString> for Text {
    fn to_python<'py>(value: &CompactString, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, value).into_any())
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<CompactString> {
        string(object, place).map(CompactString::from)
    }
    fn cell(value: &CompactString) -> Cell<'_> {
        Cell::Utf8(Some(value))
    }
    fn hash(value: &CompactString, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

impl Field<String> for Text {
    fn to_python<'py>(value: &String, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, value).into_any())
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<String> {
        string(object, place)
    }
    fn cell(value: &String) -> Cell<'_> {
        Cell::Utf8(Some(value))
    }
    fn hash(value: &String, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

/// A `str` or `None`.
pub(crate) struct OptText;
kind!(OptText, "str", Layout::Utf8, true);

impl Field<Option<String>> for OptText {
    fn to_python<'py>(value: &Option<String>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.as_deref().into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<String>> {
        optional(object, |o| string(o, place))
    }
    fn cell(value: &Option<String>) -> Cell<'_> {
        Cell::Utf8(value.as_deref())
    }
    fn hash(value: &Option<String>, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

impl Field<Option<Cow<'static, str>>> for OptText {
    fn to_python<'py>(
        value: &Option<Cow<'static, str>>,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        value.as_deref().into_bound_py_any(py)
    }
    fn from_python(
        object: &Bound<'_, PyAny>,
        place: &Place,
    ) -> PyResult<Option<Cow<'static, str>>> {
        optional(object, |o| string(o, place).map(Cow::Owned))
    }
    fn cell<'a>(value: &'a Option<Cow<'static, str>>) -> Cell<'a> {
        Cell::Utf8(value.as_deref())
    }
    fn hash(value: &Option<Cow<'static, str>>, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

impl Field<Option<CompactString>> for OptText {
    fn to_python<'py>(
        value: &Option<CompactString>,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        value.as_deref().into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<CompactString>> {
        optional(object, |o| string(o, place).map(CompactString::from))
    }
    fn cell(value: &Option<CompactString>) -> Cell<'_> {
        Cell::Utf8(value.as_deref())
    }
    fn hash(value: &Option<CompactString>, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

/// An ISO 4217 code (three capital letters) or `None`.
pub(crate) struct Currency;
kind!(Currency, "str", Layout::Utf8, true);

impl Field<Option<Cow<'static, str>>> for Currency {
    fn to_python<'py>(
        value: &Option<Cow<'static, str>>,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyAny>> {
        value.as_deref().into_bound_py_any(py)
    }
    fn from_python(
        object: &Bound<'_, PyAny>,
        place: &Place,
    ) -> PyResult<Option<Cow<'static, str>>> {
        optional(object, |o| {
            let code = string(o, place)?;
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                Ok(Cow::Owned(code))
            } else {
                Err(refuse(
                    place,
                    format_args!("must be an ISO 4217 code of three capital letters (such as CNY), not {code:?}"),
                ))
            }
        })
    }
    fn cell<'a>(value: &'a Option<Cow<'static, str>>) -> Cell<'a> {
        Cell::Utf8(value.as_deref())
    }
    fn hash(value: &Option<Cow<'static, str>>, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

/// A code-point offset into the text: an `int` from 0 to 2^63 − 1.
pub(crate) struct Offset;
impl FieldKind for Offset {
    const ANNOTATION: &'static str = "int";
    const LAYOUT: Layout = Layout::Int64;
    const OPTIONAL: bool = false;
    const OFFSET: bool = true;
}

impl Field<usize> for Offset {
    fn to_python<'py>(value: &usize, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<usize> {
        integer(
            object,
            place,
            0..=MAX_OFFSET as i128,
            "an offset from 0 to 2**63 - 1",
        )
    }
    fn cell(value: &usize) -> Cell<'_> {
        Cell::Int64(i64::try_from(*value).ok())
    }
    fn hash(value: &usize, state: &mut DefaultHasher) {
        value.hash(state);
    }
    fn offsets(value: &mut usize, f: &mut dyn FnMut(&mut usize)) {
        f(value);
    }
}

/// An offset or `None`.
pub(crate) struct OptOffset;
impl FieldKind for OptOffset {
    const ANNOTATION: &'static str = "int";
    const LAYOUT: Layout = Layout::Int64;
    const OPTIONAL: bool = true;
    const OFFSET: bool = true;
}

impl Field<Option<usize>> for OptOffset {
    fn to_python<'py>(value: &Option<usize>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<usize>> {
        optional(object, |o| Offset::from_python(o, place))
    }
    fn cell(value: &Option<usize>) -> Cell<'_> {
        Cell::Int64(value.and_then(|v| i64::try_from(v).ok()))
    }
    fn hash(value: &Option<usize>, state: &mut DefaultHasher) {
        value.hash(state);
    }
    fn offsets(value: &mut Option<usize>, f: &mut dyn FnMut(&mut usize)) {
        if let Some(value) = value {
            f(value);
        }
    }
}

/// A finite `float`.
pub(crate) struct Float;
kind!(Float, "float", Layout::Float64, false);

impl Field<f64> for Float {
    fn to_python<'py>(value: &f64, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<f64> {
        finite(object, place)
    }
    fn cell(value: &f64) -> Cell<'_> {
        Cell::Float64(Some(*value))
    }
    fn hash(value: &f64, state: &mut DefaultHasher) {
        hash_float(Some(*value), state);
    }
}

/// A finite `float` or `None`.
pub(crate) struct OptFloat;
kind!(OptFloat, "float", Layout::Float64, true);

impl Field<Option<f64>> for OptFloat {
    fn to_python<'py>(value: &Option<f64>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<f64>> {
        optional(object, |o| finite(o, place))
    }
    fn cell(value: &Option<f64>) -> Cell<'_> {
        Cell::Float64(*value)
    }
    fn hash(value: &Option<f64>, state: &mut DefaultHasher) {
        hash_float(*value, state);
    }
}

/// A field whose cell holds no borrowed text, so it can be computed on the fly.
pub(crate) trait Computed<V> {
    fn owned_cell(value: V) -> Cell<'static>;
}

impl Computed<Option<f64>> for OptFloat {
    fn owned_cell(value: Option<f64>) -> Cell<'static> {
        Cell::Float64(value)
    }
}

/// A `bool`.
pub(crate) struct Flag;
kind!(Flag, "bool", Layout::Boolean, false);

impl Field<bool> for Flag {
    fn to_python<'py>(value: &bool, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<bool> {
        match object.cast::<PyBool>() {
            Ok(flag) => Ok(flag.is_true()),
            Err(_) => Err(wrong_type(object, place, "bool")),
        }
    }
    fn cell(value: &bool) -> Cell<'_> {
        Cell::Boolean(Some(*value))
    }
    fn hash(value: &bool, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

/// An `int` in a fixed range, or `None`: years, months, days.
pub(crate) struct Bounded<const LOW: i32, const HIGH: i32>;

/// A year from 1 to 9999, as the extractor reports them.
pub(crate) type Year = Bounded<1, 9999>;
/// A month from 1 to 12.
pub(crate) type Month = Bounded<1, 12>;
/// A day of the month from 1 to 31 (the record checks it against its month).
pub(crate) type Day = Bounded<1, 31>;

impl<const LOW: i32, const HIGH: i32> FieldKind for Bounded<LOW, HIGH> {
    const ANNOTATION: &'static str = "int";
    const LAYOUT: Layout = Layout::Int32;
    const OPTIONAL: bool = true;
}

macro_rules! bounded {
    ($($type:ty),*) => {$(
        impl<const LOW: i32, const HIGH: i32> Field<Option<$type>> for Bounded<LOW, HIGH> {
            fn to_python<'py>(value: &Option<$type>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                value.into_bound_py_any(py)
            }
            fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<$type>> {
                optional(object, |o| {
                    integer(
                        o,
                        place,
                        i128::from(LOW)..=i128::from(HIGH),
                        &format!("an int from {LOW} to {HIGH}"),
                    )
                })
            }
            fn cell(value: &Option<$type>) -> Cell<'_> {
                Cell::Int32(value.and_then(|v| i32::try_from(v).ok()))
            }
            fn hash(value: &Option<$type>, state: &mut DefaultHasher) {
                value.hash(state);
            }
        }
    )*};
}

bounded!(i32, u32);

/// A closed vocabulary of the core (`Dimension`, `Approx`, `Trend`).
pub(crate) trait Vocabulary: Copy + PartialEq + Hash + 'static {
    /// Every value, in the order the column's categories list them.
    const ALL: &'static [Self];
    /// The name of the `Literal[...]` alias in the stub.
    const ALIAS: &'static str;
    fn as_str(self) -> &'static str;

    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.as_str()).collect()
    }

    fn position(self) -> usize {
        Self::ALL.iter().position(|&v| v == self).unwrap_or(0)
    }

    fn parse(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Self> {
        let text = string(object, place)?;
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == text)
            .ok_or_else(|| {
                refuse(
                    place,
                    format_args!("must be one of {}, not {text:?}", Self::names().join(", ")),
                )
            })
    }
}

macro_rules! vocabulary {
    ($($type:ty => $alias:literal),* $(,)?) => {$(
        impl Vocabulary for $type {
            const ALL: &'static [Self] = <$type>::ALL;
            const ALIAS: &'static str = $alias;
            fn as_str(self) -> &'static str {
                <$type>::as_str(self)
            }
        }
    )*};
}

vocabulary!(Dimension => "_Dimension", Approx => "_Approx", Trend => "_Trend");

/// Every vocabulary, for the stub's aliases: `(alias, names)`.
pub(crate) fn vocabularies() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (Dimension::ALIAS, Dimension::names()),
        (Approx::ALIAS, Approx::names()),
        (Trend::ALIAS, Trend::names()),
    ]
}

/// One value of a vocabulary.
pub(crate) struct Choice<V>(PhantomData<V>);
/// One value of a vocabulary, or `None`.
pub(crate) struct OptChoice<V>(PhantomData<V>);

impl<V: Vocabulary> FieldKind for Choice<V> {
    const ANNOTATION: &'static str = V::ALIAS;
    const LAYOUT: Layout = Layout::Category(V::names);
    const OPTIONAL: bool = false;
}

impl<V: Vocabulary> FieldKind for OptChoice<V> {
    const ANNOTATION: &'static str = V::ALIAS;
    const LAYOUT: Layout = Layout::Category(V::names);
    const OPTIONAL: bool = true;
}

impl<V: Vocabulary> Field<V> for Choice<V> {
    fn to_python<'py>(value: &V, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, value.as_str()).into_any())
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<V> {
        V::parse(object, place)
    }
    fn cell(value: &V) -> Cell<'_> {
        Cell::Category(Some(value.position()))
    }
    fn hash(value: &V, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

impl<V: Vocabulary> Field<Option<V>> for OptChoice<V> {
    fn to_python<'py>(value: &Option<V>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value.map(Vocabulary::as_str).into_bound_py_any(py)
    }
    fn from_python(object: &Bound<'_, PyAny>, place: &Place) -> PyResult<Option<V>> {
        optional(object, |o| V::parse(o, place))
    }
    fn cell(value: &Option<V>) -> Cell<'_> {
        Cell::Category(value.map(Vocabulary::position))
    }
    fn hash(value: &Option<V>, state: &mut DefaultHasher) {
        value.hash(state);
    }
}

/// A constructor argument as the object it was given as (or its default).
pub(crate) trait Argument {
    fn object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny>;
}

impl Argument for &Bound<'_, PyAny> {
    fn object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        self.as_unbound().bind(py).clone()
    }
}

impl Argument for Option<&Bound<'_, PyAny>> {
    fn object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        self.map_or_else(
            || py.None().into_bound(py),
            |o| o.as_unbound().bind(py).clone(),
        )
    }
}

impl Argument for bool {
    fn object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        PyBool::new(py, *self).to_owned().into_any()
    }
}

impl Argument for &str {
    fn object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        PyString::new(py, self).into_any()
    }
}
