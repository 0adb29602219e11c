//! The numeral scanner never panics and returns ordered, non-overlapping matches within the
//! view, each with a finite value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xinzhi_extract::{scan_numerals, TextView};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let view = TextView::new(text);
    let mut previous_end = 0;
    for found in scan_numerals(&view) {
        assert!(found.start >= previous_end && found.start < found.end && found.end <= view.len());
        assert!(found.value.is_finite(), "{text:?}: {found:?}");
        let (start, end) = view.byte_span(found.start..found.end);
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end) && start < end);
        previous_end = found.end;
    }
});
