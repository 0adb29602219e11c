//! Dates and periods, checked against the table in `tests/data/dates.jsonl`.
//!
//! Each line holds a sentence in the genre (policy and economic news, simplified and
//! traditional, with scraping noise), the date records it must yield and, optionally, the
//! options to extract with. Offsets are checked by finding each expected `text` in the input,
//! in order, after the previous one. Every mismatch in the table is reported at once.
//! (The cost of the date scan on a megabyte of debris is measured beside the scanner, in
//! `src/date.rs`, where it runs without the other extractors.)

mod common;

use std::fmt::Write as _;

use serde_json::Value;
use xinzhi_extract::{Date, Extractor, Kind, Record};

/// The table must not shrink unnoticed: a suite that reads nothing passes nothing.
const MIN_CASES: usize = 80;

struct Case {
    line: usize,
    text: String,
    expected: Vec<Value>,
    reference_year: Option<i32>,
}

fn load_cases() -> Vec<Case> {
    let path = common::data_path("dates.jsonl");
    let content = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    content
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let row: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("dates.jsonl line {}: {e}", n + 1));
            let reference_year = row["options"]["reference_year"]
                .as_i64()
                .map(|y| i32::try_from(y).expect("reference_year fits i32"));
            Case {
                line: n + 1,
                text: row["text"].as_str().expect("text is a string").to_owned(),
                expected: row["expected"]
                    .as_array()
                    .expect("expected is a list")
                    .clone(),
                reference_year,
            }
        })
        .collect()
}

fn extractor_for(case: &Case) -> Extractor {
    let mut builder = Extractor::builder().kinds([Kind::Date]);
    if let Some(year) = case.reference_year {
        builder = builder.reference_year(year);
    }
    builder.build().expect("valid options")
}

fn int_field(value: &Value, name: &str) -> Option<i64> {
    value.get(name).and_then(Value::as_i64)
}

/// The differences between one found date and the expected object, located at `start`.
fn differences(found: &Date, expected: &Value, start: usize) -> Vec<String> {
    let expected_text = expected["text"].as_str().unwrap_or_default();
    let mut problems = Vec::new();
    if found.text != expected_text {
        problems.push(format!("text {:?} != {expected_text:?}", found.text));
    }
    if (found.start, found.end) != (start, start + expected_text.len()) {
        problems.push(format!(
            "span {}..{} != {}..{}",
            found.start,
            found.end,
            start,
            start + expected_text.len()
        ));
    }
    let fields = [
        ("year", found.year.map(i64::from)),
        ("month", found.month.map(i64::from)),
        ("day", found.day.map(i64::from)),
        ("end_year", found.end_year.map(i64::from)),
        ("end_month", found.end_month.map(i64::from)),
        ("end_day", found.end_day.map(i64::from)),
    ];
    for (name, got) in fields {
        let want = int_field(expected, name);
        if got != want {
            problems.push(format!("{name} {got:?} != {want:?}"));
        }
    }
    problems
}

#[test]
fn date_table() {
    let cases = load_cases();
    assert!(
        cases.len() >= MIN_CASES,
        "dates.jsonl holds {} cases, fewer than {MIN_CASES}",
        cases.len()
    );
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let records = extractor_for(case).extract(&case.text);
        assert!(
            records.iter().all(|r| r.kind() == Kind::Date),
            "line {}: a kind other than date came back",
            case.line
        );
        let found: Vec<Date> = records
            .into_iter()
            .filter_map(|r| match r {
                Record::Date(d) => Some(d),
                _ => None,
            })
            .collect();
        let mut problems = Vec::new();
        if found.len() != case.expected.len() {
            problems.push(format!(
                "{} dates found, {} expected: {:?}",
                found.len(),
                case.expected.len(),
                found.iter().map(|d| d.text.as_str()).collect::<Vec<_>>()
            ));
        }
        let mut search_from = 0;
        for (k, expected) in case.expected.iter().enumerate() {
            let expected_text = expected["text"].as_str().expect("expected text");
            let Some(offset) = case.text[search_from..].find(expected_text) else {
                problems.push(format!(
                    "expected text {expected_text:?} is not in the input"
                ));
                continue;
            };
            let start = search_from + offset;
            search_from = start + expected_text.len();
            match found.get(k) {
                Some(date) => problems.extend(
                    differences(date, expected, start)
                        .into_iter()
                        .map(|p| format!("#{k} {expected_text:?}: {p}")),
                ),
                None => problems.push(format!("#{k} {expected_text:?}: missing")),
            }
        }
        if !problems.is_empty() {
            failed += 1;
            let _ = writeln!(report, "line {} {:?}:", case.line, case.text);
            for problem in problems {
                let _ = writeln!(report, "    {problem}");
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {} cases differ:\n{report}",
        cases.len()
    );
}

#[test]
fn relative_years_follow_the_reference_year() {
    let text = "去年全省新增企业77家，今年计划新增100家，明年力争翻番。";
    assert!(Extractor::builder()
        .kinds([Kind::Date])
        .build()
        .unwrap()
        .extract(text)
        .is_empty());
    for reference in [1999, 2025, 2030] {
        let extractor = Extractor::builder()
            .reference_year(reference)
            .build()
            .unwrap();
        let years: Vec<Option<i32>> = extractor.dates(text).iter().map(|d| d.year).collect();
        assert_eq!(
            years,
            [Some(reference - 1), Some(reference), Some(reference + 1)]
        );
    }
}

/// Dates in the shared corpus texts that an analyst would list, when the corpus is present.
#[test]
fn corpus_dates_are_found() {
    let Some(dir) = common::shared_dir() else {
        return;
    };
    let wanted = [
        ("gansu_gwr2026_opening.txt", "二〇二六年一月二十七日"),
        ("gansu_gwr2026_opening.txt", "2026-02-10"),
        ("hk_ombudsman2025_acdrip_hant.txt", "二○二二至二○二四年"),
        ("hk_ombudsman2025_acdrip_hant.txt", "八月七日"),
        ("roundup_hant_pinyin.txt", "2023—2026年"),
        ("sichuan_gwr2026_glossary.txt", "2024年12月22日"),
    ];
    for (file, date_text) in wanted {
        let text = std::fs::read_to_string(dir.join("corpus").join(file)).unwrap();
        let dates = Extractor::shared().dates(&text);
        assert!(
            dates.iter().any(|d| d.text == date_text),
            "{file}: {date_text:?} not among {:?}",
            dates.iter().map(|d| d.text.as_str()).collect::<Vec<_>>()
        );
        for date in &dates {
            assert_eq!(&text[date.start..date.end], date.text);
        }
    }
}
