//! Subjects (SPEC §6): the table of cases in `tests/data/subjects.jsonl`, grouped by pattern,
//! and the rules every subject keeps on any text (its span, its length, its sentence).

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use proptest::prelude::*;
use serde_json::Value;
use xinzhi_extract::{clean, Extractor, Kind, Quantity, Record};

/// Cases the table must hold, so that a truncated file cannot pass.
const MIN_CASES: usize = 300;
/// The share of cases of the whole table that must come out right.
const MIN_ACCURACY: f64 = 0.95;
/// The share of cases of each pattern that must come out right.
const MIN_PATTERN_ACCURACY: f64 = 0.75;

/// A byte offset of `text` from a code-point offset.
fn byte_offset(text: &str, code_point: usize) -> usize {
    text.char_indices()
        .nth(code_point)
        .map_or(text.len(), |(b, _)| b)
}

fn quantities(text: &str) -> Vec<Quantity> {
    Extractor::shared()
        .extract(text)
        .into_iter()
        .filter_map(|r| match r {
            Record::Quantity(q) => Some(q),
            _ => None,
        })
        .collect()
}

/// The differences of one case, one line each.
fn case_differences(case: &Value) -> Vec<String> {
    let text = case["text"].as_str().expect("a case has a text");
    let found = quantities(text);
    let mut differences = Vec::new();
    for want in case["expected"]
        .as_array()
        .expect("a case lists quantities")
    {
        let start = byte_offset(text, want["start"].as_u64().expect("a start") as usize);
        let at = |field: &str| {
            want[field]
                .as_u64()
                .map(|cp| byte_offset(text, cp as usize))
        };
        let Some(quantity) = found.iter().find(|q| q.start == start) else {
            differences.push(format!("no quantity {} at its offset", want["text"]));
            continue;
        };
        if Some(quantity.text.as_str()) != want["text"].as_str() {
            differences.push(format!(
                "quantity {:?}, expected {}",
                quantity.text, want["text"]
            ));
            continue;
        }
        let expected = (
            want["subject"].as_str(),
            at("subject_start"),
            at("subject_end"),
        );
        let got = (
            quantity.subject.as_deref(),
            quantity.subject_start,
            quantity.subject_end,
        );
        if got != expected {
            differences.push(format!(
                "{}: subject {:?} at {:?}..{:?}, expected {:?} at {:?}..{:?}",
                quantity.text, got.0, got.1, got.2, expected.0, expected.1, expected.2
            ));
        }
    }
    differences
}

#[test]
fn table_of_cases_by_pattern() {
    let table = common::data_table("subjects.jsonl");
    assert!(table.len() >= MIN_CASES, "only {} cases", table.len());
    let mut by_pattern: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut report = String::new();
    for case in &table {
        let pattern = case["pattern"].as_str().expect("a case has a pattern");
        let differences = case_differences(case);
        let entry = by_pattern.entry(pattern.to_owned()).or_default();
        entry.1 += 1;
        if differences.is_empty() {
            entry.0 += 1;
        } else {
            let _ = writeln!(report, "{} {}", case["id"], case["text"]);
            for line in differences {
                let _ = writeln!(report, "    {line}");
            }
        }
    }
    let (right, all) = by_pattern
        .values()
        .fold((0, 0), |(r, n), &(pr, pn)| (r + pr, n + pn));
    let mut summary = String::new();
    let mut low = Vec::new();
    for (pattern, &(r, n)) in &by_pattern {
        let share = ratio(r, n);
        let _ = writeln!(summary, "{pattern:>14}: {r}/{n} ({:.1}%)", 100.0 * share);
        if share < MIN_PATTERN_ACCURACY {
            low.push(pattern.clone());
        }
    }
    let _ = writeln!(
        summary,
        "{:>14}: {right}/{all} ({:.1}%)",
        "all",
        100.0 * ratio(right, all)
    );
    eprintln!("subject accuracy by pattern\n{summary}\ncases not right:\n{report}");
    assert!(
        ratio(right, all) >= MIN_ACCURACY,
        "accuracy below {MIN_ACCURACY}:\n{summary}{report}"
    );
    assert!(
        low.is_empty(),
        "patterns below {MIN_PATTERN_ACCURACY}: {low:?}\n{summary}"
    );
}

#[allow(clippy::cast_precision_loss)]
fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

#[test]
fn the_table_holds_both_scripts_and_annotations() {
    let table = common::data_table("subjects.jsonl");
    let texts: Vec<&str> = table.iter().filter_map(|c| c["text"].as_str()).collect();
    let traditional = texts
        .iter()
        .filter(|t| t.chars().any(|c| "這業產與萬億總為達國際經".contains(c)))
        .count();
    let annotated = texts.iter().filter(|t| clean(t) != **t).count();
    assert!(traditional >= 100, "only {traditional} traditional cases");
    assert!(annotated >= 15, "only {annotated} annotated cases");
}

/// The rules of SPEC §6 that hold whatever the text.
fn check_subjects(text: &str) -> Result<(), String> {
    for q in quantities(text) {
        match (&q.subject, q.subject_start, q.subject_end) {
            (None, None, None) => {}
            (Some(subject), Some(start), Some(end)) => {
                let written = text
                    .get(start..end)
                    .ok_or("subject offsets off a boundary")?;
                if clean(written) != subject.as_str() {
                    return Err(format!(
                        "{written:?} cleans to something else than {subject:?}"
                    ));
                }
                if subject.chars().count() > 24 || subject.is_empty() {
                    return Err(format!("subject {subject:?} of a bad length"));
                }
                if written.chars().any(|c| "。！？；\n\r".contains(c)) {
                    return Err(format!("subject {written:?} crosses a sentence end"));
                }
                if start < q.start && end > q.start {
                    return Err(format!("subject {written:?} overlaps its quantity"));
                }
            }
            other => {
                return Err(format!(
                    "subject fields not all set or all unset: {other:?}"
                ))
            }
        }
    }
    Ok(())
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn subjects_keep_their_rules_on_the_corpus() {
    let Some(shared) = common::shared_dir_or_skip("subjects_keep_their_rules_on_the_corpus") else {
        return;
    };
    for (stem, text) in common::corpus_texts(&shared) {
        check_subjects(&text).unwrap_or_else(|e| panic!("{stem}: {e}"));
    }
}

#[test]
fn only_quantities_asked_for_still_have_subjects() {
    let text = "2023年，全省一般公共预算收入完成1312.5亿元，同比增长6.8%。";
    let only = Extractor::builder()
        .kinds([Kind::Quantity])
        .build()
        .expect("valid options")
        .quantities(text);
    assert_eq!(only, quantities(text));
    assert!(only
        .iter()
        .all(|q| q.subject.as_deref() == Some("一般公共预算收入")));
}

#[test]
fn a_long_text_without_sentence_ends_stays_linear() {
    let unit = "企业新增营收4.2亿元，增长16%、";
    let small = unit.repeat(2_000);
    let large = unit.repeat(20_000);
    let (q_small, q_large) = (quantities(&small), quantities(&large));
    assert_eq!(q_large.len(), 10 * q_small.len());
    assert!(q_large.iter().all(|q| q.subject.as_deref() == Some("营收")));
    common::assert_linear_time("subjects", small.as_str(), large.as_str(), quantities);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn subjects_keep_their_rules_on_any_text(
        text in "([全省新增企业达到为增长分别、，。；“”(zhì)（wàn）的占比重其中地区生产总值 0-9万亿元家个%年]){0,60}"
    ) {
        prop_assert!(check_subjects(&text).is_ok(), "{:?}", check_subjects(&text));
    }
}
