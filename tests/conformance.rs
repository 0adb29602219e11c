//! Holds every peer suite of the conformance report to its bar, and every in-scope failure
//! of a suite with a bar to an entry in `tests/data/conformance_disputed.toml`. Skips when
//! the shared suites are absent (a fresh clone).

#[path = "../examples/conformance.rs"]
#[allow(dead_code)]
mod conformance;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::PathBuf;

use conformance::{conformance_dir, disputed_path, load_disputed, run_suite, Disputed, SUITES};

/// The folder of the suites and the disputed cases; `None`, after a note, when the suites
/// are absent.
fn suites_and_disputed(test: &str) -> Option<(PathBuf, BTreeMap<String, Disputed>)> {
    let Some(dir) = conformance_dir() else {
        // Past the harness's capture of `eprintln!`, so that the line is seen in every run.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: conformance suites not found"
        );
        return None;
    };
    let disputed = load_disputed(&disputed_path()).expect("the disputed-cases file reads");
    Some((dir, disputed))
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn suites_meet_their_bars() {
    let Some((dir, disputed)) = suites_and_disputed("suites_meet_their_bars") else {
        return;
    };
    let mut problems = Vec::new();
    for suite in SUITES {
        let report = run_suite(&dir, suite, &disputed).expect("the suite reads");
        assert!(report.in_scope > 0, "{}: no case in scope", report.name);
        if !report.meets_bar() {
            problems.push(format!(
                "{}: {}/{} = {:.2}% is below the bar of {}%",
                report.name,
                report.passed,
                report.in_scope,
                report.rate(),
                report.bar
            ));
        }
        // A suite with no bar yet is reported, not enforced.
        if report.bar <= 0.0 {
            continue;
        }
        for failure in report.unclassified() {
            problems.push(format!(
                "{}: unclassified failure {} on {:?}: expected {}, ours {}",
                report.name, failure.id, failure.input, failure.expected, failure.ours
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn disputed_entries_name_real_cases() {
    let Some((dir, disputed)) = suites_and_disputed("disputed_entries_name_real_cases") else {
        return;
    };
    let mut known = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("the folder lists") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            for case in conformance::load_cases(&path).expect("the suite reads") {
                known.insert(case.id);
            }
        }
    }
    let unknown: Vec<&String> = disputed.keys().filter(|id| !known.contains(*id)).collect();
    assert!(
        unknown.is_empty(),
        "disputed entries for no case: {unknown:?}"
    );
}
