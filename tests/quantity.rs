//! Quantities and numbers in running text, checked against tables of real cases.
//!
//! - `tests/data/quantities.jsonl`: sentences in the genre with every quantity, date and
//!   number record they hold; the whole extractor output (titles aside) must equal the table.
//! - `tests/data/corpus/*.jsonl`: the expected records of each shared corpus text, with byte
//!   offsets; skipped when the shared corpus is absent.
//! - Linear time on hostile input: the time for a tenfold input stays within a generous
//!   multiple of ten times the time for the smaller one.
//!
//! Every mismatch of a table is reported at once, one line each, before the test fails.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use xinzhi_extract::{Extractor, Kind, Record};

/// Relative tolerance for values written as decimal floats in the tables (`1/3`).
const TOLERANCE: f64 = 1e-9;

fn extractor_for(options: Option<&Value>) -> Extractor {
    let mut builder = Extractor::builder();
    if let Some(options) = options {
        if let Some(code) = options.get("yuan_currency").and_then(Value::as_str) {
            builder = builder.yuan_currency(code);
        }
        if let Some(year) = options.get("reference_year").and_then(Value::as_i64) {
            builder = builder.reference_year(i32::try_from(year).expect("a year"));
        }
    }
    builder.build().expect("the table's options are valid")
}

/// A record as the tables write it: every field but the offsets, as JSON.
fn record_json(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).expect("records serialise");
    let object = value.as_object_mut().expect("a record is an object");
    object.remove("start");
    object.remove("end");
    value
}

fn same_value(expected: &Value, actual: &Value) -> bool {
    match (expected.as_f64(), actual.as_f64()) {
        (Some(e), Some(a)) => (e - a).abs() <= TOLERANCE * e.abs().max(a.abs()).max(1.0),
        _ => expected == actual,
    }
}

/// The fields of `actual` that differ from `expected`, as `field: expected → actual`.
fn field_differences(expected: &Value, actual: &Value) -> Vec<String> {
    let mut differences = Vec::new();
    let Some(fields) = expected.as_object() else {
        return vec![format!("not an object: {expected}")];
    };
    for (field, want) in fields {
        if matches!(field.as_str(), "start" | "end") {
            continue;
        }
        let got = actual.get(field).unwrap_or(&Value::Null);
        if !same_value(want, got) {
            differences.push(format!("{field}: {want} → {got}"));
        }
    }
    differences
}

/// Byte offsets of each expected record, found by its text searching on from the end of the
/// previous one (the tables do not write offsets for sentences).
fn locate(text: &str, expected: &[Value]) -> Vec<Option<(usize, usize)>> {
    let mut from = 0;
    expected
        .iter()
        .map(|record| {
            let needle = record.get("text").and_then(Value::as_str)?;
            let start = from + text.get(from..)?.find(needle)?;
            from = start + needle.len();
            Some((start, from))
        })
        .collect()
}

/// Compares what the extractor found with the expected records (with byte offsets), and
/// writes one line per difference into `report`. Returns the number of differences.
fn compare(
    label: &str,
    records: &[Record],
    expected: &[(Option<(usize, usize)>, Value)],
    report: &mut String,
) -> usize {
    let actual: Vec<&Record> = records.iter().filter(|r| r.kind() != Kind::Title).collect();
    let mut used = vec![false; actual.len()];
    let mut mismatches = 0;
    for (span, want) in expected {
        let kind = want.get("kind").and_then(Value::as_str).unwrap_or("?");
        let text = want.get("text").and_then(Value::as_str).unwrap_or("?");
        let Some((start, end)) = *span else {
            mismatches += 1;
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
            let differences = field_differences(want, &record_json(actual[index]));
            if !differences.is_empty() {
                mismatches += 1;
                let _ = writeln!(
                    report,
                    "{label}: {kind} {text:?}: {}",
                    differences.join(", ")
                );
            }
        } else {
            mismatches += 1;
            let overlapping: Vec<String> = actual
                .iter()
                .filter(|r| r.start() < end && start < r.end())
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
        if !used {
            let overlaps_expected = expected
                .iter()
                .filter_map(|(span, _)| *span)
                .any(|(start, end)| record.start() < end && start < record.end());
            if !overlaps_expected {
                mismatches += 1;
                let _ = writeln!(
                    report,
                    "{label}: unexpected {} {:?} {}",
                    record.kind(),
                    record.text(),
                    record_json(record)
                );
            }
        }
    }
    mismatches
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

#[test]
fn sentences_match_the_quantity_table() {
    let cases = read_jsonl(&common::data_path("quantities.jsonl"));
    assert!(cases.len() >= 300, "the table holds {} cases", cases.len());
    let mut report = String::new();
    let mut failed_cases = 0;
    for case in &cases {
        let id = case["id"].as_str().expect("every case has an id");
        let text = case["text"].as_str().expect("every case has a text");
        let expected: Vec<Value> = case["expected"]
            .as_array()
            .expect("expected is a list")
            .clone();
        let spans = locate(text, &expected);
        let expected: Vec<(Option<(usize, usize)>, Value)> =
            spans.into_iter().zip(expected).collect();
        let records = extractor_for(case.get("options")).extract(text);
        let label = format!("{id} {text}");
        if compare(&label, &records, &expected, &mut report) > 0 {
            failed_cases += 1;
        }
    }
    assert!(
        failed_cases == 0,
        "{failed_cases} of {} cases differ from the table:\n{report}",
        cases.len()
    );
}

/// Cases beyond the shared table: forms found through the peers' suites and the noise of
/// scraped pages. Each lists every record of its sentence (titles aside); a record lists only
/// the fields that matter to the case.
fn extra_cases() -> Vec<(&'static str, Vec<Value>)> {
    use serde_json::json;
    let q = |text: &str, value: f64, unit: &str, dimension: &str, approx: &str| {
        json!({"kind": "quantity", "text": text, "value": value, "unit": unit,
               "dimension": dimension, "approx": approx})
    };
    vec![
        (
            "华北平原最高气温摄氏37度。",
            vec![q("摄氏37度", 37.0, "℃", "temperature", "exact")],
        ),
        (
            "体温计显示华氏温度98.6度。",
            vec![q("华氏温度98.6度", 98.6, "℉", "temperature", "exact")],
        ),
        (
            "十个月大的婴儿可以接种。",
            vec![q("十个月大", 10.0, "个月", "age", "exact")],
        ),
        (
            "用半年时间完成整改。",
            vec![q("半年", 0.5, "年", "duration", "exact")],
        ),
        (
            "上半年全省经济增长5%。",
            vec![json!({"kind": "quantity", "text": "5%", "value": 5.0, "trend": "up"})],
        ),
        (
            "全程约一个半小时。",
            vec![q("约一个半小时", 1.5, "小时", "duration", "about")],
        ),
        (
            "每份盒饭售价十块五毛。",
            vec![q("十块五毛", 10.5, "元", "money", "exact")],
        ),
        (
            "人均消费123元1角1分。",
            vec![q("123元1角1分", 123.11, "元", "money", "exact")],
        ),
        (
            "全市有20个比特币钱包被冻结。",
            vec![q("20个比特币", 20.0, "比特币", "money", "exact")],
        ),
        (
            "家庭宽带下载速度达到50兆字节。",
            vec![q("50兆字节", 50.0, "兆字节", "other", "exact")],
        ),
        (
            "累计建成基站超9.3萬(wàn)個(gè)。",
            vec![q("超9.3萬(wàn)個", 93_000.0, "个", "count", "over")],
        ),
        (
            "获资助经费８９９０萬元。",
            vec![q("８９９０萬元", 89_900_000.0, "元", "money", "exact")],
        ),
        (
            "预计年均新增经济收益億元。",
            vec![
                json!({"kind": "quantity", "text": "億元", "value": null, "low": null,
                        "high": null, "unit": "元", "trend": "up"}),
            ],
        ),
        (
            "梳理崂?00家行业领军企业清单。",
            vec![json!({"kind": "quantity", "text": "?00家", "value": null, "unit": "家"})],
        ),
        ("天津正加快构建“1+3+4”现代化产业体系。", vec![]),
        (
            "部署开展“五个专项治理”。",
            vec![q("五个", 5.0, "个", "count", "exact")],
        ),
        ("一是完善机制，二是加强监管，其一在于落实。", vec![]),
        ("全力打造一支具有全球竞争力的队伍，进一步扩大开放。", vec![]),
        ("守护万家灯火，千方百计稳就业，不遗余力抓落实。", vec![]),
        (
            "将近三年没有开工。",
            vec![q("将近三年", 3.0, "年", "duration", "nearly")],
        ),
        (
            "近三年投诉下降。",
            vec![q("三年", 3.0, "年", "duration", "exact")],
        ),
        (
            "大会于5日召开。",
            vec![json!({"kind": "date", "text": "5日", "day": 5})],
        ),
        (
            "每户发放大米3斤半。",
            vec![q("3斤半", 3.5, "斤", "mass", "exact")],
        ),
        (
            "发展第三代半导体。",
            vec![json!({"kind": "number", "text": "第三", "value": 3.0, "ordinal": true})],
        ),
        ("光纤网络达到千兆级。", vec![]),
        ("搭载5G、4G和G20峰会的3D技术。", vec![]),
        ("下载附件11.jpg查看。", vec![]),
        (
            "PM2.5平均浓度下降到32微克/立方米。",
            vec![q("32微克/立方米", 32.0, "微克/立方米", "other", "exact")],
        ),
        (
            "收购价为每吨2000元/吨。",
            vec![q("2000元/吨", 2000.0, "元/吨", "money", "exact")],
        ),
        (
            "设计时速350公里每小时。",
            vec![q("350公里每小时", 350.0, "公里/小时", "other", "exact")],
        ),
        (
            "每千人口拥有执业医师3.2人。",
            vec![q("3.2人", 3.2, "人", "count", "exact")],
        ),
        ("“十四五”时期和十四五规划。", vec![]),
    ]
}

#[test]
fn extra_cases_match() {
    let mut report = String::new();
    let mut failed = 0;
    let extractor = Extractor::new();
    for (text, expected) in extra_cases() {
        let spans = locate(text, &expected);
        let expected: Vec<(Option<(usize, usize)>, Value)> =
            spans.into_iter().zip(expected).collect();
        if compare(text, &extractor.extract(text), &expected, &mut report) > 0 {
            failed += 1;
        }
    }
    assert!(failed == 0, "{failed} extra cases differ:\n{report}");
}

#[test]
fn corpus_texts_keep_the_invariants_and_match_their_tables() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("shared corpus absent: skipped");
        return;
    };
    let mut texts: Vec<_> = fs::read_dir(shared.join("corpus"))
        .expect("the corpus folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(!texts.is_empty(), "no corpus text found");
    let mut report = String::new();
    let mut mismatches = 0;
    for path in &texts {
        let text = fs::read_to_string(path).expect("corpus texts are UTF-8");
        let records = Extractor::shared().extract(&text);
        check_invariants(&text, &records);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let table = common::data_path(&format!("corpus/{stem}.jsonl"));
        if !table.is_file() {
            eprintln!("{stem}: no expected records yet, invariants only");
            continue;
        }
        let expected: Vec<(Option<(usize, usize)>, Value)> = read_jsonl(&table)
            .into_iter()
            .map(|record| {
                let span = record["start"].as_u64().zip(record["end"].as_u64());
                let span = span.map(|(s, e)| (s as usize, e as usize));
                (span, record)
            })
            .collect();
        for (span, record) in &expected {
            if let Some((start, end)) = span {
                assert_eq!(
                    text.get(*start..*end),
                    record["text"].as_str(),
                    "{stem}: the table's offsets do not match its text"
                );
            }
        }
        mismatches += compare(stem, &records, &expected, &mut report);
    }
    assert!(
        mismatches == 0,
        "{mismatches} corpus records differ:\n{report}"
    );
}

/// Sorted, spans equal to their text, no overlap outside titles, finite values, low ≤ high.
fn check_invariants(text: &str, records: &[Record]) {
    let mut previous_start = 0;
    let mut covered_until = 0;
    for record in records {
        let (start, end) = (record.start(), record.end());
        assert!(start < end && end <= text.len(), "bad span {record:?}");
        assert_eq!(
            &text[start..end],
            record.text(),
            "text differs from its span"
        );
        assert!(
            start >= previous_start,
            "records out of order at {record:?}"
        );
        previous_start = start;
        if record.kind() != Kind::Title {
            assert!(start >= covered_until, "overlap at {record:?}");
            covered_until = end;
        }
        if let Record::Quantity(q) = record {
            for value in [q.value, q.low, q.high].into_iter().flatten() {
                assert!(value.is_finite(), "non-finite value in {record:?}");
            }
            if let (Some(low), Some(high)) = (q.low, q.high) {
                assert!(low <= high, "low above high in {record:?}");
            }
        }
        if let Record::Number(n) = record {
            assert!(n.value.is_finite(), "non-finite value in {record:?}");
        }
    }
}

#[test]
fn table_cases_carry_their_currency_option() {
    // The same sentence under each option: only a plain 元 changes currency.
    let text = "每名長者可獲發3,000元，另加50港元。";
    for code in ["CNY", "HKD", "TWD", "MOP"] {
        let quantities = Extractor::builder()
            .yuan_currency(code)
            .build()
            .unwrap()
            .quantities(text);
        let currencies: Vec<Option<&str>> =
            quantities.iter().map(|q| q.currency.as_deref()).collect();
        assert_eq!(currencies, [Some(code), Some("HKD")], "{code}");
    }
}

/// Time to extract from `text`, best of three runs.
fn time_extract(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let records = Extractor::shared().extract(text);
            let elapsed = started.elapsed();
            check_invariants(text, &records);
            elapsed
        })
        .min()
        .expect("three runs")
}

/// Extraction time grows linearly: a tenfold input takes at most a generous multiple of ten
/// times as long (a ratio, so a slow or busy machine cannot fail it).
fn assert_linear(name: &str, unit: &str, small_bytes: usize) {
    let repeat = |bytes: usize| unit.repeat(bytes / unit.len() + 1);
    let small = repeat(small_bytes);
    let large = repeat(small_bytes * 10);
    let small_time = time_extract(&small).max(Duration::from_micros(200));
    let large_time = time_extract(&large);
    let ratio = large_time.as_secs_f64() / small_time.as_secs_f64();
    assert!(
        ratio < 40.0,
        "{name}: {} bytes took {small_time:?}, {} bytes took {large_time:?} (×{ratio:.1})",
        small.len(),
        large.len()
    );
}

#[test]
fn hostile_inputs_take_linear_time() {
    // 100 KB against 1 MB in an optimised build; a tenth of that unoptimised.
    let small = if cfg!(debug_assertions) {
        10_000
    } else {
        100_000
    };
    let cases = [
        ("digits", "1234567890"),
        ("magnitudes", "万"),
        ("approximation words", "约"),
        ("bracketed letters", "(a)"),
        ("annotated magnitudes", "萬(wàn)"),
        ("ranges", "3-5-"),
        ("vague words", "几十几数百上"),
        ("quotes", "“1"),
        ("grouped digits", "1,000 "),
        (
            "one long line",
            "全省新增企业77家，投资8990萬(wàn)元，增长百分之五，约3-5万元",
        ),
    ];
    for (name, unit) in cases {
        assert_linear(name, unit, small);
    }
}
