//! The Python exception tree, and the one place where core errors become Python exceptions.
//!
//! ```text
//! ValueError
//! └── XinzhiError            anything this package refuses
//!     ├── NumeralError       parse_numeral / to_chinese: not a numeral, out of range
//!     ├── OptionError        an Extractor option or a kind name that is not valid
//!     ├── InvalidTextError   a text that is not valid Unicode (lone surrogates), or too long
//!     └── RecordError        a record field the extractor would never produce (month 13)
//! ```
//!
//! Arguments of the wrong type raise the built-in `TypeError`, naming the argument.

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use xinzhi_extract::Error;

create_exception!(
    xinzhi_extract,
    XinzhiError,
    PyValueError,
    "Base class of the errors raised by xinzhi_extract; a subclass of ValueError."
);
create_exception!(
    xinzhi_extract,
    NumeralError,
    XinzhiError,
    "A string that is not a numeral, or a number that cannot be written as one."
);
create_exception!(
    xinzhi_extract,
    OptionError,
    XinzhiError,
    "An option of Extractor (or of a module-level function) that is not valid."
);
create_exception!(
    xinzhi_extract,
    InvalidTextError,
    XinzhiError,
    "A text that is not valid Unicode, such as one holding a lone surrogate."
);

create_exception!(
    xinzhi_extract,
    RecordError,
    XinzhiError,
    "A record built with a field the extractor would never produce, such as month 13."
);

/// Maps a core error to its Python exception. New core variants fall back to the base class.
pub(crate) fn to_py_err(error: &Error) -> PyErr {
    let message = error.to_string();
    match error {
        Error::EmptyInput
        | Error::UnexpectedCharacter { .. }
        | Error::MisorderedMagnitude { .. }
        | Error::Malformed { .. }
        | Error::Overflow { .. }
        | Error::Unrepresentable { .. } => NumeralError::new_err(message),
        Error::InvalidOption { .. } | Error::UnknownKind(_) => OptionError::new_err(message),
        _ => XinzhiError::new_err(message),
    }
}

/// Lets `?` turn a core error into a Python one inside binding code.
pub(crate) trait IntoPyResult<T> {
    fn into_py_result(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for xinzhi_extract::Result<T> {
    fn into_py_result(self) -> PyResult<T> {
        self.map_err(|e| to_py_err(&e))
    }
}

/// `TypeError: {function}() argument '{argument}' must be {expected}, not {type}`.
pub(crate) fn wrong_type(
    function: &str,
    argument: &str,
    expected: &str,
    got: &Bound<'_, PyAny>,
) -> PyErr {
    PyTypeError::new_err(format!(
        "{function}() argument '{argument}' must be {expected}, not {}",
        type_name(got)
    ))
}

/// The name of a value's type, as Python prints it (`NoneType`, `bytes`).
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "unknown".to_owned(), |n| n.to_string())
}

/// Registers the exception classes on the module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("XinzhiError", py.get_type::<XinzhiError>())?;
    module.add("NumeralError", py.get_type::<NumeralError>())?;
    module.add("OptionError", py.get_type::<OptionError>())?;
    module.add("InvalidTextError", py.get_type::<InvalidTextError>())?;
    module.add("RecordError", py.get_type::<RecordError>())?;
    Ok(())
}

/// Runs core code, turning a panic (a bug) into an `XinzhiError` that names the function and
/// carries the panic's message, so that no `PanicException` (a `BaseException`) escapes.
pub(crate) fn guarded<T>(function: &str, run: impl FnOnce() -> T) -> PyResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        XinzhiError::new_err(format!(
            "internal error in {function}(): {message}; this is a bug, please report it with \
             the input"
        ))
    })
}

/// Silences the default panic message for panics of this extension: every panic in it is
/// caught and raised as an exception carrying the message, so nothing need reach stderr.
/// Panics of other threads' code are not ours (each extension has its own runtime).
pub(crate) fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
