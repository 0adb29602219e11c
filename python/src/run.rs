//! Running the core extractor: one text, or many on scoped worker threads, with offsets
//! converted to code points and panics turned into errors that name the text.

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use xinzhi_extract::offsets::to_char_offsets;
use xinzhi_extract::{Extractor, Kind, Record};

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

/// Extracts `text` into `store` as its next document, in pieces cut where no record crosses
/// (see [`piece_end`]), each piece's records stored compactly before the next is read.
/// `between` is asked after each piece whether to stop (a signal such as Ctrl-C).
pub(crate) fn extract_document(
    extractor: &Extractor,
    wanted: Wanted,
    text: &str,
    store: &mut Store,
    between: &mut dyn FnMut() -> bool,
) -> Result<(), Stop> {
    store.begin_document();
    let mut rest = text;
    let mut base = 0;
    while !rest.is_empty() {
        let (piece, after) = rest.split_at(piece_end(rest, PIECE_BYTES));
        let mut records = extract_bytes(extractor, wanted, piece).map_err(Stop::Failed)?;
        to_code_points(piece, &mut records);
        for mut record in records {
            if base > 0 {
                records::offsets(&mut record, &mut |offset| *offset += base);
            }
            store.push(record);
        }
        rest = after;
        if rest.is_empty() {
            break;
        }
        base += piece.chars().count();
        if between() {
            return Err(Stop::Interrupted);
        }
    }
    Ok(())
}

/// Where the first piece of `text` ends: the whole of a text up to twice `limit` bytes, else
/// after the last line break in its first `limit` bytes, else after the last sentence end
/// (。！？) there, else after the first of either beyond; no record crosses one of them.
pub(crate) fn piece_end(text: &str, limit: usize) -> usize {
    if text.len() <= 2 * limit {
        return text.len();
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if let Some(line) = head.rfind('\n') {
        return line + 1;
    }
    let ends = |c: char| matches!(c, '。' | '！' | '？');
    if let Some(sentence) = head.rfind(ends) {
        return sentence + '。'.len_utf8();
    }
    text[end..]
        .char_indices()
        .find(|&(_, c)| c == '\n' || ends(c))
        .map_or(text.len(), |(at, c)| end + at + c.len_utf8())
}

fn wrap<T>(records: Vec<T>, variant: fn(T) -> Record) -> Vec<Record> {
    records.into_iter().map(variant).collect()
}

/// Rewrites every offset field of the records (byte offsets into `text`) as code-point
/// offsets, in one pass over `text`.
fn to_code_points(text: &str, records: &mut [Record]) {
    let mut offsets: Vec<usize> = Vec::with_capacity(records.len() * 2);
    for record in records.iter_mut() {
        records::offsets(record, &mut |offset| offsets.push(*offset));
    }
    to_char_offsets(text, &mut offsets);
    let mut converted = offsets.into_iter();
    for record in records.iter_mut() {
        records::offsets(record, &mut |offset| {
            if let Some(value) = converted.next() {
                *offset = value;
            }
        });
    }
}

/// A run of consecutive texts done by one worker: the first one's position and their records,
/// or the failure that stopped it.
type Run = (usize, Result<Store, Stop>);

/// The number of threads `None` stands for: every core the process may use.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// How often a long batch asks whether to stop (Ctrl-C): well under the 0.2 s a person
/// notices.
const CHECK_EVERY: Duration = Duration::from_millis(50);

/// Why a batch ended early.
#[derive(Debug)]
pub(crate) enum Stop {
    /// A text whose extraction panicked.
    Failed(Failure),
    /// `interrupted` said so (a signal such as Ctrl-C).
    Interrupted,
}

/// The records of every text, in input order, on up to `threads` scoped threads.
///
/// Workers take small runs of texts from a shared counter, so a few long texts do not leave
/// a core idle. The threads live only for this call: no pool survives it, and a forked
/// process (Dask, Spark, multiprocessing) inherits nothing. The calling thread asks
/// `interrupted` every [`CHECK_EVERY`] while the workers run; when it says yes, the workers
/// stop after the text each is on.
pub(crate) fn extract_many(
    extractor: &Extractor,
    wanted: Wanted,
    texts: &[&str],
    threads: usize,
    interrupted: &dyn Fn() -> bool,
) -> Result<Store, Stop> {
    let total_bytes: usize = texts.iter().map(|t| t.len()).sum();
    let threads = threads
        .min(texts.len())
        .min(1 + total_bytes / BYTES_PER_WORKER)
        .max(1);
    let failed_at = |item: usize| {
        move |stop: Stop| match stop {
            Stop::Failed(f) => Stop::Failed(Failure { item, ..f }),
            Stop::Interrupted => Stop::Interrupted,
        }
    };
    if threads == 1 {
        let mut checked = Instant::now();
        let mut between = || {
            if checked.elapsed() < CHECK_EVERY {
                return false;
            }
            checked = Instant::now();
            interrupted()
        };
        let mut store = Store::default();
        for (item, text) in texts.iter().enumerate() {
            if between() {
                return Err(Stop::Interrupted);
            }
            extract_document(extractor, wanted, text, &mut store, &mut between)
                .map_err(failed_at(item))?;
        }
        store.shrink();
        return Ok(store);
    }
    let run_length = texts.len().div_ceil(threads * 16).clamp(1, 64);
    let next = AtomicUsize::new(0);
    let running = AtomicUsize::new(threads);
    let cancelled = AtomicBool::new(false);
    let caller = std::thread::current();
    let mut runs: Vec<Run> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    let mut stop = || cancelled.load(Ordering::Relaxed);
                    loop {
                        let first = next.fetch_add(run_length, Ordering::Relaxed);
                        if first >= texts.len() || stop() {
                            break;
                        }
                        let last = (first + run_length).min(texts.len());
                        let mut run = Store::default();
                        let mut result = Ok(());
                        for (i, text) in texts[first..last].iter().enumerate() {
                            if stop() {
                                break;
                            }
                            result = extract_document(extractor, wanted, text, &mut run, &mut stop)
                                .map_err(failed_at(first + i));
                            if result.is_err() {
                                break;
                            }
                        }
                        done.push((first, result.map(|()| run)));
                    }
                    running.fetch_sub(1, Ordering::Release);
                    caller.unpark();
                    done
                })
            })
            .collect();
        while running.load(Ordering::Acquire) > 0 {
            std::thread::park_timeout(CHECK_EVERY);
            if !cancelled.load(Ordering::Relaxed) && interrupted() {
                cancelled.store(true, Ordering::Relaxed);
            }
        }
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect()
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(Stop::Interrupted);
    }
    runs.sort_unstable_by_key(|(first, _)| *first);
    let mut out = Store::default();
    for (_, run) in runs {
        out.append(run?);
    }
    out.shrink();
    Ok(out)
}
