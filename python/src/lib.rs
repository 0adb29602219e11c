//! The `xinzhi_extract._core` extension module: converts types and maps errors, nothing more.

use pyo3::prelude::*;

/// The compiled core of the `xinzhi_extract` package.
#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
