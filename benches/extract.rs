//! Criterion benchmark: throughput of the whole pipeline (`Extractor::extract`, every kind),
//! in decimal megabytes per second, on each corpus text beside the repository (skipped when
//! absent), on their concatenation repeated to 1 MB, and on an embedded sample of provincial
//! news dense with quantities, dates and titles.
#![allow(missing_docs)]

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use xinzhi_extract::Extractor;

/// A passage in the genre: money with magnitudes, counts with classifiers, percentages and
/// points, ranges and vague numbers, durations, dates, titles, and traditional script with
/// pinyin annotations and full-width digits.
const SAMPLE: &str = "\
2023年，全省地区生产总值达到13697.5亿元，较上年增加4374.4亿元，增长33.6%；规模以上工业企业\
从1832户增加到3382户，新增百亿县区26个。全年新建高标准农田450万亩，城镇新增就业12.5万人，\
居民消费价格上涨2.1%，城镇化率提高1.2个百分点。省财政每年安排不少于20亿元专项资金，对认定的\
孵化器一次性奖励3～5万元，带动数百家企业、上千名科技人员参与，用三到五年时间打造千亿级产业集群。\
印发《关于进一步推动经济运行回升向好的若干政策措施》，提出4个方面21条措施。\n\
江蘇持續(xù)推進(jìn)“智改數(shù)轉(zhuǎn)網(wǎng)聯(lián)”，近兩年累計(jì)實(shí)施改造項(xiàng)目約5萬(wàn)個(gè)，\
免費(fèi)診斷覆蓋率近65%，超過78萬住戶、約200萬居民受惠；房屋署收到的投訴由約18 900宗下降至\
約1 300宗，下降幅度高達(dá)93%。全市有效期內(nèi)高企突破1萬家，技術(shù)合同成交額突破1000億元、\
增長(zhǎng)１６％。\n";

/// `text` repeated, joined by line breaks, to at least `bytes` bytes.
fn repeated_to(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len() + 1);
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    const MEGABYTE: usize = 1 << 20;
    let extractor = Extractor::new();
    let mut inputs = common::corpus();
    let joined: String = inputs
        .iter()
        .map(|(_, text)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if !joined.is_empty() {
        inputs.push(("corpus_1mb".to_owned(), repeated_to(&joined, MEGABYTE)));
    }
    inputs.push(("embedded_sample".to_owned(), SAMPLE.to_owned()));
    inputs.push((
        "embedded_sample_1mb".to_owned(),
        repeated_to(SAMPLE, MEGABYTE),
    ));

    let mut group = c.benchmark_group("extract");
    for (name, text) in &inputs {
        eprintln!(
            "{name}: {} bytes, {} records",
            text.len(),
            extractor.extract(text).len()
        );
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| extractor.extract(black_box(text)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
