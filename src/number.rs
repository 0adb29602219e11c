//! Numbers: numerals that stand for a number and belong to no other record.
//!
//! Three shapes: `N大` ("the N major …": `八大產業` → `八大`, 8), ordinals (`第七`, and
//! without 第 the number of a session or a phase: `十四届` → `十四`, `二期工程` → `二`), and
//! numerals standing alone: Arabic ones (`由3.27缩小至2.93`), Chinese ones of more than one
//! character, and bare magnitudes used as modifiers (`万亿级` → `万亿`). A single Chinese
//! digit is a number only as an ordinal: alone it is almost always part of a word.
//! Numerals followed by a unit are left to quantities and dates, which win the merge anyway.

use std::ops::Range;

use crate::lexicon::english_magnitudes::english_magnitude;
use crate::lexicon::units::unit_after;
use crate::record::{Approx, Dimension, Number, Record, ViewSpan};
use crate::scan::context::{magnitude_chain, past_digit_run};
use crate::scan::exclude::{self, Slogans};
use crate::scan::numeral::{
    digit_value, magnitude_value, may_start_numeral, NumeralAt, NumeralKind,
};
use crate::scan::Options;
use crate::scan::TextView;

/// The number scan over the view's candidate positions, visited in order.
pub(crate) struct Scan<'v, 't> {
    view: &'v TextView<'t>,
    /// Positions before `next` were read as part of a number or passed over.
    next: usize,
    /// The ends of the list labels passed over (`1.`, `2、`), past their mark, in order.
    labels: Vec<usize>,
}

impl<'v, 't> Scan<'v, 't> {
    pub(crate) fn new(view: &'v TextView<'t>, _options: &'v Options) -> Self {
        Scan {
            view,
            next: 0,
            labels: Vec::new(),
        }
    }

    /// The ends of the list labels the scan passed over (view positions past the label's
    /// mark), in order: a label bounds the clause a subject is looked for in.
    pub(crate) fn into_labels(self) -> Vec<usize> {
        self.labels
    }

    /// Reads at the candidate position of `numeral`, appending a number found there to `out`.
    /// `quantity` is the span of a quantity the quantity scan found at the same candidate.
    pub(crate) fn visit(
        &mut self,
        numeral: &mut NumeralAt<'_>,
        slogans: &Slogans,
        quantity: Option<Range<usize>>,
        out: &mut Vec<Record>,
        spans: &mut Vec<ViewSpan>,
    ) {
        let view = self.view;
        let chars = view.chars();
        let i = numeral.position();
        let c = chars[i];
        if i < self.next {
            return;
        }
        if !may_start_numeral(c) {
            return;
        }
        let in_slogan = slogans.covers(i);
        let Some(m) = numeral.get() else {
            if let Some((value, len)) = bare_magnitude(chars, i).filter(|_| !in_slogan) {
                push(view, (out, spans), i, i + len, value, false);
                self.next = i + len;
            } else {
                self.next = past_digit_run(chars, i);
            }
            return;
        };
        let (start, end) = (m.start, m.end);
        // A number is at most one character longer than its numeral (`八大`), and the merge
        // prefers a quantity to a number of the same span: a quantity from the same start that
        // ends past the numeral wins over any number read here.
        if quantity.is_some_and(|q| q.start == start && q.end > end) {
            self.next = end;
            return;
        }
        if let Some((mut span_end, ordinal)) = number_shape(chars, m, in_slogan) {
            // An English magnitude after the digits is part of the number (`1.2 billion`).
            let english = (m.kind == NumeralKind::Cardinal && chars[start].is_ascii_digit())
                .then(|| english_magnitude(chars, start, end))
                .flatten();
            let label = exclude::is_list_label(chars, start, end);
            if label {
                self.labels.push(end + 1);
            }
            let excluded = label
                || (chars[start].is_ascii_digit()
                    && (exclude::glued_to_letters(chars, start, end, english.is_some())
                        || exclude::is_time_or_code(chars, start, end)))
                || exclude::in_set_phrase(chars, start, end);
            let mut value = m.value;
            if let Some((magnitude, len)) = english.filter(|_| span_end == end) {
                span_end += len;
                value *= magnitude.factor;
            }
            if !excluded {
                push(view, (out, spans), start, span_end, value, ordinal);
            }
            self.next = span_end;
            return;
        }
        self.next = end;
    }
}

/// Whether the numeral `m` makes a number, and its span's end and whether it is an ordinal:
/// an ordinal with 第, a session number (`十四届`), a phase (`二期工程`) or a congress
/// (`党的二十大`), a rank (`前10位`), `N大`, a numeral standing alone, or inside a quoted
/// name one that counts what the name lists.
fn number_shape(
    chars: &[char],
    m: &crate::scan::numeral::NumeralMatch,
    in_slogan: bool,
) -> Option<(usize, bool)> {
    let (start, end) = (m.start, m.end);
    let cardinal = m.kind == NumeralKind::Cardinal;
    if m.kind == NumeralKind::Ordinal
        || (cardinal
            && (exclude::is_session_number(chars, end)
                || exclude::is_phase_number(chars, start, end)))
    {
        Some((end, true))
    } else if cardinal && exclude::is_rank(chars, start, end) {
        Some((end, false))
    } else if let Some(shape) = major_count(chars, m) {
        Some(shape)
    } else if cardinal
        && if in_slogan {
            counts_in_name(chars, m)
        } else {
            stands_alone(chars, start, end)
        }
    {
        Some((end, false))
    } else {
        None
    }
}

/// Whether the numeral `m`, inside a quoted name, counts what the name lists: two or more
/// followed by a classifier (`“五个中心”`, `“80条”`, `“两个不允许”`). The name measures
/// nothing, so no quantity is made of it (SPEC §5), but its numeral means what it says and
/// keeps a `number`, as `“八大工程”` does; a code (`“四化”`, `“1+3+4”`) keeps none, nor does
/// one that abbreviates places (`“两区”`, `“三区一中心”`).
fn counts_in_name(chars: &[char], m: &crate::scan::numeral::NumeralMatch) -> bool {
    m.integer.is_some_and(|n| n >= 2)
        && unit_after(chars, m.end).is_some_and(|(unit, _)| {
            unit.dimension == Dimension::Count && !unit.is_administrative()
        })
}

/// Appends the number at view positions `start..end` to the records of `out`, and its span
/// to the spans.
fn push(
    view: &TextView<'_>,
    (out, spans): (&mut Vec<Record>, &mut Vec<ViewSpan>),
    start: usize,
    end: usize,
    value: f64,
    ordinal: bool,
) {
    spans.push((start, end));
    let (byte_start, byte_end) = view.byte_span(start..end);
    out.push(Record::Number(Number {
        text: view.source()[byte_start..byte_end].into(),
        start: byte_start,
        end: byte_end,
        value,
        ordinal,
        approx: Approx::Exact,
    }));
}

/// `N大` (`八大`, `20大`, `兩大`): the end of the span with 大, for a whole number of two or
/// more followed by 大 that is not `大于` / `大约` / `大概`, and whether it is an ordinal: a
/// party congress (`党的二十大`, see [`exclude::is_congress_number`]) rather than a count of
/// major items.
fn major_count(chars: &[char], m: &crate::scan::numeral::NumeralMatch) -> Option<(usize, bool)> {
    let n = m.integer.filter(|&n| n >= 2)?;
    if m.kind != NumeralKind::Cardinal || chars.get(m.end) != Some(&'大') {
        return None;
    }
    if exclude::is_congress_number(chars, m.start, m.end, n) {
        return Some((m.end + 1, true));
    }
    let comparison = matches!(
        chars.get(m.end + 1),
        Some('于' | '约' | '概' | '致' | '小' | '多')
    );
    (!comparison).then_some((m.end + 1, false))
}

/// A bare run of magnitudes used as a number (`万亿级`, `千亿级`, `百亿县区`): two or more
/// magnitude words with no digit before them and no unit after them (`千亿元` is a quantity).
fn bare_magnitude(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if i > 0 && (digit_value(chars[i - 1]).is_some() || magnitude_value(chars[i - 1]).is_some()) {
        return None;
    }
    let (value, len) = magnitude_chain(chars, i)?;
    // After 每 a magnitude alone is the size of a rate's denominator, whatever follows it,
    // unless it opens a unit (`每千克`).
    if i > 0 && chars[i - 1] == '每' && unit_after(chars, i).is_none() {
        return Some((value, len));
    }
    let followed = chars.get(i + len).copied();
    // 千万 before 不, 要, 别 … is "by all means", not ten million.
    let adverb = followed.is_some_and(|c| matches!(c, '不' | '要' | '别' | '莫' | '勿' | '得'))
        && chars[i..i + len] == ['千', '万'];
    let qualified = matches!(followed, Some('余' | '多')) || adverb;
    if len < 2 || qualified || exclude::in_set_phrase(chars, i, i + len) {
        return None;
    }
    // 级 after a bare magnitude is a grade (`万亿级产业`), not a unit of it.
    let unit = unit_after(chars, i + len).filter(|(unit, _)| unit.unit != "级");
    unit.is_none().then_some((value, len))
}

/// Whether the numeral `chars[start..end]` stands for a number by itself: written with an
/// Arabic digit or with two or more Chinese numeral characters, not followed by a unit, a
/// date or time word, or a vague word, and not preceded by one (`数`, `几`, `上`).
fn stands_alone(chars: &[char], start: usize, end: usize) -> bool {
    let arabic = chars[start..end].iter().any(char::is_ascii_digit);
    if !arabic && end - start < 2 {
        return false;
    }
    let before = start.checked_sub(1).map(|k| chars[k]);
    if matches!(before, Some('数' | '几' | '上' | '第' | '近' | '约' | '超')) {
        return false;
    }
    let after = chars.get(end).copied();
    // A digit the numeral did not take (`十四五`, `一二`) makes the run a name or a list; a
    // lost character on either side (`1?万`) leaves the number unreadable.
    if after.and_then(digit_value).is_some()
        || before.is_some_and(exclude::is_lost_mark)
        || after.is_some_and(exclude::is_lost_mark)
    {
        return false;
    }
    if matches!(
        after,
        Some(
            '年' | '月'
                | '日'
                | '号'
                | '时'
                | '点'
                | '分'
                | '秒'
                | '几'
                | '余'
                | '多'
                | '来'
                | '%'
                | '‰'
                | '/'
        )
    ) {
        return false;
    }
    unit_after(chars, end).is_none()
        && !(after == Some(' ') && unit_after(chars, end + 1).is_some())
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Kind, Number};

    fn numbers(text: &str) -> Vec<(String, f64, bool)> {
        Extractor::builder()
            .kinds([Kind::Number])
            .build()
            .unwrap()
            .numbers(text)
            .into_iter()
            .map(
                |Number {
                     text,
                     value,
                     ordinal,
                     ..
                 }| (text.into(), value, ordinal),
            )
            .collect()
    }

    type Case = (&'static str, &'static [(&'static str, f64, bool)]);

    #[test]
    fn major_counts_ordinals_and_bare_numbers() {
        let cases: &[Case] = &[
            ("全面梳理八大產業34個領域", &[("八大", 8.0, false)]),
            ("深化20大先進製造業園區布局", &[("20大", 20.0, false)]),
            ("算力規模位列全國第七", &[("第七", 7.0, true)]),
            (
                "收入比值由3.27缩小至2.93",
                &[("3.27", 3.27, false), ("2.93", 2.93, false)],
            ),
            ("形成4个万亿级主导产业", &[("万亿", 1e12, false)]),
            ("形成一批成果", &[]),
            ("引入第三方评估", &[]),
            ("“十四五”时期", &[]),
            ("科技创新“八大工程”", &[("八大", 8.0, false)]),
            ("部署5G基站", &[]),
            ("一大批项目", &[]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, f64, bool)> = expected
                .iter()
                .map(|(t, v, o)| ((*t).to_owned(), *v, *o))
                .collect();
            assert_eq!(numbers(text), expected, "{text}");
        }
    }
}
