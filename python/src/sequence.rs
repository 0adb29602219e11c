//! `Records`: the records of one text, an immutable sequence that builds each record object
//! when it is read, from compact rows (see `store.rs`).

use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyList, PySlice, PyType};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::Record;

use crate::errors::type_name;
use crate::records::{from_python, to_python};
use crate::store::Store;

/// The constructor argument a `Records` pickles as: its records, as a list.
type Arguments<'py> = (Bound<'py, PyList>,);

/// The records of one text, sorted by start: an immutable sequence (a
/// `collections.abc.Sequence`) that builds each record object when it is read, so that a
/// text with millions of records costs about 25 bytes a record rather than a Python object
/// each.
///
/// It behaves as the list it stands for would: `len()`, indexing (negative too), iteration,
/// `reversed()`, `in`, `index()`, `count()`, `==` with a list or another `Records` (record by
/// record), `+` with a list (a list), pickling; a slice is a list. It is not hashable, and
/// `to_list()` gives a plain list. Records compare by value, so `r[0] == r[0]` although each
/// read builds a new object.
///
/// Examples
/// --------
/// >>> import xinzhi_extract as xe
/// >>> records = xe.extract("2023年，全省新增企业77家。")
/// >>> len(records), records[-1].text, [r.kind for r in records]
/// (2, '77家', ['date', 'quantity'])
/// >>> records == records.to_list()
/// True
#[pyclass(frozen, sequence, module = "xinzhi_extract", name = "Records")]
pub struct Records {
    backing: Backing,
}

/// Where the records are: rows of a store, or, for the few records of a short text, the core
/// records themselves (cheaper to keep than a store is to build, and small however dense).
enum Backing {
    Rows(Arc<Store>, usize),
    Few(Vec<Record>),
}

/// Up to this many records, a text's are kept as they are (some 200 bytes each, a few KB in
/// all).
pub(crate) const FEW: usize = 32;

impl Records {
    /// Document `doc` of `store`.
    pub(crate) fn new(store: Arc<Store>, doc: usize) -> Self {
        Records {
            backing: Backing::Rows(store, doc),
        }
    }

    /// The records of one store of one document.
    pub(crate) fn whole(store: Store) -> Self {
        Records::new(Arc::new(store), 0)
    }

    /// A few records (offsets in code points), kept as they are.
    pub(crate) fn few(records: Vec<Record>) -> Self {
        Records {
            backing: Backing::Few(records),
        }
    }

    fn length(&self) -> usize {
        match &self.backing {
            Backing::Rows(store, doc) => store.docs().get(*doc).map_or(0, |d| d.rows.len()),
            Backing::Few(records) => records.len(),
        }
    }

    /// The core record at `position` (already checked).
    fn core(&self, position: usize) -> Record {
        match &self.backing {
            Backing::Rows(store, doc) => {
                let doc = &store.docs()[*doc];
                store.record(doc.rows.start + position, doc.base)
            }
            Backing::Few(records) => records[position].clone(),
        }
    }

    fn item<'py>(&self, py: Python<'py>, position: usize) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.core(position))
    }

    fn cores(&self) -> impl DoubleEndedIterator<Item = Record> + '_ {
        let (rows, few) = match &self.backing {
            Backing::Rows(store, doc) => {
                let has = *doc < store.docs().len();
                (has.then(|| store.document(*doc)), None)
            }
            Backing::Few(records) => (None, Some(records.iter().cloned())),
        };
        rows.into_iter().flatten().chain(few.into_iter().flatten())
    }

    /// A position from a Python index, `len` added to a negative one, clamped to `0..=len`.
    fn clamp(index: isize, length: usize) -> usize {
        let length = length as isize;
        let resolved = if index < 0 { index + length } else { index };
        resolved.clamp(0, length) as usize
    }
}

#[pymethods]
impl Records {
    /// Records from any iterable of record objects (what unpickling uses).
    #[new]
    #[pyo3(signature = (records=None))]
    fn from_records(records: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut store = Store::default();
        store.begin_document();
        if let Some(records) = records {
            push_objects(&mut store, records, &|i, record| {
                format!(
                    "Records() argument 'records' must hold records; item {i} is {}",
                    type_name(record)
                )
            })?;
        }
        store.shrink();
        Ok(Records::whole(store))
    }

    /// `Records[Quantity]` in annotations, as `list[Quantity]`.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        cls.py()
            .import("types")?
            .getattr("GenericAlias")?
            .call1((cls, item))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Arguments<'py>)> {
        Ok((slf.get_type(), (slf.get().to_list(slf.py())?,)))
    }

    fn __len__(&self) -> usize {
        self.length()
    }

    fn __getitem__<'py>(&self, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = index.py();
        let length = self.length();
        if let Ok(slice) = index.cast::<PySlice>() {
            let indices = slice.indices(length as isize)?;
            let list = PyList::empty(py);
            let mut position = indices.start;
            for _ in 0..indices.slicelength {
                list.append(self.item(py, position as usize)?)?;
                position += indices.step;
            }
            return Ok(list.into_any());
        }
        let position: isize = index.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "Records indices must be integers or slices, not {}",
                type_name(index)
            ))
        })?;
        let resolved = if position < 0 {
            position + length as isize
        } else {
            position
        };
        if !(0..length as isize).contains(&resolved) {
            return Err(PyIndexError::new_err("Records index out of range"));
        }
        self.item(py, resolved as usize)
    }

    fn __iter__(slf: Bound<'_, Self>) -> RecordsIterator {
        RecordsIterator {
            records: slf.unbind(),
            next: AtomicIsize::new(0),
            step: 1,
        }
    }

    fn __reversed__(slf: Bound<'_, Self>) -> RecordsIterator {
        let last = slf.get().length() as isize - 1;
        RecordsIterator {
            records: slf.unbind(),
            next: AtomicIsize::new(last),
            step: -1,
        }
    }

    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        from_python(value).is_some_and(|wanted| self.cores().any(|r| r == wanted))
    }

    /// The position of the first record equal to `value` from `start` up to `stop`, as
    /// `list.index`.
    ///
    /// Raises
    /// ------
    /// ValueError
    ///     No record there equals `value`.
    #[pyo3(signature = (value, start=0, stop=isize::MAX))]
    fn index(&self, value: &Bound<'_, PyAny>, start: isize, stop: isize) -> PyResult<usize> {
        let length = self.length();
        let (start, stop) = (Self::clamp(start, length), Self::clamp(stop, length));
        if let Some(wanted) = from_python(value) {
            for position in start..stop.max(start) {
                if self.core(position) == wanted {
                    return Ok(position);
                }
            }
        }
        Err(PyValueError::new_err(format!(
            "{} is not in Records",
            value.repr()?
        )))
    }

    /// The number of records equal to `value`.
    fn count(&self, value: &Bound<'_, PyAny>) -> usize {
        from_python(value).map_or(0, |wanted| self.cores().filter(|r| *r == wanted).count())
    }

    /// The records as a plain list of record objects.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for record in self.cores() {
            list.append(to_python(py, record)?)?;
        }
        Ok(list)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(py.NotImplemented());
        }
        let equal = if let Ok(other) = other.cast::<Records>() {
            let other = other.get();
            self.length() == other.length() && self.cores().eq(other.cores())
        } else if let Ok(list) = other.cast::<PyList>() {
            self.length() == list.len()
                && self
                    .cores()
                    .zip(list.iter())
                    .all(|(mine, theirs)| from_python(&theirs).is_some_and(|t| t == mine))
        } else {
            return Ok(py.NotImplemented());
        };
        (equal == matches!(op, CompareOp::Eq)).into_py_any(py)
    }

    fn __add__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        if !(other.is_instance_of::<PyList>() || other.is_instance_of::<Records>()) {
            return Ok(py.NotImplemented());
        }
        let list = self.to_list(py)?;
        for item in other.try_iter()? {
            list.append(item?)?;
        }
        Ok(list.into_any().unbind())
    }

    fn __radd__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyList>() else {
            return Ok(py.NotImplemented());
        };
        let list = PyList::new(py, other.iter())?;
        for record in self.cores() {
            list.append(to_python(py, record)?)?;
        }
        Ok(list.into_any().unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut out = String::from("[");
        for (i, record) in self.cores().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&to_python(py, record)?.repr()?.to_cow()?);
        }
        out.push(']');
        Ok(out)
    }
}

/// Adds the core record of every record object of `records` to the current document of
/// `store`; anything else is a `TypeError` with the message `refuse` gives (from the item's
/// position and the item).
pub(crate) fn push_objects(
    store: &mut Store,
    records: &Bound<'_, PyAny>,
    refuse: &dyn Fn(usize, &Bound<'_, PyAny>) -> String,
) -> PyResult<()> {
    for (i, record) in records.try_iter()?.enumerate() {
        let record = record?;
        let core = from_python(&record).ok_or_else(|| PyTypeError::new_err(refuse(i, &record)))?;
        store.push(&core);
    }
    Ok(())
}

/// Iterates over a `Records`, forwards or backwards, building each record as it goes.
#[pyclass(frozen, module = "xinzhi_extract")]
pub struct RecordsIterator {
    records: Py<Records>,
    next: AtomicIsize,
    step: isize,
}

#[pymethods]
impl RecordsIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let records = self.records.get();
        let position = self.next.fetch_add(self.step, Ordering::Relaxed);
        if position < 0 || position as usize >= records.length() {
            // Stay exhausted.
            self.next.store(isize::MIN / 2, Ordering::Relaxed);
            return Ok(None);
        }
        records.item(py, position as usize).map(Some)
    }
}

/// Registers `Records` on the module and as a `collections.abc.Sequence`.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Records>()?;
    let py = module.py();
    py.import("collections.abc")?
        .getattr("Sequence")?
        .call_method1("register", (py.get_type::<Records>(),))?;
    Ok(())
}
