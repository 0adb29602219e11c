//! The facts table (SPEC §6): one row per quantity with what it measures, the year it is
//! about and the sentence it stands in — the table an analyst builds by hand.
//!
//! ```
//! use xinzhi_extract::facts;
//! let rows = facts(&["2025年，全省地区生产总值达到5.1万亿元、增长5.5%。"]);
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[1].quantity.subject.as_deref(), Some("地区生产总值"));
//! assert_eq!((rows[1].quantity.value, rows[1].context.year), (Some(5.5), Some(2025)));
//! assert_eq!(rows[0].sentence, "2025年，全省地区生产总值达到5.1万亿元、增长5.5%");
//! ```

use serde::{Deserialize, Serialize};

use crate::extract::Extractor;
use crate::lexicon::subjects::is_sentence_end;
use crate::record::{Kind, Quantity, Record};
use crate::scan::KindSet;

/// The most characters of a sentence a fact reports on either side of its quantity: a text
/// with no sentence end still costs linear time and memory.
pub const MAX_SENTENCE_CHARS: usize = 300;

/// One quantity with its context: a row of [`facts`]. The quantity is kept whole, so that a
/// fact says of it exactly what the record does; serialized, its fields and the context's
/// stand beside `doc` and `sentence` in one flat row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Index of the text among those given.
    pub doc: usize,
    /// The quantity, with its [`subject`](Quantity::subject).
    #[serde(flatten)]
    pub quantity: Quantity,
    /// The year it is about and where its sentence lies.
    #[serde(flatten)]
    pub context: FactContext,
    /// The sentence the quantity stands in, without its end mark (at most
    /// [`MAX_SENTENCE_CHARS`] characters on either side of the quantity).
    pub sentence: String,
}

/// The facts of `texts` with the [shared](Extractor::shared) extractor.
#[must_use]
pub fn facts<S: AsRef<str>>(texts: &[S]) -> Vec<Fact> {
    Extractor::shared().facts(texts)
}

impl Extractor {
    /// One [`Fact`] per quantity of each text, in the order of the texts and of the
    /// quantities in each; `doc` is the index of the text.
    #[must_use]
    pub fn facts<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Fact> {
        let mut out = Vec::new();
        for (doc, text) in texts.iter().enumerate() {
            self.facts_of(doc, text.as_ref(), &mut out);
        }
        out
    }

    /// Appends the facts of one text, numbered `doc`, to `out`.
    pub fn facts_of(&self, doc: usize, text: &str, out: &mut Vec<Fact>) {
        let kinds = KindSet::NONE.with(Kind::Quantity).with(Kind::Date);
        let records = self.extract_kinds(text, kinds);
        let mut contexts = FactContexts::new(text);
        for record in records {
            if let (Some(context), Record::Quantity(quantity)) = (contexts.read(&record), record) {
                out.push(fact(doc, text, quantity, context));
            }
        }
    }
}

/// What a fact adds to its quantity: the year it is about and the sentence it stands in
/// ([`Fact::context`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactContext {
    /// The year of the date nearest before the quantity in its sentence, if that date states
    /// one.
    pub year: Option<i32>,
    /// Byte offset of the sentence in its text.
    pub sentence_start: usize,
    /// Byte offset one past the sentence.
    pub sentence_end: usize,
}

/// The [`FactContext`] of each quantity of one text, for callers that hold the text's records
/// in another form than [`Fact`] (columns, pieces of a long text): the records are read in
/// order, the dates among them remembered for the quantities after them.
///
/// ```
/// use xinzhi_extract::{FactContexts, Extractor, Record};
///
/// let text = "2025年，地区生产总值增长5.5%。新增企业77家。";
/// let mut contexts = FactContexts::new(text);
/// let found: Vec<_> = Extractor::shared()
///     .extract(text)
///     .iter()
///     .filter_map(|record| contexts.read(record))
///     .map(|c| (c.year, &text[c.sentence_start..c.sentence_end]))
///     .collect();
/// assert_eq!(
///     found,
///     [(Some(2025), "2025年，地区生产总值增长5.5%"), (None, "新增企业77家")]
/// );
/// ```
#[derive(Debug, Clone)]
pub struct FactContexts<'t> {
    text: &'t str,
    /// The start and year of the last date read.
    last_date: Option<(usize, Option<i32>)>,
}

impl<'t> FactContexts<'t> {
    /// FactContexts in `text`, before any record is read.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        FactContexts {
            text,
            last_date: None,
        }
    }

    /// Reads the next record of the text (its offsets in bytes of the whole text): the
    /// context of a quantity, `None` for any other record.
    pub fn read(&mut self, record: &Record) -> Option<FactContext> {
        match record {
            Record::Date(date) => {
                self.last_date = Some((date.start, date.year));
                None
            }
            Record::Quantity(quantity) => {
                let sentence = Sentence::of(self.text, quantity);
                let year = self
                    .last_date
                    .filter(|&(start, _)| start >= sentence.start)
                    .and_then(|(_, year)| year);
                Some(FactContext {
                    year,
                    sentence_start: sentence.start,
                    sentence_end: sentence.end,
                })
            }
            _ => None,
        }
    }
}

fn fact(doc: usize, text: &str, quantity: Quantity, context: FactContext) -> Fact {
    Fact {
        doc,
        quantity,
        context,
        sentence: text[context.sentence_start..context.sentence_end].to_owned(),
    }
}

/// The sentence around one quantity: back to the last sentence end before it and on to the
/// first one after it, at most [`MAX_SENTENCE_CHARS`] characters each way, so the work per
/// quantity is bounded whatever the text.
struct Sentence {
    start: usize,
    end: usize,
}

impl Sentence {
    /// The sentence of `quantity` in `text`.
    fn of(text: &str, quantity: &Quantity) -> Sentence {
        let before = &text[..quantity.start];
        let mut start = quantity.start;
        for (i, c) in before.char_indices().rev().take(MAX_SENTENCE_CHARS) {
            if is_sentence_end(c) {
                break;
            }
            start = i;
        }
        let after = &text[quantity.end..];
        let mut end = quantity.end;
        for (i, c) in after.char_indices().take(MAX_SENTENCE_CHARS) {
            if is_sentence_end(c) {
                break;
            }
            end = quantity.end + i + c.len_utf8();
        }
        // Leading spaces and line indents are not part of the sentence.
        let trimmed = text[start..end].trim_start();
        Sentence {
            start: end - trimmed.len(),
            end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_per_quantity_with_its_sentence_and_year() {
        let texts = [
            "2024年，全省一般公共预算收入完成1312.5亿元，同比增长6.8%。\n新增企业77家。",
            "无数字",
            "2026年2月港府出資273億元；太古持股42.26%",
        ];
        let rows = facts(&texts);
        let summary: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.doc,
                    r.quantity.subject.as_deref(),
                    r.context.year,
                    r.sentence.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    0,
                    Some("一般公共预算收入"),
                    Some(2024),
                    "2024年，全省一般公共预算收入完成1312.5亿元，同比增长6.8%"
                ),
                (
                    0,
                    Some("一般公共预算收入"),
                    Some(2024),
                    "2024年，全省一般公共预算收入完成1312.5亿元，同比增长6.8%"
                ),
                (0, Some("企业"), None, "新增企业77家"),
                (2, Some("港府出資"), Some(2026), "2026年2月港府出資273億元"),
                (2, Some("太古持股"), None, "太古持股42.26%"),
            ]
        );
        for row in &rows {
            let text = texts[row.doc];
            assert_eq!(
                &text[row.quantity.start..row.quantity.end],
                row.quantity.text
            );
            let context = row.context;
            assert_eq!(
                &text[context.sentence_start..context.sentence_end],
                row.sentence
            );
        }
    }

    #[test]
    fn a_fact_serializes_as_one_flat_row() {
        let rows = facts(&["2025年，全省地区生产总值增长5.5%。"]);
        let row = serde_json::to_value(&rows[0]).unwrap();
        for (key, value) in [
            ("doc", serde_json::json!(0)),
            ("subject", serde_json::json!("地区生产总值")),
            ("value", serde_json::json!(5.5)),
            ("year", serde_json::json!(2025)),
            (
                "sentence",
                serde_json::json!("2025年，全省地区生产总值增长5.5%"),
            ),
        ] {
            assert_eq!(row[key], value, "{key}");
        }
        let back: Fact = serde_json::from_value(row).unwrap();
        assert_eq!(back, rows[0]);
    }

    #[test]
    fn a_sentence_without_end_is_cut_around_its_quantity() {
        let text = "企业".repeat(10_000) + "新增营收4.2亿元" + &"企业".repeat(10_000);
        let rows = facts(&[text]);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].sentence.chars().count() <= 2 * MAX_SENTENCE_CHARS + 8);
        assert_eq!(rows[0].quantity.subject.as_deref(), Some("营收"));
    }
}
