//! Every row of the lexicons takes effect: each unit form, approximation word, numeral
//! character and relative year is extracted from a template sentence of the genre with what
//! its row says. Adding a row to a table is the whole change; a row this test cannot see
//! working is a row that does nothing.

use xinzhi_extract::lexicon::approx::{Side, APPROX_WORDS};
use xinzhi_extract::lexicon::numerals::{Meaning, Script, NUMERAL_CHARS};
use xinzhi_extract::lexicon::relative_years::RELATIVE_YEARS;
use xinzhi_extract::lexicon::units::{Currency, Placement, Unit, UNITS};
use xinzhi_extract::{Approx, Dimension, Extractor, Quantity, Record};

/// The sentence a unit form is tried in, with the number written `35` (no month, day or
/// calendar year is 35). Temperatures and bare durations read in their own context.
fn unit_sentences(unit: &Unit) -> Vec<String> {
    let form = unit.form;
    let latin = form.starts_with(|c: char| c.is_ascii_alphabetic());
    let gap = if latin { " " } else { "" };
    let lead = match unit.dimension {
        Dimension::Temperature => "当日最高气温达",
        Dimension::Duration => "项目建设周期为",
        Dimension::Age => "参保人员平均年龄为",
        _ => "全省全年累计完成",
    };
    let mut sentences = Vec::new();
    if unit.placement != Placement::Before {
        sentences.push(format!("{lead}35{form}，同比持平。"));
    }
    if unit.placement != Placement::After {
        sentences.push(format!("{lead}{form}{gap}35，同比持平。"));
    }
    sentences
}

fn quantities(text: &str) -> Vec<Quantity> {
    Extractor::new().quantities(text)
}

#[test]
fn every_unit_form_extracts_with_its_unit_dimension_and_currency() {
    let mut failures = Vec::new();
    for unit in UNITS {
        for sentence in unit_sentences(unit) {
            let found = quantities(&sentence);
            let expected_currency = match unit.currency {
                Currency::None => None,
                Currency::Yuan => Some("CNY"),
                Currency::Code(code) => Some(code),
            };
            let ok = found.iter().any(|q| {
                q.text.contains(unit.form)
                    && q.unit.as_deref() == Some(unit.unit)
                    && q.dimension == unit.dimension
                    && q.currency.as_deref() == expected_currency
                    && q.value == Some(35.0 * unit.factor)
            });
            if !ok {
                failures.push(format!("{} in {sentence:?}: {found:?}", unit.form));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_approximation_word_sets_its_approx() {
    let mut failures = Vec::new();
    for word in APPROX_WORDS {
        let sentence = match word.side {
            Side::Before => format!("全省新增企业{}350家，同比持平。", word.form),
            Side::After => format!("全省新增企业350家{}，同比持平。", word.form),
        };
        let found = quantities(&sentence);
        let ok = found
            .iter()
            .any(|q| q.text.contains(word.form) && q.approx == word.approx);
        if !ok {
            failures.push(format!("{} in {sentence:?}: {found:?}", word.form));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(APPROX_WORDS.iter().any(|w| w.approx != Approx::Exact));
}

#[test]
fn every_numeral_character_reads_as_its_row_says() {
    let mut failures = Vec::new();
    for row in NUMERAL_CHARS {
        let c = row.c;
        // Financial forms are words when alone (陆续, 队伍); they read in a financial numeral.
        let (numeral, value) = match row.meaning {
            Meaning::Digit(_) if row.script == Script::ReadOut => (format!("幺{c}{c}"), 111.0),
            Meaning::Digit(d) if row.script == Script::Financial => {
                (format!("壹拾{c}"), 10.0 + f64::from(d))
            }
            Meaning::Digit(d) => (format!("{c}"), f64::from(d)),
            Meaning::Magnitude(e) if row.script == Script::Financial => {
                (format!("壹{c}"), 10_f64.powi(i32::from(e)))
            }
            Meaning::Magnitude(e) => (format!("三{c}"), 3.0 * 10_f64.powi(i32::from(e))),
            Meaning::Tens(t) => (format!("{c}三"), f64::from(t) * 10.0 + 3.0),
            Meaning::Minus => (format!("{c}3"), -3.0),
            Meaning::Ordinal => (format!("{c}三"), 3.0),
        };
        let parsed = xinzhi_extract::parse_numeral(&numeral).map(|n| n.as_f64());
        if parsed.as_ref().ok() != Some(&value) {
            failures.push(format!(
                "{c}: {numeral:?} parsed as {parsed:?}, not {value}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_relative_year_resolves_against_the_reference_year() {
    let extractor = Extractor::builder().reference_year(2025).build().unwrap();
    let mut failures = Vec::new();
    for relative in RELATIVE_YEARS {
        let sentence = format!("{}，全省新增企业350家。", relative.word);
        let records = extractor.extract(&sentence);
        let ok = records.iter().any(|r| match r {
            Record::Date(d) => {
                d.text.contains(relative.word) && d.year == Some(2025 + relative.offset)
            }
            _ => false,
        });
        if !ok {
            failures.push(format!("{} in {sentence:?}: {records:?}", relative.word));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
