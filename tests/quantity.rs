//! Quantities and numbers in running text, checked against tables of real cases.
//!
//! - `tests/data/quantities.jsonl`: sentences in the genre with every quantity, date and
//!   number record they hold; the whole extractor output (titles aside) must equal the table.
//! - `tests/data/corpus/*.jsonl`: the expected records of each shared corpus text, with byte
//!   offsets; every corpus text needs its table. Skipped when the shared corpus is absent.
//! - Linear time on hostile input: the time for a tenfold input stays within a generous
//!   multiple of ten times the time for the smaller one.
//!
//! Every mismatch of a table is reported at once, one line each, before the test fails.

mod common;

use std::fmt::Write as _;

use common::{Expected, Listing};
use serde_json::Value;
use xinzhi_extract::{Extractor, Kind};

/// The kinds the quantity tables list: titles are left to their own table.
const LISTED: [Kind; 3] = [Kind::Quantity, Kind::Date, Kind::Number];

#[test]
fn sentences_match_the_quantity_table() {
    common::assert_sentence_table("quantities.jsonl", 300, &LISTED, |text, options| {
        common::builder_for(options)
            .build()
            .expect("the table's options are valid")
            .extract(text)
    });
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
            vec![
                json!({"kind": "date", "text": "上半年", "month": 1, "end_month": 6, "year": null}),
                json!({"kind": "quantity", "text": "5%", "value": 5.0, "trend": "up"}),
            ],
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
            vec![json!({"kind": "number", "text": "五", "value": 5.0, "ordinal": false})],
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
            vec![q("2000元/吨", 2000.0, "元/吨", "price", "exact")],
        ),
        (
            "设计时速350公里每小时。",
            vec![q("350公里每小时", 350.0, "公里/小时", "other", "exact")],
        ),
        (
            // 千 alone is the size of the rate's denominator, like the 100 of 每100户.
            "每千人口拥有执业医师3.2人。",
            vec![
                json!({"kind": "number", "text": "千", "value": 1000.0, "ordinal": false}),
                q("3.2人", 3.2, "人", "count", "exact"),
            ],
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
        let expected = common::locate(text, expected);
        let records = extractor.extract(text);
        if common::compare(
            text,
            &records,
            &LISTED,
            &expected,
            Listing::SomeFields,
            &mut report,
        ) > 0
        {
            failed += 1;
        }
    }
    assert!(failed == 0, "{failed} extra cases differ:\n{report}");
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn corpus_texts_keep_the_invariants_and_match_their_tables() {
    let Some(shared) =
        common::shared_dir_or_skip("corpus_texts_keep_the_invariants_and_match_their_tables")
    else {
        return;
    };
    let mut report = String::new();
    let mut mismatches = 0;
    for (stem, text) in common::corpus_texts(&shared) {
        let records = Extractor::shared().extract(&text);
        common::check_invariants(&text, &records);
        let table = common::data_path(&format!("corpus/{stem}.jsonl"));
        if !table.is_file() {
            // A text without its table would pass on the invariants alone.
            mismatches += 1;
            let _ = writeln!(report, "{stem}: no table {}", table.display());
            continue;
        }
        let expected: Vec<Expected> =
            common::at_written_offsets(&stem, &text, common::read_jsonl(&table));
        mismatches += common::compare(
            &stem,
            &records,
            &LISTED,
            &expected,
            Listing::EveryField,
            &mut report,
        );
    }
    assert!(
        mismatches == 0,
        "{mismatches} corpus records differ:\n{report}"
    );
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

/// Extraction time grows linearly with the input (see `common::assert_linear_extraction`)
/// on each `(name, unit)` case: `unit` repeated to `small_bytes` against ten times that in an
/// optimised build, a tenth of both unoptimised.
fn assert_linear(cases: &[(&str, &str)], small_bytes: usize) {
    let small_bytes = if cfg!(debug_assertions) {
        small_bytes / 10
    } else {
        small_bytes
    };
    for (name, unit) in cases {
        let small = common::repeated(unit, small_bytes);
        let large = common::repeated(unit, small_bytes * 10);
        common::assert_linear_extraction(name, &small, &large);
    }
}

#[test]
fn hostile_inputs_take_linear_time() {
    // 100 KB against 1 MB in an optimised build.
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
    assert_linear(&cases, 100_000);
}

/// Spaces are stepped over inside one number and between a number and its magnitude or unit
/// (SPEC §5), so a line of nothing but digits and spaces must not make that stepping
/// quadratic: a 10 MB line against a 1 MB one in an optimised build, a tenth of that
/// unoptimised (the Python suite runs the 10 MB line through the optimised extension).
#[test]
fn a_10_mb_line_of_spaces_and_digits_stays_linear() {
    let cases = [
        ("spaced digits", "1 "),
        ("spaced groups and magnitudes", "12 345 6 萬 7 千 "),
        ("long runs of spaces", "1          2 "),
    ];
    assert_linear(&cases, 1_000_000);
}
