//! Text arguments: borrowing the UTF-8 of a Python `str` without copying, with errors that
//! name the argument (and the item, inside a batch).

use std::fmt;

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{type_name, InvalidTextError};

/// Where a text came from, for error messages: `extract() argument 'text'`, or
/// `extract_batch() argument 'texts', item 3`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub function: &'static str,
    pub argument: &'static str,
    pub item: Option<usize>,
}

impl Place {
    pub(crate) const fn argument(function: &'static str, argument: &'static str) -> Self {
        Place {
            function,
            argument,
            item: None,
        }
    }

    pub(crate) const fn item(self, item: usize) -> Self {
        Place {
            item: Some(item),
            ..self
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}() argument '{}'", self.function, self.argument)?;
        if let Some(item) = self.item {
            write!(f, ", item {item},")?;
        }
        Ok(())
    }
}

/// The UTF-8 of `value`, borrowed from the `str` object (CPython caches it there).
///
/// Not a `str`: `TypeError`. A `str` that cannot be UTF-8 (a lone surrogate from
/// `surrogateescape` decoding or a broken JSON `\ud800`): [`InvalidTextError`], a `ValueError`.
pub(crate) fn borrow_text<'a>(value: &'a Bound<'_, PyAny>, place: Place) -> PyResult<&'a str> {
    let Ok(string) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{place} must be str, not {}",
            type_name(value)
        )));
    };
    let too_long = |size: String| {
        InvalidTextError::new_err(format!(
            "{place} is 4 GiB or longer ({size}), more than one text may be; split it, at \
             line breaks for instance"
        ))
    };
    // Checked on the length first, so that a text far too long is refused before its UTF-8
    // is made.
    if string.len()? >= MAX_TEXT_BYTES {
        return Err(too_long(format!("{} characters", string.len()?)));
    }
    let text = string
        .to_str()
        .map_err(|error| invalid_text(value.py(), string, &error, place))?;
    if text.len() >= MAX_TEXT_BYTES {
        return Err(too_long(format!("{} bytes of UTF-8", text.len())));
    }
    Ok(text)
}

/// Texts of this many bytes of UTF-8 and more are refused: the core's offsets are 32-bit.
pub(crate) const MAX_TEXT_BYTES: usize = 1 << 32;

fn invalid_text(
    py: Python<'_>,
    string: &Bound<'_, PyString>,
    error: &PyErr,
    place: Place,
) -> PyErr {
    let detail = error
        .is_instance_of::<PyUnicodeEncodeError>(py)
        .then(|| {
            let start: usize = error.value(py).getattr("start").ok()?.extract().ok()?;
            let character = string.get_item(start).ok()?.repr().ok()?;
            Some(format!("lone surrogate {character} at index {start}"))
        })
        .flatten()
        .unwrap_or_else(|| error.to_string());
    let new = InvalidTextError::new_err(format!("{place} is not valid Unicode: {detail}"));
    new.set_cause(py, Some(error.clone_ref(py)));
    new
}
