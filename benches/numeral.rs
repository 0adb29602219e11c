//! Criterion benchmark of the numeral engine: time per `parse_numeral` call on typical
//! inputs, and `scan_numerals` throughput in bytes per second on each corpus text beside the
//! repository (skipped when absent) and on an embedded sample dense with numerals.
#![allow(missing_docs)]

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use xinzhi_extract::{parse_numeral, scan_numerals, TextView};

/// What `parse_numeral` is typically given: the numerals of policy and economic news.
const TYPICAL: &[&str] = &[
    "一百二十三",
    "三千五百万",
    "8990萬",
    "4.2億",
    "5萬億",
    "二〇二三",
    "百分之五",
    "65%",
    "三分之一",
    "第十四",
    "1,000",
    "壹佰贰拾叁",
    "一万二",
    "负零点五",
    "四十九兆九千五百九十二億",
    "200亿零四千230",
];

/// A paragraph in the genre: money, counts, percentages, ratios, ordinals, years written
/// digit by digit, traditional script with pinyin annotations and full-width digits.
const SAMPLE: &str = "\
2023年全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，新增规上工业企业77家，\
完成固定资产投资8990萬元，其中三分之一用于民生。第十四个五年规划实施以来，累计建成5G基站\
1.2万个，带动就业一百二十万三千人，单项补贴3-5万元。二〇二三年社会消费品零售总额突破十万亿元，\
同比增长百分之三点五，居民人均可支配收入达４２,３２０元。\n\
全年共處理18 900宗投訴，超9.3萬(wàn)個(gè)市場主體受益，總額達5萬(wàn)億元，\
為四十九兆九千五百九十二億元，較上年下降千分之三。\n";

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_numeral");
    group.throughput(Throughput::Elements(TYPICAL.len() as u64));
    group.bench_function("typical_table", |b| {
        b.iter(|| {
            for input in TYPICAL {
                black_box(parse_numeral(black_box(input)).ok());
            }
        });
    });
    group.throughput(Throughput::Elements(1));
    for input in ["一百二十三", "4.2億", "四十九兆九千五百九十二億"] {
        group.bench_function(input, |b| b.iter(|| parse_numeral(black_box(input)).ok()));
    }
    group.finish();
}

fn scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan_numerals");
    let mut inputs = common::corpus();
    inputs.push(("embedded_sample_x64".to_owned(), SAMPLE.repeat(64)));
    for (name, text) in &inputs {
        let view = TextView::new(text);
        eprintln!(
            "{name}: {} bytes, {} numerals",
            text.len(),
            scan_numerals(&view).count()
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| scan_numerals(black_box(&view)).count());
        });
    }
    // The view is built once per text by the extractor; this is the scan with it.
    let (name, text) = inputs.last().expect("the embedded sample");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("{name}_with_view"), |b| {
        b.iter(|| scan_numerals(&TextView::new(black_box(text))).count());
    });
    group.finish();
}

fn config() -> Criterion {
    // Two shared cores: short, steady runs.
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, scan
}
criterion_main!(benches);
