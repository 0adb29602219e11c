//! Scorers for the peers' suites of amounts with units: money, measures, ages, temperatures
//! and durations, run through the whole extractor (`Extractor::extract`) as a user would.
//!
//! - Recognizers-Text currency, dimension, age, temperature: every result of the model, with
//!   code-point spans and values (and the ISO currency where the peer names one).
//! - Duckling money, quantity, distance, volume, temperature, duration: the whole input is one
//!   quantity whose value, converted to the peer's unit, equals the peer's; `under X` / `above
//!   X` are our `under`/`at_most` and `over`/`at_least`, an interval is our range.
//! - JioNLP money extractor (spans) and money parser (amount, currency, exactness).

use serde_json::Value;
use xinzhi_extract::{Approx, Dimension, Extractor, Quantity, Record};

use super::{close, json_number, Case, Verdict};

/// Relative tolerance for converted values (feet, gallons) and prints with 15 digits.
const TOLERANCE: f64 = 1e-9;

const LIANG: &str = "两 (50 g) as a unit of mass: in running text 两 is the numeral two";
const CANTONESE: &str =
    "Cantonese and colloquial forms (個 for a dollar, 鐘 for an hour, 個字, 米九, 四分一)";

/// Why a Duckling case is outside what the library promises, read off the input alone.
fn duckling_scope(input: &str, dimension: &str) -> Option<&'static str> {
    let has = |words: &[&str]| words.iter().any(|w| input.contains(w));
    let letters: String = input.chars().filter(char::is_ascii_alphabetic).collect();
    if !letters.is_empty() && !letters.chars().all(|c| "mkgLlcCF".contains(c)) {
        return Some("English unit words (feet, inch, mile)");
    }
    if has(&["'", "\"", "″", "′"]) {
        return Some("feet and inches written with prime marks (8', 5\")");
    }
    let hour_bell = input.replace("分鐘", "").replace("秒鐘", "").contains('鐘');
    if hour_bell || has(&["個字", "个字"]) || input.starts_with('米') || input.starts_with('個')
    {
        return Some(CANTONESE);
    }
    let cantonese_fraction = input.char_indices().any(|(i, c)| {
        c == '分'
            && !input[i + c.len_utf8()..].starts_with('之')
            && i > 0
            && input[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| "一二三四五六七八九".contains(n))
    });
    if cantonese_fraction {
        return Some(CANTONESE);
    }
    match dimension {
        "amount-of-money" => {
            let unit = has(&[
                "元",
                "块",
                "塊",
                "蚊",
                "圆",
                "圓",
                "人民币",
                "人民幣",
                "港币",
                "港幣",
                "$",
            ]);
            if !unit {
                return Some("amounts in cents alone (5分, 两毛, 五仙): 分 and 毛 are points and hair in running text");
            }
            if input.contains('個') {
                return Some(CANTONESE);
            }
        }
        "quantity" if has(&["两", "兩"]) => return Some(LIANG),
        "volume" if has(&["茶匙", "湯匙", "汤匙"]) => {
            return Some("kitchen measures (茶匙, 湯匙) are not units of the genre");
        }
        "duration" => {
            let units = ["年", "月", "天", "日", "小時", "小时", "分", "秒"];
            if units.iter().filter(|u| input.contains(*u)).count() > 1 {
                return Some("compound durations (一小时三十分钟) are reported as their parts");
            }
            if input.contains('分') && !has(&["分鐘", "分钟"]) {
                return Some("分 alone as minutes: in running text 分 is points or cents");
            }
        }
        _ => {}
    }
    None
}

/// A quantity with its span in code points of the input.
struct Found {
    start: usize,
    end: usize,
    quantity: Quantity,
}

fn extract(input: &str) -> Vec<Record> {
    Extractor::shared().extract(input)
}

fn quantities(input: &str) -> Vec<Found> {
    let code_point = |byte: usize| input[..byte].chars().count();
    extract(input)
        .into_iter()
        .filter_map(|record| match record {
            Record::Quantity(q) => Some(Found {
                start: code_point(q.start),
                end: code_point(q.end),
                quantity: q,
            }),
            _ => None,
        })
        .collect()
}

/// The amounts of money among [`quantities`]: the only records JioNLP's money suites speak of.
fn money(input: &str) -> Vec<Found> {
    quantities(input)
        .into_iter()
        .filter(|f| f.quantity.dimension == Dimension::Money)
        .collect()
}

fn describe(found: &[Found]) -> String {
    let items: Vec<String> = found
        .iter()
        .map(|f| {
            let q = &f.quantity;
            format!(
                "{:?} [{},{}) value {:?} low {:?} high {:?} {} {:?} {} {:?}",
                q.text,
                f.start,
                f.end,
                q.value,
                q.low,
                q.high,
                q.dimension,
                q.unit,
                q.approx,
                q.currency
            )
        })
        .collect();
    format!("[{}]", items.join("; "))
}

// ---------------------------------------------------------------------------------------
// Recognizers-Text: every result, with spans.

/// Compares our quantities that `keep` selects with the peer's results: same spans, same
/// values, and the same ISO currency wherever the peer gives one.
fn score_recognizers(case: &Case, keep: fn(&Quantity) -> bool) -> Verdict {
    let Some(expected) = case.expected.as_array() else {
        return Verdict::Fail(format!("unreadable expectation {}", case.expected));
    };
    if expected.iter().any(|e| e["value"].is_null()) {
        return Verdict::OutOfScope("a unit word with no number is no quantity");
    }
    if expected.iter().any(|e| e["unit"].as_str() == Some("Liang")) {
        return Verdict::OutOfScope(LIANG);
    }
    let ours: Vec<Found> = quantities(&case.input)
        .into_iter()
        .filter(|f| keep(&f.quantity))
        .collect();
    let same = expected.len() == ours.len()
        && expected.iter().zip(&ours).all(|(want, got)| {
            let span = want["start"].as_u64() == Some(got.start as u64)
                && want["end"].as_u64() == Some(got.end as u64);
            let value = json_number(&want["value"])
                .zip(got.quantity.value)
                .is_some_and(|(w, g)| close(w, g, TOLERANCE));
            let currency = want["iso_currency"]
                .as_str()
                .is_none_or(|code| got.quantity.currency.as_deref() == Some(code));
            span && value && currency
        });
    if same {
        Verdict::Pass
    } else {
        Verdict::Fail(describe(&ours))
    }
}

pub(super) fn score_recognizers_currency(case: &Case, _: &[Case]) -> Verdict {
    score_recognizers(case, |q| q.dimension == Dimension::Money)
}

pub(super) fn score_recognizers_dimension(case: &Case, _: &[Case]) -> Verdict {
    score_recognizers(case, |q| {
        matches!(
            q.dimension,
            Dimension::Area
                | Dimension::Length
                | Dimension::Mass
                | Dimension::Volume
                | Dimension::Energy
                | Dimension::Power
                | Dimension::Other
        )
    })
}

pub(super) fn score_recognizers_age(case: &Case, _: &[Case]) -> Verdict {
    score_recognizers(case, |q| q.dimension == Dimension::Age)
}

pub(super) fn score_recognizers_temperature(case: &Case, _: &[Case]) -> Verdict {
    score_recognizers(case, |q| q.dimension == Dimension::Temperature)
}

// ---------------------------------------------------------------------------------------
// Duckling: the whole input is one quantity.

/// The one quantity covering the whole input (surrounding white space aside), or why not.
fn whole_input_quantity(input: &str) -> Result<Quantity, String> {
    let records = extract(input);
    let trimmed_start = input.len() - input.trim_start().len();
    let trimmed_end = input.trim_end().len();
    match records.as_slice() {
        [Record::Quantity(q)] if q.start == trimmed_start && q.end == trimmed_end => Ok(q.clone()),
        _ => Err(format!("{records:?}")),
    }
}

/// How many of the peer's `unit` one of our units holds, for units both sides know.
fn in_peer_unit(ours: &str, peer: &str) -> Option<f64> {
    let metres = |u: &str| match u {
        "米" => Some(1.0),
        "厘米" => Some(0.01),
        "毫米" => Some(0.001),
        "公里" => Some(1000.0),
        "英尺" => Some(0.3048),
        "英寸" => Some(0.0254),
        "英里" => Some(1609.344),
        "海里" => Some(1852.0),
        _ => None,
    };
    let grams = |u: &str| match u {
        "克" => Some(1.0),
        "公斤" => Some(1000.0),
        "斤" => Some(500.0),
        "毫克" => Some(0.001),
        "微克" => Some(0.000_001),
        "吨" => Some(1_000_000.0),
        _ => None,
    };
    let litres = |u: &str| match u {
        "升" => Some(1.0),
        "毫升" => Some(0.001),
        "立方米" => Some(1000.0),
        "加仑" => Some(3.785_411_784),
        _ => None,
    };
    let seconds = |u: &str| match u {
        "秒" => Some(1.0),
        "分钟" => Some(60.0),
        "小时" => Some(3600.0),
        "天" => Some(86_400.0),
        "周" => Some(604_800.0),
        "个月" | "月" => Some(30.0 * 86_400.0),
        "年" => Some(365.0 * 86_400.0),
        _ => None,
    };
    let (ours_in_base, peer_in_base) = match peer {
        "metre" => (metres(ours), 1.0),
        "centimetre" => (metres(ours), 0.01),
        "kilometre" => (metres(ours), 1000.0),
        "foot" => (metres(ours), 0.3048),
        "inch" => (metres(ours), 0.0254),
        "mile" => (metres(ours), 1609.344),
        "gram" => (grams(ours), 1.0),
        "litre" => (litres(ours), 1.0),
        "millilitre" => (litres(ours), 0.001),
        "gallon" => (litres(ours), 3.785_411_784),
        "second" => (seconds(ours), 1.0),
        _ => return None,
    };
    ours_in_base.map(|base| base / peer_in_base)
}

/// Our value in the peer's unit, for one value object `{"value": V, "unit": U}`.
fn matches_value(ours: Option<f64>, q: &Quantity, want: &Value, dimension: &str) -> bool {
    let (Some(ours), Some(wanted)) = (ours, json_number(&want["value"])) else {
        return false;
    };
    let peer_unit = want["unit"].as_str().unwrap_or_default();
    let our_unit = q.unit.as_deref().unwrap_or_default();
    let converted = match dimension {
        "amount-of-money" => {
            if q.dimension != Dimension::Money {
                return false;
            }
            let currency_ok = match peer_unit {
                "cent" | "$" => true,
                code => q.currency.as_deref() == Some(code),
            };
            if !currency_ok {
                return false;
            }
            if peer_unit == "cent" {
                Some(ours * 100.0)
            } else {
                Some(ours)
            }
        }
        "temperature" => {
            let same = matches!(
                (peer_unit, our_unit),
                ("celsius", "℃") | ("fahrenheit", "℉") | ("degree", "度")
            );
            same.then_some(ours)
        }
        _ => in_peer_unit(our_unit, peer_unit).map(|factor| ours * factor),
    };
    converted.is_some_and(|v| close(v, wanted, TOLERANCE))
}

pub(super) fn score_duckling_quantity(case: &Case, _: &[Case]) -> Verdict {
    let dimension = case.flags["dimension"].as_str().unwrap_or_default();
    if let Some(reason) = duckling_scope(&case.input, dimension) {
        return Verdict::OutOfScope(reason);
    }
    let q = match whole_input_quantity(&case.input) {
        Ok(q) => q,
        Err(found) => return Verdict::Fail(found),
    };
    let expected = &case.expected;
    let ok = match expected["type"].as_str() {
        Some("value") => {
            let wanted = if dimension == "duration" {
                &expected["normalized"]
            } else {
                expected
            };
            q.value.is_some() && matches_value(q.value, &q, wanted, dimension)
        }
        Some("interval") => {
            let from = &expected["from"];
            let to = &expected["to"];
            match (from.is_object(), to.is_object()) {
                (true, true) => {
                    q.value.is_none()
                        && matches_value(q.low, &q, from, dimension)
                        && matches_value(q.high, &q, to, dimension)
                }
                (true, false) => {
                    matches!(q.approx, Approx::Over | Approx::AtLeast)
                        && matches_value(q.low, &q, from, dimension)
                }
                (false, true) => {
                    matches!(q.approx, Approx::Under | Approx::AtMost)
                        && matches_value(q.high, &q, to, dimension)
                }
                (false, false) => false,
            }
        }
        _ => false,
    };
    if ok {
        Verdict::Pass
    } else {
        Verdict::Fail(format!("{q:?}"))
    }
}

// ---------------------------------------------------------------------------------------
// JioNLP: money spans, and money parsed.

/// Why a JioNLP case is outside what the library promises, read off the input alone.
fn jionlp_scope(input: &str) -> Option<&'static str> {
    let chars: Vec<char> = input.chars().collect();
    let suffix = chars
        .windows(2)
        .any(|w| (w[0].is_ascii_digit() || w[0] == '~') && matches!(w[1], 'k' | 'K' | 'w' | 'W'));
    if suffix {
        return Some("thousands and ten-thousands written k and w (15k, 30w)");
    }
    let spaced = chars
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == ' ' && matches!(w[2], '万' | '萬' | '亿' | '億'));
    if spaced {
        return Some("a space between a number and its magnitude (1 万, 177.1 亿)");
    }
    None
}

pub(super) fn score_jionlp_money_extractor(case: &Case, _: &[Case]) -> Verdict {
    let Some(expected) = case.expected.as_array() else {
        return Verdict::Fail(format!("unreadable expectation {}", case.expected));
    };
    if let Some(reason) = jionlp_scope(&case.input) {
        return Verdict::OutOfScope(reason);
    }
    let ours = money(&case.input);
    let same = expected.len() == ours.len()
        && expected.iter().zip(&ours).all(|(want, got)| {
            want["start"].as_u64() == Some(got.start as u64)
                && want["end"].as_u64() == Some(got.end as u64)
        });
    if same {
        Verdict::Pass
    } else {
        Verdict::Fail(describe(&ours))
    }
}

/// The peer's currency name for an ISO code.
fn jionlp_currency(code: &str) -> Option<&'static str> {
    Some(match code {
        "CNY" => "元",
        "HKD" => "港元",
        "USD" => "美元",
        "EUR" => "欧元",
        "JPY" => "日元",
        "TWD" => "新台币",
        "GBP" => "英镑",
        "KRW" => "韩元",
        "RUB" => "卢布",
        "THB" => "泰铢",
        "AUD" => "澳元",
        "MOP" => "澳门元",
        "CAD" => "加元",
        _ => return None,
    })
}

pub(super) fn score_jionlp_money_parser(case: &Case, _: &[Case]) -> Verdict {
    if let Some(reason) = jionlp_scope(&case.input) {
        return Verdict::OutOfScope(reason);
    }
    let money = money(&case.input);
    let [found] = money.as_slice() else {
        return Verdict::Fail(describe(&money));
    };
    let q = &found.quantity;
    let expected = &case.expected;
    let number = |v: &Value| v.as_str().and_then(|s| s.parse::<f64>().ok());
    let amount_ok = match &expected["num"] {
        Value::Array(pair) if pair.len() == 2 => {
            let (low, high) = (number(&pair[0]), number(&pair[1]));
            q.value.is_none()
                && low.zip(q.low).is_some_and(|(w, g)| close(w, g, TOLERANCE))
                && high
                    .zip(q.high)
                    .is_some_and(|(w, g)| close(w, g, TOLERANCE))
        }
        single => number(single)
            .zip(q.value)
            .is_some_and(|(w, g)| (w - g).abs() < 0.005),
    };
    let currency_ok = q.currency.as_deref().and_then(jionlp_currency) == expected["case"].as_str();
    let exactness = match q.approx {
        _ if q.value.is_none() => "blur",
        Approx::Exact => "accurate",
        Approx::About => "blur",
        Approx::Over | Approx::AtLeast => "blur+",
        Approx::Nearly | Approx::Under | Approx::AtMost => "blur-",
    };
    let exactness_ok = expected["definition"].as_str() == Some(exactness);
    if amount_ok && currency_ok && exactness_ok {
        Verdict::Pass
    } else {
        Verdict::Fail(describe(&money))
    }
}
