//! Titles in 《》: the table of cases in `tests/data/titles.jsonl`, the titles of every corpus
//! text field by field, and hostile input (unclosed brackets, line breaks, a megabyte of `《`).

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::Value;
use xinzhi_extract::{Extractor, Kind, Record, Title};

/// The fields of a title record as a JSON object, offsets left out.
fn fields(title: &Title) -> Value {
    serde_json::json!({
        "kind": "title",
        "text": title.text,
        "title": title.title,
        "doc_type": title.doc_type,
        "issuer": title.issuer,
        "start_year": title.start_year,
        "end_year": title.end_year,
        "is_policy": title.is_policy,
    })
}

/// Differences between the titles found in `text` and `expected`, one line each; offsets are
/// checked by locating each expected text after the start of the one before it.
fn compare(text: &str, expected: &[Value], found: &[Title]) -> Vec<String> {
    let mut problems = Vec::new();
    if found.len() != expected.len() {
        problems.push(format!(
            "{text:?}: expected {} titles, found {}: {:?}",
            expected.len(),
            found.len(),
            found.iter().map(|t| &t.text).collect::<Vec<_>>()
        ));
        return problems;
    }
    let mut from = 0;
    for (want, got) in expected.iter().zip(found) {
        let want_text = want["text"].as_str().unwrap_or_default();
        let Some(offset) = text[from..].find(want_text) else {
            problems.push(format!(
                "{text:?}: expected text {want_text:?} is not in the input"
            ));
            continue;
        };
        let start = from + offset;
        if (got.start, got.end) != (start, start + want_text.len()) {
            problems.push(format!(
                "{text:?}: {want_text:?} expected at {start}..{}, found at {}..{}",
                start + want_text.len(),
                got.start,
                got.end
            ));
        }
        if text[got.start..got.end] != got.text {
            problems.push(format!(
                "{text:?}: text {:?} is not the input's slice",
                got.text
            ));
        }
        let got = fields(got);
        for key in [
            "kind",
            "text",
            "title",
            "doc_type",
            "issuer",
            "start_year",
            "end_year",
            "is_policy",
        ] {
            if want[key] != got[key] {
                problems.push(format!(
                    "{want_text}: {key} expected {}, found {}",
                    want[key], got[key]
                ));
            }
        }
        from = start + want_text.chars().next().map_or(1, char::len_utf8);
    }
    problems
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let content =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    content
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad line {line:?}: {e}", path.display()))
        })
        .collect()
}

#[test]
fn table_of_cases() {
    let cases = read_jsonl(&common::data_path("titles.jsonl"));
    let expected_titles: usize = cases
        .iter()
        .map(|case| case["expected"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(cases.len() >= 120, "only {} cases", cases.len());
    assert!(expected_titles >= 120, "only {expected_titles} titles");
    let extractor = Extractor::new();
    let mut problems = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().expect("a case has a text");
        let expected = case["expected"]
            .as_array()
            .expect("a case has expectations");
        problems.extend(compare(text, expected, &extractor.titles(text)));
    }
    assert!(
        problems.is_empty(),
        "{} of {} cases disagree:\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n")
    );
}

#[test]
fn titles_come_out_of_extract_unchanged() {
    let extractor = Extractor::new();
    for case in read_jsonl(&common::data_path("titles.jsonl")) {
        let text = case["text"].as_str().expect("a case has a text");
        let alone = extractor.titles(text);
        let among_others: Vec<Title> = extractor
            .extract(text)
            .into_iter()
            .filter_map(|r| match r {
                Record::Title(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(alone, among_others, "{text}");
        let only_titles = Extractor::builder()
            .kinds([Kind::Title])
            .build()
            .expect("valid options")
            .extract(text);
        assert_eq!(only_titles.len(), alone.len(), "{text}");
    }
}

#[test]
fn corpus_titles_field_by_field() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: no shared corpus beside the repository");
        return;
    };
    let mut texts: Vec<_> = fs::read_dir(shared.join("corpus"))
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(!texts.is_empty(), "the corpus holds no text");
    let extractor = Extractor::new();
    let mut problems = Vec::new();
    for path in &texts {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let text = fs::read_to_string(path).expect("corpus text");
        let expected = read_jsonl(&common::data_path(&format!("corpus/{stem}.titles.jsonl")));
        let found = extractor.titles(&text);
        eprintln!("{stem}: {} titles", found.len());
        for (want, got) in expected.iter().zip(&found) {
            for key in ["start", "end"] {
                let got_offset = if key == "start" { got.start } else { got.end };
                if want[key].as_u64() != Some(got_offset as u64) {
                    problems.push(format!(
                        "{stem}: {} {key} expected {}, found {got_offset}",
                        got.text, want[key]
                    ));
                }
            }
        }
        problems.extend(
            compare(&text, &expected, &found)
                .into_iter()
                .map(|p| format!("{stem}: {}", p.chars().take(300).collect::<String>())),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Hostile input

/// Checks what must hold of any title found in any text.
fn assert_well_formed(text: &str, titles: &[Title]) {
    let mut previous = (0, usize::MAX);
    for title in titles {
        assert_eq!(&text[title.start..title.end], title.text);
        assert!(title.text.starts_with('《') && title.text.ends_with('》'));
        assert!(
            !title.text.contains(['\n', '\r']),
            "title across a line break: {:?}",
            title.text
        );
        assert!(title.title.chars().count() <= 200, "{:?}", title.title);
        assert!(!title.title.trim().is_empty());
        assert!(
            (title.start, std::cmp::Reverse(title.end))
                >= (previous.0, std::cmp::Reverse(previous.1)),
            "titles out of order"
        );
        previous = (title.start, title.end);
    }
}

#[test]
fn unclosed_stray_and_broken_brackets_yield_no_title() {
    let extractor = Extractor::new();
    let cases = [
        "《".repeat(10_000),
        "》".repeat(10_000),
        "《》".repeat(1000),
        "《\n》".repeat(1000),
        "《\r》".repeat(1000),
        format!("《{}》", "政".repeat(201)),
        format!("《{}", "关于印发实施方案的通知".repeat(50)),
        format!("{}》", "关于印发实施方案的通知".repeat(50)),
        "《 》《\u{3000}》《……》".to_owned(),
    ];
    for text in &cases {
        let titles = extractor.titles(text);
        assert!(
            titles.is_empty(),
            "{:?}…: {:?}",
            text.chars().take(20).collect::<String>(),
            titles.first()
        );
    }
}

#[test]
fn a_title_survives_the_noise_around_it() {
    let extractor = Extractor::new();
    let title = "《广州市低空经济发展规划》";
    let noise = [
        "《".repeat(5000),
        "》".repeat(5000),
        format!("《{}\n", "一".repeat(300)),
    ];
    for before in &noise {
        for after in &noise {
            let text = format!("{before}{title}{after}");
            let titles = extractor.titles(&text);
            assert_well_formed(&text, &titles);
            assert!(
                titles.iter().any(|t| t.text == title),
                "lost between {} and {} characters of noise",
                before.chars().count(),
                after.chars().count()
            );
        }
    }
}

/// The fastest of three runs of `titles` over `text`.
fn time_titles(extractor: &Extractor, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let titles = extractor.titles(text);
            let elapsed = started.elapsed();
            assert_well_formed(text, &titles);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn time_grows_linearly_on_hostile_input() {
    let extractor = Extractor::new();
    let units: [(&str, String); 6] = [
        ("open brackets", "《".to_owned()),
        ("close brackets", "》".to_owned()),
        ("open and text", "《关于印发".to_owned()),
        ("nested opens", "《国务院关于《".to_owned()),
        (
            "short titles",
            "《广州市人民政府办公厅关于印发实施方案的通知》".to_owned(),
        ),
        ("broken lines", "《上海市\n".to_owned()),
    ];
    for (name, unit) in &units {
        // About 256 KB and 1 MB of the same pattern.
        let small = unit.repeat((1 << 18) / unit.len());
        let large = unit.repeat((1 << 20) / unit.len());
        let small_time = time_titles(&extractor, &small);
        let large_time = time_titles(&extractor, &large);
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-4);
        assert!(
            ratio < 10.0,
            "{name}: 4x the input took {ratio:.1}x the time ({small_time:?} → {large_time:?})"
        );
    }
}

#[test]
fn one_megabyte_of_open_brackets_is_quick() {
    let text = "《".repeat((1 << 20) / '《'.len_utf8());
    let started = Instant::now();
    assert!(Extractor::new().titles(&text).is_empty());
    assert!(started.elapsed() < Duration::from_secs(5));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_yields_well_formed_titles(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "《", "》", "〈", "〉", "\n", " ", "省", "广州市", "國務院", "辦公廳", "关于",
                "(2023—2026年)", "（试行）", "方案", "意见", "60条", "日报", "等5个配套政策",
                "萬(wàn)", "(", ")", "“", "”", "2024年", "十四五", "、", "a",
            ]),
            0..60,
        )
    ) {
        let text: String = pieces.concat();
        let titles = Extractor::new().titles(&text);
        assert_well_formed(&text, &titles);
        for title in &titles {
            if let (Some(first), Some(last)) = (title.start_year, title.end_year) {
                prop_assert!(first <= last);
            }
            prop_assert!(title.doc_type.is_none() || title.is_policy);
            if title.is_policy && title.doc_type.is_none() {
                prop_assert!(title.title.contains(['条', '條']), "{:?}", title.title);
            }
        }
    }
}
