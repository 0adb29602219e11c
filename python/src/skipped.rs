//! `Skipped` (a run of numeral characters that yields no record, with its reason),
//! `skipped()`, `Extractor.skipped` and `SKIP_REASONS` (SPEC §5).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyList, PyTuple};
use pyo3::IntoPyObjectExt;
use xinzhi_extract::offsets::to_char_offsets;
use xinzhi_extract::SKIP_REASONS;

use crate::errors::RecordError;
use crate::extractor::{internal_error, Extractor};
use crate::run::Failure;
use crate::text::{borrow_text, Place};

/// A run of numeral characters (or the part of one outside every record) that yields no
/// record, with the reason: one of ``SKIP_REASONS``.
#[pyclass(frozen, module = "xinzhi_extract", name = "Skipped")]
pub struct Skipped {
    text: String,
    start: usize,
    end: usize,
    reason: &'static str,
}

/// The constructor's arguments, as `__reduce__` gives them.
type Arguments = (String, usize, usize, &'static str);

#[pymethods]
impl Skipped {
    #[new]
    fn new(text: String, start: usize, end: usize, reason: &str) -> PyResult<Self> {
        let reason = SKIP_REASONS
            .iter()
            .find(|&&r| r == reason)
            .copied()
            .ok_or_else(|| {
                RecordError::new_err(format!(
                    "Skipped() argument 'reason' must be one of {}, not {reason:?}",
                    SKIP_REASONS.join(", ")
                ))
            })?;
        if end < start || end - start != text.chars().count() {
            return Err(RecordError::new_err(format!(
                "Skipped() arguments 'start' ({start}) and 'end' ({end}) must span the {} \
                 characters of 'text'",
                text.chars().count()
            )));
        }
        Ok(Skipped {
            text,
            start,
            end,
            reason,
        })
    }

    #[classattr]
    fn __match_args__() -> (&'static str, &'static str, &'static str, &'static str) {
        ("text", "start", "end", "reason")
    }

    /// The characters as written.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Index of the first character in the text.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Index one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// Why the numerals yield no record (one of ``SKIP_REASONS``).
    #[getter]
    fn reason(&self) -> &'static str {
        self.reason
    }

    /// The fields as a dict: ``text``, ``start``, ``end``, ``reason``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("text", &self.text)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("reason", self.reason)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Skipped(text={:?}, start={}, end={}, reason='{}')",
            self.text, self.start, self.end, self.reason
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyAny>, Arguments) {
        let this = slf.get();
        (
            slf.get_type().into_any(),
            (this.text.clone(), this.start, this.end, this.reason),
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Skipped>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let same = self.text == other.text
            && self.start == other.start
            && self.end == other.end
            && self.reason == other.reason;
        match op {
            CompareOp::Eq => same.into_py_any(py),
            CompareOp::Ne => (!same).into_py_any(py),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self) -> u64 {
        let mut state = DefaultHasher::new();
        (&self.text, self.start, self.end, self.reason).hash(&mut state);
        state.finish()
    }
}

/// The skipped spans of `text` under `extractor`, offsets in code points, the GIL released
/// while they are found.
pub(crate) fn skipped_list<'py>(
    extractor: &xinzhi_extract::Extractor,
    text: &Bound<'py, PyAny>,
    place: Place,
) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let source = borrow_text(text, place)?;
    let spans = py
        .detach(|| {
            catch_unwind(AssertUnwindSafe(|| {
                let spans = extractor.skipped(source);
                let mut offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
                to_char_offsets(source, &mut offsets);
                spans
                    .into_iter()
                    .zip(offsets.chunks_exact(2))
                    .map(|(s, o)| Skipped {
                        text: s.text.to_string(),
                        start: o[0],
                        end: o[1],
                        reason: s.reason.as_str(),
                    })
                    .collect::<Vec<_>>()
            }))
        })
        .map_err(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            internal_error(&Failure { item: 0, message }, place)
        })?;
    let list = PyList::empty(py);
    for span in spans {
        list.append(Bound::new(py, span)?)?;
    }
    Ok(list)
}

/// The runs of numeral characters in `text` that yield no record, with their reasons: each a
/// `Skipped` with `text`, `start`, `end` (`str` indices) and a `reason` from `SKIP_REASONS`.
/// With the records of `extract`, they account for every numeral of the text.
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
/// >>> [(s.text, s.reason) for s in xe.skipped("一是推进“十四五”规划，统一部署5G基站。")]
/// [('一', 'list_label'), ('十四五', 'slogan'), ('一', 'set_phrase'), ('5', 'code')]
#[pyfunction]
pub fn skipped<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    skipped_list(
        xinzhi_extract::Extractor::shared(),
        text,
        Place::argument("skipped", "text"),
    )
}

/// The vocabulary of `Skipped.reason`, in the order the accounting tries the reasons.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Skipped>()?;
    m.add("SKIP_REASONS", PyTuple::new(m.py(), SKIP_REASONS)?)?;
    m.add_function(wrap_pyfunction!(skipped, m)?)?;
    Ok(())
}

impl Extractor {
    /// [`skipped_list`] with this extractor's options.
    pub(crate) fn skipped_of<'py>(&self, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        skipped_list(self.core(), text, Place::argument("skipped", "text"))
    }
}
