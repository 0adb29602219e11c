//! `tests/data/forms.jsonl`: the forms of SPEC §5 by class (spaced numerals, a magnitude and
//! unit with no number, ROC years and the locale, periods of the year, ratio words,
//! administrative units, shares and lots, rates, approximation words before a bare number,
//! words that begin with a classifier's character, markup and identifiers, ordinals without
//! 第 (`四中全会`, `二期`), a magnitude alone as a rate's denominator (`每万人口`)), in both
//! scripts.
//!
//! Each case lists every quantity, date and number record of its sentence, with offsets in
//! code points. The classes in [`ENFORCED`] must match exactly; the others are the contract
//! for work still to do: the test prints how many of their cases pass, and fails if a class
//! that passes whole is not yet enforced, so that it cannot slip back unnoticed.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;
use xinzhi_extract::Kind;

/// The classes the extractor implements: every case must match.
const ENFORCED: &[&str] = &[
    "spaced",
    "roc_year",
    "locale",
    "markup",
    "admin_unit",
    "shares",
    "period",
    "approx_number",
    "rate",
    "ratio",
    "magnitude_unit",
    "classifier_word",
    "ordinal_word",
    "denominator",
];

/// Every class the table may use.
const CLASSES: &[&str] = &[
    "spaced",
    "magnitude_unit",
    "roc_year",
    "locale",
    "period",
    "ratio",
    "admin_unit",
    "shares",
    "rate",
    "approx_number",
    "classifier_word",
    "markup",
    "ordinal_word",
    "denominator",
];

/// The byte offset of code point `index` of `text`.
fn byte_offset(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(offset, _)| offset)
}

#[test]
fn forms_by_class() {
    let cases = common::data_table("forms.jsonl");
    assert!(
        cases.len() >= 60,
        "forms.jsonl shrank to {} cases",
        cases.len()
    );
    // class → (cases, cases passing, report)
    let mut classes: BTreeMap<&str, (usize, usize, String)> = BTreeMap::new();
    for case in &cases {
        let id = case["id"].as_str().expect("an id");
        let class = case["class"].as_str().expect("a class");
        assert!(CLASSES.contains(&class), "{id}: unknown class {class}");
        let text = case["text"].as_str().expect("a text");
        let expected: Vec<Value> = case["expected"].as_array().expect("a list").clone();
        // The written offsets (code points) must be where each record's text stands.
        for record in &expected {
            let start = record["start"].as_u64().expect("a start") as usize;
            let end = record["end"].as_u64().expect("an end") as usize;
            let written = &text[byte_offset(text, start)..byte_offset(text, end)];
            assert_eq!(written, record["text"].as_str().expect("a text"), "{id}");
        }
        let located = common::locate(text, expected.clone());
        for (record, placed) in expected.iter().zip(&located) {
            let start = byte_offset(text, record["start"].as_u64().unwrap_or(0) as usize);
            assert_eq!(placed.span.map(|s| s.0), Some(start), "{id}: offsets");
        }
        let extractor = common::builder_for(case.get("options"))
            .build()
            .expect("valid options");
        let records = extractor.extract(text);
        let mut report = String::new();
        let differences = common::compare(
            id,
            &records,
            &[Kind::Quantity, Kind::Date, Kind::Number],
            &located,
            common::Listing::EveryField,
            &mut report,
        );
        let entry = classes.entry(class).or_default();
        entry.0 += 1;
        if differences == 0 {
            entry.1 += 1;
        } else {
            entry.2.push_str(&report);
        }
    }
    let mut failures = String::new();
    for (class, (total, passing, report)) in &classes {
        eprintln!("{class}: {passing} of {total} cases pass");
        let enforced = ENFORCED.contains(class);
        if enforced && passing != total {
            failures.push_str(report);
        }
        if !enforced && passing == total {
            let _ = writeln!(failures, "{class}: every case passes; enforce it");
        }
    }
    for class in CLASSES {
        assert!(classes.contains_key(class), "no case of the class {class}");
    }
    assert!(failures.is_empty(), "{failures}");
}
