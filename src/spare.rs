//! Buffers handed from one extraction to the next on the same thread.
//!
//! An extraction of a short text used to spend a tenth of its time allocating and freeing
//! its working tables. Each kind of buffer has a slot per thread: a call takes what the
//! previous one left there, and gives it back when done, unless it has grown past the
//! caller's bound, so an idle thread never holds the memory of a huge text.

use std::cell::Cell;
use std::thread::LocalKey;

/// A thread's slot for one kind of buffer.
pub(crate) type Slot<T> = LocalKey<Cell<Option<T>>>;

/// What `slot` holds, or a new value when it is empty (or the thread is being torn down).
pub(crate) fn take<T: Default>(slot: &'static Slot<T>) -> T {
    slot.try_with(Cell::take).ok().flatten().unwrap_or_default()
}

/// Leaves `value` in `slot` for the thread's next call.
pub(crate) fn give_back<T>(slot: &'static Slot<T>, value: T) {
    // During thread teardown the slot may be gone; the value is then simply dropped.
    let _ = slot.try_with(|spare| spare.set(Some(value)));
}
