//! Peak memory of one extraction of a dense text: run under `/usr/bin/time -v` and read
//! "Maximum resident set size".
//!
//! ```text
//! cargo build --release --example peak_memory
//! /usr/bin/time -v target/release/examples/peak_memory "1 " 8000000
//! ```
//!
//! Prints the text's size, the records found, the size of a `Record` and the peak resident
//! size the process reached (from `/proc/self/status` on Linux).

use xinzhi_extract::{Extractor, Record};

fn main() {
    let mut args = std::env::args().skip(1);
    let unit = args.next().unwrap_or_else(|| "1 ".to_owned());
    let times: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8_000_000);
    let text = unit.repeat(times);
    let records = Extractor::new().extract(&text);
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("?").to_owned())
        })
        .unwrap_or_else(|| "?".to_owned());
    println!(
        "text {} bytes, {} records, Record {} bytes, peak {} kB",
        text.len(),
        records.len(),
        std::mem::size_of::<Record>(),
        peak
    );
}
