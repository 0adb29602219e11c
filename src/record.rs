//! Record types: what the extractors return.
//!
//! Offsets are byte offsets into the original input (`&text[start..end] == record.text`).
//! Every record serialises with serde as a flat object with a `kind` tag.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The four kinds of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A number with a unit or classifier.
    Quantity,
    /// A calendar date or period.
    Date,
    /// A document title in 《》.
    Title,
    /// A numeral that belongs to no other record (`八大`, `第七`).
    Number,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 4] = [Kind::Quantity, Kind::Date, Kind::Title, Kind::Number];

    /// The kind's name as it appears in the `kind` field.
    ///
    /// ```
    /// assert_eq!(xinzhi_extract::Kind::Quantity.as_str(), "quantity");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Title => "title",
            Kind::Number => "number",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = Error;

    /// ```
    /// use xinzhi_extract::Kind;
    /// assert_eq!("date".parse::<Kind>().unwrap(), Kind::Date);
    /// assert!("money".parse::<Kind>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Error> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::UnknownKind(s.to_owned()))
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's name as serialised.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// What a quantity measures.
    Dimension {
        /// Money, with a currency.
        Money => "money",
        /// A count of things, with a classifier (`77家`) or a counted noun (`46万群众`).
        Count => "count",
        /// A percentage (`65%`, `百分之五`, `三成`).
        Percent => "percent",
        /// A difference of percentages (`2个百分点`).
        PercentagePoint => "percentage_point",
        /// A bare fraction or ratio (`1/10`, `三分之一`).
        Ratio => "ratio",
        /// Area (`平方米`, `亩`).
        Area => "area",
        /// Length (`公里`).
        Length => "length",
        /// Mass (`吨`).
        Mass => "mass",
        /// Volume (`立方米`).
        Volume => "volume",
        /// Energy (`千瓦时`).
        Energy => "energy",
        /// Power (`千瓦`).
        Power => "power",
        /// A span of time (`3年`, `6个月`).
        Duration => "duration",
        /// Age (`60岁`).
        Age => "age",
        /// Temperature (`30℃`).
        Temperature => "temperature",
        /// Money per unit of something else (`0.35元/千瓦时`, `1.2万元/亩`), with a currency.
        Price => "price",
        /// A per-mille quantity (`3‰`, `千分之三`, `0.5个千分点`), the value as written.
        Permille => "permille",
        /// Anything else with a unit.
        Other => "other",
    }
}

string_enum! {
    /// How exact a quantity is, from the words around the number.
    Approx {
        /// No approximation word.
        Exact => "exact",
        /// 约, 大约, 左右, 上下, 前后.
        About => "about",
        /// 近, 将近, 接近.
        Nearly => "nearly",
        /// 超, 超过, 逾, 突破, 余, 多.
        Over => "over",
        /// 至少, 最低, 不少于, 以上.
        AtLeast => "at_least",
        /// 不到, 不足, 低于, 以下.
        Under => "under",
        /// 最多, 最高, 不超过, 以内.
        AtMost => "at_most",
    }
}

string_enum! {
    /// Whether a quantity is itself a change.
    Trend {
        /// A rise: 增长16%, 新增10个.
        Up => "up",
        /// A fall: 下降3%, 减少2家.
        Down => "down",
    }
}

/// A number with a unit or classifier: `8990萬元`, `约20万平方米`, `近65%`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The span as written in the input, noise included.
    pub text: CompactString,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value in the plain unit, magnitudes folded in; `None` for a range or a lost number.
    pub value: Option<f64>,
    /// Lower bound; equals `value` for a single number.
    pub low: Option<f64>,
    /// Upper bound; equals `value` for a single number.
    pub high: Option<f64>,
    /// The unit in simplified characters without magnitude (`元`, `个`, `%`); `None` for a bare ratio
    /// or a counted noun. Borrowed from the unit table but for a rate (`元/吨`), so that most
    /// records cost no allocation for it.
    pub unit: Option<Cow<'static, str>>,
    /// What the quantity measures.
    pub dimension: Dimension,
    /// How exact it is.
    pub approx: Approx,
    /// ISO 4217 code for money, else `None`.
    pub currency: Option<Cow<'static, str>>,
    /// `Up` or `Down` when the quantity is a change.
    pub trend: Option<Trend>,
    /// What the quantity measures (SPEC §6): the phrase that names it, as written with pinyin
    /// annotations removed (`地区生产总值`, `企业`); `None` where the text names nothing.
    #[serde(default)]
    pub subject: Option<CompactString>,
    /// Byte offset of the subject's first byte (it may lie before an earlier quantity, whose
    /// subject a later one shares).
    #[serde(default)]
    pub subject_start: Option<usize>,
    /// Byte offset one past the subject's last byte.
    #[serde(default)]
    pub subject_end: Option<usize>,
}

/// A calendar date or period: `2023年`, `2026-02-10`, `2023—2026年`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    /// The span as written.
    pub text: CompactString,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Year, if stated.
    pub year: Option<i32>,
    /// Month 1–12, if stated.
    pub month: Option<u32>,
    /// Day 1–31, if stated.
    pub day: Option<u32>,
    /// Last year of a period.
    pub end_year: Option<i32>,
    /// Last month of a period.
    pub end_month: Option<u32>,
    /// Last day of a period.
    pub end_day: Option<u32>,
}

/// A document title in 《》.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Title {
    /// The whole title with its brackets.
    pub text: CompactString,
    /// Byte offset of `《`.
    pub start: usize,
    /// Byte offset one past `》`.
    pub end: usize,
    /// The text inside the brackets, pinyin annotations removed.
    pub title: String,
    /// The document type it ends with, in simplified characters.
    pub doc_type: Option<String>,
    /// The region or government body it opens with, as written.
    pub issuer: Option<String>,
    /// First year of a period stated in the title.
    pub start_year: Option<i32>,
    /// Last year of a period stated in the title.
    pub end_year: Option<i32>,
    /// Whether it names a policy document rather than a newspaper, book or film.
    pub is_policy: bool,
}

/// A numeral that belongs to no other record: `八大`, `第七`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number {
    /// The span as written.
    pub text: CompactString,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The numeral's value.
    pub value: f64,
    /// Whether it is an ordinal (`第七`).
    pub ordinal: bool,
    /// How exact it is, from an approximation word before or after it (`超696万` is `over`;
    /// the span takes the word in), `exact` by default (and when read from JSON without it).
    #[serde(default = "exact")]
    pub approx: Approx,
}

/// The `approx` of a number written without one.
fn exact() -> Approx {
    Approx::Exact
}

/// A record's span in view positions ([`crate::TextView`]): from its first character to one
/// past its last. The pipeline keeps it beside each record, in a list parallel to the
/// records, so that the passes after the merge read positions rather than map the record's
/// byte offsets back to the view.
pub(crate) type ViewSpan = (usize, usize);

/// The reading order of records as one integer, from their view spans: leftmost first,
/// then longest (texts are below 4 GiB). View positions and the byte offsets of their
/// characters go up together, so spans order records as their offsets would.
pub(crate) fn span_order(&(start, end): &ViewSpan) -> u64 {
    ((start as u64) << 32) | u64::from(u32::MAX - end as u32)
}

/// Sorts the records of `records` from index `from` on, with their spans in `spans` (one
/// per record, at the same indices), stably by [`span_order`], unless they are in order
/// already, as an extractor mostly reports them.
pub(crate) fn sort_by_span(records: &mut Vec<Record>, spans: &mut Vec<ViewSpan>, from: usize) {
    if spans[from..].is_sorted_by_key(span_order) {
        return;
    }
    let mut paired: Vec<(ViewSpan, Record)> =
        spans.drain(from..).zip(records.drain(from..)).collect();
    paired.sort_by_key(|(span, _)| span_order(span));
    for (span, record) in paired {
        spans.push(span);
        records.push(record);
    }
}

/// Any record, tagged by kind.
///
/// ```
/// use xinzhi_extract::{Approx, Number, Record};
/// let r = Record::Number(Number {
///     text: "第七".into(), start: 0, end: 6, value: 7.0, ordinal: true, approx: Approx::Exact,
/// });
/// let json = serde_json::to_string(&r).unwrap();
/// assert!(json.starts_with(r#"{"kind":"number""#));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// See [`Quantity`].
    Quantity(Quantity),
    /// See [`Date`].
    Date(Date),
    /// See [`Title`].
    Title(Title),
    /// See [`Number`].
    Number(Number),
}

impl Record {
    /// The record's kind.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Record::Quantity(_) => Kind::Quantity,
            Record::Date(_) => Kind::Date,
            Record::Title(_) => Kind::Title,
            Record::Number(_) => Kind::Number,
        }
    }

    /// Byte offset of the first byte of the span.
    #[must_use]
    pub fn start(&self) -> usize {
        match self {
            Record::Quantity(r) => r.start,
            Record::Date(r) => r.start,
            Record::Title(r) => r.start,
            Record::Number(r) => r.start,
        }
    }

    /// Byte offset one past the span.
    #[must_use]
    pub fn end(&self) -> usize {
        match self {
            Record::Quantity(r) => r.end,
            Record::Date(r) => r.end,
            Record::Title(r) => r.end,
            Record::Number(r) => r.end,
        }
    }

    /// The span as written in the input.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Record::Quantity(r) => &r.text,
            Record::Date(r) => &r.text,
            Record::Title(r) => &r.text,
            Record::Number(r) => &r.text,
        }
    }
}
