//! Inputs shared by the benchmarks: the corpus texts beside the repository, found as the
//! integration tests find them.

#[path = "../../tests/common/mod.rs"]
mod test_helpers;

/// `(name, text)` of each shared corpus text, sorted by name; empty, after a note, when the
/// shared folder is absent (a benchmark then measures its embedded sample alone).
pub fn corpus() -> Vec<(String, String)> {
    let Some(shared) = test_helpers::shared_dir() else {
        eprintln!("no shared corpus beside the repository: benchmarking the embedded sample only");
        return Vec::new();
    };
    test_helpers::corpus_texts(&shared)
}
