//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The folder of shared material (corpus texts, peer conformance suites) beside the
/// repository, or the one named by `XINZHI_SHARED`. `None` when it is absent, as in a user's
/// fresh clone: tests that need it skip.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("XINZHI_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

/// Path of a file under `tests/data`.
pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}
