//! Titles in 《》: the table of cases in `tests/data/titles.jsonl`, the titles of every corpus
//! text field by field, and hostile input (unclosed brackets, line breaks, a megabyte of `《`).

mod common;

use std::time::{Duration, Instant};

use common::Listing;
use proptest::prelude::*;
use xinzhi_extract::{Extractor, Kind, Record, Title};

#[test]
fn table_of_cases() {
    let expected_titles =
        common::assert_sentence_table("titles.jsonl", 120, &[Kind::Title], |text, options| {
            common::builder_for(options)
                .build()
                .expect("valid options")
                .titles(text)
                .into_iter()
                .map(Record::Title)
                .collect()
        });
    assert!(expected_titles >= 120, "only {expected_titles} titles");
}

#[test]
fn titles_come_out_of_extract_unchanged() {
    let extractor = Extractor::new();
    for case in common::data_table("titles.jsonl") {
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
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn corpus_titles_field_by_field() {
    let Some(shared) = common::shared_dir_or_skip("corpus_titles_field_by_field") else {
        return;
    };
    let extractor = Extractor::new();
    let mut report = String::new();
    let mut mismatches = 0;
    for (stem, text) in common::corpus_texts(&shared) {
        let table = common::data_path(&format!("corpus/{stem}.titles.jsonl"));
        let expected = common::at_written_offsets(&stem, &text, common::read_jsonl(&table));
        let found: Vec<Record> = extractor
            .titles(&text)
            .into_iter()
            .map(Record::Title)
            .collect();
        eprintln!("{stem}: {} titles", found.len());
        mismatches += common::compare(
            &stem,
            &found,
            &[Kind::Title],
            &expected,
            Listing::EveryField,
            &mut report,
        );
    }
    assert!(
        mismatches == 0,
        "{mismatches} corpus titles differ:\n{report}"
    );
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
        // About 100 KB and 1 MB of the same pattern.
        let small = common::repeated(unit, 100_000);
        let large = common::repeated(unit, 1_000_000);
        for text in [&small, &large] {
            assert_well_formed(text, &extractor.titles(text));
        }
        common::assert_linear_time(name, small.as_str(), large.as_str(), |text| {
            extractor.titles(text)
        });
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
