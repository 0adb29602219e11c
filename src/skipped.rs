//! Every numeral accounted for (SPEC §5): the runs of the numeral alphabet that no record
//! covers, each with the reason it yields none, and the digits no rule explains, which become
//! numbers.
//!
//! ```
//! use xinzhi_extract::{skipped, SkipReason};
//!
//! let spans = skipped("进一步推动“十四五”规划，建强干部队伍");
//! let reasons: Vec<(&str, &str)> = spans.iter().map(|s| (s.text.as_str(), s.reason.as_str())).collect();
//! assert_eq!(reasons, [("一", "set_phrase"), ("十四五", "slogan"), ("伍", "word")]);
//! ```
//!
//! The accounting walks the text once after the extractors have run: a run of the alphabet
//! (or the part of it outside every record) is sorted by the same exclusion checks the
//! extractors apply ([`crate::scan::exclude`], the set phrases, the regions), in a fixed
//! order, and where none applies a run of digits is a `number`: no numeral is dropped
//! silently.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::lexicon::approx::{approx_after, approx_before, Side};
use crate::lexicon::char_set::CharSet;
use crate::lexicon::phrases::set_phrase_covering;
use crate::lexicon::regions::{NUMERAL_AREAS, REGIONS};
use crate::lexicon::units::unit_after;
use crate::lexicon::word_index::{earliest_reaching, pair_key, HashedBits, WordIndex};
use crate::record::{Approx, Number, Record, ViewSpan};
use crate::scan::exclude;
use crate::scan::numeral::{digit_value, parse_numeral};
use crate::scan::view::ViewCursor;
use crate::scan::TextView;

macro_rules! skip_reasons {
    ($($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)?) => {
        /// Why a run of numeral characters yields no record: the closed vocabulary of
        /// [`SKIP_REASONS`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum SkipReason { $($(#[$vmeta])* $variant),+ }

        impl SkipReason {
            /// Every reason, in the order the accounting tries them.
            pub const ALL: &'static [SkipReason] = &[$(SkipReason::$variant),+];

            /// The reason's name as serialised (one of [`SKIP_REASONS`]).
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(SkipReason::$variant => $text),+ }
            }
        }

        /// The names of every [`SkipReason`], in the order the accounting tries them.
        pub const SKIP_REASONS: &[&str] = &[$($text),+];
    };
}

skip_reasons! {
    /// Inside a pinyin annotation (the tone digit of `萬(wan4)`).
    Annotation => "annotation",
    /// Next to a character lost to encoding damage (`?`, U+FFFD, private use): the number
    /// cannot be read.
    Lost => "lost",
    /// Inside a URL, an e-mail address, an HTML tag or a Markdown link target
    /// (`https://www.gov.cn/2026/01.htm`, `<img src="a1.png">`, `[附件](files/2.pdf)`).
    Markup => "markup",
    /// An identifier: digits glued to Latin letters or punctuation (`5G`, `PM2.5`, `G60`,
    /// `T800`, `11.jpg`, `2:00`), a stock code (`（00293）`), a line number (`18号线`), a
    /// note or reference marker in square brackets (`［1］`, `【122】`).
    Code => "code",
    /// A list label or enumerator: `（一）`, `一、` at the start of a line, `一是`, `1.`.
    ListLabel => "list_label",
    /// Part of a place name: `三亚`, `九江`, `十堰`, `四川`, `万州`, `长三角`.
    Place => "place",
    /// A set phrase whose numeral counts nothing: `一批`, `一系列`, `进一步`, `千方百计`.
    SetPhrase => "set_phrase",
    /// A coded slogan in quotation marks: `“十四五”`, `“1+6”`, `“两新”`, `“一老一小”`.
    Slogan => "slogan",
    /// 一 + classifier used as the article "a": `新一轮`, `一支队伍`, `一个部门牵头`,
    /// `举办一期培训班`.
    Indefinite => "indefinite",
    /// A Chinese numeral character inside a word: 一 in `统一`, `一般`, `唯一`; 零 in `零售`;
    /// 伍 in `队伍`; 陆 in `大陆`; 参 in `参与`; `千万` as "by all means".
    Word => "word",
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A run of numeral characters (or the part of one outside every record) that yields no
/// record, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Skipped {
    /// The characters as written.
    pub text: CompactString,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Why it yields no record.
    pub reason: SkipReason,
}

/// Whether `c` is in the numeral alphabet of SPEC §5: ASCII and full-width digits and the
/// Chinese numeral characters (traditional and financial forms included).
#[must_use]
pub fn in_numeral_alphabet(c: char) -> bool {
    NUMERAL_ALPHABET.contains(c)
}

/// The numeral alphabet of SPEC §5, as a bit table.
static NUMERAL_ALPHABET: CharSet = CharSet::new(
    &["0123456789０１２３４５６７８９\
       〇○零一二三四五六七八九十百千万萬亿億两兩廿卅壹贰貳叁參肆伍陆陸柒捌玖拾佰仟几幾"],
    &[],
);

/// What the accounting decides for a part of a run outside every record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Verdict {
    Skip(SkipReason),
    /// No rule explains it: a `number` with this value, at these view positions.
    Number(f64, ViewSpan),
}

/// Calls `decide` with the byte range and verdict of every part of a run of the numeral
/// alphabet in the view's source that lies outside the spans of `covering`: the view spans
/// of the records that cover numerals, in order (titles and the records dropped are left
/// out, since the records inside a title are listed on their own).
///
/// Every character of the alphabet is a candidate position of the view (a test checks it),
/// so the runs are found among the candidates, not by a walk over the text, and compared
/// with the records in view positions. A text whose view skipped pinyin annotations is
/// walked character by character when the reasons are wanted, since a tone digit
/// (`萬(wan4)`) is in no view; its runs are compared with the records' byte spans.
///
/// With `reasons` unset only the verdicts that may be numbers are worked out: a part of one
/// Chinese numeral character is never a number (it is passed over without a look).
fn account(
    view: &TextView<'_>,
    covering: &[ViewSpan],
    markup: &[Range<usize>],
    reasons: bool,
    mut decide: impl FnMut(Range<usize>, Verdict),
) {
    let source = view.source();
    let mut markup = markup.iter().peekable();
    if reasons && view.annotated() {
        // The reasons of a text whose view skipped pinyin annotations: the digits inside an
        // annotation are in no view, so the source is walked, and each part is placed in the
        // view with a cursor, since the parts come in reading order.
        let bytes: Vec<ViewSpan> = covering
            .iter()
            .map(|&(start, end)| view.byte_span(start..end))
            .collect();
        let mut covering = Covering::new(&bytes);
        let mut cursor = ViewCursor::default();
        let mut settle_run = |run: Range<usize>| {
            covering.parts_outside(run, |(start, end)| {
                let placing = Placing::Cursor(&mut cursor);
                settle_part(view, start..end, placing, reasons, &mut markup, &mut decide);
            });
        };
        let mut run: Option<Range<usize>> = None;
        for (i, c) in source.char_indices() {
            if in_numeral_alphabet(c) {
                match &mut run {
                    Some(r) if r.end == i => r.end = i + c.len_utf8(),
                    _ => {
                        if let Some(r) = run.take() {
                            settle_run(r);
                        }
                        run = Some(i..i + c.len_utf8());
                    }
                }
            }
        }
        if let Some(r) = run {
            settle_run(r);
        }
        return;
    }
    // A run is a stretch of neighbouring view positions with no annotation between them, so
    // its positions and its source characters correspond one to one. Without reasons, the
    // digits inside an annotation are never numbers (the view holds none of their
    // characters), and a run of one Chinese numeral character is passed over: no part of it
    // may be a number.
    let mut covering = Covering::new(covering);
    let chars = view.chars();
    let candidates = view.candidates();
    let mut k = 0;
    while k < candidates.len() {
        let first = candidates[k] as usize;
        // Most numerals lie in a record. A run that opens inside one has no part outside it
        // up to its end, where the rest of the run, if any, is read as a run of its own (its
        // parts are the same): the candidates up to there are passed over without a look.
        if let Some((_, stop)) = covering
            .ending_after(first)
            .filter(|&(start, _)| start <= first)
        {
            while candidates.get(k).is_some_and(|&c| (c as usize) < stop) {
                k += 1;
            }
            continue;
        }
        k += 1;
        if !alphabet_at(view, first) {
            continue;
        }
        // The run goes on while the next candidate is the next position and in the alphabet.
        // A character of the alphabet takes three bytes at most: a longer step from the one
        // before carries an annotation, which ends the run.
        let mut end = first + 1;
        while let Some(&next) = candidates.get(k) {
            if next as usize != end || view.step(end - 1) > 3 || !alphabet_at(view, end) {
                break;
            }
            end += 1;
            k += 1;
        }
        if !(reasons || end - first > 1 || chars[first].is_ascii_digit()) {
            continue;
        }
        // The parts' source bytes: no annotation lies between the characters of a run.
        covering.parts_outside(first..end, |(start, stop)| {
            let part = view.byte_span(start..stop);
            let placing = Placing::Known(start, stop);
            settle_part(
                view,
                part.0..part.1,
                placing,
                reasons,
                &mut markup,
                &mut decide,
            );
        });
    }
}

/// How the view positions of a part of a run are found.
enum Placing<'c> {
    /// They are known.
    Known(usize, usize),
    /// Looked up with a cursor that follows the parts, which come in reading order.
    Cursor(&'c mut ViewCursor),
}

/// Hands `decide` the verdict on `part`, bytes of a run outside every record, unless the
/// reasons are not wanted and it may be no number; `placing` finds its view positions. Out
/// of line: most runs lie in a record, and the walk over them stays small.
#[inline(never)]
fn settle_part(
    view: &TextView<'_>,
    part: Range<usize>,
    placing: Placing<'_>,
    reasons: bool,
    markup: &mut std::iter::Peekable<std::slice::Iter<'_, Range<usize>>>,
    decide: &mut impl FnMut(Range<usize>, Verdict),
) {
    let text = &view.source()[part.clone()];
    let mut letters = text.chars();
    let lone = letters.next().filter(|_| letters.next().is_none());
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if reasons || lone.is_none_or(digit) {
        let positions = match placing {
            Placing::Known(start, end) => Some((start, end)),
            Placing::Cursor(cursor) => {
                // A part that starts inside an annotation (a tone digit) is in no view.
                let start = view.advance_to_byte(cursor, part.start);
                (start < view.len() && view.byte_start(start) == part.start).then(|| {
                    let mut to_end = *cursor;
                    (
                        start,
                        view.advance_to_byte(&mut to_end, part.end).max(start + 1),
                    )
                })
            }
        };
        let verdict = positions.map_or(Verdict::Skip(SkipReason::Annotation), |span| {
            classify(view, span, markup)
        });
        decide(part, verdict);
    }
}

/// The spans that may cover a numeral, in order and apart, walked once in step with the
/// runs, which come in reading order.
struct Covering<'s> {
    spans: &'s [ViewSpan],
    /// The first span not yet passed over.
    next: usize,
}

impl<'s> Covering<'s> {
    fn new(spans: &'s [ViewSpan]) -> Self {
        Covering { spans, next: 0 }
    }

    /// The first span that ends after `at`, passing over those before; `at` never decreases
    /// from one call to the next.
    fn ending_after(&mut self, at: usize) -> Option<ViewSpan> {
        while let Some(&(start, end)) = self.spans.get(self.next) {
            if end > at {
                return Some((start, end));
            }
            self.next += 1;
        }
        None
    }

    /// Calls `each` with every part of `run` (after those of the runs before) outside every
    /// span.
    fn parts_outside(&mut self, run: Range<usize>, mut each: impl FnMut(ViewSpan)) {
        let mut at = run.start;
        while at < run.end {
            match self.ending_after(at) {
                Some((start, end)) if start <= at => at = end,
                next => {
                    let part_end = next.map_or(run.end, |(start, _)| start.min(run.end));
                    each((at, part_end));
                    at = part_end;
                }
            }
        }
    }
}

/// Whether the character at view position `p` is in the alphabet: the view's character
/// tells, but for `参`, which is in it when folded from `參`, and, in a text whose view
/// skipped annotations (where the runs were always read from the source), `叁` folded from
/// `叄`, which is not (a test checks that no other folding crosses the alphabet's border).
fn alphabet_at(view: &TextView<'_>, p: usize) -> bool {
    match view.chars()[p] {
        '参' => written_in_alphabet(view, p),
        '叁' if view.annotated() => written_in_alphabet(view, p),
        c => in_numeral_alphabet(c),
    }
}

/// Whether the source character of view position `p` is in the alphabet and not ASCII, read
/// from the view: a character of the alphabet folds to one of it, but for `參` and `叄`
/// (see [`alphabet_at`]), and an ASCII digit of the view is written so where it takes one
/// byte, a full-width one taking three (no annotation follows a digit).
fn written_in_alphabet_not_ascii(view: &TextView<'_>, p: usize) -> bool {
    match view.chars()[p] {
        '参' | '叁' => written_in_alphabet(view, p),
        c if c.is_ascii() => c.is_ascii_digit() && view.step(p) > 1,
        c => in_numeral_alphabet(c),
    }
}

/// Whether the source character of view position `p` is in the alphabet.
fn written_in_alphabet(view: &TextView<'_>, p: usize) -> bool {
    view.source()[view.byte_start(p)..]
        .chars()
        .next()
        .is_some_and(in_numeral_alphabet)
}

/// The verdict on the view positions `start..end`, none of which lies in a record.
fn classify(
    view: &TextView<'_>,
    (start, end): ViewSpan,
    markup: &mut std::iter::Peekable<std::slice::Iter<'_, Range<usize>>>,
) -> Verdict {
    let chars = view.chars();
    if let Some(reason) = reason(chars, start, end, markup) {
        return Verdict::Skip(reason);
    }
    // Inline for any part short enough to be one number: no allocation.
    let written: CompactString = chars[start..end].iter().collect();
    match parse_numeral(&written) {
        Ok(numeral) => Verdict::Number(numeral.as_f64(), (start, end)),
        // Digits too long to be one number are an identifier; a run of Chinese numeral
        // characters that is not one number (`十五五`, `一二`) is part of a word or a name.
        Err(_) if chars[start..end].iter().any(char::is_ascii_digit) => {
            Verdict::Skip(SkipReason::Code)
        }
        Err(_) => Verdict::Skip(SkipReason::Word),
    }
}

/// The reason the view characters `chars[start..end]` yield no record, or `None` where no
/// rule explains it.
fn reason(
    chars: &[char],
    start: usize,
    end: usize,
    markup: &mut std::iter::Peekable<std::slice::Iter<'_, Range<usize>>>,
) -> Option<SkipReason> {
    let before = start.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(end).copied();
    if before.is_some_and(exclude::is_lost_mark) || after.is_some_and(exclude::is_lost_mark) {
        return Some(SkipReason::Lost);
    }
    while markup.peek().is_some_and(|m| m.end <= start) {
        markup.next();
    }
    if markup.peek().is_some_and(|m| m.start <= start) {
        return Some(SkipReason::Markup);
    }
    let digits = chars[start..end].iter().all(char::is_ascii_digit);
    if digits && is_code(chars, start, end) {
        return Some(SkipReason::Code);
    }
    if exclude::is_list_label(chars, start, end) || is_chinese_label(chars, start, end) {
        return Some(SkipReason::ListLabel);
    }
    if !digits {
        if place_covering(chars, start, end) {
            return Some(SkipReason::Place);
        }
        // A phrase of numerals alone (`十四五`) is a plan's code: in quotation marks a slogan.
        let phrase = (start..end).find_map(|k| set_phrase_covering(chars, k));
        if phrase.is_some_and(|p| {
            !(exclude::in_slogan(chars, start) && chars[p].iter().all(|&c| in_numeral_alphabet(c)))
        }) {
            return Some(SkipReason::SetPhrase);
        }
    }
    if exclude::in_slogan(chars, start) {
        return Some(SkipReason::Slogan);
    }
    if digits {
        return None;
    }
    let one = end - start == 1 && chars[start] == '一';
    // 一 + classifier as an article, and 新一 (`新一轮`, `新一代`: "the new round"); 一期
    // that numbers no phase is "a round" (`举办一期培训班`).
    if one
        && (unit_after(chars, end).is_some()
            || after == Some('期')
            || start > 0 && chars[start - 1] == '新')
    {
        return Some(SkipReason::Indefinite);
    }
    // One Chinese numeral character alone is never a number (the number extractor's rule):
    // it is part of a word. So are two or three plain digits read one by one, which name
    // things rather than count them: `一二三产业`, `三四线`, `三一重工`, `五一劳动节`.
    let plain_digits = chars[start..end]
        .iter()
        .all(|&c| digit_value(c).is_some() && !c.is_ascii_digit());
    if end - start == 1 || (plain_digits && end - start <= 3) || is_word(chars, start, end) {
        return Some(SkipReason::Word);
    }
    None
}

/// Identifiers made of the digits `chars[start..end]`: digits glued to letters, clock times
/// and dotted names, stock codes and references in brackets, numbered lines.
fn is_code(chars: &[char], start: usize, end: usize) -> bool {
    if exclude::glued_to_letters(chars, start, end, false)
        || exclude::is_time_or_code(chars, start, end)
    {
        return true;
    }
    let before = start.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(end).copied();
    // A stock code: four digits or more alone in round brackets (a number alone in square
    // ones is a reference, which `is_time_or_code` has taken).
    let bracketed = matches!(before, Some('(' | '（')) && matches!(after, Some(')' | '）'));
    if bracketed && end - start >= 4 {
        return true;
    }
    // Digits joined to digits by a hyphen or a slash, as in a serial number (`2023-0001`).
    let joined = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|c| matches!(c, '-' | '_' | '/' | '#'))
    };
    if joined(start.checked_sub(1)) && start >= 2 && chars[start - 2].is_ascii_alphanumeric() {
        return true;
    }
    if joined(Some(end)) && chars.get(end + 1).is_some_and(char::is_ascii_alphanumeric) {
        return true;
    }
    // A clock time written with 时 and 分 (`07时41分`, page chrome).
    let clock = (after == Some('时') && chars.get(end + 1).is_some_and(char::is_ascii_digit))
        || (after == Some('分') && before == Some('时'));
    // A numbered line or route: `18号线`.
    clock || (after == Some('号') && chars.get(end + 1) == Some(&'线'))
}

/// A Chinese list label: `一、` or `（一）` at the start of a line (`一、` after a sentence or a
/// colon too), `一是`, `二是`, `一要` after a line start or a punctuation mark, `其一`, `之二`.
fn is_chinese_label(chars: &[char], start: usize, end: usize) -> bool {
    if !chars[start..end]
        .iter()
        .all(|&c| digit_value(c).is_some() || c == '十')
    {
        return false;
    }
    let before = start.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(end).copied();
    let line_start = before.is_none_or(|c| matches!(c, '\n' | '\r' | ' ' | '\t' | '\u{3000}'));
    let clause_start = line_start
        || before
            .is_some_and(|c| matches!(c, '。' | '；' | ';' | '：' | ':' | '，' | ',' | '（' | '('));
    // After a sentence or a colon too (`如下：一、…。二、…`), where what follows is no other
    // numeral (`。一、二、三产业` lists industries).
    let sentence_start = line_start
        || (before.is_some_and(|c| matches!(c, '。' | '；' | ';' | '：' | ':'))
            && chars
                .get(end + 1)
                .is_some_and(|&c| digit_value(c).is_none()));
    (line_start && matches!(after, Some('、' | '．' | '.')))
        || (sentence_start && after == Some('、'))
        // `一是…，二是…`; `一要…。二要…` ("first, we must …"), but not `三要素`.
        || (clause_start && after == Some('是'))
        || (clause_start && after == Some('要') && chars.get(end + 1) != Some(&'素'))
        || (before == Some('其') && end - start == 1)
}

/// Words made of numeral characters that are not numbers.
const NUMERAL_WORDS: &[&str] = &["千万", "万万", "一一", "百万雄师", "万千"];

/// Whether `chars[start..end]` is one of [`NUMERAL_WORDS`] as a whole.
fn is_word(chars: &[char], start: usize, end: usize) -> bool {
    NUMERAL_WORDS
        .iter()
        .any(|w| w.chars().eq(chars[start..end].iter().copied()))
        && (chars[start..end] != ['千', '万'] && chars[start..end] != ['万', '万']
            || chars
                .get(end)
                .is_some_and(|&c| matches!(c, '不' | '要' | '别' | '莫' | '勿' | '得' | '注')))
}

/// Places whose names hold a numeral character: every region of [`REGIONS`] that does, in
/// each of its forms and without its suffix, and a few areas that are not regions.
static PLACES: LazyLock<WordIndex<()>> = LazyLock::new(|| {
    const SUFFIXES: [&str; 6] = ["市", "省", "县", "州", "盟", "地区"];
    let mut names: Vec<Vec<char>> = Vec::new();
    for region in REGIONS {
        for form in region.forms() {
            if !form.chars().any(in_numeral_alphabet) {
                continue;
            }
            names.push(form.chars().collect());
            if let Some(bare) = SUFFIXES.iter().find_map(|s| form.strip_suffix(s)) {
                if bare.chars().count() >= 2 {
                    names.push(bare.chars().collect());
                }
            }
        }
    }
    names.extend(NUMERAL_AREAS.iter().map(|a| a.chars().collect()));
    WordIndex::from_words(names.into_iter().map(|n| (n, ())))
});

/// Every two neighbouring characters of a name of [`PLACES`]: every name has two characters
/// or more (a test checks it), so a name that covers a character pairs it with a neighbour.
static PLACE_PAIRS: LazyLock<HashedBits> = LazyLock::new(|| {
    let mut pairs = Vec::new();
    for (name, ()) in PLACES.words() {
        pairs.extend(name.windows(2).map(|pair| pair_key(pair[0], pair[1])));
    }
    HashedBits::new(pairs)
});

/// Whether a place name covers `chars[start..end]`.
fn place_covering(chars: &[char], start: usize, end: usize) -> bool {
    if start >= chars.len() {
        return false;
    }
    // A name covering `start` holds it and the character before or after it.
    let pairs = &*PLACE_PAIRS;
    let paired = |k: usize| {
        k.checked_sub(1)
            .is_some_and(|p| pairs.may_hold(pair_key(chars[p], chars[k])))
            || chars
                .get(k + 1)
                .is_some_and(|&n| pairs.may_hold(pair_key(chars[k], n)))
    };
    if !paired(start) {
        return false;
    }
    let longest = PLACES.longest().max(1);
    (earliest_reaching(pairs, chars, start, longest)..=start).any(|from| {
        PLACES.may_start_at(chars, from)
            && PLACES
                .all_at(chars, from)
                .any(|((), len)| from + len >= end && from + len > start)
    })
}

/// The view ranges of markup: URLs (`http://…`, `https://…`, `www.…`), e-mail addresses,
/// HTML tags (`<…>` on one line) and Markdown link targets (`](…)`), in order, found in one
/// pass.
fn markup_spans(chars: &[char], openers: &[u32]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let url_char = |c: char| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\'');
    // The first position not yet passed over.
    let mut next = 0;
    for &opener in openers {
        let k = opener as usize;
        if k < next {
            continue;
        }
        let c = chars[k];
        let starts_with = |word: &str| {
            word.chars()
                .enumerate()
                .all(|(n, w)| chars.get(k + n).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
        };
        let end = if starts_with("http://") || starts_with("https://") || starts_with("www.") {
            let mut e = k;
            while e < chars.len() && url_char(chars[e]) {
                e += 1;
            }
            Some(e)
        } else if c == '<'
            && chars
                .get(k + 1)
                .is_some_and(|&n| n.is_ascii_alphabetic() || n == '/' || n == '!')
        {
            let limit = chars.len().min(k + 2000);
            (k + 1..limit)
                .take_while(|&e| chars[e] != '\n' && chars[e] != '<')
                .find(|&e| chars[e] == '>')
                .map(|e| e + 1)
        } else if c == ']' && chars.get(k + 1) == Some(&'(') {
            let limit = chars.len().min(k + 2000);
            (k + 2..limit)
                .take_while(|&e| chars[e] != '\n')
                .find(|&e| chars[e] == ')')
                .map(|e| e + 1)
        } else if c == '@' && k > 0 && chars[k - 1].is_ascii_alphanumeric() {
            // An e-mail address: the local part before, the domain after.
            let mut s = k;
            while s > 0
                && (chars[s - 1].is_ascii_alphanumeric()
                    || matches!(chars[s - 1], '.' | '_' | '-' | '+'))
            {
                s -= 1;
            }
            let mut e = k + 1;
            while e < chars.len()
                && (chars[e].is_ascii_alphanumeric() || matches!(chars[e], '.' | '-'))
            {
                e += 1;
            }
            if e > k + 1 {
                let s = out.last().map_or(s, |last| s.max(last.end));
                out.push(s..e);
                next = e;
                continue;
            }
            None
        } else {
            None
        };
        match end {
            Some(e) if e > k => {
                out.push(k..e);
                next = e;
            }
            _ => next = k + 1,
        }
    }
    out
}

/// What the accounting of the numerals decides of the records: those dropped and the
/// numbers added.
#[derive(Debug, Default)]
pub(crate) struct Settled {
    /// The indices of the records dropped, in order.
    pub(crate) dropped: Vec<usize>,
    /// The numbers added, in order.
    pub(crate) added: Vec<Record>,
    /// The spans in view positions of the numbers added.
    pub(crate) added_spans: Vec<ViewSpan>,
}

/// Accounts for the numerals of `view` outside the records whose view spans are `spans`
/// (every record found, titles included, in order; `is_title` tells the titles by index):
/// the records to drop, and a `number` to add for each numeral that no rule explains (no
/// numeral is dropped silently); each skipped span goes to `skip` (whose reasons are only
/// worked out when it is given). The records themselves are not needed: the caller moves
/// each once, into its final place, with the numbers added among them. The one pass behind
/// both [`Extractor::extract`] and [`Extractor::skipped`].
pub(crate) fn settle(
    view: &TextView<'_>,
    spans: &[ViewSpan],
    is_title: impl Fn(usize) -> bool,
    mut skip: Option<impl FnMut(Range<usize>, SkipReason)>,
) -> Settled {
    let reasons = skip.is_some();
    let markup = markup_spans(view.chars(), view.markup_openers());
    // Nothing is read from markup (SPEC §5): a record that reaches into a URL, an e-mail
    // address, a tag or a link target is dropped, and its numerals are skipped as markup.
    // A place name with a numeral character in it (`七台河`, `三亚`) is a place: a record that
    // opens inside one is dropped, and its numerals are skipped as a place. One pass finds
    // both; the accounting passes over the records dropped.
    let (dropped, covering) = dropped_records(view, spans, is_title, &markup);
    let mut added = Vec::new();
    let mut added_spans = Vec::new();
    account(
        view,
        &covering,
        &markup,
        reasons,
        |range, verdict| match verdict {
            Verdict::Number(value, span) => {
                added.push(Record::Number(Number {
                    text: view.source()[range.clone()].into(),
                    start: range.start,
                    end: range.end,
                    value,
                    ordinal: false,
                    approx: Approx::Exact,
                }));
                added_spans.push(span);
            }
            Verdict::Skip(reason) => {
                if let Some(skip) = skip.as_mut() {
                    skip(range, reason);
                }
            }
        },
    );
    Settled {
        dropped,
        added,
        added_spans,
    }
}

/// The indices, in order, of the records (sorted by start, with `spans`, their spans in
/// view positions; `is_title` tells the titles) that reach into a span of `markup` or open
/// inside a place name (titles are kept), and the spans of the records that cover
/// numerals: the others but for titles.
fn dropped_records(
    view: &TextView<'_>,
    spans: &[ViewSpan],
    is_title: impl Fn(usize) -> bool,
    markup: &[Range<usize>],
) -> (Vec<usize>, Vec<ViewSpan>) {
    let chars = view.chars();
    // Both lists are sorted by start, and markup spans do not overlap: one walk, in view
    // positions.
    let mut markup = markup.iter().peekable();
    let mut dropped = Vec::new();
    let mut covering = Vec::with_capacity(spans.len());
    for (k, &(start, end)) in spans.iter().enumerate() {
        if is_title(k) {
            continue;
        }
        while markup.peek().is_some_and(|m| m.end <= start) {
            markup.next();
        }
        let in_markup = markup.peek().is_some_and(|m| end > m.start);
        // Place names open with a character of the alphabet written other than in ASCII:
        // records opening with an ASCII digit, a quotation mark or an approximation word are
        // passed over without a look-up.
        let in_place = || {
            start < chars.len() && written_in_alphabet_not_ascii(view, start) && {
                place_covering(chars, start, start + 1)
            }
        };
        if in_markup || in_place() {
            dropped.push(k);
        } else {
            covering.push((start, end));
        }
    }
    (dropped, covering)
}

/// Takes the approximation word before or after each number that is no ordinal into its
/// span and its `approx` (SPEC §5: `超696万` is a number `over`), where no other record
/// holds the word. `spans` are the records' spans in view positions, one per record, and
/// follow the numbers' new spans.
pub(crate) fn approximate_numbers(
    view: &TextView<'_>,
    records: &mut [Record],
    spans: &mut [ViewSpan],
) {
    let chars = view.chars();
    // View positions and byte offsets go up together, so the records' spans are compared in
    // view positions: a word is free when it ends by the next record's start and starts at
    // or after the end of the one before.
    let mut previous_end = 0;
    for k in 0..records.len() {
        let (first, last) = spans[k];
        match &records[k] {
            Record::Title(_) => continue,
            Record::Number(number) if !number.ordinal => {}
            _ => {
                previous_end = last;
                continue;
            }
        }
        let next_start = records[k + 1..]
            .iter()
            .zip(&spans[k + 1..])
            .find(|(r, _)| !matches!(r, Record::Title(_)))
            .map_or(usize::MAX, |(_, &(start, _))| start);
        let before = approx_before(chars, first)
            .filter(|(word, len)| word.side == Side::Before && first - len >= previous_end);
        let after = approx_after(chars, last)
            .filter(|(word, len)| word.side == Side::After && last + len <= next_start);
        let Record::Number(number) = &mut records[k] else {
            continue;
        };
        if let Some((word, len)) = before {
            number.approx = word.approx;
            number.start = view.byte_start(first - len);
            spans[k].0 = first - len;
        } else if let Some((word, len)) = after {
            number.approx = word.approx;
            number.end = view.byte_end(last + len - 1);
            spans[k].1 = last + len;
        }
        if number.approx != Approx::Exact {
            number.text = view.source()[number.start..number.end].into();
        }
        previous_end = spans[k].1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_filter_of_places_agrees_with_the_full_search() {
        let mut sentence = String::new();
        for (name, ()) in PLACES.words() {
            assert!(name.len() >= 2, "{name:?}");
            sentence.extend(name);
            sentence.push_str("三五万元，");
        }
        let chars: Vec<char> = sentence.chars().collect();
        let longest = PLACES.longest();
        for start in 0..=chars.len() {
            for end in start + 1..start + 4 {
                let expected = (start.saturating_sub(longest - 1)..=start).any(|from| {
                    PLACES
                        .all_at(&chars, from)
                        .any(|((), len)| from + len >= end && from + len > start)
                });
                assert_eq!(
                    place_covering(&chars, start, end),
                    expected,
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn every_character_of_the_alphabet_is_a_candidate() {
        let alphabet = "0123456789０１２３４５６７８９\
            〇○零一二三四五六七八九十百千万萬亿億两兩廿卅壹贰貳叁參肆伍陆陸柒捌玖拾佰仟几幾";
        for c in alphabet.chars() {
            assert!(in_numeral_alphabet(c), "{c}");
            let text = c.to_string();
            let view = TextView::new(&text);
            assert_eq!(view.candidates(), [0], "{c} is a candidate");
        }
        assert!(!in_numeral_alphabet('参') && !in_numeral_alphabet('a'));
    }

    #[test]
    fn the_view_keeps_the_alphabet_of_the_source() {
        // The runs are read from the view's characters: a character is in the alphabet as
        // written exactly when its folded form is, but for 參 (folded to 参, outside it) and 叄
        // (folded to 叁, inside it); and it takes three bytes at most, so a longer step of
        // the view holds an annotation.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            let view = TextView::new(&text);
            let folded = view.chars()[0];
            let crossing = in_numeral_alphabet(c) != in_numeral_alphabet(folded);
            assert!(
                !crossing || matches!((c, folded), ('參', '参') | ('叄', '叁')),
                "{c}"
            );
            assert_eq!(
                alphabet_at(&view, 0),
                in_numeral_alphabet(c) || c == '叄',
                "{c}"
            );
            assert!(!in_numeral_alphabet(c) || c.len_utf8() <= 3, "{c}");
        }
        let view = TextView::new("5萬(wàn)3");
        assert_eq!((view.step(0), view.step(1), view.step(2)), (1, 9, 1));
        let view = TextView::new("叄(sān)參");
        assert!(view.annotated() && !alphabet_at(&view, 0) && alphabet_at(&view, 1));
    }

    #[test]
    fn markup_spans_cover_urls_mail_tags_and_link_targets() {
        let chars: Vec<char> = "见https://a.cn/1.htm，x@b.cn <p id=2> [t](u/3)"
            .chars()
            .collect();
        let openers: Vec<u32> = (0..chars.len() as u32)
            .filter(|&k| crate::lexicon::marks::may_open_markup(chars[k as usize]))
            .collect();
        let spans = markup_spans(&chars, &openers);
        let texts: Vec<String> = spans
            .iter()
            .map(|r| chars[r.clone()].iter().collect())
            .collect();
        assert_eq!(
            texts,
            ["https://a.cn/1.htm", "x@b.cn", "<p id=2>", "](u/3)"]
        );
    }
}
