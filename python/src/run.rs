//! Running the core extractor: one text, or many on scoped worker threads, with offsets
//! converted to code points and panics turned into errors that name the text.

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use xinzhi_extract::offsets::CharCounter;
use xinzhi_extract::{Extractor, FactContext, FactContexts, Kind, Record};

use crate::records;
use crate::store::Store;

/// Which records a call asks for: all the extractor's kinds, or one kind through the
/// per-kind helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wanted {
    Configured,
    Only(Kind),
}

/// A text whose extraction panicked: a bug in the core, reported rather than fatal.
#[derive(Debug)]
pub(crate) struct Failure {
    pub item: usize,
    pub message: String,
}

/// Below this many bytes per worker, starting another thread costs more than it saves.
const BYTES_PER_WORKER: usize = 32 * 1024;

/// The records of one text, offsets in bytes as the core gives them.
fn extract_bytes(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
) -> Result<Vec<Record>, Failure> {
    catch_unwind(AssertUnwindSafe(|| match wanted {
        Wanted::Configured => extractor.extract(text),
        Wanted::Only(Kind::Quantity) => wrap(extractor.quantities(text), Record::Quantity),
        Wanted::Only(Kind::Date) => wrap(extractor.dates(text), Record::Date),
        Wanted::Only(Kind::Title) => wrap(extractor.titles(text), Record::Title),
        Wanted::Only(Kind::Number) => wrap(extractor.numbers(text), Record::Number),
    }))
    .map_err(|payload| Failure {
        item: 0,
        message: payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned()),
    })
}

/// About the length of a piece of a text, in bytes: the core's records of one piece (some
/// 200 bytes each, on text with a number every other character) are held only until they
/// are stored compactly, so a piece bounds that transient memory to a few MB.
const PIECE_BYTES: usize = 1 << 15;

/// Extracts `text` into `store` as its next document, in pieces (see [`next_piece`]), each
/// piece's records stored compactly before the next is read. `between` is asked after each
/// piece whether to stop (a signal such as Ctrl-C).
pub(crate) fn extract_document(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
    store: &mut Store,
    between: &mut dyn FnMut() -> bool,
) -> Result<(), Stop> {
    extract_pieces(extractor, wanted, text, store, None, between)
}

/// The year and sentence of each quantity of a store that holds quantities only: what the
/// facts table adds to them, as the core works it out ([`FactContexts`]). Row `i` is the
/// store's row `i`.
#[derive(Default)]
pub(crate) struct FactRows {
    /// The sentence's span in code points of its text.
    pub sentence_start: Vec<i64>,
    pub sentence_end: Vec<i64>,
    /// The sentence's span in bytes of its text, to slice its UTF-8.
    pub sentence_bytes: Vec<(usize, usize)>,
    /// The year (0 where `has_year` is false).
    pub year: Vec<i32>,
    pub has_year: Vec<bool>,
}

impl FactRows {
    fn push(&mut self, context: &FactContext, counter: &mut CharCounter<'_>) {
        let (start, end) = (context.sentence_start, context.sentence_end);
        self.sentence_start.push(counter.char_offset(start) as i64);
        self.sentence_end.push(counter.char_offset(end) as i64);
        self.sentence_bytes.push((start, end));
        self.year.push(context.year.unwrap_or(0));
        self.has_year.push(context.year.is_some());
    }

    fn shrink(&mut self) {
        self.sentence_start.shrink_to_fit();
        self.sentence_end.shrink_to_fit();
        self.sentence_bytes.shrink_to_fit();
        self.year.shrink_to_fit();
        self.has_year.shrink_to_fit();
    }
}

/// [`extract_document`]; with `facts`, only the quantities are stored, each with its context
/// in `facts` (the records asked for must include the dates, whose years the quantities
/// after them take).
fn extract_pieces(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
    store: &mut Store,
    mut facts: Option<&mut FactRows>,
    between: &mut dyn FnMut() -> bool,
) -> Result<(), Stop> {
    store.begin_document();
    // One count over the whole text: a sentence may reach past the piece of its quantity.
    let mut counter = CharCounter::new(text);
    let mut contexts = FactContexts::new(text);
    let mut rest = text;
    let mut base = 0;
    let mut ahead = None;
    while !rest.is_empty() {
        let (cut, mut records) =
            next_piece(extractor, wanted, rest, &mut ahead).map_err(Stop::Failed)?;
        store.reserve_rows(records.len());
        for record in &mut records {
            if let Some(facts) = facts.as_deref_mut() {
                records::offsets(record, &mut |offset| *offset += base);
                let Some(context) = contexts.read(record) else {
                    continue;
                };
                facts.push(&context, &mut counter);
                records::offsets(record, &mut |offset| {
                    *offset = counter.char_offset(*offset);
                });
            } else {
                records::offsets(record, &mut |offset| {
                    *offset = counter.char_offset(base + *offset);
                });
            }
            store.push(record);
        }
        rest = &rest[cut..];
        base += cut;
        if rest.is_empty() {
            break;
        }
        if between() {
            return Err(Stop::Interrupted);
        }
    }
    Ok(())
}

/// Extracts `text` into `store` as its next document, whole: the reference the pieces of
/// [`extract_document`] are tested against.
pub(crate) fn extract_whole(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
    store: &mut Store,
) -> Result<(), Failure> {
    store.begin_document();
    for record in extract_short(extractor, wanted, text)? {
        store.push(&record);
    }
    Ok(())
}

/// The records of `text` in one piece, offsets in code points: for a text that is one piece
/// anyway ([`is_one_piece`]), and the reference of the tests.
pub(crate) fn extract_short(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
) -> Result<Vec<Record>, Failure> {
    let mut records = extract_bytes(extractor, wanted, text)?;
    to_code_points(text, &mut records);
    Ok(records)
}

/// Whether [`extract_document`] takes `text` in one piece.
pub(crate) fn is_one_piece(text: &str) -> bool {
    text.len() <= 2 * PIECE_BYTES
}

/// How far past a cut the records of two pieces are compared, in bytes.
const OVERLAP: usize = 1 << 13;
/// Records that start this close to the end of a piece may be cut short by it: longer than
/// any record (a title is at most 200 characters).
const MARGIN: usize = 1 << 10;

/// Records of a piece read ahead: the length of the piece (from the start of the rest of the
/// text) and its records, in bytes.
type Ahead = Option<(usize, Vec<Record>)>;

/// The length of the next piece of `rest` and its records (byte offsets).
///
/// A piece ends where no record crosses: after a line break or a sentence end (。！？) near
/// [`PIECE_BYTES`]. Text without either for a long stretch (`"1 " * N`) is cut at the start
/// of a record instead, where the records of the two sides agree: the piece is read to
/// [`OVERLAP`] bytes past the cut, the next piece from the cut, and the cut is taken only
/// when no record of the first crosses it and both give the same records over the overlap
/// (all of the extractor's context is shorter than that: a title is at most 200 characters,
/// a subject 24). Where they differ, the piece grows (doubling, so the work stays linear)
/// and a cut is looked for further on, up to the whole text.
fn next_piece(
    extractor: &Extractor,
    wanted: Wanted,
    rest: &str,
    ahead: &mut Ahead,
) -> Result<(usize, Vec<Record>), Failure> {
    if let Some(cut) = safe_cut(rest, PIECE_BYTES) {
        *ahead = None;
        return Ok((cut, extract_bytes(extractor, wanted, &rest[..cut])?));
    }
    let mut window = PIECE_BYTES + OVERLAP;
    loop {
        let end = floor_boundary(rest, window);
        if end >= rest.len() {
            *ahead = None;
            return Ok((rest.len(), extract_bytes(extractor, wanted, rest)?));
        }
        let first = match ahead.take() {
            Some((length, records)) if length == end => records,
            _ => extract_bytes(extractor, wanted, &rest[..end])?,
        };
        let compare_until = end - MARGIN;
        let from = end.saturating_sub(OVERLAP);
        if let Some(cut) = sync_point(&first, from, end - OVERLAP / 2) {
            let next_end = cut + floor_boundary(&rest[cut..], PIECE_BYTES + OVERLAP);
            let next = extract_bytes(extractor, wanted, &rest[cut..next_end])?;
            if agree(&first, &next, cut, compare_until) {
                *ahead = Some((next_end - cut, next));
                let kept = first.into_iter().filter(|r| r.start() < cut).collect();
                return Ok((cut, kept));
            }
        }
        window *= 2;
    }
}

/// The end of the first piece of `rest` at a line break or sentence end: the whole of a text
/// up to twice `limit` bytes, else after the last line break in its first `limit` bytes, else
/// after the last sentence end (。！？) there, else after the first of either up to twice
/// `limit`; `None` when there is none.
fn safe_cut(rest: &str, limit: usize) -> Option<usize> {
    if rest.len() <= 2 * limit {
        return Some(rest.len());
    }
    let end = floor_boundary(rest, limit);
    let head = &rest[..end];
    if let Some(line) = head.rfind('\n') {
        return Some(line + 1);
    }
    let ends = |c: char| matches!(c, '。' | '！' | '？');
    if let Some(sentence) = head.rfind(ends) {
        return Some(sentence + '。'.len_utf8());
    }
    rest[end..floor_boundary(rest, 2 * limit)]
        .char_indices()
        .find(|&(_, c)| c == '\n' || ends(c))
        .map(|(at, c)| end + at + c.len_utf8())
}

/// `at`, moved back to a character boundary of `text` (its length when past the end).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The start of the first record of `records` between `from` and `until` that no earlier
/// record, nor its subject, reaches past.
fn sync_point(records: &[Record], from: usize, until: usize) -> Option<usize> {
    let mut reach = 0;
    for record in records {
        let start = record.start();
        if start > until {
            return None;
        }
        if start >= from && start >= reach && start > 0 {
            return Some(start);
        }
        reach = reach.max(record.end());
        if let Record::Quantity(q) = record {
            reach = reach.max(q.subject_end.unwrap_or(0));
        }
    }
    None
}

/// Whether the records of `first` from `cut` up to `until` are those of `next` (which starts
/// at `cut`) up to there, and there is at least one.
fn agree(first: &[Record], next: &[Record], cut: usize, until: usize) -> bool {
    let mut theirs = next.iter().filter(|r| r.start() + cut < until).map(|r| {
        let mut r = r.clone();
        records::offsets(&mut r, &mut |offset| *offset += cut);
        r
    });
    let mut count = 0;
    for record in first
        .iter()
        .filter(|r| r.start() >= cut && r.start() < until)
    {
        match theirs.next() {
            Some(other) if other == *record => count += 1,
            _ => return false,
        }
    }
    theirs.next().is_none() && count > 0
}

fn wrap<T>(records: Vec<T>, variant: fn(T) -> Record) -> Vec<Record> {
    records.into_iter().map(variant).collect()
}

/// Rewrites every offset field of the records (byte offsets into `text`) as code-point
/// offsets. The records come in order of their starts, each end and subject a short way from
/// its start, so counting from one offset to the next passes over the text about once.
fn to_code_points(text: &str, records: &mut [Record]) {
    let mut counter = CharCounter::new(text);
    for record in records {
        records::offsets(record, &mut |offset| {
            *offset = counter.char_offset(*offset);
        });
    }
}

/// The records of a run of consecutive texts, and their facts' contexts when asked for
/// (else empty).
pub(crate) type Part = (Store, FactRows);

/// A run of consecutive texts done by one worker: the first one's position and their records,
/// or the failure that stopped it.
type Run = (usize, Result<Part, Stop>);

/// The number of threads `None` stands for: every core the process may use.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// How often a long batch asks whether to stop (Ctrl-C): well under the 0.2 s a person
/// notices.
const CHECK_EVERY: Duration = Duration::from_millis(50);

/// Texts (or pieces of one) between two readings of the clock: reading it costs about as
/// much as a line of text takes, and this many short texts take well under [`CHECK_EVERY`].
const CLOCK_EVERY: u32 = 32;

/// Why a batch ended early.
#[derive(Debug)]
pub(crate) enum Stop {
    /// A text whose extraction panicked.
    Failed(Failure),
    /// `interrupted` said so (a signal such as Ctrl-C).
    Interrupted,
}

/// `interrupted`, asked at most every [`CHECK_EVERY`]: the test between the texts (and the
/// pieces of a long one) of the thread that may ask it.
fn every_so_often(interrupted: impl Fn() -> bool) -> impl FnMut() -> bool {
    let mut checked = Instant::now();
    let mut calls = 0u32;
    move || {
        calls += 1;
        if calls < CLOCK_EVERY {
            return false;
        }
        calls = 0;
        if checked.elapsed() < CHECK_EVERY {
            return false;
        }
        checked = Instant::now();
        interrupted()
    }
}

/// The runs of texts one thread takes from `next` until none is left or `stop` says so.
///
/// A run is shorter near the end of the batch, so that the threads finish together: a
/// quarter of a thread's share of what is left, at most [`RUN_TEXTS`].
fn take_runs(
    extractor: &Extractor,
    asked: Asked,
    texts: &[&str],
    threads: usize,
    next: &AtomicUsize,
    stop: &mut dyn FnMut() -> bool,
) -> Vec<Run> {
    let failed_at = |item: usize| {
        move |stop: Stop| match stop {
            Stop::Failed(f) => Stop::Failed(Failure { item, ..f }),
            Stop::Interrupted => Stop::Interrupted,
        }
    };
    let mut done = Vec::new();
    let mut first = next.load(Ordering::Relaxed);
    loop {
        let left = texts.len().saturating_sub(first);
        if left == 0 || stop() {
            break;
        }
        let length = (left / (threads * 4)).clamp(1, RUN_TEXTS);
        if let Err(now) =
            next.compare_exchange_weak(first, first + length, Ordering::Relaxed, Ordering::Relaxed)
        {
            first = now;
            continue;
        }
        let last = first + length;
        let (mut run, mut facts) = Part::default();
        let bytes = texts[first..last].iter().map(|t| t.len()).sum();
        run.reserve(length, bytes);
        let mut result = Ok(());
        for (i, text) in texts[first..last].iter().enumerate() {
            if stop() {
                break;
            }
            let facts = asked.facts.then_some(&mut facts);
            result = extract_pieces(extractor, asked.wanted, text, &mut run, facts, stop)
                .map_err(failed_at(first + i));
            if result.is_err() {
                break;
            }
        }
        done.push((first, result.map(|()| (run, facts))));
        first = next.load(Ordering::Relaxed);
    }
    done
}

/// What a batch asks for: the records `wanted`, or with `facts` the quantities among them
/// with their facts' contexts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Asked {
    pub wanted: Wanted,
    pub facts: bool,
}

/// The most texts a thread takes at a time. Each run is a store of its own whose columns
/// grow from empty, so runs are long; they shorten near the end of a batch (see
/// [`take_runs`]), so that long texts do not leave a core idle there.
const RUN_TEXTS: usize = 256;

/// The records of every text, in input order, on up to `threads` threads: stores of
/// consecutive texts (one, or one per run of texts a thread took).
///
/// The calling thread and `threads - 1` scoped threads take runs of texts from a shared
/// counter, so a few long texts do not leave a core idle. The threads live only for this
/// call: no pool survives it, and a forked process (Dask, Spark, multiprocessing) inherits
/// nothing. The calling thread asks `interrupted` about every [`CHECK_EVERY`], between its
/// texts and, once it has none left, while it waits; when it says yes, every thread stops
/// after the text it is on.
pub(crate) fn extract_many(
    extractor: &Extractor,
    asked: Asked,
    texts: &[&str],
    threads: usize,
    interrupted: &dyn Fn() -> bool,
) -> Result<Vec<Part>, Stop> {
    let total_bytes: usize = texts.iter().map(|t| t.len()).sum();
    let threads = threads
        .min(texts.len())
        .min(1 + total_bytes / BYTES_PER_WORKER)
        .max(1);
    if threads == 1 {
        let mut between = every_so_often(interrupted);
        let (mut store, mut facts) = Part::default();
        store.reserve(texts.len(), total_bytes);
        for (item, text) in texts.iter().enumerate() {
            if between() {
                return Err(Stop::Interrupted);
            }
            let facts = asked.facts.then_some(&mut facts);
            extract_pieces(
                extractor,
                asked.wanted,
                text,
                &mut store,
                facts,
                &mut between,
            )
            .map_err(|stop| match stop {
                Stop::Failed(f) => Stop::Failed(Failure { item, ..f }),
                Stop::Interrupted => Stop::Interrupted,
            })?;
        }
        store.shrink();
        facts.shrink();
        return Ok(vec![(store, facts)]);
    }
    let next = AtomicUsize::new(0);
    let helpers = AtomicUsize::new(threads - 1);
    let cancelled = AtomicBool::new(false);
    let caller = std::thread::current();
    let mut runs: Vec<Run> = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut stop = || cancelled.load(Ordering::Relaxed);
                    let done = take_runs(extractor, asked, texts, threads, &next, &mut stop);
                    helpers.fetch_sub(1, Ordering::Release);
                    caller.unpark();
                    done
                })
            })
            .collect();
        let mut signalled = every_so_often(interrupted);
        let mut stop = || {
            if !cancelled.load(Ordering::Relaxed) && signalled() {
                cancelled.store(true, Ordering::Relaxed);
            }
            cancelled.load(Ordering::Relaxed)
        };
        let mut runs = take_runs(extractor, asked, texts, threads, &next, &mut stop);
        while helpers.load(Ordering::Acquire) > 0 {
            std::thread::park_timeout(CHECK_EVERY);
            if !cancelled.load(Ordering::Relaxed) && interrupted() {
                cancelled.store(true, Ordering::Relaxed);
            }
        }
        runs.extend(workers.into_iter().flat_map(|worker| {
            worker
                .join()
                .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
        }));
        runs
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(Stop::Interrupted);
    }
    runs.sort_unstable_by_key(|(first, _)| *first);
    // Each run stays a part of its own: joining them would copy every row once more.
    runs.into_iter()
        .map(|(_, run)| {
            run.map(|(mut store, mut facts)| {
                store.shrink();
                facts.shrink();
                (store, facts)
            })
        })
        .collect()
}
