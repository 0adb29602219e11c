//! `Extractor` and the module-level functions that use a default one.

use std::sync::{Mutex, PoisonError};

use pyo3::exceptions::{PyKeyboardInterrupt, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyList, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::{Kind, KindSet};

use crate::batch::{collect_texts, parse_ids, ExtractionBatch};
use crate::columns::Ids;
use crate::errors::{guarded, type_name, wrong_type, IntoPyResult, OptionError, XinzhiError};
use crate::run::{
    default_threads, extract_document, extract_many, extract_short, extract_whole, is_one_piece,
    Asked, Failure, Part, Stop, Wanted,
};
use crate::sequence::{Records, FEW};
use crate::store::Store;
use crate::text::{borrow_text, Place};

/// The options of a region: explicit values, or `None` for the default.
#[derive(Default, Clone, Copy)]
struct Regional<'a> {
    roc_years: Option<bool>,
    locale: Option<&'a str>,
}

/// The constructor arguments an `Extractor` pickles as.
type Options<'py> = (
    Bound<'py, PyTuple>,
    Option<i32>,
    &'static str,
    bool,
    &'static str,
);

/// Finds quantities, dates, titles and numbers in text. Built once, reused, shared between
/// threads, and pickled as its options.
///
/// Parameters
/// ----------
/// kinds
///     `"quantity"`, `"date"`, `"title"`, `"number"` or an iterable of them; all by default.
/// reference_year
///     The year that 今年, 去年, 明年, 前年 stand for; without it they are no dates.
/// yuan_currency
///     The ISO code of a plain 元: `"CNY"`, `"HKD"`, `"TWD"` or `"MOP"` (the locale's).
/// roc_years
///     Read a bare year of one to three digits as a year of the Republic of China.
/// locale
///     `"zh-CN"` (default), `"zh-HK"` or `"zh-TW"`: the defaults of a region; options
///     given explicitly win.
///
/// Raises
/// ------
/// TypeError
///     An option of the wrong type.
/// OptionError
///     An unknown kind, currency or locale, or a year outside 1 to 9999.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> hk = xe.Extractor(kinds={"quantity", "date"}, reference_year=2025, yuan_currency="HKD")
/// >>> [(r.kind, r.text, getattr(r, "year", None)) for r in hk.extract("今年投入50億元。")]
/// [('date', '今年', 2025), ('quantity', '50億元', None)]
/// >>> hk.quantities("今年投入50億元。")[0].currency
/// 'HKD'
#[pyclass(frozen, module = "xinzhi_extract", name = "Extractor")]
pub struct Extractor {
    inner: xinzhi_extract::Extractor,
}

impl Extractor {
    /// The shared default extractor, or a default one limited to `kinds`.
    pub(crate) fn default_for(kinds: Option<&Bound<'_, PyAny>>, function: &str) -> PyResult<Self> {
        match kinds {
            None => Ok(Extractor {
                inner: xinzhi_extract::Extractor::shared().clone(),
            }),
            Some(kinds) => Self::build(Some(kinds), None, None, Regional::default(), function),
        }
    }

    fn build(
        kinds: Option<&Bound<'_, PyAny>>,
        reference_year: Option<&Bound<'_, PyAny>>,
        yuan_currency: Option<&str>,
        regional: Regional<'_>,
        function: &str,
    ) -> PyResult<Self> {
        let mut builder = xinzhi_extract::Extractor::builder();
        if let Some(locale) = regional.locale {
            builder = builder.locale(locale);
        }
        if let Some(on) = regional.roc_years {
            builder = builder.roc_years(on);
        }
        if let Some(kinds) = kinds.filter(|k| !k.is_none()) {
            builder = builder.kinds(parse_kinds(kinds, function)?.iter());
        }
        if let Some(year) = reference_year.filter(|y| !y.is_none()) {
            if year.is_instance_of::<PyBool>() {
                return Err(wrong_type(function, "reference_year", "int or None", year));
            }
            let year: i64 = year
                .extract()
                .map_err(|_| wrong_type(function, "reference_year", "int or None", year))?;
            let year = i32::try_from(year).map_err(|_| {
                OptionError::new_err(format!(
                    "invalid option reference_year: {year} is not a year between 1 and 9999"
                ))
            })?;
            builder = builder.reference_year(year);
        }
        if let Some(code) = yuan_currency {
            builder = builder.yuan_currency(code);
        }
        Ok(Extractor {
            inner: builder.build().into_py_result()?,
        })
    }

    /// The core extractor.
    pub(crate) fn core(&self) -> &xinzhi_extract::Extractor {
        &self.inner
    }

    /// The records of one text, the GIL released meanwhile: extracted in pieces (see
    /// `run::extract_document`), with signals checked between them, so that Ctrl-C stops a
    /// long text within a piece.
    pub(crate) fn extract_list<'py>(
        &self,
        text: &Bound<'py, PyAny>,
        wanted: Wanted,
        place: Place,
    ) -> PyResult<Bound<'py, Records>> {
        let py = text.py();
        let text = borrow_text(text, place)?;
        if is_one_piece(text) {
            let records = py
                .detach(|| extract_short(&self.inner, wanted, text))
                .map_err(|failure| internal_error(&failure, place))?;
            if records.len() <= FEW {
                return Bound::new(py, Records::few(records));
            }
            let mut store = Store::default();
            store.begin_document();
            store.reserve_rows(records.len());
            for record in &records {
                store.push(record);
            }
            store.shrink();
            return Bound::new(py, Records::whole(store));
        }
        let mut store = Store::default();
        store.reserve(1, text.len());
        let mut signal = None;
        let mut between = || {
            Python::attach(|py| match py.check_signals() {
                Ok(()) => false,
                Err(error) => {
                    signal = Some(error);
                    true
                }
            })
        };
        py.detach(|| {
            let done = extract_document(&self.inner, wanted, text, &mut store, &mut between);
            store.shrink();
            done
        })
        .map_err(|stop| match stop {
            Stop::Failed(failure) => internal_error(&failure, place),
            Stop::Interrupted => signal
                .take()
                .unwrap_or_else(|| PyKeyboardInterrupt::new_err("interrupted")),
        })?;
        Bound::new(py, Records::whole(store))
    }

    /// The records of many texts; `function` names the caller in error messages.
    pub(crate) fn extract_batch_of(
        &self,
        texts: &Bound<'_, PyAny>,
        threads: Option<&Bound<'_, PyAny>>,
        ids: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyAny>>,
        function: &'static str,
    ) -> PyResult<ExtractionBatch> {
        let place = Place::argument(function, "texts");
        let objects = collect_texts(texts, place)?;
        let strings = borrow_texts(&objects, place)?;
        let ids = parse_ids(ids, strings.len(), function)?;
        let asked = Asked {
            wanted: Wanted::Configured,
            facts: false,
        };
        let parts = self.run_batch(texts.py(), &strings, asked, threads, cancel, place)?;
        let stores = parts.into_iter().map(|(store, _)| store).collect();
        Ok(ExtractionBatch::new(stores, ids))
    }

    /// The parts of a batch of `strings` on `threads` cores, the GIL released meanwhile;
    /// Ctrl-C (or `cancel`, a `threading.Event`) stops it.
    fn run_batch(
        &self,
        py: Python<'_>,
        strings: &[&str],
        asked: Asked,
        threads: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyAny>>,
        place: Place,
    ) -> PyResult<Vec<Part>> {
        let threads = parse_threads(threads, place.function)?;
        let cancel = cancel.map(|c| c.clone().unbind());
        // A signal (Ctrl-C) seen while the batch runs, kept to be raised once it has stopped.
        let signal: Mutex<Option<PyErr>> = Mutex::new(None);
        let interrupted = || {
            Python::attach(|py| {
                let checked = py.check_signals().and_then(|()| match &cancel {
                    // Another thread's way to stop the batch (an Event's is_set).
                    Some(cancel) if cancel.bind(py).call_method0("is_set")?.is_truthy()? => {
                        Err(PyKeyboardInterrupt::new_err("cancelled"))
                    }
                    _ => Ok(()),
                });
                match checked {
                    Ok(()) => false,
                    Err(error) => {
                        *signal.lock().unwrap_or_else(PoisonError::into_inner) = Some(error);
                        true
                    }
                }
            })
        };
        py.detach(|| extract_many(&self.inner, asked, strings, threads, &interrupted))
            .map_err(|stop| match stop {
                Stop::Failed(failure) => internal_error(&failure, place.item(failure.item)),
                Stop::Interrupted => signal
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take()
                    .unwrap_or_else(|| PyKeyboardInterrupt::new_err("interrupted")),
            })
    }
}

/// The UTF-8 of each of `objects`, which must be `str` (errors name the item).
fn borrow_texts<'a>(objects: &'a [Bound<'_, PyAny>], place: Place) -> PyResult<Vec<&'a str>> {
    objects
        .iter()
        .enumerate()
        .map(|(i, object)| borrow_text(object, place.item(i)))
        .collect()
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (kinds=None, reference_year=None, yuan_currency=None, roc_years=None, locale=None))]
    fn new(
        kinds: Option<&Bound<'_, PyAny>>,
        reference_year: Option<&Bound<'_, PyAny>>,
        yuan_currency: Option<&str>,
        roc_years: Option<bool>,
        locale: Option<&str>,
    ) -> PyResult<Self> {
        let regional = Regional { roc_years, locale };
        Self::build(kinds, reference_year, yuan_currency, regional, "Extractor")
    }

    /// Whether a bare year of one to three digits is a year of the Republic of China
    /// (`114年度` → 2025).
    #[getter]
    fn roc_years(&self) -> bool {
        self.inner.options().roc_years
    }

    /// The region whose defaults apply: `zh-CN`, `zh-HK` or `zh-TW`.
    #[getter]
    fn locale(&self) -> &'static str {
        self.inner.options().locale
    }

    /// The kinds of record this extractor returns, in a fixed order.
    #[getter]
    fn kinds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let names: Vec<&str> = self
            .inner
            .options()
            .kinds
            .iter()
            .map(Kind::as_str)
            .collect();
        PyTuple::new(py, names)
    }

    /// The year that 今年, 去年, 明年, 前年 resolve against, or `None`.
    #[getter]
    fn reference_year(&self) -> Option<i32> {
        self.inner.options().reference_year
    }

    /// The ISO 4217 code a plain 元 stands for.
    #[getter]
    fn yuan_currency(&self) -> &'static str {
        self.inner.options().yuan_currency
    }

    /// Every record of the configured kinds, sorted by start.
    fn extract<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        self.extract_list(text, Wanted::Configured, Place::argument("extract", "text"))
    }

    /// `extract` in one piece, however long the text: the reference the pieces are tested
    /// against.
    fn _extract_whole<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        let place = Place::argument("_extract_whole", "text");
        let py = text.py();
        let text = borrow_text(text, place)?;
        let mut store = Store::default();
        py.detach(|| extract_whole(&self.inner, Wanted::Configured, text, &mut store))
            .map_err(|failure| internal_error(&failure, place))?;
        Bound::new(py, Records::whole(store))
    }

    /// Quantities only.
    fn quantities<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        let place = Place::argument("quantities", "text");
        self.extract_list(text, Wanted::Only(Kind::Quantity), place)
    }

    /// Dates only.
    fn dates<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        let place = Place::argument("dates", "text");
        self.extract_list(text, Wanted::Only(Kind::Date), place)
    }

    /// Titles only.
    fn titles<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        let place = Place::argument("titles", "text");
        self.extract_list(text, Wanted::Only(Kind::Title), place)
    }

    /// The runs of numeral characters in `text` that yield no record, with their reasons.
    fn skipped<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        self.skipped_of(text)
    }

    /// Numbers only.
    fn numbers<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
        let place = Place::argument("numbers", "text");
        self.extract_list(text, Wanted::Only(Kind::Number), place)
    }

    /// The records of many texts, in input order, on `threads` cores (all by default) with
    /// the GIL released; `ids` (one `str` or `int` per text) fill the `doc` column.
    #[pyo3(signature = (texts, threads=None, ids=None))]
    fn extract_batch(
        &self,
        texts: &Bound<'_, PyAny>,
        threads: Option<&Bound<'_, PyAny>>,
        ids: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ExtractionBatch> {
        self.extract_batch_of(texts, threads, ids, None, "extract_batch")
    }

    /// `extract_batch` for pieces of longer documents: every offset of the records of
    /// `texts[i]` is shifted by `bases[i]`, the piece's position in its document (what the
    /// command uses to stream a long text file in pieces).
    /// `cancel` (a `threading.Event`) stops it from another thread, as Ctrl-C does.
    #[pyo3(signature = (texts, bases, ids=None, threads=None, cancel=None))]
    fn _extract_pieces(
        &self,
        texts: &Bound<'_, PyAny>,
        bases: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        threads: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ExtractionBatch> {
        let bases: Vec<usize> = bases.extract()?;
        let batch = self.extract_batch_of(texts, threads, ids, cancel, "_extract_pieces")?;
        batch.shifted(&bases)
    }

    /// The quantities of `texts` and the columns the facts table adds to them (see
    /// `facts::columns`): what `xinzhi_extract.facts` is made of. The extractor must find
    /// dates, whose years the quantities after them take.
    #[pyo3(signature = (texts, threads=None))]
    fn _facts_batch<'py>(
        &self,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(ExtractionBatch, Bound<'py, PyList>)> {
        let py = texts.py();
        let place = Place::argument("facts", "texts");
        let objects = collect_texts(texts, place)?;
        let strings = borrow_texts(&objects, place)?;
        let asked = Asked {
            wanted: Wanted::Configured,
            facts: true,
        };
        let parts = self.run_batch(py, &strings, asked, threads, None, place)?;
        let columns = crate::facts::columns(py, &strings, &parts)?;
        let stores = parts.into_iter().map(|(store, _)| store).collect();
        Ok((ExtractionBatch::new(stores, Ids::Positions), columns))
    }

    /// A pandas DataFrame with one row per record, as `xinzhi_extract.to_frame` makes with
    /// this extractor's options.
    #[pyo3(signature = (texts, threads=None, *, text=None, keep=None))]
    fn to_frame<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        text: Option<&Bound<'py, PyAny>>,
        keep: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        to_frame_with(slf, texts, threads, text, keep)
    }

    /// A pandas DataFrame with one row per quantity of `texts`: its subject, value, unit,
    /// the year of the date before it and its sentence, as `xinzhi_extract.facts` makes with
    /// this extractor's options.
    #[pyo3(signature = (texts, threads=None, *, text=None, keep=None))]
    fn facts<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        text: Option<&Bound<'py, PyAny>>,
        keep: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("xinzhi_extract._facts")?
            .call_method1("facts_of", (slf, texts, threads, text, keep))
    }

    fn __repr__(&self) -> String {
        let options = self.inner.options();
        let kinds: Vec<String> = options
            .kinds
            .iter()
            .map(|k| format!("'{}'", k.as_str()))
            .collect();
        let year = options
            .reference_year
            .map_or_else(|| "None".to_owned(), |y| y.to_string());
        format!(
            "Extractor(kinds=({}{}), reference_year={year}, yuan_currency='{}', roc_years={}, \
             locale='{}')",
            kinds.join(", "),
            if kinds.len() == 1 { "," } else { "" },
            options.yuan_currency,
            if options.roc_years { "True" } else { "False" },
            options.locale,
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Options<'py>)> {
        let this = slf.get();
        Ok((
            slf.get_type(),
            (
                this.kinds(slf.py())?,
                this.reference_year(),
                this.yuan_currency(),
                this.roc_years(),
                this.locale(),
            ),
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        match other.cast::<Extractor>() {
            Ok(other) => (self.inner == other.get().inner).into_py_any(py),
            Err(_) => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut state = DefaultHasher::new();
        self.inner.options().hash(&mut state);
        state.finish()
    }
}

/// The frame is built in `xinzhi_extract._frame`: reading pandas and polars containers
/// (missing texts, index labels, carried columns) is pandas' business, not the core's.
fn to_frame_with<'py>(
    extractor: &Bound<'py, Extractor>,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    text: Option<&Bound<'py, PyAny>>,
    keep: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = texts.py();
    py.import("xinzhi_extract._frame")?
        .call_method1("frame_of", (extractor, texts, threads, text, keep))
}

/// A panic in the core, as an exception that names the text and asks for a report.
pub(crate) fn internal_error(failure: &Failure, place: Place) -> PyErr {
    XinzhiError::new_err(format!(
        "internal error while extracting {place}: {}; this is a bug, please report it with the text",
        failure.message
    ))
}

/// `None`, one kind name, or any iterable of kind names.
fn parse_kinds(kinds: &Bound<'_, PyAny>, function: &str) -> PyResult<KindSet> {
    if let Ok(name) = kinds.cast::<PyString>() {
        return Ok(KindSet::NONE.with(name.to_str()?.parse().into_py_result()?));
    }
    let expected = "an iterable of kind names (quantity, date, title, number)";
    let iterator = kinds
        .try_iter()
        .map_err(|_| wrong_type(function, "kinds", expected, kinds))?;
    let mut set = KindSet::NONE;
    for item in iterator {
        let item = item?;
        let name = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{function}() argument 'kinds' must hold kind names (str), not {}",
                type_name(&item)
            ))
        })?;
        set = set.with(name.to_str()?.parse().into_py_result()?);
    }
    Ok(set)
}

/// `None` (every core) or a positive int.
fn parse_threads(threads: Option<&Bound<'_, PyAny>>, function: &str) -> PyResult<usize> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(default_threads());
    };
    if threads.is_instance_of::<PyBool>() {
        return Err(wrong_type(function, "threads", "int or None", threads));
    }
    if !threads.hasattr("__index__")? {
        return Err(wrong_type(function, "threads", "int or None", threads));
    }
    let count: i128 = threads.extract().map_err(|_| {
        OptionError::new_err(format!(
            "invalid option threads: {threads} is not a number of threads (give at most {})",
            default_threads()
        ))
    })?;
    usize::try_from(count)
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| {
            OptionError::new_err(format!(
                "invalid option threads: {count} is not a positive number of threads \
                 (give at most {}, or None for every core)",
                default_threads()
            ))
        })
}

/// Every record in `text`, sorted by start: `Quantity`, `Date`, `Title` and `Number` objects
/// whose `start` and `end` are `str` indices (`text[r.start:r.end] == r.text`).
///
/// Parameters
/// ----------
/// text
///     The text, a `str` of any length; odd text gives fewer records, never an error.
/// kinds
///     `"quantity"`, `"date"`, `"title"`, `"number"` or an iterable of them; all by default.
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`, or `kinds` is not a kind name or an iterable of them.
/// OptionError
///     An unknown kind name.
/// InvalidTextError
///     `text` holds a lone surrogate, so it is not valid Unicode.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> [(r.kind, r.text) for r in xe.extract("2023年，全省新增企业77家，印发《实施方案》。")]
/// [('date', '2023年'), ('quantity', '77家'), ('title', '《实施方案》')]
/// >>> [r.text for r in xe.extract("2023年，全省新增企业77家。", kinds="quantity")]
/// ['77家']
#[pyfunction]
#[pyo3(signature = (text, kinds=None))]
pub fn extract<'py>(
    text: &Bound<'py, PyAny>,
    kinds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, Records>> {
    let place = Place::argument("extract", "text");
    Extractor::default_for(kinds, "extract")?.extract_list(text, Wanted::Configured, place)
}

/// The quantities in `text`: numbers with a unit or classifier, their `value` in the plain
/// unit (`4.2億元` is 420000000.0 元).
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// InvalidTextError
///     `text` holds a lone surrogate, so it is not valid Unicode.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> [(q.text, q.value, q.unit) for q in xe.quantities("总投资约4.2億元，新增企业77家。")]
/// [('约4.2億元', 420000000.0, '元'), ('77家', 77.0, '家')]
#[pyfunction]
pub fn quantities<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
    let place = Place::argument("quantities", "text");
    Extractor::default_for(None, "quantities")?.extract_list(
        text,
        Wanted::Only(Kind::Quantity),
        place,
    )
}

/// The dates and periods in `text` (`2023年`, `2024年1月3日至5日`).
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// InvalidTextError
///     `text` holds a lone surrogate, so it is not valid Unicode.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> [(d.text, d.year, d.month, d.day, d.end_day) for d in xe.dates("2024年1月3日至5日")]
/// [('2024年1月3日至5日', 2024, 1, 3, 5)]
#[pyfunction]
pub fn dates<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
    let place = Place::argument("dates", "text");
    Extractor::default_for(None, "dates")?.extract_list(text, Wanted::Only(Kind::Date), place)
}

/// The document titles in `text`, in 《》, with their type, issuer and period.
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// InvalidTextError
///     `text` holds a lone surrogate, so it is not valid Unicode.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> [(t.doc_type, t.issuer, t.start_year) for t in xe.titles("印发《甘肃省“十四五”规划（2021—2025年）》")]
/// [('规划', '甘肃省', 2021)]
#[pyfunction]
pub fn titles<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
    let place = Place::argument("titles", "text");
    Extractor::default_for(None, "titles")?.extract_list(text, Wanted::Only(Kind::Title), place)
}

/// The numbers in `text` that belong to no other record (`八大`, `第七`).
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// InvalidTextError
///     `text` holds a lone surrogate, so it is not valid Unicode.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> [(n.text, n.value, n.ordinal) for n in xe.numbers("实施八大工程，排名全国第七。")]
/// [('八大', 8.0, False), ('第七', 7.0, True)]
#[pyfunction]
pub fn numbers<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Records>> {
    let place = Place::argument("numbers", "text");
    Extractor::default_for(None, "numbers")?.extract_list(text, Wanted::Only(Kind::Number), place)
}

/// The records of many texts, in input order, on every core with the GIL released: an
/// `ExtractionBatch`, whose item `i` lists the records of text `i` and which is also a table
/// (`to_pandas()`, the Arrow stream: `pyarrow.table(batch)`, `polars.DataFrame(batch)`).
///
/// Parameters
/// ----------
/// texts
///     A list or any iterable of `str` (not a lone `str`, not a table: pass one column).
/// threads
///     How many cores to use; all of them by default. On Dask or Spark, pass 1.
/// kinds
///     `"quantity"`, `"date"`, `"title"`, `"number"` or an iterable of them; all by default.
/// ids
///     One `str` or one `int` per text, for the `doc` column instead of the positions.
///
/// Raises
/// ------
/// TypeError
///     `texts` is a `str`, a table or not iterable, an item is not a `str` (the error names
///     its position), or an option has the wrong type.
/// OptionError
///     An unknown kind, `threads` below 1, or not one id per text.
/// InvalidTextError
///     A text holds a lone surrogate (the error names its position).
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> batch = xe.extract_batch(["新增企业77家。", "没有数字。"], ids=["gs-1", "gs-2"])
/// >>> batch
/// ExtractionBatch(texts=2, records=1)
/// >>> [[r.text for r in records] for records in batch]
/// [['77家'], []]
#[pyfunction]
#[pyo3(signature = (texts, threads=None, kinds=None, ids=None))]
pub fn extract_batch(
    texts: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    kinds: Option<&Bound<'_, PyAny>>,
    ids: Option<&Bound<'_, PyAny>>,
) -> PyResult<ExtractionBatch> {
    Extractor::default_for(kinds, "extract_batch")?.extract_batch_of(
        texts,
        threads,
        ids,
        None,
        "extract_batch",
    )
}

/// A pandas DataFrame with one row per record of `texts` (needs pandas); what
/// `xinzhi_extract.to_frame` calls, documented there.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, kinds=None, *, text=None, keep=None))]
pub fn to_frame<'py>(
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    kinds: Option<&Bound<'py, PyAny>>,
    text: Option<&Bound<'py, PyAny>>,
    keep: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let extractor = Bound::new(texts.py(), Extractor::default_for(kinds, "to_frame")?)?;
    to_frame_with(&extractor, texts, threads, text, keep)
}

/// `text` with pinyin annotations such as `萬(wàn)` removed; nothing else changes.
///
/// Raises
/// ------
/// TypeError
///     `text` is not a `str`.
/// InvalidTextError
///     `text` holds a lone surrogate.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> xe.clean("約5萬(wàn)個(gè)")
/// '約5萬個'
#[pyfunction]
pub fn clean(text: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = text.py();
    let text = borrow_text(text, Place::argument("clean", "text"))?;
    py.detach(|| guarded("clean", || xinzhi_extract::clean(text)))
}
