//! Differential dump: every record the extractor finds in a fixed set of inputs, as JSON
//! lines, so that two builds of the crate can be compared record by record.
//!
//! ```text
//! cargo run --release --example differential -- OUT.jsonl [--random N] FILE...
//! python3 benches/differential_diff.py BEFORE.jsonl AFTER.jsonl
//! ```
//!
//! The inputs, in this order:
//! - every `FILE` ending in `.txt`: the whole text, then each of its lines;
//! - every `FILE` ending in `.jsonl`: per row, each string held under `text`, `input`,
//!   `chinese` or `title`;
//! - `N` random strings (default 1,000,000) from a seeded generator biased to the characters of
//!   the genre: digits in every script, magnitudes, units, range marks, date words, brackets,
//!   pinyin annotations. The generator is written out here, so that two builds draw the same
//!   strings.
//!
//! Each input is extracted twice, with the default options and with a reference year of 2025
//! (which brings in 今年, 去年 and the like), and its skipped numerals (SPEC §5) are listed
//! with the default options. Each output line is
//! `{"n": index, "input": label, "text": …, "default": [records], "year2025": [records],
//! "skipped": [spans]}`, where `index` counts every input from 0 in the order above; only
//! inputs with a record or a skipped span are written, with their text, and the count of
//! every input goes to standard error.

use std::fs;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use xinzhi_extract::Extractor;

/// A small, fixed pseudo-random generator (SplitMix64): the same seed gives the same strings
/// on every build and platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces a random string is made of, each drawn with the same chance: single characters of
/// the genre and short words that exercise units, dates, ranges and titles.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "9",
    "0",
    "1",
    "2",
    "００",
    "１",
    "５",
    "９",
    ".",
    ".",
    ",",
    "，",
    "、",
    "。",
    "%",
    "％",
    "‰",
    "‱",
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "萬",
    "億",
    "兆",
    "零",
    "〇",
    "○",
    "两",
    "兩",
    "壹",
    "贰",
    "叁",
    "肆",
    "伍",
    "陆",
    "柒",
    "捌",
    "玖",
    "拾",
    "佰",
    "仟",
    "廿",
    "卅",
    "半",
    "几",
    "数",
    "上",
    "余",
    "多",
    "来",
    "左右",
    "约",
    "近",
    "超",
    "逾",
    "不足",
    "以上",
    "以下",
    "第",
    "元",
    "美元",
    "港元",
    "澳门元",
    "新台币",
    "人民币",
    "$",
    "¥",
    "￥",
    "€",
    "₩",
    "HK$",
    "US$",
    "个",
    "個",
    "家",
    "项",
    "項",
    "人",
    "吨",
    "千克",
    "公里",
    "平方米",
    "亩",
    "公顷",
    "千瓦",
    "兆瓦",
    "小时",
    "天",
    "年",
    "月",
    "日",
    "号",
    "季度",
    "年度",
    "上半年",
    "今年",
    "去年",
    "明年",
    "前年",
    "后年",
    "本世纪",
    "上世纪",
    "年代",
    "-",
    "‒",
    "–",
    "—",
    "～",
    "~",
    "至",
    "到",
    "—",
    "/",
    "：",
    ":",
    "《",
    "》",
    "〈",
    "〉",
    "“",
    "”",
    "「",
    "」",
    "(",
    ")",
    "（",
    "）",
    "(wàn)",
    "(yì)",
    "(gè)",
    "\n",
    " ",
    "　",
    "增长",
    "下降",
    "增加",
    "减少",
    "同比",
    "提高",
    "个百分点",
    "倍",
    "成",
    "分之",
    "百分之",
    "每",
    "元/吨",
    "万元",
    "亿元",
    "万人",
    "万户",
    "规划",
    "方案",
    "意见",
    "通知",
    "（2023—2025年）",
    "国务院",
    "省",
    "市",
    "关于",
    "印发",
    "十四五",
    "号文",
    "GDP",
    "5G",
    "A",
    "k",
    "m",
    "km",
    "kg",
    "MW",
    "°C",
    "℃",
    "?",
    "\u{FFFD}",
    "\u{E000}",
    "民國",
    "114年",
    "1899",
    "2023",
    "2026",
    "12",
    "31",
    "e",
    "E",
    "+",
    "×",
    "x",
    "10^",
    "²",
    "³",
    "分",
    "秒",
    "点",
    "半",
    "倍以上",
];

fn random_text(rng: &mut SplitMix) -> String {
    let pieces = 1 + rng.below(24);
    let mut text = String::new();
    for _ in 0..pieces {
        text.push_str(PIECES[rng.below(PIECES.len())]);
    }
    text
}

/// Each string of a JSON-lines row that holds an input.
fn row_inputs(line: &str) -> Vec<String> {
    let Ok(serde_json::Value::Object(row)) = serde_json::from_str::<serde_json::Value>(line) else {
        return Vec::new();
    };
    ["text", "input", "chinese", "title"]
        .iter()
        .filter_map(|key| row.get(*key).and_then(|v| v.as_str()).map(str::to_owned))
        .collect()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out_path) = args.next() else {
        eprintln!("usage: differential OUT.jsonl [--random N] FILE...");
        return ExitCode::FAILURE;
    };
    let mut random = 1_000_000_usize;
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--random" {
            random = args.next().and_then(|n| n.parse().ok()).unwrap_or(random);
        } else {
            files.push(arg);
        }
    }
    let mut inputs: Vec<(String, String)> = Vec::new();
    for file in &files {
        let Ok(content) = fs::read_to_string(file) else {
            eprintln!("skipped (unreadable): {file}");
            continue;
        };
        if std::path::Path::new(file)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
        {
            for (n, line) in content.lines().enumerate() {
                for (k, text) in row_inputs(line).into_iter().enumerate() {
                    inputs.push((format!("{file}:{}:{k}", n + 1), text));
                }
            }
        } else {
            inputs.push((format!("{file}:whole"), content.clone()));
            for (n, line) in content.lines().enumerate() {
                inputs.push((format!("{file}:{}", n + 1), line.to_owned()));
            }
        }
    }
    let fixed = inputs.len();
    let mut rng = SplitMix(0x5EED_2026);
    let default = Extractor::new();
    let Ok(with_year) = Extractor::builder().reference_year(2025).build() else {
        return ExitCode::FAILURE;
    };
    let Ok(file) = fs::File::create(&out_path) else {
        eprintln!("cannot write {out_path}");
        return ExitCode::FAILURE;
    };
    let mut out = BufWriter::new(file);
    let mut written = 0_usize;
    let mut records = 0_usize;
    let mut n = 0_usize;
    let mut emit = |label: &str, text: &str| {
        n += 1;
        let a = default.extract(text);
        let b = with_year.extract(text);
        let skipped = default.skipped(text);
        records += a.len() + b.len();
        if a.is_empty() && b.is_empty() && skipped.is_empty() {
            return;
        }
        written += 1;
        let line = serde_json::json!({
            "n": n - 1, "input": label, "text": text,
            "default": a, "year2025": b, "skipped": skipped,
        });
        let _ = writeln!(out, "{line}");
    };
    for (label, text) in &inputs {
        emit(label, text);
    }
    for n in 0..random {
        let text = random_text(&mut rng);
        emit(&format!("random:{n}"), &text);
    }
    let _ = out.flush();
    eprintln!(
        "{fixed} fixed inputs, {random} random; {written} with records or skipped spans; {records} records in all"
    );
    ExitCode::SUCCESS
}
