//! Every maximal run of the numeral alphabet (SPEC §5) in a JSON Lines corpus, and what
//! covers it: a record, or nothing.
//!
//! ```text
//! cargo run --release --example numeral_audit -- FILE.jsonl [--uncovered] [--covered KIND]
//!     [--skipped REASON] [--context N] [--options LOCALE]
//! ```
//!
//! Prints one summary line per file (runs, runs inside a record by kind, runs skipped by
//! reason, runs unexplained) and, with `--uncovered`, every run that neither a record nor a
//! skipped span covers, with `--context` characters either side (20 by default), so that an
//! analyst can read them and sort them into classes. `--covered KIND` prints the runs that a
//! record of that kind covers (`all` for every kind), `--skipped REASON` the skipped spans of
//! that reason (`all` for every reason).
//! Each line of the file must be a JSON object with a `text` field.

use std::collections::BTreeMap;
use std::io::BufRead;

use xinzhi_extract::{in_numeral_alphabet, Extractor, Record};

/// The maximal runs of the alphabet in `text`, as byte ranges.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (in_numeral_alphabet(c), open) {
            (true, None) => open = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push((s, text.len()));
    }
    out
}

/// `n` characters of `text` either side of `start..end`, line breaks shown as `⏎`.
fn context(text: &str, start: usize, end: usize, n: usize) -> String {
    let before: String = text[..start]
        .chars()
        .rev()
        .take(n)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(n).collect();
    format!("{before}【{}】{after}", &text[start..end]).replace('\n', "⏎")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let width = value("--context")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let extractor = match value("--options").as_deref() {
        Some("zh-TW") => Extractor::builder()
            .yuan_currency("TWD")
            .build()
            .expect("options"),
        _ => Extractor::new(),
    };
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && !matches!(
                    args.get(i.wrapping_sub(1)).map(String::as_str),
                    Some("--context" | "--options" | "--covered" | "--skipped")
                )
        })
        .map(|(_, a)| a)
        .collect();
    for path in files {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let (mut total, mut covered) = (0usize, 0usize);
        let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut by_reason: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut skipped_spans: Vec<(usize, usize)> = Vec::new();
        let mut unexplained = 0usize;
        for (line_no, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.expect("a line of UTF-8");
            if line.trim().is_empty() {
                continue;
            }
            let doc: serde_json::Value = serde_json::from_str(&line).expect("a JSON object");
            let Some(text) = doc.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            let id = doc.get("id").and_then(|t| t.as_str()).unwrap_or("");
            let records = extractor.extract(text);
            for s in extractor.skipped(text) {
                *by_reason.entry(s.reason.as_str()).or_default() += 1;
                if value("--skipped").is_some_and(|r| r == "all" || r == s.reason.as_str()) {
                    println!(
                        "S\t{id}:{line_no}\t{}\t{}",
                        s.reason,
                        context(text, s.start, s.end, width)
                    );
                }
                skipped_spans.push((s.start, s.end));
            }
            // Non-title records do not overlap; titles may hold others, so only records
            // other than titles count as covering a numeral.
            let spans: Vec<&Record> = records
                .iter()
                .filter(|r| !matches!(r, Record::Title(_)))
                .collect();
            let mut k = 0;
            for (s, e) in runs(text) {
                total += 1;
                while k < spans.len() && spans[k].end() <= s {
                    k += 1;
                }
                // A run is covered when every character of it is inside some record.
                let mut at = s;
                let mut j = k;
                let mut kind = None;
                let mut covered_here = false;
                loop {
                    if j < spans.len() && spans[j].start() <= at && at < e {
                        at = at.max(spans[j].end());
                        kind.get_or_insert(spans[j].kind().as_str());
                        covered_here = true;
                        j += 1;
                    } else if let Some(&(_, end)) =
                        skipped_spans.iter().find(|(ss, se)| *ss <= at && at < *se)
                    {
                        at = end;
                    } else {
                        break;
                    }
                }
                if at < e {
                    unexplained += 1;
                    if flag("--uncovered") {
                        println!("U\t{id}:{line_no}\t{}", context(text, s, e, width));
                    }
                } else if covered_here {
                    covered += 1;
                    let kind = kind.unwrap_or("?");
                    *by_kind.entry(kind).or_default() += 1;
                    if value("--covered").is_some_and(|k| k == "all" || k == kind) {
                        println!("C\t{id}:{line_no}\t{kind}\t{}", context(text, s, e, width));
                    }
                }
            }
        }
        eprintln!(
            "{path}: {total} runs, {covered} inside a record {by_kind:?}, {} skipped only {by_reason:?} (spans), {unexplained} unexplained",
            total - covered - unexplained
        );
    }
}
