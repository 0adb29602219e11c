//! A noise-skipping view of the input that keeps an offset map.
//!
//! The view lives in the crate's scanning floor; this module keeps its public path.

pub use crate::scan::{clean, is_han, TextView};
