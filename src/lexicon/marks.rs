//! Punctuation and marks the extractors read: range separators, quotation pairs, title
//! brackets, line breaks, and the marks a scraped page leaves where a character was lost.
//!
//! Each fact is listed once; the extractors and the view's candidate positions read it from
//! here.

use super::char_set::CharSet;

/// Separators between the two ends of a range or period: `3-5万元`, `2023—2026年`,
/// `三至五年`, `1~3月`: every dash and tilde, the figure dash `‒` among them. The view folds
/// full-width forms (`～` to `~`, `－` to `-`); they are listed for text read unfolded.
pub const RANGE_SEPARATORS: &[char] = &[
    '至', '到', '-', '－', '—', '–', '―', '‐', '‑', '‒', '−', '~', '〜', '～',
];

static RANGE_SEPARATOR_SET: CharSet = chars_set(RANGE_SEPARATORS);

/// Whether `c` separates the two ends of a range ([`RANGE_SEPARATORS`]).
#[must_use]
#[inline]
pub fn is_range_separator(c: char) -> bool {
    RANGE_SEPARATOR_SET.contains(c)
}

/// The length of the range separator at `chars[i]`: 2 for a doubled dash (`——`, `--`), 1
/// for any other separator, 0 for none.
#[must_use]
pub fn range_separator_len(chars: &[char], i: usize) -> usize {
    let Some(&c) = chars.get(i) else { return 0 };
    let doubled = matches!(
        (c, chars.get(i + 1)),
        ('—' | '–' | '－', Some('—')) | ('-', Some('-'))
    );
    if doubled {
        2
    } else {
        usize::from(is_range_separator(c))
    }
}

/// The (folded) characters where markup may open: `http://`, `https://` and `www.` in either
/// case, `<` of a tag, `]` of a Markdown link target, `@` of an e-mail address. One bit per
/// ASCII character, in two words: a test shifts one word, not a 128-bit integer.
const MARKUP_OPENERS: [u64; 2] = {
    let openers = *b"hHwW<]@";
    let mut mask = [0_u64; 2];
    let mut k = 0;
    while k < openers.len() {
        mask[(openers[k] / 64) as usize] |= 1 << (openers[k] % 64);
        k += 1;
    }
    mask
};

/// Whether markup may open at the (folded) character `c`.
#[must_use]
#[inline]
pub(crate) const fn may_open_markup(c: char) -> bool {
    let k = c as u32;
    k < 128 && MARKUP_OPENERS[(k / 64) as usize] & (1 << (k % 64)) != 0
}

/// Opening and closing quotation marks, in pairs.
pub const QUOTE_PAIRS: &[(char, char)] = &[('“', '”'), ('「', '」'), ('‘', '’'), ('『', '』')];

/// The closing mark of the quotation `open` opens, if it opens one.
#[must_use]
pub fn closing_quote(open: char) -> Option<char> {
    QUOTE_PAIRS
        .iter()
        .find(|&&(o, _)| o == open)
        .map(|&(_, close)| close)
}

/// The brackets of a document title.
pub const TITLE_BRACKETS: (char, char) = ('《', '》');

/// Line breaks: a title never spans one.
pub const LINE_BREAKS: &[char] = &[
    '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// Whether `c` breaks a line.
#[must_use]
pub fn is_line_break(c: char) -> bool {
    LINE_BREAK_SET.contains(c)
}

/// [`LINE_BREAKS`] as a bit table: asked of every candidate position of a text.
static LINE_BREAK_SET: CharSet = chars_set(LINE_BREAKS);

/// What may stand before a unit written as a label (`單位：千元`, `金额（万元）`): a magnitude and
/// unit there name the unit of the figures around it, not an amount. Line breaks, spaces and
/// the start of the text count too.
pub const UNIT_LABEL_OPENERS: &[char] = &['：', ':', '（', '(', '【', '[', '〔', '/', '|', '｜'];

/// What may stand after a unit written as a label: a closing bracket or a clause break. Line
/// breaks, spaces and the end of the text count too.
pub const UNIT_LABEL_CLOSERS: &[char] = &[
    '）', ')', '】', ']', '〕', '，', ',', '。', '；', ';', '、', '/', '|', '｜',
];

/// Whether the characters before `start` and from `end` on frame `chars[start..end]` as a
/// label (see [`UNIT_LABEL_OPENERS`]).
#[must_use]
pub fn framed_as_label(chars: &[char], start: usize, end: usize) -> bool {
    let open = start
        .checked_sub(1)
        .is_none_or(|k| chars[k].is_whitespace() || UNIT_LABEL_OPENERS.contains(&chars[k]));
    let close = chars
        .get(end)
        .is_none_or(|&c| c.is_whitespace() || UNIT_LABEL_CLOSERS.contains(&c));
    open && close
}

/// What may stand before a list label (`1.`, `2、`) besides the start of a line: the end of
/// a sentence or of a clause that announces a list, or a closing quotation mark or bracket
/// after which an inline list goes on (`之「一般事務費」2.一般事務費189萬7千元`).
pub const LIST_LABEL_OPENERS: &[char] = &[
    '。', '；', ';', '：', ':', '」', '』', '”', '）', ')', '】', '》',
];

/// How far back a list label may be indented.
const MAX_LABEL_INDENT: usize = 8;

/// Whether a list label may start at `chars[start]`: at the start of the text or of a line,
/// or after one of [`LIST_LABEL_OPENERS`], perhaps indented by a few spaces or tabs.
#[must_use]
pub fn opens_list_item(chars: &[char], start: usize) -> bool {
    let mut k = start;
    while k > 0 && start - k < MAX_LABEL_INDENT && matches!(chars[k - 1], ' ' | '\t') {
        k -= 1;
    }
    k == 0 || matches!(chars[k - 1], '\n' | '\r') || LIST_LABEL_OPENERS.contains(&chars[k - 1])
}

/// Marks a scraped page leaves where a character was lost, besides the private use areas.
pub const LOST_MARKS: &[char] = &['?', '\u{FFFD}'];

/// The private use area of the Basic Multilingual Plane, where a lost character may be
/// mapped; the private use planes (U+F0000 on) are lost characters too.
pub const PRIVATE_USE: (char, char) = ('\u{E000}', '\u{F8FF}');

/// Whether `c` marks a lost character: [`LOST_MARKS`] or private use.
#[must_use]
pub fn is_lost_mark(c: char) -> bool {
    // Asked of the characters that open numbers, which are nearly all below the private use
    // area: there only the marks of the list can be lost, and the ranges are not compared.
    if c < PRIVATE_USE.0 {
        return LOST_MARKS.contains(&c);
    }
    LOST_MARKS.contains(&c)
        || (PRIVATE_USE.0..=PRIVATE_USE.1).contains(&c)
        || matches!(c as u32, 0xF_0000..=0xF_FFFD | 0x10_0000..=0x10_FFFD)
}

/// The characters of `list` as a set.
pub(crate) const fn chars_set(list: &[char]) -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < list.len() {
        set = set.with_char(list[k]);
        k += 1;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_their_lengths() {
        let chars: Vec<char> = "3‒5 3——5 3--5 3–—5 3-—5 3至5".chars().collect();
        let lens: Vec<usize> = (0..chars.len())
            .map(|i| range_separator_len(&chars, i))
            .filter(|&n| n > 0)
            .collect();
        assert_eq!(lens, [1, 2, 1, 2, 1, 2, 1, 1, 1, 1]);
    }
}
