//! The whole extractor never panics and always returns a well-formed result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xinzhi_extract::{check_records, Extractor};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let records = Extractor::shared().extract(text);
    if let Err(violation) = check_records(text, &records) {
        panic!("{violation} in {text:?}");
    }
});
