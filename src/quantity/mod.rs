//! Quantities: a number with a unit or classifier (`8990萬元`, `超9.3萬個`, `3年左右`, `近65%`).
//!
//! One pass over the view's candidate positions, beside the number scan (the numeral at each
//! position is read once for both). Where a number can open, [`amount::read`] reads
//! the number part (a numeral, a range, a vague number); [`assemble`] then looks for what
//! makes it a quantity (a unit after it, a currency sign before it, or a noun it counts) and
//! for the words around it: approximation words, which join the span, and verbs of change,
//! which only set the trend. Every look-around is bounded, so the pass is linear.

mod amount;

use compact_str::CompactString;
use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::approx::{
    approx_after, approx_before, arrival_before, filler_before, is_clause_break, trend_before,
    CHANGE_NOUN_ENDINGS, CHANGE_SIZE_WORDS, TREND_STOPS,
};
use crate::lexicon::approx::{ApproxWord, HALF, VAGUE_NUMBER_WORDS};
use crate::lexicon::char_set::CharSet;
use crate::lexicon::ends_with_word;
use crate::lexicon::marks::{
    chars_set, framed_as_label, is_lost_mark, range_separator_len, LOST_MARKS, PRIVATE_USE,
};
use crate::lexicon::numerals::OPENERS;
use crate::lexicon::phrases::NOT_COUNTED;
use crate::lexicon::units::{
    currency_before, is_administrative_unit, may_end_currency_before, temperature_scale_before,
    unit_after, Currency, Unit,
};
use crate::record::{Approx, Dimension, Quantity, Record, Trend};
use crate::scan::numeral::{digit_value, may_start_numeral, NumeralAt, NumeralKind};
use crate::scan::Options;
use crate::scan::{is_han, TextView};

use crate::scan::context::past_digit_run;
use crate::scan::exclude::{self, Slogans};
use amount::{inclusive_mark_len, Amount, Reading, Shape};

/// How far back a verb of change may govern a quantity (`净增有进出口实绩企业485家`).
const TREND_WINDOW: usize = 24;
/// How far back a clause is searched for the electricity that makes `度` a kilowatt-hour.
const ELECTRICITY_WINDOW: usize = 12;

/// The quantity scan over the view's candidate positions, visited in order.
pub(crate) struct Scan<'v, 't> {
    view: &'v TextView<'t>,
    options: &'v Options,
    /// Where the last quantity ended: words before a quantity are looked for after it only.
    floor: usize,
    previous: Option<Listed>,
    /// Positions before `next` were read as part of a quantity or passed over.
    next: usize,
}

impl<'v, 't> Scan<'v, 't> {
    pub(crate) fn new(view: &'v TextView<'t>, options: &'v Options) -> Self {
        Scan {
            view,
            options,
            floor: 0,
            previous: None,
            next: 0,
        }
    }

    /// Reads at the candidate position of `numeral`, appending a quantity found there to `out`
    /// and returning its span in view positions. No quantity comes from inside a coded slogan
    /// (`“五个中心”`, `“两个10亿元”`): it names a programme and measures nothing (SPEC §5).
    pub(crate) fn visit(
        &mut self,
        numeral: &mut NumeralAt<'_>,
        slogans: &Slogans,
        out: &mut Vec<Record>,
    ) -> Option<Range<usize>> {
        let view = self.view;
        let chars = view.chars();
        let i = numeral.position();
        if i < self.next || !may_open_amount(chars[i]) {
            return None;
        }
        // Matched by reference: the amount is read where `read` left it, not copied out.
        let reading = amount::read(chars, numeral);
        match &reading {
            Reading::Nothing => self.next = past_digit_run(chars, i),
            &Reading::Skip(end) => self.next = end,
            Reading::Amount(a) => {
                let previous = self.previous.as_ref();
                let in_slogan = slogans.covers(a.start);
                match assemble(chars, a, self.floor, self.options, in_slogan, previous) {
                    Some(found) => {
                        self.floor = found.end;
                        self.next = found.end;
                        self.previous = Some(Listed {
                            end: found.end,
                            dimension: found.quantity.dimension,
                            trend: found.quantity.trend,
                        });
                        let (start, end) = view.byte_span(found.start..found.end);
                        out.push(Record::Quantity(Quantity {
                            text: view.source()[start..end].into(),
                            start,
                            end,
                            ..found.quantity
                        }));
                        return Some(found.start..found.end);
                    }
                    None => self.next = a.end,
                }
            }
        }
        None
    }
}

/// Whether `c` may open the number part of a quantity. Asked at every candidate: one load
/// settles the characters of the Basic Multilingual Plane.
fn may_open_amount(c: char) -> bool {
    AMOUNT_OPENERS.contains(c) || (c as u32 > 0xFFFF && is_lost_mark(c))
}

/// The characters of the Basic Multilingual Plane that may open the number part of a
/// quantity: those that open a numeral, the half, the words that open a vague number and the
/// marks of a lost character.
static AMOUNT_OPENERS: CharSet = {
    let mut set = CharSet::EMPTY
        .union(&OPENERS)
        .union(&chars_set(LOST_MARKS))
        .union(&CharSet::new(&[], &[PRIVATE_USE]))
        .with_char(HALF);
    let mut k = 0;
    while k < VAGUE_NUMBER_WORDS.len() {
        set = set.with_char(VAGUE_NUMBER_WORDS[k].0);
        k += 1;
    }
    set
};

/// A quantity found, in view positions, before its text and byte offsets are filled in.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    quantity: Quantity,
}

/// What the quantity after a quantity needs to know of it: a quantity listed after another
/// (`分别增长32.9%、41.6%`) shares its trend.
#[derive(Debug, Clone, Copy)]
struct Listed {
    /// One past its last view position.
    end: usize,
    dimension: Dimension,
    trend: Option<Trend>,
}

/// What a quantity's unit turned out to be.
#[derive(Debug, Clone, Copy)]
struct Measure {
    /// The form as written (`块`, `度`), when a unit was written.
    form: Option<&'static str>,
    unit: Option<&'static str>,
    /// The unit after `/` or 每 in a rate (`元/吨`, `微克/立方米`, `公里每小时`).
    per: Option<&'static str>,
    dimension: Dimension,
    currency: Option<&'static str>,
    factor: f64,
}

impl Measure {
    /// A measure with no written form and no currency: a percentage, a ratio, a counted noun.
    const fn bare(unit: Option<&'static str>, dimension: Dimension) -> Measure {
        Measure {
            form: None,
            unit,
            per: None,
            dimension,
            currency: None,
            factor: 1.0,
        }
    }

    /// The measure a written unit gives, its currency aside.
    fn of_form(unit: &'static Unit) -> Measure {
        Measure {
            form: Some(unit.form),
            unit: Some(unit.unit),
            dimension: unit.dimension,
            factor: unit.factor,
            ..Measure::bare(None, unit.dimension)
        }
    }

    /// The measure a written unit gives, with the currency it names under `options`.
    fn of(unit: &'static Unit, options: &Options) -> Measure {
        Measure {
            currency: currency_code(unit.currency, options),
            ..Measure::of_form(unit)
        }
    }
}

fn currency_code(currency: Currency, options: &Options) -> Option<&'static str> {
    match currency {
        Currency::None => None,
        Currency::Yuan => Some(options.yuan_currency),
        Currency::Code(code) => Some(code),
    }
}

/// A quantity being assembled from its number part: the span and bounds so far, in view
/// positions. Each step of [`assemble`] widens the span or settles a bound.
#[derive(Debug, Clone, Copy)]
struct Draft {
    start: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    approx: Approx,
}

/// Turns a number part into a quantity, or says it is none: the steps below, in order. None
/// comes from inside a coded slogan (`in_slogan`), which names a programme and measures nothing.
fn assemble(
    chars: &[char],
    a: &Amount,
    floor: usize,
    options: &Options,
    in_slogan: bool,
    previous: Option<&Listed>,
) -> Option<Found> {
    let (mut measure, mut end, half_added) = unit_after_number(chars, a, options)?;
    // Most numerals of running text are inside words and have no unit: settle those before
    // the costlier checks below.
    if measure.is_none() && !a.counts_noun && !may_follow_currency(chars, a.start) {
        return None;
    }
    if in_slogan || is_no_amount(chars, a) {
        return None;
    }
    if let Some(m) = measure.as_mut() {
        end += rate_after_unit(chars, end, m);
        // What the unit rules out (a year read as a span of time, a month's name) is settled
        // before the costlier checks below. Only a money unit gives way to a currency written
        // before the number, and no unit [`plausible`] checks is money; a currency or a
        // counted noun, the measures of a number with no unit, passes it.
        if !plausible(chars, a, m, end) {
            return None;
        }
    }
    let approx_first =
        approx_before_spaced(chars, a.start).filter(|(_, len)| a.start - len >= floor);
    // A lone 一 before a classifier is the article (`一个`, `一项`), a count only after a word
    // of approximation (`近一个`): see [`shape_fits`], settled here before the costlier
    // checks. No currency goes with a count.
    let article = a.shape == Shape::LoneOne
        && approx_first.is_none()
        && measure
            .as_ref()
            .is_some_and(|m| m.dimension == Dimension::Count);
    if article {
        return None;
    }
    // A ratio word is a word of its own, whatever phrase its numeral could also open.
    if a.shape != Shape::Word
        && (exclude::is_list_label(chars, a.start, a.end)
            || exclude::in_set_phrase(chars, a.start, a.end))
    {
        return None;
    }
    // Latin letters after the number that belong to its unit (`168cm`, `35km²`, `5kg左右`)
    // do not glue it to a word.
    let latin_unit = a.latin_magnitude || chars[a.end..end].iter().any(char::is_ascii_alphabetic);
    if a.arabic && exclude::glued_to_letters(chars, a.start, a.end, latin_unit) {
        return None;
    }
    let mut draft = Draft {
        start: a.start,
        end,
        value: a.value.map(|v| v + half_added),
        low: a.low.map(|v| v + half_added),
        high: a.high.map(|v| v + half_added),
        approx: a.approx,
    };
    let currency_start =
        currency_before_number(chars, a, approx_first, floor, options, &mut measure);
    let mut measure = match measure {
        Some(m) => m,
        None if a.counts_noun && counts_a_noun(chars, a.end) => {
            Measure::bare(None, Dimension::Count)
        }
        None => return None,
    };
    let before_approx =
        draft.take_approx_before(chars, floor, approx_first, currency_start, &measure);
    // A magnitude and unit with no number, written as a label (`單位：千元`), names the unit
    // of figures elsewhere: it states no amount, never 1000 (SPEC §5).
    // So does one whose number a line break cut off (`投资5⏎万元以上`, from a wrapped PDF
    // line): spaces are stepped over within a number, never a line break (SPEC §5).
    let bare =
        a.is_bare_magnitude() && before_approx.is_none() && measure.dimension != Dimension::Count;
    let label = bare
        && ((draft.approx == Approx::Exact && framed_as_label(chars, draft.start, end))
            || after_cut_number(chars, draft.start));
    if label {
        (draft.value, draft.low, draft.high) = (None, None, None);
    } else if !shape_fits(a, &measure, before_approx) {
        return None;
    }
    draft.take_after_unit(chars, a, &measure, before_approx);
    draft.take_age_and_temperature(chars, floor, &mut measure);
    let listed_after = previous.filter(|p| p.dimension == measure.dimension);
    let trend = trend_of(chars, draft.start, floor, listed_after);
    Some(draft.finish(&measure, trend))
}

/// Whether `start` opens a line whose break cut a number: the line before ends with a digit.
fn after_cut_number(chars: &[char], start: usize) -> bool {
    let mut k = start;
    let mut breaks = 0;
    while k > 0 && matches!(chars[k - 1], '\n' | '\r') {
        k -= 1;
        breaks += 1;
    }
    breaks > 0 && k > 0 && digit_value(chars[k - 1]).is_some()
}

/// The approximation word before `start`, perhaps with one space between (`約 19.5億港元`, as
/// typeset text writes it), with its length and the space's.
fn approx_before_spaced(chars: &[char], start: usize) -> Option<(&'static ApproxWord, usize)> {
    approx_before(chars, start).or_else(|| {
        let spaced = start > 0
            && matches!(
                chars[start - 1],
                ' ' | '\u{A0}' | '\u{3000}' | '\u{2009}' | '\u{202F}'
            );
        spaced
            .then(|| approx_before(chars, start - 1))
            .flatten()
            .map(|(word, len)| (word, len + 1))
    })
}

/// Numbers that are no amount whatever follows them: a clock time or code, the unit of a
/// rate (`每千克`, `每万人`), a session (`十四届`), a phase (`二期工程`), a rank (`前10位`).
fn is_no_amount(chars: &[char], a: &Amount) -> bool {
    if a.arabic && exclude::is_time_or_code(chars, a.start, a.end) {
        return true;
    }
    let per = a.start > 0 && chars[a.start - 1] == '每';
    per || exclude::is_session_number(chars, a.end)
        || exclude::is_phase_number(chars, a.start, a.end)
        || exclude::is_rank(chars, a.start, a.end)
}

/// The measure the number's kind or the unit after it gives, the end of the span so far, and
/// the half a `个半` adds (`一个半小时`). `None` when no quantity can be made (an ordinal);
/// a measure of `None` when no unit follows.
fn unit_after_number(
    chars: &[char],
    a: &Amount,
    options: &Options,
) -> Option<(Option<Measure>, usize, f64)> {
    let end = a.end;
    if let Some(word) = a.ratio_word {
        return Some((Some(Measure::bare(word.unit, word.dimension)), end, 0.0));
    }
    Some(match a.kind {
        NumeralKind::Percent => (Some(Measure::bare(Some("%"), Dimension::Percent)), end, 0.0),
        NumeralKind::PerMille => (
            Some(Measure::bare(Some("‰"), Dimension::Permille)),
            end,
            0.0,
        ),
        NumeralKind::Cardinal | NumeralKind::Fraction => {
            if let Some((unit, len)) = half_more(chars, end).filter(|_| a.value.is_some()) {
                // 个多 adds no half: it makes the amount `over`, see `take_after_unit`.
                let half = if chars[end + 1] == '半' { 0.5 } else { 0.0 };
                (Some(Measure::of(unit, options)), end + len, half)
            } else if let Some((unit, len)) = unit_at(chars, end, a) {
                let measure = if unit.form == "度" && means_electricity(chars, a) {
                    Measure {
                        form: Some("度"),
                        ..Measure::bare(Some("千瓦时"), Dimension::Energy)
                    }
                } else if unit.form == "度" && counts_times(chars, end + len) {
                    // 度 before a verb counts times (`共3度修改计画`, `一度停摆`), no
                    // temperature.
                    Measure {
                        form: Some("度"),
                        ..Measure::bare(Some("度"), Dimension::Count)
                    }
                } else if unit.form == "块" && counts_a_noun(chars, end + len) {
                    // 块 before the noun it counts is the classifier of pieces and plots
                    // (`三块地`, `17块污染地块`, `兩塊牌子`), money only where nothing is
                    // counted (`7块`, `3.04块以上`, `一块二`).
                    Measure {
                        form: Some("块"),
                        ..Measure::bare(Some("块"), Dimension::Count)
                    }
                } else {
                    Measure::of(unit, options)
                };
                (Some(measure), end + len, 0.0)
            } else if a.kind == NumeralKind::Fraction {
                (Some(Measure::bare(None, Dimension::Ratio)), end, 0.0)
            } else {
                (None, end, 0.0)
            }
        }
        NumeralKind::Ordinal => return None,
    })
}

/// A rate: `2000元/吨`, `32微克/立方米`, `60公里每小时`; money per something is a price and
/// keeps its currency, any other rate measures `other`. Sets the unit
/// after `/` or 每 in `measure` and returns its length (0 for none).
fn rate_after_unit(chars: &[char], end: usize, measure: &mut Measure) -> usize {
    if measure.unit.is_none() || measure.per.is_some() {
        return 0;
    }
    // 每 makes a rate only of a measure per span of time (`公里每小时`); after a span of time it
    // opens a new phrase (`近三年每年`).
    let per = per_unit(chars, end).filter(|(per, _)| {
        chars[end] == '/'
            || (per.dimension == Dimension::Duration && measure.dimension != Dimension::Duration)
    });
    let Some((per, len)) = per else { return 0 };
    measure.per = Some(per.unit);
    measure.dimension = if measure.dimension == Dimension::Money {
        Dimension::Price
    } else {
        Dimension::Other
    };
    len
}

/// A currency written before the number (`$20`, `HK$3.5億`, `人民币 8千元`), before any word
/// of approximation there: it becomes the measure of a number with no unit or a plain `元`.
/// Returns where the currency starts.
fn currency_before_number(
    chars: &[char],
    a: &Amount,
    approx_first: Option<(&ApproxWord, usize)>,
    floor: usize,
    options: &Options,
    measure: &mut Option<Measure>,
) -> Option<usize> {
    let compatible = measure
        .as_ref()
        .is_none_or(|m| m.dimension == Dimension::Money);
    if !compatible || a.shape == Shape::Lost {
        return None;
    }
    let currency_at = approx_first.map_or(a.start, |(_, len)| a.start - len);
    let (currency, len, gap) = currency_prefix(chars, currency_at, floor)?;
    if measure.as_ref().is_none_or(|m| m.unit == Some("元")) {
        *measure = Some(Measure::of(currency, options));
    }
    Some(currency_at - len - gap)
}

/// Whether the number's shape allows a quantity with this measure: a half needs a unit of
/// measure, a lone 万 a word of approximation, a lone 一 before a classifier one too.
fn shape_fits(a: &Amount, measure: &Measure, before_approx: Option<Approx>) -> bool {
    match a.shape {
        Shape::Half => half_measure(measure),
        Shape::LoneWan => before_approx.is_some(),
        Shape::LoneOne => measure.dimension != Dimension::Count || before_approx.is_some(),
        Shape::Numeral | Shape::Range | Shape::BareMagnitude | Shape::Lost | Shape::Word => true,
    }
}

impl Draft {
    /// Takes the words of approximation before the number (`约`, `超过`, `不到`) and the
    /// currency written there into the span; `近` before a span of time means recent and stays
    /// out. Returns what the word before says.
    fn take_approx_before(
        &mut self,
        chars: &[char],
        floor: usize,
        approx_first: Option<(&ApproxWord, usize)>,
        currency_start: Option<usize>,
        measure: &Measure,
    ) -> Option<Approx> {
        let mut before_approx = None;
        if let Some((word, len)) = approx_first {
            let recent = word.form == "近" && measure.dimension == Dimension::Duration;
            if !recent {
                before_approx = Some(word.approx);
                self.start -= len;
            }
        }
        if let Some(p) = currency_start {
            self.start = self.start.min(p);
            if let Some((word, len)) =
                approx_before(chars, self.start).filter(|(_, len)| self.start - len >= floor)
            {
                if before_approx.is_none() {
                    before_approx = Some(word.approx);
                    self.start -= len;
                }
            }
        }
        before_approx
    }

    /// Takes what may follow the unit into the span: `半`, 角 and 分, the unit again after a
    /// range (`50万元至100万元`), `(含)`, `左右`, and `多` / `余` after a span of time.
    fn take_after_unit(
        &mut self,
        chars: &[char],
        a: &Amount,
        measure: &Measure,
        before_approx: Option<Approx>,
    ) {
        if let Some(v) = self.value {
            if let Some((extra, len)) = fraction_after_unit(chars, self.end, measure) {
                self.value = Some(v + extra);
                self.low = self.value;
                self.high = self.value;
                self.end += len;
            }
        }
        if let (false, Some(v)) = (a.shape == Shape::Range, self.value) {
            if let Some((second, len)) = repeated_unit_range(chars, self.end, v, a.kind, measure) {
                self.low = self.value;
                self.high = Some(second);
                self.value = None;
                self.end += len;
            }
        }
        let mut after_approx = None;
        let mark = inclusive_mark_len(chars, self.end);
        if let Some((word, len)) = approx_after(chars, self.end + mark) {
            after_approx = Some(word.approx);
            self.end += mark + len;
        } else if (measure.dimension == Dimension::Duration || measure.unit == Some("倍"))
            && matches!(chars.get(self.end), Some('多' | '余'))
        {
            // `一年多`, `两倍多`.
            after_approx = Some(Approx::Over);
            self.end += 1;
        } else if self.end > a.end + 2 && chars.get(a.end..a.end + 2) == Some(&['个', '多'][..]) {
            // `三个多月`: the unit read past 个多.
            after_approx = Some(Approx::Over);
        }
        if let Some(found) = before_approx.or(after_approx) {
            self.approx = found;
        }
    }

    /// A span of time with 大 is an age (`十个月大`, `90天大的小孩`); a temperature takes the
    /// scale named before it (`华氏温度98.6度`, `摄氏37°`) and `零下` (`零下12℃`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn take_age_and_temperature(&mut self, chars: &[char], floor: usize, measure: &mut Measure) {
        if measure.dimension == Dimension::Duration && chars.get(self.end) == Some(&'大') {
            let word_goes_on = chars
                .get(self.end + 1)
                .is_some_and(|&c| is_han(c) && !matches!(c, '的' | '了' | '时'));
            if !word_goes_on {
                measure.dimension = Dimension::Age;
                self.end += 1;
            }
        }
        if measure.dimension != Dimension::Temperature {
            return;
        }
        if let Some((scale, len)) = temperature_scale_before(chars, self.start) {
            if self.start - len >= floor {
                self.start -= len;
                measure.unit = Some(scale);
            }
        }
        if self.start >= 2
            && chars[self.start - 2..self.start] == ['零', '下']
            && self.start - 2 >= floor
        {
            self.start -= 2;
            self.value = self.value.map(|v| -v);
            (self.low, self.high) = (self.high.map(|v| -v), self.low.map(|v| -v));
        }
    }

    /// The quantity: bounds in the measure's unit (`成` counts tenths), text and byte offsets
    /// left for the caller.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn finish(self, measure: &Measure, trend: Option<Trend>) -> Found {
        let scale = |v: Option<f64>| v.map(|v| v * measure.factor);
        Found {
            start: self.start,
            end: self.end,
            quantity: Quantity {
                text: CompactString::default(),
                start: 0,
                end: 0,
                value: scale(self.value),
                low: scale(self.low),
                high: scale(self.high),
                unit: match (measure.unit, measure.per) {
                    (Some(unit), Some(per)) => Some(Cow::Owned(format!("{unit}/{per}"))),
                    (unit, _) => unit.map(Cow::Borrowed),
                },
                dimension: measure.dimension,
                approx: self.approx,
                currency: measure.currency.map(Cow::Borrowed),
                trend,
                subject: None,
                subject_start: None,
                subject_end: None,
            },
        }
    }
}

/// The unit at `end`, allowing one space before it (`3.0 公里`, `250 ml`) and a 个 before a
/// unit of measure (`六个加仑`), not before a ratio (`六个倍增计划` counts plans).
fn unit_at(chars: &[char], end: usize, a: &Amount) -> Option<(&'static Unit, usize)> {
    if let Some((unit, len)) = unit_after(chars, end) {
        if unit.form == "个" {
            // Not a ratio: `六个倍增计划` is six plans, no 倍 of anything.
            if let Some((measured, more)) = unit_after(chars, end + 1)
                .filter(|(u, _)| !matches!(u.dimension, Dimension::Count | Dimension::Ratio))
            {
                return Some((measured, len + more));
            }
            // `快于全国3.4个、1个百分点`: the 个 of a rate named in full after the list.
            if let Some(rate) =
                rate_named_after_list(chars, end + len).filter(|rate| rate.form.starts_with('个'))
            {
                return Some((rate, len));
            }
        }
        return Some((unit, len));
    }
    if chars.get(end) == Some(&' ') && a.shape != Shape::Lost {
        return unit_after(chars, end + 1).map(|(unit, len)| (unit, len + 1));
    }
    // `分别提高15、22个百分点`, `分别下降3.5、2.7%`: a rate's unit written once, after the last
    // number of a list, is every number's. Only a rate's, after plain digits: a magnitude or
    // another unit after the last (`12、15亿元`, `1、2月`) may or may not be shared, and no
    // guess is made; a currency before the number (`HK$1899、…`) measures it already.
    let plain = chars[a.start..end]
        .iter()
        .all(|&c| c.is_ascii_digit() || c == '.');
    if plain && !may_follow_currency(chars, a.start) {
        return rate_named_after_list(chars, end).map(|rate| (rate, 0));
    }
    None
}

/// The most numbers after the first of a list whose rate is named once.
const MAX_LISTED_RATES: usize = 8;

/// The unit of a rate (a percentage, per mille, percentage points) that closes a list of
/// Arabic numbers joined by `、`, when `end` is the end of one before the last: the numbers
/// after it are read up to their unit, which must follow the last of them directly.
fn rate_named_after_list(chars: &[char], end: usize) -> Option<&'static Unit> {
    let mut at = end;
    for _ in 0..MAX_LISTED_RATES {
        if chars.get(at) != Some(&'、') {
            return None;
        }
        at += 1;
        let digits = chars[at..]
            .iter()
            .take_while(|&&c| c.is_ascii_digit() || c == '.')
            .count();
        if digits == 0 || !chars[at].is_ascii_digit() {
            return None;
        }
        at += digits;
        // `2.1个、0.6个、1.5个百分点`: an item that keeps the 个 of the rate named after the last.
        if chars.get(at) == Some(&'个') && chars.get(at + 1) == Some(&'、') {
            at += 1;
            continue;
        }
        // `提高20.9、36.2、54个百分点`: an item in the middle, the rate further on.
        if chars.get(at) == Some(&'、') {
            continue;
        }
        let (unit, _) = unit_after(chars, at)?;
        let rate = matches!(
            unit.dimension,
            Dimension::Percent | Dimension::Permille | Dimension::PercentagePoint
        );
        return rate.then_some(unit);
    }
    None
}

/// `/吨`, `每小时`: the unit a rate is per, with the length of the mark and the unit.
fn per_unit(chars: &[char], end: usize) -> Option<(&'static Unit, usize)> {
    if !matches!(chars.get(end), Some('/' | '每')) {
        return None;
    }
    let (unit, len) = unit_after(chars, end + 1)?;
    let measure = !matches!(
        unit.dimension,
        Dimension::Money | Dimension::Percent | Dimension::Permille
    );
    measure.then_some((unit, 1 + len))
}

/// Whether a currency sign or word may stand before `start` (`$`, `HK$`, `人民币`, `港币` …),
/// so a number with no unit after it may still be money.
fn may_follow_currency(chars: &[char], start: usize) -> bool {
    let before = chars[..start].iter().rev().take(4).find(|&&c| c != ' ');
    before.is_some_and(|&c| may_end_currency_before(c)) || approx_before(chars, start).is_some()
}

/// `一个半小时`, `一个半月`: 个半 (and a half) before a unit of measure, with the length of both;
/// `三个多月`, `两个多小时`: 个多 (and more) the same way. A 月 after either is a month's
/// length, as in 个月.
fn half_more(chars: &[char], end: usize) -> Option<(&'static Unit, usize)> {
    if chars.get(end) != Some(&'个') || !matches!(chars.get(end + 1), Some('半' | '多')) {
        return None;
    }
    let (unit, len) = unit_after(chars, end + 2)?;
    let unit = if unit.unit == "月" {
        unit_after(&['个', '月'], 0)?.0
    } else {
        unit
    };
    let measured = !matches!(unit.dimension, Dimension::Count | Dimension::Money);
    measured.then_some((unit, 2 + len))
}

/// A currency sign or word written before the number, at most three spaces away.
fn currency_prefix(
    chars: &[char],
    at: usize,
    floor: usize,
) -> Option<(&'static Unit, usize, usize)> {
    let gap = chars[..at]
        .iter()
        .rev()
        .take(3)
        .take_while(|&&c| c == ' ')
        .count();
    let (unit, len) = currency_before(chars, at - gap)?;
    (at - gap - len >= floor).then_some((unit, len, gap))
}

/// Whether a number that carries a magnitude is followed by a noun it counts (`46万群众`).
fn counts_a_noun(chars: &[char], end: usize) -> bool {
    chars
        .get(end)
        .is_some_and(|&c| is_han(c) && !NOT_COUNTED.contains(&c) && !may_start_numeral(c))
}

/// Whether a 度 ending at `end` counts times: a word follows it that no temperature takes
/// (`3度修改`, `一度停擺`), not a word of heat (`38度高温`) or a word that goes on with a
/// measure (`5度左右`, `零下10度以下`).
fn counts_times(chars: &[char], end: usize) -> bool {
    counts_a_noun(chars, end) && !matches!(chars[end], '高' | '低' | '气' | '体' | '水')
}

/// `度` is a kilowatt-hour after electricity (`发电量约12亿度`) or with a big magnitude.
fn means_electricity(chars: &[char], a: &Amount) -> bool {
    if chars[a.start..a.end]
        .iter()
        .any(|&c| matches!(c, '万' | '亿'))
    {
        return true;
    }
    let from = a.start.saturating_sub(ELECTRICITY_WINDOW);
    chars[from..a.start]
        .iter()
        .rev()
        .take_while(|&&c| !is_clause_break(c))
        .any(|&c| c == '电')
}

/// Checks that depend on the unit: dates are not durations, a month name is not a count of
/// months, 级 after Chinese numerals is a rank.
fn plausible(chars: &[char], a: &Amount, measure: &Measure, end: usize) -> bool {
    // Every unit checked below is written with one character: compare that character, not
    // the strings.
    let written = measure.form.or(measure.unit).unwrap_or("");
    let mut written_chars = written.chars();
    let (Some(written), None) = (written_chars.next(), written_chars.next()) else {
        return true;
    };
    let next = chars.get(end).copied();
    match written {
        '年' => {
            !a.year_like
                && !matches!(next, Some('代' | '度' | '级' | '初' | '底' | '末'))
                && (!a.arabic || next.and_then(digit_value).is_none())
        }
        '月' => a.shape != Shape::Range && a.value.is_some_and(|v| v > 12.0 && v.fract() == 0.0),
        '日' => {
            let after_month = a.start > 0 && chars[a.start - 1] == '月';
            let long = a.value.is_some_and(|v| v > 31.0);
            let within =
                matches!(next, Some('内' | '来' | '后')) || chars[end..].starts_with(&['以', '内']);
            !after_month && a.shape != Shape::Range && (long || within || a.shape == Shape::Half)
        }
        // A number with 万 or 亿 before 级 grades what follows (`两万亿级城市`, `五百亿级开发区`),
        // like a bare one (`千亿级产业`): it is a number, no amount of levels.
        '级' => {
            a.shape != Shape::Range
                && !a.is_bare_magnitude()
                && !chars[a.start..a.end]
                    .iter()
                    .any(|&c| matches!(c, '万' | '亿'))
        }
        // A bare magnitude before an administrative unit grades it (`百亿县区`, `千亿市`): it
        // counts no places.
        c if is_administrative_unit(c) => !a.is_bare_magnitude(),
        _ => true,
    }
}

/// `一年半`, `三斤半`, `七成半` (a unit counted in tenths takes a half too); `5元3角`, `123元1角1分`, `十块三毛`, `七毛八`; `一块二`, `三米九`.
fn fraction_after_unit(chars: &[char], end: usize, measure: &Measure) -> Option<(f64, usize)> {
    let next = *chars.get(end)?;
    // A half, or the digits of cents or tenths, perhaps after 零: most units have none after.
    if next != '半' && next != '零' && digit_value(next).is_none() {
        return None;
    }
    let measured = !matches!(
        measure.dimension,
        Dimension::Count
            | Dimension::Money
            | Dimension::Percent
            | Dimension::Permille
            | Dimension::Ratio
    ) || measure.factor > 1.0;
    if next == '半' && measured && measure.unit.is_some() {
        let glued = chars
            .get(end + 1)
            .is_some_and(|&c| matches!(c, '年' | '月' | '天' | '日'));
        return (!glued).then_some((0.5, 1));
    }
    match measure.unit {
        Some("元") => cents_after_yuan(chars, end).or_else(|| {
            matches!(measure.form, Some("块" | "蚊"))
                .then(|| colloquial_tenths(chars, end))
                .flatten()
        }),
        Some("米") => colloquial_tenths(chars, end),
        _ => None,
    }
}

/// 角 and 分 after 元 or 块: `3角`, `1角1分`, `七毛八` (8 分), `零四分`, then perhaps `钱`.
fn cents_after_yuan(chars: &[char], end: usize) -> Option<(f64, usize)> {
    let digit = |k: usize| chars.get(k).and_then(|&c| digit_value(c)).map(f64::from);
    let alone = |k: usize| {
        chars
            .get(k)
            .is_none_or(|&c| digit_value(c).is_none() && unit_after(chars, k).is_none())
    };
    let mut k = end + usize::from(chars.get(end) == Some(&'零'));
    let d = digit(k)?;
    let mut extra;
    match chars.get(k + 1) {
        Some('角' | '毛' | '毫') => {
            extra = d * 0.1;
            k += 2;
            if let Some(cents) = digit(k) {
                if matches!(chars.get(k + 1), Some('分' | '仙')) && chars.get(k + 2) != Some(&'钟')
                {
                    extra += cents * 0.01;
                    k += 2;
                } else if alone(k + 1) {
                    extra += cents * 0.01;
                    k += 1;
                }
            }
        }
        Some('分' | '仙') if chars.get(k + 2) != Some(&'钟') => {
            extra = d * 0.01;
            k += 2;
        }
        _ => return None,
    }
    if chars.get(k) == Some(&'钱') {
        k += 1;
    }
    Some((extra, k - end))
}

/// A leading `半` measures time and matter (`半年`, `半小时`, `半公升`), never a count or money.
fn half_measure(measure: &Measure) -> bool {
    matches!(
        measure.dimension,
        Dimension::Duration
            | Dimension::Volume
            | Dimension::Mass
            | Dimension::Length
            | Dimension::Area
    ) && measure.unit != Some("月")
}

/// `一块二` (1.2), `三块零四` (3.04): digits after 块 with no 角 or 分 written.
fn colloquial_tenths(chars: &[char], end: usize) -> Option<(f64, usize)> {
    let is_digit = |k: usize| chars.get(k).and_then(|&c| digit_value(c));
    let stands_alone = |k: usize| {
        chars
            .get(k)
            .is_none_or(|&c| digit_value(c).is_none() && unit_after(chars, k).is_none())
    };
    if chars.get(end) == Some(&'零') {
        let d = is_digit(end + 1)?;
        return stands_alone(end + 2).then_some((f64::from(d) * 0.01, 2));
    }
    let d = is_digit(end)?;
    let cents_mark = matches!(chars.get(end + 1), Some('角' | '毛' | '毫' | '分' | '仙'));
    (!cents_mark && stands_alone(end + 1)).then_some((f64::from(d) * 0.1, 1))
}

/// `50万元至100万元`, `兩升到三升`, `五元六角-五元七毛八分`: a range with the unit written after
/// both ends; the length of the second end and its value.
fn repeated_unit_range(
    chars: &[char],
    end: usize,
    low: f64,
    kind: NumeralKind,
    measure: &Measure,
) -> Option<(f64, usize)> {
    let sep = range_separator_len(chars, end);
    if sep == 0 {
        return None;
    }
    let Reading::Amount(second) = amount::read(chars, &mut NumeralAt::new(chars, end + sep)) else {
        return None;
    };
    if second.shape == Shape::Range || second.kind != kind {
        return None;
    }
    let (unit, len) = unit_after(chars, second.end)?;
    if Some(unit.unit) != measure.unit {
        return None;
    }
    let mut high = second.value?;
    let mut second_end = second.end + len;
    let second_measure = Measure::of_form(unit);
    if let Some((extra, more)) = fraction_after_unit(chars, second_end, &second_measure) {
        high += extra;
        second_end += more;
    }
    (low <= high).then_some((high, second_end - end))
}

/// The trend a verb of change before `start` gives the quantity, within the clause. A
/// quantity listed after another with 、 or 和 (`分别增长32.9%、41.6%`, `示范项目14项、省级48项`)
/// shares the trend of the one it is joined to.
// Inlined where the quantity is assembled: called once per quantity, it is cheaper there.
#[allow(clippy::inline_always)]
#[inline(always)]
fn trend_of(
    chars: &[char],
    start: usize,
    floor: usize,
    listed_after: Option<&Listed>,
) -> Option<Trend> {
    let limit = start.saturating_sub(TREND_WINDOW).max(floor);
    // The position right after the mark that joins this quantity to the one before, and the
    // trend it shares.
    let joined = listed_after
        .filter(|p| matches!(chars.get(p.end), Some('、' | '和' | '及')))
        .and_then(|p| Some((p.end + 1, p.trend?)));
    let joined_to = |k: usize| joined.filter(|&(at, _)| at == k).map(|(_, trend)| trend);
    let joined_within = |low: usize, high: usize| {
        joined
            .filter(|&(at, _)| (low..=high).contains(&at))
            .map(|(_, trend)| trend)
    };
    let mut k = start;
    if let Some(len) = filler_before(chars, k) {
        k = k.saturating_sub(len).max(limit);
    }
    while k > limit {
        // No clause break, no verb of change and no word of arrival ends before the
        // positions passed over, one load each, down to the nearest character that may stop
        // the walk; only the mark that joins a listed quantity ends it there.
        let stop = chars[limit..k]
            .iter()
            .rposition(|&c| TREND_STOPS.contains(c));
        let Some(p) = stop.map(|p| limit + p) else {
            return joined_within(limit + 1, k);
        };
        if let Some(trend) = joined_within(p + 2, k) {
            return Some(trend);
        }
        k = p + 1;
        let c = chars[p];
        if is_clause_break(c) {
            return joined_to(k);
        }
        // A word of arrival counts only inside the window (it may straddle its start).
        if let Some(len) = arrival_before(chars, k).filter(|&len| k - len >= limit) {
            return change_size_before(chars, k - len, limit);
        }
        if let Some((word, len)) = trend_before(chars, k) {
            let noun = chars
                .get(k)
                .is_some_and(|c| k < start && CHANGE_NOUN_ENDINGS.contains(c));
            if !noun && k - len >= limit {
                return Some(word.trend);
            }
            k -= len;
            continue;
        }
        if joined_to(k).is_some() {
            return joined_to(k);
        }
        k -= 1;
    }
    None
}

/// Before a word of arrival: `下降幅度高达93%` or `增幅为3%` name the size of a change.
fn change_size_before(chars: &[char], mut k: usize, limit: usize) -> Option<Trend> {
    if k > limit && chars[k - 1] == '高' {
        k -= 1;
    }
    for word in CHANGE_SIZE_WORDS {
        if ends_with_word(&chars[limit..k], word) {
            let len = word.chars().count();
            let (found, _) = trend_before(chars, k - len).or_else(|| trend_before(chars, k))?;
            return Some(found.trend);
        }
    }
    if let Some((word, len)) = trend_before(chars, k) {
        if word.form.ends_with('幅') && k - len >= limit {
            return Some(word.trend);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_openers_are_the_openers_of_every_reading() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let opens = may_start_numeral(c)
                || c == HALF
                || VAGUE_NUMBER_WORDS.iter().any(|&(w, _)| w == c)
                || is_lost_mark(c);
            assert_eq!(may_open_amount(c), opens, "{c:?}");
        }
    }

    #[test]
    fn only_a_rate_named_after_a_list_is_shared() {
        let cases: &[(&str, Option<&str>)] = &[
            ("、22个百分点", Some("个百分点")),
            ("、6.2%", Some("%")),
            ("个、0.6个、1.5个百分点", Some("个百分点")),
            ("、2月份出口增长", None),
            ("、15亿元", None),
            ("、5万亩", None),
            ("、二十个百分点", None),
            ("，22个百分点", None),
        ];
        for (after, expected) in cases {
            let chars: Vec<char> = format!("15{after}").chars().collect();
            let end = if after.starts_with('个') { 3 } else { 2 };
            let found = rate_named_after_list(&chars, end).map(|unit| unit.form);
            assert_eq!(found, *expected, "15{after}");
        }
    }
}
