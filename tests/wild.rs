//! The unlabelled real text of `corpus/wild/` in the shared folder (SPEC §5), skipped cleanly
//! when the shared folder is absent:
//!
//! - Taiwan's 2025 budget proposals: the amount READr's editors recorded by hand (`cost`) is
//!   the value of a money quantity of the proposal in at least 97% of the rows where it is
//!   written; the rows where it cannot be (computed, mistyped or not written) are listed with
//!   their reason in `tests/data/tw_budget_unreachable.toml`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::Value;
use xinzhi_extract::{Dimension, Extractor, Record};

/// The share of reachable rows whose recorded amount must be found.
const COST_BAR: f64 = 0.97;

/// Why a row's recorded amount cannot be found in its text.
const UNREACHABLE_REASONS: [&str; 4] = ["computed", "typo", "not_written", "no_unit"];

fn wild_rows(shared: &Path, file: &str) -> Vec<Value> {
    let path = shared.join("corpus/wild").join(file);
    let content = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// `id → (reason, note)` of the rows whose amount cannot be found.
fn unreachable_rows() -> BTreeMap<String, (String, String)> {
    let path = common::data_path("tw_budget_unreachable.toml");
    let content = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table =
        toml::from_str(&content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    table
        .into_iter()
        .map(|(id, entry)| {
            let field = |name: &str| {
                entry
                    .get(name)
                    .and_then(toml::Value::as_str)
                    .unwrap_or_else(|| panic!("{id}: no {name}"))
                    .to_owned()
            };
            let reason = field("reason");
            assert!(
                UNREACHABLE_REASONS.contains(&reason.as_str()),
                "{id}: reason {reason:?} is not one of {UNREACHABLE_REASONS:?}"
            );
            let note = field("note");
            (id, (reason, note))
        })
        .collect()
}

/// Whether `cost` is the value (or a bound) of a money quantity among `records`.
fn money_holds(records: &[Record], cost: f64) -> bool {
    records.iter().any(|r| match r {
        Record::Quantity(q) if q.dimension == Dimension::Money => [q.value, q.low, q.high]
            .into_iter()
            .flatten()
            .any(|v| (v - cost).abs() <= 0.5),
        _ => false,
    })
}

#[test]
#[cfg_attr(
    shared_folder_absent,
    ignore = "needs the shared folder: set XINZHI_SHARED or put it at ../shared"
)]
fn tw_budget_recorded_amounts_are_found() {
    let Some(shared) = common::shared_dir_or_skip("tw_budget_recorded_amounts_are_found") else {
        return;
    };
    let extractor = Extractor::builder()
        .locale("zh-TW")
        .build()
        .expect("valid options");
    let unreachable = unreachable_rows();
    let rows = wild_rows(&shared, "tw_budget_2025.jsonl");
    let (mut reachable, mut found) = (0usize, 0usize);
    let mut missed = Vec::new();
    let mut listed_but_found = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for row in &rows {
        let id = row["id"].as_str().expect("an id");
        ids.insert(id);
        let Some(cost) = row["cost"].as_f64() else {
            continue;
        };
        let text = row["text"].as_str().expect("a text");
        let hit = money_holds(&extractor.extract(text), cost);
        if unreachable.contains_key(id) {
            if hit {
                listed_but_found.push(id);
            }
            continue;
        }
        reachable += 1;
        if hit {
            found += 1;
        } else {
            missed.push(format!(
                "{id}\t{cost}\t{}",
                text.chars().take(160).collect::<String>()
            ));
        }
    }
    let stale: Vec<&String> = unreachable
        .keys()
        .filter(|id| !ids.contains(id.as_str()))
        .collect();
    assert!(
        stale.is_empty(),
        "unreachable rows that are not in the file: {stale:?}"
    );
    assert!(
        listed_but_found.is_empty(),
        "rows listed as unreachable whose amount is found: {listed_but_found:?}"
    );
    let rate = found as f64 / reachable as f64;
    eprintln!(
        "tw budget: {found} of {reachable} reachable amounts found ({:.1}%), {} rows listed unreachable",
        rate * 100.0,
        unreachable.len()
    );
    assert!(
        rate >= COST_BAR,
        "{:.1}% < {:.0}%; missed:\n{}",
        rate * 100.0,
        COST_BAR * 100.0,
        missed.join("\n")
    );
}
