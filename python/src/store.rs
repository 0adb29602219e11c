//! Records kept compact: one small row per record instead of a core `Record` (about 200
//! bytes) or a Python object (over 100), so that memory follows the input, not the number
//! of records (issue 16). `Records` and `ExtractionBatch` hold a [`Store`] and build record
//! objects only when they are read.
//!
//! A row is 21 bytes, in columns: a tag (the kind and a number's flags), the start and end
//! (code points from the start of its document, which may be shifted by a base), where its
//! text begins in the store's text arena (the text of row `i` ends where row `i + 1`'s
//! begins), and one 64-bit slot: a number's value, else the position of the record's other
//! fields in the side table of its kind. Units, currencies and document types are interned
//! once per store; subjects, titles and issuers are written one after the other in a second
//! arena. A record that does not fit this shape (an offset of 2^32 or more, a year outside
//! `i32`, more than 4 GiB of record text) is kept whole, in `whole`: nothing is ever lost or
//! rounded.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Arc;

use xinzhi_extract::{
    Approx, CompactString, Date, Dimension, Number, Quantity, Record, Title, Trend,
};

const QUANTITY: u8 = 0;
const DATE: u8 = 1;
const TITLE: u8 = 2;
const NUMBER: u8 = 3;
const WHOLE: u8 = 4;
/// The tag's low bits hold the kind, the rest a number's `ordinal` and `approx`.
const KIND_BITS: u8 = 0b111;
const ORDINAL: u8 = 0b1000;
const APPROX_SHIFT: u8 = 4;

// A vocabulary (`Dimension`, `Approx`, `Trend`) is stored as its discriminant, which is its
// position in its `ALL` (both follow the order of declaration), and read back through `ALL`.

/// "Missing" in a `u32` column.
const NONE32: u32 = u32::MAX;

/// A row but its tag: 20 bytes, aligned to 4 so that the tags beside it make 21.
#[derive(Clone, Copy)]
struct Row {
    start: u32,
    end: u32,
    /// Where the text begins in `arena`; it ends where the next row's begins.
    text_at: u32,
    /// A number's value (its bits), else the position in the side table; low half first.
    slot: [u32; 2],
}

/// A quantity's fields beyond its span.
#[derive(Clone, Copy)]
struct QuantityRow {
    value: f64,
    low: f64,
    high: f64,
    subject_start: u32,
    subject_end: u32,
    /// Interned strings, [`NONE32`] when missing.
    unit: u32,
    currency: u32,
    subject: Span,
    dimension: u8,
    approx: u8,
    /// `u8::MAX` when missing.
    trend: u8,
    /// Bits: value, low, high present.
    present: u8,
}

/// A date's fields: years as `i32` (`i32::MIN` when missing), months and days as `u8`
/// (0 when missing).
#[derive(Clone, Copy)]
struct DateRow {
    year: i32,
    end_year: i32,
    month: u8,
    day: u8,
    end_month: u8,
    end_day: u8,
}

/// A title's fields beyond its span.
#[derive(Clone, Copy)]
struct TitleRow {
    title: Span,
    doc_type: u32,
    issuer: Span,
    start_year: i32,
    end_year: i32,
    is_policy: bool,
}

/// A string of `Store::extras`: where it begins and its length in bytes; `at` is
/// [`NONE32`] when the string is missing.
#[derive(Clone, Copy)]
struct Span {
    at: u32,
    len: u32,
}

/// A fast hash for the short strings of a store (units, currencies, subjects): a multiply
/// and a rotation per eight bytes, as rustc's own tables use. Not resistant to chosen
/// collisions, which cost only time here, and the strings are the extractor's.
#[derive(Default, Clone, Copy)]
struct ShortHash(u64);

impl Hasher for ShortHash {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl ShortHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Marks the id of one of the extractor's own strings (`Cow::Borrowed`), kept by reference.
const STATIC: u32 = 1 << 31;

/// Strings stored once each: the extractor's own (its unit and currency tables, `'static`)
/// by reference, without a copy or a hash; others copied and looked up by hash.
#[derive(Default)]
struct Strings {
    statics: Vec<&'static str>,
    /// The last static strings seen: (address, length) and id.
    recent: [((usize, usize), u32); 8],
    list: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32, BuildHasherDefault<ShortHash>>,
}

impl Strings {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    fn intern_opt(&mut self, text: Option<&str>) -> u32 {
        text.map_or(NONE32, |t| self.intern(t))
    }

    /// [`Strings::intern_opt`] for a string that is most often one of the extractor's own
    /// (`Cow::Borrowed`): those are recognised by their address, among the last few seen,
    /// then among all the static ones of the store.
    fn intern_cow(&mut self, text: Option<&Cow<'static, str>>) -> u32 {
        match text {
            None => NONE32,
            Some(Cow::Borrowed(text)) => {
                let key = (text.as_ptr() as usize, text.len());
                if let Some(&(_, id)) = self.recent.iter().find(|(k, _)| *k == key) {
                    return id;
                }
                let same = |s: &&&str| (s.as_ptr() as usize, s.len()) == key;
                let position = self.statics.iter().position(|s| same(&s));
                let position = position.unwrap_or_else(|| {
                    self.statics.push(text);
                    self.statics.len() - 1
                });
                let id = position as u32 | STATIC;
                self.recent.rotate_right(1);
                self.recent[0] = (key, id);
                id
            }
            Some(Cow::Owned(text)) => self.intern(text),
        }
    }

    fn get(&self, id: u32) -> Option<&str> {
        match id {
            NONE32 => None,
            id if id & STATIC != 0 => Some(self.statics[(id & !STATIC) as usize]),
            id => Some(&*self.list[id as usize]),
        }
    }

    /// The string as the core record holds it: borrowed when it is the extractor's own.
    fn get_cow(&self, id: u32) -> Option<Cow<'static, str>> {
        match id {
            NONE32 => None,
            id if id & STATIC != 0 => Some(Cow::Borrowed(self.statics[(id & !STATIC) as usize])),
            id => Some(Cow::Owned(self.list[id as usize].to_string())),
        }
    }
}

/// One document: its rows and the base added to its offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Doc {
    pub rows: Range<usize>,
    pub base: usize,
}

/// The records of one or more documents, compact.
#[derive(Default)]
pub(crate) struct Store {
    tag: Vec<u8>,
    rows: Vec<Row>,
    arena: String,
    quantities: Vec<QuantityRow>,
    dates: Vec<DateRow>,
    titles: Vec<TitleRow>,
    whole: Vec<Record>,
    strings: Strings,
    /// Subjects, titles and issuers, one after the other: each is usually a string of its
    /// own, not worth a look-up.
    extras: String,
    docs: Vec<Doc>,
}

fn opt_f64(value: Option<f64>, bit: u8, present: &mut u8) -> f64 {
    if value.is_some() {
        *present |= bit;
    }
    value.unwrap_or(0.0)
}

fn year_in(year: Option<i32>) -> Option<i32> {
    match year {
        None => Some(i32::MIN),
        Some(i32::MIN) => None,
        Some(y) => Some(y),
    }
}

fn year_out(year: i32) -> Option<i32> {
    (year != i32::MIN).then_some(year)
}

fn small_in(value: Option<u32>) -> Option<u8> {
    match value {
        None => Some(0),
        Some(v) => u8::try_from(v).ok().filter(|&v| v > 0),
    }
}

fn small_out(value: u8) -> Option<u32> {
    (value > 0).then_some(u32::from(value))
}

fn offset_in(value: Option<usize>) -> Option<u32> {
    match value {
        None => Some(NONE32),
        Some(v) => u32::try_from(v).ok().filter(|&v| v != NONE32),
    }
}

fn offset_out(value: u32, base: usize) -> Option<usize> {
    (value != NONE32).then(|| value as usize + base)
}

impl Store {
    /// Room for `documents` more documents, and records and their text for about `bytes`
    /// more bytes of text of the genre (a record every 100 bytes or so, reserved for one
    /// every 64): a guess that saves the first doublings of every column, never a bound.
    pub(crate) fn reserve(&mut self, documents: usize, bytes: usize) {
        self.docs.reserve(documents);
        if bytes < 1 << 16 {
            // A short text: the columns start small and grow as they fill.
            return;
        }
        let rows = bytes / 64;
        self.tag.reserve(rows);
        self.rows.reserve(rows);
        self.arena.reserve(rows * 8);
        self.quantities.reserve(rows / 2);
        self.extras.reserve(rows * 4);
    }

    /// Room for `rows` more rows, about to be pushed.
    pub(crate) fn reserve_rows(&mut self, rows: usize) {
        self.tag.reserve(rows);
        self.rows.reserve(rows);
        self.arena.reserve(rows * 8);
    }

    /// Starts a new document; the rows pushed next belong to it.
    pub(crate) fn begin_document(&mut self) {
        let at = self.tag.len();
        self.docs.push(Doc {
            rows: at..at,
            base: 0,
        });
    }

    fn close_document(&mut self) {
        let end = self.tag.len();
        if let Some(doc) = self.docs.last_mut() {
            doc.rows.end = end;
        }
    }

    /// Adds a record, its offsets in code points from the start of the current document.
    pub(crate) fn push(&mut self, record: &Record) {
        if self.docs.is_empty() {
            self.begin_document();
        }
        let (start, end, text) = match record {
            Record::Quantity(r) => (r.start, r.end, &r.text),
            Record::Date(r) => (r.start, r.end, &r.text),
            Record::Title(r) => (r.start, r.end, &r.text),
            Record::Number(r) => (r.start, r.end, &r.text),
        };
        let fits = (
            u32::try_from(start).ok().filter(|&s| s != NONE32),
            u32::try_from(end).ok().filter(|&e| e != NONE32),
            u32::try_from(self.arena.len() + text.len()).ok(),
        );
        let encoded = match fits {
            (Some(start), Some(end), Some(_)) => self
                .encode(record)
                .map(|(tag, slot)| (start, end, tag, slot)),
            _ => None,
        };
        let text_at = self.arena.len() as u32;
        let (start, end, tag, slot) = if let Some(row) = encoded {
            self.arena.push_str(text);
            row
        } else {
            self.whole.push(record.clone());
            (0, 0, WHOLE, (self.whole.len() - 1) as u64)
        };
        self.tag.push(tag);
        self.rows.push(Row {
            start,
            end,
            text_at,
            slot: [slot as u32, (slot >> 32) as u32],
        });
        self.close_document();
    }

    /// `text` added to `extras`; `None` when the arena would pass 4 GiB.
    fn put(&mut self, text: Option<&str>) -> Option<Span> {
        let Some(text) = text else {
            return Some(Span { at: NONE32, len: 0 });
        };
        let at = u32::try_from(self.extras.len())
            .ok()
            .filter(|&at| at != NONE32)?;
        let len = u32::try_from(text.len()).ok()?;
        u32::try_from(self.extras.len() + text.len()).ok()?;
        self.extras.push_str(text);
        Some(Span { at, len })
    }

    fn extra(&self, span: Span) -> Option<&str> {
        (span.at != NONE32).then(|| &self.extras[span.at as usize..(span.at + span.len) as usize])
    }

    /// The tag and slot of a record, or `None` when it must be kept whole.
    fn encode(&mut self, record: &Record) -> Option<(u8, u64)> {
        match record {
            Record::Number(n) => {
                let approx = n.approx as u8;
                let tag = NUMBER | if n.ordinal { ORDINAL } else { 0 } | (approx << APPROX_SHIFT);
                Some((tag, n.value.to_bits()))
            }
            Record::Quantity(q) => {
                let mut present = 0;
                let row = QuantityRow {
                    value: opt_f64(q.value, 1, &mut present),
                    low: opt_f64(q.low, 2, &mut present),
                    high: opt_f64(q.high, 4, &mut present),
                    subject_start: offset_in(q.subject_start)?,
                    subject_end: offset_in(q.subject_end)?,
                    unit: self.strings.intern_cow(q.unit.as_ref()),
                    currency: self.strings.intern_cow(q.currency.as_ref()),
                    subject: self.put(q.subject.as_deref())?,
                    dimension: q.dimension as u8,
                    approx: q.approx as u8,
                    trend: q.trend.map_or(u8::MAX, |t| t as u8),
                    present,
                };
                self.quantities.push(row);
                Some((QUANTITY, (self.quantities.len() - 1) as u64))
            }
            Record::Date(d) => {
                let row = DateRow {
                    year: year_in(d.year)?,
                    end_year: year_in(d.end_year)?,
                    month: small_in(d.month)?,
                    day: small_in(d.day)?,
                    end_month: small_in(d.end_month)?,
                    end_day: small_in(d.end_day)?,
                };
                self.dates.push(row);
                Some((DATE, (self.dates.len() - 1) as u64))
            }
            Record::Title(t) => {
                let row = TitleRow {
                    title: self.put(Some(&t.title))?,
                    doc_type: self.strings.intern_opt(t.doc_type.as_deref()),
                    issuer: self.put(t.issuer.as_deref())?,
                    start_year: year_in(t.start_year)?,
                    end_year: year_in(t.end_year)?,
                    is_policy: t.is_policy,
                };
                self.titles.push(row);
                Some((TITLE, (self.titles.len() - 1) as u64))
            }
        }
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.tag.len()
    }

    pub(crate) fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// Shifts every offset of document `i` by `bases[i]` more.
    pub(crate) fn shift(&mut self, bases: &[usize]) {
        for (doc, &base) in self.docs.iter_mut().zip(bases) {
            doc.base += base;
        }
    }

    fn text(&self, row: usize) -> &str {
        let at = self.rows[row].text_at as usize;
        let until = self
            .rows
            .get(row + 1)
            .map_or(self.arena.len(), |r| r.text_at as usize);
        &self.arena[at..until]
    }

    /// The record of row `row` of a document whose offsets are shifted by `base`.
    pub(crate) fn record(&self, row: usize, base: usize) -> Record {
        let tag = self.tag[row];
        let Row {
            start,
            end,
            slot: [low, high],
            ..
        } = self.rows[row];
        let slot = u64::from(low) | (u64::from(high) << 32);
        if tag & KIND_BITS == WHOLE {
            let mut record = self.whole[slot as usize].clone();
            if base > 0 {
                crate::records::offsets(&mut record, &mut |offset| *offset += base);
            }
            return record;
        }
        let text = CompactString::from(self.text(row));
        let start = start as usize + base;
        let end = end as usize + base;
        let string = |id: u32| self.strings.get_cow(id);
        match tag & KIND_BITS {
            NUMBER => Record::Number(Number {
                text,
                start,
                end,
                value: f64::from_bits(slot),
                ordinal: tag & ORDINAL != 0,
                approx: Approx::ALL[usize::from(tag >> APPROX_SHIFT)],
            }),
            QUANTITY => {
                let q = &self.quantities[slot as usize];
                let present = |bit: u8, value: f64| (q.present & bit != 0).then_some(value);
                Record::Quantity(Quantity {
                    text,
                    start,
                    end,
                    value: present(1, q.value),
                    low: present(2, q.low),
                    high: present(4, q.high),
                    unit: string(q.unit),
                    dimension: Dimension::ALL[usize::from(q.dimension)],
                    approx: Approx::ALL[usize::from(q.approx)],
                    currency: string(q.currency),
                    trend: Trend::ALL.get(usize::from(q.trend)).copied(),
                    subject: self.extra(q.subject).map(CompactString::from),
                    subject_start: offset_out(q.subject_start, base),
                    subject_end: offset_out(q.subject_end, base),
                })
            }
            DATE => {
                let d = &self.dates[slot as usize];
                Record::Date(Date {
                    text,
                    start,
                    end,
                    year: year_out(d.year),
                    month: small_out(d.month),
                    day: small_out(d.day),
                    end_year: year_out(d.end_year),
                    end_month: small_out(d.end_month),
                    end_day: small_out(d.end_day),
                })
            }
            _ => {
                let t = &self.titles[slot as usize];
                Record::Title(Title {
                    text,
                    start,
                    end,
                    title: self.extra(t.title).unwrap_or_default().to_owned(),
                    doc_type: self.strings.get(t.doc_type).map(str::to_owned),
                    issuer: self.extra(t.issuer).map(str::to_owned),
                    start_year: year_out(t.start_year),
                    end_year: year_out(t.end_year),
                    is_policy: t.is_policy,
                })
            }
        }
    }

    /// The records of document `doc`.
    pub(crate) fn document(&self, doc: usize) -> impl DoubleEndedIterator<Item = Record> + '_ {
        let Doc { rows, base } = self.docs[doc].clone();
        rows.map(move |row| self.record(row, base))
    }

    /// Frees what the store reserved beyond its rows, where that is more than a quarter (in a
    /// store of some size: a small one is left as it is).
    pub(crate) fn shrink(&mut self) {
        fn fit<T>(column: &mut Vec<T>) {
            if column.capacity() - column.len() > column.len() / 4 + 64 {
                column.shrink_to_fit();
            }
        }
        fn fit_text(text: &mut String) {
            if text.capacity() - text.len() > text.len() / 4 + 64 {
                text.shrink_to_fit();
            }
        }
        if self.rows.capacity() < 1 << 10 {
            return;
        }
        fit(&mut self.tag);
        fit(&mut self.rows);
        fit_text(&mut self.arena);
        fit(&mut self.quantities);
        fit(&mut self.dates);
        fit(&mut self.titles);
        fit_text(&mut self.extras);
        fit(&mut self.docs);
    }
}

/// The records of a sequence of stores (the parts of a batch), a bounded number at a time:
/// what the table builders read, so that only one chunk of core records exists at once.
pub(crate) struct Chunks<'a> {
    parts: &'a [Arc<Store>],
    part: usize,
    doc: usize,
    row: usize,
    /// The position of the current part's first document among all documents.
    first_doc: usize,
    size: usize,
    started: bool,
}

/// Chunks of up to `size` records of `parts`, with the position of each one's document
/// counted over all parts; at least one chunk, empty when there is no record.
pub(crate) fn chunks(parts: &[Arc<Store>], size: usize) -> Chunks<'_> {
    Chunks {
        parts,
        part: 0,
        doc: 0,
        row: 0,
        first_doc: 0,
        size: size.max(1),
        started: false,
    }
}

impl Iterator for Chunks<'_> {
    type Item = (Vec<Record>, Vec<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let mut records = Vec::new();
        let mut positions = Vec::new();
        while records.len() < self.size && self.part < self.parts.len() {
            let store = &self.parts[self.part];
            let Some(doc) = store.docs.get(self.doc) else {
                self.first_doc += store.docs.len();
                self.part += 1;
                self.doc = 0;
                self.row = 0;
                continue;
            };
            let row = self.row.max(doc.rows.start);
            if row >= doc.rows.end {
                self.doc += 1;
                continue;
            }
            records.push(store.record(row, doc.base));
            positions.push(self.first_doc + self.doc);
            self.row = row + 1;
        }
        if records.is_empty() && self.started {
            return None;
        }
        self.started = true;
        Some((records, positions))
    }
}
