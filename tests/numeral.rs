//! The numeral engine against its tables of cases and its invariants.
//!
//! Tables (UTF-8 JSON Lines under `tests/data/`; the parse and write tables are read by the
//! Python tests too):
//!
//! - `numerals_parse.jsonl`: `{"input", "value", "kind"}` for a numeral `parse_numeral`
//!   reads, or `{"input", "error", "position"?}` for one it refuses (`error` is the snake-case
//!   name of the error variant, `position` the character it points at);
//! - `numerals_scan.jsonl`: `{"text", "numerals": [{"text", "value", "kind", "form"}]}`, every
//!   numeral `scan_numerals` finds in the sentence, in order (`text` is the exact substring of
//!   the input, annotations inside the span included);
//! - `numerals_write.jsonl`: `{"value", "style", "chinese"}` or `{"value", "style", "error"}`
//!   for `decimal_to_chinese` (and `to_chinese` when the value is an `i64`).

mod common;

use std::time::{Duration, Instant};

use proptest::prelude::*;
use xinzhi_extract::numeral::{match_numeral_within, MAX_NUMERAL_CHARS};
use xinzhi_extract::{
    decimal_to_chinese, match_numeral, parse_numeral, scan_numerals, to_chinese, ChineseStyle,
    Error, NumeralValue, TextView,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

fn error_name(error: &Error) -> &'static str {
    match error {
        Error::EmptyInput => "empty_input",
        Error::UnexpectedCharacter { .. } => "unexpected_character",
        Error::MisorderedMagnitude { .. } => "misordered_magnitude",
        Error::Malformed { .. } => "malformed",
        Error::Overflow { .. } => "overflow",
        Error::Unrepresentable { .. } => "unrepresentable",
        _ => "other",
    }
}

fn error_position(error: &Error) -> Option<usize> {
    match error {
        Error::UnexpectedCharacter { position, .. }
        | Error::MisorderedMagnitude { position, .. } => Some(*position),
        _ => None,
    }
}

#[test]
fn parse_table() {
    let cases = common::data_table("numerals_parse.jsonl");
    assert!(cases.len() >= 100, "the parse table lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().expect("input");
        let got = parse_numeral(input);
        if let Some(error) = case["error"].as_str() {
            match &got {
                Err(e) if error_name(e) == error => {
                    let want = case["position"].as_u64().map(|p| p as usize);
                    if want.is_some() && want != error_position(e) {
                        failures.push(format!(
                            "{input:?}: error at {:?}, want {want:?}",
                            error_position(e)
                        ));
                    }
                }
                other => failures.push(format!("{input:?}: {other:?}, want error {error}")),
            }
            continue;
        }
        let kind = case["kind"].as_str().expect("kind");
        let ok = match (&got, &case["value"]) {
            (Ok(n), want) if n.kind.as_str() == kind => match (n.value, want.as_i64()) {
                (NumeralValue::Integer(v), Some(w)) => v == w,
                (NumeralValue::Float(v), None) => close(v, want.as_f64().unwrap_or(f64::NAN)),
                _ => false,
            },
            _ => false,
        };
        if !ok {
            failures.push(format!("{input:?}: {got:?}, want {} {kind}", case["value"]));
        }
    }
    common::assert_no_problems(&failures);
}

#[test]
fn scan_table() {
    let cases = common::data_table("numerals_scan.jsonl");
    assert!(cases.len() >= 30, "the scan table lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().expect("text");
        let view = TextView::new(text);
        let got: Vec<String> = scan_numerals(&view)
            .map(|m| {
                let value = m
                    .integer
                    .map_or_else(|| m.value.to_string(), |n| n.to_string());
                format!(
                    "{} {value} {} {}",
                    view.source_text(m.start..m.end),
                    m.kind.as_str(),
                    m.form.as_str()
                )
            })
            .collect();
        let want: Vec<String> = case["numerals"]
            .as_array()
            .expect("numerals")
            .iter()
            .map(|n| {
                let value = n["value"].as_i64().map_or_else(
                    || n["value"].as_f64().unwrap_or(f64::NAN).to_string(),
                    |v| v.to_string(),
                );
                format!(
                    "{} {value} {} {}",
                    n["text"].as_str().unwrap_or_default(),
                    n["kind"].as_str().unwrap_or_default(),
                    n["form"].as_str().unwrap_or_default()
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n    got  {got:?}\n    want {want:?}"));
        }
    }
    common::assert_no_problems(&failures);
}

fn style(name: &str) -> ChineseStyle {
    match name {
        "lower" => ChineseStyle::default(),
        "upper" => ChineseStyle {
            upper: true,
            traditional: false,
        },
        "traditional" => ChineseStyle {
            upper: false,
            traditional: true,
        },
        "upper_traditional" => ChineseStyle {
            upper: true,
            traditional: true,
        },
        other => panic!("unknown style {other}"),
    }
}

#[test]
fn write_table() {
    let cases = common::data_table("numerals_write.jsonl");
    assert!(cases.len() >= 30, "the write table lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let value = case["value"].as_str().expect("value");
        let style = style(case["style"].as_str().expect("style"));
        let got = decimal_to_chinese(value, style);
        match (case["chinese"].as_str(), &got) {
            (Some(want), Ok(text)) if want == text => {
                if let Ok(n) = value.parse::<i64>() {
                    let direct = to_chinese(n, style);
                    if direct != want {
                        failures.push(format!("to_chinese({n}) = {direct}, want {want}"));
                    }
                }
            }
            (None, Err(e)) if case["error"].as_str() == Some(error_name(e)) => {}
            _ => failures.push(format!("{value} ({style:?}): {got:?}, want {case}")),
        }
    }
    common::assert_no_problems(&failures);
}

/// Each written form reads back to its value, and every style of a table value too.
#[test]
fn written_forms_read_back() {
    for case in common::data_table("numerals_write.jsonl") {
        let (Some(chinese), Some(value)) = (case["chinese"].as_str(), case["value"].as_str())
        else {
            continue;
        };
        let want: f64 = value.parse().expect("a decimal");
        let got = parse_numeral(chinese).unwrap_or_else(|e| panic!("{chinese}: {e}"));
        assert!(
            close(got.as_f64(), want),
            "{chinese} read as {}, written from {value}",
            got.value
        );
    }
}

#[test]
fn matches_stay_inside_bounds() {
    let chars: Vec<char> = "三千五百万元".chars().collect();
    let whole = match_numeral(&chars, 0).expect("a numeral");
    assert_eq!((whole.end, whole.integer), (5, Some(35_000_000)));
    for end in 1..=chars.len() {
        match match_numeral_within(&chars, 0, end) {
            Some(m) => assert!(m.end <= end, "ends at {} beyond {end}", m.end),
            None => panic!("no numeral in the first {end} characters"),
        }
    }
    assert_eq!(
        match_numeral_within(&chars, 0, 2).and_then(|m| m.integer),
        Some(3000)
    );
    assert!(match_numeral_within(&chars, 5, 6).is_none());
    assert!(match_numeral_within(&chars, 3, 2).is_none());
}

/// Every style, in the order of the write table's names.
fn styles() -> [ChineseStyle; 4] {
    ["lower", "upper", "traditional", "upper_traditional"].map(style)
}

#[test]
fn extremes_round_trip() {
    let edges = [
        0,
        1,
        10,
        -10,
        i64::MAX,
        i64::MIN,
        i64::MAX - 1,
        9_007_199_254_740_993,
        10_i64.pow(16),
        10_i64.pow(16) - 1,
        10_i64.pow(12),
        10_i64.pow(8) + 1,
    ];
    for n in edges {
        if let Err(failure) = round_trips(n) {
            panic!("{n}: {failure}");
        }
    }
}

/// Characters numerals are made of, with the noise and neighbours they meet in text.
const NUMERAL_ALPHABET: &[char] = &[
    '零', '〇', '○', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九', '十', '百',
    '千', '万', '萬', '亿', '億', '兆', '京', '壹', '贰', '叁', '参', '肆', '伍', '陆', '柒', '捌',
    '玖', '拾', '佰', '仟', '廿', '卅', '卌', '幺', '俩', '点', '點', '负', '負', '第', '分', '之',
    '又', '元', '圆', '角', '整', '正', '0', '1', '2', '5', '9', '.', ',', ' ', '-', '+', '/', '%',
    '‰', '１', '．', '，', '％', '(', ')', 'w', 'à', 'n', 'G', '年', '个', '余', '多', '几',
];

fn numeral_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NUMERAL_ALPHABET), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

fn check_scan(text: &str) {
    let view = TextView::new(text);
    let mut last_end = 0;
    for m in scan_numerals(&view) {
        assert!(m.start >= last_end && m.start < m.end && m.end <= view.len());
        assert!(m.end - m.start <= MAX_NUMERAL_CHARS);
        assert!(m.value.is_finite(), "{text:?}: {m:?}");
        if let Some(n) = m.integer {
            assert!(close(n as f64, m.value), "{text:?}: {m:?}");
        }
        let (start, end) = view.byte_span(m.start..m.end);
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        last_end = m.end;
    }
    for start in 0..view.len() {
        if let Some(m) = match_numeral(view.chars(), start) {
            assert!(m.start == start && m.end > start && m.end <= view.len());
        }
    }
}

/// `n` written in every style reads back as `n`.
fn round_trips(n: i64) -> Result<(), TestCaseError> {
    for style in styles() {
        let text = to_chinese(n, style);
        prop_assert_eq!(
            parse_numeral(&text).map(|v| v.value),
            Ok(NumeralValue::Integer(n)),
            "{}",
            text
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn round_trip_below_ten_to_the_sixteen(n in -9_999_999_999_999_999_i64..=9_999_999_999_999_999) {
        round_trips(n)?;
    }

    #[test]
    fn round_trip_any_i64(n in any::<i64>()) {
        round_trips(n)?;
    }

    #[test]
    fn small_numbers_round_trip(n in -100_000_i64..100_000) {
        round_trips(n)?;
    }

    #[test]
    fn decimals_round_trip(x in -1e15_f64..1e15) {
        let written = format!("{x:?}");
        let text = decimal_to_chinese(&written, ChineseStyle::default()).expect("a finite decimal");
        let back = parse_numeral(&text).expect("readable");
        prop_assert!(close(back.as_f64(), x), "{} → {} → {}", written, text, back.value);
    }

    #[test]
    fn arabic_integers_are_exact(n in any::<i64>()) {
        prop_assert_eq!(parse_numeral(&n.to_string()).map(|v| v.value), Ok(NumeralValue::Integer(n)));
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse_numeral(&text);
        let _ = decimal_to_chinese(&text, ChineseStyle::default());
        check_scan(&text);
    }

    #[test]
    fn never_panics_on_numeral_alphabet(text in numeral_like()) {
        let _ = parse_numeral(&text);
        check_scan(&text);
    }

    #[test]
    fn errors_point_inside_the_input(text in numeral_like()) {
        if let Err(e) = parse_numeral(&text) {
            if let Some(position) = error_position(&e) {
                prop_assert!(position < text.chars().count(), "{:?}: {}", text, e);
            }
        }
    }
}

/// Scanning stays linear on the inputs that could make a numeral scanner quadratic: long
/// runs of magnitudes, digits, zeros, digit-by-digit readings and near-fractions.
#[test]
fn scanning_is_linear() {
    let units = [
        "万",
        "9",
        "一",
        "零",
        "二〇",
        "1,000,",
        "一百分之",
        "第",
        "十分之",
        "1.",
        "5万亿",
        "-",
    ];
    for unit in units {
        let (small, large) = (
            common::repeated(unit, 100_000),
            common::repeated(unit, 1_000_000),
        );
        let views = [TextView::new(&small), TextView::new(&large)];
        common::assert_linear_time(unit, &views[0], &views[1], |view| {
            scan_numerals(view).count()
        });
    }
}

#[test]
fn long_inputs_parse_in_linear_time() {
    for unit in ["万", "9", "零", "一千零", "点"] {
        let text = unit.repeat(200_000);
        let started = Instant::now();
        assert!(
            parse_numeral(&text).is_err(),
            "{unit:?} repeated is not a numeral"
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{unit:?} took {:?}",
            started.elapsed()
        );
    }
}
