//! Titles in 《》: one forward scan pairs the brackets, then each title is read for its
//! document type, issuer, period and whether it names a policy.
//!
//! What a title record holds, beyond the contract (docs/spec.md, Titles):
//!
//! - `title` is the text inside the brackets with pinyin annotations removed and the white
//!   space at either end trimmed; everything else, script and inner `〈〉` included, is as
//!   written.
//! - A 《》 nested inside another (`《关于印发《…方案》的通知》`) is a title of its own: both
//!   are reported, the outer one first. Inner `〈〉` are part of the title and are not reported.
//! - `issuer` is the whole run of issuing bodies that opens the title, as written: joint issuers
//!   with what separates them (`中共中央 国务院`) and a closing `等N部门`. A year that opens the
//!   title (`2024年广州市…`) is stepped over. Newspapers, books and films have no issuer.
//! - `start_year`/`end_year` come from a period (`2023—2026年`, `2024-25年度`), else from a
//!   five-year plan named in the title (`“十四五”`, `第十五个五年规划` → 2026 to 2030), else from a
//!   single year (`2024年`), which is then both the first and the last year.
//!
//! The scan remembers the open brackets of the current line that are still within reach, so
//! every character is looked at once, whatever the input.

use std::collections::{HashSet, VecDeque};
use std::sync::LazyLock;

use crate::lexicon::marks::{is_line_break, is_range_separator};
use crate::lexicon::numerals::{numeral_char, Meaning, Script};
use crate::lexicon::regions::{Region, RegionLevel};
use crate::lexicon::word_index::WordIndex;
use crate::lexicon::{doc_types, issuers, media, regions};
use crate::record::{sort_by_span, Record, Title, ViewSpan};
use crate::scan::Options;
use crate::scan::{is_han, years, TextView};

/// The most characters between `《` and `》` (docs/spec.md, Titles).
const MAX_TITLE_CHARS: usize = 200;
/// The longest bracket at the end of a title that is looked into for a status or period.
const MAX_NOTE_CHARS: usize = 24;
/// Closing brackets passed over before the type is read (`（2023年修订）（试行）`).
const MAX_NOTES: usize = 3;
/// Joint issuers read at the head of a title.
const MAX_ISSUERS: usize = 8;
/// Parts of one body after its region (`省` + `委` + `组织部` + `办公室`).
const MAX_BODY_PARTS: usize = 4;
/// The longest name of a body that is in no table.
const MAX_GENERIC_BODY_CHARS: usize = 18;
/// Stems of a county name before 区, 县 or 市 (`天河`, `石景山`); longer only before 自治县/旗.
const MAX_COUNTY_STEM: usize = 3;
/// Stems of a state-level new area before 新区 (`浦东`, `滨海`); a longer one names a zone such as
/// `科技城新区`, not a district.
const MAX_NEW_AREA_STEM: usize = 2;
/// Stems before 自治县 or 自治旗, which name a people as well as a place (`长阳土家`).
const MAX_AUTONOMOUS_COUNTY_STEM: usize = 6;

/// Appends the title records found in `view` to `out`, sorted by start, and the span of each
/// in view positions to `spans`, which holds one per record of `out`.
pub(crate) fn find(
    view: &TextView<'_>,
    _options: &Options,
    out: &mut Vec<Record>,
    spans: &mut Vec<ViewSpan>,
) {
    let first = out.len();
    let chars = view.chars();
    // Positions of `《` on the current line that a `》` may still close, innermost last.
    let mut open: VecDeque<usize> = VecDeque::new();
    for &candidate in view.candidates() {
        let i = candidate as usize;
        match chars[i] {
            '《' => {
                while open.front().is_some_and(|&o| i - o > MAX_TITLE_CHARS) {
                    open.pop_front();
                }
                open.push_back(i);
            }
            '》' => {
                let Some(o) = open.pop_back() else { continue };
                if i - o - 1 > MAX_TITLE_CHARS {
                    // Every other open bracket is further away still.
                    open.clear();
                } else if let Some(title) = read_title(view, o, i) {
                    out.push(Record::Title(title));
                    spans.push((o, i + 1));
                }
            }
            // A line break matters only while a bracket is open, which is seldom: the set is
            // not looked up at the other candidates.
            c if !open.is_empty() && is_line_break(c) => open.clear(),
            _ => {}
        }
    }
    // An inner title closes before the outer one; report them in reading order.
    sort_by_span(out, spans, first);
}

/// The title between view positions `open` (`《`) and `close` (`》`), if it holds a name.
fn read_title(view: &TextView<'_>, open: usize, close: usize) -> Option<Title> {
    let chars = view.chars();
    let mut a = open + 1;
    let mut b = close;
    while a < b && chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && chars[b - 1].is_whitespace() {
        b -= 1;
    }
    let inner = &chars[a..b];
    if !inner.iter().any(|c| c.is_alphanumeric()) {
        return None;
    }
    let tables = &*TABLES;
    let body_end = end_before_notes(inner, tables);
    let body = &inner[..body_end];
    let is_media = tables.is_media(inner) || tables.is_media(body);
    let (doc_type, counts_articles) = if is_media {
        (None, false)
    } else {
        match tables.doc_type(body) {
            Some(doc_type) => (Some(doc_type), false),
            None => (None, counts_articles(body)),
        }
    };
    let issuer = if is_media {
        None
    } else {
        issuer_span(inner, tables).map(|(s, e)| view.clean_text(a + s..a + e))
    };
    let (start_year, end_year) = period(inner);
    let (start, end) = view.byte_span(open..close + 1);
    Some(Title {
        text: view.source()[start..end].into(),
        start,
        end,
        title: view.clean_text(a..b),
        doc_type: doc_type.map(str::to_owned),
        issuer,
        start_year,
        end_year,
        is_policy: doc_type.is_some() || counts_articles,
    })
}

// ---------------------------------------------------------------------------------------------
// Tables

/// A word table of the title reader: each word with one value (of two entries for one word,
/// the later wins), looked up through a [`WordIndex`].
struct Words<V> {
    index: WordIndex<V>,
}

impl Words<()> {
    /// Indexes a set of words as they come: a word listed twice is found the same as once,
    /// so the entries need no sort to find the repeated ones (the tables are built once, but
    /// on every start of a short-lived process).
    fn set(words: impl IntoIterator<Item = Vec<char>>) -> Self {
        Words {
            index: WordIndex::from_words(words.into_iter().map(|word| (word, ()))),
        }
    }
}

impl<V: Copy> Words<V> {
    /// Indexes `entries`; of two entries for the same word, the later one wins.
    fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, V)>) -> Self {
        let mut words: Vec<(Vec<char>, V)> = entries
            .into_iter()
            .map(|(word, value)| (word.as_ref().chars().collect(), value))
            .filter(|(word, _): &(Vec<char>, V)| !word.is_empty())
            .collect();
        // A stable sort puts the entries for one word side by side in table order; reversed,
        // the later comes first and is the one kept. No hashing: the tables are built once,
        // but on every start of a short-lived process.
        words.sort_by(|(a, _), (b, _)| a.cmp(b));
        words.reverse();
        words.dedup_by(|(later, _), (kept, _)| later == kept);
        Words {
            index: WordIndex::from_words(words),
        }
    }

    /// The longest word starting at `chars[at]`, with its length.
    fn longest_at(&self, chars: &[char], at: usize) -> Option<(V, usize)> {
        self.index.longest_at(chars, at)
    }

    /// The length of the longest word starting at `chars[at]`.
    fn len_at(&self, chars: &[char], at: usize) -> Option<usize> {
        self.longest_at(chars, at).map(|(_, len)| len)
    }

    /// The longest word that `chars` ends with.
    fn longest_ending(&self, chars: &[char]) -> Option<V> {
        self.index
            .longest_ending_at(chars, chars.len())
            .map(|(value, _)| value)
    }

    /// Whether `chars` is one of the words.
    fn contains(&self, chars: &[char]) -> bool {
        self.longest_at(chars, 0)
            .is_some_and(|(_, len)| len == chars.len())
    }
}

/// Every lexicon the title reader uses, indexed once.
struct Tables {
    doc_type_endings: Words<Option<&'static str>>,
    status_notes: HashSet<String>,
    unbracketed_notes: Words<()>,
    period_characters: HashSet<char>,
    media_titles: Words<()>,
    media_endings: Words<()>,
    regions: Words<&'static Region>,
    county_suffixes: Vec<Vec<char>>,
    not_county_endings: Words<()>,
    level_words: Words<()>,
    national_bodies: Words<()>,
    body_parts: Words<()>,
    generic_body_endings: Words<()>,
    boundaries: Words<()>,
    party_prefixes: Words<()>,
    joint_issue_endings: Words<()>,
    not_issuer_followers: Words<()>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::build);

fn word_set(words: &[&str]) -> Words<()> {
    Words::set(words.iter().map(|word| word.chars().collect()))
}

impl Tables {
    fn build() -> Tables {
        // Overrides come last so that they win over the plain types.
        let doc_type_endings = Words::new(
            doc_types::DOC_TYPES
                .iter()
                .map(|&doc_type| (doc_type, Some(doc_type)))
                .chain(doc_types::DOC_TYPE_OVERRIDES.iter().copied()),
        );
        let region_forms = Words::new(
            regions::REGIONS
                .iter()
                .flat_map(|region| region.forms().map(move |form| (form, region))),
        );
        let departments = issuers::DEPARTMENT_STEMS.iter().flat_map(|stem| {
            issuers::DEPARTMENT_SUFFIXES
                .iter()
                .map(move |suffix| stem.chars().chain(suffix.chars()).collect())
        });
        let body_parts = Words::set(
            issuers::REGIONAL_BODIES
                .iter()
                .chain(issuers::OFFICE_SUFFIXES)
                .map(|part| part.chars().collect())
                .chain(departments),
        );
        Tables {
            doc_type_endings,
            status_notes: doc_types::STATUS_NOTES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            period_characters: doc_types::PERIOD_CHARACTERS.chars().collect(),
            unbracketed_notes: word_set(doc_types::UNBRACKETED_STATUS_NOTES),
            media_titles: word_set(media::MEDIA_TITLES),
            media_endings: word_set(media::MEDIA_ENDINGS),
            regions: region_forms,
            county_suffixes: regions::COUNTY_SUFFIXES
                .iter()
                .map(|s| s.chars().collect())
                .collect(),
            not_county_endings: word_set(regions::NOT_COUNTY_ENDINGS),
            level_words: word_set(regions::LEVEL_WORDS),
            national_bodies: word_set(issuers::NATIONAL_BODIES),
            body_parts,
            generic_body_endings: word_set(issuers::GENERIC_BODY_ENDINGS),
            boundaries: word_set(issuers::ISSUER_BOUNDARIES),
            party_prefixes: word_set(issuers::PARTY_PREFIXES),
            joint_issue_endings: word_set(issuers::JOINT_ISSUE_ENDINGS),
            not_issuer_followers: word_set(issuers::NOT_ISSUER_FOLLOWERS),
        }
    }

    fn is_media(&self, title: &[char]) -> bool {
        self.media_titles.contains(title) || self.media_endings.longest_ending(title).is_some()
    }

    fn doc_type(&self, body: &[char]) -> Option<&'static str> {
        self.doc_type_endings.longest_ending(body).flatten()
    }

    /// Whether a bracket's content is a status or a period that the type reading passes over.
    fn is_passable_note(&self, note: &[char]) -> bool {
        let rest: String = note
            .iter()
            .filter(|c| !self.period_characters.contains(c) && !c.is_whitespace())
            .collect();
        if rest.is_empty() {
            note.iter().any(|c| !c.is_whitespace())
        } else {
            self.status_notes.contains(&rest)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Document type

/// Where the title's name ends once closing notes in brackets (`（试行）`, `(2023—2026年)`), a
/// draft's mark written without one (`修正草案`) and white space are passed over.
fn end_before_notes(title: &[char], tables: &Tables) -> usize {
    let mut end = trim_end(title, title.len());
    for _ in 0..MAX_NOTES {
        let Some(&last) = end.checked_sub(1).and_then(|i| title.get(i)) else {
            break;
        };
        let Some(opener) = opening_bracket(last) else {
            break;
        };
        let lowest = end.saturating_sub(MAX_NOTE_CHARS + 2);
        let Some(o) = (lowest..end - 1).rev().find(|&i| title[i] == opener) else {
            break;
        };
        if o == 0 || !tables.is_passable_note(&title[o + 1..end - 1]) {
            break;
        }
        end = trim_end(title, o);
    }
    // A draft's mark with no bracket, where a name is left before it.
    if let Some(((), len)) = tables.unbracketed_notes.index.longest_ending_at(title, end) {
        if len < end {
            end = trim_end(title, end - len);
        }
    }
    end
}

fn trim_end(chars: &[char], mut end: usize) -> usize {
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end
}

/// The bracket that opens a note closed by `c` (full-width forms are folded to ASCII by the view).
fn opening_bracket(c: char) -> Option<char> {
    match c {
        ')' => Some('('),
        ']' => Some('['),
        '】' => Some('【'),
        '〕' => Some('〔'),
        _ => None,
    }
}

/// Whether the title ends in a count of articles (`新时代龙江创新发展60条`, `新十条`).
fn counts_articles(body: &[char]) -> bool {
    let Some((&'条', before)) = body.split_last() else {
        return false;
    };
    let digits = before
        .iter()
        .rev()
        .take_while(|&&c| is_numeral_char(c))
        .count();
    (1..=5).contains(&digits)
}

/// ASCII digits, and the everyday Chinese digits, 十 and 百 (the characters of `六十条`).
fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || numeral_char(c).is_some_and(|row| {
            row.script == Script::Chinese
                && matches!(row.meaning, Meaning::Digit(_) | Meaning::Magnitude(1..=2))
        })
}

// ---------------------------------------------------------------------------------------------
// Period

fn year_at(chars: &[char], at: usize) -> Option<i32> {
    // Asked at every character of a title, nearly all of which open no numeral: that is told
    // here, before the call that reads one.
    if !chars.get(at).copied().is_some_and(years::opens_numeral) {
        return None;
    }
    years::year_at(chars, at).map(|year| year as i32)
}

/// A mark between the years of a period: a range separator, or `/` (`2020/2021年度`).
fn is_range_mark(c: char) -> bool {
    is_range_separator(c) || c == '/'
}

/// The period a title names; see the module documentation for the order of preference.
fn period(title: &[char]) -> (Option<i32>, Option<i32>) {
    let mut single = None;
    for at in 0..title.len() {
        let Some(first) = year_at(title, at) else {
            continue;
        };
        let mut i = at + 4;
        let has_year_word = title.get(i) == Some(&'年');
        if has_year_word {
            i += 1;
        }
        if single.is_none() && has_year_word {
            single = Some(first);
        }
        while title.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let marks = title[i.min(title.len())..]
            .iter()
            .take_while(|&&c| is_range_mark(c))
            .count();
        if marks == 0 || marks > 2 {
            continue;
        }
        i += marks;
        while title.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let last = year_at(title, i).or_else(|| {
            // `2024-25`, `2020/21`: the century of the first year.
            let yy = years::two_digits_at(title, i)? as i32;
            let mut last = first / 100 * 100 + yy;
            if last < first {
                last += 100;
            }
            Some(last)
        });
        if let Some(last) = last.filter(|&l| l >= first && l - first <= 50) {
            return (Some(first), Some(last));
        }
    }
    if let Some(plan) = five_year_plan(title) {
        // The third plan began in 1966; every plan since has run five years.
        let first = 1966 + 5 * (plan - 3);
        return (Some(first), Some(first + 4));
    }
    (single, single)
}

/// The number of a five-year plan named as `十四五` or `第十四个五年`.
fn five_year_plan(title: &[char]) -> Option<i32> {
    let unit = |c: char| "一二三四五六七八九".find(c).map(|i| i as i32 / 3 + 1);
    for (i, window) in title.windows(3).enumerate() {
        let before = i.checked_sub(1).map(|j| title[j]);
        if window[0] == '十' && window[2] == '五' && !before.is_some_and(is_numeral_char) {
            if let Some(n) = unit(window[1]) {
                return Some(10 + n).filter(|&n| n >= 3);
            }
        }
        if window[0] == '第' {
            // 第 + (十)? + digit + 个五年
            let mut j = i + 1;
            let mut n = 0;
            if title.get(j) == Some(&'十') {
                n = 10;
                j += 1;
            }
            if let Some(d) = title.get(j).and_then(|&c| unit(c)) {
                n += d;
                j += 1;
            } else if n == 0 {
                continue;
            }
            if title[j.min(title.len())..].starts_with(&['个', '五', '年']) && n >= 3 {
                return Some(n);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Issuer

/// The span of the issuers that open the title, in positions of `title`.
fn issuer_span(title: &[char], tables: &Tables) -> Option<(usize, usize)> {
    let mut start = 0;
    if year_at(title, 0).is_some() && title.get(4) == Some(&'年') {
        start = 5;
        if title.get(start) == Some(&'度') {
            start += 1;
        }
        while title.get(start).is_some_and(|c| c.is_whitespace()) {
            start += 1;
        }
    }
    let mut end = issuer_at(title, start, false, tables)?;
    for _ in 1..MAX_ISSUERS {
        let gap = title[end..]
            .iter()
            .take_while(|&&c| issuers::CO_ISSUER_SEPARATORS.contains(c))
            .count();
        match issuer_at(title, end + gap, gap > 0, tables) {
            Some(next) => end = next,
            None => break,
        }
    }
    Some((start, joint_issue_end(title, end, tables)))
}

/// Past `等七部门` after the last issuer, if it is there.
fn joint_issue_end(title: &[char], end: usize, tables: &Tables) -> usize {
    if title.get(end) != Some(&'等') {
        return end;
    }
    let digits = title[end + 1..]
        .iter()
        .take(3)
        .take_while(|&&c| is_numeral_char(c))
        .count();
    let at = end + 1 + digits;
    match tables.joint_issue_endings.len_at(title, at) {
        Some(len) => at + len,
        None => end,
    }
}

/// The end of one issuer starting at `at`. `follows_separator` allows a bare level word that
/// stands for the region already named (`、省政府办公厅`).
fn issuer_at(title: &[char], at: usize, follows_separator: bool, tables: &Tables) -> Option<usize> {
    let national = tables
        .national_bodies
        .len_at(title, at)
        .map(|len| at + len)
        .filter(|&end| !is_ambiguous_end(title, end))
        .map(|end| offices_end(title, end, tables));
    let regional = regional_body_end(title, at, follows_separator, tables);
    national.max(regional)
}

/// Past the offices that follow a national body (`国家发展改革委办公厅`).
fn offices_end(title: &[char], mut end: usize, tables: &Tables) -> usize {
    for _ in 0..MAX_BODY_PARTS {
        let Some(len) = tables.body_parts.len_at(title, end) else {
            break;
        };
        let part = &title[end..end + len];
        let is_office = issuers::OFFICE_SUFFIXES
            .iter()
            .any(|office| office.chars().eq(part.iter().copied()));
        if !is_office || is_ambiguous_end(title, end + len) {
            break;
        }
        end += len;
    }
    end
}

/// A region and the bodies named after it: `广东省`, `广州市天河区人民政府`, `中共四川省委办公厅`.
fn regional_body_end(
    title: &[char],
    at: usize,
    follows_separator: bool,
    tables: &Tables,
) -> Option<usize> {
    let mut start = at;
    let party = tables.party_prefixes.len_at(title, at);
    if let Some(len) = party {
        start += len;
    }
    let mut end;
    let mut last_region: Option<&Region> = None;
    if let Some((region, len)) = tables.regions.longest_at(title, start) {
        end = start + len;
        last_region = Some(region);
        // A prefecture after its province (`广东省广州市`).
        while let Some((inner, len)) = tables.regions.longest_at(title, end) {
            if inner.level.is_provincial() || inner.province != region.province {
                break;
            }
            end += len;
            last_region = Some(inner);
        }
        if let Some(county_end) = county_end(title, end, last_region, tables) {
            end = county_end;
        }
        if tables.not_issuer_followers.longest_at(title, end).is_some() {
            return None;
        }
    } else if follows_separator && party.is_none() {
        let len = tables.level_words.len_at(title, start)?;
        end = start + len;
    } else {
        return None;
    }
    let name_end = end;
    for _ in 0..MAX_BODY_PARTS {
        let Some(len) = tables.body_parts.len_at(title, end) else {
            break;
        };
        if is_ambiguous_end(title, end + len) {
            break;
        }
        end += len;
    }
    if end == name_end {
        if let Some(generic_end) = generic_body_end(title, end, tables) {
            end = generic_end;
        }
    }
    let has_body = end > name_end;
    // A party prefix or a bare level word names nothing without a body after it.
    if (party.is_some() || last_region.is_none()) && !has_body {
        return None;
    }
    Some(end)
}

/// Past a county-level division named right after its prefecture (`天河区`) or province
/// (`安吉县`).
fn county_end(
    title: &[char],
    at: usize,
    region: Option<&Region>,
    tables: &Tables,
) -> Option<usize> {
    let level = region?.level;
    let after_province = level.is_provincial() && level != RegionLevel::Municipality;
    if !(after_province || matches!(level, RegionLevel::Prefecture | RegionLevel::Municipality)) {
        return None;
    }
    for stem in 2..=MAX_AUTONOMOUS_COUNTY_STEM {
        let stem_end = at + stem;
        if !title.get(at..stem_end)?.iter().all(|&c| is_han(c)) {
            return None;
        }
        if tables.boundaries.longest_at(title, at + stem - 1).is_some() {
            return None;
        }
        // Most stems are followed by no suffix: its first character tells before a comparison.
        let Some(&next) = title.get(stem_end) else {
            continue;
        };
        for suffix in &tables.county_suffixes {
            if suffix.first() != Some(&next) || !title[stem_end..].starts_with(suffix) {
                continue;
            }
            let autonomous = suffix.contains(&'治');
            if stem > MAX_COUNTY_STEM && !autonomous
                || stem > MAX_NEW_AREA_STEM && suffix.starts_with(&['新', '区'])
            {
                continue;
            }
            if after_province && !matches!(suffix.last(), Some('县' | '市')) {
                continue;
            }
            let end = stem_end + suffix.len();
            let blocked = tables
                .not_county_endings
                .longest_ending(&title[at..end])
                .is_some()
                || title
                    .get(end)
                    .is_some_and(|&c| regions::NOT_COUNTY_FOLLOWERS.contains(c));
            if !blocked {
                return Some(end);
            }
        }
    }
    None
}

/// Past a body in no table (`前海管理局`), when a boundary shows where its name ends.
fn generic_body_end(title: &[char], at: usize, tables: &Tables) -> Option<usize> {
    for len in 2..=MAX_GENERIC_BODY_CHARS {
        let end = at + len;
        let &last = title.get(end - 1)?;
        if !is_han(last) || tables.boundaries.longest_at(title, end - 1).is_some() {
            return None;
        }
        if tables
            .generic_body_endings
            .longest_ending(&title[at..end])
            .is_some()
            && is_boundary(title, end, tables)
        {
            return Some(end);
        }
    }
    None
}

/// Whether an issuer's name may end before `title[at]`.
fn is_boundary(title: &[char], at: usize, tables: &Tables) -> bool {
    match title.get(at) {
        None => true,
        Some(&c) => {
            issuers::CO_ISSUER_SEPARATORS.contains(c)
                || tables.boundaries.longest_at(title, at).is_some()
                || tables.national_bodies.longest_at(title, at).is_some()
                || tables.regions.longest_at(title, at).is_some()
        }
    }
}

/// Whether a body name ending before `title[end]` is really the start of a longer word
/// (`科技部署`, `财政部门`, `市政府采购`).
fn is_ambiguous_end(title: &[char], end: usize) -> bool {
    let (Some(&last), Some(&next)) = (
        end.checked_sub(1).and_then(|i| title.get(i)),
        title.get(end),
    ) else {
        return false;
    };
    issuers::AMBIGUOUS_BODY_ENDINGS
        .iter()
        .any(|&(ending, followers)| ending == last && followers.contains(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded characters the extractor matches on.
    fn chars(s: &str) -> Vec<char> {
        TextView::new(s).chars().to_vec()
    }

    #[test]
    fn periods() {
        let cases = [
            (
                "加快形成新质生产力行动方案(2023—2026年)",
                Some(2023),
                Some(2026),
            ),
            ("北京城市总体规划（2016年—2035年）", Some(2016), Some(2035)),
            ("2024-25年度财政预算案", Some(2024), Some(2025)),
            (
                "国民经济和社会发展第十五个五年规划纲要（草案）",
                Some(2026),
                Some(2030),
            ),
            ("“十四五”数字经济发展规划", Some(2021), Some(2025)),
            ("二〇二四年政府工作报告", Some(2024), Some(2024)),
            ("中国制造2025", None, None),
            ("三年行动计划", None, None),
            ("20245年", None, None),
        ];
        for (title, first, last) in cases {
            assert_eq!(period(&chars(title)), (first, last), "{title}");
        }
    }

    #[test]
    fn notes_are_passed_over() {
        let tables = &*TABLES;
        let cases = [
            ("管理办法（试行）", "管理办法"),
            ("行动方案(2023—2026年)", "行动方案"),
            ("条例（2023年修订）（征求意见稿）", "条例"),
            ("名单（第一批）", "名单"),
            ("方案（附件）", "方案(附件)"),
            ("(2023—2026年)", "(2023—2026年)"),
        ];
        for (title, body) in cases {
            let title = chars(title);
            let end = end_before_notes(&title, tables);
            assert_eq!(title[..end].iter().collect::<String>(), body);
        }
    }

    #[test]
    fn article_counts() {
        for (title, counts) in [
            ("新时代龙江创新发展60条", true),
            ("稳经济新十条", true),
            ("条", false),
            ("产业链条", false),
            ("关于支持民营经济发展的31条", true),
        ] {
            assert_eq!(counts_articles(&chars(title)), counts, "{title}");
        }
    }
}
