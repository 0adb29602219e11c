//! Approximation words (`约`, `超过`, `左右`, `以上` …) and trend words (`增长`, `下降` …)
//! around a quantity.
//!
//! Approximation words are part of a quantity's span; trend words are not (they only set its
//! `trend`). A trend word followed by a word of arrival (`增加到22类`, `提高至80%`) states a
//! level reached, not a change.
//!
//! ```
//! use xinzhi_extract::lexicon::approx::{approx_after, approx_before};
//! use xinzhi_extract::Approx;
//! let chars: Vec<char> = "超过78万".chars().collect();
//! assert_eq!(approx_before(&chars, 2).map(|(w, len)| (w.approx, len)), Some((Approx::Over, 2)));
//! let chars: Vec<char> = "3年左右".chars().collect();
//! assert_eq!(approx_after(&chars, 2).map(|(w, _)| w.approx), Some(Approx::About));
//! ```

use std::sync::LazyLock;

use super::char_set::CharSet;
use super::word_index::WordIndex;
use crate::record::{Approx, Trend};

/// Words that open a vague number before a magnitude, with what they say of it: `上百` (over a
/// hundred), `数十`, `几千` (some tens, some thousands).
pub const VAGUE_NUMBER_WORDS: &[(char, Approx)] = &[
    ('上', Approx::Over),
    ('数', Approx::About),
    ('几', Approx::About),
];

/// The word for a half, which opens a quantity on its own (`半年`, `半小时`).
pub const HALF: char = '半';

/// Where an approximation word stands relative to its quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Before the number: `约`, `超过`, `不到`.
    Before,
    /// After the unit: `左右`, `以上`, `以内`.
    After,
}

/// An approximation word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApproxWord {
    /// The word, simplified.
    pub form: &'static str,
    /// What it says about the number.
    pub approx: Approx,
    /// Where it stands.
    pub side: Side,
}

const fn before(form: &'static str, approx: Approx) -> ApproxWord {
    ApproxWord {
        form,
        approx,
        side: Side::Before,
    }
}

const fn after(form: &'static str, approx: Approx) -> ApproxWord {
    ApproxWord {
        form,
        approx,
        side: Side::After,
    }
}

use Approx::{About, AtLeast, AtMost, Nearly, Over, Under};

/// Every approximation word, before and after.
///
/// `余` and `多` inside a number (`200余项`, `十多亿`) and the vague numbers (`数百`, `上百`,
/// `十几`) are read with the number, not from this table.
pub static APPROX_WORDS: &[ApproxWord] = APPROX_LIST;

/// [`APPROX_WORDS`], as a constant the compiler can read into [`APPROX_BEFORE_FINALS`] and
/// [`APPROX_AFTER_INITIALS`].
const APPROX_LIST: &[ApproxWord] = &[
    before("约", About),
    before("大约", About),
    before("约为", About),
    before("约合", About),
    before("约计", About),
    before("大概", About),
    before("大致", About),
    before("近", Nearly),
    before("将近", Nearly),
    before("接近", Nearly),
    before("近乎", Nearly),
    before("逼近", Nearly),
    before("超", Over),
    before("超过", Over),
    before("超出", Over),
    before("逾", Over),
    before("突破", Over),
    before("高于", Over),
    before("多于", Over),
    before("大于", Over),
    before("至少", AtLeast),
    before("最少", AtLeast),
    before("最低", AtLeast),
    before("起码", AtLeast),
    before("不少于", AtLeast),
    before("不低于", AtLeast),
    before("不小于", AtLeast),
    before("不止", AtLeast),
    before("不到", Under),
    before("不足", Under),
    before("低于", Under),
    before("少于", Under),
    before("小于", Under),
    before("未满", Under),
    before("不满", Under),
    before("最多", AtMost),
    before("最高", AtMost),
    before("至多", AtMost),
    before("不超过", AtMost),
    before("不高于", AtMost),
    before("不多于", AtMost),
    before("不大于", AtMost),
    after("左右", About),
    after("上下", About),
    after("前后", About),
    after("有余", Over),
    after("出头", Over),
    after("开外", Over),
    after("以上", AtLeast),
    after("或以上", AtLeast),
    after("及以上", AtLeast),
    after("以下", Under),
    after("或以下", Under),
    after("及以下", Under),
    after("以内", AtMost),
    after("之内", AtMost),
];

/// A word that marks a quantity as a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendWord {
    /// The word, simplified.
    pub form: &'static str,
    /// Up or down.
    pub trend: Trend,
}

const fn up(form: &'static str) -> TrendWord {
    TrendWord {
        form,
        trend: Trend::Up,
    }
}

const fn down(form: &'static str) -> TrendWord {
    TrendWord {
        form,
        trend: Trend::Down,
    }
}

/// Verbs of change, looked for just before a quantity.
pub static TREND_WORDS: &[TrendWord] = TREND_LIST;

/// [`TREND_WORDS`], as a constant the compiler can read into [`TREND_STOPS`].
const TREND_LIST: &[TrendWord] = &[
    up("增长"),
    up("增加"),
    up("新增"),
    up("净增"),
    up("提高"),
    up("上升"),
    up("上涨"),
    up("增"),
    up("提升"),
    up("扩大"),
    up("攀升"),
    up("增收"),
    up("涨"),
    up("升"),
    up("多增"),
    up("增幅"),
    up("上调"),
    up("延长"),
    up("扩容"),
    down("下降"),
    down("减少"),
    down("降低"),
    down("下跌"),
    down("缩减"),
    down("减"),
    down("下滑"),
    down("回落"),
    down("缩小"),
    down("降"),
    down("跌"),
    down("削减"),
    down("压减"),
    down("净减"),
    down("减收"),
    down("少增"),
    down("降幅"),
    down("减幅"),
    down("缩短"),
    down("压缩"),
    down("下调"),
];

/// Words between a verb of change and its number that make the number a level reached:
/// `增加到22类`, `提高至80%`, `下降为`, `增长达`.
pub static ARRIVAL_WORDS: &[&str] = ARRIVAL_LIST;

const ARRIVAL_LIST: &[&str] = &["到", "至", "达", "达到", "为", "成"];

/// The last characters of the verbs of change and of the words of arrival.
const fn change_word_ends() -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < TREND_LIST.len() {
        set = set.with_final(TREND_LIST[k].form);
        k += 1;
    }
    let mut k = 0;
    while k < ARRIVAL_LIST.len() {
        set = set.with_final(ARRIVAL_LIST[k]);
        k += 1;
    }
    set
}

/// Marks that end a clause: a verb of change before one governs no quantity after it.
const CLAUSE_BREAKS: &str = "，,。；;：:！!？?、\n\r";

static CLAUSE_BREAK_SET: CharSet = CharSet::new(&[CLAUSE_BREAKS], &[]);

/// Whether `c` is one of the [`CLAUSE_BREAKS`].
pub(crate) fn is_clause_break(c: char) -> bool {
    CLAUSE_BREAK_SET.contains(c)
}

/// [`CLAUSE_BREAKS`] and the last characters of the verbs of change and the words of arrival:
/// where the walk back from a quantity to its verb stops to look. It passes over every other
/// character with one load.
pub(crate) static TREND_STOPS: CharSet =
    CharSet::new(&[CLAUSE_BREAKS], &[]).union(&change_word_ends());

/// Words that may stand between a verb of change and its number without breaking the link:
/// `增长了16%`, `同比增长16%`.
pub static CHANGE_FILLERS: &[&str] = FILLER_LIST;

/// [`CHANGE_FILLERS`], as a constant the compiler can read into [`FILLER_FINALS`].
const FILLER_LIST: &[&str] = &["了", "了约"];

/// The last characters of the fillers: most quantities have none just before them.
static FILLER_FINALS: CharSet = CharSet::finals_of(&[FILLER_LIST]);

/// Characters that, right after a verb of change, make it part of a noun or a policy name
/// rather than a change of the number: `增加值` (value added), `增长率`, `增速`, `减税降费`,
/// `降本增效`, `减负`, `增长点`, `经济增长的`, `转型升级`, `增进`.
pub static CHANGE_NOUN_ENDINGS: &[char] = &[
    '值', '率', '速', '税', '费', '负', '本', '效', '势', '量', '点', '的', '级', '进',
];

/// Words between a verb of change and a level that name the size of the change, so the
/// level is the change after all: `下降幅度高达93%`, `增幅为3%`.
pub static CHANGE_SIZE_WORDS: &[&str] = &["幅度", "幅"];

/// The last characters of the words before a number and the first of those after a
/// quantity: most numbers have neither next to them, which one load tells before the index
/// is searched.
static APPROX_BEFORE_FINALS: CharSet = approx_word_ends(Side::Before);
static APPROX_AFTER_INITIALS: CharSet = approx_word_ends(Side::After);

const fn approx_word_ends(side: Side) -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < APPROX_LIST.len() {
        let word = &APPROX_LIST[k];
        match (side, word.side) {
            (Side::Before, Side::Before) => set = set.with_final(word.form),
            (Side::After, Side::After) => set = set.with_initial(word.form),
            _ => {}
        }
        k += 1;
    }
    set
}

static APPROX_BEFORE: LazyLock<WordIndex<&'static ApproxWord>> = LazyLock::new(|| {
    WordIndex::new(APPROX_WORDS, |w| match w.side {
        Side::Before => w.form,
        Side::After => "",
    })
});

static APPROX_AFTER: LazyLock<WordIndex<&'static ApproxWord>> = LazyLock::new(|| {
    WordIndex::new(APPROX_WORDS, |w| match w.side {
        Side::After => w.form,
        Side::Before => "",
    })
});

static TRENDS: LazyLock<WordIndex<&'static TrendWord>> =
    LazyLock::new(|| WordIndex::new(TREND_WORDS, |w| w.form));

static ARRIVALS: LazyLock<WordIndex<&'static &'static str>> =
    LazyLock::new(|| WordIndex::new(ARRIVAL_WORDS, |w| w));

static FILLERS: LazyLock<WordIndex<&'static &'static str>> =
    LazyLock::new(|| WordIndex::new(CHANGE_FILLERS, |w| w));

/// The longest approximation word that may precede a number, ending just before `chars[end]`.
#[must_use]
pub fn approx_before(chars: &[char], end: usize) -> Option<(&'static ApproxWord, usize)> {
    let last = *chars.get(end.checked_sub(1)?)?;
    if !APPROX_BEFORE_FINALS.contains(last) {
        return None;
    }
    APPROX_BEFORE.longest_ending_at(chars, end)
}

/// The longest approximation word that may follow a quantity, starting at `chars[start]`.
#[must_use]
pub fn approx_after(chars: &[char], start: usize) -> Option<(&'static ApproxWord, usize)> {
    if !APPROX_AFTER_INITIALS.contains(*chars.get(start)?) {
        return None;
    }
    APPROX_AFTER.longest_at(chars, start)
}

/// The longest verb of change ending just before `chars[end]`.
#[must_use]
pub fn trend_before(chars: &[char], end: usize) -> Option<(&'static TrendWord, usize)> {
    TRENDS.longest_ending_at(chars, end)
}

/// The length of a word of arrival (`到`, `至`, `达到` …) ending just before `chars[end]`.
#[must_use]
pub fn arrival_before(chars: &[char], end: usize) -> Option<usize> {
    ARRIVALS.longest_ending_at(chars, end).map(|(_, len)| len)
}

/// The length of a filler (`了`) ending just before `chars[end]`.
#[must_use]
pub fn filler_before(chars: &[char], end: usize) -> Option<usize> {
    if !FILLER_FINALS.contains(*chars.get(end.checked_sub(1)?)?) {
        return None;
    }
    FILLERS.longest_ending_at(chars, end).map(|(_, len)| len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn approximation_words_by_side() {
        let cases = [
            ("约", Some(About)),
            ("将近", Some(Nearly)),
            ("不超过", Some(AtMost)),
            ("超过", Some(Over)),
            ("不少于", Some(AtLeast)),
            ("不到", Some(Under)),
            ("达", None),
            ("增长", None),
        ];
        for (text, approx) in cases {
            let c = chars(text);
            assert_eq!(
                approx_before(&c, c.len()).map(|(w, _)| w.approx),
                approx,
                "{text}"
            );
        }
        let cases = [
            ("左右", Some(About)),
            ("或以上", Some(AtLeast)),
            ("以下", Some(Under)),
            ("以内", Some(AtMost)),
            ("以来", None),
        ];
        for (text, approx) in cases {
            assert_eq!(
                approx_after(&chars(text), 0).map(|(w, _)| w.approx),
                approx,
                "{text}"
            );
        }
    }

    #[test]
    fn trend_words_and_arrivals() {
        let c = chars("同比增长");
        assert_eq!(
            trend_before(&c, 4).map(|(w, len)| (w.trend, len)),
            Some((Trend::Up, 2))
        );
        let c = chars("减少");
        assert_eq!(trend_before(&c, 2).map(|(w, _)| w.trend), Some(Trend::Down));
        let c = chars("增加到");
        assert_eq!(arrival_before(&c, 3), Some(1));
        assert_eq!(trend_before(&c, 2).map(|(w, _)| w.trend), Some(Trend::Up));
        let c = chars("总数达到");
        assert_eq!(arrival_before(&c, 4), Some(2));
        assert_eq!(trend_before(&c, 2), None);
    }
}
