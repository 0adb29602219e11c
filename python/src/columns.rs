//! The records of a batch as typed columns, one row per record: the one table layout behind
//! `to_pandas`, the Arrow stream and the command line's CSV and Parquet.
//!
//! The columns are `doc` and `kind`, then every field and computed column of the record
//! classes in the order `records.rs` declares them; a name two classes share (`value`,
//! `end_year`) is one column. A column is missing where a record's class has no such field,
//! so it is nullable unless every class has it and it is never `None`. Closed vocabularies
//! (`kind`, `dimension`, `approx`, `trend`) are categories with a fixed list, so tables built
//! from different partitions of a dataset line up.

use std::sync::OnceLock;

use xinzhi_extract::{Kind, Record};

use crate::fields::{Cell, Layout};
use crate::records::{cells, class_index, RECORDS};

/// The identifiers the `doc` column holds: the text's position, or the caller's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ids {
    Positions,
    Integers(Vec<i64>),
    Strings(Vec<String>),
}

/// One column of the layout.
#[derive(Debug, Clone)]
pub(crate) struct ColumnSpec {
    pub name: &'static str,
    pub layout: Layout,
    pub nullable: bool,
}

/// The column layout, and where each class's cells go in it.
pub(crate) struct Schema {
    /// Every column after `doc`.
    pub columns: Vec<ColumnSpec>,
    /// Per record class, the column of each of its cells (fields, then computed columns).
    slots: Vec<Vec<usize>>,
}

/// The layout, built once from the record declarations.
pub(crate) fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut columns = vec![ColumnSpec {
            name: "kind",
            layout: Layout::Category(|| Kind::ALL.iter().map(|k| k.as_str()).collect()),
            nullable: false,
        }];
        let mut slots = Vec::new();
        for record in RECORDS {
            let mut slot = Vec::new();
            for field in record.fields.iter().chain(record.computed) {
                let position = columns.iter().position(|c| c.name == field.name);
                let position = position.unwrap_or_else(|| {
                    // A computed column follows the field it is computed from.
                    let at = field
                        .after
                        .and_then(|after| columns.iter().position(|c| c.name == after))
                        .map_or(columns.len(), |p| p + 1);
                    columns.insert(
                        at,
                        ColumnSpec {
                            name: field.name,
                            layout: field.layout,
                            nullable: false,
                        },
                    );
                    for slot in slots.iter_mut().chain([&mut slot]) {
                        for column in slot.iter_mut() {
                            if *column >= at {
                                *column += 1;
                            }
                        }
                    }
                    at
                });
                assert_eq!(
                    columns[position].layout, field.layout,
                    "column {} declared with two layouts",
                    field.name
                );
                columns[position].nullable |= field.optional;
                slot.push(position);
            }
            slots.push(slot);
        }
        // A column some class lacks is missing in that class's rows.
        for column in &mut columns[1..] {
            let everywhere = RECORDS.iter().all(|r| {
                r.fields
                    .iter()
                    .chain(r.computed)
                    .any(|f| f.name == column.name)
            });
            column.nullable |= !everywhere;
        }
        Schema { columns, slots }
    })
}

/// One column's values: the values (a placeholder where missing) and, where the column is
/// nullable, the validity (`true` where present).
pub(crate) enum Values<'a> {
    Int64(Vec<i64>),
    Int32(Vec<i32>),
    /// A missing value holds NaN.
    Float64(Vec<f64>),
    Boolean(Vec<bool>),
    Utf8(Vec<Option<&'a str>>),
    /// Codes into `categories`, `-1` where missing.
    Category {
        codes: Vec<i8>,
        categories: Vec<&'static str>,
    },
}

/// A column of the table.
pub(crate) struct Column<'a> {
    pub name: &'static str,
    pub values: Values<'a>,
    /// `None` for a column that is never missing.
    pub valid: Option<Vec<bool>>,
}

impl Column<'_> {
    pub(crate) fn layout_name(&self) -> &'static str {
        let layout = match &self.values {
            Values::Int64(_) => Layout::Int64,
            Values::Int32(_) => Layout::Int32,
            Values::Float64(_) => Layout::Float64,
            Values::Boolean(_) => Layout::Boolean,
            Values::Utf8(_) => Layout::Utf8,
            Values::Category { .. } => return "category",
        };
        layout.name(self.valid.is_some())
    }
}

/// Named columns of equal length.
pub(crate) struct Table<'a> {
    pub columns: Vec<Column<'a>>,
}

/// Fills one column row by row; rows a class skips are filled as missing when the next
/// value comes, or at the end.
struct Builder<'a> {
    values: Values<'a>,
    valid: Vec<bool>,
}

impl<'a> Builder<'a> {
    fn new(layout: Layout, rows: usize) -> Self {
        let values = match layout {
            Layout::Int64 => Values::Int64(Vec::with_capacity(rows)),
            Layout::Int32 => Values::Int32(Vec::new()),
            Layout::Float64 => Values::Float64(Vec::new()),
            Layout::Boolean => Values::Boolean(Vec::new()),
            Layout::Utf8 => Values::Utf8(Vec::new()),
            Layout::Category(names) => Values::Category {
                codes: Vec::new(),
                categories: names(),
            },
        };
        Builder {
            values,
            valid: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.valid.len()
    }

    /// Missing values up to row `row` (exclusive).
    fn pad(&mut self, row: usize) {
        while self.len() < row {
            self.push_missing();
        }
    }

    fn push_missing(&mut self) {
        match &mut self.values {
            Values::Int64(v) => v.push(0),
            Values::Int32(v) => v.push(0),
            Values::Float64(v) => v.push(f64::NAN),
            Values::Boolean(v) => v.push(false),
            Values::Utf8(v) => v.push(None),
            Values::Category { codes, .. } => codes.push(-1),
        }
        self.valid.push(false);
    }

    fn push(&mut self, cell: Cell<'a>) {
        let present = match (&mut self.values, cell) {
            (Values::Int64(v), Cell::Int64(x)) => {
                v.push(x.unwrap_or(0));
                x.is_some()
            }
            (Values::Int32(v), Cell::Int32(x)) => {
                v.push(x.unwrap_or(0));
                x.is_some()
            }
            (Values::Float64(v), Cell::Float64(x)) => {
                v.push(x.unwrap_or(f64::NAN));
                x.is_some()
            }
            (Values::Boolean(v), Cell::Boolean(x)) => {
                v.push(x.unwrap_or(false));
                x.is_some()
            }
            (Values::Utf8(v), Cell::Utf8(x)) => {
                v.push(x);
                x.is_some()
            }
            (Values::Category { codes, .. }, Cell::Category(x)) => {
                codes.push(x.and_then(|p| i8::try_from(p).ok()).unwrap_or(-1));
                x.is_some()
            }
            // The schema gives every field the layout of its marker, so cells always fit.
            _ => unreachable!("a cell of another layout"),
        };
        self.valid.push(present);
    }

    fn finish(mut self, name: &'static str, rows: usize, nullable: bool) -> Column<'a> {
        self.pad(rows);
        Column {
            name,
            values: self.values,
            valid: nullable.then_some(self.valid),
        }
    }
}

impl<'a> Table<'a> {
    /// The rows of `records`, record `i` from the document at position `docs[i]`; `doc`
    /// holds that position, or the id at that position.
    pub(crate) fn build(records: &'a [Record], docs: &[usize], ids: &'a Ids) -> Table<'a> {
        let schema = schema();
        let rows = records.len();
        let mut builders: Vec<Builder<'a>> = schema
            .columns
            .iter()
            .map(|c| Builder::new(c.layout, rows))
            .collect();
        for (row, record) in records.iter().enumerate() {
            let class = class_index(record);
            builders[0].push(Cell::Category(Some(kind_position(record))));
            let slots = &schema.slots[class];
            let mut slot = slots.iter();
            cells(record, &mut |cell| {
                if let Some(&column) = slot.next() {
                    let builder = &mut builders[column];
                    builder.pad(row);
                    builder.push(cell);
                }
            });
        }
        let doc = match ids {
            Ids::Positions => Column {
                name: "doc",
                values: Values::Int64(docs.iter().map(|&p| p as i64).collect()),
                valid: None,
            },
            Ids::Integers(ids) => Column {
                name: "doc",
                values: Values::Int64(docs.iter().map(|&p| ids[p]).collect()),
                valid: None,
            },
            Ids::Strings(ids) => Column {
                name: "doc",
                values: Values::Utf8(docs.iter().map(|&p| Some(ids[p].as_str())).collect()),
                valid: None,
            },
        };
        let mut columns = Vec::with_capacity(schema.columns.len() + 1);
        columns.push(doc);
        for (spec, builder) in schema.columns.iter().zip(builders) {
            columns.push(builder.finish(spec.name, rows, spec.nullable));
        }
        Table { columns }
    }
}

fn kind_position(record: &Record) -> usize {
    let kind = record.kind();
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}
