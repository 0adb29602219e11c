//! Criterion benchmark: throughput of title extraction alone (`Extractor::titles`), in bytes
//! per second, on each corpus text beside the repository (skipped when absent) and on an
//! embedded sample of policy news dense with titles.
#![allow(missing_docs)]

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use xinzhi_extract::Extractor;

/// A paragraph in the genre: runs of titles, periods and notes in brackets, joint issuers,
/// a newspaper, traditional script with pinyin annotations, and an unclosed bracket.
const SAMPLE: &str = "\
今年以来，省政府办公厅先后印发《四川省推进新型工业化实施方案（2024—2027年）》《四川省制造业\
数字化转型行动计划》《关于进一步优化营商环境的若干措施》等5个配套政策，\
《中共中央 国务院关于促进民营经济发展壮大的意见》和《工业和信息化部等七部门关于推动未来产业\
创新发展的实施意见》落地见效。《四川日报》报道，成都市出台《成都市智能工厂和数字化车间认定\
管理办法（试行）》，全市新增智能工厂77家。\n\
廣州市推動(dòng)出臺(tái)《廣州市低空經(jīng)濟(jì)發(fā)展實(shí)施方案》《廣州市推動(dòng)\
低空經(jīng)濟(jì)高質(zhì)量發(fā)展的若干措施》，深圳市編制《深圳市戰(zhàn)新與未來(lái)產(chǎn)業(yè)\
空間布局規(guī)劃》。見《附件一，相關(guān)內(nèi)容另行通知。\n";

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("titles");
    let mut inputs = common::corpus();
    inputs.push(("embedded_sample_x64".to_owned(), SAMPLE.repeat(64)));
    for (name, text) in &inputs {
        eprintln!(
            "{name}: {} bytes, {} titles",
            text.len(),
            extractor.titles(text).len()
        );
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| extractor.titles(black_box(text)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
