//! The extraction pipeline: one view of the text, every extractor over it, one merge.

use std::sync::{Arc, LazyLock};

use crate::error::{Error, Result};
use crate::record::{
    sort_by_span, span_order, Date, Kind, Number, Quantity, Record, Title, ViewSpan,
};
use crate::scan::exclude::Slogans;
use crate::scan::numeral::NumeralAt;
use crate::scan::scratch::{Pool, Scratch};
use crate::scan::{KindSet, Options, TextView, LOCALES, YUAN_CURRENCIES};
use crate::skipped::{Settled, Skipped};
use crate::{date, number, quantity, subject, title};

/// Builds an [`Extractor`] with options other than the defaults.
///
/// ```
/// use xinzhi_extract::{Extractor, Kind};
/// let extractor = Extractor::builder()
///     .kinds([Kind::Quantity])
///     .yuan_currency("HKD")
///     .build()
///     .unwrap();
/// assert_eq!(extractor.options().yuan_currency, "HKD");
/// assert!(Extractor::builder().yuan_currency("XYZ").build().is_err());
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ExtractorBuilder {
    kinds: Option<KindSet>,
    reference_year: Option<i32>,
    yuan_currency: Option<String>,
    roc_years: Option<bool>,
    locale: Option<String>,
}

impl ExtractorBuilder {
    /// Only these kinds of record.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// Resolve 今年, 去年, 明年, 前年 against this year.
    pub fn reference_year(mut self, year: i32) -> Self {
        self.reference_year = Some(year);
        self
    }

    /// The currency of a plain `元`: `CNY` (default), `HKD`, `TWD` or `MOP`.
    pub fn yuan_currency(mut self, code: impl Into<String>) -> Self {
        self.yuan_currency = Some(code.into());
        self
    }

    /// Read a bare year of one to three digits as a year of the Republic of China
    /// (`114年度` → 2025, `113年12月` → December 2024). `民國113年` is read so always.
    pub fn roc_years(mut self, on: bool) -> Self {
        self.roc_years = Some(on);
        self
    }

    /// The defaults of a region at once (one of [`LOCALES`]): `zh-CN` (the default), `zh-HK`
    /// (a plain 元 is `HKD`), `zh-TW` (a plain 元 is `TWD`, bare ROC years are read). Options
    /// given explicitly win.
    ///
    /// ```
    /// use xinzhi_extract::Extractor;
    /// let taiwan = Extractor::builder().locale("zh-TW").build().unwrap();
    /// assert_eq!((taiwan.options().yuan_currency, taiwan.options().roc_years), ("TWD", true));
    /// let err = Extractor::builder().locale("xx").build().unwrap_err();
    /// assert!(err.to_string().contains("zh-CN, zh-HK, zh-TW"));
    /// ```
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Checks the options and builds the extractor.
    pub fn build(self) -> Result<Extractor> {
        let mut options = Options::default();
        if let Some(locale) = self.locale {
            options.locale = LOCALES
                .into_iter()
                .find(|l| l.eq_ignore_ascii_case(&locale.replace('_', "-")))
                .ok_or_else(|| Error::InvalidOption {
                    option: "locale",
                    reason: format!("{locale:?} is not one of {}", LOCALES.join(", ")),
                })?;
            match options.locale {
                "zh-TW" => {
                    options.yuan_currency = "TWD";
                    options.roc_years = true;
                }
                "zh-HK" => options.yuan_currency = "HKD",
                _ => {}
            }
        }
        if let Some(on) = self.roc_years {
            options.roc_years = on;
        }
        if let Some(kinds) = self.kinds {
            options.kinds = kinds;
        }
        if let Some(year) = self.reference_year {
            if !(1..=9999).contains(&year) {
                return Err(Error::InvalidOption {
                    option: "reference_year",
                    reason: format!("{year} is not a year between 1 and 9999"),
                });
            }
            options.reference_year = Some(year);
        }
        if let Some(code) = self.yuan_currency {
            let upper = code.to_ascii_uppercase();
            options.yuan_currency = YUAN_CURRENCIES
                .into_iter()
                .find(|&c| c == upper)
                .ok_or_else(|| Error::InvalidOption {
                    option: "yuan_currency",
                    reason: format!("{code:?} is not one of {}", YUAN_CURRENCIES.join(", ")),
                })?;
        }
        Ok(Extractor::with_options(options))
    }
}

/// Finds records in text. Built once, cheap to clone, shared freely between threads.
///
/// ```
/// use xinzhi_extract::{Extractor, Record};
/// let extractor = Extractor::new();
/// let records = extractor.extract("全年新增企业77家。");
/// assert!(records.iter().all(|r| r.start() < r.end()));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    options: Arc<Options>,
    /// Memory lent to one call at a time, shared with the extractor's clones.
    scratch: Arc<Pool>,
}

/// Two extractors are equal when their options are: the scratch memory is no part of what
/// an extractor does.
impl PartialEq for Extractor {
    fn eq(&self, other: &Self) -> bool {
        self.options == other.options
    }
}

impl Eq for Extractor {}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

static DEFAULT_EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

impl Extractor {
    /// An extractor with default options: every kind, no reference year, `元` as `CNY`.
    #[must_use]
    pub fn new() -> Self {
        Extractor::with_options(Options::default())
    }

    fn with_options(options: Options) -> Self {
        Extractor {
            options: Arc::new(options),
            scratch: Arc::default(),
        }
    }

    /// A shared extractor with default options, built on first use.
    #[must_use]
    pub fn shared() -> &'static Extractor {
        &DEFAULT_EXTRACTOR
    }

    /// A builder for other options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The options this extractor was built with.
    #[must_use]
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Every record of the configured kinds, sorted by start offset.
    ///
    /// Records never overlap one another, except that a title may contain others.
    #[must_use]
    pub fn extract(&self, text: &str) -> Vec<Record> {
        self.extract_kinds(text, self.options.kinds)
    }

    /// Quantities only.
    #[must_use]
    pub fn quantities(&self, text: &str) -> Vec<Quantity> {
        self.extract_kinds(text, KindSet::NONE.with(Kind::Quantity))
            .into_iter()
            .filter_map(|r| match r {
                Record::Quantity(q) => Some(q),
                _ => None,
            })
            .collect()
    }

    /// Dates only.
    #[must_use]
    pub fn dates(&self, text: &str) -> Vec<Date> {
        self.extract_kinds(text, KindSet::NONE.with(Kind::Date))
            .into_iter()
            .filter_map(|r| match r {
                Record::Date(d) => Some(d),
                _ => None,
            })
            .collect()
    }

    /// Titles only.
    #[must_use]
    pub fn titles(&self, text: &str) -> Vec<Title> {
        let mut scratch = self.scratch.take();
        let view = TextView::with_tables(text, scratch.view);
        let mut out = Vec::new();
        title::find(&view, &self.options, &mut out, &mut Vec::new());
        scratch.view = view.into_tables();
        self.scratch.give_back(scratch);
        out.into_iter()
            .filter_map(|r| match r {
                Record::Title(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    /// Numbers only.
    #[must_use]
    pub fn numbers(&self, text: &str) -> Vec<Number> {
        self.extract_kinds(text, KindSet::NONE.with(Kind::Number))
            .into_iter()
            .filter_map(|r| match r {
                Record::Number(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    /// Records of `kinds`. Quantities, dates and numbers compete for the same characters, so
    /// all three are always looked for and the merge decides; the filter comes last.
    pub(crate) fn extract_kinds(&self, text: &str, kinds: KindSet) -> Vec<Record> {
        let mut scratch = self.scratch.take();
        let records = self.extract_in(text, kinds, &mut scratch, None::<fn(_, _)>);
        self.scratch.give_back(scratch);
        records
    }

    /// [`Extractor::extract_kinds`], handing every skipped numeral (SPEC §5) to `skip` on the
    /// way: the numerals outside every record are accounted for once the records are merged.
    pub(crate) fn extract_settled(
        &self,
        text: &str,
        kinds: KindSet,
        skip: impl FnMut(std::ops::Range<usize>, crate::skipped::SkipReason),
    ) -> Vec<Record> {
        let mut scratch = self.scratch.take();
        let records = self.extract_in(text, kinds, &mut scratch, Some(skip));
        self.scratch.give_back(scratch);
        records
    }

    /// [`Extractor::extract_settled`] in the memory of `scratch`, which it leaves empty but
    /// for the tables of the view; without `skip`, the reasons of skipped numerals are not
    /// worked out.
    fn extract_in(
        &self,
        text: &str,
        kinds: KindSet,
        scratch: &mut Scratch,
        skip: Option<impl FnMut(std::ops::Range<usize>, crate::skipped::SkipReason)>,
    ) -> Vec<Record> {
        let view = TextView::with_tables(text, std::mem::take(&mut scratch.view));
        let wants_spans = kinds.contains(Kind::Quantity)
            || kinds.contains(Kind::Date)
            || kinds.contains(Kind::Number);
        // One list per kind, each in reading order, and beside each the records' spans in
        // view positions.
        let found = &mut scratch.found;
        let found_spans = &mut scratch.spans;
        // The ends of the list labels the number scan passes over, for the subjects.
        let mut labels = Vec::new();
        if wants_spans {
            let [quantities, dates, numbers] = found;
            let [quantity_spans, date_spans, number_spans] = found_spans;
            date::find(&view, &self.options, dates, date_spans);
            // Quantities and numbers visit the same candidates in one pass, so the numeral at
            // each is read once for both.
            let mut quantity_scan = quantity::Scan::new(&view, &self.options);
            let mut number_scan = number::Scan::new(&view, &self.options);
            // Both ask whether a numeral is inside a coded slogan: the quotation marks are
            // candidates too, and are noted once for both.
            let mut slogans = Slogans::default();
            for &candidate in view.candidates() {
                slogans.visit(view.chars(), candidate as usize);
                let mut numeral = NumeralAt::new(view.chars(), candidate as usize);
                let quantity = quantity_scan.visit(&mut numeral, &slogans, quantities);
                // The scan returns the span of the quantity it has just appended.
                if let Some(span) = &quantity {
                    quantity_spans.push((span.start, span.end));
                }
                number_scan.visit(&mut numeral, &slogans, quantity, numbers, number_spans);
            }
            labels = number_scan.into_labels();
        }
        let mut titles = (Vec::new(), Vec::new());
        if kinds.contains(Kind::Title) {
            title::find(&view, &self.options, &mut titles.0, &mut titles.1);
        }
        // The numerals are accounted for, and the subjects of quantities looked for, against
        // every record that competes for them, so the merge keeps all three kinds and the
        // filter comes after.
        let competing = KindSet::NONE
            .with(Kind::Quantity)
            .with(Kind::Date)
            .with(Kind::Number);
        let (mut titles, mut title_spans) = titles;
        for (list, spans) in found.iter_mut().zip(found_spans.iter_mut()) {
            sort_by_span(list, spans, 0);
        }
        sort_by_span(&mut titles, &mut title_spans, 0);
        let (spans, origins) = merge(
            found_spans,
            &title_spans,
            if wants_spans {
                kinds.union(competing)
            } else {
                kinds
            },
        );
        // The numerals are accounted for on the spans alone, and every record is moved once,
        // into its place among those kept and the numbers added.
        let settled = if wants_spans {
            crate::skipped::settle(&view, &spans, |k| origins[k].list == TITLES, skip)
        } else {
            Settled::default()
        };
        let (mut records, mut spans) = placed(found, titles, &spans, &origins, settled);
        for list in found_spans {
            list.clear();
        }
        if wants_spans {
            crate::skipped::approximate_numbers(&view, &mut records, &mut spans);
            // Every test run checks that the spans kept beside the records are theirs.
            debug_assert!(records
                .iter()
                .zip(&spans)
                .all(|(r, &(start, end))| view.byte_span(start..end) == (r.start(), r.end())));
            debug_assert_eq!(records.len(), spans.len());
            if kinds.contains(Kind::Quantity) {
                subject::assign(&view, &mut records, &spans, &labels);
            }
            if !kinds.contains_all(competing) {
                records.retain(|r| kinds.contains(r.kind()));
            }
        }
        scratch.view = view.into_tables();
        records
    }
}

/// The kinds of the lists of records the extractors fill before the merge, in their order.
const LIST_KINDS: [Kind; 3] = [Kind::Quantity, Kind::Date, Kind::Number];

/// The order of the merge as one integer: [`span_order`]. Records of different kinds with
/// the same key are ordered by their list.
fn merge_key(span: &ViewSpan) -> u64 {
    span_order(span)
}

/// The span read back from its [`merge_key`].
fn key_span(key: u64) -> ViewSpan {
    ((key >> 32) as usize, (u32::MAX - key as u32) as usize)
}

/// The list of the titles, after the lists of [`LIST_KINDS`], in an [`Origin`].
const TITLES: usize = 3;

/// Where a record kept by the merge lies until it is moved into the list returned: its
/// list (an index of [`LIST_KINDS`], or [`TITLES`]) and its index there.
#[derive(Debug, Clone, Copy)]
struct Origin {
    list: usize,
    index: usize,
}

/// Keeps the leftmost, then longest, of overlapping candidates; ties go to the kind listed
/// first in [`Kind::ALL`] (a quantity before a date before a number). Of those, the records of
/// `kinds` are kept, with the titles among them: a title contains the records inside it, so it
/// comes before them, and on a tie of start and end the other record comes first.
///
/// The merge reads the spans of the records only, in view positions (each list sorted by
/// [`merge_key`], as the extractors report them): it returns the spans of the records kept,
/// in order, and where each lies, so that the records, which are large, are moved once,
/// after the accounting of the numerals, straight into their place (see [`placed`]).
fn merge(
    spans: &[Vec<ViewSpan>; 3],
    title_spans: &[ViewSpan],
    kinds: KindSet,
) -> (Vec<ViewSpan>, Vec<Origin>) {
    let total = spans.iter().map(Vec::len).sum::<usize>() + title_spans.len();
    let mut kept_spans = Vec::with_capacity(total);
    let mut origins = Vec::with_capacity(total);
    // The next record of each list, and the key of its span, worked out once per record,
    // `u64::MAX` once the list is done. The lists are in the order of their kinds, so the
    // first of equal keys wins the tie.
    let mut next = [0; 3];
    let head_key = |k: usize, at: usize| spans[k].get(at).map_or(u64::MAX, merge_key);
    let mut heads = [0, 1, 2].map(|k| head_key(k, 0));
    let mut next_title = 0;
    let title_key = |at: usize| title_spans.get(at).map_or(u64::MAX, merge_key);
    let mut title_head = title_key(0);
    let mut covered_until = 0;
    loop {
        // Dates (list 1) win a tie of span: the date extractor only reports a span it read as
        // a calendar year or month, which the quantity extractor may also read as a span of
        // time (`民國113年`); quantities (list 0) then win over numbers (list 2).
        let mut k = 1;
        for other in [0, 2] {
            if heads[other] < heads[k] {
                k = other;
            }
        }
        let key = heads[k];
        if key == u64::MAX {
            break;
        }
        let (start, end) = key_span(key);
        let kept = start >= covered_until;
        if kept {
            covered_until = end;
        }
        // Otherwise overlapped by a record kept before, or of a kind not asked for: dropped.
        if kept && kinds.contains(LIST_KINDS[k]) {
            while title_head < key {
                kept_spans.push(key_span(title_head));
                origins.push(Origin {
                    list: TITLES,
                    index: next_title,
                });
                next_title += 1;
                title_head = title_key(next_title);
            }
            kept_spans.push((start, end));
            origins.push(Origin {
                list: k,
                index: next[k],
            });
        }
        next[k] += 1;
        heads[k] = head_key(k, next[k]);
    }
    kept_spans.extend_from_slice(&title_spans[next_title..]);
    origins.extend((next_title..title_spans.len()).map(|index| Origin {
        list: TITLES,
        index,
    }));
    (kept_spans, origins)
}

/// The records kept by the merge (at `origins` in `lists` and `titles`, with `spans`) but
/// for those the accounting `settled` drops, with the numbers it adds among them, and the
/// spans of all; the lists are left empty. A number comes after the records that start
/// where it does, as a stable sort by start of the records kept followed by the numbers
/// added would order them (a title keeps its place before the records it holds).
///
/// Every record is moved once: straight into the list returned, or, where one list holds
/// every record kept and no number is added (as on text dense with numbers), kept in place,
/// so that no two lists hold every record at once.
fn placed(
    lists: &mut [Vec<Record>; 3],
    mut titles: Vec<Record>,
    spans: &[ViewSpan],
    origins: &[Origin],
    settled: Settled,
) -> (Vec<Record>, Vec<ViewSpan>) {
    let Settled {
        dropped,
        added,
        added_spans,
    } = settled;
    let len = spans.len() - dropped.len() + added.len();
    let mut kept_spans = Vec::with_capacity(len);
    let mut dropped = dropped.into_iter().peekable();
    let single = origins
        .first()
        .map(|o| o.list)
        .filter(|&k| k != TITLES && added.is_empty() && origins.iter().all(|o| o.list == k));
    if let Some(k) = single {
        // The records kept are those of the merge, in the order of the list, less those
        // dropped: one walk of the list keeps them in place.
        let mut kept = origins
            .iter()
            .zip(spans)
            .enumerate()
            .filter(|&(at, _)| dropped.next_if_eq(&at).is_none())
            .map(|(_, (origin, &span))| {
                kept_spans.push(span);
                origin.index
            })
            .peekable();
        let mut index = 0;
        lists[k].retain(|_| {
            let keep = kept.next_if_eq(&index).is_some();
            index += 1;
            keep
        });
        let records = std::mem::take(&mut lists[k]);
        for list in lists {
            list.clear();
        }
        return (records, kept_spans);
    }
    let mut records = Vec::with_capacity(len);
    let [quantities, dates, numbers] = lists;
    let mut sources = [
        quantities.drain(..),
        dates.drain(..),
        numbers.drain(..),
        titles.drain(..),
    ];
    // How many records of each list have been moved or passed over.
    let mut taken = [0; 4];
    let mut added = added.into_iter();
    let mut added_spans = added_spans.into_iter().peekable();
    for (at, (&span, &Origin { list, index })) in spans.iter().zip(origins).enumerate() {
        if dropped.next_if_eq(&at).is_some() {
            continue;
        }
        // View positions and byte offsets go up together: the spans order as the starts.
        while let Some(number_span) = added_spans.next_if(|s| s.0 < span.0) {
            records.extend(added.by_ref().take(1));
            kept_spans.push(number_span);
        }
        // The records before it in its list that were not kept are dropped on the way.
        let source = &mut sources[list];
        let passed = index - taken[list];
        taken[list] = index + 1;
        if passed > 0 {
            source.nth(passed - 1);
        }
        // From the list's iterator, whose length is known: written into `records` with
        // no copy on the way.
        records.extend(source.by_ref().take(1));
        kept_spans.push(span);
    }
    records.extend(added);
    kept_spans.extend(added_spans);
    (records, kept_spans)
}

/// The skipped numerals of `text` with the default options: [`Extractor::skipped`] of
/// [`Extractor::shared`].
#[must_use]
pub fn skipped(text: &str) -> Vec<Skipped> {
    Extractor::shared().skipped(text)
}

impl Extractor {
    /// Every run of the numeral alphabet of SPEC §5 (or part of one) that lies in no record of
    /// `text`, sorted by start, with the reason it yields none. With [`Extractor::extract`],
    /// every such run is accounted for: it lies in a record or in one of these spans.
    #[must_use]
    pub fn skipped(&self, text: &str) -> Vec<Skipped> {
        let mut out = Vec::new();
        // Every kind of span competes for the numerals whatever kinds are asked for; asking
        // for numbers alone spares the work that only quantities need (their subjects).
        self.extract_settled(text, KindSet::NONE.with(Kind::Number), |range, reason| {
            out.push(Skipped {
                text: text[range.clone()].into(),
                start: range.start,
                end: range.end,
                reason,
            });
        });
        out
    }
}
