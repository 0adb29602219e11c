//! Every numeral accounted for (SPEC §5):
//!
//! - `tests/data/skipped.jsonl`: every skipped span of a sentence, with its reason;
//! - the invariant, as a property: every maximal run of the numeral alphabet lies inside a
//!   record or a skipped span, and skipped spans lie outside every record;
//! - the same over every document of `corpus/wild/` in the shared folder (skipped when it is
//!   absent), with the count of runs in records and skipped by reason;
//! - `skipped` costs no more than `extract`.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use proptest::prelude::*;
use serde_json::Value;
use xinzhi_extract::{in_numeral_alphabet, Extractor, Record, SkipReason, Skipped, SKIP_REASONS};

/// The maximal runs of the numeral alphabet in `text`, as byte ranges.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if !in_numeral_alphabet(c) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.1 == i => last.1 = i + c.len_utf8(),
            _ => out.push((i, i + c.len_utf8())),
        }
    }
    out
}

/// How the runs of `text` are accounted for: `(in a record, skipped only, unexplained)`
/// with the unexplained runs, after checking that skipped spans are well formed and lie
/// outside every record.
struct Account {
    in_record: usize,
    skipped_only: usize,
    unexplained: Vec<String>,
}

fn account(extractor: &Extractor, text: &str) -> Account {
    let records: Vec<Record> = extractor
        .extract(text)
        .into_iter()
        .filter(|r| !matches!(r, Record::Title(_)))
        .collect();
    let skipped = extractor.skipped(text);
    for s in &skipped {
        assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
        assert_eq!(&text[s.start..s.end], s.text.as_str());
        assert!(
            s.text.chars().all(in_numeral_alphabet),
            "a skipped span holds only numeral characters: {s:?}"
        );
        assert!(
            records
                .iter()
                .all(|r| r.end() <= s.start || s.end <= r.start()),
            "{s:?} overlaps a record in {text:?}"
        );
    }
    assert!(
        skipped.windows(2).all(|w| w[0].end <= w[1].start),
        "sorted, apart"
    );
    let mut covered: Vec<(usize, usize, bool)> = records
        .iter()
        .map(|r| (r.start(), r.end(), true))
        .chain(skipped.iter().map(|s| (s.start, s.end, false)))
        .collect();
    covered.sort_unstable();
    let mut out = Account {
        in_record: 0,
        skipped_only: 0,
        unexplained: Vec::new(),
    };
    for (start, end) in runs(text) {
        let mut at = start;
        let mut any_record = false;
        for &(s, e, record) in covered.iter().filter(|c| c.1 > start && c.0 < end) {
            if s > at {
                break;
            }
            at = at.max(e);
            any_record |= record;
        }
        if at < end {
            out.unexplained.push(text[start..end].to_owned());
        } else if any_record {
            out.in_record += 1;
        } else {
            out.skipped_only += 1;
        }
    }
    out
}

#[test]
fn skip_reasons_are_a_closed_documented_vocabulary() {
    assert_eq!(SKIP_REASONS.len(), SkipReason::ALL.len());
    for (name, reason) in SKIP_REASONS.iter().zip(SkipReason::ALL) {
        assert_eq!(*name, reason.as_str());
        let json = serde_json::to_value(reason).expect("serialises");
        assert_eq!(json, Value::String((*name).to_owned()));
    }
}

#[test]
fn skipped_table() {
    let table = common::data_table("skipped.jsonl");
    assert!(
        table.len() >= 60,
        "skipped.jsonl shrank to {} cases",
        table.len()
    );
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &table {
        let id = case["id"].as_str().expect("an id");
        let text = case["text"].as_str().expect("a text");
        let extractor = common::builder_for(case.get("options"))
            .build()
            .expect("valid options");
        let expected: Vec<(String, String)> = case["skipped"]
            .as_array()
            .expect("a list of skipped spans")
            .iter()
            .map(|s| {
                let reason = s["reason"].as_str().expect("a reason");
                assert!(
                    SKIP_REASONS.contains(&reason),
                    "{id}: unknown reason {reason}"
                );
                (
                    s["text"].as_str().expect("a text").to_owned(),
                    reason.to_owned(),
                )
            })
            .collect();
        for (_, reason) in &expected {
            *seen
                .entry(SKIP_REASONS.iter().find(|r| *r == reason).unwrap())
                .or_default() += 1;
        }
        let found: Vec<(String, String)> = extractor
            .skipped(text)
            .iter()
            .map(|s: &Skipped| (s.text.to_string(), s.reason.as_str().to_owned()))
            .collect();
        if found != expected {
            failures.push(format!(
                "{id}: {text}\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
        let account = account(&extractor, text);
        if !account.unexplained.is_empty() {
            failures.push(format!("{id}: unexplained {:?}", account.unexplained));
        }
    }
    for reason in SKIP_REASONS {
        assert!(seen.contains_key(reason), "no case of the reason {reason}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_numeral_run_is_accounted_for(
        text in "[0-9０-９〇○零一二三四五六七八九十百千万萬亿億两兩廿卅壹贰貳叁參肆伍陆陸柒捌玖拾佰仟几幾年月日元个家项%.,，、：:（）()“”「」《》 \n?a-zG@<>/\\[\\]第大新统批进步三亚市超约多近余号线]{0,40}"
    ) {
        let account = account(Extractor::shared(), &text);
        prop_assert!(account.unexplained.is_empty(), "{:?}: {:?}", text, account.unexplained);
    }
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn every_numeral_of_the_wild_corpus_is_accounted_for() {
    let Some(shared) =
        common::shared_dir_or_skip("every_numeral_of_the_wild_corpus_is_accounted_for")
    else {
        return;
    };
    for (file, options) in [
        ("gov_reports_2026.jsonl", None),
        ("tw_budget_2025.jsonl", Some(r#"{"locale": "zh-TW"}"#)),
    ] {
        let path = shared.join("corpus/wild").join(file);
        let options: Option<Value> = options.map(|o| serde_json::from_str(o).expect("JSON"));
        let extractor = common::builder_for(options.as_ref())
            .build()
            .expect("options");
        let (mut runs_total, mut in_record, mut skipped_only) = (0, 0, 0);
        let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
        let mut unexplained = Vec::new();
        for doc in common::read_jsonl(&path) {
            let text = doc["text"].as_str().expect("a text");
            let account = account(&extractor, text);
            runs_total += account.in_record + account.skipped_only + account.unexplained.len();
            in_record += account.in_record;
            skipped_only += account.skipped_only;
            unexplained.extend(account.unexplained);
            for s in extractor.skipped(text) {
                *by_reason.entry(s.reason.as_str()).or_default() += 1;
            }
        }
        eprintln!(
            "{file}: {runs_total} numeral runs, {in_record} in records, {skipped_only} skipped \
             only, {} unexplained; skipped spans by reason {by_reason:?}",
            unexplained.len()
        );
        assert!(
            unexplained.is_empty(),
            "{file}: unexplained runs {unexplained:?}"
        );
    }
}

#[test]
fn skipped_costs_no_more_than_extract() {
    let text = common::repeated(
        "全省地区生产总值5.1万亿元、增长5.5%，进一步推动“十四五”规划落实，统一大市场建设取得新进展；\
         （一）新增城镇就业62万人，迈上4万亿、5万亿两个台阶，干部队伍建设扎实推进。\n",
        200_000,
    );
    let extractor = Extractor::shared();
    // The same pass serves both; the bound leaves room for a noisy shared machine.
    common::assert_in_some_attempt(
        "skipped against extract",
        "skipped cost more than 1.5× extract + 20ms",
        || {
            let skipped = common::least_time(5, || extractor.skipped(&text));
            let extract = common::least_time(5, || extractor.extract(&text));
            (skipped, extract)
        },
        |skipped, extract| skipped <= extract.mul_f64(1.5) + Duration::from_millis(20),
    );
}
