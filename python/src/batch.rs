//! `ExtractionBatch`: the records of many texts, as a sequence of lists, as pandas columns
//! and as an Arrow C stream.

use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyBool, PyBytes, PyCapsule, PyList, PySlice, PyString, PyType};
use pyo3::IntoPyObjectExt;
use std::sync::Arc;

use crate::columns::Ids;
use crate::errors::{type_name, OptionError, XinzhiError};
use crate::records::to_python;
use crate::sequence::{push_objects, Records};
use crate::store::Store;
use crate::text::Place;
use crate::{arrow, frame};

/// The constructor arguments a batch pickles as: its lists of records and its ids.
type Arguments<'py> = (Bound<'py, PyList>, Bound<'py, PyAny>);

/// The records of many texts, in input order: `batch[i]` is the list of records of text `i`.
///
/// It is also a table with one row per record (`to_pandas()`, `__arrow_c_stream__`).
#[pyclass(frozen, sequence, module = "xinzhi_extract", name = "ExtractionBatch")]
pub struct ExtractionBatch {
    /// The records, in stores of consecutive texts (one per run of texts a worker took).
    parts: Vec<Arc<Store>>,
    /// The position of each part's first text.
    firsts: Vec<usize>,
    ids: Ids,
}

impl ExtractionBatch {
    pub(crate) fn new(parts: Vec<Store>, ids: Ids) -> Self {
        let mut firsts = Vec::with_capacity(parts.len());
        let mut count = 0;
        for part in &parts {
            firsts.push(count);
            count += part.docs().len();
        }
        ExtractionBatch {
            parts: parts.into_iter().map(Arc::new).collect(),
            firsts,
            ids,
        }
    }

    /// The batch with every offset of document `i` shifted by `bases[i]`.
    pub(crate) fn shifted(mut self, bases: &[usize]) -> PyResult<Self> {
        let documents = self.documents();
        if bases.len() != documents {
            return Err(OptionError::new_err(format!(
                "invalid option bases: {} bases for {documents} texts",
                bases.len(),
            )));
        }
        for (part, &first) in self.parts.iter_mut().zip(&self.firsts) {
            let Some(store) = Arc::get_mut(part) else {
                return Err(XinzhiError::new_err("a shared batch cannot be shifted"));
            };
            let count = store.docs().len();
            store.shift(&bases[first..first + count]);
        }
        Ok(self)
    }

    fn documents(&self) -> usize {
        self.parts
            .last()
            .zip(self.firsts.last())
            .map_or(0, |(part, first)| first + part.docs().len())
    }

    /// The part that holds document `doc`, and its position there.
    fn locate(&self, doc: usize) -> (&Arc<Store>, usize) {
        let part = self.firsts.partition_point(|&first| first <= doc) - 1;
        (&self.parts[part], doc - self.firsts[part])
    }

    fn records_of(&self, doc: usize) -> Records {
        let (part, doc) = self.locate(doc);
        Records::new(part.clone(), doc)
    }

    fn all(&self) -> impl Iterator<Item = (&Arc<Store>, usize)> + '_ {
        self.parts
            .iter()
            .flat_map(|part| (0..part.docs().len()).map(move |doc| (part, doc)))
    }

    fn list_of<'py>(py: Python<'py>, part: &Store, doc: usize) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for record in part.document(doc) {
            list.append(to_python(py, record)?)?;
        }
        Ok(list)
    }

    fn record_total(&self) -> usize {
        self.parts.iter().map(|part| part.len()).sum()
    }
}

#[pymethods]
impl ExtractionBatch {
    /// A batch from lists of records, as `to_list()` returns them (what unpickling uses);
    /// `ids` as in `extract_batch`.
    #[new]
    #[pyo3(signature = (documents, ids=None))]
    fn from_lists(documents: &Bound<'_, PyAny>, ids: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let place = Place::argument("ExtractionBatch", "documents");
        let mut store = Store::default();
        for (i, records) in documents.try_iter()?.enumerate() {
            let records = records?;
            store.begin_document();
            push_objects(&mut store, &records, &|_, record| {
                format!(
                    "{place} must hold lists of records; item {i} holds {}",
                    type_name(record)
                )
            })?;
        }
        store.shrink();
        let ids = parse_ids(ids, store.docs().len(), "ExtractionBatch")?;
        Ok(ExtractionBatch::new(vec![store], ids))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Arguments<'py>)> {
        let py = slf.py();
        Ok((slf.get_type(), (slf.get().to_list(py)?, slf.get().ids(py)?)))
    }

    /// The identifiers given as `ids` (a list, one per text), or `None`: the `doc` column
    /// then holds the texts' positions.
    #[getter]
    fn ids<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.ids {
            Ids::Positions => Ok(py.None().into_bound(py)),
            Ids::Integers(ids) => Ok(PyList::new(py, ids)?.into_any()),
            Ids::Strings(ids) => Ok(PyList::new(py, ids)?.into_any()),
        }
    }

    fn __len__(&self) -> usize {
        self.documents()
    }

    fn __getitem__<'py>(&self, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = index.py();
        if let Ok(slice) = index.cast::<PySlice>() {
            let indices = slice.indices(self.documents() as isize)?;
            let list = PyList::empty(py);
            let mut position = indices.start;
            for _ in 0..indices.slicelength {
                list.append(self.records_of(position as usize))?;
                position += indices.step;
            }
            return Ok(list.into_any());
        }
        let position: isize = index.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "ExtractionBatch indices must be integers or slices, not {}",
                type_name(index)
            ))
        })?;
        let length = self.documents() as isize;
        let resolved = if position < 0 {
            position + length
        } else {
            position
        };
        if !(0..length).contains(&resolved) {
            return Err(PyIndexError::new_err(format!(
                "ExtractionBatch index {position} out of range for {length} texts"
            )));
        }
        Ok(Bound::new(py, self.records_of(resolved as usize))?.into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> BatchIterator {
        BatchIterator {
            batch: slf.unbind(),
            next: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The number of records in all texts.
    #[getter]
    fn record_count(&self) -> usize {
        self.record_total()
    }

    /// The number of records of each text.
    fn _record_counts(&self) -> Vec<usize> {
        self.parts
            .iter()
            .flat_map(|part| part.docs().iter().map(|d| d.rows.len()))
            .collect()
    }

    /// A list with one list of records per text.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (part, doc) in self.all() {
            list.append(Self::list_of(py, part, doc)?)?;
        }
        Ok(list)
    }

    /// A pandas DataFrame with one row per record, the columns of `xinzhi_extract.to_frame`;
    /// `doc` holds the text's position, or its id when the batch has ids.
    ///
    /// Parameters
    /// ----------
    /// index
    ///     Labels for the texts instead (a pandas Index or any sequence, one label per text);
    ///     a named index names the column, a MultiIndex gives one column per level.
    ///
    /// Raises
    /// ------
    /// TypeError
    ///     `index` is not a sequence of labels (a `str`, a number, a set).
    /// OptionError
    ///     `index` has not one label per text, or the batch has ids already.
    /// ImportError
    ///     pandas is not installed.
    ///
    /// Examples
    /// --------
    /// >>> import xinzhi_extract as xe
    /// >>> batch = xe.extract_batch(["新增企业77家。", "2023年"])
    /// >>> batch.to_pandas(index=["gs-1", "gs-2"])[["doc", "kind", "text"]]
    ///     doc      kind   text
    /// 0  gs-1  quantity    77家
    /// 1  gs-2      date  2023年
    #[pyo3(signature = (index=None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        index: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("xinzhi_extract._frame")?
            .call_method1("to_pandas", (slf, index))
    }

    /// The columns for `to_pandas`, as `(name, layout, data, extra)` tuples: plain buffers
    /// for numbers, lists for strings, codes and categories for closed vocabularies.
    fn _columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        frame::columns(py, &self.parts, &self.ids)
    }

    /// The Arrow PyCapsule stream interface: pyarrow, polars and duckdb read the columns
    /// straight from Rust memory, without pyarrow being required here.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        // A consumer may ask for another schema; the protocol lets a producer keep its own.
        let _ = requested_schema;
        let stream = py
            .detach(|| arrow::stream(&self.parts, &self.ids))
            .map_err(|e| XinzhiError::new_err(format!("cannot export Arrow columns: {e}")))?;
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let equal = match op {
            CompareOp::Eq | CompareOp::Ne => {
                if let Ok(other) = other.cast::<ExtractionBatch>() {
                    let other = other.get();
                    self.ids == other.ids
                        && self.documents() == other.documents()
                        && self.all().zip(other.all()).all(|((a, i), (b, j))| {
                            a.docs()[i].rows.len() == b.docs()[j].rows.len()
                                && a.document(i).eq(b.document(j))
                        })
                } else if other.is_instance_of::<PyList>() {
                    self.to_list(py)?.eq(other)?
                } else {
                    return Ok(py.NotImplemented());
                }
            }
            _ => return Ok(py.NotImplemented()),
        };
        (equal == matches!(op, CompareOp::Eq)).into_py_any(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "ExtractionBatch(texts={}, records={})",
            self.documents(),
            self.record_total()
        )
    }
}

/// Iterates over an `ExtractionBatch`, the `Records` of one text at a time.
#[pyclass(frozen, module = "xinzhi_extract")]
pub struct BatchIterator {
    batch: Py<ExtractionBatch>,
    next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl BatchIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self) -> Option<Records> {
        let position = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let batch = self.batch.get();
        (position < batch.documents()).then(|| batch.records_of(position))
    }
}

/// The items of `texts`, which must be an iterable of `str` (a lone `str` or `bytes` is a
/// mistake, not an iterable of characters).
pub(crate) fn collect_texts<'py>(
    texts: &Bound<'py, PyAny>,
    place: Place,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let refuse = || {
        PyTypeError::new_err(format!(
            "{place} must be an iterable of str, not {}",
            type_name(texts)
        ))
    };
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(refuse());
    }
    // A table (pandas, polars, pyarrow, Dask) iterates over its column names or columns:
    // never what the caller meant, and with pandas it would silently extract nothing.
    if texts.hasattr(intern!(texts.py(), "columns"))? {
        return Err(PyTypeError::new_err(format!(
            "{place} must be an iterable of str, not a table ({}): pass one column of \
             texts, such as frame[\"body\"]",
            type_name(texts)
        )));
    }
    if let Ok(list) = texts.cast::<PyList>() {
        return Ok(list.iter().collect());
    }
    let iterator = texts.try_iter().map_err(|_| refuse())?;
    let capacity = texts.len().unwrap_or(0);
    let mut items = Vec::with_capacity(capacity);
    for item in iterator {
        items.push(item?);
    }
    Ok(items)
}

/// The `ids` argument: `None` (positions), or one `str` or one `int` per text, all of one
/// type (the `doc` column has one type).
pub(crate) fn parse_ids(
    ids: Option<&Bound<'_, PyAny>>,
    count: usize,
    function: &'static str,
) -> PyResult<Ids> {
    let Some(ids) = ids.filter(|i| !i.is_none()) else {
        return Ok(Ids::Positions);
    };
    let items = collect_texts(ids, Place::argument(function, "ids")).map_err(|_| {
        PyTypeError::new_err(format!(
            "{function}() argument 'ids' must be an iterable of str or of int, not {}",
            type_name(ids)
        ))
    })?;
    if items.len() != count {
        return Err(OptionError::new_err(format!(
            "invalid option ids: {} ids for {count} texts; give one per text",
            items.len()
        )));
    }
    let mut strings = Vec::new();
    let mut integers = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Ok(string) = item.cast::<PyString>() {
            strings.push(string.to_str()?.to_owned());
        } else if let (false, Ok(integer)) =
            (item.is_instance_of::<PyBool>(), item.extract::<i64>())
        {
            integers.push(integer);
        } else {
            return Err(PyTypeError::new_err(format!(
                "{function}() argument 'ids' must hold str or int (below 2**63), not {} (item {i})",
                type_name(item)
            )));
        }
        if !strings.is_empty() && !integers.is_empty() {
            return Err(PyTypeError::new_err(format!(
                "{function}() argument 'ids' must hold only str or only int; item {i} is {}",
                type_name(item)
            )));
        }
    }
    Ok(if !strings.is_empty() {
        Ids::Strings(strings)
    } else if !integers.is_empty() {
        Ids::Integers(integers)
    } else {
        Ids::Positions
    })
}
