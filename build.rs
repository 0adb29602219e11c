//! Tells the integration tests whether the shared folder (corpus texts and peer suites) is
//! there, so that a test that needs it is counted as ignored, with its reason, when it is
//! absent, instead of passing as `ok` without having checked anything.
//!
//! The folder is `$XINZHI_SHARED`, else `../shared` beside the repository, as in
//! `tests/common`. The script is left out of the published package (`exclude` in
//! Cargo.toml): a user of the crate has neither the folder nor a use for the flag.
//!
//! The answer is kept until `XINZHI_SHARED` changes, the folder changes, or this file does.
//! An absent folder is not watched: cargo would run the script, and then rebuild the crate,
//! on every build. So a folder put in place after a build is noticed once `XINZHI_SHARED`
//! is set (or this file touched); until then the summary keeps counting its tests as
//! ignored, which is visible, never as passed.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=XINZHI_SHARED");
    let shared = env::var_os("XINZHI_SHARED").map_or_else(
        || {
            PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"))
                .join("../shared")
        },
        PathBuf::from,
    );
    if shared.is_dir() {
        if let Some(path) = shared.to_str() {
            println!("cargo::rerun-if-changed={path}");
        }
    } else {
        println!("cargo::rustc-cfg=shared_folder_absent");
    }
}
