//! Dates and periods, checked against the table in `tests/data/dates.jsonl`.
//!
//! Each line holds a sentence in the genre (policy and economic news, simplified and
//! traditional, with scraping noise), the date records it must yield and, optionally, the
//! options to extract with. Offsets are checked by finding each expected `text` in the input,
//! in order, after the previous one. Every mismatch in the table is reported at once.
//! (The cost of the date scan on a megabyte of debris is measured beside the scanner, in
//! `src/date.rs`, where it runs without the other extractors.)

mod common;

use xinzhi_extract::{Extractor, Kind};

/// The table must not shrink unnoticed: a suite that reads nothing passes nothing.
const MIN_CASES: usize = 80;

#[test]
fn date_table() {
    common::assert_sentence_table("dates.jsonl", MIN_CASES, &[Kind::Date], |text, options| {
        let records = common::builder_for(options)
            .kinds([Kind::Date])
            .build()
            .expect("valid options")
            .extract(text);
        assert!(
            records.iter().all(|r| r.kind() == Kind::Date),
            "{text}: a kind other than date came back"
        );
        records
    });
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
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn corpus_dates_are_found() {
    let Some(dir) = common::shared_dir_or_skip("corpus_dates_are_found") else {
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
