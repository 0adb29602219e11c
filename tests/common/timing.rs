//! The linear-time checks of the test suites, shared by the integration tests (through
//! `tests/common`) and the library's unit tests (through a `#[path]` module).
//!
//! A check compares the cost of an input with that of an input ten times larger. The cost is
//! the CPU time of the running thread where the system tells it (Linux, macOS), so that other
//! work on a loaded machine (cargo's parallel test threads, other builds) does not stretch a
//! long run more than a short one; elsewhere it is wall-clock time. Either stays noisy, so the
//! two sizes are run in turn, each cost is the least of several runs, and a comparison that
//! fails is tried again from the start a few times before the check fails.
//! The bound stays one that a quadratic cost breaks: ten times the input may cost at most
//! [`RATIO_LIMIT`] times as much plus [`SLACK`], where quadratic work costs a hundred times.
#![allow(dead_code)]

use std::hint::black_box;
use std::time::Duration;

/// A clock reading: the running thread's CPU time where the system tells it.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn now() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// A clock reading: wall-clock time since the first reading.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn now() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Runs of each size in one comparison; the least time of each size is compared.
const RUNS: usize = 3;

/// Comparisons tried before the check fails.
const ATTEMPTS: usize = 3;

/// How many times the cost of the small input the large one (ten times the size) may take.
/// Linear work takes about ten times, a little more once the input outgrows the caches;
/// quadratic work takes a hundred.
pub const RATIO_LIMIT: f64 = 40.0;

/// Added to the limit for the timer's and the scheduler's granularity.
pub const SLACK: Duration = Duration::from_millis(20);

/// The least time `run` takes in `runs` runs. What `run` returns is dropped outside the
/// timing.
pub fn least_time<T>(runs: usize, mut run: impl FnMut() -> T) -> Duration {
    (0..runs.max(1))
        .map(|_| {
            let started = now();
            let result = black_box(run());
            let elapsed = now().saturating_sub(started);
            drop(result);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

/// The least times of `run` on `small` and on `large`, the two run in turn so that a burst of
/// load weighs on both alike.
fn least_times<I: ?Sized, T>(
    small: &I,
    large: &I,
    run: &mut impl FnMut(&I) -> T,
) -> (Duration, Duration) {
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        best.0 = best.0.min(least_time(1, || run(small)));
        best.1 = best.1.min(least_time(1, || run(large)));
    }
    best
}

/// Whether `large`, the cost of an input ten times that of `small`, is within the bound.
pub fn within_linear_bound(small: Duration, large: Duration) -> bool {
    large <= small.mul_f64(RATIO_LIMIT) + SLACK
}

/// Asserts that `run` costs linear time: `large` is an input ten times the size of `small`,
/// and its cost must stay within [`RATIO_LIMIT`] times that of `small` plus [`SLACK`], in at
/// least one of [`ATTEMPTS`] comparisons of the least of [`RUNS`] runs each. Fails naming
/// `name` and every comparison's times.
pub fn assert_linear_time<I: ?Sized, T>(
    name: &str,
    small: &I,
    large: &I,
    mut run: impl FnMut(&I) -> T,
) {
    let bound = format!("ten times the input cost more than {RATIO_LIMIT}× + {SLACK:?}");
    assert_in_some_attempt(
        name,
        &bound,
        || least_times(small, large, &mut run),
        within_linear_bound,
    );
}

/// Asserts that `holds` is true of the two costs `measure` returns in at least one of
/// [`ATTEMPTS`] tries, so that a comparison a burst of other work spoiled is taken again.
/// Fails naming `name`, the bound it broke (`broken`) and every try's two costs.
pub fn assert_in_some_attempt(
    name: &str,
    broken: &str,
    mut measure: impl FnMut() -> (Duration, Duration),
    holds: impl Fn(Duration, Duration) -> bool,
) {
    let mut tries = Vec::new();
    for _ in 0..ATTEMPTS {
        let (first, second) = measure();
        if holds(first, second) {
            return;
        }
        tries.push(format!("{first:?} → {second:?}"));
    }
    panic!(
        "{name}: {broken} in each of {ATTEMPTS} comparisons: {}",
        tries.join(", ")
    );
}
