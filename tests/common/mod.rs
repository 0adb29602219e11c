//! Helpers shared by the integration tests (and, for the corpus, by the benchmarks): where the
//! test data and the shared material are, the JSON Lines tables, the comparison of the records
//! found with the expected ones, and the timing behind the linear-time checks.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use xinzhi_extract::{check_records, Extractor, ExtractorBuilder, Kind, Record};

pub mod timing;
#[allow(unused_imports)]
pub use timing::{assert_in_some_attempt, assert_linear_time, least_time};

/// Relative tolerance for values the tables write as decimal floats (`1/3`).
const TOLERANCE: f64 = 1e-9;

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

/// [`shared_dir`], or `None` after a `SKIPPED` line on standard error.
///
/// A test that calls this is also marked
/// `#[cfg_attr(shared_folder_absent, ignore = "…")]`, so that cargo's summary counts it as
/// ignored when the folder is absent (the build script sets the flag). The line covers the
/// rest: a run with `--include-ignored`, or a folder removed since the build.
pub fn shared_dir_or_skip(test: &str) -> Option<PathBuf> {
    let dir = shared_dir();
    if dir.is_none() {
        note_skipped(test, "no shared folder (XINZHI_SHARED or ../shared)");
    }
    dir
}

/// Writes `SKIPPED <test>: <reason>` to standard error. The test harness captures what
/// `eprintln!` prints and shows it only for failures; writing to the stream itself keeps
/// the line visible in every run.
pub fn note_skipped(test: &str, reason: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// `(stem, text)` of every `.txt` file of the shared corpus, sorted by name.
///
/// Panics when the corpus cannot be read or holds no text: a shared folder without its corpus
/// is a broken setup, not an absent one.
pub fn corpus_texts(shared: &Path) -> Vec<(String, String)> {
    let dir = shared.join("corpus");
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut texts: Vec<(String, String)> = entries
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a file name");
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (stem.to_owned(), text)
        })
        .collect();
    texts.sort();
    assert!(!texts.is_empty(), "{}: no corpus text", dir.display());
    texts
}

/// Path of a file under `tests/data`.
pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The objects of a JSON Lines file with the number of the line each stands on; blank lines
/// are passed over. Panics naming the file (and line) when it cannot be read.
pub fn read_numbered_jsonl(path: &Path) -> Vec<(usize, Value)> {
    let content =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let rows: Vec<(usize, Value)> = content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            (n + 1, value)
        })
        .collect();
    // A case is named by its id in every report: two cases of one name would hide each other.
    let mut seen = std::collections::HashMap::new();
    for (line, row) in &rows {
        if let Some(id) = row.get("id").and_then(Value::as_str) {
            if let Some(first) = seen.insert(id, *line) {
                panic!("{}: id {id} on lines {first} and {line}", path.display());
            }
        }
    }
    rows
}

/// The objects of a JSON Lines file, blank lines passed over.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    read_numbered_jsonl(path)
        .into_iter()
        .map(|(_, value)| value)
        .collect()
}

/// The objects of the table `tests/data/<name>`.
pub fn data_table(name: &str) -> Vec<Value> {
    read_jsonl(&data_path(name))
}

/// An extractor builder with the `options` of a table's case applied. An option the tables do
/// not know is a mistake in the table, not something to pass over.
pub fn builder_for(options: Option<&Value>) -> ExtractorBuilder {
    let mut builder = Extractor::builder();
    let Some(options) = options else {
        return builder;
    };
    for (name, value) in options.as_object().expect("options are an object") {
        builder = match (name.as_str(), value) {
            ("yuan_currency", Value::String(code)) => builder.yuan_currency(code.as_str()),
            ("locale", Value::String(locale)) => builder.locale(locale.as_str()),
            ("roc_years", Value::Bool(on)) => builder.roc_years(*on),
            ("reference_year", year) => {
                let year = year.as_i64().expect("reference_year is an integer");
                builder.reference_year(i32::try_from(year).expect("a year"))
            }
            _ => panic!("unknown option {name}: {value}"),
        };
    }
    builder
}

/// A record a table expects: its fields as the table writes them, and its byte span in the
/// input (`None` when its text is not there).
pub struct Expected {
    pub span: Option<(usize, usize)>,
    pub record: Value,
}

/// Places expected records that write no offsets (the sentence tables) by finding each `text`
/// in `input`, in order. The search for the next one starts after the end of the one before,
/// or just after the start of a title, since a title may hold the records that follow it.
pub fn locate(input: &str, records: Vec<Value>) -> Vec<Expected> {
    let mut from = 0;
    records
        .into_iter()
        .map(|record| {
            let span = record
                .get("text")
                .and_then(Value::as_str)
                .and_then(|needle| {
                    let start = from + input.get(from..)?.find(needle)?;
                    let end = start + needle.len();
                    from = if record["kind"] == "title" {
                        start + needle.chars().next().map_or(1, char::len_utf8)
                    } else {
                        end
                    };
                    Some((start, end))
                });
            Expected { span, record }
        })
        .collect()
}

/// Expected records that write their own byte offsets (the corpus tables); panics when a
/// record's offsets do not hold its text in `input`.
pub fn at_written_offsets(label: &str, input: &str, records: Vec<Value>) -> Vec<Expected> {
    records
        .into_iter()
        .map(|record| {
            let span = record["start"].as_u64().zip(record["end"].as_u64());
            let span = span.map(|(start, end)| (start as usize, end as usize));
            if let Some((start, end)) = span {
                assert_eq!(
                    input.get(start..end),
                    record["text"].as_str(),
                    "{label}: the table's offsets do not match its text"
                );
            }
            Expected { span, record }
        })
        .collect()
}

/// How much of each record an expected one writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every field (the tables): a field of the found record the table leaves out differs.
    EveryField,
    /// The fields that matter to a hand-written case; the others are not compared.
    SomeFields,
}

/// A record as the tables write it: every field but the offsets and the subject, as JSON.
pub fn record_json(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).expect("records serialise");
    let object = value.as_object_mut().expect("a record is an object");
    object.remove("start");
    object.remove("end");
    // Subjects have a table of their own (`subjects.jsonl`).
    for field in ["subject", "subject_start", "subject_end"] {
        object.remove(field);
    }
    value
}

fn same_value(expected: &Value, actual: &Value) -> bool {
    match (expected.as_f64(), actual.as_f64()) {
        (Some(e), Some(a)) => (e - a).abs() <= TOLERANCE * e.abs().max(a.abs()).max(1.0),
        _ => expected == actual,
    }
}

/// The fields of `actual` that differ from `expected`, as `field: expected → actual`.
fn field_differences(expected: &Value, actual: &Value, listing: Listing) -> Vec<String> {
    let Some(fields) = expected.as_object() else {
        return vec![format!("not an object: {expected}")];
    };
    let mut differences = Vec::new();
    for (field, want) in fields {
        if matches!(field.as_str(), "start" | "end") {
            continue;
        }
        let got = actual.get(field).unwrap_or(&Value::Null);
        if !same_value(want, got) {
            differences.push(format!("{field}: {want} → {got}"));
        }
    }
    if listing == Listing::EveryField {
        let found = actual.as_object().expect("a record is an object");
        for (field, got) in found {
            if !fields.contains_key(field) {
                differences.push(format!("{field}: not in the table → {got}"));
            }
        }
    }
    differences
}

fn overlaps(record: &Record, (start, end): (usize, usize)) -> bool {
    record.start() < end && start < record.end()
}

/// Compares the records of the `kinds` a table lists with the records it expects, and writes
/// one line per difference into `report`; returns the number of differences.
///
/// Each expected record must be found at its span, of its kind, with its fields (floats
/// within a relative 1e-9). A record found where none is expected is a difference too, unless
/// it overlaps an expected one already reported missing (the line for that one names it).
pub fn compare(
    label: &str,
    records: &[Record],
    kinds: &[Kind],
    expected: &[Expected],
    listing: Listing,
    report: &mut String,
) -> usize {
    let actual: Vec<&Record> = records
        .iter()
        .filter(|r| kinds.contains(&r.kind()))
        .collect();
    let mut used = vec![false; actual.len()];
    let mut missing = Vec::new();
    let mut differences = 0;
    for Expected { span, record: want } in expected {
        let kind = want.get("kind").and_then(Value::as_str).unwrap_or("?");
        let text = want.get("text").and_then(Value::as_str).unwrap_or("?");
        let Some((start, end)) = *span else {
            differences += 1;
            let _ = writeln!(
                report,
                "{label}: expected text {text:?} is not in the input"
            );
            continue;
        };
        let found = actual
            .iter()
            .position(|r| r.start() == start && r.end() == end && r.kind().as_str() == kind);
        if let Some(index) = found {
            used[index] = true;
            let fields = field_differences(want, &record_json(actual[index]), listing);
            if !fields.is_empty() {
                differences += 1;
                let _ = writeln!(report, "{label}: {kind} {text:?}: {}", fields.join(", "));
            }
        } else {
            differences += 1;
            missing.push((start, end));
            let overlapping: Vec<String> = actual
                .iter()
                .filter(|r| overlaps(r, (start, end)))
                .map(|r| format!("{} {:?}", r.kind(), r.text()))
                .collect();
            let _ = writeln!(
                report,
                "{label}: missing {kind} {text:?}{}",
                if overlapping.is_empty() {
                    String::new()
                } else {
                    format!(" (found {})", overlapping.join(", "))
                }
            );
        }
    }
    for (record, used) in actual.iter().zip(&used) {
        if !used && !missing.iter().any(|&span| overlaps(record, span)) {
            differences += 1;
            let _ = writeln!(
                report,
                "{label}: unexpected {} {:?} {}",
                record.kind(),
                record.text(),
                record_json(record)
            );
        }
    }
    differences
}

/// Checks a sentence table (`tests/data/<name>`, one case a line: `text`, `expected` and
/// optionally `id` and `options`): `extract` runs a case's text with its options, and the
/// records of the `kinds` the table lists must be exactly the expected ones, every field
/// written. Fails with every difference at once, or when the table holds fewer than
/// `min_cases` cases; returns the number of records the table expects.
pub fn assert_sentence_table(
    name: &str,
    min_cases: usize,
    kinds: &[Kind],
    extract: impl Fn(&str, Option<&Value>) -> Vec<Record>,
) -> usize {
    let cases = read_numbered_jsonl(&data_path(name));
    assert!(
        cases.len() >= min_cases,
        "{name} holds {} cases, fewer than {min_cases}",
        cases.len()
    );
    let mut report = String::new();
    let mut failed = 0;
    let mut expected_records = 0;
    for (line, case) in &cases {
        let text = case["text"].as_str().expect("every case has a text");
        let label = match case.get("id").and_then(Value::as_str) {
            Some(id) => format!("{id} {text}"),
            None => format!("line {line} {text}"),
        };
        let expected = case["expected"]
            .as_array()
            .expect("expected is a list")
            .clone();
        expected_records += expected.len();
        let expected = locate(text, expected);
        let records = extract(text, case.get("options"));
        if compare(
            &label,
            &records,
            kinds,
            &expected,
            Listing::EveryField,
            &mut report,
        ) > 0
        {
            failed += 1;
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} cases differ from {name}:\n{report}",
        cases.len()
    );
    expected_records
}

/// Fails listing every problem, one a line, when there is any.
pub fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Panics naming the broken invariant (see `check_records`) and the start of the input.
pub fn check_invariants(text: &str, records: &[Record]) {
    if let Err(violation) = check_records(text, records) {
        let shown: String = text.chars().take(500).collect();
        panic!("{violation}\nin {shown:?} ({} bytes in all)", text.len());
    }
}

/// Asserts that extracting `large` (ten times the size of `small`) with the shared extractor
/// costs linear time (see [`timing::assert_linear_time`]); the records of both are checked
/// against the invariants first, outside the timing.
pub fn assert_linear_extraction(name: &str, small: &str, large: &str) {
    let extractor = Extractor::shared();
    for text in [small, large] {
        check_invariants(text, &extractor.extract(text));
    }
    assert_linear_time(name, small, large, |text| extractor.extract(text));
}

/// `unit` repeated to a little over `bytes` bytes.
pub fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}
