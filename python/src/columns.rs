//! The records of a batch as typed columns, one row per record: the one table layout behind
//! both `to_pandas` and the Arrow stream.
//!
//! Every kind shares `doc`, `kind`, `text`, `start`, `end`; the other columns are the union of
//! the kinds' fields, missing where a kind has no such field. Closed vocabularies (`kind`,
//! `dimension`, `approx`, `trend`) are categories with a fixed list, so tables built from
//! different partitions of a dataset line up; open ones (`unit`, `currency`, `doc_type`) are
//! strings.

use std::ops::Range;

use xinzhi_extract::{Approx, Dimension, Kind, Record, Trend};

/// One column's values.
pub(crate) enum Column<'a> {
    /// Never missing.
    Int64(Vec<i64>),
    /// Values and validity (`true` where present; a missing value holds 0).
    OptionalInt32(Vec<i32>, Vec<bool>),
    /// Values and validity (a missing value holds NaN).
    OptionalFloat64(Vec<f64>, Vec<bool>),
    /// Values and validity.
    OptionalBool(Vec<bool>, Vec<bool>),
    /// Never missing.
    Text(Vec<&'a str>),
    /// `None` where missing.
    OptionalText(Vec<Option<&'a str>>),
    /// Codes into `categories`, `-1` where missing.
    Category {
        codes: Vec<i8>,
        categories: Vec<&'static str>,
    },
}

/// Named columns of equal length.
pub(crate) struct Table<'a> {
    pub columns: Vec<(&'static str, Column<'a>)>,
}

/// Values with a validity flag, filled row by row.
#[derive(Default)]
struct Optional<T> {
    values: Vec<T>,
    valid: Vec<bool>,
}

impl<T: Copy + Default> Optional<T> {
    fn push(&mut self, value: Option<T>) {
        self.values.push(value.unwrap_or_default());
        self.valid.push(value.is_some());
    }
}

impl Optional<f64> {
    fn push_float(&mut self, value: Option<f64>) {
        self.values.push(value.unwrap_or(f64::NAN));
        self.valid.push(value.is_some());
    }
}

/// Codes into a fixed vocabulary.
struct Codes {
    codes: Vec<i8>,
    categories: Vec<&'static str>,
}

impl Codes {
    fn new(categories: impl IntoIterator<Item = &'static str>) -> Self {
        Codes {
            codes: Vec::new(),
            categories: categories.into_iter().collect(),
        }
    }

    fn push(&mut self, value: Option<&'static str>) {
        let code = value
            .and_then(|v| self.categories.iter().position(|&c| c == v))
            .map_or(-1, |p| p as i8);
        self.codes.push(code);
    }

    fn into_column<'a>(self) -> Column<'a> {
        Column::Category {
            codes: self.codes,
            categories: self.categories,
        }
    }
}

impl<'a> Table<'a> {
    /// The rows of the records of `documents[range]`; `doc` counts from the start of
    /// `documents`, not of the range.
    pub(crate) fn build(documents: &'a [Vec<Record>], range: Range<usize>) -> Table<'a> {
        let rows: usize = documents[range.clone()].iter().map(Vec::len).sum();
        let mut doc = Vec::with_capacity(rows);
        let mut kind = Codes::new(Kind::ALL.map(Kind::as_str));
        let mut text = Vec::with_capacity(rows);
        let mut start = Vec::with_capacity(rows);
        let mut end = Vec::with_capacity(rows);
        let mut value = Optional::<f64>::default();
        let mut low = Optional::<f64>::default();
        let mut high = Optional::<f64>::default();
        let mut unit = Vec::with_capacity(rows);
        let mut dimension = Codes::new(Dimension::ALL.iter().map(|d| d.as_str()));
        let mut approx = Codes::new(Approx::ALL.iter().map(|a| a.as_str()));
        let mut currency = Vec::with_capacity(rows);
        let mut trend = Codes::new(Trend::ALL.iter().map(|t| t.as_str()));
        let mut year = Optional::<i32>::default();
        let mut month = Optional::<i32>::default();
        let mut day = Optional::<i32>::default();
        let mut end_year = Optional::<i32>::default();
        let mut end_month = Optional::<i32>::default();
        let mut end_day = Optional::<i32>::default();
        let mut title = Vec::with_capacity(rows);
        let mut doc_type = Vec::with_capacity(rows);
        let mut issuer = Vec::with_capacity(rows);
        let mut start_year = Optional::<i32>::default();
        let mut is_policy = Optional::<bool>::default();
        let mut ordinal = Optional::<bool>::default();

        let as_i32 = |v: Option<u32>| v.and_then(|v| i32::try_from(v).ok());
        for position in range {
            for record in &documents[position] {
                doc.push(position as i64);
                kind.push(Some(record.kind().as_str()));
                text.push(record.text());
                start.push(record.start() as i64);
                end.push(record.end() as i64);
                let (q, d, t, n) = match record {
                    Record::Quantity(quantity) => (Some(quantity), None, None, None),
                    Record::Date(date) => (None, Some(date), None, None),
                    Record::Title(title) => (None, None, Some(title), None),
                    Record::Number(number) => (None, None, None, Some(number)),
                };
                value.push_float(q.and_then(|q| q.value).or(n.map(|n| n.value)));
                low.push_float(q.and_then(|q| q.low));
                high.push_float(q.and_then(|q| q.high));
                unit.push(q.and_then(|q| q.unit.as_deref()));
                dimension.push(q.map(|q| q.dimension.as_str()));
                approx.push(q.map(|q| q.approx.as_str()));
                currency.push(q.and_then(|q| q.currency.as_deref()));
                trend.push(q.and_then(|q| q.trend.map(Trend::as_str)));
                year.push(d.and_then(|d| d.year));
                month.push(as_i32(d.and_then(|d| d.month)));
                day.push(as_i32(d.and_then(|d| d.day)));
                end_year.push(d.and_then(|d| d.end_year).or(t.and_then(|t| t.end_year)));
                end_month.push(as_i32(d.and_then(|d| d.end_month)));
                end_day.push(as_i32(d.and_then(|d| d.end_day)));
                title.push(t.map(|t| t.title.as_str()));
                doc_type.push(t.and_then(|t| t.doc_type.as_deref()));
                issuer.push(t.and_then(|t| t.issuer.as_deref()));
                start_year.push(t.and_then(|t| t.start_year));
                is_policy.push(t.map(|t| t.is_policy));
                ordinal.push(n.map(|n| n.ordinal));
            }
        }

        let int32 = |o: Optional<i32>| Column::OptionalInt32(o.values, o.valid);
        let float64 = |o: Optional<f64>| Column::OptionalFloat64(o.values, o.valid);
        let boolean = |o: Optional<bool>| Column::OptionalBool(o.values, o.valid);
        Table {
            columns: vec![
                ("doc", Column::Int64(doc)),
                ("kind", kind.into_column()),
                ("text", Column::Text(text)),
                ("start", Column::Int64(start)),
                ("end", Column::Int64(end)),
                ("value", float64(value)),
                ("low", float64(low)),
                ("high", float64(high)),
                ("unit", Column::OptionalText(unit)),
                ("dimension", dimension.into_column()),
                ("approx", approx.into_column()),
                ("currency", Column::OptionalText(currency)),
                ("trend", trend.into_column()),
                ("year", int32(year)),
                ("month", int32(month)),
                ("day", int32(day)),
                ("end_year", int32(end_year)),
                ("end_month", int32(end_month)),
                ("end_day", int32(end_day)),
                ("title", Column::OptionalText(title)),
                ("doc_type", Column::OptionalText(doc_type)),
                ("issuer", Column::OptionalText(issuer)),
                ("start_year", int32(start_year)),
                ("is_policy", boolean(is_policy)),
                ("ordinal", boolean(ordinal)),
            ],
        }
    }
}
