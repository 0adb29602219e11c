//! Dates and periods: `2023年`, `二〇二三年`, `2026-02-10`, `2023—2026年`, `2024年1月至3月`,
//! `2020/21年度`.
//!
//! A date is read as a run of components in calendar order (year, then month, then day),
//! each a numeral and its unit: `2024年`, `1月`, `3日`. Two points joined by a separator
//! (`至`, `到`, `—`, `-`, `~`) make a period, the second inheriting what it leaves out from the
//! first (`2024年1月至3月` ends in March 2024). A bare numeral before a separator takes the unit
//! of the numeral after it (`2023—2026年`, `1—3月`, `1月1—15日`).
//!
//! What counts as a date, and why:
//! - A year is four digits, Arabic or Chinese digit by digit (`一九四九`, `二〇二三`,
//!   `二○二三`, `二零二三`), from 1000 to 2999, followed by 年, 年度 or 财年. Shorter numbers
//!   before 年 (`3年`, `30年`, `三十年`) are durations and are left to the quantity
//!   extractor; so is a year number after an approximation word (`近2000年`) or before
//!   `历史` / `之久`. Two-digit years are read only as the end of a fiscal year
//!   (`2020/21年度`, `2024-25年度`), where the century is clear. A decade needs its century:
//!   `2020年代` and `20世纪80年代` are ten-year periods, `90年代` alone is left open.
//! - A quarter or half is a month range of the year stated with it (`2024年一季度` is
//!   January to March 2024, `今年上半年` January to June); alone (`一季度`) it names no year
//!   and yields nothing.
//! - Words after a date are outside its span: `2023年以来`, `2025年初`, `2024年底` are the
//!   year alone. `年度` and a month's `份` are inside (`2026年度`, `6月份`).
//! - A day alone needs 日 and, in Chinese numerals, a tens digit (`二十七日`): `一日` and
//!   `七日` are too often "one day" and "seven days". 号 counts only after a month (`3月5号`;
//!   `1号文件` is not a date). `5日元` is yen.
//! - Relative years (今年, 去年, 明年, 前年, 后年, 上年, 本年) and centuries (上世纪, 本世纪)
//!   become dates only with a reference year; without one, `今年3月` is just the month.
//!   Their neighbours decide whether they are words at all: `今后年均` and `过去年均` hold
//!   no 后年 or 去年.
//! - A Chinese numeral that ends another word is not a date: `统一月度`, `星期一到十月`.
//! - Text taken from PDFs may put one space between a number and its unit (`2009 年`).
//! - ISO-like dates need all three parts in range and one separator throughout
//!   (`2026-02-10`, `2026/2/10`, `2026.02.10`): `1.2`, `3.5`, `2.3.1` and `2026.02.10.1` are
//!   not dates. A four-digit year range without 年 counts only inside brackets
//!   (`（2021-2025）`).
//!
//! Every look-ahead is bounded (a numeral is at most five characters, a point at most three
//! components), so the scan is linear in the length of the text.
//!
//! ```
//! use xinzhi_extract::Extractor;
//! let dates = Extractor::new().dates("即二○二二至二○二四年，较2023年以来有所改善。");
//! assert_eq!(dates[0].text, "二○二二至二○二四年");
//! assert_eq!((dates[0].year, dates[0].end_year), (Some(2022), Some(2024)));
//! assert_eq!(dates[1].text, "2023年");
//! ```

use crate::lexicon::char_set::CharSet;
use crate::lexicon::date_cues::{
    duration_word_after_year_at, duration_word_ends_at, CHINESE_NUMERAL_WORD_ENDS, NOT_AFTER_DAY,
    NOT_AFTER_MONTH,
};
use crate::lexicon::marks::is_range_separator;
use crate::lexicon::numerals::DIGITS;
use crate::lexicon::periods_of_year::period_with_len_at;
use crate::lexicon::relative_years::{self, relative_century_at, relative_year_at, RelativeYear};
use crate::lexicon::starts_with_word;
use crate::record::{Date, Record, ViewSpan};
use crate::scan::exclude;
use crate::scan::years::{
    ascii_run, continues_chinese_numeral, is_chinese_digit, is_chinese_numeral_char,
    is_chinese_tens, read_numeral, Numeral,
};
use crate::scan::Options;
use crate::scan::{is_han, TextView};

/// How far a two-digit fiscal end year may lie after the start year (`2020/21`, `2023-25`).
const MAX_SHORT_YEAR_SPAN: u32 = 10;
/// The latest century read in `N世纪…年代`.
const MAX_CENTURY: u32 = 30;

/// [`CHINESE_NUMERAL_WORD_ENDS`] as a bit table: asked before every Chinese numeral.
static NUMERAL_WORD_ENDS: CharSet = CharSet::new(&[CHINESE_NUMERAL_WORD_ENDS], &[]);

/// Marks before a digit that make it part of a number, code or version string.
static CODE_MARKS: CharSet = CharSet::new(&[".-/_+#@&=%"], &[]);

/// Every character a date may open with: ASCII and Chinese digits, the tens, and the first
/// characters of the periods of the year and of the relative years and centuries. Nearly half
/// the candidates of a text open none (brackets, quotation marks, line breaks, 第, 负), and
/// one load settles them.
static DATE_INITIALS: CharSet = CharSet::new(&["0123456789十廿卅"], &[])
    .union(&DIGITS)
    .union(&relative_years::date_word_initials());

/// Appends the date records found in `view` to `out`, and the span of each in view positions
/// to `spans`.
pub(crate) fn find(
    view: &TextView<'_>,
    options: &Options,
    out: &mut Vec<Record>,
    spans: &mut Vec<ViewSpan>,
) {
    let chars = view.chars();
    let mut scanner = Scanner {
        chars,
        reference_year: options.reference_year,
        roc_years: options.roc_years,
        numerals_read: Default::default(),
    };
    // Positions before `next` were read as part of a date or passed over.
    let mut next = 0;
    for &candidate in view.candidates() {
        let i = candidate as usize;
        if i < next || !scanner.may_start(i) {
            continue;
        }
        match scanner.date_at(i) {
            Attempt::Found(found) => {
                let (start, end) = view.byte_span(found.start..found.end);
                let to = found.to.unwrap_or_default();
                out.push(Record::Date(Date {
                    text: view.source()[start..end].into(),
                    start,
                    end,
                    year: found.from.year,
                    month: found.from.month,
                    day: found.from.day,
                    end_year: to.year,
                    end_month: to.month,
                    end_day: to.day,
                }));
                spans.push((found.start, found.end));
                next = found.end;
            }
            Attempt::Skip(to) => next = to,
            Attempt::Miss => {}
        }
    }
}

/// The outcome of reading at one position.
#[derive(Debug)]
enum Attempt<T> {
    /// A match.
    Found(T),
    /// No date here, and none inside the characters up to this position either
    /// (`2月30日` must not leave `30日` behind as a day).
    Skip(usize),
    /// No date starting here.
    Miss,
}

/// A calendar field, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Year,
    Month,
    Day,
}

impl Level {
    fn finer(self) -> Option<Level> {
        match self {
            Level::Year => Some(Level::Month),
            Level::Month => Some(Level::Day),
            Level::Day => None,
        }
    }
}

/// The fields of one end of a date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Point {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Point {
    fn set(&mut self, level: Level, value: u32) {
        match level {
            Level::Year => self.year = Some(value as i32),
            Level::Month => self.month = Some(value),
            Level::Day => self.day = Some(value),
        }
    }

    /// Copies the fields coarser than `level` from `earlier` where this point has none.
    fn inherit(mut self, earlier: Point, level: Level) -> Point {
        if level > Level::Year && self.year.is_none() {
            self.year = earlier.year;
        }
        if level > Level::Month && self.month.is_none() {
            self.month = earlier.month;
        }
        self
    }

    /// Sort key: a missing field sorts before every stated one.
    fn key(self) -> (i32, u32, u32) {
        (
            self.year.unwrap_or(0),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
        )
    }
}

/// A date or period over view positions `start..end`.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    from: Point,
    to: Option<Point>,
}

/// A calendar numeral as the value of one field of a date.
trait AtLevel {
    fn value_at_level(self, level: Level) -> Option<u32>;
}

impl AtLevel for Numeral {
    fn value_at_level(self, level: Level) -> Option<u32> {
        match level {
            Level::Year => self.as_year(),
            Level::Month => self.as_small(12),
            Level::Day => self.as_small(31),
        }
    }
}

/// One component of a point: `2024年`, `1月`, `3日`, or a compact range at one level
/// (`2023—2026年`, `1—3月`).
#[derive(Debug, Clone, Copy)]
struct Component {
    level: Level,
    value: u32,
    /// The last value of a compact range.
    end_value: Option<u32>,
    end: usize,
    /// The numeral it was read from; `None` for a relative year word.
    numeral: Option<Numeral>,
    /// Written with 号 rather than 日.
    hao: bool,
    /// A quarter or half of a year (`一季度`, `上半年`).
    named_period: bool,
}

/// One point: its fields, first and last levels, and any compact range it ends with.
#[derive(Debug, Clone, Copy)]
struct PointMatch {
    end: usize,
    point: Point,
    first: Level,
    last: Level,
    compact_end: Option<(Level, u32)>,
}

struct Scanner<'a> {
    chars: &'a [char],
    reference_year: Option<i32>,
    /// Whether a bare year of one to three digits is a year of the Republic of China.
    roc_years: bool,
    /// The numerals last read and where, by position modulo [`NUMERALS_KEPT`]: a point, a
    /// decade and an ISO date are each tried at the same position, and each opens by reading
    /// the numeral there and perhaps the one after a separator.
    numerals_read: [Option<NumeralRead>; NUMERALS_KEPT],
}

/// The numeral read at a position, if any.
#[derive(Debug, Clone, Copy)]
struct NumeralRead {
    at: usize,
    numeral: Option<Numeral>,
}

/// How many numeral readings the scanner keeps.
const NUMERALS_KEPT: usize = 4;

impl Scanner<'_> {
    /// [`read_numeral`] at `i`, read once for the tries at one position.
    fn numeral_at(&mut self, i: usize) -> Option<Numeral> {
        let slot = &mut self.numerals_read[i % NUMERALS_KEPT];
        if let Some(read) = slot.filter(|read| read.at == i) {
            return read.numeral;
        }
        let numeral = read_numeral(self.chars, i);
        *slot = Some(NumeralRead { at: i, numeral });
        numeral
    }

    /// [`read_ascii`] at `i`: the ASCII reading of [`Self::numeral_at`].
    fn ascii_numeral_at(&mut self, i: usize) -> Option<Numeral> {
        self.numeral_at(i).filter(|n| n.ascii)
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|p| self.at(p))
    }

    /// Whether a date may begin at `i`: a digit that does not continue a number, code or
    /// version string, or a relative year word when there is a reference year.
    fn may_start(&mut self, i: usize) -> bool {
        let c = self.chars[i];
        if !DATE_INITIALS.contains(c) {
            return false;
        }
        let previous = self.before(i);
        if c.is_ascii_digit() {
            // The year after a list label's dot (`1.2026年`) is no part of a code.
            return !previous.is_some_and(|p| p.is_ascii_alphanumeric() || CODE_MARKS.contains(p))
                || previous == Some('.') && exclude::after_label_before_year(self.chars, i);
        }
        if is_chinese_digit(c) || is_chinese_tens(c) {
            return !previous
                .is_some_and(|p| is_chinese_numeral_char(p) || NUMERAL_WORD_ENDS.contains(p));
        }
        // A period of the year standing alone (`上半年`, `第一季度`, `Q1`), not inside a word.
        if period_with_len_at(&self.chars[i..]).is_some()
            && !previous.is_some_and(|p| p.is_ascii_alphanumeric() || is_chinese_numeral_char(p))
        {
            return true;
        }
        self.reference_year.is_some()
            && relative_years::may_start_relative_word(c)
            && (relative_year_at(&self.chars[i..]).is_some()
                || relative_century_at(&self.chars[i..]).is_some())
    }

    /// Whether a duration word (`近`, `连续`) ends right before `i`, or one space before it.
    fn duration_word_before(&mut self, i: usize) -> bool {
        let end = if self.before(i) == Some(' ') {
            i - 1
        } else {
            i
        };
        duration_word_ends_at(self.chars, end)
    }

    fn followed_by(&mut self, i: usize, word: &str) -> bool {
        self.chars
            .get(i..)
            .is_some_and(|rest| starts_with_word(rest, word))
    }

    /// Whether `i` holds a numeral followed by nothing a date goes on with (a unit it can
    /// stand before, a separator, `世纪`), or a digit that reads as no numeral: then no date
    /// opens at `i` (a test checks it against [`Self::date_at`]). Most numerals of a text are
    /// settled here, before the longer tries: `五年` is no year and `33.6` no `2026.02.10`.
    fn numeral_cannot_open(&mut self, i: usize) -> bool {
        let c = self.chars[i];
        // A period of the year opens a date by itself (`一季度`, `1季度`).
        if period_with_len_at(&self.chars[i..]).is_some() {
            return false;
        }
        let (end, ascii) = if c.is_ascii_digit() {
            // Where [`read_ascii`] would end, without reading the value: most runs of digits
            // in a text are no date, and the ones before a unit are read below.
            match ascii_run(self.chars, i) {
                Some(run) => (i + run, true),
                None => return true,
            }
        } else if is_chinese_digit(c) || is_chinese_tens(c) {
            // Most Chinese digits of a text stand alone inside words (`统一`, `三次`): the
            // character after one tells without reading it.
            if self
                .at(i + 1)
                .is_some_and(|n| !continues_chinese_numeral(n))
            {
                (i + 1, false)
            } else {
                match self.numeral_at(i) {
                    Some(numeral) => (numeral.end, false),
                    None => return true,
                }
            }
        } else {
            return false;
        };
        let Some(next) = self.at(end) else {
            return true;
        };
        // A unit takes a numeral of its level, and `.` or `/` only follow the year of
        // `2026.02.10`, `2026/2/10` or `2020/21年度`.
        let level = match next {
            '年' | '财' | '財' | '/' => Level::Year,
            '.' if ascii => Level::Year,
            '月' => Level::Month,
            '日' | '号' => Level::Day,
            '世' | ' ' => return false,
            _ => return !is_range_separator(next),
        };
        let Some(numeral) = self.numeral_at(i) else {
            return true;
        };
        if numeral.value_at_level(level).is_some() {
            return false;
        }
        // A year of the Republic of China (`民國113年`, `114年度`).
        !(next == '年' && self.roc_year(i, numeral, end + 1).is_some())
    }

    /// The date or period starting at `i`.
    fn date_at(&mut self, i: usize) -> Attempt<Found> {
        if self.numeral_cannot_open(i) {
            return Attempt::Miss;
        }
        if let Some(found) = self.bracketed_years(i) {
            return Attempt::Found(found);
        }
        let first = match self.point_at(i, true) {
            Attempt::Found(p) => p,
            Attempt::Skip(to) => return Attempt::Skip(to),
            Attempt::Miss => return Attempt::Miss,
        };
        if let Some((level, end_value)) = first.compact_end {
            let mut to = first.point;
            to.set(level, end_value);
            return Attempt::Found(Found {
                start: i,
                end: first.end,
                from: first.point,
                to: Some(to),
            });
        }
        let point_only = Found {
            start: i,
            end: first.end,
            from: first.point,
            to: None,
        };
        let Some((after_separator, separator)) = self.separator_at(first.end) else {
            return Attempt::Found(point_only);
        };
        if separator == '/' {
            return Attempt::Found(point_only);
        }
        let Attempt::Found(second) = self.point_at(after_separator, false) else {
            return Attempt::Found(point_only);
        };
        let fits = second.compact_end.is_none()
            && second.first >= first.first
            && second.first <= first.last;
        let to = second.point.inherit(first.point, second.first);
        if fits && to.key() > first.point.key() {
            return Attempt::Found(Found {
                start: i,
                end: second.end,
                from: first.point,
                to: Some(to),
            });
        }
        Attempt::Found(point_only)
    }

    /// `2021-2025` between brackets, as in a plan's title `（2021-2025）`.
    fn bracketed_years(&mut self, i: usize) -> Option<Found> {
        if self.before(i) != Some('(') {
            return None;
        }
        let first = self.numeral_at(i)?;
        let start_year = first.as_year()?;
        let (after_separator, separator) = self.separator_at(first.end)?;
        let second = self.numeral_at(after_separator)?;
        let end_year = second.as_year()?;
        let closes = self.at(second.end) == Some(')');
        (closes && separator != '/' && first.ascii && second.ascii && end_year > start_year).then(
            || Found {
                start: i,
                end: second.end,
                from: Point {
                    year: Some(start_year as i32),
                    ..Point::default()
                },
                to: Some(Point {
                    year: Some(end_year as i32),
                    ..Point::default()
                }),
            },
        )
    }

    /// One point starting at `i`. `opening` is set for the first point of a date, where the
    /// context before it decides whether it is a date at all.
    fn point_at(&mut self, i: usize, opening: bool) -> Attempt<PointMatch> {
        if let Some(iso) = self.iso_at(i) {
            return iso;
        }
        if let Some(decade) = self.century_decade_at(i) {
            return Attempt::Found(decade);
        }
        let mut point = Point::default();
        let mut first: Option<Component> = None;
        let mut last: Option<Level> = None;
        let mut end = i;
        let mut compact_end = None;
        // Components may stand one space apart (`2018年 十二月`), as text taken from PDFs does.
        while let Some(component) = self.component_at(end).or_else(|| {
            (end > i && self.at(end) == Some(' '))
                .then(|| self.component_at(end + 1))
                .flatten()
        }) {
            if let Some(level) = last {
                if level.finer() != Some(component.level) {
                    break;
                }
            }
            if component.hao && last != Some(Level::Month) {
                break;
            }
            // A quarter or half follows a year, or stands alone (`一季度`: `year` unknown).
            if component.named_period && last.is_some_and(|level| level != Level::Year) {
                break;
            }
            if component.level == Level::Day {
                let longest = days_in_month(point.year, point.month);
                let too_long =
                    component.value > longest || component.end_value.is_some_and(|v| v > longest);
                if too_long {
                    return Attempt::Skip(component.end);
                }
            }
            point.set(component.level, component.value);
            first.get_or_insert(component);
            last = Some(component.level);
            end = component.end;
            if let Some(end_value) = component.end_value {
                compact_end = Some((component.level, end_value));
                break;
            }
        }
        let (Some(first), Some(last)) = (first, last) else {
            return Attempt::Miss;
        };
        if opening && !self.opens_date(i, &first, last, end) {
            return Attempt::Miss;
        }
        if last == Level::Month && self.at(end) == Some('份') {
            end += 1;
        }
        Attempt::Found(PointMatch {
            end,
            point,
            first: first.level,
            last,
            compact_end,
        })
    }

    /// Whether the point `i..end`, opening with `first` and ending at level `last`, is a
    /// calendar date in its context rather than a span of time or part of a word.
    fn opens_date(&mut self, i: usize, first: &Component, last: Level, end: usize) -> bool {
        let Some(numeral) = first.numeral else {
            return true;
        };
        if self.duration_word_before(i) {
            return false;
        }
        let single = first.end_value.is_none() && first.level == last;
        match (single, first.level) {
            (true, Level::Year) => !duration_word_after_year_at(self.chars, end),
            (true, Level::Month) => !self.at(end).is_some_and(|c| NOT_AFTER_MONTH.contains(c)),
            (_, Level::Day) => {
                let tens_if_chinese = numeral.ascii || numeral.digits == 0;
                tens_if_chinese && !self.at(end).is_some_and(|c| NOT_AFTER_DAY.contains(c))
            }
            _ => true,
        }
    }

    /// A component at `i`: a relative year word, a numeral and its unit, or a compact range.
    fn component_at(&mut self, i: usize) -> Option<Component> {
        if let Some(year) = self.relative_year(i) {
            let end = self.year_suffix_end(i + 2);
            return Some(Component {
                level: Level::Year,
                value: year,
                end_value: None,
                end,
                numeral: None,
                hao: false,
                named_period: false,
            });
        }
        if let Some((period, len)) = period_with_len_at(self.chars.get(i..)?) {
            return Some(Component {
                level: Level::Month,
                value: period.first_month,
                end_value: Some(period.last_month),
                end: i + len,
                numeral: None,
                hao: false,
                named_period: true,
            });
        }
        let numeral = self.numeral_at(i)?;
        if let Some((level, unit_end, hao)) = self.unit_after(numeral.end) {
            let value = match numeral.value_at_level(level) {
                Some(value) => value,
                None if level == Level::Year => self.roc_year(i, numeral, unit_end)?,
                None => return None,
            };
            if level == Level::Day && self.at(unit_end) == Some('元') {
                return None;
            }
            let mut component = Component {
                level,
                value,
                end_value: None,
                end: unit_end,
                numeral: Some(numeral),
                hao,
                named_period: false,
            };
            if level == Level::Year {
                if value % 10 == 0 && self.at(unit_end) == Some('代') {
                    component.end_value = Some(value + 9);
                    component.end = unit_end + 1;
                } else {
                    component.end = self.year_suffix_end(unit_end);
                }
            }
            return Some(component);
        }
        self.compact_range_at(i, numeral)
    }

    /// The Gregorian year of the numeral at `i`, whose 年 ends at `unit_end`, read as a year
    /// of the Republic of China (year 1 is 1912): after 民国 always (`民國113年`), and with
    /// the `roc_years` option where nothing makes it a span of time: before 年度 or 年底, or
    /// before a month (`113年12月`), or from year 60 (1971) on before 年 alone, since `3年`
    /// and `30年` are durations far more often than years of the 1910s and 1940s.
    fn roc_year(&mut self, i: usize, numeral: Numeral, unit_end: usize) -> Option<u32> {
        (roc_year_shape(numeral) && self.roc_years_at(i, numeral.value, unit_end))
            .then_some(numeral.value + ROC_YEAR_OFFSET)
    }

    /// A range of years of the Republic of China written with one 年 (`103至113年`,
    /// `105-112年度`), as Gregorian years: read as [`Scanner::roc_year`] reads its first year.
    fn roc_year_range(
        &mut self,
        i: usize,
        (first, second): (Numeral, Numeral),
        unit_end: usize,
    ) -> Option<(u32, u32)> {
        let fits = roc_year_shape(first)
            && roc_year_shape(second)
            && second.value > first.value
            && self.roc_years_at(i, first.value, unit_end);
        fits.then_some((
            first.value + ROC_YEAR_OFFSET,
            second.value + ROC_YEAR_OFFSET,
        ))
    }

    /// Whether the ROC year `value` written at `i`, whose 年 ends at `unit_end`, is a year:
    /// see [`Scanner::roc_year`].
    fn roc_years_at(&mut self, i: usize, value: u32, unit_end: usize) -> bool {
        let after_minguo = i >= 2 && self.chars[i - 2..i] == ['民', '国'];
        let year_word = matches!(self.at(unit_end), Some('度' | '底'));
        let month_after = self
            .numeral_at(unit_end)
            .is_some_and(|m| m.as_small(12).is_some() && self.at(m.end) == Some('月'));
        after_minguo || (self.roc_years && (year_word || month_after || value >= 60))
    }

    /// `2023—2026年`, `2020/21年度`, `1—3月`, `1—15日`: a bare numeral, a separator, and a
    /// numeral with the unit both share.
    fn compact_range_at(&mut self, start: usize, first: Numeral) -> Option<Component> {
        let (after_separator, separator) = self.separator_at(first.end)?;
        let second = self.numeral_at(after_separator)?;
        let (level, unit_end, hao) = self.unit_after(second.end)?;
        if hao || (separator == '/' && level != Level::Year) {
            return None;
        }
        let (value, end_value) = match (level, first.value_at_level(level)) {
            (Level::Year, Some(value)) => (
                value,
                second.as_year().or_else(|| short_end_year(value, second))?,
            ),
            (Level::Year, None) => self.roc_year_range(start, (first, second), unit_end)?,
            (_, value) => (value?, second.value_at_level(level)?),
        };
        if end_value <= value {
            return None;
        }
        let end = if level == Level::Year {
            self.year_suffix_end(unit_end)
        } else {
            unit_end
        };
        Some(Component {
            level,
            value,
            end_value: Some(end_value),
            end,
            numeral: Some(first),
            hao: false,
            named_period: false,
        })
    }

    /// The year a relative word at `i` stands for, when a reference year is set and the
    /// word is not the tail of another word.
    fn relative_year(&mut self, i: usize) -> Option<u32> {
        let reference = self.reference_year?;
        let word: &RelativeYear = relative_year_at(self.chars.get(i..)?)?;
        let previous = self.before(i);
        let stands_alone = match word.only_after {
            Some(allowed) => previous.is_none_or(|p| !is_han(p) || allowed.contains(p)),
            None => !previous.is_some_and(|p| word.not_after.contains(p)),
        };
        let next = self.at(i + 2);
        if !stands_alone || next.is_some_and(|c| relative_years::NOT_BEFORE.contains(c)) {
            return None;
        }
        // A year is 1 to 9999: 去年 of the year 1 and 后年 of 9999 are none.
        let year = reference + word.offset;
        (1..=9999).contains(&year).then_some(year as u32)
    }

    /// The unit at `i` and the position after it: 年 / 财年, 月, 日 / 号.
    fn unit_at(&mut self, i: usize) -> Option<(Level, usize, bool)> {
        match self.at(i)? {
            '年' => Some((Level::Year, i + 1, false)),
            // 財 is listed here because the script table does not fold it.
            '财' | '財' if self.at(i + 1) == Some('年') => Some((Level::Year, i + 2, false)),
            '月' => Some((Level::Month, i + 1, false)),
            '日' => Some((Level::Day, i + 1, false)),
            '号' => Some((Level::Day, i + 1, true)),
            _ => None,
        }
    }

    /// The unit at `i` or one space after it (`2008 年`).
    fn unit_after(&mut self, i: usize) -> Option<(Level, usize, bool)> {
        self.unit_at(i).or_else(|| {
            (self.at(i) == Some(' '))
                .then(|| self.unit_at(i + 1))
                .flatten()
        })
    }

    /// `20世纪80年代`, `二十世纪九十年代`, and with a reference year `上世纪90年代`: the decade
    /// as a period of ten years.
    fn century_decade_at(&mut self, i: usize) -> Option<PointMatch> {
        let (century, after) = if let Some(offset) = relative_century_at(self.chars.get(i..)?) {
            let reference = self.reference_year?;
            ((reference - 1).div_euclid(100) + 1 + offset, i + 3)
        } else {
            let numeral = self.numeral_at(i)?;
            let century = numeral.as_small(MAX_CENTURY)?;
            if !self.followed_by(numeral.end, "世纪") {
                return None;
            }
            (century as i32, numeral.end + 2)
        };
        let decade = self.numeral_at(after)?;
        let decade_shape = if decade.ascii {
            decade.digits == 2
        } else {
            decade.digits == 0
        };
        if !(decade_shape && decade.value % 10 == 0 && self.followed_by(decade.end, "年代")) {
            return None;
        }
        let first_year = (century - 1) * 100 + decade.value as i32;
        (first_year >= 0).then_some(PointMatch {
            end: decade.end + 2,
            point: Point {
                year: Some(first_year),
                ..Point::default()
            },
            first: Level::Year,
            last: Level::Year,
            compact_end: Some((Level::Year, first_year as u32 + 9)),
        })
    }

    /// Takes in 度 after a year (`2026年度`).
    fn year_suffix_end(&mut self, i: usize) -> usize {
        if self.at(i) == Some('度') && self.at(i - 1) == Some('年') {
            i + 1
        } else {
            i
        }
    }

    /// A period separator at `i`, with at most one space either side; returns the position
    /// after it and the separator itself.
    fn separator_at(&mut self, i: usize) -> Option<(usize, char)> {
        let mut j = i;
        if self.at(j) == Some(' ') {
            j += 1;
        }
        let separator = self.at(j)?;
        if !is_range_separator(separator) && separator != '/' {
            return None;
        }
        j += 1;
        if separator == '—' && self.at(j) == Some('—') {
            j += 1;
        }
        if self.at(j) == Some(' ') {
            j += 1;
        }
        Some((j, separator))
    }

    /// `2026-02-10`, `2026/2/10`, `2026.02.10` at `i`.
    fn iso_at(&mut self, i: usize) -> Option<Attempt<PointMatch>> {
        let year = self.ascii_numeral_at(i)?;
        let separator = self.at(year.end)?;
        if !matches!(separator, '-' | '/' | '.') {
            return None;
        }
        let month = self.ascii_numeral_at(year.end + 1)?;
        if self.at(month.end) != Some(separator) {
            return self.year_month_at(year, separator, month);
        }
        let day = self.ascii_numeral_at(month.end + 1)?;
        let after = self.at(day.end);
        let continues = after.is_some_and(|c| c.is_ascii_digit())
            || (after == Some(separator)
                && self.at(day.end + 1).is_some_and(|c| c.is_ascii_digit()));
        let year_value = year.as_year()?;
        let month_value = month.as_small(12)?;
        let day_value = day.as_small(31)?;
        if continues || day_value > days_in_month(Some(year_value as i32), Some(month_value)) {
            return None;
        }
        Some(Attempt::Found(PointMatch {
            end: day.end,
            point: Point {
                year: Some(year_value as i32),
                month: Some(month_value),
                day: Some(day_value),
            },
            first: Level::Year,
            last: Level::Day,
            compact_end: None,
        }))
    }

    /// `2025/12`, `2026-02`: a year and a month, with nothing after that continues a number.
    /// A dot is left out: `2024.5` is a decimal far more often than a month.
    fn year_month_at(
        &mut self,
        year: Numeral,
        separator: char,
        month: Numeral,
    ) -> Option<Attempt<PointMatch>> {
        if separator == '.' {
            return None;
        }
        let after = self.at(month.end);
        let continues = after.is_some_and(|c| c.is_ascii_digit() || c == '%')
            || (matches!(after, Some('.' | '/' | '-' | ','))
                && self.at(month.end + 1).is_some_and(|c| c.is_ascii_digit()));
        if continues || !month.ascii {
            return None;
        }
        Some(Attempt::Found(PointMatch {
            end: month.end,
            point: Point {
                year: Some(year.as_year()? as i32),
                month: Some(month.as_small(12)?),
                day: None,
            },
            first: Level::Year,
            last: Level::Month,
            compact_end: None,
        }))
    }
}

/// Year 1 of the Republic of China is 1912.
const ROC_YEAR_OFFSET: u32 = 1911;

/// Whether a numeral may write a year of the Republic of China: one to three digits (or a
/// Chinese numeral with tens), from 1 to 200.
fn roc_year_shape(numeral: Numeral) -> bool {
    let digits_fit = (1..=3).contains(&numeral.digits) || (!numeral.ascii && numeral.digits == 0);
    digits_fit && (1..=200).contains(&numeral.value)
}

/// The end of a fiscal year written with two digits (`2020/21` → 2021), when it lies just
/// after `start_year`.
fn short_end_year(start_year: u32, second: Numeral) -> Option<u32> {
    if !(second.ascii && second.digits == 2) {
        return None;
    }
    let century = start_year / 100 * 100;
    let mut end_year = century + second.value;
    if end_year <= start_year {
        end_year += 100;
    }
    (end_year - start_year <= MAX_SHORT_YEAR_SPAN).then_some(end_year)
}

/// The longest day of `month`; February has 29 days unless the year is known not to be leap.
fn days_in_month(year: Option<i32>, month: Option<u32>) -> u32 {
    match month {
        Some(4 | 6 | 9 | 11) => 30,
        Some(2) => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character that may open a date, by the tests [`Scanner::may_start`] applies
    /// after its first load, is in [`DATE_INITIALS`].
    #[test]
    fn date_initials_hold_every_opener() {
        let period_initials: Vec<char> = crate::lexicon::periods_of_year::PERIODS_OF_YEAR
            .iter()
            .filter_map(|p| p.word.chars().next())
            .collect();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let opens = c.is_ascii_digit()
                || is_chinese_digit(c)
                || is_chinese_tens(c)
                || period_initials.contains(&c)
                || relative_years::may_start_relative_word(c);
            assert!(!opens || DATE_INITIALS.contains(c), "{c:?}");
        }
    }

    fn dates(text: &str, reference_year: Option<i32>) -> Vec<Date> {
        let view = TextView::new(text);
        let options = Options {
            reference_year,
            ..Options::default()
        };
        let mut out = Vec::new();
        find(&view, &options, &mut out, &mut Vec::new());
        out.into_iter()
            .filter_map(|r| match r {
                Record::Date(d) => Some(d),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn chinese_numerals_with_tens() {
        let cases = [
            ("十", Some((10, 0))),
            ("十二", Some((12, 0))),
            ("二十七", Some((27, 0))),
            ("廿三", Some((23, 0))),
            ("卅一", Some((31, 0))),
            ("二〇二三", Some((2023, 4))),
            ("二O二三", Some((2023, 4))),
            ("十〇", None),
            ("十十", None),
            ("两", None),
        ];
        for (text, expected) in cases {
            let chars: Vec<char> = text.chars().collect();
            let read = read_numeral(&chars, 0)
                .filter(|n| n.end == chars.len())
                .map(|n| (n.value, n.digits));
            assert_eq!(read, expected, "{text}");
        }
    }

    #[test]
    fn short_fiscal_end_years() {
        let numeral = |value, digits| Numeral {
            end: 0,
            value,
            digits,
            ascii: true,
        };
        assert_eq!(short_end_year(2020, numeral(21, 2)), Some(2021));
        assert_eq!(short_end_year(1999, numeral(0, 2)), Some(2000));
        assert_eq!(short_end_year(2020, numeral(19, 2)), None);
        assert_eq!(short_end_year(2020, numeral(5, 1)), None);
    }

    #[test]
    fn leap_years_decide_february() {
        assert_eq!(days_in_month(Some(2024), Some(2)), 29);
        assert_eq!(days_in_month(Some(2023), Some(2)), 28);
        assert_eq!(days_in_month(Some(1900), Some(2)), 28);
        assert_eq!(days_in_month(Some(2000), Some(2)), 29);
        assert_eq!(days_in_month(None, Some(2)), 29);
        assert_eq!(days_in_month(None, Some(11)), 30);
    }

    #[test]
    fn an_impossible_day_leaves_nothing_behind() {
        assert!(dates("2月30日", None).is_empty());
        assert!(dates("2023年2月29日", None).is_empty());
        assert_eq!(dates("2024年2月29日", None).len(), 1);
    }

    /// Characters that start or continue dates, and noise around them.
    const DATE_ALPHABET: &[&str] = &[
        "0",
        "1",
        "2",
        "3",
        "9",
        "20",
        "2023",
        "１",
        "年",
        "月",
        "日",
        "号",
        "度",
        "份",
        "代",
        "世纪",
        "-",
        "—",
        "/",
        ".",
        "至",
        "到",
        "~",
        " ",
        "(",
        ")",
        "(nián)",
        "〇",
        "○",
        "零",
        "一",
        "二",
        "十",
        "廿",
        "卅",
        "两",
        "今年",
        "去年",
        "前年",
        "后年",
        "上年",
        "上世纪",
        "一季度",
        "上半年",
        "第",
        "近",
        "元",
        "均",
        "以来",
        "O",
        "財",
        "\u{E000}",
        "😀",
    ];

    fn check_dates(text: &str, found: &[Date]) {
        let mut covered_until = 0;
        for date in found {
            assert!(
                date.start >= covered_until,
                "overlap in {text:?}: {found:?}"
            );
            covered_until = date.end;
            assert_eq!(&text[date.start..date.end], date.text);
            assert!(date.month.is_none_or(|m| (1..=12).contains(&m)), "{date:?}");
            assert!(date.day.is_none_or(|d| (1..=31).contains(&d)), "{date:?}");
            assert!(
                date.end_month.is_none_or(|m| (1..=12).contains(&m)),
                "{date:?}"
            );
            assert!(
                date.end_day.is_none_or(|d| (1..=31).contains(&d)),
                "{date:?}"
            );
            let from = (date.year, date.month, date.day);
            let to = (date.end_year, date.end_month, date.end_day);
            assert!(
                to == (None, None, None) || to > from,
                "a period ends before it starts: {date:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn a_settled_numeral_opens_no_date(
            parts in proptest::collection::vec(proptest::sample::select(DATE_ALPHABET), 0..40),
            reference in proptest::option::of(1..=9999i32),
        ) {
            let text = parts.concat();
            let chars: Vec<char> = TextView::new(&text).chars().to_vec();
            let mut scanner = Scanner {
                chars: &chars,
                reference_year: reference,
                roc_years: false,
                numerals_read: Default::default(),
            };
            for i in 0..chars.len() {
                if scanner.may_start(i) && scanner.numeral_cannot_open(i) {
                    let mut unsettled = Scanner {
                        chars: &chars,
                        reference_year: reference,
                        roc_years: false,
                        numerals_read: Default::default(),
                    };
                    let opened = match unsettled.point_at(i, true) {
                        Attempt::Miss => unsettled.bracketed_years(i).is_some(),
                        _ => true,
                    };
                    proptest::prop_assert!(!opened, "{text:?} at {i}");
                }
            }
        }

        #[test]
        fn dates_keep_their_invariants(
            parts in proptest::collection::vec(proptest::sample::select(DATE_ALPHABET), 0..40),
            reference in proptest::option::of(1..=9999i32),
        ) {
            let text = parts.concat();
            check_dates(&text, &dates(&text, reference));
        }
    }

    /// A megabyte of date-like debris costs about ten times what a tenth of it costs, where a
    /// quadratic scan would cost a hundred times (see `timing`).
    #[test]
    fn a_megabyte_of_debris_costs_linear_time() {
        let megabyte = 1 << 20;
        // A megabyte of the plainest debris; half of one for the units that yield a record
        // every few characters, which debug builds pay for in allocations.
        let options = Options {
            reference_year: Some(2025),
            ..Options::default()
        };
        let units = [
            ("1", megabyte),
            ("年", megabyte),
            ("2023-", megabyte),
            ("今年", megabyte),
            ("〇", megabyte),
            ("二十", megabyte),
            ("2023年", megabyte / 2),
            ("二〇二三至", megabyte / 2),
            ("1月1—", megabyte / 2),
            ("2023年1月1日至", megabyte / 2),
            ("(2023-", megabyte / 2),
            ("20世纪", megabyte / 2),
        ];
        for (unit, size) in units {
            let long = unit.repeat(size / unit.len());
            let short = unit.repeat(size / 10 / unit.len());
            let views = [TextView::new(&short), TextView::new(&long)];
            crate::timing::assert_linear_time(unit, &views[0], &views[1], |view| {
                let mut out = Vec::new();
                find(view, &options, &mut out, &mut Vec::new());
                out
            });
        }
    }

    #[test]
    fn relative_years_need_a_reference() {
        assert!(dates("今年以来", None).is_empty());
        let found = dates("今年以来", Some(2025));
        assert_eq!(found[0].year, Some(2025));
        assert_eq!(found[0].text, "今年");
    }
}
