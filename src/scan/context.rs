//! Checks of the context around a numeral that more than one extractor makes: runs of
//! magnitude words, runs of digits no numeral starts in.

use crate::lexicon::units::unit_opens_with_magnitude_at;
use crate::scan::numeral::{digit_value, magnitude_value};

/// Longest run of magnitude words read as one multiplier (`百万`, `千亿`, `万亿`).
const MAX_CHAIN: usize = 3;

/// A run of magnitude words at `i`, strictly rising (`百万`, `千亿`, `万亿`), as one multiplier,
/// with its length. A magnitude that opens a unit (`千瓦`) ends the run.
pub(crate) fn magnitude_chain(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let mut product = 1.0;
    let mut previous = 0;
    let mut len = 0;
    while len < MAX_CHAIN {
        let Some(&c) = chars.get(i + len) else { break };
        let Some(m) = magnitude_value(c) else { break };
        if m <= previous || unit_opens_with_magnitude_at(chars, i + len) {
            break;
        }
        product *= m as f64;
        previous = m;
        len += 1;
    }
    (len > 0).then_some((product, len))
}

/// Past a run of digits no numeral starts in (an identifier longer than the engine reads).
pub(crate) fn past_digit_run(chars: &[char], i: usize) -> usize {
    // Only the same script: a failed `伍` (a word, 队伍) must not hide the `12` after it.
    let same_run = |c: char| digit_value(c).is_some() && c.is_ascii() == chars[i].is_ascii();
    let mut k = i + 1;
    if same_run(chars[i]) {
        while k < chars.len() && same_run(chars[k]) {
            k += 1;
        }
    }
    k
}
