//! Scaling: throughput of `Extractor::extract` on inputs from 1 KB to 100 MB.
//!
//! ```text
//! cargo run --release --example scaling
//! cargo run --release --example scaling -- --sizes 1K,1M,20M --runs 5 --kinds quantity
//! ```
//!
//! Each input is the corpus texts (the shared `corpus/` folder, found through `XINZHI_SHARED`
//! or beside the repository; without it, a passage embedded below) with their lines
//! interleaved in proportion to each text's length, repeated, and cut at a character boundary
//! to the size asked for, so that every size from 10 KB up holds about the same mix of texts
//! (1 KB is the opening lines of each). Sizes are decimal (`1K` = 1,000 bytes, `1M` = 10^6
//! bytes) and so is MB/s.
//!
//! For every size the table gives the median throughput of the timed runs (after one untimed
//! warm-up run, unless `--no-warm-up`), the slowest and fastest run, the time per input byte
//! and that divided by the time per byte of the size before (`× prev`, 1.00 when the cost is
//! linear), the records found and the records per MB. When extraction is linear in its input,
//! MB/s stays flat from the sizes that outgrow the caches up to 100 MB, and records per MB stay
//! those of the corpus; a cost that grows with the input shows as MB/s falling at every step.
//! A size is run at least `--runs` times and until its runs add up to `--min-seconds`. Only
//! `extract` is timed; building the input and dropping the records are not. On Linux, `busy`
//! is how many cores other processes kept busy meanwhile: figures taken beside a build are not
//! the library's.

use std::env;
use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use xinzhi_extract::{Extractor, Kind};

/// Used when the shared corpus is absent: a passage in the genre with money, counts,
/// percentages, ranges, Chinese numerals, dates, titles, and a traditional-script paragraph
/// with pinyin annotations and full-width digits.
const EMBEDDED_SAMPLE: &str = "\
本报讯 2025年1月8日，临川省人民政府办公厅印发《临川省促进民营经济高质量发展若干措施（2025—2027年）》，\
提出到2027年底，全省民营经济增加值占地区生产总值比重达到56%以上，年均增长7.5%左右。\n\
措施明确，省级财政连续三年每年安排30亿元设立民营经济发展专项资金，对新认定的专精特新“小巨人”企业\
一次性奖励100万元，对首次升规的工业企业给予5万至10万元奖励；力争新增市场主体12万户、带动就业约35万人。\n\
2024年，全省实现地区生产总值二万三千六百五十亿元，同比增长5.3%，增速比全国高0.3个百分点。\
第一产业增加值2108.6亿元，增长3.1%；第二产业增加值9312.4亿元，增长6.2%；第三产业增加值12229亿元，\
增长4.9%。全年粮食总产量达到一千二百八十万吨，新建高标准农田三百二十万亩，造林面积约4.6万公顷。\n\
一季度，全省规模以上工业增加值同比增长6.8%，高技术制造业投资增长两成以上；\
进出口总额1436.2亿元，其中出口946亿元，下降1.7%。截至3月末，金融机构人民币贷款余额8.9万亿元。\n\
根据《临川省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》，“十四五”期间全省\
累计完成固定资产投资十余万亿元，建成高速公路一千多公里，新增5G基站4.2万个，城镇化率提高4.6个百分点。\n\
港灣區政府公佈，本年度將投入約38億(yì)元推進(jìn)舊區重建，預計(jì)惠及逾２萬(wàn)戶居民；\
去年全區錄得投訴約4 600宗，較前年下降逾三成，處理時間由平均45日縮短至28日。\n\
會議要求，各部門須於2025年6月30日前完成首批項目審批，並在兩年內(nèi)建成不少於1.5萬個公共充電樁。\n";

const DEFAULT_SIZES: &str = "1K,10K,100K,1M,10M,100M";

/// What the command line asks for.
struct Settings {
    sizes: Vec<usize>,
    runs: usize,
    min_time: Duration,
    warm_up: bool,
    kinds: Option<Vec<Kind>>,
}

/// One size's measurement.
struct Row {
    requested: usize,
    size: usize,
    runs: usize,
    median: Duration,
    fastest: Duration,
    slowest: Duration,
    records: usize,
    /// Cores other processes kept busy while this size was timed, on average (Linux only).
    others_busy: Option<f64>,
}

/// Clock ticks since boot, from `/proc`: every process's busy time, all time (busy and idle,
/// over every core), and this process's own busy time.
#[derive(Clone, Copy)]
struct Ticks {
    busy: u64,
    total: u64,
    own: u64,
}

impl Ticks {
    fn now() -> Option<Ticks> {
        let stat = fs::read_to_string("/proc/stat").ok()?;
        let machine: Vec<u64> = stat
            .lines()
            .next()?
            .split_whitespace()
            .skip(1)
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
        let total: u64 = machine.iter().take(8).sum();
        let busy = total - machine.get(3)? - machine.get(4)?;
        // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
        let own_stat = fs::read_to_string("/proc/self/stat").ok()?;
        let after_name = &own_stat[own_stat.rfind(')')? + 1..];
        let mut fields = after_name.split_whitespace().skip(11);
        let own = fields.next()?.parse::<u64>().ok()? + fields.next()?.parse::<u64>().ok()?;
        Some(Ticks { busy, total, own })
    }

    /// Cores that other processes kept busy, on average, between `self` and `later`.
    fn others_busy(self, later: Ticks) -> Option<f64> {
        let cores = std::thread::available_parallelism().ok()?.get() as f64;
        let total = later.total.checked_sub(self.total).filter(|&t| t > 0)?;
        let others = (later.busy - self.busy).saturating_sub(later.own - self.own);
        Some(others as f64 / total as f64 * cores)
    }
}

fn megabytes_per_second(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

/// `12K` → 12,000; `2.5M` → 2,500,000; a bare number is bytes.
fn parse_size(text: &str) -> Option<usize> {
    let text = text.trim();
    let (number, scale) = match text.char_indices().last()? {
        (i, 'K' | 'k') => (&text[..i], 1e3),
        (i, 'M' | 'm') => (&text[..i], 1e6),
        (i, 'G' | 'g') => (&text[..i], 1e9),
        _ => (text, 1.0),
    };
    let value: f64 = number.parse().ok()?;
    (value > 0.0 && value * scale < 4e9).then_some((value * scale) as usize)
}

fn size_label(size: usize) -> String {
    match size {
        s if s >= 1_000_000 => format!("{} MB", s as f64 / 1e6),
        s if s >= 1_000 => format!("{} KB", s as f64 / 1e3),
        s => format!("{s} B"),
    }
}

fn parse_args() -> Result<Settings, String> {
    let mut settings = Settings {
        sizes: Vec::new(),
        runs: 3,
        min_time: Duration::from_millis(500),
        warm_up: true,
        kinds: None,
    };
    let mut sizes = DEFAULT_SIZES.to_owned();
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--sizes" => sizes = value("--sizes")?,
            "--runs" => {
                settings.runs = value("--runs")?
                    .parse()
                    .map_err(|e| format!("--runs: {e}"))?;
            }
            "--min-seconds" => {
                let seconds: f64 = value("--min-seconds")?
                    .parse()
                    .map_err(|e| format!("--min-seconds: {e}"))?;
                settings.min_time = Duration::try_from_secs_f64(seconds)
                    .map_err(|e| format!("--min-seconds: {e}"))?;
            }
            "--no-warm-up" => settings.warm_up = false,
            "--kinds" => {
                let kinds = value("--kinds")?
                    .split(',')
                    .map(|k| k.trim().parse::<Kind>().map_err(|e| e.to_string()))
                    .collect::<Result<Vec<_>, _>>()?;
                settings.kinds = Some(kinds);
            }
            "-h" | "--help" => {
                return Err(format!(
                    "usage: scaling [--sizes {DEFAULT_SIZES}] [--runs 3] [--min-seconds 0.5] \
                     [--no-warm-up] [--kinds quantity,date,title,number]"
                ))
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    settings.sizes = sizes
        .split(',')
        .map(|s| parse_size(s).ok_or(format!("{s:?} is not a size such as 10K or 1.5M")))
        .collect::<Result<_, _>>()?;
    settings.runs = settings.runs.max(1);
    Ok(settings)
}

/// The corpus texts and where they come from, or the embedded sample.
fn corpus() -> (String, Vec<String>) {
    let shared = env::var_os("XINZHI_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let mut paths: Vec<PathBuf> = fs::read_dir(shared.join("corpus"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect();
    if texts.is_empty() {
        (
            "embedded sample".to_owned(),
            vec![EMBEDDED_SAMPLE.to_owned()],
        )
    } else {
        (format!("shared corpus, {} texts", texts.len()), texts)
    }
}

/// The lines of all the texts, interleaved in proportion to each text's length (a line goes
/// where it stands in its own text), so that every prefix of a few kilobytes or more holds
/// about the same mix of texts as the whole. Without this, small sizes would measure the
/// first text alone.
fn interleaved(texts: &[String]) -> String {
    let mut lines: Vec<(f64, usize, &str)> = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            lines.push((offset as f64 / text.len() as f64, index, line));
            offset += line.len();
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = String::new();
    for (_, _, line) in lines {
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The interleaved texts repeated and cut to at most `size` bytes at a character boundary.
fn input_of_size(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size.div_ceil(unit.len()));
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn measure(extractor: &Extractor, requested: usize, text: &str, settings: &Settings) -> Row {
    let mut records = if settings.warm_up {
        extractor.extract(text).len()
    } else {
        0
    };
    let mut times = Vec::new();
    let mut total = Duration::ZERO;
    let before = Ticks::now();
    while times.len() < settings.runs || (total < settings.min_time && times.len() < 10_000) {
        let start = Instant::now();
        let found = extractor.extract(black_box(text));
        let time = start.elapsed();
        records = found.len();
        drop(black_box(found));
        total += time;
        times.push(time);
    }
    let others_busy = before
        .zip(Ticks::now())
        .and_then(|(before, after)| before.others_busy(after));
    times.sort_unstable();
    Row {
        requested,
        size: text.len(),
        runs: times.len(),
        median: times[times.len() / 2],
        fastest: times[0],
        slowest: times[times.len() - 1],
        records,
        others_busy,
    }
}

impl Row {
    fn seconds_per_byte(&self) -> f64 {
        self.median.as_secs_f64() / self.size as f64
    }
}

/// Prints `row`, with its time per byte divided by that of the row before (1.00 is linear).
fn print_row(row: &Row, previous: Option<&Row>) {
    let per_mb = row.records as f64 / (row.size as f64 / 1e6);
    let growth = previous.map_or_else(String::new, |before| {
        format!("{:.2}", row.seconds_per_byte() / before.seconds_per_byte())
    });
    println!(
        "{:>10}  {:>5}  {:>9.1}  {:>9.1} .. {:<9.1}  {:>7.1}  {:>7}  {:>10}  {:>10.0}  {:>5}",
        size_label(row.requested),
        row.runs,
        megabytes_per_second(row.size, row.median),
        megabytes_per_second(row.size, row.slowest),
        megabytes_per_second(row.size, row.fastest),
        row.seconds_per_byte() * 1e9,
        growth,
        row.records,
        per_mb,
        row.others_busy
            .map_or_else(|| "?".to_owned(), |busy| format!("{busy:.1}")),
    );
}

fn main() -> ExitCode {
    let settings = match parse_args() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = match &settings.kinds {
        None => Extractor::new(),
        Some(kinds) => match Extractor::builder().kinds(kinds.iter().copied()).build() {
            Ok(extractor) => extractor,
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let (source, texts) = corpus();
    let kinds: Vec<&str> = extractor.options().kinds.iter().map(Kind::as_str).collect();
    println!(
        "Extractor::extract, kinds {}; input: {source}, lines interleaved, repeated; median of at least {} runs{}",
        kinds.join(","),
        settings.runs,
        if settings.warm_up {
            " after a warm-up"
        } else {
            ""
        },
    );
    if cfg!(debug_assertions) {
        println!("(debug build: figures are not throughput; use --release)");
    }
    println!(
        "{:>10}  {:>5}  {:>9}  {:>22}  {:>7}  {:>7}  {:>10}  {:>10}  {:>5}",
        "size",
        "runs",
        "MB/s",
        "slowest .. fastest",
        "ns/byte",
        "× prev",
        "records",
        "records/MB",
        "busy"
    );
    let unit = interleaved(&texts);
    let mut previous: Option<Row> = None;
    for &size in &settings.sizes {
        let text = input_of_size(&unit, size);
        let row = measure(&extractor, size, &text, &settings);
        print_row(&row, previous.as_ref());
        previous = Some(row);
    }
    ExitCode::SUCCESS
}
