//! What the subjects of quantities look like on real text, and how well they match the
//! fixture table.
//!
//! ```text
//! cargo run --release --example subjects -- accuracy          # per pattern, tests/data/subjects.jsonl
//! cargo run --release --example subjects -- share             # share with a subject, each wild file
//! cargo run --release --example subjects -- sample 50 [seed]  # quantities with their subject and clause
//! ```
//!
//! The wild files are read from `$XINZHI_SHARED/corpus/wild/` (else `../shared`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use xinzhi_extract::{Extractor, Quantity, Record};

fn shared() -> PathBuf {
    std::env::var_os("XINZHI_SHARED").map_or_else(|| PathBuf::from("../shared"), PathBuf::from)
}

fn wild_texts(file: &str) -> Vec<String> {
    let path = shared().join("corpus/wild").join(file);
    let Ok(content) = std::fs::read_to_string(&path) else {
        eprintln!("{} is absent", path.display());
        return Vec::new();
    };
    content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
        .collect()
}

/// `part` of `whole` in percent.
#[allow(clippy::cast_precision_loss)]
fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

fn quantities(text: &str) -> Vec<Quantity> {
    Extractor::shared().quantities(text)
}

/// Per-pattern accuracy on the fixture table: a case is right when the subject and its
/// offsets (code points) are the expected ones.
fn accuracy() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/subjects.jsonl");
    let content = std::fs::read_to_string(path).expect("the subjects table");
    let mut by_pattern: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = case["text"].as_str().unwrap_or_default();
        let pattern = case["pattern"].as_str().unwrap_or("?").to_owned();
        let records = Extractor::shared().extract(text);
        let mut right = true;
        for want in case["expected"].as_array().into_iter().flatten() {
            let qstart = want["start"].as_u64().unwrap_or(0) as usize;
            let byte = |cp: usize| text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b);
            let found = records.iter().find_map(|r| match r {
                Record::Quantity(q) if q.start == byte(qstart) => Some(q),
                _ => None,
            });
            let got = found.map(|q| {
                (
                    q.subject.as_deref().map(String::from),
                    q.subject_start,
                    q.subject_end,
                )
            });
            let expect = (
                want["subject"].as_str().map(String::from),
                want["subject_start"].as_u64().map(|s| byte(s as usize)),
                want["subject_end"].as_u64().map(|s| byte(s as usize)),
            );
            if found.is_none() {
                println!(
                    "? [{pattern}] {text}: no quantity {} at {qstart}",
                    want["text"]
                );
            }
            if got.as_ref() != Some(&expect) {
                right = false;
                println!(
                    "✗ [{pattern}] {text}\n    {}: want {:?} got {:?}",
                    want["text"],
                    expect.0,
                    got.and_then(|g| g.0)
                );
            }
        }
        let entry = by_pattern.entry(pattern).or_default();
        entry.0 += usize::from(right);
        entry.1 += 1;
    }
    let (mut right, mut all) = (0_usize, 0_usize);
    for (pattern, (r, n)) in &by_pattern {
        println!("{pattern:>12}: {r}/{n} ({:.1}%)", percent(*r, *n));
        right += r;
        all += n;
    }
    println!("{:>12}: {right}/{all} ({:.1}%)", "all", percent(right, all));
}

fn share() {
    for file in ["gov_reports_2026.jsonl", "tw_budget_2025.jsonl"] {
        let (mut with, mut all) = (0_usize, 0_usize);
        for text in wild_texts(file) {
            for q in quantities(&text) {
                all += 1;
                with += usize::from(q.subject.is_some());
            }
        }
        if all > 0 {
            println!(
                "{file}: {with}/{all} quantities with a subject ({:.1}%)",
                percent(with, all)
            );
        }
    }
}

/// A pseudo-random sample of quantities from both wild files, each with its subject and the
/// text before it, for a reader to check.
fn sample(n: usize, seed: u64) {
    let mut all = Vec::new();
    for file in ["gov_reports_2026.jsonl", "tw_budget_2025.jsonl"] {
        for text in wild_texts(file) {
            for q in quantities(&text) {
                let from = text[..q.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(b, _)| b);
                let to = text[q.end..]
                    .char_indices()
                    .nth(8)
                    .map_or(text.len(), |(b, _)| q.end + b);
                let context = format!("{}【{}】{}", &text[from..q.start], q.text, &text[q.end..to])
                    .replace('\n', "⏎");
                all.push((q.subject.as_deref().unwrap_or("—").to_owned(), context));
            }
        }
    }
    let mut state = seed.max(1);
    for k in 0..n.min(all.len()) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let (subject, context) = &all[(state % all.len() as u64) as usize];
        println!("{:>2}. {subject}\n    {context}", k + 1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("share") => share(),
        Some("sample") => sample(
            args.get(1).and_then(|s| s.parse().ok()).unwrap_or(50),
            args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026),
        ),
        _ => accuracy(),
    }
}
