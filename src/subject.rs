//! What each quantity measures (SPEC §6): the phrase before or after it that names it.
//!
//! The search reads the folded, annotation-free view of the text, the same one the
//! extractors read, and every word it knows is a table in [`lexicon::subjects`]:
//!
//! - a count followed by a noun counts that noun (`77家企业` → 企业), or, before a list of
//!   modifiers, the noun the list qualifies (`6个世界级、7个国家级先进制造业集群`); a percentage
//!   followed by a rate's noun is that rate (`享受15%所得税优惠` → 所得税优惠);
//! - otherwise the subject lies in the quantity's own clause, before it: linking verbs and
//!   adverbs next to the quantity are passed over (`地区生产总值同比增长6.1%`), the subject
//!   starts after the last verb of action (`新增城镇就业6.2万人` → 城镇就业), and scope, time
//!   and joining words that open it are left out (`全省规模以上工业增加值`), and so is a general
//!   verb that opens it before its object and amount (`建设高标准农田12万亩` → 高标准农田);
//! - of a path of budget lines in corner brackets (`「…」項下「古蹟修復計畫」編列…`), the last
//!   line is the subject;
//! - a list of names closed by `等` is named whole (`改造老旧小区、抗震宜居农房等23万多户`);
//! - a quantity whose clause names nothing takes the subject of the quantity before it in the
//!   same sentence, and a list after `分别` takes the subjects of the list before it, in order;
//! - a span of time with no subject of its own stands like a time word: between a subject and
//!   its verb (`高新技术企业5年增加2万多家`) or opening a clause, passed over by carry-over;
//! - a threshold inside a name (`公交与轨道50米内换乘比例`, `亿元以上项目`) is part of the name
//!   of the quantity after it, and so is a span of time that names the length of what follows
//!   (`九年义务教育巩固率`);
//! - a comparison with its base between a subject and the difference is left out
//!   (`民间投资增速高于全国4.1个百分点` → 民间投资), and a base named after a dated comparison only
//!   by a budget placeholder (`较113年度预算数2.4亿元`) takes the subject before;
//! - a short note in brackets inside a name (`高速（一级）公路`) is part of it;
//! - a share named without its part (`…、占全省比重达18.6%`) takes the part from the quantity
//!   before, and a list of short names that opens its clause shares its amount
//!   (`游客人次、旅游总花费均增长9%以上`).
//!
//! Every look is bounded: back to the sentence end at most [`MAX_SENTENCE_LOOKBACK`]
//! characters away, within a clause at most [`MAX_CLAUSE_LOOKBACK`] characters long, forward
//! at most [`MAX_NOUN_CHARS`] characters; each character is looked at a bounded number of
//! times, so the search is linear in the text.
//!
//! [`lexicon::subjects`]: crate::lexicon::subjects

use compact_str::CompactString;

use crate::lexicon::char_set::CharSet;
use crate::lexicon::numerals::numeral_char;
use crate::lexicon::subjects::{self as words, Before};
use crate::lexicon::{ends_with_word, starts_with_word};
use crate::record::{Dimension, Record};
use crate::scan::view::utf8_width;
use crate::scan::{is_han, TextView};

/// The most characters a subject holds once cleaned.
pub const MAX_SUBJECT_CHARS: usize = 24;

/// How far back from a quantity a sentence end is looked for.
pub const MAX_SENTENCE_LOOKBACK: usize = 300;

/// How far back from a quantity its clause may start.
pub const MAX_CLAUSE_LOOKBACK: usize = 48;

/// The longest counted noun read after a classifier; a longer run is a clause, not a noun.
pub const MAX_NOUN_CHARS: usize = 16;

/// A span of view positions.
type Span = (usize, usize);

/// What the search found for one quantity of a sentence.
struct Found {
    /// Index of the quantity in the record list.
    index: usize,
    /// The subject its own clause names.
    own: Option<Span>,
    /// Whether `own` is the object the quantity stands before (`建设8万亩高标准农田`).
    object: bool,
    /// Whether `分别` stands before it: it pairs with the list before.
    respectively: bool,
    /// The subjects listed with `、` before `分别` (`学前教育毛入园率、…、高中阶段毛入学率分别
    /// 提升至95%、96%、93%`), in order, when there are two or more.
    listed: Vec<Span>,
    /// Whether it may take the subject of the quantity before it.
    carries: bool,
    /// Where it is a span of time with no subject of its own: the start of its clause and its
    /// own start. Where it opens its clause, a quantity after it passes it over to take the
    /// subject of the one before (`…达到1350亿元，3年增长58.6%`); asked only then.
    time_alone: Option<Span>,
    /// Whether `own` names a share with no part before `占` (`…、占全省比重达61.3%`): the
    /// part is the subject of the quantity before, which it takes where there is one.
    part_less: bool,
    /// The subject settled on: its own, carried or paired.
    subject: Option<Span>,
}

impl Found {
    /// A quantity of `dimension` whose clause names nothing yet.
    fn nothing(dimension: Dimension) -> Self {
        Found {
            index: 0,
            own: None,
            object: false,
            respectively: false,
            listed: Vec::new(),
            carries: !measures_time(dimension),
            time_alone: None,
            part_less: false,
            subject: None,
        }
    }
}

/// Fills `subject`, `subject_start` and `subject_end` of every quantity of `records`, which
/// were found in `view` and are sorted by start; `spans` are their spans in view positions,
/// one per record.
#[inline(never)]
///
/// `labels` holds the ends (view positions, past the mark) of the list labels of the text,
/// in order (`2.` of `「一般事務費」2.一般事務費189萬7千元`): an inline list item opens a clause of
/// its own, so a label bounds a clause as a record does.
pub(crate) fn assign(
    view: &TextView<'_>,
    records: &mut [Record],
    spans: &[Span],
    labels: &[usize],
) {
    if !records.iter().any(|r| matches!(r, Record::Quantity(_))) {
        return;
    }
    let chars = view.chars();
    let mut sentence: Vec<Found> = Vec::new();
    let mut buffer = String::new();
    // The end (view position) of the last record that bounds a clause.
    let mut barrier_end = 0;
    // The last date that bounds a clause: its start, and the end of the barrier before it;
    // or a span of time that stands like one (`高新技术企业5年增加2万多家`), said by the flag.
    let mut last_date: Option<(Span, usize, bool)> = None;
    // The span of the last record other than a quantity that bounds a clause.
    let mut last_bound: Span = (0, 0);
    // The end of the last quantity, up to which the text has been searched for sentence ends.
    let mut searched_to: Option<usize> = None;
    // The noun a list of modifiers with counts qualifies, and the start of its last count.
    let mut listed_noun: Option<(usize, Span)> = None;
    // Where the sentence of the quantities in `sentence` starts, as far as it was searched.
    let mut sentence_begin = 0;
    // The next list label not yet passed, and the end of the last one passed.
    let (mut next_label, mut label_end) = (0, 0);
    for index in 0..records.len() {
        let (start, end) = spans[index];
        let Record::Quantity(quantity) = &records[index] else {
            if bounds_clause(&records[index], view.chars(), start) {
                if matches!(records[index], Record::Date(_)) {
                    last_date = Some(((start, end), barrier_end, false));
                }
                barrier_end = barrier_end.max(end);
                last_bound = (start, end);
            }
            continue;
        };
        let dimension = quantity.dimension;
        // A sentence end between the last quantity and this one starts a new sentence.
        let floor = start.saturating_sub(MAX_SENTENCE_LOOKBACK);
        let from = searched_to.map_or(floor, |to| to.max(floor));
        let (last_break, sentence_end) = last_breaks(chars, from, start);
        let same_sentence = searched_to.is_some_and(|to| to >= floor) && sentence_end.is_none();
        let sentence_start = sentence_end.map_or(from, |i| i + 1);
        if !same_sentence {
            settle(view, records, &mut sentence, &mut buffer);
            sentence_begin = sentence_start;
        }
        // A counted noun runs up to the next quantity or date (`10个千亿级产业集群`).
        let next_start = records[index + 1..]
            .iter()
            .zip(&spans[index + 1..])
            .find(|(r, _)| matches!(r, Record::Quantity(_) | Record::Date(_)))
            .map_or(chars.len(), |(_, &(s, _))| s);
        // The last list label before the quantity bounds its clause too.
        while labels.get(next_label).is_some_and(|&label| label <= start) {
            label_end = labels[next_label];
            next_label += 1;
        }
        let clause_floor = sentence_start.max(barrier_end).max(label_end);
        // A date right before the clause may stand between a subject and its quantity
        // (`城镇化率从2020年的53.2%`): the clause before it is looked at too.
        // A span of time stands so only within the clause (`高新技术企业5年增加2万多家`).
        let hop = last_date
            .filter(|&((date_start, date_end), _, time)| {
                date_end == barrier_end
                    && date_start >= sentence_begin
                    && !(time && last_break.is_some_and(|b| b >= date_end))
            })
            .map(|((date_start, _), before, _)| (date_start, before.max(sentence_begin)));
        // `改造210公里农村公路和120万平方米村内道路`: the next item of a list of amounts with
        // their objects measures its own object too.
        let after_object = sentence.last().is_some_and(|before: &Found| {
            before.object
                && before.own.is_some_and(|(_, object_end)| {
                    object_end + 1 == start && joins_items(chars[object_end])
                })
        });
        let found = match object_measured(chars, dimension, (start, end), next_start, after_object)
        {
            Some(object) => Found {
                own: Some(object),
                object: true,
                ..Found::nothing(dimension)
            },
            None => find(
                chars,
                dimension,
                (start, end),
                clause_floor,
                next_start,
                hop,
                last_break,
            ),
        };
        // A count in a list of modifiers of one noun counts that noun, and so does every count
        // of the list after it (`6个世界级、7个国家级先进制造业集群`).
        let mut found = found;
        if let Some((_, noun)) = listed_noun.filter(|&(last, _)| start <= last) {
            found = Found {
                own: Some(noun),
                ..Found::nothing(dimension)
            };
        } else if dimension == Dimension::Count && !found.object {
            // Only a noun followed by `、` or `的` may be the first of a list of modifiers.
            let head = found
                .own
                .filter(|&(_, e)| matches!(chars.get(e), Some('、' | '的')))
                .and_then(|own| {
                    modifier_list_noun(chars, own, &records[index + 1..], &spans[index + 1..])
                });
            if let Some((noun, last)) = head {
                found.own = Some(noun);
                listed_noun = Some((last.unwrap_or(start), noun));
            }
        }
        // A quantity right after the subject of the one before and named by it together
        // with the threshold that quantity is (`公交与轨道50米内换乘比例达到80%`,
        // `亿元以上项目860个`): the name runs over the threshold.
        if let Some(name) = sentence.last().and_then(|before: &Found| {
            let own = found.own?;
            let before_span = spans[before.index];
            (own.0 == before_span.1)
                .then(|| threshold_name(chars, before_span, before.own, own))
                .flatten()
        }) {
            found.own = Some(name);
        }
        // `九年义务教育巩固率`, `三年行动`: a span of time that names the length of what
        // follows is part of a name, and bounds no clause.
        let in_name = measures_time(dimension)
            && found.own.is_none()
            && words::span_named_noun_at(chars, end);
        if in_name {
            found.carries = false;
            sentence.push(Found { index, ..found });
            continue;
        }
        // A span of time with no subject of its own right after a noun stands between that
        // noun and what follows, like a date (`高新技术企业5年增加2万多家`); one that opens its
        // clause is passed over by the quantity after it, which takes the subject of the one
        // before (`财政收入达到1350亿元，3年增长58.6%`).
        if measures_time(dimension) && found.own.is_none() {
            let clause_start = last_break
                .filter(|&i| i >= clause_floor)
                .map_or(clause_floor, |i| i + 1);
            // An adverb of the span may stand before it (`粮食产量连续13年稳定在…`).
            let noun_end = start - words::span_adverb_before(chars, start);
            // Only a character that may end a linking word or a plan's period asks for more.
            let linked = |c: char| words::may_end_link(c) || words::may_end_plan_period(c);
            if noun_end > clause_start
                && is_han(chars[noun_end - 1])
                && (!linked(chars[noun_end - 1])
                    || strip_links(chars, clause_start, noun_end).0 == noun_end)
            {
                last_date = Some(((start, end), barrier_end, true));
            }
            found.time_alone = Some((clause_start, start));
        }
        // `較113年度預算數9,025萬元`: a comparison with a dated base, whose noun is only a budget
        // placeholder, names the base of the quantity before: it takes that one's subject.
        if found.own.is_some_and(|own| {
            last_bound.1 == barrier_end
                && last_bound.0 >= sentence_begin
                && own.0 >= last_bound.1
                && last_break.is_none_or(|b| b < last_bound.0)
                && dated_base(chars, last_bound.0, own)
        }) {
            found.own = None;
        }
        sentence.push(Found { index, ..found });
        barrier_end = barrier_end.max(end);
        searched_to = Some(end);
    }
    settle(view, records, &mut sentence, &mut buffer);
}

/// The last clause break in `chars[from..to]`, and the last sentence end there: one look
/// back finds the break, and, where that is no sentence end, the sentence end before it
/// (every sentence end is a clause break).
// Apart from the search around it, the two scans keep their registers: they pass every
// character between two quantities.
#[inline(never)]
fn last_breaks(chars: &[char], from: usize, to: usize) -> (Option<usize>, Option<usize>) {
    let searched = chars.get(from..to).unwrap_or_default();
    let Some(last) = last_where(searched, words::is_clause_break) else {
        return (None, None);
    };
    let end = if words::is_sentence_end(searched[last]) {
        Some(last)
    } else {
        last_where(&searched[..last], words::is_sentence_end)
    };
    (Some(from + last), end.map(|k| from + k))
}

/// The position of the last character of `chars` that is a break of the kind `is` tells.
// The characters no break can be, most of a text, are passed in a loop of their own with one
// comparison each: asked in one expression with `is`, the two tests are fused into one that
// is slower for them.
#[inline]
fn last_where(chars: &[char], is: fn(char) -> bool) -> Option<usize> {
    let mut i = chars.len();
    loop {
        while i > 0 && !words::may_break(chars[i - 1]) {
            i -= 1;
        }
        i = i.checked_sub(1)?;
        if is(chars[i]) {
            return Some(i);
        }
    }
}

/// The subject of the quantity at view positions `start..end` of `dimension`, from what lies
/// between `floor` (the sentence start or the end of the record before) and `next` (the
/// start of the record after); `last_break` is the last clause break before the quantity,
/// where one lies after `floor`.
fn find(
    chars: &[char],
    dimension: Dimension,
    (start, end): Span,
    floor: usize,
    next: usize,
    hop: Option<(usize, usize)>,
    last_break: Option<usize>,
) -> Found {
    let mut found = Found::nothing(dimension);
    // A number in quotation marks is a slogan's (`“四个”农业`): it measures nothing.
    if start > 0 && is_opening_quote(chars[start - 1]) {
        found.carries = false;
        return found;
    }
    if dimension == Dimension::Count {
        if let Some(noun) = noun_after(chars, end, next) {
            found.own = Some(noun);
            return found;
        }
    }
    // A measure verb right before it is the measure, with its actor (`集团增持3%股份`).
    if dimension == Dimension::Percent && !words::measure_before(chars, start) {
        if let Some(rate) = rate_noun_after(chars, end, next) {
            found.own = Some(rate);
            return found;
        }
    }
    let clause_floor = floor.max(start.saturating_sub(MAX_CLAUSE_LOOKBACK));
    let mut clause_start = last_break
        .filter(|&i| i >= clause_floor)
        .map_or(clause_floor, |i| i + 1);
    let (mut span, mut respectively) = subject_before(chars, clause_start, start);
    // `新增高速（一级）公路2600公里`: a short note in brackets inside a name ends no clause,
    // unless the name read over it is too long to be a subject.
    if let Some(open) = bracketed_note_before(chars, clause_floor, clause_start, start) {
        let over = clause_start_before(chars, clause_floor, open);
        let (named, also) = subject_before(chars, over, start);
        if named.0 < named.1 && named.1 - named.0 <= MAX_SUBJECT_CHARS {
            (span, respectively, clause_start) = (named, also, over);
        }
    }
    // Where a list before the subject is looked for: before the clause the subject is in.
    let (mut list_start, mut list_floor) = (clause_start, floor);
    if let Some((date_start, before)) = hop.filter(|_| span.0 >= span.1) {
        let floor = before.max(date_start.saturating_sub(MAX_CLAUSE_LOOKBACK));
        // `人均地区生产总值比2020年翻一番`: the date is the base of a comparison, and the word
        // that opens the comparison is no part of the subject.
        // A linking word longer than it (`同比`) is passed over whole by the search itself.
        let opener = words::comparison_before(chars, date_start).filter(|&n| {
            words::linking_before(chars, date_start).is_none_or(|(_, link)| link <= n)
        });
        let end = date_start - opener.unwrap_or(0);
        let start = clause_start_before(chars, floor, end);
        let (earlier, also) = subject_before(chars, start, end);
        if earlier.0 < earlier.1 {
            (span, respectively) = (earlier, respectively || also);
            (list_start, list_floor) = (start, floor);
        }
    }
    found.respectively = respectively;
    found.own = Some(span).filter(|&(s, e)| s < e && e - s <= MAX_SUBJECT_CHARS);
    found.part_less = found.own.is_some_and(|(s, _)| chars[s] == '占');
    // A clause that names something too long to be a subject: nothing, and nothing carried.
    if found.own.is_none() && span.0 < span.1 {
        found.carries = false;
    }
    if measures_time(dimension) {
        // A span of time or an age measures a time noun or nothing (`俟…於1個月內`, `過去五年`).
        found.own = found
            .own
            .filter(|&(_, e)| words::duration_noun_before(chars, e));
    }
    // `改造老旧小区、抗震宜居农房等23万多户`: a list closed by `等` is what the quantity
    // measures, whole; so is a list of names that open their clauses with nothing after them
    // but the last one's amount (`海洋电力、海洋旅游增速保持在10%以上`).
    if let Some(own) = found.own.filter(|&(s, e)| {
        !respectively
            && (chars.get(e) == Some(&'等')
                || (clause_start > floor
                    && chars[clause_start - 1] == '、'
                    && (s == clause_start
                        || (s == clause_start + 1 && is_opening_quote(chars[clause_start])))))
    }) {
        let closed = chars.get(own.1) == Some(&'等');
        // Without `等`, only a list of short names that opens a clause of its own (not one
        // right after an amount: `1个国家级优势特色产业集群、新入规加工企业20家`).
        let mut listed = if closed || list_opens_clause(chars, clause_start, floor) {
            listed_before(chars, clause_start, floor, own)
        } else {
            Vec::new()
        };
        if !closed {
            // Short, and with no count or rank: `花卉产量全球第一、优质鲜切花占比`,
            // `益阳电厂三期建成投产、总装机` list no names.
            let names = listed[..listed.len().saturating_sub(1)]
                .iter()
                .all(|&(s, e)| e - s <= MAX_LISTED_NAME_CHARS && !counts_or_ranks(chars, s, e));
            if !names {
                listed.clear();
            }
            // `“村歌”、“村晚”等…`: the first name keeps its opening quotation mark.
            if let Some(first) = listed.first_mut() {
                if first.0 > 0 && is_opening_quote(chars[first.0 - 1]) {
                    first.0 -= 1;
                }
            }
        }
        // An item that opens with a verb or a function word (`支持巩义、永城、林州等`) is no
        // plain name: the list is left as it was.
        if let Some(&(first, _)) = listed.first().filter(|_| {
            listed
                .iter()
                .all(|&(start, _)| !words::verb_or_function_word_at(chars, start))
        }) {
            // A list opened by a quotation mark keeps the one that closes its last name.
            let end = own.1
                + usize::from(
                    is_opening_quote(chars[first])
                        && chars.get(own.1).copied().is_some_and(is_closing_quote),
                );
            if end - first <= MAX_SUBJECT_CHARS {
                found.own = Some((first, end));
            }
        }
    }
    if let Some(own) = found.own.filter(|_| respectively) {
        found.listed = listed_before(chars, list_start, list_floor, own);
        if found.listed.is_empty() {
            found.listed = joined(chars, own);
            // `城镇和农村居民人均可支配收入`: a short name before the joiner qualifies the head
            // of the last part and names nothing alone; it takes the whole.
            if let Some((&(last_start, last_end), before)) = found.listed.split_last() {
                let qualifying = before
                    .iter()
                    .all(|&(s, e)| e - s <= 2 && last_end - last_start >= e - s + 2);
                if qualifying {
                    let n = before.len();
                    found.listed[..n].fill(own);
                }
            }
        }
    }
    found
}

/// Whether `own`, named after a year or date at `chars[date_start]`, is only a budget
/// placeholder (`預算數`) in a clause opened by a comparison with that date (`較113年度預算數`):
/// the clause names the base of the quantity before.
fn dated_base(chars: &[char], date_start: usize, own: Span) -> bool {
    if strip_placeholders(chars, own.0, own.1) != own.0 {
        return false;
    }
    let Some(n) = words::comparison_before(chars, date_start) else {
        return false;
    };
    let opens = date_start - n;
    opens == 0 || words::is_clause_break(chars[opens - 1])
}

/// The object an amount of `dimension` at `start..end` measures, where it stands between a
/// verb and that object (`建设8万亩高标准农田`, `安排1.2亿元专项资金`), or, with
/// `after_object`, follows such an amount and its object in a list: the noun after it, up to
/// the next record at `next`. Not a word that goes on with the clause (`安排3000万元用于…`).
fn object_measured(
    chars: &[char],
    dimension: Dimension,
    (start, end): Span,
    next: usize,
    after_object: bool,
) -> Option<Span> {
    let measures_an_object = matches!(
        dimension,
        Dimension::Money
            | Dimension::Area
            | Dimension::Length
            | Dimension::Mass
            | Dimension::Power
            | Dimension::Energy
            | Dimension::Volume
    );
    if !measures_an_object || !(after_object || words::amount_first_verb_before(chars, start)) {
        return None;
    }
    let noun = noun_after(chars, end, next)?;
    let adjacent = noun.0 == end || (noun.0 == end + 1 && chars[end] == '的');
    // `30万千瓦级煤电机组`: the amount is the class of the noun, not a measure of it; and
    // `編列10億元預算` names nothing but a budget line's placeholder.
    let names_object = chars[noun.0] != '级'
        && !words::verb_or_function_word_at(chars, noun.0)
        && strip_placeholders(chars, noun.0, noun.1) > noun.0;
    (adjacent && names_object).then_some(noun)
}

/// The subject of a quantity whose own subject `own` starts right where the quantity before
/// it, at `before`, ends, when that quantity is a threshold of the name (`亿元以上项目`,
/// `50米内换乘比例`): the name from the subject of the quantity before, where it is named
/// right before it and not as the object of a verb (`公交与轨道50米内换乘比例`), else from the
/// threshold itself (`引进落地亿元以上项目` → 亿元以上项目).
#[inline(never)]
fn threshold_name(
    chars: &[char],
    (before_start, before_end): Span,
    before_own: Option<Span>,
    own: Span,
) -> Option<Span> {
    if own.0 != before_end || !(bound_before(chars, before_end) || bound_at(chars, before_end)) {
        return None;
    }
    let start = before_own
        .filter(|&(s, e)| e == before_start && words::action_before(chars, s).is_none())
        .map_or(before_start, |(s, _)| s);
    (own.1 - start <= MAX_SUBJECT_CHARS).then_some((start, own.1))
}

/// Whether a bound of a threshold ends just before `chars[end]`: `以上`, `以下`, `以内`, `之内`,
/// `内`.
fn bound_before(chars: &[char], end: usize) -> bool {
    match chars.get(end.wrapping_sub(2)..end) {
        Some([a, b]) => *b == '内' || (*a == '以' && matches!(b, '上' | '下')),
        _ => false,
    }
}

/// Whether a bound of a threshold starts at `chars[at]`: `内`, `以内`, `之内`, `以上`, `以下`.
fn bound_at(chars: &[char], at: usize) -> bool {
    match chars.get(at..) {
        Some(['内', ..]) => true,
        Some([a, b, ..]) => matches!((a, b), ('以' | '之', '内') | ('以', '上' | '下')),
        _ => false,
    }
}

/// The most items of a list of modifiers read after a count.
const MAX_MODIFIERS: usize = 6;

/// The noun a list of modifiers qualifies, when `first`, the noun found after a count, is
/// the first of them: a level (`世界级`) or a quality (`吸引力强`) followed by `、` or `的`.
/// The list goes on with `、`, each item after a count of its own or not, and ends with `的`
/// and the noun (`40个吸引力强、带动面广的消费场景`) or with a level and the noun
/// (`6个世界级、7个国家级先进制造业集群`): the noun, and the start of the last count of the
/// list, from `records` and `spans`, the records after the count.
#[inline(never)]
fn modifier_list_noun(
    chars: &[char],
    (start, end): Span,
    records: &[Record],
    spans: &[Span],
) -> Option<(Span, Option<usize>)> {
    if !matches!(chars.get(end), Some('、' | '的')) || !ends_modifier(chars, start, end) {
        return None;
    }
    // Numbers inside a modifier (`千亿级`) bound nothing: only quantities and dates do.
    let mut bounding = records
        .iter()
        .zip(spans)
        .filter(|(r, _)| matches!(r, Record::Quantity(_) | Record::Date(_)))
        .peekable();
    let mut last_count = None;
    let mut at = end;
    for _ in 0..MAX_MODIFIERS {
        while bounding.next_if(|&(_, &(s, _))| s <= at).is_some() {}
        let limit = bounding.peek().map_or(chars.len(), |&(_, &(s, _))| s);
        if chars[at] == '的' {
            return noun_after(chars, at + 1, limit).map(|noun| (noun, last_count));
        }
        at += 1;
        if let Some((record, &(count_start, count_end))) = bounding.next_if(|&(_, &(s, _))| s == at)
        {
            if !matches!(record, Record::Quantity(q) if q.dimension == Dimension::Count) {
                return None;
            }
            last_count = Some(count_start);
            at = count_end;
        }
        let bound = bounding.peek().map_or(chars.len(), |&(_, &(s, _))| s);
        let limit = bound.min(chars.len()).min(at + MAX_NOUN_CHARS);
        let run = chars[at..limit]
            .iter()
            .take_while(|&&c| c != '的' && is_han(c))
            .count();
        let item_end = at + run;
        if run > 0
            && item_end < limit
            && matches!(chars[item_end], '、' | '的')
            && ends_modifier(chars, at, item_end)
        {
            at = item_end;
            continue;
        }
        // The last item: a level and the noun (`国家级先进制造业集群`), or a level and more
        // words before `的` and the noun (`11个百亿级投资规模的现代煤化工项目`).
        let level = chars[at..item_end].iter().position(|&c| c == '级')?;
        let noun_start = if chars.get(item_end) == Some(&'的') {
            item_end + 1
        } else {
            at + level + 1
        };
        return noun_after(chars, noun_start, bound).map(|noun| (noun, last_count));
    }
    None
}

/// Whether `chars[start..end]` ends as a modifier does: with a level (`世界级`) or a quality
/// (`吸引力强`, `特色鲜明`).
fn ends_modifier(chars: &[char], start: usize, end: usize) -> bool {
    end > start && (chars[end - 1] == '级' || words::quality_before(chars, end))
}

/// Whether a quantity of `dimension` is a span of time or an age, which measure a time noun
/// (`期限`, `寿命`) or nothing.
fn measures_time(dimension: Dimension) -> bool {
    matches!(dimension, Dimension::Duration | Dimension::Age)
}

/// Where the clause that ends at `end` starts: after the last clause break from `floor` on.
fn clause_start_before(chars: &[char], floor: usize, end: usize) -> usize {
    (floor..end)
        .rev()
        .find(|&i| words::is_clause_break(chars[i]))
        .map_or(floor, |i| i + 1)
}

/// The subjects listed with `、` before the clause at `clause_start`, whose own subject is
/// `own`: all of them in order, `own` last, or nothing when no list stands there.
fn listed_before(chars: &[char], mut clause_start: usize, floor: usize, own: Span) -> Vec<Span> {
    let mut listed = Vec::new();
    let floor = floor.max(clause_start.saturating_sub(2 * MAX_CLAUSE_LOOKBACK));
    while clause_start > floor && chars[clause_start - 1] == '、' {
        let item_end = clause_start - 1;
        clause_start = clause_start_before(chars, floor, item_end);
        match subject_before(chars, clause_start, item_end) {
            (item, false) if item.0 < item.1 && item.1 - item.0 <= MAX_SUBJECT_CHARS => {
                listed.push(item);
            }
            // `确保肉、奶产量分别稳定在…`: an item of a list may be one character, which
            // shares the name of the last (肉产量); not a numeral (`一、二、三产业`).
            (item, false) if item.0 == item.1 => match trim_to(chars, clause_start, item_end, 1) {
                Some(one) if one.1 - one.0 == 1 && numeral_char(chars[one.0]).is_none() => {
                    listed.push(one);
                }
                _ => return Vec::new(),
            },
            _ => return Vec::new(),
        }
    }
    if listed.is_empty() {
        return listed;
    }
    listed.reverse();
    listed.push(own);
    listed
}

/// The parts of `span` joined by `和`, `与` or `及` (`入园率和普惠率分别达96%和94%`), when
/// there are two or more.
fn joined(chars: &[char], (start, end): Span) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut from = start;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        if matches!(c, '和' | '与' | '及') {
            parts.push((from, i));
            from = i + 1;
        }
    }
    parts.push((from, end));
    let parts: Vec<Span> = parts
        .into_iter()
        .filter_map(|(s, e)| trim(chars, s, e))
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    parts
}

/// `listed` with each item that joins names with `和`, `与` or `及` given once for each of them,
/// when that makes exactly `run` subjects: `…、高中阶段和高等教育毛入学率分别达到…、98.5%、60.2%`
/// names two values with one item, and both take it whole.
fn spread_joined(chars: &[char], listed: &[Span], run: usize) -> Option<Vec<Span>> {
    if listed.is_empty() || listed.len() >= run {
        return None;
    }
    let names: Vec<usize> = listed
        .iter()
        .map(|&item| joined(chars, item).len().max(1))
        .collect();
    (names.iter().sum::<usize>() == run).then(|| {
        listed
            .iter()
            .zip(names)
            .flat_map(|(&item, n)| std::iter::repeat_n(item, n))
            .collect()
    })
}

/// Whether a record that starts at view position `start` ends the clause a subject may come
/// from: every record but a number that is part of a name (`八大产业`, `第三产业`) or the
/// denominator of a rate (`每万人口高价值发明专利拥有量`).
fn bounds_clause(record: &Record, chars: &[char], start: usize) -> bool {
    match record {
        Record::Number(number) => {
            let per = start > 0 && chars[start - 1] == '每';
            !(number.ordinal || per || number.text.ends_with('大'))
        }
        Record::Title(_) => false,
        _ => true,
    }
}

/// Writes the subjects of the quantities of one sentence: each its own, or the one before it
/// in the sentence, or, in a list after `分别`, the one at the same place in the list before.
///
/// `buffer` gathers the text of a subject with annotations inside.
fn settle(
    view: &TextView<'_>,
    records: &mut [Record],
    sentence: &mut Vec<Found>,
    buffer: &mut String,
) {
    let mut i = 0;
    while i < sentence.len() {
        let found = &sentence[i];
        // A list after `分别` takes, in order, the subjects listed before it.
        if found.respectively {
            let run = 1 + sentence[i + 1..]
                .iter()
                .take_while(|f| f.own.is_none() && !f.respectively)
                .count();
            let sources: Vec<Span> = if found.listed.len() == run {
                found.listed.clone()
            } else if let Some(spread) = spread_joined(view.chars(), &found.listed, run) {
                spread
            } else if found.own.is_none() {
                let mut before: Vec<Span> = sentence[..i]
                    .iter()
                    .rev()
                    .filter_map(|f| f.own)
                    .take(run)
                    .collect();
                before.reverse();
                before
            } else {
                Vec::new()
            };
            if sources.len() == run {
                for (f, span) in sentence[i..i + run].iter_mut().zip(sources) {
                    f.subject = Some(span);
                }
                i += run;
                continue;
            }
        }
        // Spans of time with no subject of their own that open their clause are passed over.
        let carried = || {
            sentence[..i]
                .iter()
                .rev()
                .find(|f| {
                    f.time_alone.is_none_or(|(clause_start, start)| {
                        // `相較於110年增加35萬處`: a base of a comparison opens it too.
                        let chars = view.chars();
                        strip_links(chars, clause_start, start).0 != clause_start
                            && !(words::comparison_at(chars, clause_start)
                                && words::comparison_before(chars, start)
                                    == Some(start - clause_start))
                    })
                })
                .and_then(|f| f.subject)
        };
        let subject = match found.own {
            Some(own) if found.part_less => carried().or(Some(own)),
            Some(own) => Some(own),
            None if found.carries => carried(),
            None => None,
        };
        sentence[i].subject = subject;
        i += 1;
    }
    // A subject carried over is the one written before: its text is made once, kept by the
    // first quantity that names it and copied from there.
    let mut last: Option<(Span, usize, (usize, usize))> = None;
    for found in sentence.iter() {
        let Some(span) = found.subject else { continue };
        if !matches!(records[found.index], Record::Quantity(_)) {
            continue;
        }
        let (text, (start, end)) = match last {
            Some((s, first, bytes)) if s == span => match &records[first] {
                Record::Quantity(q) => (q.subject.clone(), bytes),
                _ => (None, bytes),
            },
            _ => {
                let (text, bytes) = subject_text(view, span, buffer);
                last = Some((span, found.index, bytes));
                (Some(text), bytes)
            }
        };
        if let Record::Quantity(quantity) = &mut records[found.index] {
            quantity.subject = text;
            quantity.subject_start = Some(start);
            quantity.subject_end = Some(end);
        }
    }
    sentence.clear();
}

/// The text of the subject at view positions `span` and the source bytes it covers: the
/// source itself where no annotation lies inside, else the characters written with the
/// annotations between them left out, gathered in `buffer`.
fn subject_text(
    view: &TextView<'_>,
    (first, last): Span,
    buffer: &mut String,
) -> (CompactString, (usize, usize)) {
    let source = view.source();
    let start = view.byte_start(first);
    // A text with no annotation anywhere maps each view character to the bytes of its step.
    if !view.annotated() {
        let end = start + (first..last).map(|i| view.step(i)).sum::<usize>();
        return (CompactString::from(&source[start..end]), (start, end));
    }
    if first >= last {
        return (CompactString::default(), (start, start));
    }
    // A step holds a character and the annotation after it. An annotation takes three bytes
    // at least, so a step of three or fewer is the character alone, and the run of source
    // characters goes on; after a longer one the run is cut at the character's own end where
    // an annotation follows it. The last character ends the subject, its annotation left out.
    buffer.clear();
    let mut run_start = start;
    let mut byte = start;
    for i in first..last - 1 {
        let step = view.step(i);
        if step > 3 {
            let end = byte + char_width(source, byte);
            if end < byte + step {
                buffer.push_str(&source[run_start..end]);
                run_start = byte + step;
            }
        }
        byte += step;
    }
    let end = byte + char_width(source, byte);
    let text = if buffer.is_empty() {
        CompactString::from(&source[run_start..end])
    } else {
        buffer.push_str(&source[run_start..end]);
        CompactString::from(buffer.as_str())
    };
    (text, (start, end))
}

/// The length in bytes of the character of `source` that starts at byte `at`, read from its
/// lead byte; 0 at the end.
fn char_width(source: &str, at: usize) -> usize {
    source
        .as_bytes()
        .get(at)
        .map_or(0, |&lead| utf8_width(lead))
}

/// The noun a count is followed by (`77家企业`), up to the next record at `limit`.
fn noun_after(chars: &[char], mut start: usize, limit: usize) -> Option<Span> {
    // `11个左右的县`: the noun may follow 的.
    if chars.get(start) == Some(&'的') && start + 1 < limit {
        start += 1;
    }
    // `1,012至1,620件之間`, `三者之一`: 之 after a count opens a frame around it, never the
    // noun counted (trimmed of 之, `之间` would give 间).
    if chars.get(start) == Some(&'之') {
        return None;
    }
    let limit = limit.min(chars.len()).min(start + MAX_NOUN_CHARS + 1);
    let mut end = start;
    while end < limit {
        let c = chars[end];
        // A clause break or a space is neither Han nor a letter, digit or quotation mark.
        if !may_be_in_noun(c) {
            break;
        }
        if let Some(n) = words::may_stop_noun(c)
            .then(|| stop_length(chars, end, end > start))
            .flatten()
        {
            // `3个大型产业集聚区`: a stop with a noun's last character after it, where the noun
            // ends, is that noun's ending (`集聚区`, not `实现区内`).
            let last = end + n;
            // `5000个普通高中招生计划。`: a stop that is a noun too, with nothing of a noun
            // after it, is the noun's last word.
            if end > start
                && last <= limit
                && chars.get(last).is_none_or(|&c| !may_be_in_noun(c))
                && words::is_stop_noun(chars, end, n)
            {
                end = last;
                break;
            }
            if end > start && last < limit && words::is_noun_suffix(chars[last]) {
                let after = last + 1;
                if after >= limit
                    || !may_be_in_noun(chars[after])
                    || stop_length(chars, after, true).is_some()
                {
                    end = after;
                }
            }
            break;
        }
        end += 1;
    }
    if end - start > MAX_NOUN_CHARS {
        return None;
    }
    trim_to(chars, start, end, 1)
}

/// The noun a percentage ending at `end` is the rate of, written right after it or after
/// `的` (`享受15%所得税优惠`, `按15%的税率征收`), up to the next record at `limit`: the run of
/// Han characters up to the end of the first of the [`RATE_HEADS`] with two or more before it
/// or in it, and the heads that follow that one (`所得税` + `优惠`).
///
/// [`RATE_HEADS`]: crate::lexicon::subjects::RATE_HEADS
fn rate_noun_after(chars: &[char], end: usize, limit: usize) -> Option<Span> {
    let start = end + usize::from(chars.get(end) == Some(&'的'));
    let limit = limit.min(chars.len()).min(start + MAX_NOUN_CHARS);
    let run = chars
        .get(start..limit)?
        .iter()
        .take_while(|&&c| is_han(c))
        .count();
    // The first head; most characters end none, and are passed with one load (see
    // `rate_head_before`).
    let mut i = (start + 2..=start + run).find(|&i| words::rate_head_before(chars, i))?;
    // A noun stop before it ends the noun first (`5%以上企业实现税…`).
    if (start..i).any(|k| stop_length(chars, k, false).is_some()) {
        return None;
    }
    while let Some(n) = words::rate_head_at(chars, i).filter(|&n| i + n <= limit) {
        i += n;
    }
    Some((start, i))
}

/// The characters of the Basic Multilingual Plane a counted noun may hold: Han characters,
/// ASCII letters and digits, quotation marks.
static NOUN_CHARS: CharSet = CharSet::new(
    &[
        "“”「」『』‘’\"",
        "0123456789",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "abcdefghijklmnopqrstuvwxyz",
    ],
    &[
        ('\u{3007}', '\u{3007}'),
        ('\u{3400}', '\u{4DBF}'),
        ('\u{4E00}', '\u{9FFF}'),
        ('\u{F900}', '\u{FAFF}'),
    ],
);

/// Whether a counted noun may hold `c`: a Han character, an ASCII letter or digit, a
/// quotation mark. One load answers for the plane the set covers; only a character it does
/// not hold is asked whether it is a Han character beyond.
fn may_be_in_noun(c: char) -> bool {
    NOUN_CHARS.contains(c) || (c > '\u{FFFF}' && is_han(c))
}

/// Whether what follows a verb of action at `chars[at]` is its object: not a noun the verb
/// is part of (`开工率`, `改造项目`), and not the rest of a list the verb ends
/// (`农村危房改造和抗震加固`).
fn verb_has_object(chars: &[char], at: usize) -> bool {
    !matches!(chars[at], '和' | '与' | '及' | '、') && !words::makes_noun_at(chars, at)
}

/// The length of a word at `chars[at]` that ends the counted noun before it: a noun stop,
/// or, with `verb_too`, a verb of action (`20个重点区域环境整治`), unless the verb names a kind
/// of the noun (`32个城中村改造项目`).
fn stop_length(chars: &[char], at: usize, verb_too: bool) -> Option<usize> {
    // Only where a verb of action stops nothing does the noun start.
    let (stop, verb) = words::noun_stop_or_verb_at(chars, at, !verb_too);
    stop.or_else(|| {
        verb.filter(|&n| {
            verb_too && !words::makes_noun_at(chars, at + verbs_in_a_row(chars, at, n))
        })
    })
}

/// The length of the verbs that start at `chars[at]` with a verb of action `n` characters
/// long: verbs in a row, or joined by `和`, `及` or `、`, are one (`修复治理退化草原`,
/// `新建和改造提升高标准农田`), unless the next makes a noun (`累计实现数`).
fn verbs_in_a_row(chars: &[char], at: usize, mut n: usize) -> usize {
    loop {
        let joiner = usize::from(chars.get(at + n).is_some_and(|&c| joins_items(c)));
        let Some(more) = words::verb_going_on_at(chars, at + n + joiner) else {
            return n;
        };
        if words::makes_noun_at(chars, at + n + joiner + more) {
            return n;
        }
        n += joiner + more;
    }
}

/// What one pass over a clause found: where its subject starts (after the last verb of action
/// with words after it), where that verb starts, and the last `占` that links a part to its
/// whole, when it was looked for.
struct VerbSearch {
    start: usize,
    verb_start: Option<usize>,
    part_of: Option<usize>,
    /// The last `于`, with which a comparison with its base ends (`高于全国`).
    last_yu: Option<usize>,
}

/// Reads `chars[clause_start..end]` for the last verb of action that has words after it, and,
/// with `find_part_of`, for the last `占` not followed by `地`, `用` or `有`.
fn verb_search(chars: &[char], clause_start: usize, end: usize, find_part_of: bool) -> VerbSearch {
    // `等` closing a list (`妇女“两癌”筛查等`) is no word a verb may have after it.
    let words_end = if chars[end - 1] == '等' {
        end - 1
    } else {
        end
    };
    let mut found = VerbSearch {
        start: clause_start,
        verb_start: None,
        part_of: None,
        last_yu: None,
    };
    // Where the budget placeholders that end the clause begin (`污染整治预算`): a verb right
    // before them may be part of a line's name. Looked for only where one may end the clause.
    let placeholders = if words::may_end_placeholder(chars[words_end - 1]) {
        strip_placeholders(chars, clause_start, words_end)
    } else {
        words_end
    };
    // A verb inside quotation marks is part of a name (`「古蹟修復計畫」`).
    let mut quoted = false;
    let mut i = clause_start;
    // The characters read, cut once so that no read of one needs a check of its own.
    let read = &chars[..words_end];
    loop {
        // Most characters start no verb and are no mark: passed in a loop of their own.
        while i < read.len() && !words::stops_verb_search(read[i]) {
            i += 1;
        }
        let Some(&c) = read.get(i) else {
            return found;
        };
        if is_quote(c) {
            quoted = if c == '"' {
                !quoted
            } else {
                is_opening_quote(c)
            };
            i += 1;
            continue;
        }
        // No verb starts with `于`.
        if c == '于' {
            found.last_yu = Some(i);
            i += 1;
            continue;
        }
        // No verb holds `占`, and `等` is no `占`: the part of the clause the verb search passes
        // over holds every `占` of `chars[clause_start..end]`.
        if c == '占' {
            if find_part_of && !matches!(chars.get(i + 1), Some('地' | '用' | '有')) {
                found.part_of = Some(i);
            }
            i += 1;
            continue;
        }
        if quoted {
            i += 1;
            continue;
        }
        match words::action_or_name_at(chars, i) {
            // An indicator name holds a verb that starts nothing.
            Some((n, true)) => i += n,
            Some((n, false)) => {
                let n = verbs_in_a_row(chars, i, n);
                if i + n < words_end
                    && verb_has_object(chars, i + n)
                    && !(i + n == placeholders && names_a_line(chars, i + n))
                {
                    found.verb_start = Some(i);
                    // `灌区改造后每年节约用水`: a verb with `后` says when, and the subject
                    // follows.
                    found.start = i + n + usize::from(chars[i + n] == '后');
                }
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Whether the verb of action that ends at `chars[at]`, where only budget placeholders
/// follow, is part of the name of a budget line (`污染整治预算`, `新闻发布预算`): where it
/// neither links (`编列预算`) nor is the measure itself (`减列预算`).
fn names_a_line(chars: &[char], at: usize) -> bool {
    words::linking_before(chars, at).is_none() && !words::measure_before(chars, at)
}

/// Whether `c` joins the items of a list of verbs, or of amounts with their objects:
/// `新建和改造提升`, `210公里农村公路和120万平方米村内道路`.
fn joins_items(c: char) -> bool {
    matches!(c, '和' | '及' | '、')
}

/// Whether `chars[start..end]` holds a digit, or a numeral after `第` or before `期`, `线` or
/// `个` (`全球第一`, `三期`, `二线`): a count or a rank, which a plain name does not hold
/// (`三一重工`, `新一代`, `零售` do).
fn counts_or_ranks(chars: &[char], start: usize, end: usize) -> bool {
    (start..end).any(|i| {
        let c = chars[i];
        c.is_ascii_digit()
            || (numeral_char(c).is_some()
                && ((i > start && chars[i - 1] == '第')
                    || chars
                        .get(i + 1)
                        .is_some_and(|n| matches!(n, '期' | '线' | '个'))))
    })
}

/// The longest note in brackets inside a name (`（一级）`, `（市、区）`, `（二階段）`).
const MAX_NOTE_CHARS: usize = 6;

/// Where the note in brackets that ends just before the clause at `clause_start` opens,
/// when it stands inside a name: two to [`MAX_NOTE_CHARS`] Han characters or `、`, after a
/// Han character and before one or a closing corner bracket, the clause going on to the
/// quantity at `quantity` (`高速（一级）公路`, `县（市、区）`, `「…載具（二階段）」`). A note of
/// one character is mostly another word for the one before it (`新（改）建`, `万套（间）`).
fn bracketed_note_before(
    chars: &[char],
    floor: usize,
    clause_start: usize,
    quantity: usize,
) -> Option<usize> {
    let close = clause_start.checked_sub(1)?;
    if close <= floor
        || clause_start >= quantity
        || !matches!(chars[close], '）' | ')')
        || !(is_han(chars[clause_start]) || matches!(chars[clause_start], '」' | '』'))
    {
        return None;
    }
    let lowest = close.saturating_sub(MAX_NOTE_CHARS + 1).max(floor);
    let open = (lowest..close)
        .rev()
        .find(|&i| !(is_han(chars[i]) || chars[i] == '、'))?;
    let inside = close - open - 1;
    (matches!(chars[open], '（' | '(') && inside >= 2 && open > floor && is_han(chars[open - 1]))
        .then_some(open)
}

/// Whether the items joined by `、` before the clause at `clause_start` open a clause of
/// their own, after a break other than `、`, each short enough to be a name, with a verb
/// before the first: not right after the record that ends at `floor`.
fn list_opens_clause(chars: &[char], clause_start: usize, floor: usize) -> bool {
    let mut item = 0;
    for k in (floor..clause_start - 1).rev() {
        match chars[k] {
            '、' => item = 0,
            c if words::is_clause_break(c) => return true,
            _ => {
                item += 1;
                if item > 2 * MAX_LISTED_NAME_CHARS {
                    return false;
                }
            }
        }
    }
    floor == 0 || words::is_clause_break(chars[floor - 1])
}

/// The longest item of a list of names that share one amount without `等`
/// (`游客人次、旅游花费均增长10%以上`).
const MAX_LISTED_NAME_CHARS: usize = 10;

/// The longest base of a comparison read back from a subject's end.
const MAX_BASE_CHARS: usize = 10;

/// Where a comparison with its base ends `chars[clause_start..end]` (`增幅高于全国`, `时薪低于
/// 男性`): the start of the comparison, when a name stands before it.
/// `at` is the last `于` of the clause, with which every comparison ends.
fn compared_base_start(
    chars: &[char],
    clause_start: usize,
    end: usize,
    at: usize,
) -> Option<usize> {
    if at + MAX_BASE_CHARS < end || at <= clause_start {
        return None;
    }
    let base = at + 1;
    let n = words::base_comparison_before(chars, base)?;
    let named = base < end && chars[base..end].iter().all(|&c| is_han(c));
    (named && base - n > clause_start).then_some(base - n)
}

/// The subject in the clause `chars[clause_start..quantity]` before a quantity, and whether
/// `分别` stood between them. `None` for the span when the clause names nothing.
fn subject_before(chars: &[char], clause_start: usize, quantity: usize) -> (Span, bool) {
    let (mut end, respectively) = strip_links(chars, clause_start, quantity);
    // `建设高标准农田12万亩`: a verb, its object and the amount, with no linking word between.
    let mut bare = end == quantity;
    // `是“十三五”末的2.1倍`: the clause names the base of a comparison.
    if words::comparison_at(chars, clause_start) {
        return ((clause_start, clause_start), respectively);
    }
    if end <= clause_start {
        return ((clause_start, clause_start), respectively);
    }
    // `占…比重` names a share; otherwise `占` links a part to its whole. One pass over the
    // clause finds the last `占` and the verb of action the subject follows: only where a
    // `占` cuts the clause short is the part before it searched again.
    let mut share = words::share_ending_before(chars, end);
    let mut search = verb_search(chars, clause_start, end, !share);
    // `民间投资增速高于全国4.1个百分点`: a comparison with its base, found by the same pass
    // (every one ends with `于`), is left out, and the part before it searched again.
    if let Some(compared) = search
        .last_yu
        .and_then(|at| compared_base_start(chars, clause_start, end, at))
    {
        end = strip_links(chars, clause_start, compared).0;
        bare = false;
        if end <= clause_start {
            return ((end, end), respectively);
        }
        share = words::share_ending_before(chars, end);
        search = verb_search(chars, clause_start, end, !share);
    }
    if let Some(at) = search.part_of {
        end = strip_links(chars, clause_start, at).0;
        if end <= clause_start {
            return ((end, end), respectively);
        }
        search = verb_search(chars, clause_start, end, false);
    }
    let VerbSearch {
        start, verb_start, ..
    } = search;
    // `…「教育訓練費」編列預算`, `…非自償性經費編列預算`: a verb's object that is only a
    // placeholder stands for what is named before the verb.
    let placeholder_object = verb_start.filter(|_| strip_placeholders(chars, start, end) == start);
    let line = quoted_line(chars, start, end).or_else(|| {
        let verb_start = placeholder_object?;
        quoted_line(
            chars,
            clause_start,
            strip_links(chars, clause_start, verb_start).0,
        )
    });
    if let Some((start, end)) = line {
        return (trim(chars, start, end).unwrap_or((end, end)), respectively);
    }
    // Only after a verb that also links (`編列`): `污染整治預算` is a name.
    if let Some(verb_start) =
        placeholder_object.filter(|_| words::linking_before(chars, start).is_some())
    {
        // A time or scope word alone (`114年度編列預算`) names nothing, and `trim` says so.
        let (before, _) = subject_before(chars, clause_start, verb_start);
        if before.0 < before.1 {
            return (before, respectively);
        }
    }
    match trim(chars, start, end) {
        // Too long to be a subject: the span is reported, the caller drops it.
        Some(span) if bare => (without_opening_verbs(chars, span), respectively),
        Some(span) => (span, respectively),
        None => ((end, end), respectively),
    }
}

/// `span`, named right before its amount, without the [`OPENING_VERBS`] that open it before
/// their object (`建设高标准农田12万亩` → 高标准农田, `加快建设…`); before a linking word the
/// verb is part of a name (`签约落地项目投资完成额增长6%`). Not where the verb and the word
/// after it make a noun (`建设资金`, `建设工期`, `种植面积`), nor where too little is left to
/// name a thing (`营造林`, `落地京企`): at least three Han characters.
///
/// [`OPENING_VERBS`]: crate::lexicon::subjects::OPENING_VERBS
fn without_opening_verbs(chars: &[char], mut span: Span) -> Span {
    while let Some(n) = words::opening_verb_at(chars, span.0) {
        let rest = span.0 + n;
        let named = chars[rest.min(span.1)..span.1]
            .iter()
            .filter(|&&c| is_han(c))
            .take(3)
            .count();
        if named < 3 || words::makes_noun_at(chars, rest) || words::verb_noun_head_at(chars, rest) {
            break;
        }
        match trim(chars, rest, span.1) {
            Some(shorter) => span = shorter,
            None => break,
        }
    }
    span
}

/// The last name in corner brackets of `chars[start..end]`, brackets included, when nothing
/// but [`LINE_PLACEHOLDERS`] follows it: of a path of budget lines and headings
/// (`第6目「榮民醫療照護」項下「高齡醫學發展與照護」預算`) the last, most specific one is what
/// the amount funds; the agency and headings before it only place it. Only corner brackets,
/// the marks that such paths are written with: a name in `“”` is usually qualified by the
/// words before it (`专精特新“小巨人”`).
///
/// [`LINE_PLACEHOLDERS`]: crate::lexicon::subjects::LINE_PLACEHOLDERS
fn quoted_line(chars: &[char], start: usize, end: usize) -> Option<Span> {
    let end = strip_placeholders(chars, start, end);
    let close = *chars.get(start..end)?.last()?;
    // Only a corner bracket closes a line: before any other, the span is not looked back over.
    if !matches!(close, '」' | '』') {
        return None;
    }
    let open = (start..end - 1).rev().find(|&i| is_quote(chars[i]))?;
    let named = chars[open + 1..end - 1]
        .iter()
        .filter(|&&c| is_han(c))
        .count();
    (matches!((chars[open], close), ('「', '」') | ('『', '』')) && named >= 2)
        .then_some((open, end))
}

/// Where `chars[start..end]` ends once the [`LINE_PLACEHOLDERS`] at its end are passed back
/// over (`「業務費」預算` → `「業務費」`).
///
/// [`LINE_PLACEHOLDERS`]: crate::lexicon::subjects::LINE_PLACEHOLDERS
fn strip_placeholders(chars: &[char], start: usize, mut end: usize) -> usize {
    while let Some(n) = words::line_placeholder_before(chars, end).filter(|&n| end - n >= start) {
        end -= n;
    }
    end
}

/// Passes back over the linking verbs, adverbs and time words before a quantity; returns
/// where the words before them end, and whether `分别` was among them.
fn strip_links(chars: &[char], floor: usize, mut end: usize) -> (usize, bool) {
    let mut respectively = false;
    while end > floor {
        if is_space(chars[end - 1]) {
            end -= 1;
            continue;
        }
        match words::before(chars, end) {
            Before::Link(n, says_respectively) if end - n >= floor => {
                respectively |= says_respectively;
                end -= n;
            }
            _ => match plan_base_before(chars, end) {
                Some(n) if end - n >= floor => end -= n,
                _ => break,
            },
        }
    }
    (end, respectively)
}

/// The length of a comparison with a five-year plan as its base that ends at `chars[end]`
/// (`比“十三五”时期`, `较“十三五”末`, `较十三五末期`): like `比上年`, it stands between a subject
/// and its quantity.
fn plan_base_before(chars: &[char], end: usize) -> Option<usize> {
    let before = chars.get(..end)?;
    if !words::may_end_plan_period(*before.last()?) {
        return None;
    }
    let period = words::PLAN_PERIODS
        .iter()
        .find(|w| ends_with_word(before, w))?
        .chars()
        .count();
    let mut k = end - period;
    if k > 0 && (is_closing_quote(before[k - 1]) || before[k - 1] == '"') {
        k -= 1;
    }
    if !is_five_year_plan(before.get(k.checked_sub(3)?..k)?) {
        return None;
    }
    k -= 3;
    if k > 0 && is_opening_quote(before[k - 1]) {
        k -= 1;
    }
    let opener = words::comparison_before(chars, k)?;
    Some(end - (k - opener))
}

/// The length of a five-year plan's period at `chars[start]` (`“十四五”时期`, `十三五期间`):
/// a time, left out at the opening of a subject.
fn plan_period_at(chars: &[char], start: usize) -> Option<usize> {
    let mut k = start + usize::from(chars.get(start).copied().is_some_and(is_opening_quote));
    if !is_five_year_plan(chars.get(k..k + 3)?) {
        return None;
    }
    k += 3;
    if chars.get(k).copied().is_some_and(is_quote) {
        k += 1;
    }
    let period = words::PLAN_PERIODS
        .iter()
        .find(|w| starts_with_word(chars.get(k..).unwrap_or_default(), w))?;
    Some(k + period.chars().count() - start)
}

/// Whether `chars` name a five-year plan, 十一五 to 十五五: 十, an ordinal digit, 五.
fn is_five_year_plan(chars: &[char]) -> bool {
    matches!(chars, ['十', '一' | '二' | '三' | '四' | '五', '五'])
}

/// The span `start..end` without the scope, time and joining words that open it, quotation
/// marks around it and `的` after it; `None` when nothing that names a thing is left.
fn trim(chars: &[char], start: usize, end: usize) -> Option<Span> {
    trim_to(chars, start, end, 2)
}

/// [`trim`], keeping spans of at least `min_han` Han characters (a counted noun may be one:
/// `5个县`).
fn trim_to(chars: &[char], mut start: usize, mut end: usize, min_han: usize) -> Option<Span> {
    if start >= end {
        return None;
    }
    // The word left out at the opening last looked for, and where: a word at a position is
    // the same whatever the span's end.
    let mut opener: (usize, Option<usize>);
    loop {
        while start < end && left_out_at_start(chars[start]) {
            start += 1;
        }
        while end > start && left_out_at_end(chars[end - 1]) {
            end -= 1;
        }
        // Only quotation marks taken off or a word left out can uncover more to leave out: the
        // marks and words at the new ends are looked at again.
        let mut unquoted = false;
        if start < end && is_opening_quote(chars[start]) && is_closing_quote(chars[end - 1]) {
            let inner = &chars[start + 1..end - 1];
            if !inner.iter().any(|&c| is_quote(c)) {
                start += 1;
                end -= 1;
                unquoted = true;
            }
        }
        let word = (start < end && words::may_start_opener(chars[start]))
            .then(|| words::opener_at(chars, start))
            .flatten();
        opener = (start, word);
        let opening = word
            .or_else(|| time_numeral_at(chars, start))
            .or_else(|| plan_period_at(chars, start));
        if let Some(n) = opening.filter(|&n| start + n < end) {
            start += n;
        } else if !unquoted {
            break;
        }
    }
    // `在天开园注册的科技型企业`: a phrase of place before 的 qualifies the subject.
    if chars.get(start) == Some(&'在') {
        if let Some(de) = (start..end).rev().find(|&i| chars[i] == '的') {
            start = de + 1;
        }
    }
    // A quotation mark with no partner in the span belongs to the text around it.
    let span = &chars[start..end.max(start)];
    if span.last().copied().is_some_and(is_closing_quote)
        && !span.iter().any(|&c| is_opening_quote(c))
    {
        end -= 1;
    }
    if span.first().copied().is_some_and(is_opening_quote)
        && !span.iter().any(|&c| is_closing_quote(c))
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // A scope, time or joining word alone (`年度`, `全省`) names nothing.
    if words::may_start_opener(chars[start]) {
        let word = match opener {
            (at, word) if at == start => word,
            _ => words::opener_at(chars, start),
        };
        if word == Some(end - start) {
            return None;
        }
    }
    let span = &chars[start..end];
    // Enough Han characters, or a Latin letter, and not a word that names nothing.
    let names = span.iter().filter(|&&c| is_han(c)).take(min_han).count() == min_han
        || span.iter().any(char::is_ascii_alphabetic);
    (names && !words::is_function_word(span)).then_some((start, end))
}

/// Whether `c` opening a span is left out of a subject: a space, a closing quotation mark,
/// `的`, any mark that is no letter, digit or quotation mark.
fn left_out_at_start(c: char) -> bool {
    if c == '的' {
        return true;
    }
    !(is_han(c) || c.is_ascii_alphanumeric() || is_opening_quote(c))
}

/// Whether `c` ending a span is left out of a subject: a space, `的`, `等`, an opening
/// quotation mark.
fn left_out_at_end(c: char) -> bool {
    if matches!(c, '的' | '等') {
        return true;
    }
    // Spaces and opening quotation marks all lie below the Han characters.
    c < '\u{3010}' && (is_space(c) || is_opening_quote(c))
}

/// [`char::is_whitespace`], answered for the Han characters and marks above U+3000 (none of
/// them a space) with one comparison.
fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// The length of a written time that opens a span (`2025年`, `3月`), which the date
/// extractor left to another record or to none.
fn time_numeral_at(chars: &[char], start: usize) -> Option<usize> {
    let digits = chars[start..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (digits > 0 && matches!(chars.get(start + digits), Some('年' | '月' | '日')))
        .then_some(digits + 1)
}

// The quotation marks lie below U+3010, the Han characters above: one comparison answers for
// nearly every character these are asked of.

fn is_opening_quote(c: char) -> bool {
    c < '\u{3010}' && matches!(c, '“' | '「' | '『' | '‘' | '"')
}

fn is_closing_quote(c: char) -> bool {
    c < '\u{3010}' && matches!(c, '”' | '」' | '』' | '’')
}

fn is_quote(c: char) -> bool {
    c < '\u{3010}' && (is_opening_quote(c) || is_closing_quote(c))
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Record};

    fn subjects(text: &str) -> Vec<(String, Option<String>)> {
        Extractor::new()
            .extract(text)
            .into_iter()
            .filter_map(|r| match r {
                Record::Quantity(q) => {
                    if let (Some(s), Some(e)) = (q.subject_start, q.subject_end) {
                        assert_eq!(
                            crate::clean(&text[s..e]),
                            q.subject.as_deref().unwrap_or("")
                        );
                    }
                    Some((q.text.to_string(), q.subject.map(|s| s.to_string())))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_patterns_of_the_spec() {
        let cases = [
            ("地区生产总值达到5.1万亿元。", vec![Some("地区生产总值")]),
            ("新增城镇就业6.2万人。", vec![Some("城镇就业")]),
            ("全年新增企业77家企业。", vec![Some("企业")]),
            ("新建5G基站1.2万座。", vec![Some("5G基站")]),
            ("人均可支配收入4.3万元。", vec![Some("人均可支配收入")]),
            (
                "地区生产总值5.1万亿元、增长5.5%。",
                vec![Some("地区生产总值"), Some("地区生产总值")],
            ),
            (
                "接待游客17.52亿人次、旅游花费1.27万亿元，分别增长32.9%、41.6%。",
                vec![
                    Some("游客"),
                    Some("旅游花费"),
                    Some("游客"),
                    Some("旅游花费"),
                ],
            ),
            (
                "县城常住人口占县域比重提升至63%。",
                vec![Some("县城常住人口占县域比重")],
            ),
            (
                "全省规模以上工业增加值同比增长6.1%。",
                vec![Some("规模以上工业增加值")],
            ),
            ("港府出資273億元。", vec![Some("港府出資")]),
            ("太古持股42.26%。", vec![Some("太古持股")]),
            ("增长16%。", vec![None]),
        ];
        for (text, want) in cases {
            let got: Vec<Option<String>> = subjects(text).into_iter().map(|(_, s)| s).collect();
            let want: Vec<Option<String>> = want.into_iter().map(|s| s.map(String::from)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_verb_search_stops_at_every_quotation_mark() {
        for c in (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| super::is_quote(c))
        {
            assert!(super::words::stops_verb_search(c), "{c:?}");
        }
    }

    #[test]
    fn a_noun_holds_han_characters_letters_digits_and_quotation_marks() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                super::may_be_in_noun(c),
                super::is_han(c) || c.is_ascii_alphanumeric() || super::is_quote(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn a_long_text_without_sentence_ends_stays_bounded() {
        let text = "企业".repeat(50_000) + "增长16%";
        let found = subjects(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.is_none());
    }
}
