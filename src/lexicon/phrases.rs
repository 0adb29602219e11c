//! Words with numerals in them that count nothing, and other exclusions.
//!
//! A numeral inside one of these yields no record of any kind: `一批`, `一系列`, `万众`,
//! `千方百计`, `第三方`, `一季度` (a quarter of the year, not a duration). Product and technology
//! names (`5G`, `G20`) are kept here too. Both tables list simplified forms.
//!
//! ```
//! use xinzhi_extract::lexicon::phrases::set_phrase_covering;
//! let chars: Vec<char> = "形成一批成果".chars().collect();
//! assert_eq!(set_phrase_covering(&chars, 2), Some(2..4));
//! assert_eq!(set_phrase_covering(&chars, 0), None);
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use super::char_set::CharSet;
use super::word_index::{earliest_reaching, pair_key, HashedBits, WordIndex};

/// Set phrases whose numerals are not numbers.
pub static SET_PHRASES: &[&str] = PHRASE_LIST;

/// [`SET_PHRASES`], as a constant the compiler can read into [`PHRASE_CHARACTERS`].
const PHRASE_LIST: &[&str] = &[
    // Named in the specification.
    "一方面",
    "一批",
    "一系列",
    "一些",
    "一体化",
    "一线",
    "一流",
    "一揽子",
    "一张网",
    "万众",
    "千方百计",
    "不遗余力",
    // 一 as "the whole", "same", "once" or an article.
    "一大批",
    // 手 counts lots of shares, not the hands of these.
    "一手抓",
    "两手抓",
    // 二手 is second-hand (`二手车`), 两手 the two lines of a policy (`两手发力`, `两手并用`).
    "二手",
    "两手",
    "两手都要硬",
    "一体",
    "一带一路",
    "一起",
    "一直",
    "一定",
    "一样",
    "一切",
    "一般",
    "一致",
    "一律",
    "一旦",
    "一举",
    "一道",
    "一同",
    "一并",
    "一再",
    "一贯",
    "一概",
    "一向",
    "一味",
    "一番",
    "一次性",
    "一成不变",
    "两位数",
    "三位数",
    "个位数",
    "三位一体",
    "四位一体",
    "五位一体",
    "一站式",
    "一网通办",
    "一网统管",
    "一件事",
    "一张图",
    "一图",
    "一盘棋",
    "一把手",
    "一把钥匙",
    "一手",
    "一边",
    "一步",
    "进一步",
    "一环",
    "一窗",
    "一码",
    "一号",
    "一级",
    "二级",
    "三级",
    "一年级",
    "一线城市",
    "二线",
    "三线",
    "统一",
    "唯一",
    "同一",
    "单一",
    "万一",
    "逐一",
    "一一",
    "一下",
    "一心一意",
    "一以贯之",
    "一张蓝图",
    "一马当先",
    "一往无前",
    "一鼓作气",
    "一视同仁",
    "一方有难",
    "八方支援",
    "四面八方",
    "五湖四海",
    "五花八门",
    "七上八下",
    "三令五申",
    "十全十美",
    // Quarters of the year and school years are periods, not durations.
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "前三季度",
    "上半年",
    "下半年",
    // 万, 千, 百 as "many" or "all".
    "万家灯火",
    "千家万户",
    "万物",
    "万事",
    "万象",
    "千里",
    "千钧",
    "重若千钧",
    "千军万马",
    "千差万别",
    "千辛万苦",
    "千丝万缕",
    "万无一失",
    "万紫千红",
    "百花齐放",
    "百家争鸣",
    "百尺竿头",
    "百年大计",
    "千行百业",
    "万马奔腾",
    "百舸争流",
    "千帆竞发",
    "千载难逢",
    "千锤百炼",
    "百折不挠",
    "千头万绪",
    "一如既往",
    "一脉相承",
    "一丝不苟",
    "三心二意",
    // The "three periods overlapping" of an economy in transition, not phase three.
    "三期叠加",
    "百年未有",
    "百姓",
    "老百姓",
    "百货",
    "百科",
    // 兆 as mega in network speeds.
    "千兆",
    "万兆",
    // Ordinals that name a role, not a rank.
    "第一时间",
    "第一线",
    "第三方",
    "第一书记",
    // Pairs and sides.
    "两岸",
    "两会",
    "两者",
    "双方",
    "三农",
    "两个维护",
    "两个确立",
    "两个毫不动摇",
    "两个大局",
    "两个一百年",
    "四个意识",
    "四个自信",
    "四个全面",
    "三个代表",
    "八项规定",
    // Five-year plans named by their number, quoted or not.
    "十二五",
    "十三五",
    "十四五",
    "十五五",
];

/// Product and technology names whose digits are part of a name, not a number. They match as
/// whole Latin-digit tokens (`5G` but not the `5` of `5Gbps`).
pub static NAMES_WITH_DIGITS: &[&str] = &[
    "5G", "4G", "3G", "2G", "6G", "5G-A", "3D", "4D", "2D", "4K", "8K", "G20", "G7", "B20", "C919",
    "Wi-Fi6", "F1", "H5", "O2O", "P2P", "B2B", "B2C", "C2M", "MP3", "MP4", "COVID-19", "PM2.5",
    "PM10", "ISO9001",
];

/// Characters that cannot open the noun a bare number counts (`46万群众`): particles,
/// prepositions, verbs and measure words that follow a number without being counted by it
/// (`投资10亿建设`, `300万以上`).
pub static NOT_COUNTED: &[char] = &[
    '的', '了', '是', '在', '和', '与', '及', '或', '等', '以', '为', '于', '从', '到', '至', '达',
    '将', '把', '被', '向', '对', '由', '并', '且', '而', '但', '就', '也', '都', '又', '再', '还',
    '已', '均', '各', '每', '左', '上', '下', '内', '外', '后', '前', '中', '间', '之', '其', '次',
    '来', '起', '增', '减', '降', '升', '涨', '跌', '超', '占', '比', '同', '较', '约', '近', '用',
    '投', '建', '实', '完', '支', '购', '开', '提', '年', '月', '日', '时', '级', '多', '余', '这',
    '那', '此', '该', '即', '则', '如', '若', '因', '可', '能', '会', '要', '需', '应', '规', '量',
    '额', '美', '港', '欧', '韩', '英', '澳', '台', '新', '现', '共', '计', '合', '总', '净', '折',
];

/// Every character of every set phrase: a numeral none of whose characters is one of these
/// lies in no phrase, which one load per character tells.
static PHRASE_CHARACTERS: CharSet = CharSet::new(PHRASE_LIST, &[]);

static PHRASES: LazyLock<WordIndex<&'static &'static str>> =
    LazyLock::new(|| WordIndex::new(SET_PHRASES, |p| p));

/// Every two neighbouring characters of a set phrase. Every phrase has two characters or
/// more (a test checks it), so a phrase that covers a character pairs it with the one before
/// or after: where neither pair is in the set, no phrase covers it, which two loads tell
/// without a look-up at every position around it.
static PHRASE_PAIRS: LazyLock<HashedBits> = LazyLock::new(|| {
    let mut pairs = Vec::new();
    for phrase in SET_PHRASES {
        let chars: Vec<char> = phrase.chars().collect();
        pairs.extend(chars.windows(2).map(|pair| pair_key(pair[0], pair[1])));
    }
    HashedBits::new(pairs)
});

/// The longest set phrase, if any, that covers view position `position`.
#[must_use]
pub fn set_phrase_covering(chars: &[char], position: usize) -> Option<Range<usize>> {
    if position >= chars.len() {
        return None;
    }
    let longest = PHRASES.longest().max(1);
    (earliest_reaching(&PHRASE_PAIRS, chars, position, longest)..=position)
        .filter_map(|start| {
            PHRASES
                .all_at(chars, start)
                .map(|(_, len)| start..start + len)
                .find(|range| range.end > position)
        })
        .chain(repetition_covering(chars, position))
        .max_by_key(ExactSizeIterator::len)
}

/// The words that join the two halves of a repetition idiom: `一年更比一年`, `一任接着一任`,
/// `一代又一代`.
const REPETITION_LINKS: &[&str] = &["更比", "比", "接着", "接", "又", "连着", "高过", "跟着"];

/// The span of a repetition idiom, `一X` + link + `一X` with the same `X` (`一年接着一年干`,
/// `一天比一天好`, `一代又一代`), that holds `position`: "year after year", not a count of
/// one. Its halves are at most a few characters away, so the search is bounded.
fn repetition_covering(chars: &[char], position: usize) -> Option<Range<usize>> {
    const LONGEST_LINK: usize = 2;
    // The first half opens at most `2 + LONGEST_LINK + 1` characters before `position`.
    let earliest = position.saturating_sub(LONGEST_LINK + 3);
    (earliest..=position).rev().find_map(|start| {
        let end = repetition_at(chars, start)?;
        (end > position).then_some(start..end)
    })
}

/// The end of a repetition idiom opening at `start`, if one does.
fn repetition_at(chars: &[char], start: usize) -> Option<usize> {
    let (&'一', Some(&word)) = (chars.get(start)?, chars.get(start + 1)) else {
        return None;
    };
    if word == '一' || !('\u{4E00}'..='\u{9FFF}').contains(&word) {
        return None;
    }
    let after = start + 2;
    REPETITION_LINKS.iter().find_map(|link| {
        let link_end = after + link.chars().count();
        let linked = chars.get(after..link_end)?.iter().copied().eq(link.chars());
        let repeated = chars.get(link_end..link_end + 2) == Some(&['一', word][..]);
        (linked && repeated).then_some(link_end + 2)
    })
}

/// Whether a set phrase overlaps `chars[start..end]` on a character that is not ASCII (a
/// phrase never holds digits): one look-up per position from `longest - 1` before `start`.
#[must_use]
pub fn set_phrase_overlapping(chars: &[char], start: usize, end: usize) -> bool {
    // A phrase that overlaps the numeral on a character that is not ASCII holds that character.
    let end = end.min(chars.len());
    let may_overlap = (start.min(end)..end).any(|k| {
        let c = chars[k];
        !c.is_ascii()
            && PHRASE_CHARACTERS.contains(c)
            && (k
                .checked_sub(1)
                .is_some_and(|p| PHRASE_PAIRS.may_hold(pair_key(chars[p], c)))
                || chars
                    .get(k + 1)
                    .is_some_and(|&n| PHRASE_PAIRS.may_hold(pair_key(c, n))))
    });
    if !may_overlap {
        return repetition_overlapping(chars, start, end);
    }
    // `may_overlap` found a character in start..end, so start is a position of `chars`.
    let longest = PHRASES.longest().max(1);
    (earliest_reaching(&PHRASE_PAIRS, chars, start, longest)..end).any(|from| {
        PHRASES.may_start_at(chars, from)
            && PHRASES.all_at(chars, from).any(|(_, len)| {
                (from.max(start)..(from + len).min(end)).any(|k| !chars[k].is_ascii())
            })
    }) || repetition_overlapping(chars, start, end)
}

/// Whether a repetition idiom (`一年接着一年`) holds one of the first characters of
/// `chars[start..end]`: a numeral of the idiom is one of its two `一`.
fn repetition_overlapping(chars: &[char], start: usize, end: usize) -> bool {
    (start..end.min(start + 2)).any(|k| chars[k] == '一' && repetition_covering(chars, k).is_some())
}

/// Whether a Latin-digit token (`5G`, `g20`) is a product or technology name, case aside.
///
/// ```
/// use xinzhi_extract::lexicon::phrases::is_name_with_digits;
/// assert!(is_name_with_digits("PM2.5"));
/// assert!(!is_name_with_digits("2.5"));
/// ```
#[must_use]
pub fn is_name_with_digits(token: &str) -> bool {
    NAMES_WITH_DIGITS
        .iter()
        .any(|name| name.eq_ignore_ascii_case(token))
}

/// [`is_name_with_digits`] for a token of view characters, with no string built.
pub(crate) fn is_name_with_digits_in(token: &[char]) -> bool {
    // Every name has a letter (a test checks it), and most tokens around a number have none.
    if !token.iter().any(char::is_ascii_alphabetic) {
        return false;
    }
    NAMES_WITH_DIGITS.iter().any(|name| {
        name.len() == token.len()
            && name
                .bytes()
                .zip(token)
                .all(|(n, &c)| c.is_ascii() && n.eq_ignore_ascii_case(&(c as u8)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_cover_their_numerals() {
        let chars: Vec<char> = "守护万家灯火".chars().collect();
        assert_eq!(set_phrase_covering(&chars, 2), Some(2..6));
        let chars: Vec<char> = "新增2家".chars().collect();
        assert_eq!(set_phrase_covering(&chars, 2), None);
        let chars: Vec<char> = "迈出进一步".chars().collect();
        assert_eq!(set_phrase_covering(&chars, 3), Some(2..5));
    }

    #[test]
    fn every_phrase_has_two_characters_or_more() {
        for phrase in SET_PHRASES {
            assert!(phrase.chars().count() >= 2, "{phrase}");
        }
    }

    #[test]
    fn the_pair_filter_agrees_with_the_full_search() {
        // Every phrase in a sentence, and numerals around and inside phrases.
        let mut sentence = String::new();
        for phrase in SET_PHRASES {
            sentence.push_str(phrase);
            sentence.push_str("增长3.5%，新增一万二千个");
        }
        let chars: Vec<char> = sentence.chars().collect();
        let longest = PHRASES.longest();
        for start in 0..chars.len() {
            for end in start + 1..(start + 6).min(chars.len()) {
                let expected = (start.saturating_sub(longest - 1)..end).any(|from| {
                    PHRASES.all_at(&chars, from).any(|(_, len)| {
                        (from.max(start)..(from + len).min(end)).any(|k| !chars[k].is_ascii())
                    })
                });
                assert_eq!(
                    set_phrase_overlapping(&chars, start, end),
                    expected,
                    "{start}..{end}"
                );
            }
            let covering = (start.saturating_sub(longest - 1)..=start)
                .filter_map(|from| {
                    PHRASES
                        .all_at(&chars, from)
                        .map(|(_, len)| from..from + len)
                        .find(|range| range.end > start)
                })
                .max_by_key(ExactSizeIterator::len);
            assert_eq!(set_phrase_covering(&chars, start), covering, "{start}");
        }
    }

    #[test]
    fn every_name_with_digits_has_a_letter() {
        for name in NAMES_WITH_DIGITS {
            assert!(name.chars().any(|c| c.is_ascii_alphabetic()), "{name}");
        }
    }

    #[test]
    fn names_match_whole_tokens_only() {
        assert!(is_name_with_digits("5G"));
        assert!(is_name_with_digits("g20"));
        assert!(!is_name_with_digits("5"));
        for token in [
            "5G", "g20", "wi-fi6", "5", "5Ｇ", "5万", "PM2.5", "pm2.", "",
        ] {
            let chars: Vec<char> = token.chars().collect();
            assert_eq!(
                is_name_with_digits_in(&chars),
                is_name_with_digits(token),
                "{token}"
            );
        }
    }
}
