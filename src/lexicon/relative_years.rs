//! Words that name a year relative to the year of writing: 今年, 去年, 明年 ….
//!
//! They become dates only when the extractor is given a reference year
//! ([`ExtractorBuilder::reference_year`](crate::ExtractorBuilder::reference_year)). Each word
//! also lists the neighbours that show it is not a year at all but the tail of another word
//! (`今后年均` is "hereafter, on average per year", not 后年).

use super::char_set::CharSet;
use super::periods_of_year::PERIODS_OF_YEAR;

/// A relative year word and the context it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativeYear {
    /// The word, simplified, ending in 年.
    pub word: &'static str,
    /// Years after the reference year (negative: before).
    pub offset: i32,
    /// When set, the word counts only at the start of a text, after a character that is not
    /// Han, or after one of these characters: for words whose first character ends many
    /// other words (前, 后, 上).
    pub only_after: Option<&'static str>,
    /// Characters that, just before the word, make its first character part of another word.
    pub not_after: &'static str,
}

/// Characters before 前年, 后年 and 上年 that leave them standing as years: comparisons,
/// conjunctions and prepositions (比上年, 较上年, 与前年, 至后年).
const CONNECTIVES: &str = "比较与同和及于至到在从自是为即对、，,：:（(“ ";

/// The relative year words, longest first where one contains another.
pub const RELATIVE_YEARS: &[RelativeYear] = &[
    RelativeYear {
        word: "今年",
        offset: 0,
        only_after: None,
        not_after: "",
    },
    RelativeYear {
        word: "本年",
        offset: 0,
        only_after: Some(CONNECTIVES),
        not_after: "",
    },
    // 过去年均 and 失去年份 hold 去年 without meaning it.
    RelativeYear {
        word: "去年",
        offset: -1,
        only_after: None,
        not_after: "过失离回死出进上下除",
    },
    // 上年 ends 以上, 线上, 马上 …: it counts only after a connective (比上年, 较上年).
    RelativeYear {
        word: "上年",
        offset: -1,
        only_after: Some(CONNECTIVES),
        not_after: "",
    },
    // 说明年度, 证明年限, 文明年代: 明 ends many words.
    RelativeYear {
        word: "明年",
        offset: 1,
        only_after: None,
        not_after: "说证表声透光文发聪简阐标注指鲜清开黎申分查昌英神严失阳",
    },
    RelativeYear {
        word: "前年",
        offset: -2,
        only_after: Some(CONNECTIVES),
        not_after: "",
    },
    RelativeYear {
        word: "后年",
        offset: 2,
        only_after: Some(CONNECTIVES),
        not_after: "",
    },
];

/// Characters that, right after a relative year word, make 年 the start of another word
/// (年均, 年龄, 年纪, 年轻, 年华, 年薪, 年限, 年鉴).
pub const NOT_BEFORE: &str = "均龄纪轻华薪限鉴";

/// The relative year word at the start of `chars`, if any.
///
/// ```
/// use xinzhi_extract::lexicon::relative_years::relative_year_at;
/// let chars: Vec<char> = "去年同期".chars().collect();
/// assert_eq!(relative_year_at(&chars).map(|r| r.offset), Some(-1));
/// ```
#[must_use]
pub fn relative_year_at(chars: &[char]) -> Option<&'static RelativeYear> {
    RELATIVE_YEARS.iter().find(|r| {
        let mut word = r.word.chars();
        chars.len() >= 2 && word.next() == Some(chars[0]) && word.next() == Some(chars[1])
    })
}

/// Words that name a century relative to the reference year's: `上世纪80年代` is the 1980s
/// when the reference year is in the twenty-first century.
pub const RELATIVE_CENTURIES: &[(&str, i32)] = &[("上世纪", -1), ("本世纪", 0), ("下世纪", 1)];

/// The first characters of the words that open a date with no digit in them: the relative
/// years and centuries (`今年`, `上世纪`) and the periods of the year (`上半年`, `Q1`).
pub(crate) const fn date_word_initials() -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < RELATIVE_YEARS.len() {
        set = set.with_initial(RELATIVE_YEARS[k].word);
        k += 1;
    }
    k = 0;
    while k < RELATIVE_CENTURIES.len() {
        set = set.with_initial(RELATIVE_CENTURIES[k].0);
        k += 1;
    }
    k = 0;
    while k < PERIODS_OF_YEAR.len() {
        set = set.with_initial(PERIODS_OF_YEAR[k].word);
        k += 1;
    }
    set
}

/// The first characters of [`RELATIVE_CENTURIES`]: the dates scanner asks at every numeral.
static CENTURY_INITIALS: CharSet = {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < RELATIVE_CENTURIES.len() {
        set = set.with_initial(RELATIVE_CENTURIES[k].0);
        k += 1;
    }
    set
};

/// The relative century word at the start of `chars` and its offset in centuries.
///
/// ```
/// use xinzhi_extract::lexicon::relative_years::relative_century_at;
/// let chars: Vec<char> = "上世纪90年代".chars().collect();
/// assert_eq!(relative_century_at(&chars), Some(-1));
/// ```
#[must_use]
pub fn relative_century_at(chars: &[char]) -> Option<i32> {
    if !chars.first().is_some_and(|&c| CENTURY_INITIALS.contains(c)) {
        return None;
    }
    RELATIVE_CENTURIES
        .iter()
        .find(|(word, _)| super::starts_with_word(chars, word))
        .map(|&(_, offset)| offset)
}

/// Whether a relative year or century word may start with `c`: a cheap test before the
/// tables are searched.
///
/// ```
/// use xinzhi_extract::lexicon::relative_years::may_start_relative_word;
/// assert!(may_start_relative_word('今'));
/// assert!(!may_start_relative_word('年'));
/// ```
#[must_use]
pub fn may_start_relative_word(c: char) -> bool {
    RELATIVE_YEARS.iter().any(|r| r.word.starts_with(c))
        || RELATIVE_CENTURIES
            .iter()
            .any(|(word, _)| word.starts_with(c))
}
