//! Working memory of an extraction, owned by the [`Extractor`](crate::Extractor) and lent to
//! one call at a time.
//!
//! An extraction needs the four tables of its [`TextView`](super::TextView) and one list of
//! records per kind before the merge. Allocating them anew for every text costs a tenth of
//! the time of an extraction of a short one, so an extractor keeps them in a [`Pool`] between
//! calls. The pool has a few slots; a thread always uses the same one, so threads sharing an
//! extractor rarely meet, and a call that finds its slot taken works in new memory rather
//! than waiting. A scratch that has grown past a bound is freed rather than kept, so an
//! extractor never holds the memory of a huge text.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::view::ViewTables;
use crate::record::{Record, ViewSpan};

/// Views of more characters than this (a third of a megabyte of tables) are not kept.
const MAX_KEPT_CHARS: usize = 1 << 16;

/// Record lists that have held more records than this are not kept.
const MAX_KEPT_RECORDS: usize = 4096;

/// Slots of a pool: more than the threads that commonly share one extractor.
const SLOTS: usize = 8;

/// The memory one extraction works in.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The tables of the text's view.
    pub(crate) view: ViewTables,
    /// The quantities, dates and numbers found, in that order, before the merge. Empty
    /// between calls.
    pub(crate) found: [Vec<Record>; 3],
    /// The spans in view positions of the records of `found`, list by list, one per record.
    pub(crate) spans: [Vec<ViewSpan>; 3],
}

/// Scratch space kept between the calls of one extractor and its clones.
#[derive(Debug, Default)]
pub(crate) struct Pool {
    slots: [Slot; SLOTS],
}

/// One slot, on cache lines of its own: threads take and give back their scratch once per
/// text, and a slot that shared a line with its neighbour (the next thread's) would send
/// that line from core to core on every text of both.
#[derive(Debug, Default)]
#[repr(align(128))]
struct Slot(Mutex<Option<Scratch>>);

/// Hands each thread a slot number, in the order threads first ask.
static NEXT_SLOT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The slot this thread uses in every pool: a number, not memory.
    static THREAD_SLOT: usize = NEXT_SLOT.fetch_add(1, Ordering::Relaxed) % SLOTS;
}

impl Pool {
    fn slot(&self) -> &Mutex<Option<Scratch>> {
        let k = THREAD_SLOT.try_with(|&k| k).unwrap_or(0);
        &self.slots[k].0
    }

    /// The scratch this thread's slot holds, or a new one when it is empty or in use.
    pub(crate) fn take(&self) -> Scratch {
        self.slot()
            .try_lock()
            .ok()
            .and_then(|mut slot| slot.take())
            .unwrap_or_default()
    }

    /// Leaves `scratch` for the next call if the slot is free, less any table grown past its
    /// bound.
    pub(crate) fn give_back(&self, mut scratch: Scratch) {
        if scratch.view.capacity() > MAX_KEPT_CHARS {
            scratch.view = ViewTables::default();
        }
        for list in &mut scratch.found {
            if list.capacity() > MAX_KEPT_RECORDS {
                *list = Vec::new();
            }
            list.clear();
        }
        for list in &mut scratch.spans {
            if list.capacity() > MAX_KEPT_RECORDS {
                *list = Vec::new();
            }
            list.clear();
        }
        if let Ok(mut slot) = self.slot().try_lock() {
            *slot = Some(scratch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::TextView;

    #[test]
    fn a_pool_keeps_small_scratch_only() {
        let pool = Pool::default();
        let mut scratch = pool.take();
        let view = TextView::with_tables("约5萬(wàn)個", scratch.view);
        scratch.view = view.into_tables();
        pool.give_back(scratch);
        assert!(
            pool.take().view.capacity() >= 4,
            "a short view's tables are kept"
        );
        let huge = "万".repeat(MAX_KEPT_CHARS + 1);
        let mut scratch = pool.take();
        scratch.view = TextView::with_tables(&huge, scratch.view).into_tables();
        pool.give_back(scratch);
        assert_eq!(
            pool.take().view.capacity(),
            0,
            "a huge view's tables are freed"
        );
    }
}
