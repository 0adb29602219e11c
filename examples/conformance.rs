//! Conformance report: how the engine scores on the peers' published test suites.
//!
//! ```text
//! cargo run --release --example conformance                 # one line per suite
//! cargo run --release --example conformance -- --verbose    # and every failure and exclusion
//! ```
//!
//! The suites are the JSONL files of the shared `conformance/` folder (see its README), found
//! through `XINZHI_SHARED` or beside the repository (`../shared`); without them the report
//! says so and exits cleanly. Each suite has a scorer that classes every case as passed,
//! failed, or out of scope with a reason (a peer behaviour this library does not promise:
//! another counting method, a unit, a mode it does not have). Every in-scope failure must be
//! listed in `tests/data/conformance_disputed.toml`, keyed by case id, as `our bug` or
//! `peer contradicts SPEC`, with a reason. `tests/conformance.rs` runs the same scorers and
//! holds each suite to its bar.
//!
//! Adding a suite is adding a row to [`SUITES`] and a scorer function.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "conformance_suites/quantity.rs"]
mod quantity_suites;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use xinzhi_extract::numeral::match_numeral_within;
use xinzhi_extract::{
    decimal_to_chinese, parse_numeral, scan_numerals, ChineseStyle, NumeralKind, NumeralMatch,
    NumeralValue, TextView,
};

/// One case of a suite, as published.
#[derive(Debug, Clone)]
pub struct Case {
    /// `<source>/<model>/<n>`.
    pub id: String,
    /// The input text.
    pub input: String,
    /// The peer's expected output.
    pub expected: Value,
    /// Everything else the peer states (mode, method, types …).
    pub flags: Value,
}

/// What a scorer makes of one case.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Our output matches the peer's.
    Pass,
    /// Our output differs; what we gave.
    Fail(String),
    /// The case tests something this library does not promise; why.
    OutOfScope(&'static str),
}

/// A scorer sees the case and the whole suite (some peers state one input in several modes).
pub type Scorer = fn(&Case, &[Case]) -> Verdict;

/// A peer suite and how to score it.
pub struct Suite {
    /// The file stem under `conformance/`.
    pub name: &'static str,
    /// The pass rate (percent of in-scope cases) the suite is held to.
    pub bar: f64,
    /// Classes one case.
    pub score: Scorer,
}

/// Every suite scored, in report order.
pub const SUITES: &[Suite] = &[
    Suite {
        name: "cn2an__cn2an",
        bar: 99.0,
        score: score_cn2an_parse,
    },
    Suite {
        name: "cn2an__an2cn",
        bar: 99.0,
        score: score_cn2an_write,
    },
    Suite {
        name: "chinese-number__cn2an",
        bar: 99.0,
        score: score_chinese_number_parse,
    },
    Suite {
        name: "chinese-number__an2cn",
        bar: 99.0,
        score: score_chinese_number_write,
    },
    Suite {
        name: "recognizers-text__number",
        bar: 95.0,
        score: score_recognizers_number,
    },
    Suite {
        name: "recognizers-text__ordinal",
        bar: 95.0,
        score: score_recognizers_ordinal,
    },
    Suite {
        name: "recognizers-text__percent",
        bar: 95.0,
        score: score_recognizers_percent,
    },
    Suite {
        name: "duckling__number",
        bar: 95.0,
        score: score_duckling,
    },
    Suite {
        name: "duckling__ordinal",
        bar: 95.0,
        score: score_duckling,
    },
    Suite {
        name: "recognizers-text__currency",
        bar: 90.0,
        score: quantity_suites::score_recognizers_currency,
    },
    Suite {
        name: "recognizers-text__dimension",
        bar: 90.0,
        score: quantity_suites::score_recognizers_dimension,
    },
    Suite {
        name: "recognizers-text__age",
        bar: 95.0,
        score: quantity_suites::score_recognizers_age,
    },
    Suite {
        name: "recognizers-text__temperature",
        bar: 95.0,
        score: quantity_suites::score_recognizers_temperature,
    },
    Suite {
        name: "duckling__money",
        bar: 95.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "duckling__quantity",
        bar: 95.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "duckling__distance",
        bar: 95.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "duckling__volume",
        bar: 95.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "duckling__temperature",
        bar: 95.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "duckling__duration",
        bar: 85.0,
        score: quantity_suites::score_duckling_quantity,
    },
    Suite {
        name: "jionlp__money_extractor",
        bar: 95.0,
        score: quantity_suites::score_jionlp_money_extractor,
    },
    Suite {
        name: "jionlp__money_parser",
        bar: 75.0,
        score: quantity_suites::score_jionlp_money_parser,
    },
];

/// How a remaining failure is classed in the disputed-cases file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disputed {
    /// `our bug` or `peer contradicts SPEC`.
    pub class: String,
    /// Why, in a sentence.
    pub reason: String,
}

/// One in-scope failure.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Case id.
    pub id: String,
    /// The input.
    pub input: String,
    /// The peer's expectation, as JSON.
    pub expected: String,
    /// What we gave.
    pub ours: String,
    /// Its entry in the disputed-cases file, if any.
    pub disputed: Option<Disputed>,
}

/// The outcome of one suite.
#[derive(Debug, Clone)]
pub struct SuiteReport {
    /// The suite's name.
    pub name: &'static str,
    /// Its bar, in percent.
    pub bar: f64,
    /// Cases passed.
    pub passed: usize,
    /// Cases in scope.
    pub in_scope: usize,
    /// Cases out of scope, by reason.
    pub out_of_scope: BTreeMap<&'static str, Vec<String>>,
    /// In-scope failures.
    pub failures: Vec<Failure>,
    /// Disputed-file entries of this suite whose case now passes.
    pub stale: Vec<String>,
}

impl SuiteReport {
    /// Pass rate over in-scope cases, in percent.
    #[must_use]
    pub fn rate(&self) -> f64 {
        if self.in_scope == 0 {
            100.0
        } else {
            100.0 * self.passed as f64 / self.in_scope as f64
        }
    }

    /// Whether the suite meets its bar.
    #[must_use]
    pub fn meets_bar(&self) -> bool {
        self.rate() + 1e-9 >= self.bar
    }

    /// Failures with no entry in the disputed-cases file.
    pub fn unclassified(&self) -> impl Iterator<Item = &Failure> {
        self.failures.iter().filter(|f| f.disputed.is_none())
    }
}

/// The shared `conformance/` folder, if present.
#[must_use]
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = common::shared_dir()?.join("conformance");
    dir.is_dir().then_some(dir)
}

/// Path of the disputed-cases file.
#[must_use]
pub fn disputed_path() -> PathBuf {
    common::data_path("conformance_disputed.toml")
}

/// Reads the disputed-cases file: a table per case id with `class` and `reason`.
///
/// # Errors
/// When the file cannot be read or is not such a table.
pub fn load_disputed(path: &Path) -> Result<BTreeMap<String, Disputed>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for (id, entry) in table {
        let field = |name: &str| {
            entry
                .get(name)
                .and_then(toml::Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("{id}: missing {name}"))
        };
        let class = field("class")?;
        if class != "our bug" && class != "peer contradicts SPEC" {
            return Err(format!(
                "{id}: class must be \"our bug\" or \"peer contradicts SPEC\""
            ));
        }
        out.insert(
            id.clone(),
            Disputed {
                class,
                reason: field("reason")?,
            },
        );
    }
    Ok(out)
}

/// Reads one suite's cases.
///
/// # Errors
/// When the file cannot be read or a line is not a case.
pub fn load_cases(path: &Path) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            Ok(Case {
                id: v["id"].as_str().unwrap_or_default().to_owned(),
                input: v["input"].as_str().unwrap_or_default().to_owned(),
                expected: v["expected"].take(),
                flags: v["flags"].take(),
            })
        })
        .collect()
}

/// Scores one suite.
///
/// # Errors
/// When its file cannot be read.
pub fn run_suite(
    dir: &Path,
    suite: &Suite,
    disputed: &BTreeMap<String, Disputed>,
) -> Result<SuiteReport, String> {
    let cases = load_cases(&dir.join(format!("{}.jsonl", suite.name)))?;
    let mut report = SuiteReport {
        name: suite.name,
        bar: suite.bar,
        passed: 0,
        in_scope: 0,
        out_of_scope: BTreeMap::new(),
        failures: Vec::new(),
        stale: Vec::new(),
    };
    for case in &cases {
        match (suite.score)(case, &cases) {
            Verdict::Pass => {
                report.in_scope += 1;
                report.passed += 1;
                if disputed.contains_key(&case.id) {
                    report.stale.push(case.id.clone());
                }
            }
            Verdict::Fail(ours) => {
                report.in_scope += 1;
                report.failures.push(Failure {
                    id: case.id.clone(),
                    input: case.input.clone(),
                    expected: case.expected.to_string(),
                    ours,
                    disputed: disputed.get(&case.id).cloned(),
                });
            }
            Verdict::OutOfScope(reason) => {
                report
                    .out_of_scope
                    .entry(reason)
                    .or_default()
                    .push(case.id.clone());
            }
        }
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------
// Comparisons shared by the scorers.

/// Relative tolerance for values the peers print with 15 significant digits.
const TOLERANCE: f64 = 1e-12;

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
}

fn json_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

fn is_error(expected: &Value) -> bool {
    expected.get("error").is_some()
}

fn describe_parse(input: &str) -> String {
    match parse_numeral(input) {
        Ok(n) => format!("{} ({:?})", n.value, n.kind),
        Err(e) => format!("error: {e}"),
    }
}

/// The strict parser must give `expected` (a JSON number or numeric string).
fn expect_value(input: &str, expected: &Value, tolerance: f64) -> Verdict {
    let Some(want) = json_number(expected) else {
        return Verdict::Fail(format!("unreadable expectation {expected}"));
    };
    match parse_numeral(input) {
        Ok(n) => {
            let exact_int = expected.as_i64();
            let ok = match (exact_int, n.value) {
                (Some(w), NumeralValue::Integer(got)) => w == got,
                (Some(_), NumeralValue::Float(_)) => false,
                (None, value) => close(value.as_f64(), want, tolerance),
            };
            if ok {
                Verdict::Pass
            } else {
                Verdict::Fail(describe_parse(input))
            }
        }
        Err(e) => Verdict::Fail(format!("error: {e}")),
    }
}

fn expect_error(input: &str) -> Verdict {
    match parse_numeral(input) {
        Err(_) => Verdict::Pass,
        Ok(_) => Verdict::Fail(describe_parse(input)),
    }
}

// ---------------------------------------------------------------------------------------
// cn2an

fn score_cn2an_parse(case: &Case, suite: &[Case]) -> Verdict {
    if is_error(&case.expected) {
        // cn2an's strict mode refuses colloquial and mixed forms that its own normal and smart
        // modes read; this parser is lenient by design (SPEC §3 lists `1.2万`, `二〇二三`).
        let read_elsewhere = suite
            .iter()
            .any(|other| other.input == case.input && !is_error(&other.expected));
        if read_elsewhere {
            return Verdict::OutOfScope("refused only by cn2an's strict mode");
        }
        return expect_error(&case.input);
    }
    expect_value(&case.input, &case.expected, TOLERANCE)
}

fn score_cn2an_write(case: &Case, _: &[Case]) -> Verdict {
    let style = match case.flags["mode"].as_str() {
        Some("low") => ChineseStyle::default(),
        Some("up") => ChineseStyle {
            upper: true,
            traditional: false,
        },
        Some("rmb") => {
            return Verdict::OutOfScope("cheque writing (元角分整) is not a numeral style")
        }
        _ => return Verdict::OutOfScope("digit-for-digit transliteration is not a numeral style"),
    };
    if beyond_cn2an_range(&case.input) {
        return Verdict::OutOfScope("cn2an's own range limit (10^16); the SPEC ladder reaches 京");
    }
    expect_written(&case.input, &case.expected, style)
}

/// cn2an refuses values from 10^16 up, its own limit; the SPEC ladder goes on to 京.
fn beyond_cn2an_range(input: &str) -> bool {
    input
        .trim_start_matches('-')
        .parse::<f64>()
        .is_ok_and(|v| v >= 1e16)
}

fn expect_written(input: &str, expected: &Value, style: ChineseStyle) -> Verdict {
    let ours = decimal_to_chinese(input, style);
    match (expected.as_str(), ours) {
        (Some(want), Ok(got)) if want == got => Verdict::Pass,
        (None, Err(_)) if is_error(expected) => Verdict::Pass,
        (_, Ok(got)) => Verdict::Fail(got),
        (_, Err(e)) => Verdict::Fail(format!("error: {e}")),
    }
}

// ---------------------------------------------------------------------------------------
// chinese-number

/// Place names above 京 (10^16), from 垓 (10^20) up.
const BEYOND_JING: &[char] = &[
    '垓', '秭', '穰', '溝', '沟', '澗', '涧', '正', '載', '载', '極', '极',
];

fn score_chinese_number_parse(case: &Case, _: &[Case]) -> Verdict {
    if case.flags["method"].as_str() != Some("ten_thousand") {
        return Verdict::OutOfScope("counting method other than the modern ten-thousand ladder");
    }
    if case.input.contains(BEYOND_JING) {
        return Verdict::OutOfScope("places above 京 (10^16) are beyond the SPEC ladder");
    }
    if is_error(&case.expected) {
        let error = case.expected["error"].as_str().unwrap_or_default();
        if matches!(error, "Overflow" | "Underflow") {
            return Verdict::OutOfScope("overflow of a narrower Rust integer type");
        }
        return expect_error(&case.input);
    }
    let Some(text) = case.expected.as_str() else {
        return Verdict::Fail(format!("unreadable expectation {}", case.expected));
    };
    if let Ok(want) = text.parse::<i128>() {
        if i64::try_from(want).is_err() {
            return Verdict::OutOfScope("integer beyond the exact i64 range of the SPEC");
        }
        return expect_value(&case.input, &Value::from(want as i64), TOLERANCE);
    }
    let tolerance = match case.flags["rust_type"].as_str() {
        Some("f32") => 1e-6,
        _ => case.flags["float_tolerance"].as_f64().unwrap_or(TOLERANCE),
    };
    expect_value(&case.input, &Value::String(text.to_owned()), tolerance)
}

fn score_chinese_number_write(case: &Case, _: &[Case]) -> Verdict {
    if case.flags["method"].as_str() != Some("ten_thousand") {
        return Verdict::OutOfScope("counting method other than the modern ten-thousand ladder");
    }
    if case.flags["input_kind"].as_str() == Some("float") {
        return Verdict::OutOfScope(
            "money-style fractions (角/分, rounded to 2 places) are not a numeral style",
        );
    }
    let beyond = case.input.trim_start_matches('-').len() > 20
        || case
            .expected
            .as_str()
            .is_some_and(|s| s.contains(BEYOND_JING));
    if beyond {
        return Verdict::OutOfScope("places above 京 (10^16) are beyond the SPEC ladder");
    }
    let style = ChineseStyle {
        upper: case.flags["case"].as_str() == Some("upper"),
        traditional: case.flags["variant"].as_str() == Some("traditional"),
    };
    expect_written(&case.input, &case.expected, style)
}

// ---------------------------------------------------------------------------------------
// Recognizers-Text: numerals found in running text.

/// A span in code points of the input, with its value.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    value: f64,
}

impl Found {
    fn describe(list: &[Found], input: &str) -> String {
        let mut out = String::from("[");
        for (i, f) in list.iter().enumerate() {
            let text: String = input.chars().skip(f.start).take(f.end - f.start).collect();
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{text:?} [{},{}) {}", f.start, f.end, f.value);
        }
        out.push(']');
        out
    }
}

/// Our matches in code points of `input`, through `keep` (which may drop or reshape them).
fn scan_in_code_points(
    input: &str,
    keep: impl Fn(&NumeralMatch, &[char]) -> Option<(usize, usize, f64)>,
) -> Vec<Found> {
    let view = TextView::new(input);
    let to_code_points = |byte: usize| input[..byte].chars().count();
    scan_numerals(&view)
        .filter_map(|m| {
            let (start, end, value) = keep(&m, view.chars())?;
            let (byte_start, byte_end) = view.byte_span(start..end);
            Some(Found {
                start: to_code_points(byte_start),
                end: to_code_points(byte_end),
                value,
            })
        })
        .collect()
}

fn expected_found(case: &Case) -> Vec<Found> {
    case.expected
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| Found {
                    start: e["start"].as_u64().unwrap_or(0) as usize,
                    end: e["end"].as_u64().unwrap_or(0) as usize,
                    value: json_number(&e["value"]).unwrap_or(f64::NAN),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn compare_found(case: &Case, ours: &[Found]) -> Verdict {
    let want = expected_found(case);
    let spans_only = case.flags["ignore_resolution"].as_bool() == Some(true);
    let same = want.len() == ours.len()
        && want.iter().zip(ours).all(|(w, o)| {
            w.start == o.start
                && w.end == o.end
                && (spans_only || close(w.value, o.value, TOLERANCE))
        });
    if same {
        Verdict::Pass
    } else {
        Verdict::Fail(Found::describe(ours, &case.input))
    }
}

fn expected_texts(case: &Case) -> Vec<String> {
    case.expected
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| e["text"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Scope rules shared by the Recognizers-Text suites, read off the case alone.
fn recognizers_scope(case: &Case, units: &'static [char]) -> Option<&'static str> {
    let texts = expected_texts(case);
    let any_text = |f: &dyn Fn(&str) -> bool| texts.iter().any(|t| f(t));
    if any_text(&|t| t.contains(['余', '多', '几', '幾', '数', '數'])) {
        return Some("approximation words (余 多 几) are composed by the quantity extractor");
    }
    if any_text(&|t| t.trim().contains(char::is_whitespace) && !hong_kong_grouping(t)) {
        return Some("spaces inside a numeral (SPEC allows only digit grouping)");
    }
    if any_text(&|t| {
        t.contains(['^', '.']) && t.trim_start_matches('-').starts_with('.')
            || t.contains('^')
            || t.chars().any(|c| c.is_ascii_alphabetic())
    }) {
        return Some("exponent or suffix notation (2e5, 2^5, 40k, .5)");
    }
    if case.input.contains(units) {
        return Some("units and classifiers are the quantity extractor's");
    }
    None
}

fn hong_kong_grouping(text: &str) -> bool {
    let mut groups = text.split(' ');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Characters that read as numerals on their own (standard forms, not financial ones).
fn is_plain_numeral_char(c: char) -> bool {
    "零〇一二三四五六七八九十百千万亿两兩萬億廿卅".contains(c)
}

/// Whether the peer leaves out a plain numeral character of the input on purpose: a word
/// such as `一切`, `四川` or `十足`. Filtering words is the extractor's job (its phrase
/// lexicon), not the numeral scanner's, so such cases are out of scope for the scanner.
/// Characters of a percent (`百分之`, a run before `%`) are not counted: the Number model
/// leaves percents to its Percent model.
fn omits_numeral_word(case: &Case) -> bool {
    let chars: Vec<char> = case.input.chars().collect();
    let covered = |i: usize| {
        expected_found(case)
            .iter()
            .any(|f| f.start <= i && i < f.end)
    };
    let numeralish = |c: char| {
        is_plain_numeral_char(c)
            || c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "点點.．".contains(c)
    };
    for (i, &c) in chars.iter().enumerate() {
        if !is_plain_numeral_char(c) || covered(i) {
            continue;
        }
        let mut end = i;
        while end < chars.len() && numeralish(chars[end]) {
            end += 1;
        }
        let before_percent = matches!(chars.get(end), Some('%' | '％'));
        let in_bai_fen_zhi = (i.saturating_sub(2)..=i).any(|s| {
            chars
                .get(s..s + 3)
                .is_some_and(|w| matches!(w, ['百' | '千' | '佰' | '仟', '分', '之']))
        });
        if !(before_percent || in_bai_fen_zhi) {
            return true;
        }
    }
    false
}

fn score_recognizers_number(case: &Case, _: &[Case]) -> Verdict {
    if let Some(reason) = recognizers_scope(case, &['打', '对', '對', '双', '雙', '半']) {
        return Verdict::OutOfScope(reason);
    }
    if omits_numeral_word(case) {
        return Verdict::OutOfScope(
            "word-level filtering (set phrases, place names) is the extractor's",
        );
    }
    // The Number model reports the numeral of an ordinal without 第, and leaves percents to
    // its Percent model.
    let ours = scan_in_code_points(&case.input, |m, _| match m.kind {
        NumeralKind::Percent | NumeralKind::PerMille => None,
        NumeralKind::Ordinal => Some((m.start + 1, m.end, m.value)),
        _ => Some((m.start, m.end, m.value)),
    });
    compare_found(case, &ours)
}

fn score_recognizers_ordinal(case: &Case, _: &[Case]) -> Verdict {
    let ours = scan_in_code_points(&case.input, |m, _| {
        (m.kind == NumeralKind::Ordinal).then_some((m.start, m.end, m.value))
    });
    compare_found(case, &ours)
}

fn score_recognizers_percent(case: &Case, _: &[Case]) -> Verdict {
    if let Some(reason) = recognizers_scope(case, &['成', '折']) {
        return Verdict::OutOfScope(reason);
    }
    if case.input.contains("百分点") || case.input.contains("百分點") {
        return Verdict::OutOfScope(
            "percentage points (个百分点) are a unit of the quantity extractor",
        );
    }
    // The Percent model reads per mille and `万分之` alike as percents.
    let ours = scan_in_code_points(&case.input, |m, chars| match m.kind {
        NumeralKind::Percent => Some((m.start, m.end, m.value)),
        NumeralKind::PerMille => Some((m.start, m.end, m.value / 10.0)),
        NumeralKind::Fraction if power_of_ten_denominator(chars, m) => {
            Some((m.start, m.end, m.value * 100.0))
        }
        _ => None,
    });
    compare_found(case, &ours)
}

/// `万分之三`, `百万分之五`: a denominator written with magnitude words alone.
fn power_of_ten_denominator(chars: &[char], m: &NumeralMatch) -> bool {
    let span = &chars[m.start..m.end];
    let Some(fen) = span.windows(2).position(|w| w == ['分', '之']) else {
        return false;
    };
    fen > 0
        && span[..fen].iter().all(|&c| "十百千万亿拾佰仟".contains(c))
        && match_numeral_within(chars, m.start, m.start + fen).is_none()
}

// ---------------------------------------------------------------------------------------
// Duckling: the whole input is one numeral.

fn score_duckling(case: &Case, _: &[Case]) -> Verdict {
    let input = case.input.as_str();
    if input.contains(['个', '個', '对', '對', '双', '雙', '打', '半']) {
        return Verdict::OutOfScope("units and classifiers are the quantity extractor's");
    }
    if input.chars().any(|c| c.is_ascii_alphabetic()) {
        return Verdict::OutOfScope("exponent or suffix notation (2e5, 2^5, 40k, .5)");
    }
    if input.contains('份') || input.contains('分') && !input.contains("分之") {
        return Verdict::OutOfScope("Cantonese fractions without 之 (十分一, 二份一)");
    }
    if input.trim_start_matches('-').starts_with('.') {
        return Verdict::OutOfScope("exponent or suffix notation (2e5, 2^5, 40k, .5)");
    }
    if input.trim().contains(char::is_whitespace) {
        return Verdict::OutOfScope("spaces inside a numeral (SPEC allows only digit grouping)");
    }
    let verdict = expect_value(input, &case.expected["value"], 1e-9);
    if case.flags["dimension"].as_str() == Some("Ordinal") || case.id.contains("/ordinal/") {
        let ordinal = parse_numeral(input).is_ok_and(|n| n.kind == NumeralKind::Ordinal);
        if verdict == Verdict::Pass && !ordinal {
            return Verdict::Fail(describe_parse(input));
        }
    }
    verdict
}

// ---------------------------------------------------------------------------------------

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let Some(dir) = conformance_dir() else {
        println!(
            "conformance suites not found (set XINZHI_SHARED or place them in ../shared): skipped"
        );
        return;
    };
    let disputed = match load_disputed(&disputed_path()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read the disputed-cases file: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "{:<28} {:>9} {:>8} {:>6} {:>6}  failures (our bug / disputed / unclassified)",
        "suite", "passed", "rate", "bar", "out"
    );
    let mut all_ok = true;
    for suite in SUITES {
        let report = match run_suite(&dir, suite, &disputed) {
            Ok(r) => r,
            Err(e) => {
                println!("{:<28} unreadable: {e}", suite.name);
                all_ok = false;
                continue;
            }
        };
        let ours = report
            .failures
            .iter()
            .filter(|f| f.disputed.as_ref().is_some_and(|d| d.class == "our bug"))
            .count();
        let unclassified = report.unclassified().count();
        let peer = report.failures.len() - ours - unclassified;
        let out: usize = report.out_of_scope.values().map(Vec::len).sum();
        println!(
            "{:<28} {:>4}/{:<4} {:>7.2}% {:>5.0}% {:>6}  {ours} / {peer} / {unclassified}{}",
            report.name,
            report.passed,
            report.in_scope,
            report.rate(),
            report.bar,
            out,
            if report.meets_bar() {
                ""
            } else {
                "  BELOW BAR"
            },
        );
        // A suite with no bar yet is reported, not enforced.
        all_ok &= report.bar <= 0.0 || report.meets_bar() && unclassified == 0;
        if verbose {
            print_details(&report);
        }
    }
    if !all_ok {
        std::process::exit(1);
    }
}

fn print_details(report: &SuiteReport) {
    for f in &report.failures {
        let class = f.disputed.as_ref().map_or_else(
            || "UNCLASSIFIED".to_owned(),
            |d| format!("{}: {}", d.class, d.reason),
        );
        println!(
            "    FAIL {}  input {:?}\n         expected {}\n         ours     {}\n         {class}",
            f.id, f.input, f.expected, f.ours
        );
    }
    for (reason, ids) in &report.out_of_scope {
        println!("    out of scope ({}): {reason}", ids.len());
    }
    for id in &report.stale {
        println!("    STALE disputed entry (now passes): {id}");
    }
}
