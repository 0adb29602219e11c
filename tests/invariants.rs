//! Invariants that hold for every input, checked on arbitrary and adversarial text.
//!
//! Whatever the text, extraction returns records sorted by start, each span on character
//! boundaries and equal to its `text`, no two non-title records overlapping, and every value
//! finite. Cost stays linear: the time for a tenfold input stays within a generous multiple of
//! ten times the time for the smaller one (a ratio, so a busy machine cannot fail it).

mod common;

use common::{check_invariants, repeated};
use proptest::prelude::*;
use xinzhi_extract::Extractor;

/// Characters that start or continue candidates, plus noise: the alphabet a fuzzer would need
/// a long time to find by chance.
const TRIGGERS: &[&str] = &[
    "0",
    "1",
    "5",
    "9",
    "０",
    "１",
    ".",
    ",",
    " ",
    "%",
    "％",
    "‰",
    "/",
    "-",
    "—",
    "～",
    "至",
    "到",
    "一",
    "二",
    "两",
    "兩",
    "三",
    "十",
    "百",
    "千",
    "万",
    "萬",
    "亿",
    "億",
    "兆",
    "零",
    "〇",
    "○",
    "壹",
    "贰",
    "拾",
    "佰",
    "廿",
    "点",
    "點",
    "负",
    "第",
    "分之",
    "几",
    "数",
    "余",
    "多",
    "约",
    "約",
    "近",
    "超",
    "逾",
    "左右",
    "以上",
    "不到",
    "元",
    "万元",
    "美元",
    "个",
    "個",
    "家",
    "项",
    "年",
    "月",
    "日",
    "个月",
    "平方米",
    "个百分点",
    "大",
    "《",
    "》",
    "〈",
    "〉",
    "(",
    ")",
    "（",
    "）",
    "(wàn)",
    "(gè)",
    "(a)",
    "“",
    "”",
    "\n",
    "?",
    "\u{E000}",
    "😀",
    "\u{200D}",
    "\u{0301}",
    "G",
    "今年",
    "去年",
    "增长",
    "下降",
    "规划",
    "实施方案",
    "省",
    "市",
    "(2023—2026年)",
];

fn trigger_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRIGGERS), 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_unicode_keeps_invariants(text in any::<String>()) {
        let records = Extractor::shared().extract(&text);
        check_invariants(&text, &records);
    }

    #[test]
    fn trigger_alphabet_keeps_invariants(text in trigger_text()) {
        let records = Extractor::shared().extract(&text);
        check_invariants(&text, &records);
    }

    #[test]
    fn extraction_is_deterministic(text in trigger_text()) {
        let extractor = Extractor::new();
        prop_assert_eq!(extractor.extract(&text), extractor.extract(&text));
    }
}

#[test]
fn adversarial_inputs_cost_linear_time() {
    let units = [
        "1",
        "万",
        "萬",
        "约",
        "約約",
        "左右",
        "《",
        "》",
        "(a)",
        "万(a)",
        "一",
        "十",
        "第",
        "零点",
        "1,",
        "1.",
        "2023-",
        "2023年",
        "百分之",
        "三分之",
        "（（（",
        "〈《",
        "“1”",
        "\u{E000}",
        "😀",
        "a\u{0301}",
        "\u{200D}",
        "一二三四五六七八九十百千万亿",
        "全年新增企业77家，投资约4.2億元，增长16%。",
    ];
    // Debug builds are slow but the ratio is what counts; 20 KB and 200 KB keep the suite quick.
    let small = 20_000;
    for unit in units {
        let short = repeated(unit, small);
        let long = repeated(unit, small * 10);
        common::assert_linear_extraction(unit, &short, &long);
    }
}

#[test]
fn one_long_line_without_breaks_is_handled() {
    let sentence =
        "2024年，全省完成投资约4.2億元，新增企業77家，《關於促進經濟發展的若干措施》落地。";
    let text = sentence.repeat(20_000);
    let records = Extractor::shared().extract(&text);
    check_invariants(&text, &records);
}

#[test]
fn deeply_nested_brackets_are_handled() {
    let text = format!("{}{}", "《〈（(".repeat(5_000), "》〉）)".repeat(5_000));
    let records = Extractor::shared().extract(&text);
    check_invariants(&text, &records);
}

/// A quantity expected in a text: its text and trend.
type ExpectedQuantity = (&'static str, Option<&'static str>);

/// Inputs on which a fuzz target found a panic, kept once fixed: the text, the quantities it
/// holds, and what went wrong.
const FOUND_BY_FUZZING: &[(&str, &[ExpectedQuantity], &str)] = &[
    (
        "达到13697.5\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0亿元",
        &[("亿元", None)],
        "a word of arrival (达到) straddling the start of the window searched for a trend",
    ),
    (
        "达到全省全省全省全省全省全省全省全省全省全省全省全5亿元",
        &[("5亿元", None)],
        "the same in a long clause of plain text",
    ),
];

#[test]
fn inputs_found_by_fuzzing_keep_invariants() {
    for &(text, quantities, what) in FOUND_BY_FUZZING {
        let records = Extractor::shared().extract(text);
        check_invariants(text, &records);
        let found: Vec<(&str, Option<&str>)> = records
            .iter()
            .filter_map(|record| match record {
                xinzhi_extract::Record::Quantity(q) => {
                    Some((q.text.as_str(), q.trend.map(xinzhi_extract::Trend::as_str)))
                }
                _ => None,
            })
            .collect();
        assert_eq!(found, quantities, "{what}: {text:?}");
    }
}
